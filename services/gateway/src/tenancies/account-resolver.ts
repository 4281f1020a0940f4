import { Injectable } from '@nestjs/common';
import { ACCOUNT_PATTERNS, ERROR_CODES, MemberProfile, DomainError } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';

/** Turns an email typed by an admin into the registered account it names. */
@Injectable()
export class AccountResolver {
  constructor(private readonly rpc: RpcClient) {}

  async byEmail(email: string): Promise<MemberProfile> {
    const result = await this.rpc.call(ACCOUNT_PATTERNS.LOOKUP, { emails: [email] });
    if (result.invalid.length > 0) {
      throw new DomainError(
        ERROR_CODES.ACCOUNT_INVALID_EMAIL,
        `"${email}" is not an email address: ${result.invalid[0].reason}.`,
      );
    }
    const found = result.registered[0];
    if (!found) throw new DomainError(ERROR_CODES.ACCOUNT_NOT_FOUND, `No account is registered for ${email}.`);
    return { accountId: found.accountId, email: found.email, displayName: found.displayName };
  }
}
