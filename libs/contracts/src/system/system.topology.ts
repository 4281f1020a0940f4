import { INVITE_EVENTS, SIGNUP_EVENTS } from '../invite';
import { HUB_EVENTS } from '../hub';
import { ServiceName } from '../services';

/**
 * The events each service consumes (topic patterns on the events exchange). Each service declares its
 * queues and bindings from its entry at boot (services/<service>/src/<service>.topology.ts); the gateway's
 * health report derives the list of every Gatehouse queue from the same table.
 */
export const SERVICE_CONSUMES: Record<ServiceName, string[]> = {
  // The invite lifecycle (audit/invite-audit.consumer.ts) and registration links, for the audit log.
  hub: ['invite.invite.*', INVITE_EVENTS.MEMBER_ADDED, 'invite.registration-link.*'],
  // hub.member.changed / hub.member.removed: an inviter who can no longer invite leaves no live invites.
  // (Not its own invite.account.created: an account picks up its pending invites in the transaction
  // that creates it, without a round trip through the broker.)
  invite: [HUB_EVENTS.MEMBER_CHANGED, HUB_EVENTS.MEMBER_REMOVED],
  // The emails it sends, and the policy read model's feed.
  notification: [
    INVITE_EVENTS.CREATED,
    INVITE_EVENTS.RESENT,
    INVITE_EVENTS.MEMBER_ADDED,
    // The "you were added" notice, written by the hub in the transaction that adds the member.
    HUB_EVENTS.MEMBERS_ADDED,
    SIGNUP_EVENTS.CONFIRMATION_REQUESTED,
    HUB_EVENTS.POLICY_CHANGED,
  ],
};
