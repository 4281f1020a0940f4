import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CreateInviteResult as CreateInviteResultView,
  INVITE_OUTCOMES,
  INVITE_STATUSES,
  InviteOutcome,
  InviteStatus,
  InviteView,
  Page,
  USER_TYPES,
  UserType,
} from '@gatehouse/contracts';
import { Membership } from '../hubs/hubs.responses';
import { ErrorBody, PageFields } from '../openapi/error-body';

/** InviteView: an individual invite to a Hub. */
export class Invite implements InviteView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  hubId!: string;

  @ApiProperty({ format: 'uuid' })
  tenancyId!: string;

  @ApiProperty({ example: 'Project Falcon' })
  hubName!: string;

  @ApiProperty({ example: 'grace@example.com', description: 'Normalised.' })
  email!: string;

  @ApiProperty({ enum: USER_TYPES, enumName: 'UserType' })
  userType!: UserType;

  @ApiProperty({
    enum: INVITE_STATUSES,
    enumName: 'InviteStatus',
    description: 'As of now: a pending invite past its expiry reads as `expired`.',
  })
  status!: InviteStatus;

  @ApiProperty({ format: 'uuid', description: 'Who sent it.' })
  inviterAccountId!: string;

  @ApiProperty({ example: 'Ada Lovelace', description: "The inviter's display name." })
  inviterName!: string;

  @ApiProperty({ format: 'date-time', description: 'When it was first made.' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ format: 'date-time', description: 'When the email last went out (first send or latest resend).' })
  lastSentAt!: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'How many times the email went out (1 + resends).' })
  sendCount!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  acceptedAt!: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt!: string | null;
}

export class InvitePage extends PageFields implements Page<InviteView> {
  @ApiProperty({ type: [Invite] })
  items!: Invite[];
}

/** CreateInviteResult: what inviting one address did. */
export class CreateInviteResult implements CreateInviteResultView {
  @ApiProperty({
    enum: INVITE_OUTCOMES,
    enumName: 'InviteOutcome',
    description:
      '`added`: the address had an account and is a member now; `invited`: an invite is pending (see `emailSent`); ' +
      '`already_member`: nothing changed.',
  })
  outcome!: InviteOutcome;

  @ApiProperty({ description: 'The address as Gatehouse stores it (normalised).' })
  email!: string;

  @ApiPropertyOptional({ type: Membership, description: '`added` and `already_member`: the membership.' })
  membership?: Membership;

  @ApiPropertyOptional({
    type: Invite,
    description: '`invited`: the pending invite (new, or the one pending already).',
  })
  invite?: Invite;

  @ApiProperty({
    description:
      'Whether an email goes out because of this request. `invited` with false: already invited, not sent again.',
  })
  emailSent!: boolean;
}

/** What became of one address of POST …/invites/batch: a result, or the reason it was refused. */
export class InviteAddressResult {
  @ApiProperty({ description: 'The address as it was sent.' })
  input!: string;

  @ApiProperty({ type: CreateInviteResult, nullable: true, description: 'null when the address was refused.' })
  result!: CreateInviteResult | null;

  @ApiProperty({
    type: ErrorBody,
    nullable: true,
    description: 'Why this address was refused (e.g. INVITE.INVALID_EMAIL, INVITE.SELF); null when it went through.',
  })
  error!: ErrorBody | null;
}

/** CreateInvitesResult: one entry per address sent, in the same order. */
export class CreateInvitesResult {
  @ApiProperty({ type: [InviteAddressResult] })
  results!: InviteAddressResult[];
}
