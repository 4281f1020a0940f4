import { formatDateInWords, formatUserType, formatUserTypeWithArticle } from './format';

describe('formatUserType', () => {
  it('puts user types in words', () => {
    expect(formatUserType('TEAM_MEMBER')).toBe('Team Member');
    expect(formatUserType('EXTERNAL_MEMBER')).toBe('External Member');
    expect(formatUserTypeWithArticle('TEAM_MEMBER')).toBe('a Team Member');
    expect(formatUserTypeWithArticle('EXTERNAL_MEMBER')).toBe('an External Member');
  });

  it('refuses an unknown user type', () => {
    expect(() => formatUserType('ADMIN' as never)).toThrow(/Unknown user type/);
  });
});

describe('formatDateInWords', () => {
  it('formats in UTC, from an ISO string or a Date', () => {
    expect(formatDateInWords('2026-12-10T00:00:00Z')).toBe('10 December 2026');
    expect(formatDateInWords('2026-12-09T23:30:00-01:00')).toBe('10 December 2026');
    expect(formatDateInWords(new Date(Date.UTC(2027, 0, 1, 23, 59)))).toBe('1 January 2027');
  });

  it('refuses an invalid date', () => {
    expect(() => formatDateInWords('not a date')).toThrow(/Not a valid date/);
    expect(() => formatDateInWords(new Date(NaN))).toThrow(/Not a valid date/);
  });
});
