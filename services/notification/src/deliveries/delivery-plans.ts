import type {
  EventEnvelope,
  InvitesIssuedPayload,
  MembersAddedNoticePayload,
  SignupConfirmationRequestedPayload,
} from '@gatehouse/contracts';
import type { DeliveryBatch } from './delivery-record';

/**
 * Event payload → the emails it asks for. Each item carries only its own recipient's data: no email
 * names another invitee or member.
 */
export function inviteDeliveries(envelope: EventEnvelope, payload: InvitesIssuedPayload): DeliveryBatch {
  return {
    eventId: envelope.id,
    tenancyId: payload.tenancyId,
    hubId: payload.hubId,
    correlationId: envelope.correlationId,
    template: 'invite',
    items: payload.invites.map((invite) => ({
      recipient: invite.email,
      vars: {
        hubName: payload.hubName,
        inviterName: payload.inviterName,
        inviteeEmail: invite.email,
        acceptUrl: invite.acceptUrl,
        expiresAt: invite.expiresAt,
        userType: payload.userType,
        inviteId: invite.inviteId,
      },
    })),
  };
}

export function memberAddedDeliveries(envelope: EventEnvelope, payload: MembersAddedNoticePayload): DeliveryBatch {
  return {
    eventId: envelope.id,
    tenancyId: payload.tenancyId,
    hubId: payload.hubId,
    correlationId: envelope.correlationId,
    template: 'member-added',
    items: payload.members.map((member) => ({
      recipient: member.email,
      vars: {
        hubName: payload.hubName,
        memberEmail: member.email,
        userType: payload.userType,
        signInUrl: payload.signInUrl,
        addedByName: payload.addedByName,
      },
    })),
  };
}

export function signupConfirmDeliveries(
  envelope: EventEnvelope,
  payload: SignupConfirmationRequestedPayload,
): DeliveryBatch {
  return {
    eventId: envelope.id,
    tenancyId: payload.tenancyId,
    hubId: payload.hubId,
    correlationId: envelope.correlationId,
    template: 'signup-confirm',
    items: [
      {
        recipient: payload.email,
        vars: {
          hubName: payload.hubName,
          displayName: payload.displayName,
          signupEmail: payload.email,
          confirmUrl: payload.confirmUrl,
          expiresAt: payload.expiresAt,
          userType: payload.userType,
        },
      },
    ],
  };
}
