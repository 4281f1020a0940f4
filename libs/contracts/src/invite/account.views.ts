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

export interface AccountStats {
  accounts: number;
}

export interface AccountCreatedPayload {
  accountId: string;
  email: string;
  displayName: string;
}
