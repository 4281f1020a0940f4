import { addressProblem, isDomain } from './email-chips';

describe('addressProblem', () => {
  it.each(['grace@example.com', 'Grace.Hopper+hub@Sub.Example.ORG', ' ada@example.com '])('accepts %s', (input) => {
    expect(addressProblem(input)).toBeNull();
  });

  it.each([
    ['not-an-email', 'no @ in it'],
    ['@example.com', 'nothing before the @'],
    ['grace@', 'nothing after the @'],
    ['peggy@@guest.example', 'more than one @'],
    ['grace@localhost', 'the part after the @ is not a domain'],
    ['grace@example..com', 'the part after the @ is not a domain'],
    [`${'a'.repeat(250)}@example.com`, 'longer than an address can be'],
  ])('explains what is wrong with %s', (input, reason) => {
    expect(addressProblem(input)).toBe(reason);
  });
});

describe('isDomain', () => {
  it('takes dotted names and refuses the rest', () => {
    expect(isDomain('partner.example')).toBe(true);
    expect(['partner', '.example', 'example.', 'a@b.example', 'a..b'].some(isDomain)).toBe(false);
  });
});
