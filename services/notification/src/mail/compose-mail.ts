import type { SendMailOptions } from 'nodemailer';
import { RenderedEmail, sanitizeHeaderText } from '../rendering';
import type { OutgoingMail } from './mail-transport';

/** Sender identity from config. */
export interface SenderSettings {
  fromName: string;
  fromAddress: string;
  replyTo: string | null;
}

/** The domain part of an address, for Message-IDs. */
function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at >= 0 ? address.slice(at + 1) : 'localhost';
}

/**
 * A rendered email addressed to one recipient. Everything that ends up in a header passes through
 * sanitizeHeaderText (no CR/LF, no control characters), even values that were checked upstream. The
 * Message-ID is derived from the delivery id, so a resend of the same delivery carries the same one
 * (mail systems that de-duplicate on it show it once).
 */
export function composeMail(
  rendered: RenderedEmail,
  recipient: string,
  deliveryId: string,
  sender: SenderSettings,
): OutgoingMail {
  const fromAddress = sanitizeHeaderText(sender.fromAddress);
  return {
    from: { name: sanitizeHeaderText(sender.fromName), address: fromAddress },
    replyTo: sender.replyTo ? sanitizeHeaderText(sender.replyTo) : null,
    to: sanitizeHeaderText(recipient),
    subject: sanitizeHeaderText(rendered.subject),
    html: rendered.html,
    text: rendered.text,
    messageId: `<${deliveryId}@${domainOf(fromAddress)}>`,
  };
}

/**
 * nodemailer's message: addresses as objects (never parsed from a string, so a comma or a quote in a
 * value cannot add a recipient) and an explicit envelope with exactly the one recipient.
 */
export function toNodemailerMessage(mail: OutgoingMail): SendMailOptions {
  return {
    from: { name: mail.from.name, address: mail.from.address },
    to: { name: '', address: mail.to },
    ...(mail.replyTo ? { replyTo: { name: '', address: mail.replyTo } } : {}),
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    envelope: { from: mail.from.address, to: [mail.to] },
    headers: { 'Auto-Submitted': 'auto-generated' },
    disableFileAccess: true,
    disableUrlAccess: true,
  };
}
