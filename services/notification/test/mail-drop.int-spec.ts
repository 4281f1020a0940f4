import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { address, eventually, invitePayload, NotificationFixture } from './notification-fixture';
import { parseMessage } from './smtp-sink';

interface IndexLine {
  time: string;
  to: string;
  subject: string;
  file: string;
  messageId: string;
}

describe('the mail drop (no SMTP_URL: the default of npm start)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'gatehouse-mail-drop-'));
  const fx = new NotificationFixture({ smtp: false, env: { MAIL_DROP_DIR: dir, MAIL_REPLY_TO: 'help@example.com' } });
  beforeAll(() => fx.start());
  afterAll(async () => {
    await fx.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const index = (): IndexLine[] => {
    const file = path.join(dir, 'index.jsonl');
    if (!existsSync(file)) return [];
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as IndexLine);
  };

  it('writes each email as an .eml file and a line in index.jsonl', async () => {
    const recipients = [address('drop1'), address('drop2')];
    const payload = invitePayload({ recipients });
    const eventId = await fx.publishInvites(payload);
    await eventually(() => recipients.every((to) => index().some((line) => line.to === to)), 'two index lines');

    // The file is written before its delivery is recorded as sent.
    await eventually(
      async () => (await fx.deliveries(eventId)).every((r) => r.status === 'sent'),
      'both recorded sent',
    );
    const records = await fx.deliveries(eventId);
    expect(records.map((r) => r.status)).toEqual(['sent', 'sent']);
    for (const [i, to] of recipients.entries()) {
      const line = index().find((l) => l.to === to)!;
      expect(line.subject).toBe('Ada Lovelace invited you to Apollo Design on Gatehouse');
      expect(Number.isNaN(Date.parse(line.time))).toBe(false);
      expect(line.file).toMatch(/\.eml$/);
      expect(line.messageId).toBe(records.find((r) => r.recipient === to)!.message_id);

      const raw = readFileSync(path.join(dir, line.file), 'utf8');
      expect(raw).toContain('\r\n'); // RFC 822 line ends
      const mail = parseMessage(raw);
      expect(mail.headers['to']).toBe(to);
      expect(mail.headers['from']).toBe('Gatehouse <gatehouse@localhost>');
      expect(mail.headers['reply-to']).toBe('help@example.com');
      expect(mail.subject).toBe(line.subject);
      expect(mail.text).toContain(payload.invites[i].acceptUrl);
      expect(mail.html).toContain('Apollo Design');
    }
  });
});
