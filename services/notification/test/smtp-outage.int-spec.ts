import { address, invitePayload, NotificationFixture } from './notification-fixture';
import { SmtpSink } from './smtp-sink';

describe('an SMTP server that is down', () => {
  // Attempts to spare: the retries must outlast the sink's restart, however slow the machine.
  const fx = new NotificationFixture({ env: { DELIVERY_BASE_BACKOFF_MS: '100', DELIVERY_MAX_ATTEMPTS: '12' } });
  let revived: SmtpSink | null = null;
  beforeAll(async () => {
    await fx.start();
    await fx.sink.stop(); // the service keeps its SMTP_URL; nothing listens there now
  });
  afterAll(async () => {
    await fx.stop();
    await revived?.stop();
  });

  it('keeps the email queued with the connection error and sends it once the server is back', async () => {
    const to = address('patient');
    const eventId = await fx.publishInvites(invitePayload({ recipients: [to] }));
    let record = await fx.deliveryWithStatus(eventId, 'queued');
    while (!record.last_error) [record] = await fx.deliveries(eventId);
    expect(record.last_error).toMatch(/ECONNREFUSED/);

    revived = await SmtpSink.start(Number(new URL(fx.sink.url).port));
    await revived.waitFor(to);
    const sent = await fx.deliveryWithStatus(eventId, 'sent');
    expect(sent.attempts).toBeGreaterThan(1);
    expect(revived.to(to)).toHaveLength(1);
  });
});
