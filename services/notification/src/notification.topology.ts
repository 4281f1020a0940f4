import { HUB_EVENTS, INVITE_EVENTS, SIGNUP_EVENTS } from '@gatehouse/contracts';

/** Events the notification service consumes: the emails it sends, and the policy read model's feed. */
export const NOTIFICATION_CONSUMES: string[] = [
  INVITE_EVENTS.CREATED,
  INVITE_EVENTS.RESENT,
  INVITE_EVENTS.MEMBER_ADDED,
  HUB_EVENTS.MEMBERS_ADDED,
  SIGNUP_EVENTS.CONFIRMATION_REQUESTED,
  HUB_EVENTS.POLICY_CHANGED,
];
