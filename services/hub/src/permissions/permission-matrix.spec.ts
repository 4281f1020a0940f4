import { ERROR_CODES, HUB_ACTIONS } from '@gatehouse/contracts';
import { MATRIX, ROLES, ROLE_ORDER, matrixCases } from '../../test/product-matrix';
import { decide } from './permission-matrix';

describe('permission matrix (PRODUCT.md "Roles and permissions")', () => {
  it('the table covers every Hub action and every role', () => {
    expect(new Set(MATRIX.map(([action]) => action))).toEqual(new Set(HUB_ACTIONS));
    for (const [, , ...cells] of MATRIX) expect(cells).toHaveLength(ROLE_ORDER.length);
  });

  it.each(matrixCases())('$label', ({ role, action, inviteeType, cell }) => {
    const decision = decide(ROLES[role], action, inviteeType);
    if (cell === 'no') {
      expect(decision).toEqual({
        allowed: false,
        code: ERROR_CODES.PERMISSION_DENIED,
        message: expect.stringMatching(/\w/),
      });
    } else {
      expect(decision).toEqual({ allowed: true, scope: cell === 'yes' ? null : cell });
    }
  });

  it.each([...HUB_ACTIONS])('a non-member asking for %s learns only that there is no such Hub', (action) => {
    expect(decide(null, action, 'TEAM_MEMBER')).toEqual({
      allowed: false,
      code: ERROR_CODES.HUB_NOT_FOUND,
      message: 'No such Hub.',
    });
  });

  it('tells a Team Member whose invite permission is off why they cannot invite', () => {
    expect(decide(ROLES['Team Member (invite permission off)'], 'invite', 'EXTERNAL_MEMBER')).toMatchObject({
      allowed: false,
      message: expect.stringMatching(/turned off/i),
    });
  });
});
