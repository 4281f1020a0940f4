import 'reflect-metadata';
import { loadEnv } from '@gatehouse/config';
import { bootBackendServiceFromEnv, exitOnBootFailure } from '@gatehouse/service-runtime';
import { NotificationEnv } from './notification.config';
import { NotificationModule } from './notification.module';
import { NOTIFICATION_TOPOLOGY } from './notification.topology';

export async function startNotification(source: Record<string, string | undefined> = process.env) {
  const env = loadEnv(NotificationEnv, source);
  return bootBackendServiceFromEnv(env, NOTIFICATION_TOPOLOGY, NotificationModule.forRoot(env));
}

if (require.main === module) {
  startNotification().catch(exitOnBootFailure('notification'));
}
