import { ACCOUNT_PATTERNS, ERROR_CODES, HUB_PATTERNS, SYSTEM_ACTOR } from '@gatehouse/contracts';
import { AmqpNames, RpcClient } from '@gatehouse/messaging';
import { parseArgs } from 'node:util';

/**
 * Production bootstrap: creates a tenancy and its first tenant admin account against a running system.
 *   npm run bootstrap -- --tenancy "Acme Ltd" --slug acme --email admin@acme.example --name "Ada Admin" [--operator]
 * The password comes from BOOTSTRAP_ADMIN_PASSWORD (never a command-line argument: it would land in
 * shell history and process lists).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tenancy: { type: 'string' },
      slug: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      operator: { type: 'boolean', default: false },
    },
  });
  const missing = ['tenancy', 'slug', 'email', 'name'].filter((key) => !values[key as keyof typeof values]);
  const password = process.env.BOOTSTRAP_ADMIN_PASSWORD;
  if (missing.length > 0 || !password) {
    throw new Error(
      `missing ${[...missing.map((m) => `--${m}`), ...(password ? [] : ['BOOTSTRAP_ADMIN_PASSWORD'])].join(', ')}`,
    );
  }
  const rpc = new RpcClient({
    url: process.env.AMQP_URL ?? 'amqp://guest:guest@127.0.0.1:5672',
    names: new AmqpNames(process.env.AMQP_NAMESPACE ?? 'gatehouse'),
    timeoutMs: 15_000,
  });
  try {
    const account = await rpc.call(ACCOUNT_PATTERNS.CREATE, {
      email: values.email!,
      displayName: values.name!,
      password,
      isOperator: values.operator,
      // The operator running bootstrap vouches for the first admin's address (no email goes out here).
      emailVerified: true,
    });
    let tenancy;
    try {
      tenancy = await rpc.call(HUB_PATTERNS.TENANCY_CREATE, {
        actor: SYSTEM_ACTOR,
        name: values.tenancy!,
        slug: values.slug!,
        firstAdmin: { accountId: account.id, email: account.email, displayName: account.displayName },
      });
    } catch (error) {
      // No answer in time: the hub may still have created it, with this account as its admin.
      if ((error as { code?: string }).code === ERROR_CODES.RPC_TIMEOUT) {
        throw new Error(
          `${(error as Error).message} The hub may still have created the tenancy with ${account.email} as admin: ` +
            'check the tenancies before running bootstrap again.',
        );
      }
      throw new Error(`${(error as Error).message} ${await undoAccount(rpc, account.id, account.email)}`);
    }
    process.stdout.write(`Created tenancy ${tenancy.slug} (${tenancy.id}) with admin ${account.email}.\n`);
  } finally {
    await rpc.close();
  }
}

/**
 * The tenancy was not created: the account made a moment ago is discarded, so that a failed bootstrap
 * leaves nothing behind and can simply be run again. Says what happened, for the error message.
 */
async function undoAccount(rpc: RpcClient, accountId: string, email: string): Promise<string> {
  try {
    await rpc.call(ACCOUNT_PATTERNS.DISCARD_UNUSED, { accountId });
    return `Nothing was created: the account for ${email} was removed again.`;
  } catch (error) {
    return (
      `The account for ${email} (${accountId}) was created and could not be removed ` +
      `(${(error as Error).message}); remove it or make it a tenant admin by hand.`
    );
  }
}

main().catch((error: Error) => {
  process.stderr.write(`bootstrap failed: ${error.message}\n`);
  process.exit(1);
});
