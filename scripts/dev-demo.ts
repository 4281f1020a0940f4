import { ACCOUNT_PATTERNS, HUB_PATTERNS, SYSTEM_ACTOR } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';

export const DEMO_ADMIN = {
  email: 'admin@demo.example',
  password: 'demo-password-2026',
  displayName: 'Demo Admin',
};

/**
 * Development only: on an empty database, a demo tenancy, Hub and admin account (an operator, so the
 * console shows everything). Returns false when accounts already exist.
 */
export async function seedDemo(rpc: RpcClient): Promise<boolean> {
  const { accounts } = await rpc.call(ACCOUNT_PATTERNS.STATS, {});
  if (accounts > 0) return false;
  const admin = await rpc.call(ACCOUNT_PATTERNS.CREATE, { ...DEMO_ADMIN, isOperator: true, emailVerified: true });
  const profile = { accountId: admin.id, email: admin.email, displayName: admin.displayName };
  const tenancy = await rpc.call(HUB_PATTERNS.TENANCY_CREATE, {
    actor: SYSTEM_ACTOR,
    name: 'Demo Tenancy',
    slug: 'demo',
    firstAdmin: profile,
  });
  await rpc.call(HUB_PATTERNS.HUB_CREATE, {
    actor: { ...profile, isOperator: true },
    tenancyId: tenancy.id,
    name: 'Demo Hub',
  });
  return true;
}
