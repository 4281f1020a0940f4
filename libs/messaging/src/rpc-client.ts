import { ClientRMQ, RmqRecordBuilder } from '@nestjs/microservices';
import {
  ERROR_CODES,
  RpcPattern,
  RpcRequest,
  RpcResponse,
  ServiceName,
  serviceOfPattern,
  DomainError,
} from '@gatehouse/contracts';
import { TimeoutError, firstValueFrom, timeout } from 'rxjs';
import { CORRELATION_HEADER, currentCorrelationId } from './correlation';
import { rmqClientOptions } from './rmq-options';
import { AmqpNames } from './topology';

export interface RpcClientSettings {
  url: string;
  names: AmqpNames;
  timeoutMs: number;
}

/**
 * The typed way to call another service: the pattern decides the request and response types
 * (libs/contracts RpcContract) and the queue. Every call has a timeout; a remote domain error is
 * rethrown here as a DomainError with the same code.
 */
export class RpcClient {
  private readonly clients = new Map<ServiceName, ClientRMQ>();

  constructor(private readonly settings: RpcClientSettings) {}

  async call<P extends RpcPattern>(
    pattern: P,
    request: RpcRequest<P>,
    options: { timeoutMs?: number } = {},
  ): Promise<RpcResponse<P>> {
    const service = serviceOfPattern(pattern);
    const timeoutMs = options.timeoutMs ?? this.settings.timeoutMs;
    const record = new RmqRecordBuilder(request)
      .setOptions({
        headers: { [CORRELATION_HEADER]: currentCorrelationId() ?? '' },
        // A request nobody took in time is worthless: the broker drops it instead of running it late.
        expiration: String(timeoutMs),
      })
      .build();
    try {
      const client = this.clientFor(service);
      return await firstValueFrom(client.send<RpcResponse<P>>(pattern, record).pipe(timeout(timeoutMs)));
    } catch (error) {
      if (error instanceof TimeoutError) {
        throw new DomainError(
          ERROR_CODES.RPC_TIMEOUT,
          `The ${service} service did not answer within ${timeoutMs} ms. Try again in a moment.`,
          { pattern, service, timeoutMs },
        );
      }
      if (error instanceof DomainError) throw error;
      if (error instanceof Error) {
        throw new DomainError(ERROR_CODES.RPC_UNAVAILABLE, `The ${service} service cannot be reached.`, {
          pattern,
          service,
          cause: error.message,
        });
      }
      throw DomainError.fromWire(error);
    }
  }

  private clientFor(service: ServiceName): ClientRMQ {
    let client = this.clients.get(service);
    if (!client) {
      client = new ClientRMQ(rmqClientOptions(this.settings, this.settings.names.rpcQueue(service)));
      this.clients.set(service, client);
    }
    return client;
  }

  async close(): Promise<void> {
    await Promise.all([...this.clients.values()].map((client) => client.close()));
    this.clients.clear();
  }
}
