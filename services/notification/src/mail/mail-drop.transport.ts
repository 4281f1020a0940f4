import { appendFile, mkdir, rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import nodemailer from 'nodemailer';
import { toNodemailerMessage } from './compose-mail';
import type { MailTransport, OutgoingMail, SentMail } from './mail-transport';

/** One line of index.jsonl. */
export interface MailDropEntry {
  time: string;
  to: string;
  subject: string;
  /** The .eml file, relative to the mail drop directory. */
  file: string;
  messageId: string;
}

export const MAIL_DROP_INDEX = 'index.jsonl';

/**
 * The transport used when no SMTP server is configured (`npm start` by default): every email becomes
 * an RFC 822 .eml file in the mail drop directory (any mail client opens it), and one JSON line in
 * index.jsonl says when it was "sent", to whom, with which subject and in which file, for the console.
 * The message is built by nodemailer exactly as it would go over SMTP.
 */
export class MailDropTransport implements MailTransport {
  readonly kind = 'mail-drop' as const;
  private readonly composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  private ready: Promise<unknown> | null = null;

  constructor(readonly directory: string) {}

  async send(mail: OutgoingMail): Promise<SentMail> {
    this.ready ??= mkdir(this.directory, { recursive: true });
    await this.ready;
    const info = await this.composer.sendMail(toNodemailerMessage(mail));
    const time = new Date();
    const file = `${time.toISOString().replace(/[:.]/g, '-')}-${fileSafe(mail.messageId)}.eml`;
    const target = path.join(this.directory, file);
    // Written under a temporary name and renamed: a reader never sees half a message.
    await writeFile(`${target}.tmp`, info.message as Buffer);
    await rename(`${target}.tmp`, target);
    const entry: MailDropEntry = {
      time: time.toISOString(),
      to: mail.to,
      subject: mail.subject,
      file,
      messageId: mail.messageId,
    };
    await appendFile(path.join(this.directory, MAIL_DROP_INDEX), `${JSON.stringify(entry)}\n`);
    return { messageId: info.messageId || mail.messageId };
  }

  async close(): Promise<void> {
    this.composer.close();
  }
}

function fileSafe(messageId: string): string {
  return messageId.replace(/^<|>$/g, '').replace(/[^A-Za-z0-9._-]/g, '_');
}
