import nodemailer from 'nodemailer';
import { SmtpSink } from './smtp-sink';

describe('SmtpSink waits', () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await SmtpSink.start();
  });
  afterAll(() => sink.stop());

  it('resolves with the messages once they arrived, and names what was missing when they did not', async () => {
    await expect(sink.waitFor('ada@example.com', 1, 100)).rejects.toThrow(
      'Gave up waiting for 1 email(s) to ada@example.com after 100 ms\ngot 0',
    );
    const transport = nodemailer.createTransport(sink.url);
    await transport.sendMail({ from: 'gate@example.com', to: 'ada@example.com', subject: 'Hello', text: 'Hi' });
    transport.close();
    const [mail] = await sink.waitFor('ada@example.com', 1, 5_000);
    expect(mail.subject).toBe('Hello');
    await expect(sink.waitForTotal(2, 100)).rejects.toThrow(
      'Gave up waiting for 2 email(s) in all after 100 ms\ngot 1',
    );
  });
});
