import * as amqp from 'amqplib';
import { testAmqpUrl } from '@gatehouse/testing';
import { Page } from 'playwright-core';
import { A11yChecks, FLOW_TIMEOUT_MS, eventually, saveScreenshot, visible } from './support/browser';
import { WebApp } from './support/web-app';

interface QueueRow {
  name: string;
  role: string;
  present: boolean;
  ready: number | null;
  consumers: number | null;
}
type InviteTotals = { sent: number; accepted: number; expired: number; failed: number };

/**
 * The console's Health page (operators) and a tenancy's Overview (tenant admins, operators), in a real
 * browser against the whole system with the demo data: the operator sees every process up and every queue
 * with the depth the API reports (a dead letter highlighted with what to do, gone at the next refresh once
 * purged); a tenant admin sees today's invites counted as they happened; people who are not operators are
 * not offered Health and are refused it by URL in words.
 */
jest.setTimeout(FLOW_TIMEOUT_MS);

describe('console: system health and the tenancy overview (browser)', () => {
  const app = new WebApp('web-console-health');
  const a11y = new A11yChecks();
  /** The demo's tenant admin: neither an operator nor a member of any Hub. */
  const tenantAdmin = app.accounts.tenantAdmin;
  let operatorToken: string;
  let tenancyId: string;

  beforeAll(async () => {
    await app.start();
    operatorToken = await app.system.http.signIn(app.accounts.operator.email, app.password);
    const tenancies = await app.system.http.call('GET', '/api/v1/tenancies', { token: operatorToken });
    tenancyId = (tenancies.body.items as { id: string }[])[0].id;
  }, 240_000);
  afterAll(() => app.stop());

  const api = async (path: string, token = operatorToken) => {
    const response = await app.system.http.call('GET', path, { token });
    expect(response.status).toBe(200);
    return response.body;
  };

  /** The text of each cell of the queue table's row for `queue`. */
  const cellsOf = (page: Page, table: string, rowHeader: string) =>
    page
      .getByRole('table', { name: table })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: rowHeader, exact: true }) })
      .getByRole('cell')
      .allInnerTexts();
  const queueCells = (page: Page, queue: string) => cellsOf(page, 'Queues', queue);

  it('an operator sees every process up and every queue with the depth the API reports', async () => {
    const deadQueue = `${app.system.namespace}.notification.events.dead`;
    const connection = await amqp.connect(testAmqpUrl());
    const channel = await connection.createConfirmChannel();
    try {
      // Two dead letters: the page must show them, and say what to do.
      for (let i = 0; i < 2; i++)
        channel.sendToQueue(deadQueue, Buffer.from('{"pattern":"poison"}'), { persistent: true });
      await channel.waitForConfirms();

      const operator = await app.person();
      await operator.signIn(app.accounts.operator);
      // The demo tenancy's Overview (an operator's /console opens the Tenancies page), then Health in the nav.
      await operator.page.goto(`/console/tenancies/${tenancyId}/overview`);
      await operator.page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Health' }).click();
      await operator.page.waitForURL(/\/console\/health$/);
      await visible(operator.page.getByRole('heading', { name: 'System health', level: 1 }));
      await visible(operator.page.getByRole('table', { name: 'Queues' }));

      for (const name of ['gateway', 'hub', 'invite', 'notification']) {
        // Status | Version | Up since | Replica | Note (the name is the row header).
        const [status, version] = await cellsOf(operator.page, 'Processes', name);
        expect([name, status]).toEqual([name, 'Up']);
        expect(version).toMatch(/^\d+\.\d+\.\d+/);
      }
      await visible(operator.page.getByRole('heading', { name: 'PostgreSQL' }));
      expect(await operator.page.getByText('Reachable', { exact: true }).count()).toBe(2);

      const health = (await api('/api/v1/system/health')) as { queues: QueueRow[] };
      expect(health.queues).toHaveLength(30);
      for (const queue of health.queues) {
        // Queue | Service | Kind | Ready | Consumers | State (the name is the row header).
        const cells = await queueCells(operator.page, queue.name);
        expect([queue.name, cells[2], cells[3]]).toEqual([queue.name, String(queue.ready), String(queue.consumers)]);
      }
      expect(health.queues.find((q) => q.name === deadQueue)!.ready).toBe(2);
      expect((await queueCells(operator.page, deadQueue))[4]).toBe('Needs attention');
      const advice = operator.page.getByRole('alert').filter({ hasText: 'Messages in dead-letter queues' });
      await visible(advice);
      expect(await advice.innerText()).toContain(
        'npm run dlq -- list ' + `${app.system.namespace}.notification.events`,
      );
      await visible(operator.page.getByLabel('Overall: Degraded'));
      await a11y.check(operator.page, 'health');
      await saveScreenshot(operator.page, 'console-health');

      // Purged: the page, refreshing by itself, shows the installation ok again.
      await channel.purgeQueue(deadQueue);
      await visible(operator.page.getByLabel('Overall: All systems working'), 15_000);
      expect((await queueCells(operator.page, deadQueue))[2]).toBe('0');
    } finally {
      await connection.close().catch(() => undefined);
    }
  });

  it("a tenant admin's Overview counts today's invites as they happened, for the tenancy and per Hub", async () => {
    const statsPath = `/api/v1/tenancies/${tenancyId}/stats/invites?days=30`;
    const before = ((await api(statsPath)) as { totals: InviteTotals }).totals;
    // Three invites into the demo Hub (its Hub admin, over the API); one is accepted through its email.
    const hubAdminToken = await app.system.http.signIn(app.accounts.hubAdmin.email, app.password);
    for (const email of ['ines.one@example.com', 'otto.two@example.com', 'ute.three@example.com']) {
      const invited = await app.system.http.call('POST', `/api/v1/hubs/${app.hubId}/invites`, {
        token: hubAdminToken,
        json: { email, userType: 'TEAM_MEMBER' },
      });
      expect(invited.body).toMatchObject({ outcome: 'invited' });
    }
    const { link } = await app.linkFromEmail('ines.one@example.com', '/invite/');
    const accepted = await app.system.http.call('POST', link, {
      form: { displayName: 'Ines One', password: app.password },
    });
    expect(accepted.status).toBe(303);
    const after = ((await api(statsPath)) as { totals: InviteTotals }).totals;
    expect(after).toEqual({ ...before, sent: before.sent + 3, accepted: before.accepted + 1 });

    const admin = await app.person();
    await admin.signIn({ email: tenantAdmin.email, password: app.password });
    await admin.page.goto('/console');
    // The tenancy's landing page in the console is its Overview.
    await admin.page.waitForURL(new RegExp(`/console/tenancies/${tenancyId}/overview`));
    const invites = admin.page.getByRole('region', { name: 'Invites' });
    await visible(invites.getByRole('table'));
    const totals = async () => {
      const list = invites.getByRole('list', { name: 'Invites: totals' }).or(invites.getByLabel('Invites: totals'));
      return (await list.innerText()).replace(/\s+/g, ' ').trim();
    };
    await eventually(totals, (text) => text === totalsText(after), 'the invite totals of the API');
    const today = new Date().toLocaleDateString('en-GB', { timeZone: 'UTC', dateStyle: 'medium' });
    const todayApi = ((await api(statsPath)) as { series: ({ day: string } & InviteTotals)[] }).series.at(-1)!;
    const todayRow = await invites.getByRole('row').filter({ hasText: today }).getByRole('cell').allInnerTexts();
    expect(todayRow).toEqual([todayApi.sent, todayApi.accepted, todayApi.expired, todayApi.failed].map(String));
    expect(todayApi.sent).toBeGreaterThanOrEqual(3);

    // One Hub: the Hub filter asks for that Hub's numbers only; the URL keeps the filter.
    await admin.choose(admin.page.getByRole('main').getByRole('combobox', { name: 'Hub' }), app.demoHubName);
    await admin.page.waitForURL(/hubId=/);
    const hubTotals = ((await api(`${statsPath}&hubId=${app.hubId}`)) as { totals: InviteTotals }).totals;
    await eventually(totals, (text) => text === totalsText(hubTotals), "the demo Hub's invite totals");
    await visible(admin.page.getByRole('region', { name: 'Emails' }));
    await a11y.check(admin.page, 'overview');
    await saveScreenshot(admin.page, 'console-overview');

    // Health is not in a tenant admin's navigation, and by URL it is refused in words.
    expect(
      await admin.page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Health' }).count(),
    ).toBe(0);
    await admin.page.goto('/console/health');
    await visible(admin.page.getByText('Only operators can see the health of the installation.'));
    expect(await admin.page.getByRole('table', { name: 'Queues' }).count()).toBe(0);
  });

  it('a Hub admin who runs no tenancy is not offered the console pages and is refused Health in words', async () => {
    const hubAdmin = await app.person();
    await hubAdmin.signIn(app.accounts.hubAdmin);
    await hubAdmin.page.goto('/console/health');
    await visible(hubAdmin.page.getByText(/The console is for tenant admins and operators/));
    expect(await hubAdmin.page.getByRole('link', { name: 'Health' }).count()).toBe(0);
    expect(await hubAdmin.page.getByRole('table', { name: 'Queues' }).count()).toBe(0);
    const refused = await app.system.http.call('GET', '/api/v1/system/health', {
      token: await app.system.http.signIn(app.accounts.hubAdmin.email, app.password),
    });
    expect(refused.status).toBe(403);
  });

  it('has no serious accessibility violations on the console screens', () => {
    a11y.expectClean(['health', 'overview']);
  });
});

/** The totals block as it reads: "Sent 12 Accepted 3 Expired 0 Failed 1". */
function totalsText(totals: InviteTotals): string {
  return `Sent ${totals.sent} Accepted ${totals.accepted} Expired ${totals.expired} Failed ${totals.failed}`;
}
