export interface AccountView {
  id: string;
  email: string;
  displayName: string;
  isOperator: boolean;
  createdAt: string;
}

export interface LookupAccountsResult {
  /** Registered addresses only, normalised, each with its account. */
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
