import { validate } from 'class-validator';
import { validateAs } from './validation';
import { MEMBER_PROFILE_FIELDS } from './hub/hub.requests';
import { IsItemList, IsStringList, IsUuidList } from './list-validators';

const LOWER_CASE_UUID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';

class Emails {
  @IsStringList({ maxItems: 3, maxLength: 10 })
  emails!: string[];
}

class Ids {
  @IsUuidList({ maxItems: 2 })
  ids!: string[];
}

/** As AddMembersBulkRequest checks its members. */
class Members {
  @IsItemList(MEMBER_PROFILE_FIELDS, { minItems: 1, maxItems: 2, itemsAre: 'members', otherFields: 'refused' })
  members!: unknown[];
}

const member = { accountId: LOWER_CASE_UUID, email: 'ada@example.com', displayName: 'Ada' };

const problem = async (cls: new () => object, value: unknown) =>
  validateAs(cls, value).then(
    () => null,
    (error: { message: string }) => error.message,
  );

describe('list validators', () => {
  it('take a list within the limits', async () => {
    expect(await problem(Emails, { emails: ['a@b.c', '0123456789'] })).toBeNull();
    expect(await problem(Emails, { emails: [] })).toBeNull();
    expect(await problem(Ids, { ids: ['6F9619FF-8B86-D011-B42D-00CF4FC964FF', LOWER_CASE_UUID] })).toBeNull();
  });

  it.each([
    ['too many items', { emails: ['a', 'b', 'c', 'd'] }],
    ['an item too long', { emails: ['01234567890'] }],
    ['an item that is not text', { emails: ['a', 7] }],
    ['no list at all', { emails: 'a@b.c' }],
    ['nothing', {}],
  ])('refuse %s, naming the field and the limits', async (_, value) => {
    expect(await problem(Emails, value)).toBe(
      'The request is not valid: emails must be a list of at most 3 texts of at most 10 characters each.',
    );
  });

  it.each([
    ['too many', { ids: [LOWER_CASE_UUID, LOWER_CASE_UUID, LOWER_CASE_UUID] }],
    ['one that is no UUID', { ids: [LOWER_CASE_UUID, 'not-a-uuid'] }],
    ['no list', { ids: LOWER_CASE_UUID }],
  ])('refuse UUID lists with %s', async (_, value) => {
    expect(await problem(Ids, value)).toBe('The request is not valid: ids must be a list of at most 2 UUIDs.');
  });

  it('take a list of members within the limits, as plain objects', async () => {
    const request = await validateAs(Members, { members: [member, { ...member, displayName: 'x'.repeat(200) }] });
    expect(request.members).toEqual([member, { ...member, displayName: 'x'.repeat(200) }]);
  });

  it.each([
    ['none', [], 'members must be a list of 1 to 2 members'],
    ['too many', [member, member, member], 'members must be a list of 1 to 2 members'],
    ['no list', member, 'members must be a list of 1 to 2 members'],
    ['an accountId that is no UUID', [member, { ...member, accountId: 'ada' }], 'members.1.accountId must be a UUID'],
    ['an email that is no address', [{ ...member, email: 'ada' }], 'members.0.email must be an email'],
    [
      'an email too long',
      [{ ...member, email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com` }],
      'members.0.email must be shorter than or equal to 254 characters',
    ],
    [
      'an empty displayName',
      [{ ...member, displayName: '' }],
      'members.0.displayName must be a text of 1 to 200 characters',
    ],
    [
      'a displayName too long',
      [{ ...member, displayName: 'x'.repeat(201) }],
      'members.0.displayName must be a text of 1 to 200 characters',
    ],
    [
      'a displayName that is no text',
      [{ ...member, displayName: 7 }],
      'members.0.displayName must be a text of 1 to 200 characters',
    ],
    ['a field that is not known', [{ ...member, isHubAdmin: true }], 'members.0.isHubAdmin should not exist'],
    [
      'a member missing a field',
      [{ accountId: member.accountId, email: member.email }],
      'members.0.displayName must be a text of 1 to 200 characters',
    ],
    ['a member that is no object', ['ada@example.com'], 'members.0 must be an object'],
    [
      'two fields at fault',
      [member, { ...member, accountId: 'ada', displayName: '' }],
      'members.1.accountId must be a UUID; members.1.displayName must be a text of 1 to 200 characters',
    ],
  ])(
    'refuse member lists with %s, naming the first member at fault and its fields at fault',
    async (_, members, message) => {
      expect(await problem(Members, { members })).toBe(`The request is not valid: ${message}.`);
    },
  );

  it("refuse members with fields named as Object.prototype's, as the validator gets them", async () => {
    // Checked on an instance made here: in the pipes such keys are deleted before the validator runs;
    // validateAs hands the list over as sent (validation.spec.ts), and the validator refuses them.
    const withKey = (key: string): unknown =>
      JSON.parse(`${JSON.stringify(member).slice(0, -1)},"${key}":{"isHubAdmin":true}}`);
    for (const key of ['constructor', '__proto__', 'toString']) {
      const [error] = await validate(Object.assign(new Members(), { members: [withKey(key)] }));
      expect(Object.values(error?.constraints ?? {})).toEqual([`members.0.${key} should not exist`]);
    }
  });
});
