import { AddressInfo } from 'node:net';
import { pollUntil } from '../../../scripts/processes';
import { SMTPServer, SMTPServerAddress, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';

/** An email as the sink received it, with the parts a test looks at. */
export interface ReceivedMail {
  /** SMTP envelope. */
  from: string;
  to: string[];
  /** Header names in lower case; folded lines joined, encoded words decoded. */
  headers: Record<string, string>;
  subject: string;
  text: string;
  html: string;
  raw: string;
}

type Failure = { code: number; message: string };

const smtpError = ({ code, message }: Failure) => Object.assign(new Error(message), { responseCode: code });

/**
 * A real SMTP server in the test process (smtp-server on 127.0.0.1, any free port) that keeps what it
 * receives. Used by the notification service's integration tests and by the whole-system tests. It can be told to refuse: the next N messages with a 4xx (`failNext`), or one recipient
 * with a 5xx (`rejectRecipient`). Reverse DNS is off (it would query the network for every connection)
 * and STARTTLS is hidden (its certificate is self-signed).
 */
export class SmtpSink {
  readonly messages: ReceivedMail[] = [];
  /** Every MAIL FROM the sink answered, accepted or not. */
  attempts = 0;
  private server: SMTPServer | null = null;
  private port = 0;
  private transientFailures: Failure[] = [];
  private readonly rejected = new Map<string, Failure>();

  /** Port 0 (default): any free port. */
  static async start(port = 0): Promise<SmtpSink> {
    const sink = new SmtpSink();
    await sink.listen(port);
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** The next `count` messages are refused at MAIL FROM with `code` (421 also closes the connection). */
  failNext(count: number, code = 421, message = 'Service not available, try again later'): void {
    for (let i = 0; i < count; i++) this.transientFailures.push({ code, message });
  }

  rejectRecipient(address: string, code = 550, message = 'Mailbox unavailable'): void {
    this.rejected.set(address.toLowerCase(), { code, message });
  }

  acceptRecipient(address: string): void {
    this.rejected.delete(address.toLowerCase());
  }

  /** Messages whose envelope includes this recipient. */
  to(address: string): ReceivedMail[] {
    return this.messages.filter((m) => m.to.some((to) => to.toLowerCase() === address.toLowerCase()));
  }

  /** Waits until `count` messages in all have arrived; fails after `timeoutMs` (no speed assertion). */
  waitForTotal(count: number, timeoutMs = 15000): Promise<ReceivedMail[]> {
    return pollUntil(() => this.messages.length >= count && this.messages, `${count} email(s) in all`, {
      timeoutMs,
      detail: () => `got ${this.messages.length}`,
    });
  }

  /** Waits until `count` messages to `address` have arrived; fails after `timeoutMs` (no speed assertion). */
  waitFor(address: string, count = 1, timeoutMs = 15000): Promise<ReceivedMail[]> {
    return pollUntil(
      () => {
        const mails = this.to(address);
        return mails.length >= count && mails;
      },
      `${count} email(s) to ${address}`,
      { timeoutMs, intervalMs: 20, detail: () => `got ${this.to(address).length}` },
    );
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private listen(port: number): Promise<void> {
    const server = new SMTPServer({
      disableReverseLookup: true,
      authOptional: true,
      hideSTARTTLS: true,
      logger: false,
      closeTimeout: 1000,
      onMailFrom: (
        _address: SMTPServerAddress,
        _session: SMTPServerSession,
        callback: (err?: Error | null) => void,
      ) => {
        this.attempts++;
        const failure = this.transientFailures.shift();
        callback(failure ? smtpError(failure) : null);
      },
      onRcptTo: (address: SMTPServerAddress, _session: SMTPServerSession, callback: (err?: Error | null) => void) => {
        const failure = this.rejected.get(address.address.toLowerCase());
        callback(failure ? smtpError(failure) : null);
      },
      onData: (stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.messages.push(receivedMail(raw, session));
          callback(null);
        });
      },
    });
    server.on('error', () => undefined);
    this.server = server;
    return new Promise((resolve, reject) => {
      server.listen(port, '127.0.0.1', () => {
        this.port = (server.server.address() as AddressInfo).port;
        resolve();
      });
      server.server.once('error', reject);
    });
  }
}

/**
 * Parsed on first look, so that a sink taking thousands of messages a second stays cheap: the headers
 * (enough for the subject) on their own, the body parts only when a test reads them.
 */
function receivedMail(raw: string, session: SMTPServerSession): ReceivedMail {
  let head: Record<string, string> | null = null;
  let parsed: ReturnType<typeof parseMessage> | null = null;
  const headers = () => (head ??= splitHeaders(raw.slice(0, headerEnd(raw))).headers);
  const part = (key: 'text' | 'html') => (parsed ??= parseMessage(raw))[key];
  return {
    from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
    to: session.envelope.rcptTo.map((r) => r.address),
    raw,
    get headers() {
      return headers();
    },
    get subject() {
      return headers()['subject'] ?? '';
    },
    get text() {
      return part('text');
    },
    get html() {
      return part('html');
    },
  };
}

/** Where the header block of a message ends (the first empty line), or its length when there is none. */
function headerEnd(raw: string): number {
  const end = raw.search(/\r?\n\r?\n/);
  return end >= 0 ? end : raw.length;
}

/**
 * Just enough MIME for nodemailer's output: headers (unfolded, RFC 2047 words decoded), and the
 * text/plain and text/html parts of a multipart/alternative body, 7bit, quoted-printable or base64.
 */
export function parseMessage(raw: string): Omit<ReceivedMail, 'from' | 'to' | 'raw'> {
  const { headers, body } = splitHeaders(raw);
  const parts: Record<string, string> = {};
  collectParts(headers, body, parts);
  return {
    headers,
    subject: headers['subject'] ?? '',
    text: parts['text/plain'] ?? '',
    html: parts['text/html'] ?? '',
  };
}

function splitHeaders(entity: string): { headers: Record<string, string>; body: string } {
  const normalized = entity.replace(/\r\n/g, '\n');
  const end = normalized.indexOf('\n\n');
  const head = end >= 0 ? normalized.slice(0, end) : normalized;
  const body = end >= 0 ? normalized.slice(end + 2) : '';
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function collectParts(headers: Record<string, string>, body: string, parts: Record<string, string>): void {
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    for (const section of body.split(`--${boundary}`).slice(1)) {
      if (section.startsWith('--')) break;
      const part = splitHeaders(section.replace(/^\n/, ''));
      collectParts(part.headers, part.body, parts);
    }
    return;
  }
  const mime = type.split(';')[0].trim().toLowerCase();
  const charset = /charset="?([^";]+)"?/i.exec(type)?.[1] ?? 'utf-8';
  parts[mime] = decodeBody(body, headers['content-transfer-encoding'] ?? '7bit', charset);
}

function decodeBody(body: string, encoding: string, charset: string): string {
  const enc = encoding.toLowerCase();
  const text = body.replace(/\n$/, '');
  if (enc === 'base64') return Buffer.from(text.replace(/\s+/g, ''), 'base64').toString(nodeCharset(charset));
  if (enc === 'quoted-printable') return decodeQuotedPrintable(text, charset);
  return text;
}

function decodeQuotedPrintable(text: string, charset: string): string {
  // Quoted-printable is 7-bit: every byte is either itself or "=XX"; soft line breaks are "=\n".
  const binary = text
    .replace(/=\n/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(binary, 'latin1').toString(nodeCharset(charset));
}

function decodeWords(value: string): string {
  return value
    .replace(/(=\?[^?]+\?[BbQq]\?[^?]*\?=)\s+(?==\?)/g, '$1')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, charset: string, kind: string, data: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString(nodeCharset(charset))
        : decodeQuotedPrintable(data.replace(/_/g, ' '), charset),
    );
}

function nodeCharset(charset: string): BufferEncoding {
  return /^utf-?8$/i.test(charset) ? 'utf8' : 'latin1';
}
