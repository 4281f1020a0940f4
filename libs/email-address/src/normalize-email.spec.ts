import { emailDomain, normalizeEmail } from './normalize-email';

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

  it('answers the same for a domain it has seen before (each domain is converted once)', () => {
    const inputs = ['A@Bücher.example', 'c@-bad.example', 'e@1.2.3.4', 'a b@x.example'];
    const expected = [
      { ok: true, email: 'a@xn--bcher-kva.example' },
      { ok: false, reason: 'the domain is not valid' },
      { ok: false, reason: 'the domain is not valid' },
      { ok: false, reason: 'contains spaces' },
    ];
    expect(inputs.map(normalizeEmail)).toEqual(expected);
    expect(['b@BÜCHER.example', 'd@-bad.example'].map(normalizeEmail)).toEqual([
      { ok: true, email: 'b@xn--bcher-kva.example' },
      { ok: false, reason: 'the domain is not valid' },
    ]);
  });
});
