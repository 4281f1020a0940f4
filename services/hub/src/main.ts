import 'reflect-metadata';
import { loadEnv } from '@gatehouse/config';
import { bootBackendServiceFromEnv, exitOnBootFailure } from '@gatehouse/service-runtime';
import { HubEnv } from './hub.config';
import { HubModule } from './hub.module';
import { HUB_TOPOLOGY } from './hub.topology';

export async function startHub(source: Record<string, string | undefined> = process.env) {
  const env = loadEnv(HubEnv, source);
  return bootBackendServiceFromEnv(env, HUB_TOPOLOGY, HubModule.forRoot(env));
}

if (require.main === module) {
  startHub().catch(exitOnBootFailure('hub'));
}
