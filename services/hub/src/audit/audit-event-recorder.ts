import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventEnvelope } from '@gatehouse/contracts';
import { claimMessage } from '@gatehouse/messaging';
import { DataSource } from 'typeorm';
import { HUB_SCHEMA } from '../hub.config';
import { AuditRecord, AuditWriter } from './audit-writer';

/**
 * Writes the audit rows another service's event stands for, once: the event is claimed in the hub's
 * inbox in the transaction that writes its rows, so a redelivery writes nothing.
 */
@Injectable()
export class AuditEventRecorder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditWriter,
  ) {}

  async record(envelope: EventEnvelope, records: AuditRecord[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      if (!(await claimMessage(manager, HUB_SCHEMA, envelope.id, 'audit'))) return;
      await this.audit.append(manager, records);
    });
  }
}

/** The fields every audit row from an event shares: where, who, and the trail back to the event. */
export function fromEvent(envelope: EventEnvelope, tenancyId: string, hubId: string, actorAccountId: string | null) {
  return { tenancyId, hubId, actorAccountId, correlationId: envelope.correlationId, sourceEventId: envelope.id };
}
