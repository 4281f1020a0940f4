import type { INestApplication } from '@nestjs/common';
import { RpcPattern, RpcRequest, RpcResponse } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { EventSpy } from './event-spy';
import { deleteNamespace, newNamespace, resetSchemas, testProcessEnv } from './test-namespace';
import { testRpcClient } from './test-rpc';

/**
 * What every in-process service test needs around the service: its own AMQP namespace, a clean schema,
 * an RPC client into the namespace (as another internal service would have it), spies on its events, and
 * a stop that closes all of it and deletes the namespace. A service's fixture extends it (or a suite uses
 * it directly) and adds what only that service needs.
 */
export class ServiceTestBed {
  readonly namespace: string;
  app!: INestApplication;
  rpc!: RpcClient;
  private readonly spies: EventSpy[] = [];
  private readonly stopSteps: (() => Promise<unknown>)[] = [];

  constructor(label: string) {
    this.namespace = newNamespace(label);
  }

  /** The environment of a process in this namespace (testProcessEnv), with `extra` on top. */
  processEnv(extra: Record<string, string> = {}): Record<string, string> {
    return testProcessEnv(this.namespace, extra);
  }

  /** Drops these schemas, so that the services start from their migrations. */
  resetSchemas(...schemas: string[]): Promise<void> {
    return resetSchemas(...schemas);
  }

  /** Boots the service in-process (its main.ts's start function) and opens the RPC client. */
  async bootService(boot: () => Promise<INestApplication>, rpcTimeoutMs?: number): Promise<void> {
    this.app = await boot();
    this.rpc = testRpcClient(this.namespace, rpcTimeoutMs);
  }

  /** Something stop() ends after the service and the RPC client, before it deletes the namespace. */
  onStop(step: () => Promise<unknown>): void {
    this.stopSteps.push(step);
  }

  async stop(): Promise<void> {
    await Promise.all(this.spies.map((spy) => spy.stop()));
    await this.rpc?.close();
    await this.app?.close();
    for (const step of this.stopSteps) await step();
    await deleteNamespace(this.namespace);
  }

  /** The typed RPC call another internal service would make. */
  call<P extends RpcPattern>(pattern: P, request: RpcRequest<P>): Promise<RpcResponse<P>> {
    return this.rpc.call(pattern, request);
  }

  /** The RPC's domain error (code, message, details), or a failure if it succeeded. */
  async failure<P extends RpcPattern>(pattern: P, request: RpcRequest<P>): Promise<{ code: string; message: string }> {
    try {
      await this.rpc.call(pattern, request);
    } catch (error) {
      return error as { code: string; message: string };
    }
    throw new Error(`${pattern} succeeded, but a failure was expected`);
  }

  /** Records every event published in the namespace from now on; stopped with the test bed. */
  async spyOnEvents(): Promise<EventSpy> {
    const spy = await EventSpy.start(this.namespace);
    this.spies.push(spy);
    return spy;
  }
}
