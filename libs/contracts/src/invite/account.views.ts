export interface AccountView {
  id: string;
  email: string;
  displayName: string;
  isOperator: boolean;
  createdAt: string;
}

export interface LookupAccountsResult {
  /**
   * Registered addresses only, normalised, each with its account: accounts whose address is verified
   * (the only ones invites add at once). An account with an unverified address is not listed here.
   */
  registered: { email: string; accountId: string; displayName: string }[];
  /** Inputs that are not addresses at all, with the reason. */
  invalid: { input: string; reason: string }[];
}

/** Who an account id is, for showing: the accounts found (an unknown id is left out). */
export interface AccountNames {
  accounts: { accountId: string; email: string; displayName: string }[];
}

export interface AccountStats {
  accounts: number;
}

/** A live browser session as the gateway needs it: who, the CSRF token its pages must echo, when it ends at the latest. */
export interface SessionView {
  account: AccountView;
  csrfToken: string;
  /** Absolute end (ISO); the idle timeout may end it earlier. */
  expiresAt: string;
}

/** A new session: the view plus the token for the cookie (returned once, only its hash is kept). */
export interface StartedSession extends SessionView {
  token: string;
}
