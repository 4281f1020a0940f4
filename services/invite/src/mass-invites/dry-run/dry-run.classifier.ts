import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HUB_PATTERNS, ImportRowOutcome, MAX_BULK_MEMBERS } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { DataSource } from 'typeorm';
import { AccountsService } from '../../accounts/accounts.service';
import { ImportJobRow } from '../jobs/import-job-row';

/**
 * A dry run's answer for each address, from the same state the real decision reads — accounts,
 * memberships (asked of the hub in bulk), pending invites — and nothing written, nothing sent.
 */
@Injectable()
export class DryRunClassifier {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly rpc: RpcClient,
  ) {}

  async classify(job: ImportJobRow, emails: string[]): Promise<Map<string, ImportRowOutcome>> {
    const result = new Map<string, ImportRowOutcome>();
    const { registered } = await this.accounts.lookup(emails);
    const members = new Set<string>();
    for (let start = 0; start < registered.length; start += MAX_BULK_MEMBERS) {
      const accountIds = registered.slice(start, start + MAX_BULK_MEMBERS).map((r) => r.accountId);
      const found = await this.rpc.call(HUB_PATTERNS.MEMBER_FIND_MANY, { hubId: job.hub_id, accountIds });
      for (const id of found.accountIds) members.add(id);
    }
    for (const account of registered) {
      result.set(account.email, members.has(account.accountId) ? 'already_member' : 'added');
    }
    const unregistered = emails.filter((email) => !result.has(email));
    const pending: { email: string }[] = await this.dataSource.query(
      `SELECT email FROM invite.invites
       WHERE hub_id = $1 AND status = 'pending' AND expires_at > now() AND email = ANY($2::text[])`,
      [job.hub_id, unregistered],
    );
    const pendingEmails = new Set(pending.map((row) => row.email));
    for (const email of unregistered) result.set(email, pendingEmails.has(email) ? 'already_invited' : 'invited');
    return result;
  }
}
