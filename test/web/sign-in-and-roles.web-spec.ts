import { HUB_PATTERNS, REGISTRATION_LINK_PATTERNS } from '@gatehouse/contracts';
import { FLOW_TIMEOUT_MS, A11yChecks, saveScreenshot, visible } from './support/browser';
import { registrationLinkIn } from './support/person';
import { WebApp } from './support/web-app';

/**
 * Signing in, and what each kind of member of the demo Hub sees (PRODUCT.md "Roles and permissions",
 * SCREENS.md): a Hub admin everything, a Team Member the registration link but not its settings, an
 * External Member no invite panel and no other External Members. In a real browser against the whole
 * system with the demo data of `npm start`.
 */
jest.setTimeout(FLOW_TIMEOUT_MS);

describe('signing in, and what each kind of member sees (browser)', () => {
  const app = new WebApp('web-sign-in');
  const a11y = new A11yChecks();

  beforeAll(() => app.start(), 240_000);
  afterAll(() => app.stop());

  it('a wrong password is refused in words, and the form stays', async () => {
    const visitor = await app.person();
    await visitor.page.goto('/');
    await visible(visitor.signInButton);
    await a11y.check(visitor.page, 'sign-in');
    await saveScreenshot(visitor.page, 'sign-in');

    await visitor.submitSignIn(app.accounts.hubAdmin.email, 'not-the-password-at-all');
    await visible(visitor.page.getByText('The email or password is not right.'));
    expect(new URL(visitor.page.url()).pathname).toBe('/');
    expect(await visitor.emailField.inputValue()).toBe(app.accounts.hubAdmin.email);
    expect(await visitor.signInButton.isVisible()).toBe(true);
  });

  it('the sign-in page fills in the email from the address (?email=)', async () => {
    const visitor = await app.person();
    await visitor.page.goto(`/?email=${encodeURIComponent(app.accounts.teamMember.email)}`);
    await visible(visitor.signInButton);
    expect(await visitor.emailField.inputValue()).toBe(app.accounts.teamMember.email);
  });

  it('a Hub admin signs in to the Hub, sees every member with the admin columns, and signs out', async () => {
    const admin = await app.person();
    await admin.signIn(app.accounts.hubAdmin);
    // The only Hub of the person: straight to its Contacts.
    await admin.openHub(app.demoHubName, app.hubId);
    await visible(admin.row('lena.fischer@partner.example'));
    await visible(admin.row(app.accounts.teamMember.email));
    await visible(admin.page.getByRole('columnheader', { name: 'Hub admin' }));
    await visible(admin.inviteButton);
    await a11y.check(admin.page, 'contacts');
    await saveScreenshot(admin.page, 'contacts');

    await admin.signOut(app.accounts.hubAdmin.displayName);
    // The session is over on the server too: the Hub's page asks to sign in again.
    await admin.page.goto(`/hubs/${app.hubId}/contacts`);
    await visible(admin.signInButton);
    expect(await admin.row('lena.fischer@partner.example').count()).toBe(0);
  });

  it('a Team Member sees the registration link and can copy it, but not its settings', async () => {
    const url = await app.enableRegistrationLink();
    const member = await app.person();
    await member.signIn(app.accounts.teamMember);
    await member.openHub(app.demoHubName, app.hubId);
    await visible(member.row('lena.fischer@partner.example')); // Team Members see External Members

    const panel = await member.openInvite('Registration');
    expect(await registrationLinkIn(panel)).toBe(url);
    await visible(panel.getByRole('button', { name: 'Copy' }));
    await visible(panel.getByText(/For new users only/));
    // No settings: no rotating, no switching the link on or off, no limits.
    expect(await panel.getByRole('button', { name: 'Rotate link' }).count()).toBe(0);
    for (const checkbox of await panel.getByRole('checkbox', { name: 'Disabled' }).all()) {
      expect(await checkbox.isEnabled()).toBe(false);
    }
    expect(await panel.getByRole('spinbutton').count()).toBe(0);
    expect(await panel.getByRole('combobox', { name: /user type/i }).count()).toBe(0);
    await a11y.check(member.page, 'registration tab (Team Member)');
    await saveScreenshot(member.page, 'invite-registration-team-member');
  });

  it('a Team Member whose invite permission is off is offered no registration link (and no invite panel)', async () => {
    const who = { email: 'paul.paused@example.com', password: app.password, displayName: 'Paul Paused' };
    await app.createAccount(who.email, who.displayName);
    const hubId = await app.createHub('Tern', [{ who, userType: 'TEAM_MEMBER' }]);
    const operator = await app.actorOf(app.accounts.operator);
    await app.system.rpc.call(REGISTRATION_LINK_PATTERNS.UPDATE, { actor: operator, hubId, enabled: true });
    const paul = await app.actorOf(who);
    await app.system.rpc.call(HUB_PATTERNS.MEMBER_UPDATE, {
      actor: operator,
      hubId,
      accountId: paul.accountId,
      canInvite: false,
    });

    const member = await app.person();
    await member.signIn(who);
    await member.openHub('Tern', hubId);
    await visible(member.row(who.email));
    expect(await member.inviteButton.count()).toBe(0);
    expect(await member.page.getByRole('link', { name: 'Registration link' }).count()).toBe(0);
    // Not even by typing the registration tab's address: the API would refuse it, the screen does not offer it.
    await member.page.goto(`/hubs/${hubId}/invite/registration`);
    await member.page.waitForLoadState('networkidle');
    await visible(member.page.getByRole('tab', { name: 'Pending invites' }));
    expect(await member.page.getByText('/join/').count()).toBe(0);
    expect(await member.page.getByRole('tab', { name: 'Registration' }).count()).toBe(0);
  });

  it('an External Member sees Team Members only, and no invite panel', async () => {
    const external = await app.person();
    await external.signIn(app.accounts.externalMember);
    await external.openHub(app.demoHubName, app.hubId);
    await visible(external.row(app.accounts.teamMember.email));
    await visible(external.row(app.accounts.hubAdmin.email));
    // The list has loaded (above); the other External Members of the demo Hub are not in it.
    expect(await external.row('lena.fischer@partner.example').count()).toBe(0);
    expect(await external.row('omar.haddad@partner.example').count()).toBe(0);
    expect(await external.page.getByRole('columnheader', { name: 'Hub admin' }).count()).toBe(0);
    expect(await external.inviteButton.count()).toBe(0);
    expect(await external.page.getByRole('tab', { name: 'Pending invites' }).count()).toBe(0);
    // Not even by typing the invite panel's address.
    await external.page.goto(`/hubs/${app.hubId}/invite/registration`);
    await external.page.waitForLoadState('networkidle');
    await visible(external.page.getByRole('combobox', { name: 'Hub' }));
    expect(await external.page.getByText('/join/').count()).toBe(0);
    expect(await external.page.getByRole('button', { name: 'Send invites' }).count()).toBe(0);
    await a11y.check(external.page, 'contacts (External Member)');
  });
  it('axe-core finds no serious violation on the screens above', () => {
    a11y.expectClean(['sign-in', 'contacts', 'registration tab (Team Member)', 'contacts (External Member)']);
  });
});
