import { UserType } from '../user-type';
import { AccountView } from './account.views';
import { RegistrationLinkStatus } from './registration-link.patterns';

/** A Hub's registration link as a member sees it. */
export interface RegistrationLinkView {
  hubId: string;
  enabled: boolean;
  status: RegistrationLinkStatus;
  /**
   * `${PUBLIC_BASE_URL}/join/<token>`. Team Members get it while the link is enabled; Hub admins
   * whenever a token exists (a disabled link's URL comes back to life when it is enabled again).
   * null when never enabled, or when the caller may not see it.
   */
  url: string | null;
  userType: UserType;
  expiresAt: string | null;
  maxUses: number | null;
  /** Accounts that joined through the link, over its whole life (rotation does not reset it). */
  useCount: number;
  /** Normalised; empty = any domain. */
  allowedDomains: string[];
  /** Whether the caller may enable, disable, rotate and change it (Hub admins). */
  canManage: boolean;
  updatedAt: string | null;
}

/** What the public join page shows for a token; never the token or its hash. */
export interface RegistrationLinkPreview {
  status: RegistrationLinkStatus;
  hubName: string;
  userType: UserType;
  allowedDomains: string[];
  expiresAt: string | null;
}

/** A sign-up was recorded and the verification email is on its way; nothing that can sign in exists yet. */
export interface JoinByLinkResult {
  /** Normalised. */
  email: string;
  hubName: string;
  /** When the confirm link stops working. */
  expiresAt: string;
}

/** What the confirm page shows for a token (never the token, its hash or the password hash). */
export interface SignupPreview {
  /** `pending`: can be confirmed now; `confirmed`: already used; `expired`: too late, sign up again. */
  status: 'pending' | 'confirmed' | 'expired';
  email: string;
  displayName: string;
  hubName: string;
  userType: UserType;
  expiresAt: string;
}

/** A confirmed sign-up: the account (address verified) and its membership. */
export interface ConfirmSignupResult {
  account: AccountView;
  /**
   * `granted: false` means the hub service has not confirmed the membership yet; the invite service
   * keeps retrying until it has.
   */
  membership: { hubId: string; hubName: string; userType: UserType; granted: boolean };
}
