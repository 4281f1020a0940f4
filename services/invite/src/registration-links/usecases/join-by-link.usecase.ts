import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ERROR_CODES,
  JoinByLinkRequest,
  JoinByLinkResult,
  REGISTRATION_LINK_EVENTS,
  RegistrationLinkUsedPayload,
} from '@gatehouse/contracts';
import { OutboxWriter, isDomainError } from '@gatehouse/messaging';
import { DataSource } from 'typeorm';
import { AccountsService, requireEmail, toAccountView } from '../../accounts/accounts.service';
import { InviteEnv } from '../../invite.config';
import { JoinAttemptsRepository } from '../data/join-attempts.repository';
import { RegistrationLinkUsesRepository } from '../data/registration-link-uses.repository';
import { RegistrationLinksRepository } from '../data/registration-links.repository';
import { isDomainAllowed } from '../domain/allowed-domains';
import { RegistrationLinkErrors } from '../domain/registration-link-errors';
import { RegistrationLinkRow, assertOpen } from '../domain/registration-link-row';
import { RegistrationGrants } from '../grants/registration-grants';
import { FindLinkByToken } from './find-link-by-token';

/**
 * Sign-up through a registration link: for new people only.
 *
 * 1. Cheap checks without locks: the token names a link that is open now; the per-link rate limit
 *    admits the attempt (recorded in its own transaction, so failed attempts count too); the address is
 *    one, at an allowed domain, and has no account yet (case-insensitively: addresses are normalised).
 * 2. One transaction: create the account (the shared password policy; invite.account.created, which
 *    makes the address's pending invites take effect), then lock the link row, check it again (it may
 *    have been disabled, rotated, expired or used up meanwhile), count the use, record the membership
 *    to grant and invite.registration-link.used. The lock makes the count exact: with a limit of N,
 *    N parallel sign-ups succeed and the next one fails cleanly. Any refusal rolls everything back.
 * 3. After commit: ask the hub for the membership (idempotent); if that fails the retry worker does it.
 *
 * Two sign-ups with one address meet at the accounts' unique index: the second waits for the first and
 * is refused as an existing account.
 */
@Injectable()
export class JoinByLink {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly findLink: FindLinkByToken,
    private readonly links: RegistrationLinksRepository,
    private readonly attempts: JoinAttemptsRepository,
    private readonly uses: RegistrationLinkUsesRepository,
    private readonly accounts: AccountsService,
    private readonly grants: RegistrationGrants,
    private readonly outbox: OutboxWriter,
    private readonly env: InviteEnv,
  ) {}

  async execute(request: JoinByLinkRequest): Promise<JoinByLinkResult> {
    const link = await this.findLink.find(this.dataSource.manager, request.token);
    assertOpen(link);
    const admission = await this.attempts.admit(
      link.id,
      request.clientAddress,
      this.env.REGISTRATION_LINK_JOIN_LIMIT,
      this.env.REGISTRATION_LINK_JOIN_WINDOW_SECONDS,
    );
    if (!admission.admitted) throw RegistrationLinkErrors.rateLimited(admission.retryAfterSeconds);

    const email = requireEmail(request.email);
    if (!isDomainAllowed(link.allowed_domains, email))
      throw RegistrationLinkErrors.domainNotAllowed(link.allowed_domains);
    const existing = await this.accounts.lookup([email]);
    if (existing.registered.length > 0) throw RegistrationLinkErrors.accountExists();

    const { account, locked } = await this.dataSource.transaction(async (manager) => {
      const account = await this.accounts
        .createIn(manager, { email, displayName: request.displayName, password: request.password })
        .catch((error: unknown) => {
          if (isDomainError(error) && error.code === ERROR_CODES.ACCOUNT_EMAIL_TAKEN) {
            throw RegistrationLinkErrors.accountExists();
          }
          throw error;
        });
      const locked = await this.links.lock(manager, link.id);
      this.recheck(locked, link, email);
      const useCount = await this.links.countUse(manager, link.id);
      await this.uses.add(manager, {
        accountId: account.id,
        linkId: link.id,
        hubId: locked.hub_id,
        email: account.email,
        displayName: account.displayName,
        userType: locked.user_type,
      });
      const payload: RegistrationLinkUsedPayload = {
        hubId: locked.hub_id,
        tenancyId: locked.tenancy_id,
        actorAccountId: account.id,
        linkId: link.id,
        accountId: account.id,
        email: account.email,
        displayName: account.displayName,
        userType: locked.user_type,
        useCount,
        maxUses: locked.max_uses,
      };
      await this.outbox.add(manager, { name: REGISTRATION_LINK_EVENTS.USED, payload });
      return { account, locked };
    });

    const granted = await this.grants.grantNow({
      accountId: account.id,
      linkId: link.id,
      hubId: locked.hub_id,
      email: account.email,
      displayName: account.displayName,
      userType: locked.user_type,
    });
    return {
      account: toAccountView(account),
      membership: { hubId: locked.hub_id, hubName: locked.hub_name, userType: locked.user_type, granted },
    };
  }

  /** The link as it is under the lock: still this token's, still open, the address still allowed. */
  private recheck(
    locked: RegistrationLinkRow | null,
    seen: RegistrationLinkRow,
    email: string,
  ): asserts locked is RegistrationLinkRow {
    if (!locked) throw RegistrationLinkErrors.notFound();
    if (locked.token_hash !== seen.token_hash) throw RegistrationLinkErrors.rotated();
    assertOpen(locked);
    if (!isDomainAllowed(locked.allowed_domains, email)) {
      throw RegistrationLinkErrors.domainNotAllowed(locked.allowed_domains);
    }
  }
}
