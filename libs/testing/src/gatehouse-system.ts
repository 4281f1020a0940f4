import {
  ACCOUNT_PATTERNS,
  AccountView,
  HUB_PATTERNS,
  PolicyView,
  SYSTEM_ACTOR,
  TenancyView,
} from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { PollOptions, ProcessGroup, ProcessName, pollUntil } from '../../../scripts/processes';
import { randomBytes } from 'node:crypto';
import { freePort } from './free-port';
import { HttpTestClient } from './http-client';
import { SmtpSink } from './smtp-sink';
import { deleteNamespace, newNamespace, resetSchemas, testProcessEnv } from './test-namespace';
import { testRpcClient } from './test-rpc';

export interface GatehouseSystemOptions {
  /** Part of the AMQP namespace's name (one fresh namespace per system). */
  label: string;
  /** Started in this order (each waits for /health/ready); put the gateway last. */
  processes: ProcessName[];
  /** Extra environment for every process. */
  env?: Record<string, string>;
  /** Extra environment for one process (wins over `env`). */
  envFor?: Partial<Record<ProcessName, Record<string, string>>>;
  /**
   * How many replicas of a process to run (default 1), on one broker and database as in production;
   * each has its own REPLICA_ID and port. The first is labelled with the process name, the others
   * "<name>-2", "<name>-3" (the labels stopProcess and restartProcess take).
   */
  replicas?: Partial<Record<ProcessName, number>>;
}

/** A tenant admin with a tenancy, made the way the bootstrap command makes them, and signed in. */
export interface TenantAdminFixture {
  admin: AccountView;
  tenancy: TenancyView;
  password: string;
  token: string;
}

const BACK_END_SCHEMAS: Partial<Record<ProcessName, string>> = {
  hub: 'hub',
  invite: 'invite',
  notification: 'notification',
};

/**
 * The compiled Gatehouse processes on the real PostgreSQL and RabbitMQ, in a fresh AMQP namespace, as
 * the whole-system tests (test/e2e) use them: an HTTP client on the gateway, an RPC client as another
 * internal service would have it, and — when the notification service runs — a real SMTP server in
 * the test process that it sends to. `PUBLIC_BASE_URL` is the gateway's address, so links in emails
 * can be followed. (Needs `npm run build`.)
 *
 * Create it in the describe block, `start()` in beforeAll, `stop()` in afterAll: stop cleans up
 * whatever a failed start left running.
 */
export class GatehouseSystem {
  readonly namespace: string;
  readonly group = new ProcessGroup();
  private started: { http: HttpTestClient; rpc: RpcClient; sink: SmtpSink | null } | null = null;
  private rpcClient: RpcClient | null = null;
  private smtpSink: SmtpSink | null = null;
  /** How each replica was started (by label), to start it again the same way (same port, same env). */
  private readonly launches = new Map<string, { name: ProcessName; port: number; env: Record<string, string> }>();

  constructor(private readonly options: GatehouseSystemOptions) {
    this.namespace = newNamespace(options.label);
  }

  get http(): HttpTestClient {
    return this.require().http;
  }

  get rpc(): RpcClient {
    return this.require().rpc;
  }

  /** The SMTP server the notification service sends to (only when it runs). */
  get sink(): SmtpSink {
    const { sink } = this.require();
    if (!sink) throw new Error('This system runs no notification service, so it has no SMTP sink.');
    return sink;
  }

  async start(): Promise<void> {
    const { processes } = this.options;
    const schemas = processes.map((name) => BACK_END_SCHEMAS[name]).filter((s): s is string => s !== undefined);
    await resetSchemas(...schemas);
    const gatewayPort = await freePort();
    const baseUrl = `http://127.0.0.1:${gatewayPort}`;
    if (processes.includes('notification')) this.smtpSink = await SmtpSink.start();
    const common = testProcessEnv(this.namespace, {
      JWT_SECRET: `e2e-${randomBytes(24).toString('hex')}`,
      PUBLIC_BASE_URL: baseUrl,
      ...this.options.env,
    });
    for (const name of processes) {
      const own = name === 'notification' ? this.notificationEnv() : {};
      for (let replica = 1; replica <= (this.options.replicas?.[name] ?? 1); replica++) {
        const label = replica === 1 ? name : `${name}-${replica}`;
        const env = { ...common, ...own, REPLICA_ID: `${this.namespace}-${label}`, ...this.options.envFor?.[name] };
        const port = label === 'gateway' ? gatewayPort : await freePort();
        this.launches.set(label, { name, port, env });
        await this.group.start(name, port, env, label);
      }
    }
    this.rpcClient = testRpcClient(this.namespace);
    this.started = { http: new HttpTestClient(baseUrl), rpc: this.rpcClient, sink: this.smtpSink };
  }

  /**
   * Ends one process (a replica's label, or a process name for its first replica) with `signal`
   * (SIGKILL = a crash) and waits until it is gone; returns its exit code.
   */
  stopProcess(label: string, signal: NodeJS.Signals): Promise<number | null> {
    return this.group.signal(label, signal);
  }

