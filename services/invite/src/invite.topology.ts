import { ACCOUNT_EVENTS, HUB_EVENTS } from '@gatehouse/contracts';

/**
 * Events the invite service consumes:
 * - invite.account.created (its own): an account that appears by any route picks up its pending invites;
 * - hub.member.changed / hub.member.removed: an inviter who can no longer invite leaves no live invites.
 */
export const INVITE_CONSUMES: string[] = [ACCOUNT_EVENTS.CREATED, HUB_EVENTS.MEMBER_CHANGED, HUB_EVENTS.MEMBER_REMOVED];
