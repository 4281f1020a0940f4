import { JoinByLinkResult, RegistrationLinkPreview, SignupPreview } from '@gatehouse/contracts';
import { Html, html, page } from '../html';
import { USER_TYPE_LABEL, formAlert, formatDate, newAccountFields } from '../account-form';

export interface JoinFormState {
  email?: string;
  displayName?: string;
  error?: string;
}

/** The sign-up form: the Hub, who the link is for, email, name and password. Every value is escaped. */
export function joinFormPage(preview: RegistrationLinkPreview, state: JoinFormState = {}): string {
  const alert = formAlert(state.error);
  const domains =
    preview.allowedDomains.length > 0
      ? html`<p class="note">
          This link is for email addresses at
          ${preview.allowedDomains.map((d, i) => html`${i > 0 ? ', ' : ''}<strong>${d}</strong>`)}.
        </p>`
      : null;
  return page(
    `Join ${preview.hubName}`,
    html`<h1>Join ${preview.hubName}</h1>
      <p>
        Create a Gatehouse account to join <strong>${preview.hubName}</strong> as ${USER_TYPE_LABEL[preview.userType]}.
        This link is for people who do not have an account yet.
      </p>
      ${domains} ${alert}
      <form method="post">
        <label for="email">Email address</label>
        <input
          id="email"
          name="email"
          type="email"
          required
          maxlength="254"
          autocomplete="email"
          value="${state.email ?? ''}"
        />
        ${newAccountFields(state.displayName, 'Sign up')}
      </form>
      <p class="note">We will email you a link to confirm your address; your account is created when you confirm.</p>
      ${preview.expiresAt ? html`<p class="note">This link works until ${formatDate(preview.expiresAt)}.</p>` : null}`,
  );
}

/** A page that says one thing plainly: a closed or unknown link, an existing account, a limit. */
export function messagePage(title: string, message: string, extra: Html | null = null): string {
  return page(
    title,
    html`<h1>${title}</h1>
      <p>${message}</p>
      ${extra}`,
  );
}

/** The sign-up is recorded and the verification email is on its way; nothing exists yet. */
export function checkInboxPage(result: JoinByLinkResult): string {
  return page(
    'Check your inbox',
    html`<h1>Check your inbox</h1>
      <p>Check your inbox: we sent a link to confirm <strong>${result.email}</strong>.</p>
      <p>
        Open it and confirm with the password you just chose to create your account and join
        <strong>${result.hubName}</strong>. The link works until ${formatDateTime(result.expiresAt)}.
      </p>
      <p class="note">
        No email? Check your spam folder, or sign up again through the registration link: only the link in the newest
        email works.
      </p>`,
  );
}

export interface ConfirmFormState {
  error?: string;
}

/**
 * The page the verification email links to: what confirming will do, the password chosen at sign-up,
 * and the button. Showing it changes nothing (mail scanners open links); only the POST confirms.
 */
export function confirmSignupPage(preview: SignupPreview, state: ConfirmFormState = {}): string {
  return page(
    'Confirm your email address',
    html`<h1>Confirm your email address</h1>
      <p>
        Confirming creates the Gatehouse account <strong>${preview.email}</strong> for
        <strong>${preview.displayName}</strong> and makes it a member of <strong>${preview.hubName}</strong> as
        ${USER_TYPE_LABEL[preview.userType]}.
      </p>
      ${formAlert(state.error)}
      <form method="post">
        <label for="password">The password you chose when you signed up</label>
        <input id="password" name="password" type="password" required maxlength="200" autocomplete="current-password" />
        <button type="submit">Confirm and create my account</button>
      </form>
      <p class="note">This link works until ${formatDateTime(preview.expiresAt)}.</p>
      <p class="note">If you did not sign up, close this page: nothing happens unless you confirm.</p>`,
  );
}

/** A link to the sign-in page with the address filled in. */
export function signInLink(email: string): Html {
  return html`<p><a href="/?email=${encodeURIComponent(email)}">Sign in to Gatehouse</a></p>`;
}

function formatDateTime(iso: string): string {
  const date = new Date(iso);
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  return `${formatDate(iso)}, ${time} UTC`;
}
