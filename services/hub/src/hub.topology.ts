import { INVITE_EVENTS } from '@gatehouse/contracts';

/**
 * Events the hub service consumes, for the audit log: the invite lifecycle (audit/invite-audit.consumer.ts)
 * and registration links (audit/registration-link-audit.consumer.ts).
 */
export const HUB_CONSUMES: string[] = ['invite.invite.*', INVITE_EVENTS.MEMBER_ADDED, 'invite.registration-link.*'];
