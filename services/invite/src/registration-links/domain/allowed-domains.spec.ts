import { ERROR_CODES } from '@gatehouse/contracts';
import { isDomainAllowed, normaliseAllowedDomains } from './allowed-domains';

describe('allowed domains', () => {
  it('normalises what an admin types: case, spaces, a leading "@", IDN, duplicates', () => {
    expect(normaliseAllowedDomains([' Example.COM ', '@example.com', 'Bücher.example', 'sub.example.org'])).toEqual([
      'example.com',
      'xn--bcher-kva.example',
      'sub.example.org',
    ]);
  });

  it.each([['not a domain'], ['*.example.com'], [''], ['example'], ['exa_mple.com'], ['1.2.3.4']])(
    'refuses %p with the reason',
    (input) => {
      expect(() => normaliseAllowedDomains([input])).toThrow(
        expect.objectContaining({ code: ERROR_CODES.VALIDATION_FAILED }),
      );
    },
  );

  it('matches the exact domain only: no look-alikes, no subdomains', () => {
    const allowed = ['example.com'];
    expect(isDomainAllowed(allowed, 'ann@example.com')).toBe(true);
    for (const email of [
      'eve@evil-example.com',
      'eve@example.com.evil.test',
      'eve@mail.example.com',
      'eve@xexample.com',
    ]) {
      expect(isDomainAllowed(allowed, email)).toBe(false);
    }
    expect(isDomainAllowed([], 'anyone@anywhere.example')).toBe(true);
  });
});
