import { BrowserContext, Locator, Page } from 'playwright-core';
import { STEP_TIMEOUT_MS, eventually, recordScriptErrors, visible } from './browser';

export type InviteTab = 'Individual' | 'Mass invite' | 'Registration';

/**
 * One person in a browser context of their own, doing what SCREENS.md describes. Elements are found
 * by role and accessible name — the way a person (and a screen reader) reads the page — never by CSS.
 */
export class Person {
  readonly page: Page;
  /** Uncaught errors in the page's scripts (a test may assert there were none). */
  readonly pageErrors: string[];

  constructor(
    readonly context: BrowserContext,
    page: Page,
  ) {
    this.page = page;
    this.pageErrors = recordScriptErrors(page);
  }

  /** The sign-in form (`/`). */
  get emailField(): Locator {
    return this.page.getByRole('textbox', { name: 'Email' });
  }

  get passwordField(): Locator {
    return this.page.getByLabel('Password', { exact: true });
  }

  get signInButton(): Locator {
    return this.page.getByRole('button', { name: 'Sign in' });
  }

  /** Fills the sign-in form and presses Sign in (what follows is the caller's to check). */
  async submitSignIn(email: string, password: string): Promise<void> {
    if (!/\/$|\/\?/.test(this.page.url())) await this.page.goto('/');
    await this.emailField.fill(email);
    await this.passwordField.fill(password);
    await this.signInButton.click();
  }

  /**
   * Signs in and waits until the app has settled on a Hub or on the list of Hubs. The list redirects to the
   * Hub to open once the person's Hubs have loaded; a click made before then (the top bar is already there)
   * could be overtaken by that redirect.
   */
  async signIn(who: { email: string; password: string }): Promise<void> {
    await this.page.goto('/');
    await this.submitSignIn(who.email, who.password);
    await this.page.waitForURL(/\/hubs(\/|$)/);
    const choosing = this.page.getByRole('heading', { level: 1, name: 'Choose a Hub' });
    const loadingHubs = this.page.getByLabel('Loading your Hubs');
    await eventually(
      async () =>
        /\/hubs\/[^/]+\//.test(new URL(this.page.url()).pathname) ||
        ((await choosing.isVisible()) && !(await loadingHubs.isVisible())),
      (settled) => settled,
      'the app to open a Hub, or to list the Hubs, after signing in',
    );
  }

  /**
   * Opens a Hub by name: from the list of Hubs after sign-in, or with the Hub dropdown in the top bar;
   * waits for its Contacts.
   */
  async openHub(name: string, hubId: string): Promise<void> {
    await this.page.waitForURL(/\/hubs(\/|$)/);
    const dropdown = this.page.getByRole('combobox', { name: 'Hub' });
    const inList = this.page.getByRole('link', { name, exact: true }).or(this.page.getByRole('button', { name }));
    const shown = await visible(dropdown.or(inList));
    if (await dropdown.isVisible()) {
      if ((await dropdown.inputValue().catch(() => '')) !== name) await this.choose(dropdown, name);
    } else {
      await shown.first().click();
    }
    await this.page.waitForURL(new RegExp(`/hubs/${hubId}(/|$)`));
  }

  /**
   * Picks an option of a dropdown (a native select, or an ARIA combobox with a listbox of options, as
   * Mantine's Select renders it).
   */
  async choose(field: Locator, option: string): Promise<void> {
    const tag = await field.evaluate((element) => (element as unknown as { tagName: string }).tagName);
    if (tag === 'SELECT') {
      await field.selectOption({ label: option });
      return;
    }
    await field.click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
    await eventually(
      () => field.inputValue(),
      (value) => value === option,
      `"${option}" to be chosen`,
    );
  }

  /** The top bar's Invite button (or link) — hidden for people who may not invite. */
  get inviteButton(): Locator {
    return this.page
      .getByRole('button', { name: 'Invite', exact: true })
      .or(this.page.getByRole('link', { name: 'Invite', exact: true }));
  }

  /** Opens the invite panel on one of its tabs and waits for the tab's panel. */
  async openInvite(tab: InviteTab): Promise<Locator> {
    const tabButton = this.page.getByRole('tab', { name: tab, exact: true });
    // The panel may be open already (its tabs show), or not yet (the top bar's Invite opens it).
    await visible(tabButton.or(this.inviteButton));
    if (!(await tabButton.isVisible())) await this.inviteButton.click();
    await tabButton.click();
    await eventually(
      () => tabButton.getAttribute('aria-selected'),
      (selected) => selected === 'true',
      `the ${tab} tab to be selected`,
    );
    return visible(this.page.getByRole('tabpanel', { name: tab }));
  }

  /** Goes to Contacts through the top bar (closing the invite panel first if it is open). */
  async openContacts(): Promise<void> {
    const dialog = this.page.getByRole('dialog');
    if (await dialog.isVisible()) {
      await this.page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
    }
    await this.page.getByRole('link', { name: 'Contacts', exact: true }).click();
    await this.page.waitForURL(/\/contacts$/);
    await visible(this.page.getByRole('table'));
  }

  /** Contacts → the Pending invites tab, with its table. */
  async openPendingInvites(): Promise<Locator> {
    await this.page.getByRole('tab', { name: 'Pending invites' }).click();
    await this.page.waitForURL(/\/contacts\/pending$/);
    return visible(this.page.getByRole('table'));
  }

  /** A table row that mentions `text` (an email address, a name). */
  row(text: string): Locator {
    return this.page.getByRole('row').filter({ hasText: text });
  }

  /** Signs out (the button may sit in the menu under the person's name) and waits for the sign-in form. */
  async signOut(displayName: string): Promise<void> {
    const signOut = this.page
      .getByRole('button', { name: 'Sign out' })
      .or(this.page.getByRole('menuitem', { name: 'Sign out' }));
    if (!(await signOut.first().isVisible())) await this.page.getByRole('button', { name: displayName }).click();
    await signOut.first().click();
    await visible(this.signInButton, STEP_TIMEOUT_MS);
  }
}

/** The registration link as the Registration tab shows it: the value of the read-only field holding a /join/ URL. */
export function registrationLinkIn(panel: Locator): Promise<string> {
  return eventually(
    async () => {
      for (const field of await panel.getByRole('textbox').all()) {
        const value = await field.inputValue();
        if (value.includes('/join/')) return value;
      }
      return '';
    },
    (value) => value !== '',
    'the registration link in a read-only field',
  );
}
