import { ValidationPipe } from '@nestjs/common';
import { AddMembersBulkRequest, LookupAccountsRequest, VALIDATION_PIPE_OPTIONS } from '@gatehouse/contracts';

/** The pipe every RPC server (rmq-consumers.ts) and the gateway build from VALIDATION_PIPE_OPTIONS. */
const pipe = new ValidationPipe(VALIDATION_PIPE_OPTIONS);
const HUB_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const member = { accountId: HUB_ID, email: 'ada@example.com', displayName: 'Ada' };
const asBody = <T>(metatype: new () => T, value: unknown) =>
  pipe.transform(value, { type: 'body', metatype }) as Promise<T>;

describe('the validation pipe (VALIDATION_PIPE_OPTIONS)', () => {
  it('hands over a list checked in one pass as it was sent, not copied item by item', async () => {
    const emails = Array.from({ length: 10_000 }, (_, i) => `person-${i}@example.com`);
    const request = await asBody(LookupAccountsRequest, { emails });
    expect(request).toBeInstanceOf(LookupAccountsRequest);
    expect(request.emails).toBe(emails);

    const members = [member, { ...member, email: 'bob@example.com' }];
    const bulk = await asBody(AddMembersBulkRequest, { hubId: HUB_ID, userType: 'TEAM_MEMBER', members });
    expect(bulk).toBeInstanceOf(AddMembersBulkRequest);
    expect(bulk.members).toBe(members);
    expect(bulk.hubId).toBe(HUB_ID);
  });

  it('still checks such a list, and the fields beside it', async () => {
    await expect(asBody(LookupAccountsRequest, { emails: ['a@example.com', 7] })).rejects.toMatchObject({
      code: 'VALIDATION.FAILED',
    });
    await expect(
      asBody(AddMembersBulkRequest, { hubId: 'not-a-uuid', userType: 'TEAM_MEMBER', members: [member] }),
    ).rejects.toMatchObject({ message: expect.stringContaining('hubId must be a UUID') });
    await expect(asBody(LookupAccountsRequest, { emails: [], extra: 1 })).rejects.toMatchObject({
      message: expect.stringContaining('property extra should not exist'),
    });
  });
});
