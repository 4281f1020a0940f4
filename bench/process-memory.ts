import fs from 'node:fs';
import type { StartedProcess } from '../scripts/processes';

const KIB = /^(VmHWM|VmRSS):\s+(\d+) kB/gm;

function status(pid: number): { hwm: number; rss: number } {
  const text = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const values: Record<string, number> = {};
  for (const match of text.matchAll(KIB)) values[match[1]] = Number(match[2]) / 1024;
  return { hwm: values.VmHWM ?? 0, rss: values.VmRSS ?? 0 };
}

/**
 * Peak resident memory (MiB) of child processes over a stretch of a benchmark: the kernel's high-water
 * mark (VmHWM) is reset at the start (`5` > /proc/<pid>/clear_refs) and read at the end; where the reset
 * is not allowed, VmRSS sampled every 50 ms stands in.
 */
export class PeakMemory {
  private readonly sampled = new Map<string, number>();
  private readonly resettable = new Map<string, boolean>();
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly processes: readonly StartedProcess[]) {}

  start(): void {
    for (const { label, child } of this.processes) {
      let reset = true;
      try {
        fs.writeFileSync(`/proc/${child.pid}/clear_refs`, '5');
      } catch {
        reset = false;
      }
      this.resettable.set(label, reset);
      this.sampled.set(label, 0);
    }
    this.sample();
    this.timer = setInterval(() => this.sample(), 50);
  }

  /** MiB per replica label ("invite", "invite-2"). */
  stop(): Record<string, number> {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    const peaks: Record<string, number> = {};
    for (const { label, child } of this.processes) {
      const sampled = this.sampled.get(label) ?? 0;
      peaks[label] = this.resettable.get(label) ? Math.max(sampled, status(child.pid!).hwm) : sampled;
    }
    return peaks;
  }

  private sample(): void {
    for (const { label, child } of this.processes) {
      try {
        this.sampled.set(label, Math.max(this.sampled.get(label) ?? 0, status(child.pid!).rss));
      } catch {
        // the process is gone; its last sample stands
      }
    }
  }
}
