import { ApiProperty } from '@nestjs/swagger';
import { AuditEntryView, Page, PolicyView, TenancySummaryView, TenancyView } from '@gatehouse/contracts';
import { PageFields } from '../openapi/error-body';

/** TenancyView. */
export class Tenancy implements TenancyView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Acme Ltd' })
  name!: string;

  @ApiProperty({ example: 'acme' })
  slug!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

/** TenancySummaryView: a tenancy in the list, with its numbers of tenant admins and Hubs. */
export class TenancySummary extends Tenancy implements TenancySummaryView {
  @ApiProperty({ type: 'integer', minimum: 0 })
  adminCount!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  hubCount!: number;
}

export class TenancyPage extends PageFields implements Page<TenancySummaryView> {
  @ApiProperty({ type: [TenancySummary] })
  items!: TenancySummary[];
}

export class TenantAdminAdded {
  @ApiProperty({ format: 'uuid' })
  tenancyId!: string;

  @ApiProperty({ format: 'uuid' })
  accountId!: string;
}

/** PolicyView: the tenancy's invite policy. */
export class Policy implements PolicyView {
  @ApiProperty({ format: 'uuid' })
  tenancyId!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Plain text added at the bottom of every invite email; null when off.',
  })
  inviteMessageAppendix!: string | null;

  @ApiProperty({ description: 'Whether invite emails carry the appendix (off by default).' })
  inviteMessageAppendixEnabled!: boolean;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The appendix text as written, kept while the appendix is off; null when none was written.',
  })
  inviteMessageAppendixText!: string | null;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 90 })
  inviteExpiryDays!: number;

  @ApiProperty({ type: 'integer', description: 'Goes up by one with every change.' })
  version!: number;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

/** AuditEntryView: one recorded change. */
export class AuditEntry implements AuditEntryView {
  @ApiProperty({ example: '1042', description: 'A decimal number as a string; later entries have larger ones.' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  tenancyId!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  hubId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null: the system did it.' })
  actorAccountId!: string | null;

  @ApiProperty({ example: 'member.added' })
  action!: string;

  @ApiProperty({ type: String, nullable: true, description: 'Whom or what it concerns, e.g. an email address.' })
  subject!: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  details!: Record<string, unknown>;

  @ApiProperty({ type: String, nullable: true })
  correlationId!: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}
