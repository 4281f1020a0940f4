import 'reflect-metadata';
import { loadEnv } from '@gatehouse/config';
import { bootBackendService } from '@gatehouse/service-runtime';
import { NotificationEnv } from './notification.config';
import { NotificationModule } from './notification.module';
import { NOTIFICATION_TOPOLOGY } from './notification.topology';

export async function startNotification(source: Record<string, string | undefined> = process.env) {
  const env = loadEnv(NotificationEnv, source);
  return bootBackendService({
    ...NOTIFICATION_TOPOLOGY,
    module: NotificationModule.forRoot(env),
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
  startNotification().catch((error: Error) => {
    process.stderr.write(`notification failed to start: ${error.message}\n`);
    process.exit(1);
  });
}
