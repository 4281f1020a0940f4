import { classifySendFailure } from './send-failure';

const smtp = (responseCode: number, response: string) =>
  Object.assign(new Error(`Command failed: ${response}`), { code: 'EENVELOPE', responseCode, response });

describe('classifySendFailure', () => {
  it.each([421, 450, 451, 452, 503])('treats SMTP %i as transient', (code) => {
    expect(classifySendFailure(smtp(code, `${code} later`))).toEqual({
      transient: true,
      reason: `SMTP ${code}: ${code} later`,
    });
  });

  it.each([550, 551, 552, 553, 554, 535])('treats SMTP %i as permanent', (code) => {
    expect(classifySendFailure(smtp(code, `${code} no`)).transient).toBe(false);
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ECONNECTION', 'ESOCKET', 'EDNS'])(
    'treats a connection failure (%s) as transient',
    (code) => {
      expect(classifySendFailure(Object.assign(new Error('boom'), { code })).transient).toBe(true);
    },
  );

  it('looks at the original code nodemailer keeps under ESOCKET', () => {
    const error = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:2525'), {
      code: 'ESOCKET',
      originalCode: 'ECONNREFUSED',
    });
    expect(classifySendFailure(error)).toEqual({
      transient: true,
      reason: 'ESOCKET/ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:2525',
    });
  });

  it('treats anything else (bad configuration, a bug) as permanent', () => {
    expect(classifySendFailure(Object.assign(new Error('Invalid login'), { code: 'EAUTH' }))).toEqual({
      transient: false,
      reason: 'EAUTH: Invalid login',
    });
    expect(classifySendFailure('weird')).toEqual({ transient: false, reason: 'error: weird' });
  });

  it('keeps the reason on one line and bounded', () => {
    const { reason } = classifySendFailure(smtp(550, `550-first\r\n550 ${'x'.repeat(5000)}`));
    expect(reason).not.toMatch(/[\r\n]/);
    expect(reason.length).toBeLessThanOrEqual(1000);
  });
});
