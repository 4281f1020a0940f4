import { ImportJobView } from '@gatehouse/contracts';
import { AmqpNames, DeadLetterQueues } from '@gatehouse/messaging';
import {
  repoRoot,
  GatehouseSystem,
  GatehouseSystemOptions,
  TenantAdminFixture,
  queryTestDb,
  testAmqpUrl,
} from '@gatehouse/testing';
import * as amqp from 'amqplib';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { namespaceQueues } from './shared-services';

/** Rows of each case's mass invite: 10,000 in CI, fewer while developing on a shared machine. */
export const FAULT_ROWS = Number(process.env.FAULT_ROWS ?? 10_000);
/** Every 10th row of the generated file is a registered account (added + notice), the rest are invited. */
const REGISTERED_EVERY = 10;
/** Individual invites besides the file: some before the fault, some after. */
const SINGLE_INVITES = 3;
const DEADLINE_MS = Math.max(180_000, FAULT_ROWS * 60);

/** What a case ends with, for the suite's table and its assertions. */
export interface FaultOutcome {
  jobStatus: string;
  summary: Record<string, number>;
  members: number;
  pendingInvites: number;
  /** Recipients that got exactly one distinct Message-ID / none / more than one. */
  exactlyOnce: number;
  missing: string[];
  distinctTwice: string[];
  /** The same Message-ID received again (an at-least-once resend of an email in flight). */
  sameMessageIdAgain: number;
  unexpectedRecipients: string[];
  deadLetters: Record<string, number>;
  expiredRequests: number;
  failedDeliveries: string[];
  /** The hub's audit log: one `invite.sent` row per invitee, one `invite.member_added` per added account. */
  audit: { sent: number; memberAdded: number; duplicates: number };
}

/**
 * One fault case's world: a whole Gatehouse system, a tenant admin with a Hub, a generated file of
 * FAULT_ROWS addresses (registered and new mixed, the registered ones seeded as accounts), and what
 * everyone should end up with. `upload` starts the mass invite; `inviteSingles` adds a few individual
 * invites; `settle` waits until the job is done and every email is out; `outcome` reads what happened.
 */
export class FaultRun {
  readonly system: GatehouseSystem;
  admin!: TenantAdminFixture;
  hubId!: string;
  jobId!: string;
  readonly registered: string[] = [];
  readonly unregistered: string[] = [];
  readonly singles: string[] = [];
  /** Recipients the case expects no email for (e.g. refused with 550); their deliveries end failed. */
  readonly refused = new Set<string>();
  private csv = '';

  constructor(label: string, env: Omit<GatehouseSystemOptions, 'label' | 'processes'> = {}) {
    this.system = new GatehouseSystem({
      label,
      processes: ['hub', 'invite', 'notification', 'gateway'],
      env: { SIGN_IN_RATE_LIMIT: '1000', MESSAGE_RETRY_BASE_MS: '200', MESSAGE_RETRY_MAX_MS: '5000', ...env.env },
      envFor: {
        ...env.envFor,
        notification: {
          MAIL_RATE_PER_SECOND: '5000',
          SMTP_POOL_MAX_CONNECTIONS: '10',
          DELIVERY_MAX_ATTEMPTS: '20',
          ...env.envFor?.notification,
        },
      },
    });
  }

