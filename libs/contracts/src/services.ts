/** The processes that own an RPC queue; a queue is named `<namespace>.<service>.rpc`. */
export const SERVICE_NAMES = ['hub', 'invite', 'notification'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Which service answers a pattern: its first segment. */
export function serviceOfPattern(pattern: string): ServiceName {
  const service = pattern.split('.')[0];
  if (!(SERVICE_NAMES as readonly string[]).includes(service)) {
    throw new Error(`Pattern "${pattern}" does not start with a service name`);
  }
  return service as ServiceName;
}
