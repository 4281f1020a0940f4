import 'reflect-metadata';
import { loadEnv } from '@gatehouse/config';
import { bootBackendService } from '@gatehouse/service-runtime';
import { HubEnv } from './hub.config';
import { HubModule } from './hub.module';
import { HUB_TOPOLOGY } from './hub.topology';

export async function startHub(source: Record<string, string | undefined> = process.env) {
  const env = loadEnv(HubEnv, source);
  return bootBackendService({
    ...HUB_TOPOLOGY,
    module: HubModule.forRoot(env),
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
  startHub().catch((error: Error) => {
    process.stderr.write(`hub failed to start: ${error.message}\n`);
    process.exit(1);
  });
}
