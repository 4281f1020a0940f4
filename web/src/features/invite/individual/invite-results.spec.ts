import type { InviteAddressResult } from '../../../api/types';
import { summarise } from './invite-results';

const sent = (input: string) =>
  ({ input, result: { outcome: 'invited', emailSent: true }, error: null }) as unknown as InviteAddressResult;
const refused = (input: string) =>
  ({ input, result: null, error: { code: 'X', message: 'Refused.' } }) as unknown as InviteAddressResult;

describe('summarise', () => {
  it('says one address in the singular', () => {
    expect(summarise([sent('a@x.example')])).toBe('1 address handled — see the result below.');
  });

  it('says several addresses in the plural', () => {
    expect(summarise([sent('a@x.example'), sent('b@x.example')])).toBe('2 addresses handled — see the result below.');
  });

  it('counts refusals apart', () => {
    expect(summarise([sent('a@x.example'), refused('b'), refused('c')])).toBe(
      '1 address handled, 2 refused — see the reasons below.',
    );
  });
});
