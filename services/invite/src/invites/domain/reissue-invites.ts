import type { EntityManager } from 'typeorm';
import { InvitesRepository } from '../data/invites.repository';
import { PublicLinks } from '../../public-links/public-links';
import { InviteRow } from './invite-row';
import { issueInviteToken } from './invite-token';

/**
 * A resend: every given pending invite gets a new token (the old link dies) and a new expiry. Returns
 * the rows as they are now, each with the accept URL for its new token (for the invite.invite.resent event).
 */
export async function reissueInvites(
  manager: EntityManager,
  invites: InvitesRepository,
  links: PublicLinks,
  rows: InviteRow[],
  expiryDays: number,
): Promise<{ row: InviteRow; acceptUrl: string }[]> {
  const tokens = new Map(rows.map((row) => [row.id, issueInviteToken()]));
  const rotated = await invites.rotateTokens(
    manager,
    rows.map((row) => ({ id: row.id, tokenHash: tokens.get(row.id)!.hash })),
    expiryDays,
  );
  return rotated.map((row) => ({ row, acceptUrl: links.acceptUrl(tokens.get(row.id)!.token) }));
}
