import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import {
  EventEnvelope,
  INVITE_EVENTS,
  InviteStateChangedPayload,
  InvitesIssuedPayload,
  MembersAddedNoticePayload,
} from '@gatehouse/contracts';
import { AuditEventRecorder, fromEvent } from './audit-event-recorder';
import { AuditRecord } from './audit-writer';

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
  onCreated(@Payload() envelope: EventEnvelope<InvitesIssuedPayload>) {
    return this.record(envelope, issuedRecords(envelope, INVITE_AUDIT_ACTIONS[INVITE_EVENTS.CREATED]));
  }

  @EventPattern(INVITE_EVENTS.RESENT)
  onResent(@Payload() envelope: EventEnvelope<InvitesIssuedPayload>) {
    return this.record(envelope, issuedRecords(envelope, INVITE_AUDIT_ACTIONS[INVITE_EVENTS.RESENT]));
  }

  @EventPattern(INVITE_EVENTS.REVOKED)
  onRevoked(@Payload() envelope: EventEnvelope<InviteStateChangedPayload>) {
    return this.record(envelope, stateRecords(envelope, INVITE_AUDIT_ACTIONS[INVITE_EVENTS.REVOKED]));
  }

  @EventPattern(INVITE_EVENTS.ACCEPTED)
  onAccepted(@Payload() envelope: EventEnvelope<InviteStateChangedPayload>) {
    return this.record(envelope, stateRecords(envelope, INVITE_AUDIT_ACTIONS[INVITE_EVENTS.ACCEPTED]));
  }

  @EventPattern(INVITE_EVENTS.EXPIRED)
  onExpired(@Payload() envelope: EventEnvelope<InviteStateChangedPayload>) {
    return this.record(envelope, stateRecords(envelope, INVITE_AUDIT_ACTIONS[INVITE_EVENTS.EXPIRED]));
  }

  /** A delivery retry gave a failed invite email a new link: the actor is who retried it. */
  @EventPattern(INVITE_EVENTS.LINK_RENEWED)
  onLinkRenewed(@Payload() envelope: EventEnvelope<InviteStateChangedPayload>) {
    return this.record(envelope, stateRecords(envelope, INVITE_AUDIT_ACTIONS[INVITE_EVENTS.LINK_RENEWED]));
  }

  @EventPattern(INVITE_EVENTS.MEMBER_ADDED)
  onMemberAdded(@Payload() envelope: EventEnvelope<MembersAddedNoticePayload>) {
    const { payload } = envelope;
    return this.record(
      envelope,
      payload.members.map((member) => ({
        ...fromEvent(envelope, payload.tenancyId, payload.hubId, payload.addedByAccountId),
        action: INVITE_AUDIT_ACTIONS[INVITE_EVENTS.MEMBER_ADDED],
        subject: member.email,
        details: { accountId: member.accountId, userType: payload.userType, occurredAt: envelope.occurredAt },
      })),
    );
  }

  private record(envelope: EventEnvelope, records: AuditRecord[]): Promise<void> {
    return this.recorder.record(envelope, records);
  }
}

function issuedRecords(envelope: EventEnvelope<InvitesIssuedPayload>, action: string): AuditRecord[] {
  const { payload } = envelope;
  // Never the accept URL: it holds the raw token. A resend names who resent (maybe not the inviter).
  const actor = payload.actorAccountId ?? payload.inviterAccountId;
  return payload.invites.map((invite) => ({
    ...fromEvent(envelope, payload.tenancyId, payload.hubId, actor),
    action,
    subject: invite.email,
    details: {
      inviteId: invite.inviteId,
      userType: payload.userType,
      expiresAt: invite.expiresAt,
      occurredAt: envelope.occurredAt,
    },
  }));
}

function stateRecords(envelope: EventEnvelope<InviteStateChangedPayload>, action: string): AuditRecord[] {
  const { payload } = envelope;
  return payload.invites.map((invite) => ({
    ...fromEvent(envelope, payload.tenancyId, payload.hubId, payload.actorAccountId),
    action,
    subject: invite.email,
    details: {
      inviteId: invite.inviteId,
      userType: invite.userType,
      ...(payload.reason ? { reason: payload.reason } : {}),
      occurredAt: envelope.occurredAt,
    },
  }));
}
