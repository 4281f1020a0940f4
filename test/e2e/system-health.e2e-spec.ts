import * as amqp from 'amqplib';
import { repoRoot, GatehouseSystem, ReceivedMail, TenantAdminFixture, testAmqpUrl } from '@gatehouse/testing';
import fs from 'node:fs';
import path from 'node:path';
import { OpenApiDocument, responseProblems } from './openapi-schema-check';
import { retryQueueOptions } from '@gatehouse/messaging';

interface QueueRow {
  name: string;
  service: string;
  role: string;
  present: boolean;
  ready: number | null;
  consumers: number | null;
}
interface Health {
  status: string;
  problems: string[];
  processes: {
    name: string;
    up: boolean;
    version: string | null;
    uptimeSeconds: number | null;
    error: string | null;
  }[];
  postgres: { reachable: boolean; version: string | null };
  rabbitmq: { reachable: boolean };
  queues: QueueRow[];
  outbox: { service: string; unsent: number | null }[];
  deliveries: { known: boolean; queued: number | null; retrying: number | null };
}

/**
 * The operators' health report (GET /api/v1/system/health) and the Overview's per-day numbers
 * (…/stats/invites, …/stats/emails) on the compiled processes, real PostgreSQL, RabbitMQ and SMTP: every
 * declared queue is reported with its depth, a dead letter makes the installation degraded, a stopped
 * service shows as down within the RPC timeout, and the day's invites and email outcomes add up to what
 * happened (sent, one accepted, one refused by the SMTP server).
 */
/** The committed OpenAPI document: every answer here must be what it describes. */
const openapi = JSON.parse(
  fs.readFileSync(path.join(repoRoot(), 'web/src/api/openapi.json'), 'utf8'),
) as OpenApiDocument;

