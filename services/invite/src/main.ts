import 'reflect-metadata';
import { loadEnv } from '@gatehouse/config';
import { bootBackendService } from '@gatehouse/service-runtime';
import { InviteEnv } from './invite.config';
import { InviteModule } from './invite.module';
import { INVITE_TOPOLOGY } from './invite.topology';

export async function startInvite(source: Record<string, string | undefined> = process.env) {
  const env = loadEnv(InviteEnv, source);
  return bootBackendService({
    ...INVITE_TOPOLOGY,
    module: InviteModule.forRoot(env),
    amqpUrl: env.AMQP_URL,
    prefetch: env.AMQP_PREFETCH,
    logLevel: env.LOG_LEVEL,
    retry: {
      maxAttempts: env.MESSAGE_MAX_ATTEMPTS,
      baseDelayMs: env.MESSAGE_RETRY_BASE_MS,
      maxDelayMs: env.MESSAGE_RETRY_MAX_MS,
    },
    http: { port: env.HTTP_PORT, host: env.HTTP_HOST },
    outboxReplayWindowMs: env.OUTBOX_REPLAY_WINDOW_MS,
  });
}

if (require.main === module) {
  startInvite().catch((error: Error) => {
    process.stderr.write(`invite failed to start: ${error.message}\n`);
    process.exit(1);
  });
}
