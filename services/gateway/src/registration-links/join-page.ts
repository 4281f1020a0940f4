import { JoinByLinkResult, RegistrationLinkPreview } from '@gatehouse/contracts';
import { Html, html, page } from '../pages/html';
import { USER_TYPE_LABEL, formAlert, formatDate, newAccountFields } from '../pages/account-form';

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
        ${newAccountFields(state.displayName)}
      </form>
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

/** The account exists and the membership is granted (or being granted). */
export function joinedPage(result: JoinByLinkResult, signInUrl: string): string {
  const { account, membership } = result;
  return page(
    'Welcome to Gatehouse',
    html`<h1>Welcome, ${account.displayName}</h1>
      <p>
        Your account <strong>${account.email}</strong> is ready, and you are a member of
        <strong>${membership.hubName}</strong> as ${USER_TYPE_LABEL[membership.userType]}.
      </p>
      ${membership.granted ? null : html`<p class="note">Your access to ${membership.hubName} is still being set up and appears within a few minutes.</p>`}
      <p><a href="${signInUrl}">Sign in to Gatehouse</a> with your email address and the password you just chose.</p>`,
  );
}
