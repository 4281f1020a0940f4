import { INVITE_EVENTS } from '@gatehouse/contracts';

/** Events the hub service consumes: the invite lifecycle, for the audit log (audit/invite-audit.consumer.ts). */
export const HUB_CONSUMES: string[] = ['invite.invite.*', INVITE_EVENTS.MEMBER_ADDED];
