import { Injectable } from '@nestjs/common';
import { ACCOUNT_PATTERNS, AuditEntryView } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import type { AuditLogEntry } from './audit.responses';

/**
 * The hub records who acted by account id; the invite service owns accounts. One call per page names
 * every actor on it.
 */
@Injectable()
export class ActorNames {
  constructor(private readonly rpc: RpcClient) {}

  async name(entries: AuditEntryView[]): Promise<AuditLogEntry[]> {
    const ids = [...new Set(entries.map((entry) => entry.actorAccountId).filter((id): id is string => id !== null))];
    const { accounts } =
      ids.length > 0 ? await this.rpc.call(ACCOUNT_PATTERNS.NAMES, { accountIds: ids }) : { accounts: [] };
    const byId = new Map(accounts.map((account) => [account.accountId, account]));
    return entries.map((entry) => {
      const account = entry.actorAccountId ? byId.get(entry.actorAccountId) : undefined;
      return { ...entry, actorName: account?.displayName ?? null, actorEmail: account?.email ?? null };
    });
  }
}
