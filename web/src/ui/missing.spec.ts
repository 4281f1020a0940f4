import { missingBeforeSending } from './missing';

describe('missingBeforeSending', () => {
  it('says nothing when everything is there', () => {
    expect(missingBeforeSending([{ has: true, what: 'choose a user type' }])).toBeNull();
  });

  it('names what is missing, in reading order, joined as a sentence', () => {
    const parts = [
      { has: false, what: 'add at least one email address' },
      { has: true, what: 'never shown' },
      { has: false, what: 'choose a user type' },
    ];
    expect(missingBeforeSending(parts)).toBe('To send, add at least one email address and choose a user type.');
    expect(
      missingBeforeSending([
        { has: false, what: 'a' },
        { has: false, what: 'b' },
        { has: false, what: 'c' },
      ]),
    ).toBe('To send, a, b and c.');
  });
});
