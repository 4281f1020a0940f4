import { DynamicModule, MiddlewareConsumer, Module, NestModule, ValidationPipe } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { VALIDATION_PIPE_OPTIONS } from '@gatehouse/contracts';
import { BrokerConnection, MessagingModule } from '@gatehouse/messaging';
import { ObservabilityModule } from '@gatehouse/observability';
import { AccountResolver } from './tenancies/account-resolver';
import { HubsController } from './hubs/hubs.controller';
import { TenanciesController } from './tenancies/tenancies.controller';
import { TenancyHubsController } from './hubs/tenancy-hubs.controller';
import { ActorNames } from './audit/actor-names';
import { AuditController } from './audit/audit.controller';
import { AuthController } from './auth/auth.controller';
import { AuthGuard } from './auth/auth.guard';
import { BrowserSessions } from './auth/browser-sessions';
import { SessionController } from './auth/session.controller';
import { BearerTokens } from './auth/bearer-tokens';
import { HttpErrorFilter } from './errors/http-error.filter';
import { GatewayEnv } from './gateway.config';
import { CorrelationMiddleware } from './http/correlation.middleware';
import { ImportsController } from './imports/imports.controller';
import { TenancyImportsController } from './imports/tenancy-imports.controller';
import { InviteBatch } from './invites/invite-batch';
import { InvitesController } from './invites/invites.controller';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { EmailPreviewController } from './tenancies/email-preview.controller';
import { TenancyAdminCheck } from './tenancies/tenancy-admin-check';
import { AcceptInvitePageController } from './public-pages/accept-invite/accept-invite.controller';
import { JoinPageController } from './public-pages/join/join.controller';
import { SignupConfirmPageController } from './public-pages/join/signup-confirm.controller';
import { TenancyStatsController } from './stats/tenancy-stats.controller';
import { SystemHealthController } from './system/system-health.controller';
import { SystemHealthCheck } from './system/system-health-check';
import { RegistrationLinkController } from './registration-links/registration-link.controller';
import { PgThrottlerStorage } from './rate-limits/pg-throttler-storage';
import { RateLimitsModule } from './rate-limits/rate-limits.module';

/**
 * The gateway's root module: HTTP in, RPC out. The only data it keeps is its rate limits' hits (schema
 * `gateway`), in PostgreSQL so that every replica counts the same.
 */
@Module({})
export class GatewayModule implements NestModule {
  static forRoot(env: GatewayEnv): DynamicModule {
    const rateLimits = RateLimitsModule.register(env);
    return {
      module: GatewayModule,
      imports: [
        JwtModule.register({}),
        rateLimits,
        ThrottlerModule.forRootAsync({
          imports: [rateLimits],
          inject: [PgThrottlerStorage],
          useFactory: (storage: PgThrottlerStorage) => ({
            throttlers: [{ name: 'default', ttl: 60_000, limit: env.SIGN_IN_RATE_LIMIT }],
            storage,
          }),
        }),
        MessagingModule.register({
          amqpUrl: env.AMQP_URL,
          namespace: env.AMQP_NAMESPACE,
          rpcTimeoutMs: env.RPC_TIMEOUT_MS,
        }),
        ObservabilityModule.register('gateway', {
          inject: [BrokerConnection],
          useFactory: (broker: BrokerConnection) => [{ name: 'broker', check: () => broker.isHealthy() }],
        }),
      ],
      controllers: [
        ImportsController,
        AuthController,
        SessionController,
        TenanciesController,
        TenancyHubsController,
        HubsController,
        InvitesController,
        AcceptInvitePageController,
        RegistrationLinkController,
        SignupConfirmPageController,
        JoinPageController,
        DeliveriesController,
        EmailPreviewController,
        SystemHealthController,
        TenancyStatsController,
        TenancyImportsController,
        AuditController,
      ],
      providers: [
        { provide: GatewayEnv, useValue: env },
        BearerTokens,
        BrowserSessions,
        AccountResolver,
        InviteBatch,
        TenancyAdminCheck,
        SystemHealthCheck,
        ActorNames,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_PIPE, useValue: new ValidationPipe(VALIDATION_PIPE_OPTIONS) },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware).forRoutes('*');
  }
}
