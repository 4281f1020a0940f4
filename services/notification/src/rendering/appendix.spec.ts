import { MAX_APPENDIX_LENGTH, appendixToHtml, normalizeAppendix, validateAppendix } from './appendix';

describe('validateAppendix', () => {
  it.each([null, undefined])('treats %p as "off"', (value) => {
    expect(validateAppendix(value)).toEqual({ ok: true, value: null });
  });

  it('accepts text and returns it normalised (trimmed, LF line ends)', () => {
    expect(validateAppendix('  Call us.\r\nThanks!\n\n')).toEqual({ ok: true, value: 'Call us.\nThanks!' });
  });

  it.each(['', '   ', '\n\r\n\t '])('refuses blank text %j', (value) => {
    expect(validateAppendix(value)).toEqual({
      ok: false,
      code: 'POLICY.APPENDIX_BLANK',
      message: expect.stringContaining('blank'),
    });
  });

  it('accepts exactly the maximum length and refuses one more character', () => {
    expect(MAX_APPENDIX_LENGTH).toBe(2000);
    expect(validateAppendix('a'.repeat(MAX_APPENDIX_LENGTH))).toEqual({ ok: true, value: 'a'.repeat(2000) });
    expect(validateAppendix('a'.repeat(MAX_APPENDIX_LENGTH + 1))).toEqual({
      ok: false,
      code: 'POLICY.APPENDIX_TOO_LONG',
      message: 'The invite message appendix is 2001 characters long; the limit is 2000.',
    });
  });

  it('counts characters, not UTF-16 units, and ignores surrounding whitespace', () => {
    expect(validateAppendix('😀'.repeat(MAX_APPENDIX_LENGTH)).ok).toBe(true);
    expect(validateAppendix(`  ${'a'.repeat(MAX_APPENDIX_LENGTH)}\n\n`).ok).toBe(true);
  });
});

describe('normalizeAppendix', () => {
  it('returns null for off or blank', () => {
    expect(normalizeAppendix(null)).toBeNull();
    expect(normalizeAppendix(undefined)).toBeNull();
    expect(normalizeAppendix(' \n ')).toBeNull();
  });
});

describe('appendixToHtml', () => {
  it('escapes first, then turns line breaks into <br>', () => {
    expect(appendixToHtml('<b>hi</b>\r\n& {{x}}\n').toString()).toBe('&lt;b&gt;hi&lt;/b&gt;<br>\n&amp; {{x}}<br>\n');
  });
});
