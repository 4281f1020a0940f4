import { AddMembersBulkRequest } from './hub/hub.requests';
import { validateAs } from './validation';

const HUB_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const member = { accountId: HUB_ID, email: 'ada@example.com', displayName: 'Ada' };

describe('validateAs', () => {
  it('hands a list checked in one pass over as sent, and refuses a prototype-named field where class-transformer threw', async () => {
    const members = [member];
    const request = await validateAs(AddMembersBulkRequest, { hubId: HUB_ID, userType: 'TEAM_MEMBER', members });
    expect(request.members).toBe(members);

    const withConstructor = JSON.parse(`[${JSON.stringify(member).slice(0, -1)},"constructor":"x"}]`) as unknown;
    await expect(
      validateAs(AddMembersBulkRequest, { hubId: HUB_ID, userType: 'TEAM_MEMBER', members: withConstructor }),
    ).rejects.toMatchObject({ message: expect.stringContaining('members.0.constructor should not exist') });
  });
});
