import { HUB_EVENTS, INVITE_EVENTS } from '@gatehouse/contracts';

/**
 * Events the hub service consumes, for the audit log: the invite lifecycle (audit/invite-audit.consumer.ts)
 * and registration links (audit/registration-link-audit.consumer.ts).
 */
export const HUB_CONSUMES: string[] = ['invite.invite.*', INVITE_EVENTS.MEMBER_ADDED, 'invite.registration-link.*'];

/**
 * Events the hub publishes that no service consumes (yet): bound to the events.unconsumed queue so that
 * they are routable, and the outbox's mandatory publish treats a returned event as a lost binding.
 */
export const HUB_UNCONSUMED: string[] = [HUB_EVENTS.MEMBERS_ADDED];
