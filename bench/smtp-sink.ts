import { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { pollUntil } from '../scripts/processes';

/** When a message arrived (ms, performance.now()) and its first envelope recipient. */
export interface Arrival {
  at: number;
  to: string;
}

/**
 * A local SMTP sink for benchmarks: smtp-server in this process on 127.0.0.1 (reverse DNS off, no auth,
 * no STARTTLS), which reads and discards each message and keeps only when it arrived and to whom.
 */
export class BenchSmtpSink {
  readonly arrivals: Arrival[] = [];
  private constructor(
    private readonly server: SMTPServer,
    readonly url: string,
  ) {}

  static async start(): Promise<BenchSmtpSink> {
    let sink: BenchSmtpSink | null = null;
    const server = new SMTPServer({
      disableReverseLookup: true,
      authOptional: true,
      hideSTARTTLS: true,
      logger: false,
      closeTimeout: 1000,
      size: 1024 * 1024,
      onData(stream, session, callback) {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          sink?.arrivals.push({ at: performance.now(), to: session.envelope.rcptTo[0]?.address ?? '' });
          callback(null);
        });
      },
    });
    server.on('error', () => undefined);
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = server.server.address() as AddressInfo;
    sink = new BenchSmtpSink(server, `smtp://127.0.0.1:${port}`);
    return sink;
  }

  count(match: (to: string) => boolean = () => true): number {
    let n = 0;
    for (const arrival of this.arrivals) if (match(arrival.to)) n++;
    return n;
  }

  /** Resolves with the arrival of the `count`-th matching message; rejects after `timeoutMs`. */
  waitFor(count: number, match: (to: string) => boolean, timeoutMs: number): Promise<Arrival[]> {
    return pollUntil(
      () => {
        const matching = this.arrivals.filter((a) => match(a.to));
        return matching.length >= count && matching;
      },
      `${count} messages at the SMTP sink`,
      { timeoutMs, intervalMs: 20, detail: () => `got ${this.count(match)}` },
    );
  }

  reset(): void {
    this.arrivals.length = 0;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
