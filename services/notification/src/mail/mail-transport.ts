/** One email ready to go out: every header value is final and single-line (see composeMail). */
export interface OutgoingMail {
  from: { name: string; address: string };
  replyTo: string | null;
  /** The one recipient; it is also the whole SMTP envelope. */
  to: string;
  subject: string;
  html: string;
  text: string;
  /** The Message-ID header, `<…@…>`: derived from the delivery id, the same on every attempt. */
  messageId: string;
}

export interface SentMail {
  messageId: string;
}

/**
 * Where emails go: SMTP (SmtpTransport) or the local mail drop (MailDropTransport). send() resolves
 * once the server accepted the message (or the file is written) and rejects with the transport's error
 * otherwise; classifying that error is the worker's job.
 */
export interface MailTransport {
  readonly kind: 'smtp' | 'mail-drop';
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): Promise<void>;
}

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');
