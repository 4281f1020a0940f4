// The SMTP sink is shared with the whole-system tests (test/e2e); it lives in libs/testing.
export { SmtpSink, parseMessage } from '@gatehouse/testing';
export type { ReceivedMail } from '@gatehouse/testing';
