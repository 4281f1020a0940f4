import type { EntityManager } from 'typeorm';
import { InvitesRepository } from '../data/invites.repository';
import { InviteErrors } from '../domain/invite-errors';
import { InviteRow } from '../domain/invite-row';
import { AuthorisedHub } from '../../hub/hub-client';

/**
 * Locks an invite the caller may manage: any of the Hub's for scope `all` (Hub admins), only their own
 * for scope `own` (Team Members). Someone else's invite is "not found", like one that does not exist.
 */
export async function findManageableInvite(
  manager: EntityManager,
  invites: InvitesRepository,
  access: AuthorisedHub,
  actorAccountId: string,
  hubId: string,
  inviteId: string,
): Promise<InviteRow> {
  const row = await invites.findInHub(manager, hubId, inviteId, { lock: true });
  if (!row || (access.scope !== 'all' && row.inviter_account_id !== actorAccountId)) {
    throw InviteErrors.inviteIdNotFound(inviteId);
  }
  return row;
}
