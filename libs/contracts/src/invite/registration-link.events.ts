import { UserType } from '../user-type';

/** The settings of a link as events record them (never its token or URL). */
export interface RegistrationLinkSettings {
  enabled: boolean;
  userType: UserType;
  expiresAt: string | null;
  maxUses: number | null;
  allowedDomains: string[];
}

interface RegistrationLinkEventBase {
  hubId: string;
  tenancyId: string;
  /** Who did it: the Hub admin, or for `used` the account that joined. */
  actorAccountId: string;
  linkId: string;
}

/** invite.registration-link.enabled / disabled / rotated: the settings after the change. */
export interface RegistrationLinkStateChangedPayload extends RegistrationLinkEventBase {
  settings: RegistrationLinkSettings;
}

/** invite.registration-link.updated: what changed, field by field. */
export interface RegistrationLinkUpdatedPayload extends RegistrationLinkEventBase {
  changes: { field: keyof RegistrationLinkSettings; from: unknown; to: unknown }[];
  settings: RegistrationLinkSettings;
}

/** invite.registration-link.used: one account joined through the link. */
export interface RegistrationLinkUsedPayload extends RegistrationLinkEventBase {
  accountId: string;
  email: string;
  displayName: string;
  userType: UserType;
  useCount: number;
  maxUses: number | null;
}

/**
 * invite.signup.confirmation-requested: someone signed up through a registration link; the address
 * gets the verification email. The confirm URL carries the raw token: it exists only in this message
 * and the email (the invite service keeps its hash); published outbox rows are pruned.
 */
export interface SignupConfirmationRequestedPayload {
  signupId: string;
  linkId: string;
  hubId: string;
  hubName: string;
  tenancyId: string;
  email: string;
  displayName: string;
  userType: UserType;
  confirmUrl: string;
  expiresAt: string;
}
