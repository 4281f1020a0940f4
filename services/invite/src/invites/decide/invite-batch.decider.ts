import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { INVITE_EVENTS, InviteOutcome, MemberProfile, UserType } from '@gatehouse/contracts';
import { OutboxWriter, PendingEvent } from '@gatehouse/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AccountsService } from '../../accounts/accounts.service';
import { InviteBatchCommon, InvitesRepository } from '../data/invites.repository';
import { inviteStateEvents, invitesIssuedEvents, membersAddedNoticeEvent } from '../domain/invite-events';
import { InviteLinks } from '../domain/invite-links';
import { InviteRow } from '../domain/invite-row';
import { issueInviteToken } from '../domain/invite-token';
import { reissueInvites } from '../domain/reissue-invites';
import { HubClient } from '../../hub/hub-client';
import { INVITE_CHUNK_SIZE } from '../invites.constants';

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
}

export type EmailDecision =
  | { email: string; outcome: 'already_member'; accountId: string }
  | { email: string; outcome: 'added'; accountId: string }
  | { email: string; outcome: 'invited'; invite: InviteRow; emailSent: boolean };

export interface InviteBatchResult {
  decisions: EmailDecision[];
  counts: Record<InviteOutcome, number>;
}

/**
 * THE invite decision, for one address or a hundred thousand: per chunk of 1,000 normalised addresses,
 * - one account look-up;
 * - registered accounts: one hub.member.add-bulk call (idempotent) → `added`, or `already_member` for
 *   those the hub already had; the "you were added" notice (invite.member.added) for the added ones is
 *   recorded in the invite service's outbox right after;
 * - everyone else, in one transaction: lapsed pending invites are expired, new pending invites are
 *   inserted set-based (the partial unique index keeps one per Hub and address, also under races), the
 *   existing ones are kept (and re-issued only when asked), and invite.invite.created/resent are
 *   recorded in the same transaction → `invited`.
 * Authorisation is the caller's: this class trusts the batch it is given.
 */
@Injectable()
export class InviteBatchDecider {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly invites: InvitesRepository,
    private readonly hubs: HubClient,
    private readonly outbox: OutboxWriter,
    private readonly links: InviteLinks,
  ) {}

  async decide(batch: InviteBatch): Promise<InviteBatchResult> {
    const emails = [...new Set(batch.emails)];
    const decisions: EmailDecision[] = [];
    for (let start = 0; start < emails.length; start += INVITE_CHUNK_SIZE) {
      decisions.push(...(await this.decideChunk(batch, emails.slice(start, start + INVITE_CHUNK_SIZE))));
    }
    const counts: Record<InviteOutcome, number> = { added: 0, invited: 0, already_member: 0 };
    for (const decision of decisions) counts[decision.outcome] += 1;
    return { decisions, counts };
  }

  private async decideChunk(batch: InviteBatch, emails: string[]): Promise<EmailDecision[]> {
    const { registered } = await this.accounts.lookup(emails);
    const registeredEmails = new Set(registered.map((r) => r.email));
    const unregistered = emails.filter((email) => !registeredEmails.has(email));
    const members: MemberProfile[] = registered.map((r) => ({
      accountId: r.accountId,
      email: r.email,
      displayName: r.displayName,
    }));
    return [...(await this.addRegistered(batch, members)), ...(await this.inviteUnregistered(batch, unregistered))];
  }

  private async addRegistered(batch: InviteBatch, members: MemberProfile[]): Promise<EmailDecision[]> {
    if (members.length === 0) return [];
    const result = await this.hubs.addMembers(batch.hub.id, batch.userType, batch.inviter.accountId, members);
    const added = new Set(result.added);
    const addedMembers = members.filter((m) => added.has(m.accountId));
    if (addedMembers.length > 0) {
      await this.dataSource.transaction((manager) =>
        this.outbox.add(
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
          }),
        ),
      );
    }
    return members.map((m) =>
      added.has(m.accountId)
        ? { email: m.email, outcome: 'added' as const, accountId: m.accountId }
        : { email: m.email, outcome: 'already_member' as const, accountId: m.accountId },
    );
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
      const expired = await this.invites.expireLapsedFor(manager, batch.hub.id, emails);
      events.push(...inviteStateEvents(INVITE_EVENTS.EXPIRED, expired, () => null, 'expired'));

      const { created, existing } = await this.insertOrFind(manager, common, emails);
      events.push(...invitesIssuedEvents(INVITE_EVENTS.CREATED, created));

      const reissue = existing.filter(
        (row) =>
          batch.resend === 'all' || (batch.resend === 'own' && row.inviter_account_id === batch.inviter.accountId),
      );
      const resent = await reissueInvites(manager, this.invites, this.links, reissue, batch.expiryDays);
      events.push(...invitesIssuedEvents(INVITE_EVENTS.RESENT, resent));
      await this.outbox.add(manager, events);

      const resentById = new Map(resent.map(({ row }) => [row.id, row]));
      return [
        ...created.map(({ row }) => ({ email: row.email, outcome: 'invited' as const, invite: row, emailSent: true })),
        ...existing.map((row) => ({
          email: row.email,
          outcome: 'invited' as const,
          invite: resentById.get(row.id) ?? row,
          emailSent: resentById.has(row.id),
        })),
      ];
    });
  }

  /**
   * New pending invites where there is none, the existing pending one where there is. An address whose
   * conflicting invite stopped being pending between the two statements (accepted or revoked at that
   * very moment) is simply tried again.
   */
  private async insertOrFind(
    manager: EntityManager,
    common: InviteBatchCommon,
    emails: string[],
  ): Promise<{ created: { row: InviteRow; acceptUrl: string }[]; existing: InviteRow[] }> {
    const created: { row: InviteRow; acceptUrl: string }[] = [];
    const existing: InviteRow[] = [];
    let remaining = emails;
    for (let attempt = 0; remaining.length > 0 && attempt < 3; attempt += 1) {
      const issued = remaining.map((email) => ({ id: randomUUID(), email, ...issueInviteToken() }));
      const inserted = await this.invites.insertPending(
        manager,
        common,
        issued.map(({ id, email, hash }) => ({ id, email, tokenHash: hash })),
      );
      const tokenById = new Map<string, string>(issued.map((i) => [i.id, i.token]));
      for (const row of inserted) created.push({ row, acceptUrl: this.links.acceptUrl(tokenById.get(row.id)!) });
      const insertedEmails = new Set(inserted.map((row) => row.email));
      const others = remaining.filter((email) => !insertedEmails.has(email));
      const found = others.length > 0 ? await this.invites.findPendingFor(manager, common.hubId, others) : [];
      existing.push(...found);
      const foundEmails = new Set(found.map((row) => row.email));
      remaining = others.filter((email) => !foundEmails.has(email));
    }
    if (remaining.length > 0) throw new Error(`Could not settle invites for ${remaining.length} address(es)`);
    return { created, existing };
  }
}
