import * as path from 'node:path';
import { Logger, Provider } from '@nestjs/common';
import { NotificationEnv } from '../notification.config';
import { MailDropTransport } from './mail-drop.transport';
import { MAIL_TRANSPORT, MailTransport } from './mail-transport';
import { SmtpTransport } from './smtp.transport';

/** SMTP when SMTP_URL is set, otherwise the local mail drop. */
export function createMailTransport(env: NotificationEnv, cwd: string = process.cwd()): MailTransport {
  const logger = new Logger('MailTransport');
  if (env.SMTP_URL) {
    const url = new URL(env.SMTP_URL);
    logger.log(`sending over SMTP to ${url.protocol}//${url.host} (pool of ${env.SMTP_POOL_MAX_CONNECTIONS})`);
    return new SmtpTransport({ url: env.SMTP_URL, maxConnections: env.SMTP_POOL_MAX_CONNECTIONS });
  }
  const directory = path.resolve(cwd, env.MAIL_DROP_DIR);
  logger.log(`no SMTP_URL: emails go to the mail drop in ${directory}`);
  return new MailDropTransport(directory);
}

export const mailTransportProvider: Provider = {
  provide: MAIL_TRANSPORT,
  inject: [NotificationEnv],
  useFactory: (env: NotificationEnv) => createMailTransport(env),
};
