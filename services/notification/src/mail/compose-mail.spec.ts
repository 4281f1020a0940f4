import nodemailer from 'nodemailer';
import { composeMail, toNodemailerMessage } from './compose-mail';

const rendered = { subject: 'Hello', html: '<p>Hi</p>', text: 'Hi\n' };
const sender = { fromName: 'Gatehouse', fromAddress: 'noreply@gatehouse.example', replyTo: 'help@gatehouse.example' };

async function build(mail: ReturnType<typeof composeMail>): Promise<string> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  const info = await transport.sendMail(toNodemailerMessage(mail));
  return (info.message as Buffer).toString('utf8');
}

describe('composeMail', () => {
  it('addresses one recipient, from the configured sender, with a Message-ID derived from the delivery', async () => {
    const mail = composeMail(rendered, 'grace@example.com', '5f1c9a52-2f7d-4f11-8a3f-0f5f6e0f3b1c', sender);
    expect(mail).toMatchObject({
      from: { name: 'Gatehouse', address: 'noreply@gatehouse.example' },
      replyTo: 'help@gatehouse.example',
      to: 'grace@example.com',
      messageId: '<5f1c9a52-2f7d-4f11-8a3f-0f5f6e0f3b1c@gatehouse.example>',
    });
    const raw = await build(mail);
    expect(raw).toMatch(/^From: Gatehouse <noreply@gatehouse\.example>\r?$/m);
    expect(raw).toMatch(/^To: grace@example\.com\r?$/m);
    expect(raw).toMatch(/^Reply-To: help@gatehouse\.example\r?$/m);
    expect(raw).toMatch(/^Message-ID: <5f1c9a52-2f7d-4f11-8a3f-0f5f6e0f3b1c@gatehouse\.example>\r?$/m);
  });

  it('strips CR/LF from every header value, whatever the source', async () => {
    const mail = composeMail({ ...rendered, subject: 'Hi\r\nBcc: victim@example.com' }, 'grace@example.com', 'id', {
      ...sender,
      fromName: 'Gate\r\nX-Evil: 1',
      replyTo: null,
    });
    expect(mail.subject).toBe('Hi Bcc: victim@example.com');
    expect(mail.from.name).toBe('Gate X-Evil: 1');
    const raw = await build(mail);
    expect(raw).not.toMatch(/^Bcc:/m);
    expect(raw).not.toMatch(/^X-Evil:/m);
    expect(raw).not.toMatch(/^Reply-To:/m);
  });

  it('never turns a recipient with a comma into two recipients', async () => {
    const mail = composeMail(rendered, 'a@example.com, b@example.com', 'id', sender);
    const message = toNodemailerMessage(mail);
    expect(message.envelope).toEqual({ from: 'noreply@gatehouse.example', to: ['a@example.com, b@example.com'] });
  });
});
