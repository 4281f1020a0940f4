import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  EventEnvelope,
  REGISTRATION_LINK_EVENTS,
  RegistrationLinkStateChangedPayload,
  RegistrationLinkUpdatedPayload,
  RegistrationLinkUsedPayload,
} from '@gatehouse/contracts';
import { AuditEventRecorder, fromEvent } from './audit-event-recorder';

type LinkChange = RegistrationLinkStateChangedPayload | RegistrationLinkUpdatedPayload;

/**
 * Registration links into the audit log: enabled, disabled, rotated, settings changed, and each use
 * (which account). Events carry no token or URL, and neither do the rows.
 */
@Controller()
export class RegistrationLinkAuditConsumer {
  constructor(private readonly recorder: AuditEventRecorder) {}

  @EventPattern(REGISTRATION_LINK_EVENTS.ENABLED)
  onEnabled(@Payload() envelope: EventEnvelope<LinkChange>) {
    return this.recordChange(envelope, 'registration_link.enabled');
  }

  @EventPattern(REGISTRATION_LINK_EVENTS.DISABLED)
  onDisabled(@Payload() envelope: EventEnvelope<LinkChange>) {
    return this.recordChange(envelope, 'registration_link.disabled');
  }

  @EventPattern(REGISTRATION_LINK_EVENTS.ROTATED)
  onRotated(@Payload() envelope: EventEnvelope<LinkChange>) {
    return this.recordChange(envelope, 'registration_link.rotated');
  }

  @EventPattern(REGISTRATION_LINK_EVENTS.UPDATED)
  onUpdated(@Payload() envelope: EventEnvelope<LinkChange>) {
    return this.recordChange(envelope, 'registration_link.settings_changed');
  }

  @EventPattern(REGISTRATION_LINK_EVENTS.USED)
  onUsed(@Payload() envelope: EventEnvelope<RegistrationLinkUsedPayload>) {
    const { payload } = envelope;
    return this.recorder.record(envelope, [
      {
        ...fromEvent(envelope, payload.tenancyId, payload.hubId, payload.accountId),
        action: 'registration_link.used',
        subject: payload.email,
        details: {
          linkId: payload.linkId,
          accountId: payload.accountId,
          userType: payload.userType,
          useCount: payload.useCount,
          occurredAt: envelope.occurredAt,
        },
      },
    ]);
  }

  private recordChange(envelope: EventEnvelope<LinkChange>, action: string) {
    const { payload } = envelope;
    return this.recorder.record(envelope, [
      {
        ...fromEvent(envelope, payload.tenancyId, payload.hubId, payload.actorAccountId),
        action,
        subject: null,
        details: {
          linkId: payload.linkId,
          settings: payload.settings,
          ...('changes' in payload ? { changes: payload.changes } : {}),
          occurredAt: envelope.occurredAt,
        },
      },
    ]);
  }
}
