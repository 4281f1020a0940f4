import { AcceptInviteResult, InvitePreview, InviteStatus } from '@gatehouse/contracts';
import { Html, html, page } from '../html';
import { USER_TYPE_LABEL, formAlert, formatDate, newAccountFields } from '../account-form';

/** The web app's sign-in screen, with the address filled in when we know it (contracts.md §2). */
function signInPath(email: string | undefined): string {
  return email ? `/?${new URLSearchParams({ email }).toString()}` : '/';
}

export interface AcceptFormState {
  displayName?: string;
  error?: string;
}

/** The accept form: Hub, inviter, the invited address (read-only, never submitted), name and password. */
export function acceptFormPage(preview: InvitePreview, state: AcceptFormState = {}): string {
  const alert = formAlert(state.error);
  return page(
    `Join ${preview.hubName}`,
    html`<h1>Join ${preview.hubName}</h1>
      <p>
        ${preview.inviterName} invited you to <strong>${preview.hubName}</strong> as
        ${USER_TYPE_LABEL[preview.userType]}. Create your Gatehouse account to accept.
      </p>
      ${alert}
      <form method="post">
        <label for="email">Email address</label>
        <input id="email" type="email" value="${preview.email}" readonly />
        ${newAccountFields(state.displayName)}
      </form>
      <p class="note">This invite expires on ${formatDate(preview.expiresAt)}.</p>`,
  );
}

const CLOSED: Record<Exclude<InviteStatus, 'pending'>, { title: string; body: (p: InvitePreview | null) => Html }> = {
  expired: {
    title: 'This invite has expired',
    body: (p) =>
      p
        ? html`<p>The invite to <strong>${p.hubName}</strong> expired on ${formatDate(p.expiresAt)}.</p>
            <p>
              Ask ${p.inviterName}, or another member of ${p.hubName}, to invite you again: you will get a new link by
              email.
            </p>`
        : html`<p>Ask the person who invited you to send a new invite: you will get a new link by email.</p>`,
  },
  revoked: {
    title: 'This invite was withdrawn',
    body: (p) =>
      html`<p>The invite${p ? html` to <strong>${p.hubName}</strong>` : null} is no longer valid.</p>
        <p>If you still need access, ask a member of the Hub to invite you again.</p>`,
  },
  accepted: {
    title: 'This invite has already been used',
    body: () =>
      html`<p>An account has already been created with this invite, so the link cannot be used again.</p>
        <p>
          <a href="/">Sign in to Gatehouse</a> with that account's email address and password. If you forgot the
          password, reset it from the sign-in screen.
        </p>`,
  },
};

/** Expired, revoked or already used: a plain page that says so and what to do (HTTP 410). */
export function closedInvitePage(status: Exclude<InviteStatus, 'pending'>, preview: InvitePreview | null): string {
  const closed = CLOSED[status];
  return page(
    closed.title,
    html`<h1>${closed.title}</h1>
      ${closed.body(preview)}`,
  );
}

/** A token we do not know (HTTP 404). */
export function unknownInvitePage(): string {
  return page(
    'Invite not found',
    html`<h1>This invite link is not valid</h1>
      <p>Check that you opened the whole link from the invite email (long links are sometimes cut in two).</p>
      <p>If it still does not work, ask the person who invited you to send a new invite.</p>`,
  );
}

/** The address has an account already (made some other way): the invite joins it (HTTP 409). */
export function accountExistsPage(preview: InvitePreview | null): string {
  return page(
    'You already have an account',
    html`<h1>You already have an account</h1>
      <p>
        There is already a Gatehouse account for
        ${preview ? html`<strong>${preview.email}</strong>` : 'this email address'}.
        <a href="${signInPath(preview?.email)}">Sign in</a> with it:
        ${preview ? html`your membership of <strong>${preview.hubName}</strong>` : 'the membership'} is added to that
        account automatically.
      </p>`,
  );
}

/** The account exists and the memberships are granted (or being granted). */
export function acceptedPage(result: AcceptInviteResult): string {
  const pending = result.memberships.filter((m) => !m.granted);
  return page(
    'Welcome to Gatehouse',
    html`<h1>Welcome, ${result.account.displayName}</h1>
      <p>Your account <strong>${result.account.email}</strong> is ready. You are a member of:</p>
      <ul>
        ${result.memberships.map((m) => html`<li><strong>${m.hubName}</strong> (${USER_TYPE_LABEL[m.userType]})</li>`)}
      </ul>
      ${pending.length > 0 ? html`<p class="note">Access to ${pending.map((m, i) => html`${i > 0 ? ', ' : ''}${m.hubName}`)} is still being set up and appears within a few minutes.</p>` : null}
      <p>
        <a href="${signInPath(result.account.email)}">Sign in to Gatehouse</a> with your email address and the password
        you just chose.
      </p>`,
  );
}

/** Something on our side failed (HTTP 503): nothing to do but try again. */
export function unavailablePage(): string {
  return page(
    'Please try again',
    html`<h1>Something went wrong on our side</h1>
      <p>Your invite is fine. Please try again in a minute.</p>`,
  );
}
