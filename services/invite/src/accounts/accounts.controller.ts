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
import { AccountsService } from './accounts.service';
import { CreateAccount } from './create-account.usecase';

@Controller()
export class AccountsController {
  constructor(
    private readonly accounts: AccountsService,
    private readonly createAccount: CreateAccount,
  ) {}

  @MessagePattern(ACCOUNT_PATTERNS.LOOKUP)
  lookup(@Payload() request: LookupAccountsRequest) {
    return this.accounts.lookup(request.emails);
  }

  @MessagePattern(ACCOUNT_PATTERNS.CREATE)
  create(@Payload() request: CreateAccountRequest) {
    return this.createAccount.execute(request);
  }

  @MessagePattern(ACCOUNT_PATTERNS.DISCARD_UNUSED)
  discardUnused(@Payload() request: DiscardUnusedAccountRequest) {
    return this.accounts.discardUnused(request.accountId);
  }

  @MessagePattern(ACCOUNT_PATTERNS.GET)
  get(@Payload() request: GetAccountRequest) {
    return this.accounts.get(request.accountId);
  }

  @MessagePattern(ACCOUNT_PATTERNS.NAMES)
  names(@Payload() request: AccountNamesRequest) {
    return this.accounts.names(request.accountIds);
  }

  @MessagePattern(ACCOUNT_PATTERNS.STATS)
  async stats(): Promise<AccountStats> {
    return { accounts: await this.accounts.count() };
  }

  @MessagePattern(ACCOUNT_PATTERNS.CREDENTIALS_VERIFY)
  verify(@Payload() request: VerifyCredentialsRequest) {
    return this.accounts.verifyCredentials(request.email, request.password);
  }
}
