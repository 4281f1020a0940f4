import { emailDomain, emailNormalizer, normalizeEmail } from './normalize-email';

describe('normalizeEmail', () => {
  it.each([
    ['  Alice@Example.COM ', 'alice@example.com'],
    ['sybil+hubs@example.com', 'sybil+hubs@example.com'],
    ['rupert@bücher.example', 'rupert@xn--bcher-kva.example'],
    ['o.brien@sub.example.co.uk', 'o.brien@sub.example.co.uk'],
  ])('normalises %p to %p', (raw, expected) => {
    expect(normalizeEmail(raw)).toEqual({ ok: true, email: expected });
  });

  it.each([
    ['', 'empty value'],
    ['not-an-address', 'missing "@" or a part around it'],
    ['a b@example.com', 'contains spaces'],
    ['a..b@example.com', 'the part before "@" has characters an address cannot have'],
    ['a@localhost', 'the domain is not valid'],
    ['a@-bad.example', 'the domain is not valid'],
    ['a@1.2.3.4', 'the domain is not valid'],
    [`${'x'.repeat(65)}@example.com`, 'the part before "@" is over 64 characters'],
  ])('refuses %p with a reason', (raw, reason) => {
    expect(normalizeEmail(raw)).toEqual({ ok: false, reason });
  });

  it('takes the domain of a normalised address', () => {
    expect(emailDomain('a@b.example')).toBe('b.example');
  });

  it('answers as normalizeEmail when many addresses share their domains (emailNormalizer)', () => {
    const inputs = [
      'A@Bücher.example',
      'b@bücher.example',
      'c@-bad.example',
      'd@-bad.example',
      'e@1.2.3.4',
      'a b@x.example',
    ];
    const normalize = emailNormalizer();
    expect([...inputs, ...inputs].map(normalize)).toEqual([...inputs, ...inputs].map(normalizeEmail));
  });
});
