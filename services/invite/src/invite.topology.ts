import { SERVICE_CONSUMES } from '@gatehouse/contracts';

/**
 * Events the invite service consumes (declared in libs/contracts SERVICE_CONSUMES, where the gateway's
 * health report reads every queue from):
 * - invite.account.created (its own): an account that appears by any route picks up its pending invites;
 * - hub.member.changed / hub.member.removed: an inviter who can no longer invite leaves no live invites.
 */
export const INVITE_CONSUMES: string[] = SERVICE_CONSUMES.invite;
