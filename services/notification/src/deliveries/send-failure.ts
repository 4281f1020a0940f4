/** What to do about a failed send: try again later, or give up with the reason. */
export interface SendFailure {
  transient: boolean;
  /** One line for the delivery record and the console. */
  reason: string;
}

/** Network-level failures: the message was not accepted, a later attempt may work. */
const TRANSIENT_CODES = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

interface SmtpErrorLike {
  message?: unknown;
  code?: unknown;
  originalCode?: unknown;
  responseCode?: unknown;
  response?: unknown;
}

const MAX_REASON_LENGTH = 1000;

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_REASON_LENGTH ? `${line.slice(0, MAX_REASON_LENGTH - 1)}…` : line;
}

/**
 * Classifies a failed send (nodemailer errors carry `responseCode`, `response`, `code`, `originalCode`).
 * An SMTP reply decides by its class: 4xx is transient; 5xx is permanent except 503 ("bad sequence",
 * a session problem, not a verdict on the message). Without a reply, connection-level codes are
 * transient and anything else (a refused configuration, a bug) is permanent.
 */
export function classifySendFailure(error: unknown): SendFailure {
  const e = (typeof error === 'object' && error !== null ? error : { message: String(error) }) as SmtpErrorLike;
  const message = typeof e.message === 'string' ? e.message : String(error);
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  if (responseCode !== null) {
    const response = typeof e.response === 'string' && e.response.trim() !== '' ? e.response : message;
    const permanent = responseCode >= 500 && responseCode < 600 && responseCode !== 503;
    return { transient: !permanent, reason: oneLine(`SMTP ${responseCode}: ${response}`) };
  }
  const codes = [e.code, e.originalCode].filter((c): c is string => typeof c === 'string');
  const transient = codes.some((code) => TRANSIENT_CODES.has(code));
  const label = codes.length > 0 ? [...new Set(codes)].join('/') : 'error';
  return { transient, reason: oneLine(`${label}: ${message}`) };
}
