import { ProcessGroup, ProcessName, StartedProcess } from '../scripts/processes';
import { nodeOptionsFor } from './deployed-node-options';

/** First HTTP port of the bench (BENCH_PORT_BASE), so that two benchmarks can run side by side on one machine. */
export const PORT_BASE = Number(process.env.BENCH_PORT_BASE ?? 3100);
const PORT_OFFSET: Record<ProcessName, number> = { gateway: 0, hub: 1, invite: 2, notification: 3 };
/** A port outside the replicas' (PORT_BASE + 10·(replica − 1) + offset), for a case's process of its own. */
export const SPARE_PORT = PORT_BASE + 4;

/** The first replica is labelled with the process name, the others "<name>-2", "<name>-3" (as ProcessGroup does). */
export const replicaLabel = (name: ProcessName, replica: number) => (replica === 1 ? name : `${name}-${replica}`);

/**
 * The environment a process runs with in the bench: the run's, its own extras, the NODE_OPTIONS of its
 * manifest (deploy/k8s) and a REPLICA_ID of its own (replicas on one host would otherwise share the
 * host name, and with it their claims on deliveries and import jobs).
 */
export function processEnv(
  name: ProcessName,
  label: string,
  env: Record<string, string>,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    ...env,
    ...extra,
    NODE_OPTIONS: nodeOptionsFor(name).value,
    REPLICA_ID: `${env.AMQP_NAMESPACE}-${label}`,
  };
}

/** The compiled processes of one bench run, each scaled to a number of replicas on ports of their own. */
export class BenchProcesses {
  readonly group = new ProcessGroup();

  constructor(private readonly env: Record<string, string>) {}

  /** The running replicas of `name`, first one first. */
  replicas(name: ProcessName): StartedProcess[] {
    return this.group.started.filter((p) => p.name === name).sort((a, b) => a.port - b.port);
  }

  /** HTTP port of a replica. */
  port(name: ProcessName, replica = 1): number {
    return PORT_BASE + 10 * (replica - 1) + PORT_OFFSET[name];
  }

  /**
   * Runs `count` replicas of `name`: starts the missing ones (with `extra` in their environment, waiting
   * until each is ready) and stops, gracefully, those above `count`.
   */
  async scale(name: ProcessName, count: number, extra: Record<string, string> = {}): Promise<void> {
    const running = this.replicas(name).length;
    for (let replica = running + 1; replica <= count; replica++) {
      const label = replicaLabel(name, replica);
      await this.group.start(name, this.port(name, replica), processEnv(name, label, this.env, extra), label);
    }
    if (count === 0) return this.group.stop(name); // SIGTERM, then SIGKILL after 10 s
    for (let replica = running; replica > count; replica--) {
      await this.group.signal(replicaLabel(name, replica), 'SIGTERM');
    }
  }

  stop(): Promise<void> {
    return this.group.stop();
  }
}
