import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ACCOUNT_PATTERNS,
  AccountNamesRequest,
  AccountStats,
  CreateAccountRequest,
  DiscardUnusedAccountRequest,
  GetAccountRequest,
  LookupAccountsRequest,
  VerifyCredentialsRequest,
} from '@gatehouse/contracts';
import { CountAccounts } from './count-accounts.usecase';
import { CreateAccount } from './create-account.usecase';
import { DiscardUnusedAccount } from './discard-unused-account.usecase';
import { GetAccount } from './get-account.usecase';
import { GetAccountNames } from './get-account-names.usecase';
import { LookupAccounts } from './lookup-accounts.usecase';
import { VerifyCredentials } from './verify-credentials.usecase';

@Controller()
export class AccountsController {
  constructor(
    private readonly lookupAccounts: LookupAccounts,
    private readonly createAccount: CreateAccount,
    private readonly discardUnusedAccount: DiscardUnusedAccount,
    private readonly getAccount: GetAccount,
    private readonly getAccountNames: GetAccountNames,
    private readonly countAccounts: CountAccounts,
    private readonly verifyCredentials: VerifyCredentials,
  ) {}

  @MessagePattern(ACCOUNT_PATTERNS.LOOKUP)
  lookup(@Payload() request: LookupAccountsRequest) {
    return this.lookupAccounts.execute(request.emails);
  }

  @MessagePattern(ACCOUNT_PATTERNS.CREATE)
  create(@Payload() request: CreateAccountRequest) {
    return this.createAccount.execute(request);
  }

  @MessagePattern(ACCOUNT_PATTERNS.DISCARD_UNUSED)
  discardUnused(@Payload() request: DiscardUnusedAccountRequest) {
    return this.discardUnusedAccount.execute(request.accountId);
  }

  @MessagePattern(ACCOUNT_PATTERNS.GET)
  get(@Payload() request: GetAccountRequest) {
    return this.getAccount.execute(request.accountId);
  }

  @MessagePattern(ACCOUNT_PATTERNS.NAMES)
  names(@Payload() request: AccountNamesRequest) {
    return this.getAccountNames.execute(request.accountIds);
  }

  @MessagePattern(ACCOUNT_PATTERNS.STATS)
  async stats(): Promise<AccountStats> {
    return { accounts: await this.countAccounts.execute() };
  }

  @MessagePattern(ACCOUNT_PATTERNS.CREDENTIALS_VERIFY)
  verify(@Payload() request: VerifyCredentialsRequest) {
    return this.verifyCredentials.execute(request.email, request.password);
  }
}
