import { ApiProperty } from '@nestjs/swagger';
import { HubView, HubWithMembershipView, MembershipView, Page, USER_TYPES, UserType } from '@gatehouse/contracts';
import { PageFields } from '../openapi/error-body';

/** MembershipView: one person's membership of a Hub. */
export class Membership implements MembershipView {
  @ApiProperty({ format: 'uuid' })
  hubId!: string;

  @ApiProperty({ format: 'uuid' })
  accountId!: string;

  @ApiProperty({ example: 'ada@example.com' })
  email!: string;

  @ApiProperty({ example: 'Ada Lovelace' })
  displayName!: string;

  @ApiProperty({ enum: USER_TYPES, enumName: 'UserType' })
  userType!: UserType;

  @ApiProperty({ description: 'Hub admins manage members, invites and the registration link (Team Members only).' })
  isHubAdmin!: boolean;

  @ApiProperty({ description: 'Whether the member may invite (Team Members; Hub admins always may).' })
  canInvite!: boolean;

  @ApiProperty({ format: 'date-time' })
  joinedAt!: string;
}

export class MembershipPage extends PageFields implements Page<MembershipView> {
  @ApiProperty({ type: [Membership] })
  items!: Membership[];
}

/** HubView. */
export class Hub implements HubView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  tenancyId!: string;

  @ApiProperty({ example: 'Project Falcon' })
  name!: string;

  @ApiProperty({ format: 'uuid', description: 'The account that created the Hub.' })
  createdBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

/** HubWithMembershipView: a Hub and the caller's own membership of it. */
export class HubWithMembership extends Hub implements HubWithMembershipView {
  @ApiProperty({
    type: Membership,
    nullable: true,
    description:
      "The caller's membership; null when the caller sees the Hub as a tenant admin or operator without being a member.",
  })
  membership!: Membership | null;
}

export class HubWithMembershipPage extends PageFields implements Page<HubWithMembershipView> {
  @ApiProperty({ type: [HubWithMembership] })
  items!: HubWithMembership[];
}

export class MemberRemoved {
  @ApiProperty({ enum: [true] })
  removed!: true;
}

/** One Hub on the console's Hubs page: the hub's facts and counts, and the invite service's. */
export class TenancyHub extends HubWithMembership {
  @ApiProperty({ type: 'integer', minimum: 0 })
  memberCount!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Invites not yet accepted, revoked or expired.' })
  pendingInviteCount!: number;

  @ApiProperty({ description: "Whether the Hub's registration link lets people join (false: off, or none yet)." })
  registrationLinkEnabled!: boolean;
}

export class TenancyHubPage extends PageFields {
  @ApiProperty({ type: [TenancyHub] })
  items!: TenancyHub[];
}