  async start(): Promise<void> {
    await this.system.start();
    const generator = path.resolve(repoRoot(), 'test/fixtures/gen-emails.mjs');
    this.csv = execFileSync(
      process.execPath,
      [generator, String(FAULT_ROWS), '--registered-every', String(REGISTERED_EVERY)],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    for (const row of this.csv.trimEnd().split('\n').slice(1)) {
      const email = row.slice(0, row.indexOf(','));
      (email.startsWith('registered-') ? this.registered : this.unregistered).push(email);
    }
    await queryTestDb(
      `INSERT INTO invite.accounts (id, email, display_name, password_hash, email_verified_at)
       SELECT gen_random_uuid(), email, 'Registered ' || split_part(email, '@', 1), 'seeded: no sign-in', now()
       FROM unnest($1::text[]) AS email`,
      [this.registered],
    );
    this.admin = await this.system.createTenantAdmin({
      email: 'ada.admin@acme.example',
      displayName: 'Ada Admin',
      password: 'correct horse battery staple',
      tenancyName: 'Acme',
    });
    this.hubId = await this.system.createHub(this.admin, 'Osprey');
  }

  call(method: string, url: string, json?: unknown) {
    return this.system.http.call(method, url, { token: this.admin.token, json });
  }

  async upload(): Promise<void> {
    const form = new FormData();
    form.append('userType', 'TEAM_MEMBER');
    form.append('file', new Blob([this.csv], { type: 'text/csv' }), 'people.csv');
    const accepted = await this.system.http.call('POST', `/api/v1/hubs/${this.hubId}/invite-imports`, {
      token: this.admin.token,
      multipart: form,
    });
    if (accepted.status !== 202) throw new Error(`upload refused: ${accepted.status} ${accepted.text}`);
    this.jobId = accepted.body.id as string;
  }

  /**
   * Invites a few addresses one by one; retries an answer lost to the fault (the invite is idempotent), be
   * it an error status or a connection closed under the request, as any API client would.
   */
  async inviteSingles(count = SINGLE_INVITES): Promise<void> {
    for (let i = 0; i < count; i++) {
      const email = `single-${this.singles.length + 1}@elsewhere.example`;
      await this.system.pollUntil(
        async () => {
          const answer = await this.call('POST', `/api/v1/hubs/${this.hubId}/invites`, {
            email,
            userType: 'TEAM_MEMBER',
          }).catch(() => null);
          return answer?.status === 201 || answer?.status === 200;
        },
        `the individual invite of ${email}`,
        { timeoutMs: 60_000, intervalMs: 500 },
      );
      this.singles.push(email);
    }
  }

  /** Rows of the job decided so far (written to its report). */
  async decidedRows(): Promise<number> {
    const [{ n }] = await queryTestDb<{ n: number }>('SELECT count(*)::int AS n FROM invite.import_rows');
    return n;
  }

  /** Invites created so far (by the job and individually). */
  async invitesCreated(): Promise<number> {
    const [{ n }] = await queryTestDb<{ n: number }>('SELECT count(*)::int AS n FROM invite.invites');
    return n;
  }

  /** Waits until `probe` reaches `count` (the point where a case injects its fault). */
  async waitUntil(probe: () => number | Promise<number>, count: number, what: string): Promise<void> {
    await this.system.pollUntil(async () => (await probe()) >= count, what, { timeoutMs: DEADLINE_MS, intervalMs: 50 });
  }

  get expectedRecipients(): string[] {
    return [...this.unregistered, ...this.registered, ...this.singles].filter((r) => !this.refused.has(r));
  }

  /** Waits for the job to end and for every delivery to be settled (none queued or being sent). */
  async settle(): Promise<void> {
    await this.system.pollUntil(
      async () => {
        const job = await this.call('GET', `/api/v1/invite-imports/${this.jobId}`).catch(() => null);
        return job?.status === 200 && ['done', 'failed'].includes(job.body.status as string);
      },
      `import ${this.jobId} to end`,
      { timeoutMs: DEADLINE_MS, intervalMs: 500 },
    );
    const expected = this.expectedRecipients.length;
    await this.system.pollUntil(
      async () => {
        const [{ open, total }] = await queryTestDb<{ open: number; total: number }>(
          `SELECT count(*) FILTER (WHERE status IN ('queued', 'sending'))::int AS open, count(*)::int AS total
           FROM notification.deliveries`,
        ).catch(() => [{ open: 1, total: 0 }]);
        return open === 0 && total >= expected + this.refused.size;
      },
      'every delivery to be settled',
      { timeoutMs: DEADLINE_MS, intervalMs: 500 },
    );
  }

  async outcome(): Promise<FaultOutcome> {
    const job = (await this.call('GET', `/api/v1/invite-imports/${this.jobId}`)).body as ImportJobView;
    const members = (await this.call('GET', `/api/v1/hubs/${this.hubId}/members?limit=1`)).body.total as number;
    const pendingInvites = (await this.call('GET', `/api/v1/hubs/${this.hubId}/invites?limit=1`)).body.total as number;

    const idsByRecipient = new Map<string, Set<string>>();
    let received = 0;
    for (const message of this.system.sink.messages) {
      for (const to of message.to) {
        const ids = idsByRecipient.get(to.toLowerCase()) ?? new Set<string>();
        ids.add(message.headers['message-id']);
        idsByRecipient.set(to.toLowerCase(), ids);
        received++;
      }
    }
    const expected = this.expectedRecipients;
    const expectedSet = new Set(expected);
    const distinct = [...idsByRecipient.values()].reduce((sum, ids) => sum + ids.size, 0);

    const dead = await this.deadLetters();
    const failed = await queryTestDb<{ recipient: string }>(
      `SELECT recipient FROM notification.deliveries WHERE status = 'failed' ORDER BY recipient`,
    );
    const [audit] = await queryTestDb<{ sent: number; member_added: number; duplicates: number }>(
      `SELECT count(DISTINCT subject) FILTER (WHERE action = 'invite.sent')::int AS sent,
              count(DISTINCT subject) FILTER (WHERE action = 'invite.member_added')::int AS member_added,
              (count(*) - count(DISTINCT (action, subject)))::int AS duplicates
       FROM hub.audit_log WHERE hub_id = $1 AND action IN ('invite.sent', 'invite.member_added')`,
      [this.hubId],
    );
    return {
      jobStatus: job.status,
      summary: (job.summary ?? {}) as Record<string, number>,
      members,
      pendingInvites,
      exactlyOnce: expected.filter((r) => idsByRecipient.get(r)?.size === 1).length,
      missing: expected.filter((r) => !idsByRecipient.has(r)),
      distinctTwice: expected.filter((r) => (idsByRecipient.get(r)?.size ?? 0) > 1),
      sameMessageIdAgain: received - distinct,
      unexpectedRecipients: [...idsByRecipient.keys()].filter(
        (r) => !expectedSet.has(r) && r !== this.admin.admin.email,
      ),
      deadLetters: dead.rejected,
      expiredRequests: dead.expiredRequests,
      failedDeliveries: failed.map((row) => row.recipient),
      audit: { sent: audit.sent, memberAdded: audit.member_added, duplicates: audit.duplicates },
    };
  }

  /**
   * Dead letters by queue, those a handler rejected. Requests that expired while a service was down are
   * counted apart (`expiredRequests`): their callers had their timeout, and they are never replayed.
   */
  async deadLetters(): Promise<{ rejected: Record<string, number>; expiredRequests: number }> {
    const connection = await amqp.connect(testAmqpUrl());
    const rejected: Record<string, number> = {};
    let expiredRequests = 0;
    try {
      const dlq = await DeadLetterQueues.open(connection, new AmqpNames(this.system.namespace));
      for (const [queue, count] of Object.entries(await dlq.counts())) {
        if (count === 0) continue;
        for (const letter of await dlq.peek(queue)) {
          if (letter.isRequest && letter.reason === 'expired') expiredRequests++;
          else {
            const name = queue.slice(this.system.namespace.length + 1);
            rejected[name] = (rejected[name] ?? 0) + 1;
          }
        }
      }
      await dlq.close();
    } finally {
      await connection.close();
    }
    return { rejected, expiredRequests };
  }

  /** The outcome every case expects, in the suite table's words. */
  expectedSummary(): Record<string, number> {
    return { added: this.registered.length, invited: this.unregistered.length };
  }

  /** Audit rows every case expects: each invitee's invite sent, each registered account's addition. */
  expectedAudit(): FaultOutcome['audit'] {
    return { sent: this.unregistered.length + this.singles.length, memberAdded: this.registered.length, duplicates: 0 };
  }

  /** Stops the system, then removes what its namespace left on the broker (retry queues, events.unconsumed). */
  async stop(): Promise<void> {
    await this.system.stop();
    const leftovers = await namespaceQueues(this.system.namespace);
    if (leftovers.length === 0) return;
    const connection = await amqp.connect(testAmqpUrl());
    try {
      const channel = await connection.createChannel();
      for (const queue of leftovers) await channel.deleteQueue(queue);
      await channel.close();
    } finally {
      await connection.close();
    }
  }
}

/** One line of the table: what the case expected and what it got, in words. */
export function describeOutcome(run: FaultRun, outcome: FaultOutcome): string {
  const parts = [
    `job ${outcome.jobStatus} ${JSON.stringify(outcome.summary)}`,
    `members ${outcome.members}, pending ${outcome.pendingInvites}`,
    `1 email each ${outcome.exactlyOnce}/${run.expectedRecipients.length}`,
  ];
  if (outcome.missing.length) parts.push(`MISSING ${outcome.missing.length}`);
  if (outcome.distinctTwice.length) parts.push(`TWO DIFFERENT EMAILS ${outcome.distinctTwice.length}`);
  if (outcome.sameMessageIdAgain) parts.push(`same Message-ID again ${outcome.sameMessageIdAgain}`);
  if (outcome.unexpectedRecipients.length) parts.push(`UNEXPECTED ${outcome.unexpectedRecipients.length}`);
  if (outcome.failedDeliveries.length) parts.push(`failed deliveries ${outcome.failedDeliveries.length}`);
  const { audit } = outcome;
  parts.push(
    `audit sent ${audit.sent}, added ${audit.memberAdded}${audit.duplicates ? `, DUPLICATES ${audit.duplicates}` : ''}`,
  );
  parts.push(`DLQ ${JSON.stringify(outcome.deadLetters)}`);
  if (outcome.expiredRequests) parts.push(`expired requests ${outcome.expiredRequests}`);
  return parts.join('; ');
}
