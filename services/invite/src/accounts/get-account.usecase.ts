import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccountView, DomainError, ERROR_CODES } from '@gatehouse/contracts';
import { DataSource } from 'typeorm';
import { AccountEntity } from './account.entity';
import { toAccountView } from './account-view';

@Injectable()
export class GetAccount {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(accountId: string): Promise<AccountView> {
    const account = await this.dataSource.manager.findOneBy(AccountEntity, { id: accountId });
    if (!account) throw new DomainError(ERROR_CODES.ACCOUNT_NOT_FOUND, 'No such account.');
    return toAccountView(account);
  }
}
