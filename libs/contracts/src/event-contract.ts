import {
  HUB_EVENTS,
  MemberChangedPayload,
  MemberRemovedPayload,
  MembersAddedPayload,
  PolicyChangedPayload,
} from './hub';
import {
  ACCOUNT_EVENTS,
  AccountCreatedPayload,
  INVITE_EVENTS,
  InviteStateChangedPayload,
  InvitesIssuedPayload,
  MembersAddedNoticePayload,
  REGISTRATION_LINK_EVENTS,
  RegistrationLinkStateChangedPayload,
  RegistrationLinkUpdatedPayload,
  RegistrationLinkUsedPayload,
  SIGNUP_EVENTS,
  SignupConfirmationRequestedPayload,
} from './invite';
import type { EventEnvelope } from './envelope';

/**
 * Every event with its payload class (class-validator rules): the events counterpart of RpcContract.
 * Publishers are typed by it (the outbox takes a PendingEvent), and every consumer checks what it
 * receives against it (parseEvent), so producer and consumers share one definition of each payload.
 */
export const EVENT_CONTRACTS = {
  [HUB_EVENTS.MEMBERS_ADDED]: MembersAddedPayload,
  [HUB_EVENTS.MEMBER_REMOVED]: MemberRemovedPayload,
  [HUB_EVENTS.MEMBER_CHANGED]: MemberChangedPayload,
  [HUB_EVENTS.POLICY_CHANGED]: PolicyChangedPayload,
  [INVITE_EVENTS.CREATED]: InvitesIssuedPayload,
  [INVITE_EVENTS.RESENT]: InvitesIssuedPayload,
  [INVITE_EVENTS.REVOKED]: InviteStateChangedPayload,
  [INVITE_EVENTS.ACCEPTED]: InviteStateChangedPayload,
  [INVITE_EVENTS.EXPIRED]: InviteStateChangedPayload,
  [INVITE_EVENTS.LINK_RENEWED]: InviteStateChangedPayload,
  [INVITE_EVENTS.MEMBER_ADDED]: MembersAddedNoticePayload,
  [ACCOUNT_EVENTS.CREATED]: AccountCreatedPayload,
  [REGISTRATION_LINK_EVENTS.ENABLED]: RegistrationLinkStateChangedPayload,
  [REGISTRATION_LINK_EVENTS.DISABLED]: RegistrationLinkStateChangedPayload,
  [REGISTRATION_LINK_EVENTS.ROTATED]: RegistrationLinkStateChangedPayload,
  [REGISTRATION_LINK_EVENTS.UPDATED]: RegistrationLinkUpdatedPayload,
  [REGISTRATION_LINK_EVENTS.USED]: RegistrationLinkUsedPayload,
  [SIGNUP_EVENTS.CONFIRMATION_REQUESTED]: SignupConfirmationRequestedPayload,
} as const;

export type EventName = keyof typeof EVENT_CONTRACTS;
export type EventPayload<N extends EventName> = InstanceType<(typeof EVENT_CONTRACTS)[N]>;

/** An event about to be recorded in an outbox: its name decides its payload's type. */
export type PendingEvent<N extends EventName = EventName> = {
  [K in N]: { name: K; payload: EventPayload<K> };
}[N];

/** An event as a consumer receives it once checked (parseEvent). */
export type ConsumedEvent<N extends EventName> = EventEnvelope<EventPayload<N>>;

/** Every name any service publishes (the *_EVENTS constants); the check below keeps the map complete. */
type PublishedEventName =
  | (typeof HUB_EVENTS)[keyof typeof HUB_EVENTS]
  | (typeof INVITE_EVENTS)[keyof typeof INVITE_EVENTS]
  | (typeof ACCOUNT_EVENTS)[keyof typeof ACCOUNT_EVENTS]
  | (typeof REGISTRATION_LINK_EVENTS)[keyof typeof REGISTRATION_LINK_EVENTS]
  | (typeof SIGNUP_EVENTS)[keyof typeof SIGNUP_EVENTS];
// Fails to compile when an event name is added to a *_EVENTS constant without a payload class here.
const everyEventMapped: Record<Exclude<PublishedEventName, EventName>, never> = {};
void everyEventMapped;

export function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(EVENT_CONTRACTS, name);
}
