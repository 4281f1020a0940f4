import { EnvValidationError, loadEnv } from '@gatehouse/config';
import { NotificationEnv } from './notification.config';
import { defaultTemplatesDir } from './rendering';
import { deliverySettings, shippedTemplatesDir } from './notification.module';

describe('NotificationEnv', () => {
  it('has defaults for everything (mail drop, no SMTP)', () => {
    const env = loadEnv(NotificationEnv, {});
    expect(env).toMatchObject({
      HTTP_PORT: 3003,
      MAIL_DROP_DIR: 'var/mail-drop',
      MAIL_FROM_ADDRESS: 'gatehouse@localhost',
      MAIL_FROM_NAME: 'Gatehouse',
      MAIL_RATE_PER_SECOND: 200,
      SMTP_POOL_MAX_CONNECTIONS: 5,
      DELIVERY_MAX_ATTEMPTS: 6,
      DELIVERY_BASE_BACKOFF_MS: 2000,
    });
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.MAIL_REPLY_TO).toBeUndefined();
  });

  it('reads SMTP and numbers from strings; an empty variable means unset', () => {
    const env = loadEnv(NotificationEnv, {
      SMTP_URL: 'smtp://127.0.0.1:2525',
      MAIL_RATE_PER_SECOND: '50',
      MAIL_REPLY_TO: '',
    });
    expect(env.SMTP_URL).toBe('smtp://127.0.0.1:2525');
    expect(env.MAIL_RATE_PER_SECOND).toBe(50);
    expect(env.MAIL_REPLY_TO).toBeUndefined();
    expect(loadEnv(NotificationEnv, { SMTP_URL: '' }).SMTP_URL).toBeUndefined();
  });

  it('refuses what cannot work, listing every problem', () => {
    expect(() =>
      loadEnv(NotificationEnv, { SMTP_URL: 'http://x', MAIL_FROM_ADDRESS: 'nobody', MAIL_RATE_PER_SECOND: '0' }),
    ).toThrow(EnvValidationError);
    try {
      loadEnv(NotificationEnv, { SMTP_URL: 'http://x', MAIL_FROM_ADDRESS: 'nobody', MAIL_RATE_PER_SECOND: '0' });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('SMTP_URL must be an smtp:// or smtps:// URL');
      expect(message).toContain('MAIL_FROM_ADDRESS must be an email address');
      expect(message).toContain('MAIL_RATE_PER_SECOND');
    }
  });

  it('claims no more per round than it sends at once (a crash leaves only those in doubt), nor a second of sending', () => {
    expect(deliverySettings(loadEnv(NotificationEnv, { MAIL_RATE_PER_SECOND: '5' }))).toMatchObject({ batchSize: 5 });
    expect(
      deliverySettings(loadEnv(NotificationEnv, { SMTP_URL: 'smtp://h:25', MAIL_RATE_PER_SECOND: '1000' })),
    ).toMatchObject({ batchSize: 10, concurrency: 10 }); // two per pooled SMTP connection (5 by default)
  });

  it('finds the shipped templates (from src: the source tree)', () => {
    expect(shippedTemplatesDir()).toBe(defaultTemplatesDir());
  });
});
