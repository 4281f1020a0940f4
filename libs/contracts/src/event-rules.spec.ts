import { isURL } from 'class-validator';
import { LINK_FIELD } from './event-rules';

/** What LINK_FIELD said before it remembered accepted origins: isURL on every link. */
const byIsUrl = (value: string) => {
  if (!isURL(value, { protocols: ['http', 'https'], require_protocol: true, require_tld: false })) {
    return 'must be an absolute http(s) URL';
  }
  return value.length > 2000 ? 'must be shorter than or equal to 2000 characters' : null;
};

describe('LINK_FIELD', () => {
  const links = [
    'http://localhost:3000/invites/accept?token=abc',
    'http://localhost:3000/invites/accept?token=def#top',
    'http://localhost:3000/ spaced',
    'http://localhost:3000/a<b>',
    'http://localhost:3000/a\nBcc: x@example.com',
    `http://localhost:3000/${'a'.repeat(2050)}`,
    `http://localhost:3000/${'a'.repeat(2100)}`,
    'http://localhost:3000@evil.example/x',
    'http://localhost:3000?x=/y',
    'http://local_host:3000/x',
    'https://localhost:3000/x',
    'ftp://localhost:3000/x',
    'mailto://localhost:3000/x',
    'http://-bad-/x',
    'http:///x',
    'http://localhost:99999/x',
    'javascript:alert(1)//localhost:3000/',
    'http://localhost:3000/../../x',
  ];

  it('answers as isURL does for every link, whichever origins it accepted before', () => {
    // Twice in each order: the second pass meets origins remembered from the first.
    for (const order of [links, [...links].reverse()]) {
      for (const link of [...order, ...order]) expect([link, LINK_FIELD.problem(link)]).toEqual([link, byIsUrl(link)]);
    }
  });

  it('refuses what is not text', () => {
    expect(LINK_FIELD.problem(42)).toBe('must be an absolute http(s) URL');
  });
});
