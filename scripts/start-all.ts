import { AmqpNames, RpcClient } from '@gatehouse/messaging';
import { DEFAULT_PORTS, PROCESS_NAMES, ProcessGroup, repoRoot } from './processes';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import fs from 'node:fs';
import path from 'node:path';
import { demoSignInLines, seedDemo } from './dev-demo';

/**
 * `npm start`: every Gatehouse process against the configured PostgreSQL and RabbitMQ (defaults:
 * localhost). Each process runs its own migrations at start. In development a JWT secret is made
 * once and kept in var/, and an empty database gets the demo data (scripts/dev-demo.ts).
 */
function developmentSecret(): string {
  const file = path.join(repoRoot(), 'var', 'dev-jwt-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/gatehouse';

/** Development: a fresh machine has the server but not the database; make it (production: the operator does). */
async function ensureDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      process.stdout.write(`Created database ${name}.\n`);
    }
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const production = process.env.NODE_ENV === 'production';
  const env: Record<string, string> = { NODE_ENV: process.env.NODE_ENV ?? 'development' };
  if (!process.env.JWT_SECRET) {
    if (production) throw new Error('JWT_SECRET must be set in production.');
    env.JWT_SECRET = developmentSecret();
  }
  if (!process.env.PUBLIC_BASE_URL && !production) {
    // Links in emails and on screens point at the gateway this start serves, on whatever port it has.
    env.PUBLIC_BASE_URL = `http://localhost:${process.env.GATEWAY_PORT ?? DEFAULT_PORTS.gateway}`;
  }
  if (!production) await ensureDatabase(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL);
  const group = new ProcessGroup({ inheritOutput: true });
  const shutdown = () => {
    void group.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  try {
    for (const name of PROCESS_NAMES) {
      const port = Number(process.env[`${name.toUpperCase()}_PORT`] ?? DEFAULT_PORTS[name]);
      await group.start(name, port, env);
    }
  } catch (error) {
    await group.stop();
    throw error;
  }

  const gateway = group.started.find((p) => p.name === 'gateway')!;
  const base = `http://localhost:${gateway.port}`;
  let demo: string[] = [];
  if (!production) {
    const rpc = new RpcClient({
      url: process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
      names: new AmqpNames(process.env.AMQP_NAMESPACE ?? 'gatehouse'),
      timeoutMs: 10_000,
    });
    try {
      const created = await seedDemo(rpc);
      demo = [
        '',
        created ? '  Demo data created.' : '  Demo data (if you kept it from an earlier start):',
        ...demoSignInLines(`${base}/`),
        ...(process.env.SMTP_URL
          ? []
          : [
              `  Emails are not sent: they land in ${process.env.MAIL_DROP_DIR ?? 'var/mail-drop'}/ (one .eml file each).`,
            ]),
      ];
    } finally {
      await rpc.close();
    }
  }
  const lines = [
    '',
    'Gatehouse is running:',
    `  Web app      ${base}/`,
    `  API          ${base}/api/v1`,
    `  API docs     ${base}/api/docs`,
    `  Health       ${base}/health/ready`,
    ...group.started
      .filter((p) => p.name !== 'gateway')
      .map((p) => `  ${p.name.padEnd(12)} http://localhost:${p.port}/health/ready  (metrics: /metrics)`),
    ...demo,
    '',
    '  Stop with Ctrl+C.',
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((error: Error) => {
  process.stderr.write(`Gatehouse failed to start: ${error.message}\n`);
  process.exit(1);
});
