import { ApiProperty } from '@nestjs/swagger';
import { AuditEntryView, Page } from '@gatehouse/contracts';
import { AuditEntry } from '../tenancies/tenancies.responses';
import { PageFields } from '../openapi/error-body';

/** An audit row with its actor shown as a person (the account's current name and address). */
export class AuditLogEntry extends AuditEntry {
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Ada Lovelace',
    description: 'null: the system, or an unknown account.',
  })
  actorName!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'ada@example.com' })
  actorEmail!: string | null;
}

export class AuditLogPage extends PageFields implements Page<AuditEntryView> {
  @ApiProperty({ type: [AuditLogEntry] })
  items!: AuditLogEntry[];
}
