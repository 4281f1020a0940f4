import { NestFactory } from '@nestjs/core';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadEnv } from '@gatehouse/config';
import { repoRoot } from './processes';
import { GatewayEnv } from '../services/gateway/src/gateway.config';
import { GatewayModule } from '../services/gateway/src/gateway.module';
import { buildOpenApiDocument } from '../services/gateway/src/openapi/openapi-document';

/**
 * `npm run api:types`: writes the OpenAPI document the gateway serves to web/src/api/openapi.json and
 * the TypeScript types openapi-typescript makes of it to web/src/api/schema.d.ts.
 * `--check`: writes both to a temporary directory instead and fails when the committed ones differ.
 *
 * No broker or database is needed: the gateway's database (its rate limits) is opened by main.ts only, and
 * its RPC client connects on first call, which building the document never makes. The app is initialised,
 * never listened on.
 */
const TARGET_DIR = path.join(repoRoot(), 'web', 'src', 'api');
const FILES = ['openapi.json', 'schema.d.ts'] as const;

async function exportDocument(): Promise<object> {
  // Placeholder settings: only the routes' shape matters here, nothing is signed or sent.
  const env = loadEnv(GatewayEnv, {
    JWT_SECRET: 'openapi-export-placeholder-not-a-secret',
    NODE_ENV: 'test',
    AMQP_URL: 'amqp://127.0.0.1:1', // nothing listens there: proof that nothing connects
  });
  const app = await NestFactory.create(GatewayModule.forRoot(env), { logger: ['error'], abortOnError: false });
  try {
    await app.init();
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

function bin(name: string): string {
  return path.join(repoRoot(), 'node_modules', '.bin', name);
}

async function writeFiles(document: object, dir: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  const json = path.join(dir, 'openapi.json');
  const types = path.join(dir, 'schema.d.ts');
  fs.writeFileSync(json, `${JSON.stringify(document, null, 2)}\n`);
  // Run outside the repository: openapi-typescript would otherwise lint with redocly.yaml and stop at the
  // first problem; linting is `redocly lint`'s job (npm run api:check), with a readable report.
  execFileSync(bin('openapi-typescript'), [json, '--output', types], {
    cwd: os.tmpdir(),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // The repository's own prettier settings (named: a scratch directory has none above it), so the
  // written files are alike wherever they are written. No ignore file: .prettierignore lists these
  // generated files (so `prettier --check` leaves them alone), which would skip them in the repository only.
  const config = path.join(repoRoot(), '.prettierrc.json');
  const options = ['--config', config, '--ignore-path', os.devNull, '--write', '--log-level', 'warn'];
  execFileSync(bin('prettier'), [...options, json, types], {
    stdio: 'inherit',
  });
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const document = await exportDocument();
  if (!check) {
    await writeFiles(document, TARGET_DIR);
    process.stdout.write(`Wrote ${FILES.map((file) => path.join('web/src/api', file)).join(' and ')}.\n`);
    return;
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-api-check-'));
  try {
    await writeFiles(document, scratch);
    const stale = FILES.filter((file) => {
      const committed = path.join(TARGET_DIR, file);
      return (
        !fs.existsSync(committed) ||
        fs.readFileSync(committed, 'utf8') !== fs.readFileSync(path.join(scratch, file), 'utf8')
      );
    });
    if (stale.length > 0) {
      process.stderr.write(
        `Out of date: ${stale.map((file) => `web/src/api/${file}`).join(', ')}. Run \`npm run api:types\` and commit the result.\n`,
      );
      process.exitCode = 1;
    } else {
      process.stdout.write('web/src/api/openapi.json and schema.d.ts match the gateway.\n');
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  process.stderr.write(`api types: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
