import { SERVICE_CONSUMES } from '@gatehouse/contracts';
import { ServiceTopology } from '@gatehouse/messaging';

/**
 * What the invite service declares on the broker (main.ts; also deploy/rabbitmq/definitions.json). The
 * events it consumes are declared in libs/contracts SERVICE_CONSUMES, where the gateway's health report
 * reads every queue from:
 * - hub.member.changed / hub.member.removed: an inviter who can no longer invite leaves no live invites.
 * It does not consume its own invite.account.created: an account picks up its address's pending invites
 * in the transaction that creates it (AcceptPendingInvites).
 */
export const INVITE_TOPOLOGY: ServiceTopology = {
  service: 'invite',
  consumes: SERVICE_CONSUMES.invite,
};
