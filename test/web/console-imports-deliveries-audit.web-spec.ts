import { repoRoot } from '@gatehouse/testing';
import fs from 'node:fs';
import path from 'node:path';
import { A11yChecks, FLOW_TIMEOUT_MS, eventually, saveScreenshot, step, visible } from './support/browser';
import { Person } from './support/person';
import { WebApp } from './support/web-app';

/**
 * The console's Imports, Deliveries and Audit log (issue 10) in a real browser, used by a tenant admin who
 * is a member of no Hub: a Hub admin's mass invite runs while the imports page shows it through to done;
 * the SMTP sink refuses two of its recipients (550) and the delivery log shows them failed with the reason;
 * one is retried on its own and the other with the import's bulk retry once the sink accepts them, and both
 * are sent; the audit log filtered by the import's correlation id lists its rows, and exports them as CSV.
 * Another tenancy's admin gets none of it from the API.
 */
const FIXTURE = path.join(repoRoot(), 'test/fixtures/browser/console-import.csv');
const FILE_NAME = path.basename(FIXTURE);
/** The fixture (test/fixtures/gen-emails.mjs 300 --bad-every 97 --dup-every 61 --domain console.example). */
const EXPECTED = { rows: 300, invited: 293, invalid: 3, duplicates: 4 };
/** Refused by the SMTP sink until the admin has seen them fail. */
const REFUSED_ONE = 'user-7@console.example';
const REFUSED_TWO = 'user-8@console.example';
const REFUSAL = 'Mailbox unavailable: no such user here';
const JOB_TIMEOUT_MS = 120_000;

jest.setTimeout(FLOW_TIMEOUT_MS);

