import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { DynamicModule, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { backendInfrastructure } from '@gatehouse/service-runtime';
import { NOTIFICATION_MIGRATIONS } from './database/migrations';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { DeliveriesService } from './deliveries/deliveries.service';
import { DeliveryIntake } from './deliveries/delivery-intake';
import { DELIVERY_SETTINGS, DeliverySettings, MAX_BATCH_SIZE } from './deliveries/delivery-settings';
import { DeliveryMetrics } from './deliveries/delivery.metrics';
import { DeliveryRepository } from './deliveries/delivery.repository';
import { DeliveryWorker } from './deliveries/delivery.worker';
import { InviteLinkRenewal } from './deliveries/invite-link-renewal';
import { HubMemberEventsConsumer } from './events/hub-member-events.consumer';
import { InviteEventsConsumer } from './events/invite-events.consumer';
import { SignupEventsConsumer } from './events/signup-events.consumer';
import { PolicyEventsConsumer } from './events/policy-events.consumer';
import { MAIL_TRANSPORT, MailTransport } from './mail/mail-transport';
import { mailTransportProvider } from './mail/mail-transport.provider';
import { NotificationEnv, NOTIFICATION_SCHEMA } from './notification.config';
import { PolicyReadModel } from './policy/policy-read-model';
import { DeliveryStatsController } from './stats/delivery-stats.controller';
import { DeliveryStatsRepository } from './stats/delivery-stats.repository';
import { DeliveryBacklogMetrics } from './stats/delivery-backlog.metrics';
import { InvitePreviewService } from './preview/invite-preview.service';
import { PreviewController } from './preview/preview.controller';
import { EMAIL_TEMPLATES_DIR, TemplateRenderer, defaultTemplatesDir } from './rendering';

/**
 * The templates next to this code when the build copied them there (dist/…/src/templates, the only
 * copy in the Docker image), otherwise the source tree's (running from src, or a tsc-only build).
 */
export function shippedTemplatesDir(): string {
  const beside = path.join(__dirname, 'templates');
  return existsSync(path.join(beside, 'invite.html.hbs')) ? beside : defaultTemplatesDir();
}

export function deliverySettings(env: NotificationEnv): DeliverySettings {
  // A round claims only what it sends at once: a crash then leaves only those emails in doubt.
  const concurrency = env.SMTP_URL ? env.SMTP_POOL_MAX_CONNECTIONS * 2 : 8;
  const batchSize = Math.max(1, Math.min(MAX_BATCH_SIZE, env.MAIL_RATE_PER_SECOND, concurrency));
  return {
    maxAttempts: env.DELIVERY_MAX_ATTEMPTS,
    baseBackoffMs: env.DELIVERY_BASE_BACKOFF_MS,
    pollIntervalMs: env.DELIVERY_POLL_INTERVAL_MS,
    owner: `${env.REPLICA_ID}/notification`,
    claimLeaseMs: env.DELIVERY_CLAIM_LEASE_MS,
    crashPolicy: env.DELIVERY_CRASH_POLICY,
    batchSize,
    concurrency: batchSize,
    ratePerSecond: env.MAIL_RATE_PER_SECOND,
    sender: {
      fromName: env.MAIL_FROM_NAME,
      fromAddress: env.MAIL_FROM_ADDRESS,
      replyTo: env.MAIL_REPLY_TO ?? null,
    },
  };
}

/** The notification service's root module: the only place its infrastructure modules are configured. */
@Module({})
export class NotificationModule implements OnApplicationShutdown {
  constructor(@Inject(MAIL_TRANSPORT) private readonly transport: MailTransport) {}

  static forRoot(env: NotificationEnv): DynamicModule {
    return {
      module: NotificationModule,
      imports: backendInfrastructure(env, {
        service: 'notification',
        schema: NOTIFICATION_SCHEMA,
        entities: [],
        migrations: NOTIFICATION_MIGRATIONS,
      }),
      controllers: [
        InviteEventsConsumer,
        HubMemberEventsConsumer,
        SignupEventsConsumer,
        PolicyEventsConsumer,
        DeliveriesController,
        PreviewController,
        DeliveryStatsController,
      ],
      providers: [
        { provide: NotificationEnv, useValue: env },
        { provide: DELIVERY_SETTINGS, useValue: deliverySettings(env) },
        { provide: EMAIL_TEMPLATES_DIR, useValue: shippedTemplatesDir() },
        mailTransportProvider,
        TemplateRenderer,
        PolicyReadModel,
        DeliveryRepository,
        DeliveryMetrics,
        DeliveryWorker,
        DeliveryIntake,
        DeliveriesService,
        InviteLinkRenewal,
        InvitePreviewService,
        DeliveryStatsRepository,
        DeliveryBacklogMetrics,
      ],
    };
  }

  /** After the worker has stopped (beforeApplicationShutdown): close the SMTP pool. */
  async onApplicationShutdown(): Promise<void> {
    await this.transport.close();
  }
}
