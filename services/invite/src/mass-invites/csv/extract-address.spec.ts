import { extractAddress, trimCell } from './extract-address';

describe('extractAddress', () => {
  it.each([
    ['a@example.com', 'a@example.com'],
    ['  a@example.com \u00a0', 'a@example.com'],
    ['\u200ba@example.com\ufeff', 'a@example.com'],
    ['Ann Lee <ann@example.com>', 'ann@example.com'],
    ['"Lee, Ann" <ann@example.com>', 'ann@example.com'],
    ['"Ann" <ann@example.com>', 'ann@example.com'],
    ['<ann@example.com>', 'ann@example.com'],
    ['Ann < ann@example.com >', 'ann@example.com'],
    ['mailto:a@example.com', 'a@example.com'],
    ['MailTo:A@Example.com', 'A@Example.com'],
    ['mailto:a@example.com?subject=Hello', 'a@example.com'],
    ['Ann <mailto:ann@example.com>', 'ann@example.com'],
    ['"a@example.com"', 'a@example.com'],
    ['a?b@example.com', 'a?b@example.com'],
    ['not an address', 'not an address'],
    ['"', '"'],
  ])('reads %p as %p', (cell, expected) => {
    expect(extractAddress(cell)).toBe(expected);
  });
});

describe('trimCell', () => {
  it.each([
    ['abc', 'abc'],
    ['', ''],
    [' \t', ''],
    ['\u00a0a b\u2060', 'a b'],
    ['é', 'é'],
  ])('trims %p to %p', (cell, expected) => {
    expect(trimCell(cell)).toBe(expected);
  });
});
