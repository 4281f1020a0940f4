import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadEnv } from '@gatehouse/config';
import { currentCorrelationId } from '@gatehouse/messaging';
import { JsonLogger } from '@gatehouse/observability';
import { exitOnBootFailure, gracefulHttpShutdown } from '@gatehouse/service-runtime';
import cookieParser from 'cookie-parser';
import { GatewayEnv, trustProxySetting } from './gateway.config';
import { GatewayModule } from './gateway.module';
import { GatewayDatabase } from './rate-limits/gateway-database';
import { securityHeaders } from './http/security-headers';
import { mountOpenApi } from './openapi/openapi-document';
import { defaultWebRoot, mountWebApp } from './web/web-app';

export async function startGateway(source: Record<string, string | undefined> = process.env) {
  const env = loadEnv(GatewayEnv, source);
  const logger = new JsonLogger('gateway', env.LOG_LEVEL, currentCorrelationId);
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forRoot(env), { logger });
  // SIGTERM: no new connections, requests under way finish (bounded), RPC/broker/database closed, exit 0.
  gracefulHttpShutdown(app, { logger });
  await app.get(GatewayDatabase).open(); // the rate limits' table (schema `gateway`)
  // Who may tell us the client's address (rate limits): TRUST_PROXY, see gateway.config.ts.
  app.getHttpAdapter().getInstance().set('trust proxy', trustProxySetting(env.TRUST_PROXY));
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  app.use(securityHeaders(env.NODE_ENV === 'production'));
  app.use(cookieParser());
  mountOpenApi(app);
  mountWebApp(app, env.WEB_DIST_DIR ?? defaultWebRoot());
  await app.listen(env.HTTP_PORT, env.HTTP_HOST);
  return app;
}

if (require.main === module) {
  startGateway().catch(exitOnBootFailure('gateway'));
}
