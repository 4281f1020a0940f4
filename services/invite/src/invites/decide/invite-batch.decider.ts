import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { INVITE_EVENTS, InviteOutcome, MemberProfile, PendingEvent, UserType } from '@gatehouse/contracts';
import { OutboxWriter } from '@gatehouse/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { LookupAccounts } from '../../accounts/lookup-accounts.usecase';
import { InviteBatchCommon, InvitesRepository } from '../data/invites.repository';
import { inviteStateEvents, invitesIssuedEvents, membersAddedNoticeEvent } from '../domain/invite-events';
import { PublicLinks } from '../../public-links/public-links';
import { InviteRow } from '../domain/invite-row';
import { issueInviteTokens } from '../domain/invite-token';
import { reissueInvites } from '../usecases/reissue-invites.usecase';
import { HubClient } from '../../hub/hub-client';
import { INVITE_CHUNK_SIZE } from '../invites.constants';
import { INVITE_SCHEMA } from '../../invite.config';
import { inParallel } from '../../concurrency/steps-in-flight';

/** Chunks of one batch decided at once (each holds at most two database connections and one hub call). */
const CHUNKS_IN_FLIGHT = 3;

/**
 * Which existing pending invites a batch may send again: none (the default: no second email), only the
 * inviter's own (a Team Member), or all (a Hub admin).
 */
export type ResendScope = 'none' | 'own' | 'all';

export interface InviteBatch {
  hub: { id: string; name: string; tenancyId: string };
  inviter: { accountId: string; name: string };
  userType: UserType;
  expiryDays: number;
  /** Normalised addresses (see @gatehouse/email-address); duplicates are decided once. */
  emails: string[];
  resend: ResendScope;
  /**
   * Called inside the transaction that commits each part of a chunk's decisions (the invites, or the
   * "you were added" notice): a mass invite writes its report rows there, so that a row says exactly
   * what was committed, even if the process dies right after.
   */
  record?: (manager: EntityManager, decisions: EmailDecision[]) => Promise<void>;
  /**
   * Set for work that is retried until done (a mass invite: its job id): the members about to be added are
   * noted under this key before the hub call, so that after a lost answer the retry, told "already a
   * member", knows this work added them (reported `added`, notice sent).
   */
  intentKey?: string;
  /**
   * Asked before each chunk is decided (work that runs for a while: a mass invite): throws when the batch
   * may not go on, e.g. its inviter lost the right to invite meanwhile. Chunks under way are let finish.
   */
  beforeChunk?: () => Promise<void>;
}

export type EmailDecision =
  | { email: string; outcome: 'already_member'; accountId: string }
  | { email: string; outcome: 'added'; accountId: string }
  | { email: string; outcome: 'invited'; invite: InviteRow; emailSent: boolean };

/** decide()'s answer for one address as preview() foresees it: the same, without the invite row it would write. */
export type ForeseenDecision =
  | { email: string; outcome: 'already_member' | 'added'; accountId: string }
  | { email: string; outcome: 'invited'; emailSent: boolean };

export interface InviteBatchResult {
  decisions: EmailDecision[];
  counts: Record<InviteOutcome, number>;
}

/**
 * THE invite decision, for one address or a hundred thousand: per chunk of 1,000 normalised addresses,
 * - one account look-up;
 * - registered accounts: one hub.member.add-bulk call (idempotent) → `added`, or `already_member` for
 *   those the hub already had; the "you were added" notice travels in the hub's hub.member.added, recorded
 *   in the transaction that adds them; invite.member.added (audit, report) is recorded here right after;
 * - everyone else, in one transaction: new pending invites are inserted set-based (the partial unique
 *   index keeps one per Hub and address, also under races); where a pending invite was already there, a
 *   lapsed one is marked expired and replaced, a live one is kept (and re-issued only when asked);
 *   invite.invite.created/resent are recorded in the same transaction → `invited`.
 * The two halves of a chunk run side by side, and up to CHUNKS_IN_FLIGHT chunks at once (they share no
 * address). Authorisation is the caller's: this class trusts the batch it is given.
 * preview() is the same decision for a dry run: the same reads, none of the writes.
 */
