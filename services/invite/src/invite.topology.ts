import { ACCOUNT_EVENTS, SERVICE_CONSUMES } from '@gatehouse/contracts';
import { ServiceTopology } from '@gatehouse/messaging';

/**
 * What the invite service declares on the broker (main.ts; also deploy/rabbitmq/definitions.json):
 * - consumes (declared in libs/contracts SERVICE_CONSUMES, where the gateway's health report reads every
 *   queue from): hub.member.changed / hub.member.removed — an inviter who can no longer invite leaves no
 *   live invites. It does not consume its own invite.account.created: an account picks up its address's
 *   pending invites in the transaction that creates it (AcceptPendingInvites), no round trip through the
 *   broker;
 * - unconsumed: events it publishes that no service consumes by design, bound to the events.unconsumed
 *   queue so that they are routable (the outbox publishes mandatory). invite.account.created stays a
 *   public event (docs/rpc-and-events.md) for whoever wants to follow new accounts.
 */
export const INVITE_TOPOLOGY: ServiceTopology = {
  service: 'invite',
  consumes: SERVICE_CONSUMES.invite,
  unconsumed: [ACCOUNT_EVENTS.CREATED],
};
