import nodemailer from 'nodemailer';
import type { MailTransport, OutgoingMail, SentMail } from './mail-transport';
import { toNodemailerMessage } from './compose-mail';

export interface SmtpSettings {
  url: string;
  maxConnections: number;
}

/**
 * nodemailer's pooled SMTP transport: `maxConnections` long-lived connections, each sending any number
 * of messages (maxMessages: Infinity — twice the throughput of the default 100 here). Two settings
 * serve "at most once": maxRequeues 0 (the pool never resends a message whose connection dropped; the
 * failure comes back to the worker, which counts it as an attempt) and explicit timeouts, so a hung
 * exchange ends well inside the worker's "sending" timeout.
 */
export class SmtpTransport implements MailTransport {
  readonly kind = 'smtp' as const;
  private readonly transporter;

  constructor(settings: SmtpSettings) {
    this.transporter = nodemailer.createTransport({
      url: settings.url,
      pool: true,
      maxConnections: settings.maxConnections,
      maxMessages: Infinity,
      maxRequeues: 0,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 60_000,
    });
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    const info = await this.transporter.sendMail(toNodemailerMessage(mail));
    return { messageId: info.messageId || mail.messageId };
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}