describe('system health and tenancy stats', () => {
  const system = new GatehouseSystem({
    label: 'e2e-system-health',
    processes: ['hub', 'invite', 'notification', 'gateway'],
    env: { SIGN_IN_RATE_LIMIT: '1000' },
    // One attempt: a refused recipient fails for good at once.
    envFor: { notification: { DELIVERY_MAX_ATTEMPTS: '1' } },
  });
  const password = 'correct horse battery staple';
  let operatorToken: string;
  let tess: TenantAdminFixture;
  let hubId: string;

  beforeAll(async () => {
    await system.start();
    await system.createAccount('olga.operator@example.com', 'Olga Operator', password, { isOperator: true });
    operatorToken = await system.http.signIn('olga.operator@example.com', password);
    tess = await system.createTenantAdmin({
      email: 'tess.admin@example.com',
      displayName: 'Tess Admin',
      password,
      tenancyName: 'Acme',
    });
    hubId = await system.createHub(tess, 'Falcon');
  }, 120_000);
  afterAll(() => system.stop());

  const health = async (token = operatorToken) => system.http.call('GET', '/api/v1/system/health', { token });

  it('reports every process up and every declared queue with its depth; a dead letter degrades it', async () => {
    const ok = await system.pollUntil(async () => {
      const response = await health();
      return response.status === 200 && (response.body as Health).status === 'ok' ? (response.body as Health) : null;
    }, 'an ok health report');
    expect(responseProblems(openapi, 'GET', '/api/v1/system/health', 200, ok)).toEqual([]);
    expect(ok.processes.map((p) => [p.name, p.up])).toEqual([
      ['gateway', true],
      ['hub', true],
      ['invite', true],
      ['notification', true],
    ]);
    for (const process of ok.processes) {
      expect(process.version).toMatch(/^\d+\.\d+\.\d+/);
      expect(process.uptimeSeconds).toBeGreaterThanOrEqual(0);
    }
    expect(ok.postgres.reachable).toBe(true);
    expect(ok.postgres.version).toMatch(/^\d+/);
    expect(ok.rabbitmq.reachable).toBe(true);
    expect(ok.outbox.map((o) => o.service).sort()).toEqual(['hub', 'invite', 'notification']);
    expect(ok.deliveries).toMatchObject({ known: true, retrying: 0 });

    // Every queue each service declares at boot (the default retry policy: 6 back-off steps), all present.
    const ns = system.namespace;
    const names = ok.queues.map((q) => q.name);
    for (const service of ['hub', 'invite', 'notification']) {
      for (const queue of ['rpc', 'rpc.dead', 'events', 'events.dead'])
        expect(names).toContain(`${ns}.${service}.${queue}`);
      for (const delay of [1000, 2000, 4000, 8000, 16000, 30000]) {
        expect(names).toContain(`${ns}.${service}.events.retry.${delay}ms`);
      }
    }
    expect(ok.queues).toHaveLength(30);
    expect(ok.queues.every((q) => q.present)).toBe(true);
    const rpcQueue = ok.queues.find((q) => q.name === `${ns}.invite.rpc`)!;
    expect(rpcQueue.consumers).toBeGreaterThanOrEqual(1);

    // A message in a dead-letter queue: counted, and the installation is degraded with the reason.
    const deadQueue = `${ns}.notification.events.dead`;
    const connection = await amqp.connect(testAmqpUrl());
    try {
      const channel = await connection.createConfirmChannel();
      channel.sendToQueue(deadQueue, Buffer.from('{"pattern":"poison"}'), { persistent: true });
      await channel.waitForConfirms();
      const degraded = await system.pollUntil(async () => {
        const body = (await health()).body as Health;
        return body.status === 'degraded' ? body : null;
      }, 'a degraded health report');
      expect(degraded.queues.find((q) => q.name === deadQueue)).toMatchObject({ present: true, ready: 1 });
      expect(degraded.problems).toEqual([`1 message in the dead-letter queue ${deadQueue}.`]);
      await channel.purgeQueue(deadQueue);

      // A queue the broker lost: reported missing, and the queues checked after it are still counted.
      const lost = `${ns}.hub.events.retry.1000ms`;
      await channel.deleteQueue(lost);
      const missing = await system.pollUntil(async () => {
        const body = (await health()).body as Health;
        return body.queues.some((q) => !q.present) ? body : null;
      }, 'a queue reported missing');
      expect(missing.queues.filter((q) => !q.present).map((q) => q.name)).toEqual([lost]);
      expect(missing.queues.find((q) => q.name === `${ns}.hub.events.retry.2000ms`)).toMatchObject({
        present: true,
        ready: 0,
      });
      expect(missing).toMatchObject({ status: 'degraded', problems: [`Queue ${lost} is missing.`] });
      await channel.assertQueue(lost, retryQueueOptions(`${ns}.hub.events`, 1000));
      await channel.close();
    } finally {
      await connection.close();
    }
  }, 60_000);

  it('is for operators only, with a stable error', async () => {
    const refused = await health(tess.token);
    expect(refused.status).toBe(403);
    expect(responseProblems(openapi, 'GET', '/api/v1/system/health', 403, refused.body)).toEqual([]);
    expect(refused.body).toMatchObject({
      code: 'PERMISSION.DENIED',
      message: 'Only operators can see the health of the installation.',
    });
    expect((await system.http.call('GET', '/api/v1/system/health')).status).toBe(401);
  });

  it("counts today's invites sent, accepted and failed, and the email outcomes, for the tenancy's admin", async () => {
    const invite = (email: string) =>
      system.http.call('POST', `/api/v1/hubs/${hubId}/invites`, {
        token: tess.token,
        json: { email, userType: 'TEAM_MEMBER' },
      });
    const refused = 'refused@example.com';
    system.sink.rejectRecipient(refused);
    for (const email of ['ada@example.com', 'grace@example.com', refused]) {
      expect((await invite(email)).body).toMatchObject({ outcome: 'invited' });
    }
    const [email] = await system.sink.waitFor('ada@example.com', 1, 30_000);
    const accepted = await system.http.call('POST', acceptLink(email), {
      form: { displayName: 'Ada Lovelace', password },
    });
    expect(accepted.status).toBe(303);
    await system.sink.waitFor('grace@example.com', 1, 30_000);

    const stats = `/api/v1/tenancies/${tess.tenancy.id}/stats`;
    const today = new Date().toISOString().slice(0, 10);
    const invites = await system.pollUntil(async () => {
      const response = await system.http.call('GET', `${stats}/invites?days=14`, { token: tess.token });
      expect(response.status).toBe(200);
      const body = response.body as { series: { day: string; failed: number }[]; totals: { failed: number } };
      return body.totals.failed === 1 ? body : null;
    }, 'the refused invite email counted as failed');
    expect(invites.series).toHaveLength(14);
    expect(invites.series.at(-1)).toEqual({ day: today, sent: 3, accepted: 1, expired: 0, failed: 1 });
    expect(invites.series.slice(0, -1).every((d) => d.day < today)).toBe(true);
    expect(invites.totals).toEqual({ sent: 3, accepted: 1, expired: 0, failed: 1 });
    expect(responseProblems(openapi, 'GET', '/api/v1/tenancies/{tenancyId}/stats/invites', 200, invites)).toEqual([]);

    // Per Hub: this Hub has all of them; another Hub of the tenancy has none.
    const perHub = await system.http.call('GET', `${stats}/invites?days=1&hubId=${hubId}`, { token: tess.token });
    expect(perHub.body).toMatchObject({ totals: { sent: 3, accepted: 1, failed: 1 } });
    const otherHub = await system.createHub(tess, 'Osprey');
    const empty = await system.http.call('GET', `${stats}/invites?days=1&hubId=${otherHub}`, { token: tess.token });
    expect(empty.body).toMatchObject({ series: [{ day: today, sent: 0, accepted: 0, expired: 0, failed: 0 }] });

    const emails = await system.http.call('GET', `${stats}/emails?days=30&kind=invite`, { token: tess.token });
    expect(emails.status).toBe(200);
    expect(emails.body).toMatchObject({ days: 30, totals: { sent: 2, failed: 1, retrying: 0, queued: 0 } });
    expect(responseProblems(openapi, 'GET', '/api/v1/tenancies/{tenancyId}/stats/emails', 200, emails.body)).toEqual(
      [],
    );

    // The operator may look; another tenancy's admin may not; a bad window is refused in words.
    const asOperator = await system.http.call('GET', `${stats}/invites?days=14`, { token: operatorToken });
    expect(asOperator.body).toMatchObject({ totals: { sent: 3 } });
    const other = await system.createTenantAdmin({
      email: 'otto.other@example.com',
      displayName: 'Otto Other',
      password,
      tenancyName: 'Other',
    });
    for (const kind of ['invites', 'emails']) {
      const foreign = await system.http.call('GET', `${stats}/${kind}`, { token: other.token });
      expect(foreign.status).toBe(404);
      expect(foreign.body).toMatchObject({ code: 'TENANCY.NOT_FOUND' });
    }
    const invalid = await system.http.call('GET', `${stats}/invites?days=0`, { token: tess.token });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ code: 'VALIDATION.FAILED' });
    expect(JSON.stringify(invalid.body)).toContain('days must be at least 1');
  }, 120_000);

  it('shows a stopped service as down within the RPC timeout, its queues still counted', async () => {
    await system.stopProcess('invite', 'SIGTERM');
    const started = Date.now();
    const response = await health();
    expect(Date.now() - started).toBeLessThan(5000);
    expect(response.status).toBe(200);
    const body = response.body as Health;
    expect(responseProblems(openapi, 'GET', '/api/v1/system/health', 200, body)).toEqual([]);
    expect(body.status).toBe('down');
    expect(body.processes.find((p) => p.name === 'invite')).toMatchObject({ up: false, version: null });
    expect(body.processes.find((p) => p.name === 'invite')!.error).toMatch(/invite service did not answer/);
    expect(body.processes.filter((p) => p.up).map((p) => p.name)).toEqual(['gateway', 'hub', 'notification']);
    expect(body.problems).toContain('The invite service does not answer.');
    expect(body.queues.find((q) => q.name === `${system.namespace}.invite.rpc`)).toMatchObject({
      present: true,
      consumers: 0,
    });
  }, 60_000);
});

/** The accept link from an invite email's plain-text part. */
function acceptLink(email: ReceivedMail): string {
  const link = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/.exec(email.text)?.[0];
  if (!link) throw new Error(`No accept link in the email:\n${email.text}`);
  return link;
}
