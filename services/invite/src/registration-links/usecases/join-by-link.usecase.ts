import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  JoinByLinkRequest,
  JoinByLinkResult,
  SIGNUP_EVENTS,
  SignupConfirmationRequestedPayload,
} from '@gatehouse/contracts';
import { OutboxWriter } from '@gatehouse/messaging';
import { DataSource } from 'typeorm';
import { AccountsService, requireEmail } from '../../accounts/accounts.service';
import { InviteEnv } from '../../invite.config';
import { JoinAttemptsRepository } from '../data/join-attempts.repository';
import { PendingSignupsRepository } from '../data/pending-signups.repository';
import { isDomainAllowed } from '../domain/allowed-domains';
import { PublicLinks } from '../../public-links/public-links';
import { RegistrationLinkErrors } from '../domain/registration-link-errors';
import { assertOpen } from '../domain/registration-link-row';
import { issueSignupToken } from '../domain/signup-token';
import { FindLinkByToken } from './find-link-by-token';

/**
 * Sign-up through a registration link, step one: for new people only, and nothing that can sign in,
 * join a Hub or pick up invites exists afterwards. Anyone can type any address here, so the address
 * must be proven first (issue 11): the sign-up waits in invite.pending_signups and the verification
 * email goes to the address; ConfirmSignup does the rest when its owner confirms.
 *
 * 1. The token names a link that is open now; the per-link rate limit admits the attempt (recorded in
 *    its own transaction, so failed attempts count too); the address is one, at an allowed domain, and
 *    has no account yet; the name and password meet the rules every account meets.
 * 2. The password is hashed (argon2id, as accounts) and, in one transaction, the pending sign-up is
 *    recorded — or the open one of this link and address refreshed (new token, new expiry: the older
 *    email's link stops working) — with invite.signup.confirmation-requested (the email).
 *
 * A stranger who signs up with someone else's address only sends that mailbox an email; the confirm page
 * asks for the password chosen here, so the mailbox's owner cannot be talked into confirming an account
 * whose password the stranger knows (see docs/registration-links.md).
 */
@Injectable()
export class JoinByLink {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly findLink: FindLinkByToken,
    private readonly attempts: JoinAttemptsRepository,
    private readonly signups: PendingSignupsRepository,
    private readonly accounts: AccountsService,
    private readonly urls: PublicLinks,
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
    if (await this.accounts.exists(email)) throw RegistrationLinkErrors.accountExists();
    const { displayName } = this.accounts.checkNewAccount({
      email,
      displayName: request.displayName,
      password: request.password,
    });
    const passwordHash = await this.accounts.hashPassword(request.password);
    const confirmToken = issueSignupToken();

    const signup = await this.dataSource.transaction(async (manager) => {
      const row = await this.signups.upsert(manager, {
        linkId: link.id,
        linkTokenHash: link.token_hash!,
        hubId: link.hub_id,
        email,
        displayName,
        passwordHash,
        tokenHash: confirmToken.hash,
        ttlHours: this.env.SIGNUP_CONFIRMATION_TTL_HOURS,
      });
      const payload: SignupConfirmationRequestedPayload = {
        signupId: row.id,
        linkId: link.id,
        hubId: link.hub_id,
        hubName: link.hub_name,
        tenancyId: link.tenancy_id,
        email,
        displayName,
        userType: link.user_type,
        confirmUrl: this.urls.signupConfirmationUrl(confirmToken.token),
        expiresAt: row.expires_at.toISOString(),
      };
      await this.outbox.add(manager, { name: SIGNUP_EVENTS.CONFIRMATION_REQUESTED, payload });
      return row;
    });
    return { email, hubName: link.hub_name, expiresAt: signup.expires_at.toISOString() };
  }
}
