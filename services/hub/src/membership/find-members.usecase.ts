import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FindMembersRequest } from '@gatehouse/contracts';
import { DataSource } from 'typeorm';
import { HUB_SCHEMA } from '../hub.config';

@Injectable()
export class FindMembers {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Which of these accounts are members: one indexed query for up to 5,000 ids. */
  async execute({ hubId, accountIds }: FindMembersRequest): Promise<{ accountIds: string[] }> {
    const rows: { account_id: string }[] = await this.dataSource.query(
      `SELECT account_id FROM ${HUB_SCHEMA}.memberships WHERE hub_id = $1 AND account_id = ANY($2::uuid[])`,
      [hubId, accountIds],
    );
    return { accountIds: rows.map((row) => row.account_id) };
  }
}
