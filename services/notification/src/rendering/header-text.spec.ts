import { sanitizeHeaderText } from './header-text';

describe('sanitizeHeaderText', () => {
  it('turns CR/LF into a single space so no header can be injected', () => {
    expect(sanitizeHeaderText('Eve\r\nBcc: x@example.com')).toBe('Eve Bcc: x@example.com');
    expect(sanitizeHeaderText('a\rb\nc')).toBe('a b c');
  });

  it('removes other control characters and Unicode line separators', () => {
    expect(sanitizeHeaderText('a\u0000b\u0007c\u001bd\u007fe\u0085f\u2028g\u2029h\ti')).toBe('a b c d e f g h i');
  });

  it('drops bidi override and isolate characters', () => {
    expect(sanitizeHeaderText('invoice\u202Efdp.exe\u2066x\u2069')).toBe('invoicefdp.exex');
  });

  it('collapses whitespace and trims', () => {
    expect(sanitizeHeaderText('  Ada   \n\n  Lovelace  ')).toBe('Ada Lovelace');
  });

  it('keeps ordinary text, accents and emoji', () => {
    expect(sanitizeHeaderText('Zoë 👩‍💻 <Team> & "Co"')).toBe('Zoë 👩‍💻 <Team> & "Co"');
  });
});
