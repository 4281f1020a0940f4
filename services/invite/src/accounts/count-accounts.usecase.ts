import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccountEntity } from './account.entity';

@Injectable()
export class CountAccounts {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(): Promise<number> {
    return this.dataSource.manager.count(AccountEntity);
  }
}
