import {
  BeforeApplicationShutdown,
  DynamicModule,
  Inject,
  Module,
  OnApplicationShutdown,
  OnModuleDestroy,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { BrokerConnection } from './broker-connection';
import { ConsumerDrain } from './consumer-drain';
import { DefinitionsRestoredConsumer } from './outbox/definitions-restored';
import { OutboxRelay } from './outbox/outbox-relay';
import { OutboxWriter } from './outbox/outbox-writer';
import { RpcClient } from './rpc-client';
import { AmqpNames } from './topology';

export interface MessagingSettings {
  amqpUrl: string;
  namespace: string;
  rpcTimeoutMs: number;
  /** For the outbox: the service's schema and a URL for the relay's LISTEN connection. Omit in the gateway. */
  outbox?: { schema: string; databaseUrl: string };
  /** On a graceful stop, how long the handlers under way may take to finish. */
  drainTimeoutMs?: number;
}

export const MESSAGING_SETTINGS = Symbol('MESSAGING_SETTINGS');

/**
 * The RabbitMQ side of one process: names, the raw broker connection, the typed RPC client and, for a
 * producing service, the outbox writer and relay. Registered once, by the service's root module.
 */
@Module({})
export class MessagingModule implements OnModuleDestroy, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly broker: BrokerConnection,
    private readonly rpc: RpcClient,
    private readonly drain: ConsumerDrain,
  ) {}

  static register(settings: MessagingSettings): DynamicModule {
    const outboxProviders = settings.outbox
      ? [
          { provide: OutboxWriter, useValue: new OutboxWriter(settings.outbox.schema) },
          {
            provide: OutboxRelay,
            inject: [DataSource, BrokerConnection, AmqpNames],
            useFactory: (dataSource: DataSource, broker: BrokerConnection, names: AmqpNames) =>
              new OutboxRelay(dataSource, settings.outbox!.databaseUrl, settings.outbox!.schema, broker, names),
          },
        ]
      : [];
    return {
      module: MessagingModule,
      global: true,
      // A producing service publishes its recent events again when any service finds the broker lost its definitions.
      controllers: settings.outbox ? [DefinitionsRestoredConsumer] : [],
      providers: [
        { provide: MESSAGING_SETTINGS, useValue: settings },
        { provide: AmqpNames, useValue: new AmqpNames(settings.namespace) },
        { provide: BrokerConnection, useFactory: () => new BrokerConnection(settings.amqpUrl) },
        { provide: ConsumerDrain, useValue: new ConsumerDrain(settings.drainTimeoutMs) },
        {
          provide: RpcClient,
          inject: [AmqpNames],
          useFactory: (names: AmqpNames) =>
            new RpcClient({ url: settings.amqpUrl, names, timeoutMs: settings.rpcTimeoutMs }),
        },
        ...outboxProviders,
      ],
      exports: [
        MESSAGING_SETTINGS,
        AmqpNames,
        BrokerConnection,
        RpcClient,
        ConsumerDrain,
        ...outboxProviders.map((p) => p.provide),
      ],
    };
  }

  /** A graceful stop begins here: no new messages, the handlers under way finish (bounded). */
  async onModuleDestroy(): Promise<void> {
    await this.drain.drain();
  }

  /** The relay publishes what is pending, then stops, before the database pool closes. */
  async beforeApplicationShutdown(): Promise<void> {
    let relay: OutboxRelay | undefined;
    try {
      relay = this.moduleRef.get(OutboxRelay, { strict: false });
    } catch {
      return; // a process without an outbox (the gateway)
    }
    await relay?.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.rpc.close();
    await this.broker.close();
  }
}

export const InjectMessagingSettings = () => Inject(MESSAGING_SETTINGS);
