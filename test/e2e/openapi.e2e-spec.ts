import { randomUUID } from 'node:crypto';
import { repoRoot, GatehouseSystem, HttpResult, TenantAdminFixture } from '@gatehouse/testing';
import fs from 'node:fs';
import path from 'node:path';
import { OpenApiDocument, responseProblems } from './openapi-schema-check';

/**
 * The OpenAPI document against the running system: the gateway serves exactly the committed
 * web/src/api/openapi.json (the web app's types are generated from it), and real answers of every
 * kind of operation — successes and errors — fit the schemas it gives them, with no field left
 * undescribed. (Needs `npm run build`.)
 */
describe('the OpenAPI document describes what the API answers', () => {
  const system = new GatehouseSystem({
    label: 'e2e-openapi',
    processes: ['hub', 'invite', 'notification', 'gateway'],
    env: { SIGN_IN_RATE_LIMIT: '1000' },
  });
  const password = 'correct horse battery staple';
  let document: OpenApiDocument;
  let ada: TenantAdminFixture;
  let hubId: string;

  beforeAll(async () => {
    await system.start();
    ada = await system.createTenantAdmin({
      email: 'ada.openapi@acme.example',
      displayName: 'Ada Admin',
      password,
      tenancyName: 'Acme',
    });
    hubId = await system.createHub(ada, 'Heron');
    document = JSON.parse(fs.readFileSync(path.join(repoRoot(), 'web/src/api/openapi.json'), 'utf8'));
  }, 180_000);
  afterAll(() => system.stop());

  /** Calls the API as Ada and expects the answer to have that status and fit the document. */
  async function fits(method: string, template: string, status: number, options: CallOptions = {}) {
    const url =
      template.replace(/\{(\w+)\}/g, (_, name: string) => options.params?.[name] ?? '') + (options.query ?? '');
    const token = options.token === undefined ? ada.token : (options.token ?? undefined);
    const answer: HttpResult = await system.http.call(method, url, {
      token,
      json: options.json,
      multipart: options.form,
    });
    expect(`${method} ${url}: ${answer.status} ${answer.text}`).toContain(`${method} ${url}: ${status} `);
    expect(responseProblems(document, method, template, answer.status, answer.body)).toEqual([]);
    return answer.body;
  }
  interface CallOptions {
    params?: Record<string, string>;
    query?: string;
    json?: unknown;
    form?: FormData;
    /** null: no token at all. */
    token?: string | null;
  }

  it('is the document the gateway serves', async () => {
    const served = await system.http.call('GET', '/api/docs-json');
    expect(served.status).toBe(200);
    expect(served.body).toEqual(document);
  });

  it('describes sign-in, the caller, tenancies, policies, the email preview and the audit log', async () => {
    const signedIn = await fits('POST', '/api/v1/auth/sign-in', 200, {
      token: null,
      json: { email: ada.admin.email, password },
    });
    expect(signedIn.account).toMatchObject({ email: ada.admin.email, displayName: 'Ada Admin' });
    await fits('POST', '/api/v1/auth/sign-in', 401, { token: null, json: { email: ada.admin.email, password: 'no' } });
    await fits('GET', '/api/v1/me', 200);
    await fits('GET', '/api/v1/me', 401, { token: null });
    await fits('GET', '/api/v1/tenancies', 200);
    const params = { tenancyId: ada.tenancy.id };
    await fits('GET', '/api/v1/tenancies/{tenancyId}/policy', 200, { params });
    await fits('PATCH', '/api/v1/tenancies/{tenancyId}/policy', 200, { params, json: { inviteExpiryDays: 10 } });
    await fits('PATCH', '/api/v1/tenancies/{tenancyId}/policy', 400, { params, json: { inviteMessageAppendix: ' ' } });
    await fits('PATCH', '/api/v1/tenancies/{tenancyId}/policy', 200, {
      params,
      json: { inviteMessageAppendixEnabled: false, inviteMessageAppendixText: 'Kept for later.' },
    });
    const hubs = await fits('GET', '/api/v1/tenancies/{tenancyId}/hubs', 200, { params });
    expect(hubs.items).toEqual([
      expect.objectContaining({ id: hubId, memberCount: 1, pendingInviteCount: 0, registrationLinkEnabled: false }),
    ]);
    await fits('GET', '/api/v1/tenancies/{tenancyId}/hubs', 404, { params: { tenancyId: randomUUID() } });
    await fits('POST', '/api/v1/tenancies/{tenancyId}/policy/preview', 200, { params, json: { hubName: 'Heron' } });
    await fits('GET', '/api/v1/tenancies/{tenancyId}/audit', 200, { params });
    await fits('GET', '/api/v1/tenancies/{tenancyId}/deliveries', 200, { params });
  });

  it('describes Hubs, members (with search) and their errors', async () => {
    const hubs = await fits('GET', '/api/v1/hubs', 200);
    expect(hubs.items).toEqual([
      expect.objectContaining({ id: hubId, membership: expect.objectContaining({ isHubAdmin: true }) }),
    ]);
    const params = { hubId };
    await fits('GET', '/api/v1/hubs/{hubId}', 200, { params });
    await fits('GET', '/api/v1/hubs/{hubId}', 404, { params: { hubId: '00000000-0000-4000-8000-000000000000' } });
    await fits('GET', '/api/v1/hubs/{hubId}', 400, { params: { hubId: 'not-a-uuid' } });
    const found = await fits('GET', '/api/v1/hubs/{hubId}/members', 200, { params, query: '?search=ADA' });
    expect(found.items.map((m: { displayName: string }) => m.displayName)).toEqual(['Ada Admin']);
    const none = await fits('GET', '/api/v1/hubs/{hubId}/members', 200, { params, query: '?search=nobody' });
    expect(none.total).toBe(0);
    await fits('DELETE', '/api/v1/hubs/{hubId}/members/{accountId}', 409, {
      params: { hubId, accountId: ada.admin.id },
    });
  });

  it('describes individual invites, several at once, and acting on them', async () => {
    const params = { hubId };
    const registered = await system.createAccount('bo.registered@acme.example', 'Bo Registered', password);
    await fits('POST', '/api/v1/hubs/{hubId}/invites', 201, {
      params,
      json: { email: 'cy.new@acme.example', userType: 'EXTERNAL_MEMBER' },
    });
    const batch = await fits('POST', '/api/v1/hubs/{hubId}/invites/batch', 200, {
      params,
      json: {
        emails: [
          registered.email,
          'dee.new@acme.example',
          'not an address',
          'cy.new@acme.example',
          ada.admin.email,
          registered.email,
        ],
        userType: 'TEAM_MEMBER',
      },
    });
    type Entry = {
      input: string;
      result: { outcome: string; emailSent: boolean } | null;
      error: { code: string } | null;
    };
    expect(
      (batch.results as Entry[]).map((entry) => [
        entry.input,
        entry.result?.outcome ?? entry.error?.code,
        entry.result?.emailSent,
      ]),
    ).toEqual([
      [registered.email, 'added', true],
      ['dee.new@acme.example', 'invited', true],
      ['not an address', 'INVITE.INVALID_EMAIL', undefined],
      ['cy.new@acme.example', 'invited', false], // pending already: not sent again
      [ada.admin.email, 'INVITE.SELF', undefined],
      [registered.email, 'already_member', false],
    ]);
    await fits('POST', '/api/v1/hubs/{hubId}/invites/batch', 400, {
      params,
      json: { emails: [], userType: 'TEAM_MEMBER' },
    });

    const pending = await fits('GET', '/api/v1/hubs/{hubId}/invites', 200, { params });
    expect(pending.items.map((invite: { email: string }) => invite.email).sort()).toEqual([
      'cy.new@acme.example',
      'dee.new@acme.example',
    ]);
    expect(pending.items[0]).toMatchObject({ inviterName: 'Ada Admin', status: 'pending' });
    const inviteId = pending.items[0].id as string;
    await fits('POST', '/api/v1/hubs/{hubId}/invites/{inviteId}/resend', 200, { params: { hubId, inviteId } });
    await fits('POST', '/api/v1/hubs/{hubId}/invites/{inviteId}/revoke', 200, { params: { hubId, inviteId } });
    await fits('DELETE', '/api/v1/hubs/{hubId}/invites/{inviteId}', 404, {
      params: { hubId, inviteId: '00000000-0000-4000-8000-000000000000' },
    });

    const member = { hubId, accountId: registered.id };
    const changed = await fits('PATCH', '/api/v1/hubs/{hubId}/members/{accountId}', 200, {
      params: member,
      json: { canInvite: false },
    });
    expect(changed).toMatchObject({ displayName: 'Bo Registered', userType: 'TEAM_MEMBER', canInvite: false });
    await fits('DELETE', '/api/v1/hubs/{hubId}/members/{accountId}', 200, { params: member });
    await fits('DELETE', '/api/v1/hubs/{hubId}/members/{accountId}', 404, { params: member });
  });

  it('describes the delivery log once emails went out, and a refused retry', async () => {
    const params = { tenancyId: ada.tenancy.id };
    const sent = await system.pollUntil(async () => {
      const answer = await system.http.call('GET', `/api/v1/tenancies/${params.tenancyId}/deliveries?status=sent`, {
        token: ada.token,
      });
      return answer.body?.total > 0 && answer.body;
    }, 'a sent invite email in the delivery log');
    await fits('GET', '/api/v1/tenancies/{tenancyId}/deliveries', 200, { params, query: '?status=sent' });
    await fits('POST', '/api/v1/tenancies/{tenancyId}/deliveries/{deliveryId}/retry', 409, {
      params: { ...params, deliveryId: sent.items[0].id as string },
    });
    const audit = await fits('GET', '/api/v1/tenancies/{tenancyId}/audit', 200, { params });
    expect(audit.total).toBeGreaterThan(0);
  });

  it('describes the registration link', async () => {
    const params = { hubId };
    await fits('GET', '/api/v1/hubs/{hubId}/registration-link', 200, { params });
    const enabled = await fits('PATCH', '/api/v1/hubs/{hubId}/registration-link', 200, {
      params,
      json: { enabled: true, maxUses: 5, allowedDomains: ['acme.example'] },
    });
    expect(enabled).toMatchObject({ enabled: true, maxUses: 5, useCount: 0, canManage: true });
    await fits('POST', '/api/v1/hubs/{hubId}/registration-link/rotate', 200, { params });
    await fits('PATCH', '/api/v1/hubs/{hubId}/registration-link', 400, { params, json: { maxUses: 0 } });
  });

  it('describes a mass invite (a dry run), its list, its rows and its errors', async () => {
    const form = new FormData();
    form.append('userType', 'EXTERNAL_MEMBER');
    form.append('dryRun', 'true');
    form.append('file', new Blob(['email\nel.one@acme.example\nnot an address\n'], { type: 'text/csv' }), 'few.csv');
    const accepted = await fits('POST', '/api/v1/hubs/{hubId}/invite-imports', 202, { params: { hubId }, form });
    const params = { jobId: accepted.id as string };
    const job = await system.pollUntil(async () => {
      const answer = await system.http.call('GET', `/api/v1/invite-imports/${params.jobId}`, { token: ada.token });
      return answer.body?.status === 'done' && answer.body;
    }, 'the dry run to finish');
    expect(job).toMatchObject({ createdByName: 'Ada Admin', totalRows: 2, processedRows: 2 });
    await fits('GET', '/api/v1/invite-imports/{jobId}', 200, { params });
    await fits('GET', '/api/v1/invite-imports/{jobId}/rows', 200, { params, query: '?outcome=invalid' });
    const imports = await fits('GET', '/api/v1/hubs/{hubId}/invite-imports', 200, { params: { hubId } });
    expect(imports.items[0]).toMatchObject({
      id: params.jobId,
      createdByName: 'Ada Admin',
      userType: 'EXTERNAL_MEMBER',
    });
    await fits('GET', '/api/v1/invite-imports/{jobId}', 404, {
      params: { jobId: '00000000-0000-4000-8000-000000000000' },
    });
    const empty = new FormData();
    empty.append('userType', 'EXTERNAL_MEMBER');
    empty.append('file', new Blob([''], { type: 'text/csv' }), 'empty.csv');
    await fits('POST', '/api/v1/hubs/{hubId}/invite-imports', 400, { params: { hubId }, form: empty });
  });
});
