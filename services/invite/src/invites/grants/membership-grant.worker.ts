import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ERROR_CODES, isDomainError } from '@gatehouse/contracts';
import { DataSource } from 'typeorm';
import { InviteEnv } from '../../invite.config';
import { HubClient } from '../../hub/hub-client';
import {
  GRANT_INLINE_TIMEOUT_MS,
  GRANT_RETRY_BASE_MS,
  GRANT_RETRY_MAX_MS,
  INVITE_CHUNK_SIZE,
} from '../invites.constants';
import { ClaimedGrant, MembershipGrantsRepository } from './membership-grants.repository';

/** Refusals that no retry will change: the Hub is gone, or the hub service rejects the request itself. */
const PERMANENT = new Set<string>([ERROR_CODES.HUB_NOT_FOUND, ERROR_CODES.VALIDATION_FAILED]);

export function grantRetryDelayMs(attempts: number): number {
  return Math.min(GRANT_RETRY_BASE_MS * 2 ** Math.max(0, attempts), GRANT_RETRY_MAX_MS);
}

/**
 * Turns accepted invites into memberships: calls hub.member.add-bulk (idempotent, set-based) once per
 * Hub, user type and inviter in a batch, and records the outcome. An accept commits its grants first
 * and asks for them at once; whatever fails then (the hub is down, the call times out) stays pending
 * and is retried with backoff by the housekeeping loop until the hub confirms it.
 */
@Injectable()
export class MembershipGrantWorker {
  private readonly logger = new Logger('MembershipGrantWorker');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly grants: MembershipGrantsRepository,
    private readonly hubs: HubClient,
    private readonly env: InviteEnv,
  ) {}

  /**
   * Grants these invites' memberships now (waiting for a worker that holds them). Never throws for a
   * failed hub call: returns the invite ids whose membership the hub has confirmed.
   */
  async grantNow(inviteIds: string[]): Promise<Set<string>> {
    if (inviteIds.length > 0) {
      try {
        await this.runBatch({
          inviteIds,
          limit: Math.min(inviteIds.length, INVITE_CHUNK_SIZE),
          timeoutMs: Math.min(GRANT_INLINE_TIMEOUT_MS, Math.floor(this.env.RPC_TIMEOUT_MS / 2)),
        });
      } catch (error) {
        this.logger.warn(`granting memberships now failed, the housekeeping loop retries: ${(error as Error).message}`);
      }
    }
    const status = await this.grants.statusOf(this.dataSource.manager, inviteIds);
    return new Set(inviteIds.filter((id) => status.get(id) === 'done'));
  }

  /** Works off every grant that is due; returns how many were settled (done or failed for good). */
  async runDue(): Promise<number> {
    let settled = 0;
    for (;;) {
      const { claimed, done } = await this.runBatch({ limit: INVITE_CHUNK_SIZE });
      settled += done;
      if (claimed < INVITE_CHUNK_SIZE) return settled;
    }
  }

  private async runBatch(options: {
    inviteIds?: string[];
    limit: number;
    timeoutMs?: number;
  }): Promise<{ claimed: number; done: number }> {
    return this.dataSource.transaction(async (manager) => {
      const claimed = await this.grants.claim(manager, options);
      let done = 0;
      for (const group of groupGrants(claimed)) {
        const first = group[0];
        const ids = group.map((g) => g.inviteId);
        try {
          await this.hubs.addMembers(
            first.hubId,
            first.userType,
            first.addedBy,
            group.map((g) => ({ accountId: g.accountId, email: g.email, displayName: g.displayName })),
            { timeoutMs: options.timeoutMs },
          );
          await this.grants.markDone(manager, ids);
          done += ids.length;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          if (isDomainError(error) && PERMANENT.has(error.code)) {
            this.logger.error(`membership grant for Hub ${first.hubId} refused for good (${error.code}): ${message}`);
            await this.grants.markFailed(manager, ids, `${error.code}: ${message}`);
            done += ids.length;
          } else {
            const attempts = Math.max(...group.map((g) => g.attempts));
            await this.grants.scheduleRetry(manager, ids, grantRetryDelayMs(attempts), message);
          }
        }
      }
      return { claimed: claimed.length, done };
    });
  }
}

/** One hub.member.add-bulk call per Hub, user type and inviter (the request's shape). */
function groupGrants(grants: ClaimedGrant[]): ClaimedGrant[][] {
  const groups = new Map<string, ClaimedGrant[]>();
  for (const grant of grants) {
    const key = `${grant.hubId}|${grant.userType}|${grant.addedBy ?? ''}`;
    const group = groups.get(key);
    if (group) group.push(grant);
    else groups.set(key, [grant]);
  }
  return [...groups.values()];
}
