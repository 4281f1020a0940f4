import {
  ACCOUNT_PATTERNS,
  Actor,
  AccountView,
  HUB_PATTERNS,
  IMPORT_PATTERNS,
  INVITE_PATTERNS,
  ImportJobView,
  importUploadPieces,
  SYSTEM_ACTOR,
  UserType,
} from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { pollUntil } from './processes';

/** Every demo account signs in with this password (development only). */
export const DEMO_PASSWORD = 'demo-password-2026';

interface DemoAccount {
  email: string;
  password: string;
  displayName: string;
  /** What the account is in the demo Hub, in words (printed by `npm start`). */
  role: string;
}

const account = (email: string, displayName: string, role: string): DemoAccount => ({
  email,
  displayName,
  password: DEMO_PASSWORD,
  role,
});

/** The operator who owns the demo tenancy (its tenant admin, and the demo Hub's first Hub admin). */
export const DEMO_ADMIN = account('admin@demo.example', 'Demo Admin', 'Operator, tenant admin, Hub admin');

/** One account of each kind a person meets in the demo Hub, in the order `npm start` prints them. */
export const DEMO_ACCOUNTS = {
  hubAdmin: account('hana.admin@demo.example', 'Hana Admin', 'Hub admin'),
  teamMember: account('theo.team@demo.example', 'Theo Team', 'Team Member'),
  externalMember: account('erin.external@demo.example', 'Erin External', 'External Member'),
  /** Runs the demo tenancy from the console (/console); a member of no Hub. */
  tenantAdmin: account('tara.tenant@demo.example', 'Tara Tenant', 'Tenant admin (console)'),
} as const;

export const DEMO_TENANCY_NAME = 'Demo Tenancy';
export const DEMO_HUB_NAME = 'Demo Hub';

/** More people in the Hub, so that Contacts has something to page and search. */
const MORE_MEMBERS: { email: string; displayName: string; userType: UserType }[] = [
  { email: 'tomas.berg@demo.example', displayName: 'Tomas Berg', userType: 'TEAM_MEMBER' },
  { email: 'priya.nair@demo.example', displayName: 'Priya Nair', userType: 'TEAM_MEMBER' },
  { email: 'lena.fischer@partner.example', displayName: 'Lena Fischer', userType: 'EXTERNAL_MEMBER' },
  { email: 'omar.haddad@partner.example', displayName: 'Omar Haddad', userType: 'EXTERNAL_MEMBER' },
];

/** Addresses without an account: they stay pending invites (their emails land in the mail drop). */
const PENDING_INVITES: { email: string; userType: UserType; by: 'hubAdmin' | 'teamMember' }[] = [
  { email: 'new.colleague@demo.example', userType: 'TEAM_MEMBER', by: 'hubAdmin' },
  { email: 'auditor@partner.example', userType: 'EXTERNAL_MEMBER', by: 'hubAdmin' },
  { email: 'consultant@partner.example', userType: 'EXTERNAL_MEMBER', by: 'teamMember' },
];

/**
 * A small, realistically untidy file for the finished mass invite: new addresses, a member, a
 * duplicate in another case, an address already invited, and two that are not addresses.
 */
const DEMO_IMPORT_FILE = 'partners-demo.csv';
const DEMO_IMPORT_CSV = [
  'email,name',
  'kim.lee@partner.example,Kim Lee',
  'ravi.shah@partner.example,Ravi Shah',
  'KIM.LEE@partner.example,Kim again',
  'lena.fischer@partner.example,already a member',
  'auditor@partner.example,already invited',
  'not-an-address,typo',
  'sam@@partner.example,typo',
  ' ana.costa@partner.example ,spaces',
  '',
].join('\r\n');

const IMPORT_DEADLINE_MS = 60_000;

const actorOf = (view: AccountView): Actor => ({
  accountId: view.id,
  email: view.email,
  displayName: view.displayName,
  isOperator: view.isOperator,
});

/**
 * Development only: on an empty database, a demo tenancy and Hub with one account of each kind (Hub
 * admin, Team Member, External Member), more members, pending invites and one finished mass invite.
 * Returns false when accounts already exist.
 *
 * It goes through the services' own RPC, as the bootstrap command and the gateway do: accounts are
 * made the bootstrap way (ACCOUNT_PATTERNS.CREATE), people join the Hub by being invited (a registered
 * address is added at once), the Hub admin is appointed by the Hub's first admin, and the import is
 * uploaded exactly as the gateway forwards an upload. No table is written directly.
 */
