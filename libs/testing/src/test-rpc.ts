import { AmqpNames, RpcClient } from '@gatehouse/messaging';
import { testAmqpUrl } from './test-env';

/** An RPC client as another internal service would have it, for a test namespace. */
export function testRpcClient(namespace: string, timeoutMs = 5000): RpcClient {
  return new RpcClient({ url: testAmqpUrl(), names: new AmqpNames(namespace), timeoutMs });
}
