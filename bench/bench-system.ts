import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { ACCOUNT_PATTERNS, Actor, HUB_PATTERNS, SYSTEM_ACTOR, TenancyView } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { deleteNamespace as deleteTestNamespace } from '@gatehouse/testing';

/** What every benchmark starts from: its own database and AMQP namespace on this machine's servers. */
export const BENCH_DATABASE_BASE = process.env.BENCH_DATABASE_BASE ?? 'postgres://postgres@127.0.0.1:5432';
export const BENCH_AMQP_URL = process.env.BENCH_AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672';

/** Drops and creates the database `name`; answers its URL. */
export async function freshDatabase(name: string): Promise<string> {
  const admin = new Client({ connectionString: `${BENCH_DATABASE_BASE}/postgres` });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  // BENCH_DATABASE_SET="name=value;…": settings of the bench database for a diagnostic run (e.g. statement
  // logging, auto_explain), applied to every connection the processes open.
  for (const setting of (process.env.BENCH_DATABASE_SET ?? '').split(';').filter(Boolean)) {
    const [key, value] = setting.split(/=(.*)/s, 2);
    await admin.query(`ALTER DATABASE ${name} SET ${key.trim()} = ${value.trim()}`);
  }
  await admin.end();
  return `${BENCH_DATABASE_BASE}/${name}`;
}

/** The environment of the compiled processes for one run: its database, a fresh namespace, a new JWT secret. */
export function benchEnv(databaseUrl: string, namespacePrefix: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    AMQP_URL: BENCH_AMQP_URL,
    AMQP_NAMESPACE: `${namespacePrefix}-${randomBytes(3).toString('hex')}`,
    LOG_LEVEL: 'warn',
    JWT_SECRET: randomBytes(32).toString('hex'),
  };
}

export interface BenchAdmin {
  actor: Actor;
  password: string;
  tenancy: TenancyView;
}

/** The benchmark's signed-in person: an account that is the first admin of the tenancy "Bench". */
export async function benchAdmin(rpc: RpcClient): Promise<BenchAdmin> {
  const password = 'bench-password-long';
  const admin = await rpc.call(ACCOUNT_PATTERNS.CREATE, {
    email: 'bench-admin@bench.example',
    displayName: 'Bench Admin',
    password,
  });
  const profile = { accountId: admin.id, email: admin.email, displayName: admin.displayName };
  const tenancy = await rpc.call(HUB_PATTERNS.TENANCY_CREATE, {
    actor: SYSTEM_ACTOR,
    name: 'Bench',
    slug: 'bench',
    firstAdmin: profile,
  });
  return { actor: { ...profile, isOperator: false }, password, tenancy };
}

/** Removes the queues and exchanges the processes declared under a bench namespace. */
export function deleteNamespace(namespace: string): Promise<void> {
  return deleteTestNamespace(namespace, BENCH_AMQP_URL);
}
