import { ACCOUNT_PATTERNS, ERROR_CODES, MAX_LOOKUP_EMAILS } from '@gatehouse/contracts';
import { ServiceTestBed } from '@gatehouse/testing';
import { randomUUID } from 'node:crypto';
import { startInvite } from '../src/main';

/**
 * `invite.account.lookup` on the real PostgreSQL and RabbitMQ: normalised addresses, verified accounts
 * only, invalid inputs with their reason, and lists longer than one query's chunk (1,000), whose chunks
 * are queried at once.
 */
describe('account lookup', () => {
  const bed = new ServiceTestBed('lookup');
  const run = randomUUID().slice(0, 8);
  const address = (name: string) => `${name}-${run}@lookup.example`;

  beforeAll(async () => {
    await bed.resetSchemas('invite');
    await bed.bootService(() => startInvite(bed.processEnv()));
  });
  afterAll(() => bed.stop());

  const account = (name: string, emailVerified: boolean) =>
    bed.call(ACCOUNT_PATTERNS.CREATE, {
      email: address(name),
      displayName: name,
      password: 'lookup-password-1',
      emailVerified,
    });

  it('finds verified accounts by normalised address and reports what is not an address', async () => {
    const ada = await account('ada', true);
    await account('unverified', false);
    const result = await bed.call(ACCOUNT_PATTERNS.LOOKUP, {
      emails: [
        `  ${address('ADA').toUpperCase()} `,
        address('unverified'),
        address('nobody'),
        'not-an-address',
        'a@b@bücher.example',
        '',
      ],
    });
    expect(result.registered).toEqual([{ email: address('ada'), accountId: ada.id, displayName: 'ada' }]);
    expect(result.invalid).toEqual([
      { input: 'not-an-address', reason: 'missing "@" or a part around it' },
      { input: 'a@b@bücher.example', reason: 'the part before "@" has characters an address cannot have' },
      { input: '', reason: 'empty value' },
    ]);
  });

  it('answers a list of many chunks with every registered address, in the order of the list', async () => {
    const registered = await Promise.all(['r1', 'r2', 'r3'].map((name) => account(name, true)));
    // 4,500 addresses: the registered ones land in the first, the third and the last chunk.
    const emails = Array.from({ length: 4500 }, (_, i) => address(`nobody-${i}`));
    emails[10] = address('r1');
    emails[2500] = address('r2');
    emails[4499] = address('r3');
    const result = await bed.call(ACCOUNT_PATTERNS.LOOKUP, { emails });
    expect(result.registered.map((r) => r.accountId)).toEqual(registered.map((r) => r.id));
    expect(result.invalid).toEqual([]);
  });

  it('refuses a list over the limit', async () => {
    const emails = Array.from({ length: MAX_LOOKUP_EMAILS + 1 }, (_, i) => address(`x-${i}`));
    expect(await bed.failure(ACCOUNT_PATTERNS.LOOKUP, { emails })).toMatchObject({
      code: ERROR_CODES.VALIDATION_FAILED,
    });
  });
});
