import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ConsumedEvent, REGISTRATION_LINK_EVENTS, parseEvent } from '@gatehouse/contracts';
import { AuditEventRecorder, auditRowMaker } from './audit-event-recorder';

type LinkChangeEvent =
  | typeof REGISTRATION_LINK_EVENTS.ENABLED
  | typeof REGISTRATION_LINK_EVENTS.DISABLED
  | typeof REGISTRATION_LINK_EVENTS.ROTATED
  | typeof REGISTRATION_LINK_EVENTS.UPDATED;

/**
 * Registration links into the audit log: enabled, disabled, rotated, settings changed, and each use
 * (which account). Events carry no token or URL, and neither do the rows.
 */
@Controller()
export class RegistrationLinkAuditConsumer {
  constructor(private readonly recorder: AuditEventRecorder) {}

  @EventPattern(REGISTRATION_LINK_EVENTS.ENABLED)
  onEnabled(@Payload() data: unknown) {
    return this.recordChange(REGISTRATION_LINK_EVENTS.ENABLED, data, 'registration_link.enabled');
  }

  @EventPattern(REGISTRATION_LINK_EVENTS.DISABLED)
  onDisabled(@Payload() data: unknown) {
    return this.recordChange(REGISTRATION_LINK_EVENTS.DISABLED, data, 'registration_link.disabled');
  }

  @EventPattern(REGISTRATION_LINK_EVENTS.ROTATED)
  onRotated(@Payload() data: unknown) {
    return this.recordChange(REGISTRATION_LINK_EVENTS.ROTATED, data, 'registration_link.rotated');
  }

  @EventPattern(REGISTRATION_LINK_EVENTS.UPDATED)
  onUpdated(@Payload() data: unknown) {
    return this.recordChange(REGISTRATION_LINK_EVENTS.UPDATED, data, 'registration_link.settings_changed');
  }

  @EventPattern(REGISTRATION_LINK_EVENTS.USED)
  async onUsed(@Payload() data: unknown) {
    const envelope = await parseEvent(REGISTRATION_LINK_EVENTS.USED, data);
    const { payload } = envelope;
    const auditRow = auditRowMaker(envelope, payload.tenancyId, payload.hubId, payload.accountId);
    await this.recorder.record(envelope, [
      auditRow('registration_link.used', payload.email, {
        linkId: payload.linkId,
        accountId: payload.accountId,
        userType: payload.userType,
        useCount: payload.useCount,
        occurredAt: envelope.occurredAt,
      }),
    ]);
  }

  /** A malformed event throws (parseEvent): it is dead-lettered and writes nothing. */
  private async recordChange(name: LinkChangeEvent, data: unknown, action: string) {
    const envelope: ConsumedEvent<LinkChangeEvent> = await parseEvent(name, data);
    const { payload } = envelope;
    const auditRow = auditRowMaker(envelope, payload.tenancyId, payload.hubId, payload.actorAccountId);
    await this.recorder.record(envelope, [
      auditRow(action, null, {
        linkId: payload.linkId,
        settings: payload.settings,
        ...('changes' in payload ? { changes: payload.changes } : {}),
        occurredAt: envelope.occurredAt,
      }),
    ]);
  }
}
