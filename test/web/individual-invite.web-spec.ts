import { Locator } from 'playwright-core';
import { FLOW_TIMEOUT_MS, STEP_TIMEOUT_MS, eventually, A11yChecks, saveScreenshot, visible } from './support/browser';
import { Person } from './support/person';
import { WebApp } from './support/web-app';

/**
 * A Hub admin invites people one by one in a real browser (SCREENS.md "Invite panel — Individual"):
 * a new address gets an invite email (it arrives at the SMTP server), a registered one is added to the
 * Hub at once and is in Contacts straight away, and without a user type nothing can be sent — the
 * page says why.
 */
jest.setTimeout(FLOW_TIMEOUT_MS);

describe('individual invites (browser)', () => {
  const app = new WebApp('web-individual');
  const a11y = new A11yChecks();
  const secondHubName = 'Second Hub';
  let admin: Person;

  beforeAll(async () => {
    await app.start();
    // Two Hubs, so that the Hub admin picks one.
    await app.createHub(secondHubName, [{ who: app.accounts.hubAdmin, userType: 'TEAM_MEMBER', hubAdmin: true }]);
    admin = await app.person();
  }, 240_000);
  afterAll(() => app.stop());

  it('signs in and picks the Hub', async () => {
    await admin.signIn(app.accounts.hubAdmin);
    await admin.openHub(app.demoHubName, app.hubId);
    await visible(admin.row(app.accounts.teamMember.email));
  });

  it('cannot send without a user type, and is told why', async () => {
    const panel = await admin.openInvite('Individual');
    await visible(admin.page.getByText('Invites cannot be sent without choosing a user type.'));
    await addressesField(panel).fill('no.type@guest.example');
    await addressesField(panel).press('Enter');
    const send = panel.getByRole('button', { name: 'Send invites' });
    expect(await send.isDisabled()).toBe(true);
    // Its tooltip says what is missing.
    await send.hover({ force: true });
    await visible(admin.page.getByRole('tooltip').filter({ hasText: /user type/i }));
    await a11y.check(admin.page, 'individual invite tab');
    await saveScreenshot(admin.page, 'invite-individual');
    expect(app.system.sink.to('no.type@guest.example')).toHaveLength(0);
  });

  it('invites a new address: "Invite sent", the email arrives, the invite is pending', async () => {
    const address = 'grace.new@guest.example';
    const panel = await admin.openInvite('Individual');
    await clearAddresses(panel);
    await addressesField(panel).fill(address);
    await addressesField(panel).press('Enter');
    await admin.choose(panel.getByRole('combobox', { name: 'User type' }), 'External Member');
    await panel.getByRole('button', { name: 'Send invites' }).click();
    await visible(panel.getByText('Invite sent'));

    const { mail, link } = await app.linkFromEmail(address, '/invite/');
    expect(mail.subject).toContain(app.demoHubName);
    // The link opens the accept page for this address.
    const newcomer = await app.person();
    await newcomer.page.goto(link);
    await visible(newcomer.page.getByText(address).or(newcomer.page.getByRole('textbox', { name: /email/i })));
    await a11y.check(newcomer.page, 'accept invite page');

    await admin.openContacts();
    await admin.openPendingInvites();
    await visible(admin.row(address));
    await a11y.check(admin.page, 'pending invites');
    await saveScreenshot(admin.page, 'pending-invites');
  });

  it('invites a registered address: added at once, in Contacts straight away', async () => {
    const registered = await app.createAccount('ravi.registered@guest.example', 'Ravi Registered');
    const panel = await admin.openInvite('Individual');
    await clearAddresses(panel);
    await addressesField(panel).fill(registered.email);
    await addressesField(panel).press('Enter');
    await admin.choose(panel.getByRole('combobox', { name: 'User type' }), 'Team Member');
    await panel.getByRole('button', { name: 'Send invites' }).click();
    await visible(panel.getByText('Added to the Hub — they already had an account'));
    await saveScreenshot(admin.page, 'invite-individual-result');

    await admin.openContacts();
    const row = await visible(admin.row(registered.email));
    expect(await row.first().textContent()).toContain('Ravi Registered');
    // The "you were added" notice went out; no invite link for a registered address.
    await app.system.sink.waitFor(registered.email, 1, STEP_TIMEOUT_MS);
    expect(app.system.sink.to(registered.email)[0].text).not.toMatch(/\/invite\//);
  });

  it('axe-core finds no serious violation on the screens above', () => {
    a11y.expectClean(['individual invite tab', 'pending invites', 'accept invite page']);
  });
});

/** "Email addresses": a text area or a chips input, whichever the app renders. */
function addressesField(panel: Locator) {
  return panel.getByRole('textbox', { name: /Email addresses/ });
}

/** Removes what an earlier test left in the addresses field (text, or chips with their remove buttons). */
async function clearAddresses(panel: Locator) {
  await addressesField(panel).fill('');
  const removeChip = panel.getByRole('button', { name: /remove/i });
  await eventually(
    async () => {
      if ((await removeChip.count()) > 0) await removeChip.first().click();
      return removeChip.count();
    },
    (left) => left === 0,
    'the address chips to be removed',
  );
}
