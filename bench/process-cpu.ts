import fs from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat. */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/**
 * CPU seconds used so far by every PostgreSQL process of this machine (it is shared: read it as an
 * estimate) — or, given `database`, by the backends serving that database only (background writers and
 * the WAL writer, shared by all, left out).
 */
export function postgresCpuSeconds(database?: string): number {
  return commandCpuSeconds(
    'postgres',
    (pid) => !database || fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(` ${database} `),
  );
}

/** CPU seconds used so far by RabbitMQ's Erlang VM (the machine's broker, shared: an estimate). */
export function brokerCpuSeconds(): number {
  return commandCpuSeconds('beam.smp');
}

function commandCpuSeconds(command: string, counted: (pid: string) => boolean = () => true): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== command || !counted(entry)) continue;
      total += cpuSeconds(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/**
 * CPU seconds per process over a stretch of a benchmark: the started processes, PostgreSQL's backends of
 * one database, and the broker.
 */
export class CpuUse {
  private readonly before: Map<string, number>;

  constructor(
    private readonly processes: readonly { name: string; child: { pid?: number } }[],
    private readonly database: string,
  ) {
    this.before = this.read();
  }

  /** CPU seconds each used since the start (backends that ended meanwhile are not counted). */
  stop(): Record<string, number> {
    const after = this.read();
    return Object.fromEntries([...after].map(([name, seconds]) => [name, seconds - (this.before.get(name) ?? 0)]));
  }

  private read(): Map<string, number> {
    const seconds = new Map<string, number>();
    for (const { name, child } of this.processes) if (child.pid) seconds.set(name, cpuSeconds(child.pid));
    seconds.set('postgres', postgresCpuSeconds(this.database));
    seconds.set('rabbitmq', brokerCpuSeconds());
    return seconds;
  }
}