  /** Starts a process again as it was started first (same port and environment) and waits until it is ready. */
  async restartProcess(label: string): Promise<void> {
    const launch = this.launches.get(label);
    if (!launch) throw new Error(`${label} was never started`);
    await this.group.start(launch.name, launch.port, launch.env, label);
  }

  /** An HTTP client on one gateway replica ("gateway-2"); `http` is the first one's. */
  httpOf(label: string): HttpTestClient {
    const launch = this.launches.get(label);
    if (!launch || launch.name !== 'gateway') throw new Error(`${label} is not a gateway replica of this system`);
    return new HttpTestClient(`http://127.0.0.1:${launch.port}`);
  }

  /**
   * Stops everything that runs and removes the namespace's queues and exchanges. Every step is tried
   * even when an earlier one failed; the first failure is thrown at the end.
   */
  async stop(): Promise<void> {
    this.started = null;
    const steps = [
      () => this.rpcClient?.close(),
      () => this.group.stop(),
      () => this.smtpSink?.stop(),
      () => deleteNamespace(this.namespace),
    ];
    const failures: unknown[] = [];
    for (const step of steps) await Promise.resolve(step()).catch((error: unknown) => failures.push(error));
    if (failures.length > 0) throw failures[0];
  }

  /**
   * Waits for a state (see pollUntil; default deadline 30 s — whole systems share busy machines); a
   * failure message carries the processes' recent output.
   */
  pollUntil<T>(
    probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
    what: string,
    options: PollOptions = {},
  ): Promise<T> {
    return pollUntil(probe, what, { timeoutMs: 30_000, detail: () => this.group.recentOutput(), ...options });
  }

  /**
   * An account through the invite service's RPC, as the bootstrap command makes one: the operator vouches
   * for the address (verified) unless `emailVerified: false` is passed.
   */
  createAccount(
    email: string,
    displayName: string,
    password: string,
    options: { isOperator?: boolean; emailVerified?: boolean } = {},
  ): Promise<AccountView> {
    return this.rpc.call(ACCOUNT_PATTERNS.CREATE, { email, displayName, password, emailVerified: true, ...options });
  }

  /** A new tenancy with a new account as its first tenant admin, signed in over HTTP. */
  async createTenantAdmin(options: {
    email: string;
    displayName: string;
    password: string;
    tenancyName: string;
  }): Promise<TenantAdminFixture> {
    const admin = await this.createAccount(options.email, options.displayName, options.password);
    const tenancy = await this.rpc.call(HUB_PATTERNS.TENANCY_CREATE, {
      actor: SYSTEM_ACTOR,
      name: options.tenancyName,
      slug: `t-${randomBytes(6).toString('hex')}`,
      firstAdmin: { accountId: admin.id, email: admin.email, displayName: admin.displayName },
    });
    const token = await this.http.signIn(options.email, options.password);
    return { admin, tenancy, password: options.password, token };
  }

  /** A Hub made over HTTP by a tenant admin (who becomes its first Hub admin); returns its id. */
  async createHub(owner: TenantAdminFixture, name: string): Promise<string> {
    const hub = await this.http.call('POST', '/api/v1/hubs', {
      token: owner.token,
      json: { tenancyId: owner.tenancy.id, name },
    });
    if (hub.status !== 201) throw new Error(`Creating Hub "${name}" failed: ${hub.status} ${hub.text}`);
    return hub.body.id as string;
  }

  /**
   * Sets the tenancy's invite message appendix over HTTP (PATCH …/policy) and waits until the
   * notification service has it (it learns it from the hub's event; the preview of the current policy
   * shows when), so that emails rendered from then on carry it. Returns the policy the hub answered.
   */
  async setInviteAppendix(owner: TenantAdminFixture, appendix: string | null): Promise<PolicyView> {
    const path = `/api/v1/tenancies/${owner.tenancy.id}/policy`;
    const policy = await this.http.call('PATCH', path, {
      token: owner.token,
      json: { inviteMessageAppendix: appendix },
    });
    if (policy.status !== 200) throw new Error(`Setting the appendix failed: ${policy.status} ${policy.text}`);
    const stored = (policy.body as PolicyView).inviteMessageAppendix;
    await this.pollUntil(async () => {
      const preview = await this.http.call('POST', `${path}/preview`, { token: owner.token, json: {} });
      return preview.status === 200 && preview.body.appendix === stored;
    }, 'the notification service to have the new appendix');
    return policy.body as PolicyView;
  }

  private notificationEnv(): Record<string, string> {
    return {
      SMTP_URL: this.smtpSink!.url,
      // Transient failures are retried soon, so a test never waits long for a retry.
      DELIVERY_BASE_BACKOFF_MS: '50',
      DELIVERY_POLL_INTERVAL_MS: '100',
    };
  }

  private require() {
    if (!this.started) throw new Error('The system is not running: call start() first (in beforeAll).');
    return this.started;
  }
}
