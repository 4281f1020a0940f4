import 'reflect-metadata';
import { loadEnv } from '@gatehouse/config';
import { bootBackendServiceFromEnv, exitOnBootFailure } from '@gatehouse/service-runtime';
import { InviteEnv } from './invite.config';
import { InviteModule } from './invite.module';
import { INVITE_TOPOLOGY } from './invite.topology';

export async function startInvite(source: Record<string, string | undefined> = process.env) {
  const env = loadEnv(InviteEnv, source);
  return bootBackendServiceFromEnv(env, INVITE_TOPOLOGY, InviteModule.forRoot(env));
}

if (require.main === module) {
  startInvite().catch(exitOnBootFailure('invite'));
}