@Injectable()
export class InviteBatchDecider {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lookupAccounts: LookupAccounts,
    private readonly invites: InvitesRepository,
    private readonly hubs: HubClient,
    private readonly outbox: OutboxWriter,
    private readonly links: PublicLinks,
  ) {}

  async decide(batch: InviteBatch): Promise<InviteBatchResult> {
    const decisions = await this.inChunks(batch, (members, unregistered) => [
      this.addRegistered(batch, members),
      this.inviteUnregistered(batch, unregistered),
    ]);
    const counts: Record<InviteOutcome, number> = { added: 0, invited: 0, already_member: 0 };
    for (const decision of decisions) counts[decision.outcome] += 1;
    return { decisions, counts };
  }

  /**
   * What decide() would answer for each address (a dry run): the same chunks, the same account look-up,
   * then the hub's memberships (hub.member.find-many instead of add-bulk) and the pending invites (a live
   * one is kept, and sent again only within `resend`; a lapsed one would be replaced) — read through the
   * same HubClient and InvitesRepository, with nothing written, nothing sent and nothing asked of the hub
   * that changes it. `record` and `intentKey` are not used.
   */
  async preview(batch: InviteBatch): Promise<ForeseenDecision[]> {
    return this.inChunks(batch, (members, unregistered) => [
      this.foreseeRegistered(batch, members),
      this.foreseeUnregistered(batch, unregistered),
    ]);
  }

  /**
   * The addresses (each once) in chunks, a few chunks at once (they share no address, so their look-ups,
   * hub calls and transactions overlap instead of waiting for one another). Per chunk: one account
   * look-up, then the registered and the rest handed to `halves`, which run side by side.
   */
  private async inChunks<D>(
    batch: InviteBatch,
    halves: (registered: MemberProfile[], unregistered: string[]) => [Promise<D[]>, Promise<D[]>],
  ): Promise<D[]> {
    const emails = [...new Set(batch.emails)];
    const perChunk = await inParallel(slices(emails, INVITE_CHUNK_SIZE), CHUNKS_IN_FLIGHT, async (chunk) => {
      // The check and the account look-up (a read) side by side: nothing of the chunk is written before
      // both answered.
      const [, { registered }] = await Promise.all([batch.beforeChunk?.(), this.lookupAccounts.execute(chunk)]);
      const registeredEmails = new Set(registered.map((r) => r.email));
      const unregistered = chunk.filter((email) => !registeredEmails.has(email));
      const members: MemberProfile[] = registered.map((r) => ({
        accountId: r.accountId,
        email: r.email,
        displayName: r.displayName,
      }));
      // Both halves are let finish before an error of either is passed on.
      const [first, second] = await Promise.allSettled(halves(members, unregistered));
      if (first.status === 'rejected') throw first.reason;
      if (second.status === 'rejected') throw second.reason;
      return [...first.value, ...second.value];
    });
    return perChunk.flat();
  }

  private async foreseeRegistered(batch: InviteBatch, members: MemberProfile[]): Promise<ForeseenDecision[]> {
    if (members.length === 0) return [];
    const existing = await this.hubs.findMembers(
      batch.hub.id,
      members.map((m) => m.accountId),
    );
    return members.map((m) => ({
      email: m.email,
      outcome: existing.has(m.accountId) ? ('already_member' as const) : ('added' as const),
      accountId: m.accountId,
    }));
  }

  private async foreseeUnregistered(batch: InviteBatch, emails: string[]): Promise<ForeseenDecision[]> {
    if (emails.length === 0) return [];
    const pending = await this.invites.findPendingFor(this.dataSource.manager, batch.hub.id, emails);
    const live = new Map(pending.filter((row) => !row.lapsed).map((row) => [row.email, row]));
    return emails.map((email) => {
      const row = live.get(email);
      return { email, outcome: 'invited' as const, emailSent: !row || resends(batch, row) };
    });
  }

  private async addRegistered(batch: InviteBatch, members: MemberProfile[]): Promise<EmailDecision[]> {
    if (members.length === 0) return [];
    const attemptedBefore = batch.intentKey ? await this.noteIntents(batch.intentKey, members) : new Set<string>();
    // The notice goes with the hub's decision (recorded in its transaction, sent from hub.member.added).
    // The key makes the hub answer `added` for members this work added in an earlier run of the request
    // (one the broker delivered again after the hub died holding it, answering this very call).
    const result = await this.hubs.addMembers(batch.hub.id, batch.userType, batch.inviter.accountId, members, {
      notice: { addedByName: batch.inviter.name, signInUrl: this.links.signInUrl() },
      ...(batch.intentKey ? { requestKey: batch.intentKey } : {}),
    });
    // A member the hub calls existing, whom an earlier attempt of this work was adding: the answer to that
    // attempt was lost, and it was this work that added them.
    const added = new Set([
      ...result.added,
      ...members.map((m) => m.accountId).filter((id) => attemptedBefore.has(id)),
    ]);
    const addedMembers = members.filter((m) => added.has(m.accountId));
    const decisions: EmailDecision[] = members.map((m) =>
      added.has(m.accountId)
        ? { email: m.email, outcome: 'added' as const, accountId: m.accountId }
        : { email: m.email, outcome: 'already_member' as const, accountId: m.accountId },
    );
    if (addedMembers.length > 0 || batch.record) {
      await this.dataSource.transaction(async (manager) => {
        if (addedMembers.length > 0) {
          await this.outbox.add(
            manager,
            membersAddedNoticeEvent({
              hubId: batch.hub.id,
              hubName: batch.hub.name,
              tenancyId: batch.hub.tenancyId,
              addedByAccountId: batch.inviter.accountId,
              addedByName: batch.inviter.name,
              userType: batch.userType,
              signInUrl: this.links.signInUrl(),
              members: addedMembers,
              noticeByHub: true,
            }),
          );
        }
        await batch.record?.(manager, decisions);
        if (batch.intentKey) {
          await manager.query(
            `DELETE FROM ${INVITE_SCHEMA}.member_add_intents WHERE batch_key = $1 AND account_id = ANY($2::uuid[])`,
            [batch.intentKey, members.map((m) => m.accountId)],
          );
        }
      });
    }
    return decisions;
  }

  /** Notes the members about to be added; returns those an earlier attempt had noted already. */
  private async noteIntents(key: string, members: MemberProfile[]): Promise<Set<string>> {
    const ids = members.map((m) => m.accountId);
    const fresh: { account_id: string }[] = await this.dataSource.query(
      `INSERT INTO ${INVITE_SCHEMA}.member_add_intents (batch_key, account_id) SELECT $1, unnest($2::uuid[])
       ON CONFLICT DO NOTHING RETURNING account_id`,
      [key, ids],
    );
    const freshIds = new Set(fresh.map((row) => row.account_id));
    return new Set(ids.filter((id) => !freshIds.has(id)));
  }

  private async inviteUnregistered(batch: InviteBatch, emails: string[]): Promise<EmailDecision[]> {
    if (emails.length === 0) return [];
    const common: InviteBatchCommon = {
      hubId: batch.hub.id,
      tenancyId: batch.hub.tenancyId,
      hubName: batch.hub.name,
      inviterAccountId: batch.inviter.accountId,
      inviterName: batch.inviter.name,
      userType: batch.userType,
      expiryDays: batch.expiryDays,
    };
    return this.dataSource.transaction(async (manager) => {
      const events: PendingEvent[] = [];
      const { created, existing, expired } = await this.insertOrFind(manager, common, emails);
      events.push(...inviteStateEvents(INVITE_EVENTS.EXPIRED, expired, () => null, 'expired'));
      events.push(...invitesIssuedEvents(INVITE_EVENTS.CREATED, created));

      const reissue = existing.filter((row) => resends(batch, row));
      const resent = await reissueInvites(manager, this.invites, this.links, reissue, batch.expiryDays);
      events.push(...invitesIssuedEvents(INVITE_EVENTS.RESENT, resent, batch.inviter.accountId));
      await this.outbox.add(manager, events);

      const resentById = new Map(resent.map(({ row }) => [row.id, row]));
      const decisions: EmailDecision[] = [
        ...created.map(({ row }) => ({ email: row.email, outcome: 'invited' as const, invite: row, emailSent: true })),
        ...existing.map((row) => ({
          email: row.email,
          outcome: 'invited' as const,
          invite: resentById.get(row.id) ?? row,
          emailSent: resentById.has(row.id),
        })),
      ];
      await batch.record?.(manager, decisions);
      return decisions;
    });
  }

  /**
   * New pending invites where there is none, the existing pending one where there is. Inserting comes
   * first: only an address whose insert met a pending invite is looked at again — a lapsed one is marked
   * expired (and the address gets a fresh invite on the next pass), a live one is kept. An address whose
   * conflicting invite stopped being pending between the statements (accepted or revoked at that very
   * moment) is simply tried again.
   */
  private async insertOrFind(
    manager: EntityManager,
    common: InviteBatchCommon,
    emails: string[],
  ): Promise<{ created: { row: InviteRow; acceptUrl: string }[]; existing: InviteRow[]; expired: InviteRow[] }> {
    const created: { row: InviteRow; acceptUrl: string }[] = [];
    const existing: InviteRow[] = [];
    const expired: InviteRow[] = [];
    let remaining = emails;
    for (let attempt = 0; remaining.length > 0 && attempt < 4; attempt += 1) {
      const tokens = issueInviteTokens(remaining.length);
      const issued = remaining.map((email, i) => ({ id: randomUUID(), email, ...tokens[i] }));
      const inserted = await this.invites.insertPending(
        manager,
        common,
        issued.map(({ id, email, hash }) => ({ id, email, tokenHash: hash })),
      );
      const tokenById = new Map<string, string>(issued.map((i) => [i.id, i.token]));
      for (const row of inserted) created.push({ row, acceptUrl: this.links.acceptUrl(tokenById.get(row.id)!) });
      const insertedEmails = new Set(inserted.map((row) => row.email));
      const others = remaining.filter((email) => !insertedEmails.has(email));
      remaining = others;
      if (others.length === 0) break;
      expired.push(...(await this.invites.expireLapsedFor(manager, common.hubId, others)));
      const found = await this.invites.findPendingFor(manager, common.hubId, others);
      existing.push(...found);
      const foundEmails = new Set(found.map((row) => row.email));
      remaining = others.filter((email) => !foundEmails.has(email));
    }
    if (remaining.length > 0) throw new Error(`Could not settle invites for ${remaining.length} address(es)`);
    return { created, existing, expired };
  }
}

/** Whether the batch sends this live pending invite again (see ResendScope). */
function resends(batch: InviteBatch, row: InviteRow): boolean {
  return batch.resend === 'all' || (batch.resend === 'own' && row.inviter_account_id === batch.inviter.accountId);
}

/** `items` in consecutive slices of `size`. */
function slices<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}
