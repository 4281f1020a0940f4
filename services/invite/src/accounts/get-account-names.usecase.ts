import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AccountNames } from '@gatehouse/contracts';
import { DataSource } from 'typeorm';
import { INVITE_SCHEMA } from '../invite.config';

@Injectable()
export class GetAccountNames {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Who these ids are, in one query (ids with no account are left out). */
  async execute(accountIds: string[]): Promise<AccountNames> {
    if (accountIds.length === 0) return { accounts: [] };
    const accounts: AccountNames['accounts'] = await this.dataSource.query(
      `SELECT id AS "accountId", email, display_name AS "displayName" FROM ${INVITE_SCHEMA}.accounts WHERE id = ANY($1::uuid[])`,
      [accountIds],
    );
    return { accounts };
  }
}
