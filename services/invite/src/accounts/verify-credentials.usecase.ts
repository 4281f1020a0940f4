import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccountView, DomainError, ERROR_CODES } from '@gatehouse/contracts';
import { normalizeEmail } from '@gatehouse/email-address';
import { DataSource } from 'typeorm';
import { AccountEntity } from './account.entity';
import { toAccountView } from './account-view';
import { PasswordHasher } from './password-hasher';

@Injectable()
export class VerifyCredentials {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hasher: PasswordHasher,
  ) {}

  /** Sign-in: the same answer, after the same work, for an unknown address and a wrong password. */
  async execute(rawEmail: string, password: string): Promise<AccountView> {
    const denied = new DomainError(ERROR_CODES.AUTH_INVALID_CREDENTIALS, 'The email address or password is not right.');
    const normalised = normalizeEmail(rawEmail);
    const account = normalised.ok
      ? await this.dataSource.manager
          .createQueryBuilder(AccountEntity, 'a')
          .addSelect('a.passwordHash')
          .where('a.email = :email', { email: normalised.email })
          .getOne()
      : null;
    if (!account) {
      await this.hasher.burn(password);
      throw denied;
    }
    if (!(await this.hasher.verify(account.passwordHash, password))) throw denied;
    return toAccountView(account);
  }
}
