import { randomUUID } from 'node:crypto';
import {
  FLOW_TIMEOUT_MS,
  A11yChecks,
  STEP_TIMEOUT_MS,
  eventually,
  saveScreenshot,
  visible,
  withPageState,
} from './support/browser';
import { Person } from './support/person';
import { WebApp } from './support/web-app';

/**
 * The ops console's Tenancies, Policies and Hubs pages (issue #10) in a real browser against the whole
 * system: an operator creates a tenancy and its admin; that tenant admin switches the invite message
 * appendix on, sees it escaped at the bottom of the live preview, saves it, and the next real invite email
 * ends with it; a second tenancy's admin sees none of the first's; a Hub admin gets no console at all.
 */
jest.setTimeout(FLOW_TIMEOUT_MS);

const ACME = { name: 'Acme Trading', slug: 'acme-trading' };
const ADA = { email: 'ada.first@acme.example', displayName: 'Ada First' };
const CY = { email: 'cy.helper@acme.example', displayName: 'Cy Helper' };
const GLOBEX = { name: 'Globex Partners', slug: 'globex-partners' };
const BO = { email: 'bo.second@globex.example', displayName: 'Bo Second' };
/** Markup and an ampersand: shown as typed, never as markup (PRODUCT.md: escaped, never a template). */
const APPENDIX = 'Questions? Ask <b>Lee</b> & the IT desk.';
const APPENDIX_ESCAPED = 'Questions? Ask &lt;b&gt;Lee&lt;/b&gt; &amp; the IT desk.';
const HUB_NAME = 'Acme Sales';
const INVITEE = 'new.buyer@customer.example';