describe('console: imports, deliveries and audit log (browser)', () => {
  const app = new WebApp('web-console-b');
  const a11y = new A11yChecks();
  const tenantAdmin = { email: 'tess.tenant@console.example', displayName: 'Tess Tenant', password: '' };
  const otherAdmin = { email: 'otto.other@elsewhere.example', displayName: 'Otto Other' };
  let tess: Person;
  let tenancyId: string;
  let hubAdminToken: string;
  let job: { id: string; correlationId: string };

  beforeAll(async () => {
    await app.start();
    tenantAdmin.password = app.password;
    const operatorToken = await app.system.http.signIn(app.accounts.operator.email, app.password);
    hubAdminToken = await app.system.http.signIn(app.accounts.hubAdmin.email, app.password);
    const hub = await app.system.http.call('GET', `/api/v1/hubs/${app.hubId}`, { token: hubAdminToken });
    tenancyId = hub.body.tenancyId as string;

    // A tenant admin of the demo tenancy (no Hub member), and another tenancy with its own admin.
    await app.createAccount(tenantAdmin.email, tenantAdmin.displayName);
    await app.createAccount(otherAdmin.email, otherAdmin.displayName);
    const added = await app.system.http.call('POST', `/api/v1/tenancies/${tenancyId}/admins`, {
      token: operatorToken,
      json: { email: tenantAdmin.email },
    });
    expect(added.status).toBe(201);
    const other = await app.system.http.call('POST', '/api/v1/tenancies', {
      token: operatorToken,
      json: { name: 'Elsewhere Ltd', slug: 'elsewhere', firstAdminEmail: otherAdmin.email },
    });
    expect(other.status).toBe(201);

    app.system.sink.rejectRecipient(REFUSED_ONE, 550, REFUSAL);
    app.system.sink.rejectRecipient(REFUSED_TWO, 550, REFUSAL);
    tess = await app.person();
    await tess.signIn(tenantAdmin);
  }, 240_000);
  afterAll(() => app.stop());

  it('shows a mass invite of the tenancy running through to done on the imports page', async () => {
    const { page } = tess;
    await step('open the imports page', async () => {
      await page.goto(`/console/tenancies/${tenancyId}/imports`);
      await visible(page.getByRole('heading', { name: 'Imports' }));
      // The demo data's mass invite is there already, with its Hub and uploader.
      await visible(tess.row('partners-demo.csv'));
    });

    await step('a Hub admin uploads the file (API)', async () => {
      const form = new FormData();
      form.set('userType', 'EXTERNAL_MEMBER');
      form.set('file', new Blob([fs.readFileSync(FIXTURE)], { type: 'text/csv' }), FILE_NAME);
      const created = await app.system.http.call('POST', `/api/v1/hubs/${app.hubId}/invite-imports`, {
        token: hubAdminToken,
        multipart: form,
      });
      expect(created.status).toBe(202);
      job = created.body as typeof job;
    });

    const row = tess.row(FILE_NAME);
    const seen = new Set<string>();
    const finalText = await step('the page picks the job up and follows it to done', () =>
      eventually(
        async () => {
          const text = (await row.count()) > 0 ? await row.first().innerText() : '';
          if (text) seen.add(text.replace(/\s+/g, ' '));
          return text;
        },
        (text) => /Done/.test(text) && /invited 293/.test(text),
        'the import row to show Done with its counts',
        JOB_TIMEOUT_MS,
      ),
    );
    expect(finalText).toContain('Demo Hub');
    expect(finalText).toContain('External Member');
    expect(finalText).toContain(`${EXPECTED.rows} of ${EXPECTED.rows} rows`);
    expect(finalText).toMatch(/duplicates 4/);
    expect(finalText).toMatch(/invalid 3/);
    // Every state the row showed on the way was one of the job's states, ending in Done.
    for (const text of seen) expect(text).toMatch(/Waiting to start|Reading the file|Running|Done/);
    const bar = row.first().getByRole('progressbar', { name: `Rows done of ${FILE_NAME}` });
    expect(await bar.getAttribute('aria-valuenow')).toBe(String(EXPECTED.rows));
    await a11y.check(page, 'console imports');
    await saveScreenshot(page, 'console-imports');

    await step('filter by state (server-side)', async () => {
      await tess.choose(page.getByRole('combobox', { name: 'State' }), 'Failed');
      await page.waitForURL(/status=failed/);
      await visible(page.getByText('No mass invite matches these filters.'));
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await visible(row);
    });
  });

  it('opens the import: counts, chart, rows by outcome, report and audit link', async () => {
    const { page } = tess;
    await tess.row(FILE_NAME).first().getByRole('link').click();
    await page.waitForURL(new RegExp(`/imports/${job.id}$`));
    await visible(page.getByRole('heading', { name: `Mass invite from ${FILE_NAME}` }));
    await visible(page.getByRole('figure', { name: 'Rows per outcome, as a bar chart' }));
    await visible(page.getByRole('heading', { name: `Rows (${EXPECTED.rows})` }));
    await tess.choose(page.getByRole('combobox', { name: 'Outcome' }), 'Invalid');
    await visible(page.getByRole('heading', { name: `Rows (${EXPECTED.invalid})` }));
    const rowsTable = page.getByRole('table', { name: 'Rows of the file' });
    const invalidText = await rowsTable.innerText();
    expect(invalidText).toMatch(/\b98\b\s+not-an-address-97/); // line 98 holds row 97 (after the header)
    expect(invalidText).toContain('not-an-address-291');
    await visible(page.getByRole('link', { name: 'Download report (CSV)' }));
    await visible(page.getByRole('link', { name: 'Audit log of this import' }));
    await a11y.check(page, 'console import detail');
    await saveScreenshot(page, 'console-import-detail');
  });

  it('shows the refused emails failed with the reason, and retries them one at a time and in bulk', async () => {
    const { page } = tess;
    await page.getByRole('link', { name: 'Deliveries', exact: true }).click();
    await page.waitForURL(/\/deliveries$/);
    await tess.choose(page.getByRole('combobox', { name: 'Status' }), 'Failed');
    await page.waitForURL(/status=failed/);
    const failedOne = tess.row(REFUSED_ONE);
    await visible(failedOne, JOB_TIMEOUT_MS);
    await visible(tess.row(REFUSED_TWO), JOB_TIMEOUT_MS);
    const text = await failedOne.first().innerText();
    expect(text).toContain('Invite');
    expect(text).toContain('Failed');
    expect(text).toContain(`SMTP 550`);
    expect(text).toContain(REFUSAL);
    expect(await page.getByRole('table', { name: 'Emails' }).getByRole('row').count()).toBe(3); // header + 2
    await a11y.check(page, 'console deliveries');
    await saveScreenshot(page, 'console-deliveries');

    await step('retry one after the sink accepts it', async () => {
      app.system.sink.acceptRecipient(REFUSED_ONE);
      await failedOne.getByRole('button', { name: `Retry the email to ${REFUSED_ONE}` }).click();
      await app.system.sink.waitFor(REFUSED_ONE, 1, JOB_TIMEOUT_MS);
      await page.goto(`/console/tenancies/${tenancyId}/deliveries?recipient=${encodeURIComponent(REFUSED_ONE)}`);
      await eventually(
        () => tess.row(REFUSED_ONE).first().innerText(),
        (rowText) => /Sent/.test(rowText),
        'the retried email to show as sent',
      );
    });

    await step("retry the import's other failed email in bulk", async () => {
      app.system.sink.acceptRecipient(REFUSED_TWO);
      await page.goto(`/console/tenancies/${tenancyId}/imports/${job.id}`);
      await page.getByRole('link', { name: 'Emails of this import' }).click();
      await page.waitForURL(/correlationId=.*importId=/);
      await visible(page.getByText(/Showing the emails of one mass invite/));
      await page.getByRole('button', { name: 'Retry failed emails of this import' }).click();
      await visible(page.getByRole('status').filter({ hasText: '1 failed email queued again.' }));
      await app.system.sink.waitFor(REFUSED_TWO, 1, JOB_TIMEOUT_MS);
    });
  });

  it("lists the import's audit rows by its correlation id, with names, and exports them as CSV", async () => {
    const { page } = tess;
    await page.goto(`/console/tenancies/${tenancyId}/audit`);
    await visible(page.getByRole('heading', { name: 'Audit log' }));
    // The newest rows are the import's invites: clicking its correlation id filters to everything it caused.
    await page
      .getByRole('button', { name: `Every row of correlation id ${job.correlationId}` })
      .first()
      .click();
    await page.waitForURL(new RegExp(`correlationId=${job.correlationId}`));
    await visible(page.getByText(`${EXPECTED.invited} entries`));
    const firstRow = await page.getByRole('table', { name: 'Audit entries' }).getByRole('row').nth(1).innerText();
    expect(firstRow).toContain('invite.sent');
    expect(firstRow).toContain(app.accounts.hubAdmin.displayName); // the actor by name, not by id
    expect(firstRow).toContain(app.accounts.hubAdmin.email);
    expect(firstRow).toMatch(/user-\d+@console\.example/);
    await a11y.check(page, 'console audit log');
    await saveScreenshot(page, 'console-audit');

    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export as CSV' }).click();
    const csv = fs.readFileSync((await (await download).path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split(/\r\n/);
    expect(lines[0]).toBe('time,actor_name,actor_email,action,subject,hub_id,correlation_id,details');
    expect(lines).toHaveLength(EXPECTED.invited + 1);
    for (const line of lines.slice(1)) {
      expect(line).toContain(`,${app.accounts.hubAdmin.displayName},${app.accounts.hubAdmin.email},invite.sent,`);
      expect(line).toContain(job.correlationId);
    }
  });

  it("gives another tenancy's admin none of it, and a Hub admin no tenancy-wide view (API)", async () => {
    const otherToken = await app.system.http.signIn(otherAdmin.email, app.password);
    const get = (url: string, token: string) => app.system.http.call('GET', url, { token });
    const base = `/api/v1/tenancies/${tenancyId}`;
    for (const url of [`${base}/invite-imports`, `${base}/deliveries`, `${base}/audit`, `${base}/audit.csv`]) {
      const refused = await get(url, otherToken);
      expect({ url, status: refused.status, code: refused.body.code }).toEqual({
        url,
        status: 404,
        code: 'TENANCY.NOT_FOUND',
      });
    }
    const jobRead = await get(`/api/v1/invite-imports/${job.id}`, otherToken);
    expect([jobRead.status, jobRead.body.code]).toEqual([404, 'IMPORT.NOT_FOUND']);
    const bulk = await app.system.http.call('POST', `${base}/deliveries/retry-failed`, {
      token: otherToken,
      json: { importId: job.id },
    });
    expect([bulk.status, bulk.body.code]).toEqual([404, 'TENANCY.NOT_FOUND']);

    // The Hub admin sees the Hub's own imports, but not the tenancy's list.
    const hubAdminList = await get(`${base}/invite-imports`, hubAdminToken);
    expect([hubAdminList.status, hubAdminList.body.code]).toEqual([403, 'PERMISSION.DENIED']);
  });

  it('axe-core finds no serious violation on the console screens above', () => {
    a11y.expectClean(['console imports', 'console import detail', 'console deliveries', 'console audit log']);
  });
});
