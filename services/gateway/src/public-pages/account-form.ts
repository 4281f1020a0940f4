import { MAX_PASSWORD_LENGTH, UserType } from '@gatehouse/contracts';
import { Html, html } from './html';

/** "a Team Member" / "an External Member", as the public pages say it. */
export const USER_TYPE_LABEL: Record<UserType, string> = {
  TEAM_MEMBER: 'a Team Member',
  EXTERNAL_MEMBER: 'an External Member',
};

export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The longest name the forms take (the input's maxlength; the invite service checks it again). */
export const MAX_DISPLAY_NAME = 200;

/**
 * The rules of the name and password fields (the same on the accept page and the join page), said in
 * words a person understands; null when both are fine. The invite service checks them again.
 */
export function checkNewAccountFields(displayName: string, password: string): string | null {
  if (displayName === '') return 'Enter your name.';
  if ([...displayName].length > MAX_DISPLAY_NAME)
    return `Your name can be at most ${MAX_DISPLAY_NAME} characters long.`;
  if (password === '') return 'Choose a password.';
  if (password.length > MAX_PASSWORD_LENGTH)
    return `Your password can be at most ${MAX_PASSWORD_LENGTH} characters long.`;
  return null;
}

/** The error above a form, if there is one. */
export function formAlert(error: string | undefined): Html | null {
  return error ? html`<p class="alert" role="alert">${error}</p>` : null;
}

/**
 * The part of every "create your account" form that is the same on the accept page and the join page:
 * name, password (with the rule in words) and the submit button. Values are escaped by `html`.
 */
export function newAccountFields(displayName: string | undefined, submitLabel = 'Create account and join'): Html {
  return html`<label for="displayName">Your name</label>
    <input
      id="displayName"
      name="displayName"
      type="text"
      required
      maxlength="200"
      autocomplete="name"
      value="${displayName ?? ''}"
    />
    <label for="password">Choose a password</label>
    <input
      id="password"
      name="password"
      type="password"
      required
      minlength="10"
      maxlength="200"
      autocomplete="new-password"
    />
    <p class="note">At least 10 characters; not a common password, and not your email address.</p>
    <button type="submit">${submitLabel}</button>`;
}
