import {
  ACCOUNT_PATTERNS,
  AccountView,
  Actor,
  HUB_PATTERNS,
  INVITE_PATTERNS,
  REGISTRATION_LINK_PATTERNS,
  UserType,
} from '@gatehouse/contracts';
import { repoRoot, GatehouseSystem, ReceivedMail } from '@gatehouse/testing';
import fs from 'node:fs';
import path from 'node:path';
import { Browser } from 'playwright-core';
import { DEMO_ACCOUNTS, DEMO_ADMIN, DEMO_HUB_NAME, DEMO_PASSWORD, seedDemo } from '../../../scripts/dev-demo';
import { STEP_TIMEOUT_MS, launchBrowser, newContext } from './browser';
import { Person } from './person';

export interface Credentials {
  email: string;
  password: string;
  displayName: string;
}

/**
 * The whole system as a person meets it in a browser: the compiled hub, invite, notification and
 * gateway processes (the gateway serves the built web app from dist/web) on the real PostgreSQL and
 * RabbitMQ, a real SMTP server in this process, the demo data of `npm start` (scripts/dev-demo.ts —
 * so these tests also prove the demo works), and one headless Chromium. (Needs `npm run build`.)
 *
 * Create it in the describe block, `start()` in beforeAll, `stop()` in afterAll.
 */
export class WebApp {
  readonly system: GatehouseSystem;
  private browserInstance: Browser | null = null;
  private readonly people: Person[] = [];
  private demoHubId: string | null = null;

  /** The demo accounts (password for all: DEMO_PASSWORD). */
  readonly accounts = {
    operator: DEMO_ADMIN,
    hubAdmin: DEMO_ACCOUNTS.hubAdmin,
    teamMember: DEMO_ACCOUNTS.teamMember,
    externalMember: DEMO_ACCOUNTS.externalMember,
    tenantAdmin: DEMO_ACCOUNTS.tenantAdmin,
  };
  readonly demoHubName = DEMO_HUB_NAME;
  readonly password = DEMO_PASSWORD;

  constructor(label: string) {
    this.system = new GatehouseSystem({
      label,
      processes: ['hub', 'invite', 'notification', 'gateway'],
      // Every test signs several people in from one address.
      env: { SIGN_IN_RATE_LIMIT: '1000' },
      envFor: { notification: { MAIL_RATE_PER_SECOND: '1000' } },
    });
  }

  get baseUrl(): string {
    return this.system.http.baseUrl;
  }

  get browser(): Browser {
    if (!this.browserInstance) throw new Error('The browser is not running: call start() first (in beforeAll).');
    return this.browserInstance;
  }

  /** The id of the demo Hub (as the URL of its pages holds it). */
  get hubId(): string {
    if (!this.demoHubId) throw new Error('No demo Hub: call start() first (in beforeAll).');
    return this.demoHubId;
  }

  async start(): Promise<void> {
    const index = path.join(repoRoot(), 'dist', 'web', 'index.html');
    if (!fs.existsSync(index)) throw new Error(`${index} is missing: run \`npm run build\` (it builds the web app).`);
    await this.system.start();
    if (!(await seedDemo(this.system.rpc))) throw new Error('The demo data was not created: the database had accounts');
    const token = await this.system.http.signIn(DEMO_ACCOUNTS.hubAdmin.email, DEMO_PASSWORD);
    const hubs = await this.system.http.call('GET', '/api/v1/hubs', { token });
    this.demoHubId = (hubs.body.items as { id: string; name: string }[]).find((h) => h.name === DEMO_HUB_NAME)!.id;
    this.browserInstance = await launchBrowser();
  }

  async stop(): Promise<void> {
    const steps = [...this.people.map((p) => () => p.context.close()), () => this.browserInstance?.close()];
    for (const step of steps) await Promise.resolve(step()).catch(() => undefined);
    await this.system.stop();
  }

  /** A new person at the sign-in page's origin: a browser context of their own. */
  async person(): Promise<Person> {
    const context = await newContext(this.browser, this.baseUrl);
    const person = new Person(context, await context.newPage());
    this.people.push(person);
    return person;
  }

  /** An account made the way the bootstrap command makes one (it belongs to no Hub yet). */
  createAccount(email: string, displayName: string): Promise<AccountView> {
    return this.system.createAccount(email, displayName, DEMO_PASSWORD);
  }

  /** The actor of a demo account, for setting up state over RPC as the gateway would pass it on. */
  async actorOf(credentials: Credentials): Promise<Actor> {
    const [found] = (await this.system.rpc.call(ACCOUNT_PATTERNS.LOOKUP, { emails: [credentials.email] })).registered;
    const account = await this.system.rpc.call(ACCOUNT_PATTERNS.GET, { accountId: found.accountId });
    return {
      accountId: account.id,
      email: account.email,
      displayName: account.displayName,
      isOperator: account.isOperator,
    };
  }

  /**
   * A second Hub in the demo tenancy (made by the operator, its first Hub admin) with `members` added as
   * a registered address is: by invite. Returns its id.
   */
  async createHub(name: string, members: { who: Credentials; userType: UserType; hubAdmin?: boolean }[]) {
    const operator = await this.actorOf(DEMO_ADMIN);
    const demoHub = await this.system.rpc.call(HUB_PATTERNS.HUB_GET, { actor: operator, hubId: this.hubId });
    const hub = await this.system.rpc.call(HUB_PATTERNS.HUB_CREATE, {
      actor: operator,
      tenancyId: demoHub.tenancyId,
      name,
    });
    for (const member of members) {
      const added = await this.system.rpc.call(INVITE_PATTERNS.CREATE, {
        actor: operator,
        hubId: hub.id,
        email: member.who.email,
        userType: member.userType,
      });
      if (member.hubAdmin) {
        await this.system.rpc.call(HUB_PATTERNS.MEMBER_UPDATE, {
          actor: operator,
          hubId: hub.id,
          accountId: added.membership!.accountId,
          isHubAdmin: true,
        });
      }
    }
    return hub.id;
  }

  /** Enables the demo Hub's registration link as its Hub admin would; returns the link's URL. */
  async enableRegistrationLink(): Promise<string> {
    const link = await this.system.rpc.call(REGISTRATION_LINK_PATTERNS.UPDATE, {
      actor: await this.actorOf(DEMO_ACCOUNTS.hubAdmin),
      hubId: this.hubId,
      enabled: true,
    });
    return link.url!;
  }

  /**
   * The newest email to `address` once `count` have arrived, and the first link in it whose path starts
   * with `pathPrefix` (e.g. "/invite/"), as the person would click it.
   */
  async linkFromEmail(address: string, pathPrefix: string, count = 1): Promise<{ mail: ReceivedMail; link: string }> {
    const mails = await this.system.sink.waitFor(address, count, STEP_TIMEOUT_MS);
    const mail = mails[mails.length - 1];
    const links = [...`${mail.text}\n${mail.html}`.matchAll(/https?:\/\/[^\s"'<>]+/g)].map((m) =>
      m[0].replace(/&amp;/g, '&').replace(/[.,;)]+$/, ''),
    );
    const link = links.find((l) => new URL(l).pathname.startsWith(pathPrefix));
    if (!link) throw new Error(`No ${pathPrefix} link in "${mail.subject}" to ${address}:\n${mail.text}`);
    return { mail, link };
  }
}
