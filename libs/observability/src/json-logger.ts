import { LoggerService } from '@nestjs/common';

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

/**
 * Structured logs: one JSON object a line on stdout, with the service name and the correlation id of
 * the request or message being handled.
 */
export class JsonLogger implements LoggerService {
  private readonly minimum: number;

  constructor(
    private readonly service: string,
    level: Level = 'info',
    private readonly correlationId: () => string | null = () => null,
    private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  ) {
    this.minimum = LEVELS.indexOf(level);
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.emit('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }

  private emit(level: Level, message: unknown, rest: unknown[]): void {
    if (LEVELS.indexOf(level) < this.minimum) return;
    // Nest passes (message, context) or, for errors, (message, stack, context).
    const context = typeof rest[rest.length - 1] === 'string' ? (rest[rest.length - 1] as string) : undefined;
    const stack = level === 'error' && rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined;
    const entry: Record<string, unknown> = {
      time: new Date().toISOString(),
      level,
      service: this.service,
      context,
      message: message instanceof Error ? message.message : message,
    };
    const correlationId = this.correlationId();
    if (correlationId) entry.correlationId = correlationId;
    if (stack) entry.stack = stack;
    else if (message instanceof Error) entry.stack = message.stack;
    this.write(JSON.stringify(entry));
  }
}