describe('the console: tenancies, policies with a live preview, Hubs (browser)', () => {
  const app = new WebApp('web-console-tenancies');
  const a11y = new A11yChecks();
  let acmeId = '';
  let acmeHubId = '';

  beforeAll(async () => {
    await app.start();
    for (const who of [ADA, CY, BO]) await app.createAccount(who.email, who.displayName);
  }, 240_000);
  afterAll(() => app.stop());

  const password = () => app.password;
  async function signedIn(who: { email: string }): Promise<Person> {
    const person = await app.person();
    try {
      await person.signIn({ email: who.email, password: password() });
    } catch (error) {
      throw await withPageState(person.page, error);
    }
    return person;
  }
  async function openConsoleSection(person: Person, section: string): Promise<void> {
    await person.page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: section }).click();
    await visible(person.page.getByRole('heading', { level: 1, name: section }));
  }
  const tokenOf = (who: { email: string }) => app.system.http.signIn(who.email, password());

  it('an operator creates a tenancy with its first tenant admin, and adds a second admin', async () => {
    const operator = await signedIn(app.accounts.operator);
    await operator.page.getByRole('link', { name: 'Console' }).click();
    await operator.page.waitForURL(/\/console\/tenancies$/);
    await visible(operator.page.getByRole('heading', { level: 1, name: 'Tenancies' }));
    await visible(operator.row('Demo Tenancy'));

    for (const [tenancy, admin] of [
      [ACME, ADA],
      [GLOBEX, BO],
    ] as const) {
      await operator.page.getByRole('button', { name: 'Create tenancy' }).click();
      const dialog = await visible(operator.page.getByRole('dialog', { name: 'Create a tenancy' }));
      await dialog.getByRole('textbox', { name: 'Name' }).fill(tenancy.name);
      expect(await dialog.getByRole('textbox', { name: 'Slug' }).inputValue()).toBe(tenancy.slug);
      await dialog.getByRole('textbox', { name: "First tenant admin's email" }).fill(admin.email);
      await dialog.getByRole('button', { name: 'Create tenancy' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await visible(operator.row(tenancy.name));
    }
    // One admin and no Hubs yet: the row's numbers come from the API.
    const acmeRow = operator.row(ACME.name);
    await expect(acmeRow.getByRole('cell').allInnerTexts()).resolves.toEqual([
      ACME.name,
      ACME.slug,
      '1',
      '0',
      expect.any(String),
      'Add tenant admin',
    ]);

    await acmeRow.getByRole('button', { name: `Add tenant admin to ${ACME.name}` }).click();
    const add = await visible(operator.page.getByRole('dialog', { name: `Add a tenant admin to ${ACME.name}` }));
    await add.getByRole('textbox', { name: 'Email' }).fill('nobody.here@acme.example');
    await add.getByRole('button', { name: 'Add tenant admin' }).click();
    await visible(add.getByRole('alert').filter({ hasText: 'No account is registered for nobody.here@acme.example.' }));
    await add.getByRole('textbox', { name: 'Email' }).fill(CY.email);
    await add.getByRole('button', { name: 'Add tenant admin' }).click();
    await add.waitFor({ state: 'hidden' });
    await eventually(
      () => acmeRow.getByRole('cell').nth(2).innerText(),
      (count) => count === '2',
      'two tenant admins in the row',
    );
    await a11y.check(operator.page, 'console tenancies');
    await saveScreenshot(operator.page, 'console-tenancies');

    const token = await tokenOf(app.accounts.operator);
    const listed = await app.system.http.call('GET', '/api/v1/tenancies?limit=100', { token });
    const acme = (listed.body.items as { id: string; slug: string }[]).find((t) => t.slug === ACME.slug)!;
    acmeId = acme.id;
    expect(acme).toMatchObject({ name: ACME.name, adminCount: 2, hubCount: 0 });
  });

  it('the tenant admin switches the appendix on and sees it escaped at the bottom of the live preview, then saves', async () => {
    const ada = await signedIn(ADA);
    await ada.page.getByRole('link', { name: 'Console' }).click();
    await ada.page.waitForURL(new RegExp(`/console/tenancies/${acmeId}/`));
    const nav = ada.page.getByRole('navigation', { name: 'Console' });
    // A tenant admin runs their tenancy: no installation pages.
    await visible(nav.getByRole('link', { name: 'Policies' }));
    expect(await nav.getByRole('link', { name: 'Tenancies' }).count()).toBe(0);
    await openConsoleSection(ada, 'Policies');

    const appendixSwitch = ada.page.getByRole('switch', { name: /Add a message at the bottom/ });
    expect(await appendixSwitch.isChecked()).toBe(false);
    const htmlFrame = ada.page.getByTitle('Invite email preview (HTML)').contentFrame();
    await visible(htmlFrame.getByText(/invited you/i).first());
    await appendixSwitch.check();
    await ada.page.getByRole('textbox', { name: 'Invite message appendix' }).fill(APPENDIX);

    // The HTML part: the appendix is the last thing in the email, shown literally (escaped).
    await eventually(
      async () => (await htmlFrame.locator('body').innerText()).trim(),
      (body) => body.endsWith(APPENDIX),
      'the HTML preview to end with the appendix as typed',
    );
    expect(await htmlFrame.locator('b').filter({ hasText: 'Lee' }).count()).toBe(0);
    expect(await ada.page.getByTitle('Invite email preview (HTML)').getAttribute('sandbox')).toBe('');
    // The text part, too.
    await ada.page.getByRole('tab', { name: 'Text version' }).click();
    const textPart = ada.page.getByRole('region', { name: 'Invite email preview (text)' });
    await eventually(
      async () => (await textPart.innerText()).trim(),
      (text) => text.endsWith(APPENDIX),
      'the text preview to end with the appendix',
    );
    await ada.page.getByRole('tab', { name: 'HTML' }).click();

    await ada.page.getByRole('button', { name: 'Save' }).click();
    await visible(ada.page.getByRole('status').filter({ hasText: 'Saved' }));
    await a11y.check(ada.page, 'console policies');
    await saveScreenshot(ada.page, 'console-policies');

    // Saving is in the audit log with who and what changed, before and after.
    const token = await tokenOf(ADA);
    const audit = await app.system.http.call('GET', `/api/v1/tenancies/${acmeId}/audit?limit=1`, { token });
    expect(audit.body.items[0]).toMatchObject({
      action: 'policy.changed',
      actorAccountId: (await app.actorOf({ ...ADA, password: password() })).accountId,
      details: {
        before: { inviteMessageAppendix: null, inviteMessageAppendixEnabled: false },
        after: {
          inviteMessageAppendix: APPENDIX,
          inviteMessageAppendixEnabled: true,
          inviteMessageAppendixText: APPENDIX,
        },
      },
    });
  });

  it('the tenant admin creates a Hub on the Hubs page; an invite from it ends with the appendix; the page counts it', async () => {
    const ada = await signedIn(ADA);
    await ada.page.goto(`/console/tenancies/${acmeId}/hubs`);
    await visible(ada.page.getByRole('heading', { level: 1, name: 'Hubs' }));
    await visible(ada.page.getByText(/no Hubs yet/));
    await ada.page.getByRole('button', { name: 'Create Hub' }).click();
    const dialog = await visible(ada.page.getByRole('dialog', { name: 'Create a Hub' }));
    await dialog.getByRole('textbox', { name: 'Hub name' }).fill(HUB_NAME);
    await dialog.getByRole('button', { name: 'Create Hub' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(ada.row(HUB_NAME));

    const token = await tokenOf(ADA);
    const hubs = await app.system.http.call('GET', `/api/v1/tenancies/${acmeId}/hubs`, { token });
    acmeHubId = hubs.body.items[0].id;
    // The policy reaches the notification service as an event (hub.policy.changed, after commit): its
    // preview of the *stored* policy shows when it has arrived; the next invite is rendered with it.
    await eventually(
      async () =>
        (await app.system.http.call('POST', `/api/v1/tenancies/${acmeId}/policy/preview`, { token, json: {} })).body
          .appendix as string | null,
      (stored) => stored === APPENDIX,
      'the notification service to have the new appendix',
    );
    const sent = await app.system.http.call('POST', `/api/v1/hubs/${acmeHubId}/invites`, {
      token,
      json: { email: INVITEE, userType: 'EXTERNAL_MEMBER' },
    });
    expect(sent.status).toBe(201);

    const [mail] = await app.system.sink.waitFor(INVITEE, 1, STEP_TIMEOUT_MS);
    expect(mail.text.trim().endsWith(APPENDIX)).toBe(true);
    expect(mail.html).toContain(APPENDIX_ESCAPED);
    expect(mail.html).not.toContain('<b>Lee</b>');
    // The appendix is the email's last text: nothing but closing tags after it.
    expect(mail.html.slice(mail.html.indexOf(APPENDIX_ESCAPED) + APPENDIX_ESCAPED.length)).toMatch(
      /^(\s*<\/[a-z]+>)*\s*$/,
    );

    await ada.page.reload();
    const row = await visible(ada.row(HUB_NAME));
    // Hub, members (Ada), pending invites (one), registration link, you, created, open.
    await eventually(
      () => row.getByRole('cell').allInnerTexts(),
      (cells) => cells[1] === '1' && cells[2] === '1' && cells[3] === 'Disabled' && cells[4] === 'Hub admin',
      'the Hub row with one member and one pending invite',
    );
    await a11y.check(ada.page, 'console hubs');
    await saveScreenshot(ada.page, 'console-hubs');
    await row.getByRole('link', { name: `Open ${HUB_NAME}` }).click();
    await ada.page.waitForURL(new RegExp(`/hubs/${acmeHubId}/contacts`));
    await visible(ada.row(ADA.email));
  });

  it("a second tenancy's admin sees none of the first tenancy, in the browser and in the API", async () => {
    const bo = await signedIn(BO);
    await bo.page.getByRole('link', { name: 'Console' }).click();
    await bo.page.waitForURL(/\/console\/tenancies\/[^/]+\//);
    const switcher = bo.page.getByRole('combobox', { name: 'Tenancy' });
    await eventually(
      () => switcher.inputValue(),
      (value) => value === GLOBEX.name,
      'the switcher to show their own tenancy',
    );
    await switcher.click();
    await visible(bo.page.getByRole('option', { name: GLOBEX.name }));
    expect(await bo.page.getByRole('option', { name: ACME.name }).count()).toBe(0);
    await bo.page.keyboard.press('Escape');

    for (const section of ['policies', 'hubs']) {
      await bo.page.goto(`/console/tenancies/${acmeId}/${section}`);
      await visible(bo.page.getByRole('alert').filter({ hasText: 'This tenancy is not one you run' }));
      expect(await bo.page.getByText(HUB_NAME).count()).toBe(0);
      expect(await bo.page.getByRole('textbox', { name: 'Invite message appendix' }).count()).toBe(0);
    }

    const token = await tokenOf(BO);
    const own = await app.system.http.call('GET', '/api/v1/tenancies', { token });
    expect((own.body.items as { name: string }[]).map((t) => t.name)).toEqual([GLOBEX.name]);
    for (const path of ['policy', 'hubs', 'audit']) {
      const refused = await app.system.http.call('GET', `/api/v1/tenancies/${acmeId}/${path}`, { token });
      expect({ path, status: refused.status, code: refused.body.code }).toEqual({
        path,
        status: 404,
        code: 'TENANCY.NOT_FOUND',
      });
    }
    const preview = await app.system.http.call('POST', `/api/v1/tenancies/${acmeId}/policy/preview`, {
      token,
      json: {},
    });
    expect(preview.status).toBe(404);
    const members = await app.system.http.call('GET', `/api/v1/hubs/${acmeHubId}/members`, { token });
    expect(members.status).toBe(404);
  });

  it('the demo tenant admin opens a Hub they are not a member of and sees its members; there is no Tenancies page for them', async () => {
    const tara = await signedIn(app.accounts.tenantAdmin);
    await tara.page.getByRole('link', { name: 'Console' }).click();
    await tara.page.waitForURL(/\/console\/tenancies\/[^/]+\//);
    await openConsoleSection(tara, 'Hubs');
    const row = await visible(tara.row(app.demoHubName));
    await eventually(
      () => row.getByRole('cell').allInnerTexts(),
      (cells) => Number(cells[1]) > 1 && cells[4] === 'Not a member',
      'the demo Hub with its members, Tara not among them',
    );
    await row.getByRole('link', { name: `Open ${app.demoHubName}` }).click();
    await tara.page.waitForURL(new RegExp(`/hubs/${app.hubId}/contacts`));
    await visible(tara.page.getByText(/you are not a member/));
    await visible(tara.row(app.accounts.externalMember.email));

    await tara.page.goto('/console/tenancies');
    await visible(tara.page.getByRole('alert').filter({ hasText: 'Tenancies are for platform operators' }));
    expect(await tara.page.getByRole('button', { name: 'Create tenancy' }).count()).toBe(0);
    const token = await tokenOf(app.accounts.tenantAdmin);
    const refused = await app.system.http.call('POST', '/api/v1/tenancies', {
      token,
      json: { name: 'Mine', slug: 'mine', firstAdminEmail: app.accounts.tenantAdmin.email },
    });
    expect(refused).toMatchObject({ status: 403, body: { code: 'PERMISSION.DENIED' } });
  });

  it('a Hub admin who is not a tenant admin has no Console link, and /console says it is not for them', async () => {
    const hana = await signedIn(app.accounts.hubAdmin);
    await hana.openHub(app.demoHubName, app.hubId);
    await visible(hana.page.getByRole('link', { name: 'Contacts', exact: true }));
    expect(await hana.page.getByRole('link', { name: 'Console' }).count()).toBe(0);
    await hana.page.goto('/console');
    await visible(hana.page.getByText(/The console is for tenant admins and operators/));
    await hana.page.goto(`/console/tenancies/${acmeId || randomUUID()}/policies`);
    await visible(hana.page.getByText(/The console is for tenant admins and operators/));
    expect(await hana.page.getByRole('textbox', { name: 'Invite message appendix' }).count()).toBe(0);
  });

  it('axe-core finds no serious violation on the console screens above', () => {
    a11y.expectClean(['console tenancies', 'console policies', 'console hubs']);
  });
});
