import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ConfirmSignupRequest,
  ConfirmSignupResult,
  ERROR_CODES,
  PreviewSignupRequest,
  REGISTRATION_LINK_EVENTS,
  RegistrationLinkUsedPayload,
  SignupPreview,
  isDomainError,
} from '@gatehouse/contracts';
import { OutboxWriter } from '@gatehouse/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AccountsService, toAccountView } from '../../accounts/accounts.service';
import { AcceptPendingInvites } from '../../invites/usecases/accept-pending-invites/accept-pending-invites';
import { MembershipGrantWorker } from '../../membership-grants/membership-grant.worker';
import { MembershipGrantsRepository } from '../../membership-grants/membership-grants.repository';
import { PendingSignupRow, PendingSignupsRepository } from '../data/pending-signups.repository';
import { RegistrationLinkUsesRepository } from '../data/registration-link-uses.repository';
import { RegistrationLinksRepository } from '../data/registration-links.repository';
import { SignupErrors } from '../domain/registration-link-errors';
import { assertStillJoinable } from '../domain/registration-link-row';
import { hashSignupToken, isWellFormedSignupToken } from '../domain/signup-token';

/**
 * Sign-up through a registration link, step two: the owner of the address confirms from the
 * verification email. `preview` (the page's GET) changes nothing — mail scanners open links.
 *
 * `execute` (the page's POST, with the password chosen at sign-up typed again):
 * 1. the token names a sign-up that is not confirmed and not expired; the password matches its hash
 *    (checked before any lock: argon2 is slow);
 * 2. one transaction: lock the sign-up row (a second confirmation waits, then sees it confirmed), lock
 *    the link row and check it again (the link may have been disabled, rotated, expired, used up or
 *    its domains changed since the sign-up), create the account with its address verified (it records
 *    invite.account.created), accept the address's pending invites in every Hub (AcceptPendingInvites),
 *    count the use, record the use, the membership grant and invite.registration-link.used (the Hub's
 *    audit entry), mark the sign-up confirmed. Any refusal rolls all of it back;
 * 3. after commit: ask the hub for the memberships (the link's and the invites'; idempotent); whatever
 *    that does not settle MembershipGrantWorker's loop retries.
 *
 * The link lock makes the count exact (with a limit of N, N confirmations succeed and the next one is
 * refused as used up); two confirmations for one address (through two links) meet at the accounts'
 * unique index and the second is refused as "an account appeared meanwhile".
 */
@Injectable()
export class ConfirmSignup {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly signups: PendingSignupsRepository,
    private readonly links: RegistrationLinksRepository,
    private readonly uses: RegistrationLinkUsesRepository,
    private readonly accounts: AccountsService,
    private readonly acceptPending: AcceptPendingInvites,
    private readonly grants: MembershipGrantsRepository,
    private readonly grantWorker: MembershipGrantWorker,
    private readonly outbox: OutboxWriter,
  ) {}

  async preview({ token }: PreviewSignupRequest): Promise<SignupPreview> {
    const row = await this.find(this.dataSource.manager, token);
    return {
      status: row.confirmed_at ? 'confirmed' : row.lapsed ? 'expired' : 'pending',
      email: row.email,
      displayName: row.display_name,
      hubName: row.hub_name,
      userType: row.user_type,
      expiresAt: row.expires_at.toISOString(),
    };
  }

  async execute({ token, password }: ConfirmSignupRequest): Promise<ConfirmSignupResult> {
    const seen = assertConfirmable(await this.find(this.dataSource.manager, token));
    if (!(await this.accounts.verifyPassword(seen.password_hash, password))) throw SignupErrors.wrongPassword();

    const { account, link, grantIds } = await this.dataSource.transaction(async (manager) => {
      const signup = assertConfirmable(await this.find(manager, token, { lock: true }));
      const link = await this.links.lock(manager, signup.link_id);
      assertStillJoinable(link, signup.link_token_hash, signup.email);
      await this.acceptPending.serialiseOnAddress(manager, signup.email);
      const account = await this.accounts
        .insertIn(manager, {
          email: signup.email,
          displayName: signup.display_name,
          passwordHash: signup.password_hash,
          isOperator: false,
          emailVerified: true,
        })
        .catch((error: unknown) => {
          if (isDomainError(error) && error.code === ERROR_CODES.ACCOUNT_EMAIL_TAKEN) {
            throw SignupErrors.accountAppeared(signup.email);
          }
          throw error;
        });
      const member = { accountId: account.id, email: account.email, displayName: account.displayName };
      const invited = await this.acceptPending.acceptIn(manager, [member], 'account_registered');
      const useCount = await this.links.countUse(manager, link.id);
      await this.uses.add(manager, { ...member, linkId: link.id, hubId: link.hub_id, userType: link.user_type });
      const linkGrantId = randomUUID();
      await this.grants.add(manager, [
        {
          ...member,
          id: linkGrantId,
          source: 'registration_link',
          sourceId: link.id,
          hubId: link.hub_id,
          userType: link.user_type,
          addedBy: null,
        },
      ]);
      const payload: RegistrationLinkUsedPayload = {
        hubId: link.hub_id,
        tenancyId: link.tenancy_id,
        actorAccountId: account.id,
        linkId: link.id,
        accountId: account.id,
        email: account.email,
        displayName: account.displayName,
        userType: link.user_type,
        useCount,
        maxUses: link.max_uses,
      };
      await this.outbox.add(manager, { name: REGISTRATION_LINK_EVENTS.USED, payload });
      await this.signups.markConfirmed(manager, signup.id, account.id);
      return { account, link, grantIds: [linkGrantId, ...invited.map(({ grantId }) => grantId)] };
    });

    const granted = await this.grantWorker.grantNow(grantIds);
    return {
      account: toAccountView(account),
      membership: {
        hubId: link.hub_id,
        hubName: link.hub_name,
        userType: link.user_type,
        granted: granted.has(grantIds[0]),
      },
    };
  }

  private async find(manager: EntityManager, token: string, options: { lock?: boolean } = {}) {
    if (!isWellFormedSignupToken(token)) throw SignupErrors.notFound();
    const row = await this.signups.findByTokenHash(manager, hashSignupToken(token), options);
    if (!row) throw SignupErrors.notFound();
    return row;
  }
}

/** Not confirmed yet and not expired: the row still holds the password hash to create the account with. */
function assertConfirmable(row: PendingSignupRow): PendingSignupRow & { password_hash: string } {
  if (row.confirmed_at || row.password_hash === null) throw SignupErrors.alreadyConfirmed(row.email);
  if (row.lapsed) throw SignupErrors.expired();
  return row as PendingSignupRow & { password_hash: string };
}
