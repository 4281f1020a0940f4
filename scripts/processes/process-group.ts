import { ChildProcess, spawn } from 'node:child_process';
import { pollUntil } from './poll-until';
import { ProcessName, processCommand } from './process-specs';

export interface StartedProcess {
  name: ProcessName;
  /** Which replica: the process name for the first ("invite"), then "invite-2", … */
  label: string;
  port: number;
  child: ChildProcess;
}

/**
 * Starts compiled Gatehouse processes as children, waits until each answers /health/ready, and stops
 * them all together. Used by `npm start` and by the whole-system tests.
 */
export class ProcessGroup {
  readonly started: StartedProcess[] = [];
  private readonly output: string[] = [];

  constructor(private readonly options: { inheritOutput?: boolean } = {}) {}

  async start(
    name: ProcessName,
    port: number,
    env: Record<string, string>,
    label: string = name,
  ): Promise<StartedProcess> {
    const { command, args } = processCommand(name);
    const child = spawn(command, args, {
      env: { ...process.env, ...env, HTTP_PORT: String(port) },
      stdio: this.options.inheritOutput ? 'inherit' : 'pipe',
    });
    if (!this.options.inheritOutput) {
      const keep = (chunk: Buffer) => {
        this.output.push(`[${label}] ${chunk.toString()}`);
        if (this.output.length > 500) this.output.shift();
      };
      child.stdout?.on('data', keep);
      child.stderr?.on('data', keep);
    }
    const started = { name, label, port, child };
    this.started.push(started);
    await this.waitReady(started);
    return started;
  }

  /** The last lines the children printed (for a failing test's message). */
  recentOutput(): string {
    return this.output.join('');
  }

  /** Stops every process, or every replica of `name`. */
  async stop(name?: ProcessName): Promise<void> {
    const targets = this.started.filter((p) => !name || p.name === name);
    await Promise.all(targets.map((p) => stopChild(p.child)));
    for (const target of targets) this.started.splice(this.started.indexOf(target), 1);
  }

  /**
   * Sends `signal` to a running process (SIGKILL: a crash; SIGTERM: a graceful stop) and waits until it
   * has exited; returns its exit code (null when a signal ended it). It is no longer in the group.
   * `label` names one replica ("invite-2"); a process name alone is its first replica.
   */
  async signal(label: string, signal: NodeJS.Signals): Promise<number | null> {
    const target = this.started.find((p) => p.label === label);
    if (!target) throw new Error(`${label} is not running`);
    const { child } = target;
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill(signal);
      });
    }
    this.started.splice(this.started.indexOf(target), 1);
    return child.exitCode;
  }

  private async waitReady({ label, port, child }: StartedProcess, timeoutMs = 60_000): Promise<void> {
    await pollUntil(
      async () => {
        if (child.exitCode !== null) {
          throw new Error(`${label} exited with code ${child.exitCode} while starting:\n${this.recentOutput()}`);
        }
        try {
          return (await fetch(`http://127.0.0.1:${port}/health/ready`)).ok;
        } catch {
          return false; // not listening yet
        }
      },
      `${label} to answer /health/ready on port ${port}`,
      { timeoutMs, intervalMs: 150, detail: () => this.recentOutput() },
    );
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