export async function seedDemo(rpc: RpcClient): Promise<boolean> {
  const { accounts } = await rpc.call(ACCOUNT_PATTERNS.STATS, {});
  if (accounts > 0) return false;

  const operator = await rpc.call(ACCOUNT_PATTERNS.CREATE, { ...withoutRole(DEMO_ADMIN), isOperator: true });
  const tenancy = await rpc.call(HUB_PATTERNS.TENANCY_CREATE, {
    actor: SYSTEM_ACTOR,
    name: DEMO_TENANCY_NAME,
    slug: 'demo',
    firstAdmin: { accountId: operator.id, email: operator.email, displayName: operator.displayName },
  });
  const hub = await rpc.call(HUB_PATTERNS.HUB_CREATE, {
    actor: actorOf(operator),
    tenancyId: tenancy.id,
    name: DEMO_HUB_NAME,
  });
  const hubId = hub.id;

  const invite = (by: Actor, email: string, userType: UserType) =>
    rpc.call(INVITE_PATTERNS.CREATE, { actor: by, hubId, email, userType });
  const addRegistered = async (by: Actor, who: Omit<DemoAccount, 'role'> | DemoAccount, userType: UserType) => {
    const created = await rpc.call(ACCOUNT_PATTERNS.CREATE, withoutRole(who));
    const result = await invite(by, created.email, userType);
    if (result.outcome !== 'added') throw new Error(`Expected ${created.email} to be added, got ${result.outcome}`);
    return created;
  };

  const byOperator = actorOf(operator);
  const tenantAdmin = await rpc.call(ACCOUNT_PATTERNS.CREATE, withoutRole(DEMO_ACCOUNTS.tenantAdmin));
  await rpc.call(HUB_PATTERNS.TENANT_ADMIN_ADD, {
    actor: byOperator,
    tenancyId: tenancy.id,
    admin: { accountId: tenantAdmin.id, email: tenantAdmin.email, displayName: tenantAdmin.displayName },
  });
  const hubAdmin = await addRegistered(byOperator, DEMO_ACCOUNTS.hubAdmin, 'TEAM_MEMBER');
  await rpc.call(HUB_PATTERNS.MEMBER_UPDATE, { actor: byOperator, hubId, accountId: hubAdmin.id, isHubAdmin: true });
  const byHubAdmin = actorOf(hubAdmin);
  const teamMember = await addRegistered(byHubAdmin, DEMO_ACCOUNTS.teamMember, 'TEAM_MEMBER');
  await addRegistered(byHubAdmin, DEMO_ACCOUNTS.externalMember, 'EXTERNAL_MEMBER');
  for (const member of MORE_MEMBERS) {
    await addRegistered(byHubAdmin, { ...member, password: DEMO_PASSWORD }, member.userType);
  }
  const inviters = { hubAdmin: byHubAdmin, teamMember: actorOf(teamMember) };
  for (const pending of PENDING_INVITES) await invite(inviters[pending.by], pending.email, pending.userType);

  await runImport(rpc, byHubAdmin, hubId);
  return true;
}

/** Uploads the demo CSV as the gateway forwards an upload, and waits until the job has finished. */
async function runImport(rpc: RpcClient, actor: Actor, hubId: string): Promise<ImportJobView> {
  const { uploadId } = await rpc.call(IMPORT_PATTERNS.UPLOAD_BEGIN, { actor, hubId });
  let seq = 0;
  for (const piece of importUploadPieces(Buffer.from(DEMO_IMPORT_CSV, 'utf8'))) {
    await rpc.call(IMPORT_PATTERNS.UPLOAD_APPEND, {
      actor,
      uploadId,
      seq: seq++,
      pieceBase64: piece.toString('base64'),
    });
  }
  const created = await rpc.call(
    IMPORT_PATTERNS.CREATE,
    { actor, hubId, userType: 'EXTERNAL_MEMBER', dryRun: false, fileName: DEMO_IMPORT_FILE, uploadId },
    { timeoutMs: 30_000 },
  );
  return pollUntil(
    async () => {
      const job = await rpc.call(IMPORT_PATTERNS.GET, { actor, jobId: created.id });
      if (job.status === 'failed') throw new Error(`The demo mass invite failed: ${job.error?.message ?? 'no reason'}`);
      return job.status === 'done' && job;
    },
    'the demo mass invite to finish',
    { timeoutMs: IMPORT_DEADLINE_MS, intervalMs: 200 },
  );
}

/** The demo vouches for its own addresses (emailVerified), so that inviting them adds them at once. */
function withoutRole(who: Omit<DemoAccount, 'role'> | DemoAccount) {
  return { email: who.email, displayName: who.displayName, password: who.password, emailVerified: true };
}

/** How to sign in, for `npm start`'s output. */
export function demoSignInLines(appUrl: string): string[] {
  const accounts = [
    DEMO_ACCOUNTS.hubAdmin,
    DEMO_ACCOUNTS.teamMember,
    DEMO_ACCOUNTS.externalMember,
    DEMO_ACCOUNTS.tenantAdmin,
    DEMO_ADMIN,
  ];
  const width = Math.max(...accounts.map((a) => a.email.length));
  return [
    `  Open ${appUrl} and sign in to "${DEMO_HUB_NAME}" as one of (password for all: ${DEMO_PASSWORD}):`,
    ...accounts.map((a) => `    ${a.email.padEnd(width)}  ${a.role}`),
    `  The tenant admin and the operator also find the ops console at ${appUrl.replace(/\/$/, '')}/console.`,
  ];
}
