import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { ConsumedEvent, INVITE_EVENTS, parseEvent } from '@gatehouse/contracts';
import { AuditEventRecorder, auditRowMaker } from './audit-event-recorder';
import { AuditRecord } from './audit-writer';

type IssuedEvent = typeof INVITE_EVENTS.CREATED | typeof INVITE_EVENTS.RESENT;
type StateEvent =
  | typeof INVITE_EVENTS.REVOKED
  | typeof INVITE_EVENTS.ACCEPTED
  | typeof INVITE_EVENTS.EXPIRED
  | typeof INVITE_EVENTS.LINK_RENEWED;

/** The audit action each invite event becomes (one row per invitee). */
export const INVITE_AUDIT_ACTIONS = {
  [INVITE_EVENTS.CREATED]: 'invite.sent',
  [INVITE_EVENTS.RESENT]: 'invite.resent',
  [INVITE_EVENTS.REVOKED]: 'invite.revoked',
  [INVITE_EVENTS.ACCEPTED]: 'invite.accepted',
  [INVITE_EVENTS.EXPIRED]: 'invite.expired',
  [INVITE_EVENTS.LINK_RENEWED]: 'invite.link_renewed',
  [INVITE_EVENTS.MEMBER_ADDED]: 'invite.member_added',
} as const;

/**
 * The invite lifecycle's feed into the hub's audit log (the hub owns the audit log; the invite service
 * announces what happened). Idempotent: each event is claimed in the hub's inbox in the transaction that
 * writes its rows, so a redelivered event writes nothing. Rows carry the event's correlation id (shared
 * by everything one request or one mass invite caused) and the id of the event they came from.
 */
@Controller()
export class InviteAuditConsumer {
  constructor(private readonly recorder: AuditEventRecorder) {}

  @EventPattern(INVITE_EVENTS.CREATED)
  onCreated(@Payload() data: unknown) {
    return this.recordIssued(INVITE_EVENTS.CREATED, data);
  }

  @EventPattern(INVITE_EVENTS.RESENT)
  onResent(@Payload() data: unknown) {
    return this.recordIssued(INVITE_EVENTS.RESENT, data);
  }

  @EventPattern(INVITE_EVENTS.REVOKED)
  onRevoked(@Payload() data: unknown) {
    return this.recordStateChange(INVITE_EVENTS.REVOKED, data);
  }

  @EventPattern(INVITE_EVENTS.ACCEPTED)
  onAccepted(@Payload() data: unknown) {
    return this.recordStateChange(INVITE_EVENTS.ACCEPTED, data);
  }

  @EventPattern(INVITE_EVENTS.EXPIRED)
  onExpired(@Payload() data: unknown) {
    return this.recordStateChange(INVITE_EVENTS.EXPIRED, data);
  }

  /** A delivery retry gave a failed invite email a new link: the actor is who retried it. */
  @EventPattern(INVITE_EVENTS.LINK_RENEWED)
  onLinkRenewed(@Payload() data: unknown) {
    return this.recordStateChange(INVITE_EVENTS.LINK_RENEWED, data);
  }

  @EventPattern(INVITE_EVENTS.MEMBER_ADDED)
  async onMemberAdded(@Payload() data: unknown) {
    const event = await parseEvent(INVITE_EVENTS.MEMBER_ADDED, data);
    const { payload } = event;
    const auditRow = auditRowMaker(event, payload.tenancyId, payload.hubId, payload.addedByAccountId);
    await this.recorder.record(
      event,
      payload.members.map((member) =>
        auditRow(INVITE_AUDIT_ACTIONS[INVITE_EVENTS.MEMBER_ADDED], member.email, {
          accountId: member.accountId,
          userType: payload.userType,
          occurredAt: event.occurredAt,
        }),
      ),
    );
  }

  /** A malformed event throws (parseEvent): it is dead-lettered and writes nothing. */
  private async recordIssued(name: IssuedEvent, data: unknown): Promise<void> {
    const event = await parseEvent(name, data);
    await this.recorder.record(event, issuedRecords(event, INVITE_AUDIT_ACTIONS[name]));
  }

  private async recordStateChange(name: StateEvent, data: unknown): Promise<void> {
    const event = await parseEvent(name, data);
    await this.recorder.record(event, stateRecords(event, INVITE_AUDIT_ACTIONS[name]));
  }
}

function issuedRecords(envelope: ConsumedEvent<IssuedEvent>, action: string): AuditRecord[] {
  const { payload } = envelope;
  // Never the accept URL: it holds the raw token. A resend names who resent (maybe not the inviter).
  const auditRow = auditRowMaker(
    envelope,
    payload.tenancyId,
    payload.hubId,
    payload.actorAccountId ?? payload.inviterAccountId,
  );
  return payload.invites.map((invite) =>
    auditRow(action, invite.email, {
      inviteId: invite.inviteId,
      userType: payload.userType,
      expiresAt: invite.expiresAt,
      occurredAt: envelope.occurredAt,
    }),
  );
}

function stateRecords(envelope: ConsumedEvent<StateEvent>, action: string): AuditRecord[] {
  const { payload } = envelope;
  const auditRow = auditRowMaker(envelope, payload.tenancyId, payload.hubId, payload.actorAccountId);
  return payload.invites.map((invite) =>
    auditRow(action, invite.email, {
      inviteId: invite.inviteId,
      userType: invite.userType,
      ...(payload.reason ? { reason: payload.reason } : {}),
      occurredAt: envelope.occurredAt,
    }),
  );
}
