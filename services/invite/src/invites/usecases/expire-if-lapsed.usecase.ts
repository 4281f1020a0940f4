import type { OutboxWriter } from '@gatehouse/messaging';
import { INVITE_EVENTS } from '@gatehouse/contracts';
import type { EntityManager } from 'typeorm';
import { InvitesRepository } from '../data/invites.repository';
import { inviteStateEvents } from '../domain/invite-events';
import { InviteRow } from '../domain/invite-row';

/**
 * A step of acting on one pending invite (accept, resend, revoke): one past its expiry that the sweep has
 * not reached yet is marked expired here, with invite.invite.expired, in the caller's transaction.
 * True when it was: the caller refuses the action, after the commit so the expiry stays recorded.
 */
export async function expireIfLapsed(
  manager: EntityManager,
  invites: InvitesRepository,
  outbox: OutboxWriter,
  row: InviteRow,
): Promise<boolean> {
  if (!row.lapsed) return false;
  const expired = await invites.markExpired(manager, [row.id]);
  await outbox.add(
    manager,
    inviteStateEvents(INVITE_EVENTS.EXPIRED, expired, () => null, 'expired'),
  );
  return true;
}
