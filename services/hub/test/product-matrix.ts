import { HubAction, UserType } from '@gatehouse/contracts';

/**
 * PRODUCT.md "Roles and permissions", transcribed once for the unit spec of the pure matrix and the
 * integration test that asks the running hub. A cell says what the member may do:
 * `all` / `own` = allowed with that list scope, `yes` = allowed (no scope), `no` = PERMISSION.DENIED.
 */
export type Cell = 'yes' | 'no' | 'all' | 'own';

export const ROLES = {
  'Hub admin': { userType: 'TEAM_MEMBER', isHubAdmin: true, canInvite: true },
  // A Hub admin's own invite switch does not take away what the admin role gives.
  'Hub admin (invite switch off)': { userType: 'TEAM_MEMBER', isHubAdmin: true, canInvite: false },
  'Team Member': { userType: 'TEAM_MEMBER', isHubAdmin: false, canInvite: true },
  'Team Member (invite permission off)': { userType: 'TEAM_MEMBER', isHubAdmin: false, canInvite: false },
  'External Member': { userType: 'EXTERNAL_MEMBER', isHubAdmin: false, canInvite: true },
  'External Member (invite permission off)': { userType: 'EXTERNAL_MEMBER', isHubAdmin: false, canInvite: false },
} as const satisfies Record<string, { userType: UserType; isHubAdmin: boolean; canInvite: boolean }>;

export type Role = keyof typeof ROLES;
export const ROLE_ORDER = Object.keys(ROLES) as Role[];

type Row = [HubAction, UserType | undefined, ...Cell[]];

// prettier-ignore
export const MATRIX: Row[] = [
  // action                     invitee type        admin  admin,  team   team,  ext.   ext.,
  //                                                       off            off           off
  ['members.view',              undefined,          'yes', 'yes',  'yes', 'yes', 'yes', 'yes'],
  ['members.manage',            undefined,          'yes', 'yes',  'no',  'no',  'no',  'no'],
  ['invite',                    undefined,          'yes', 'yes',  'yes', 'no',  'no',  'no'],
  ['invite',                    'TEAM_MEMBER',      'yes', 'yes',  'yes', 'no',  'no',  'no'],
  ['invite',                    'EXTERNAL_MEMBER',  'yes', 'yes',  'yes', 'no',  'no',  'no'],
  ['invites.list',              undefined,          'all', 'all',  'own', 'own', 'no',  'no'],
  ['invites.manage',            undefined,          'all', 'all',  'own', 'own', 'no',  'no'],
  ['invites.resend',            undefined,          'all', 'all',  'own', 'no',  'no',  'no'],
  ['registration-link.view',    undefined,          'yes', 'yes',  'yes', 'no',  'no',  'no'],
  ['registration-link.manage',  undefined,          'yes', 'yes',  'no',  'no',  'no',  'no'],
];

export interface MatrixCase {
  label: string;
  role: Role;
  action: HubAction;
  inviteeType: UserType | undefined;
  cell: Cell;
}

/** One case per cell, for the given roles (all of them by default). */
export function matrixCases(roles: readonly Role[] = ROLE_ORDER): MatrixCase[] {
  return MATRIX.flatMap(([action, inviteeType, ...cells]) =>
    roles.map((role) => {
      const cell = cells[ROLE_ORDER.indexOf(role)];
      return {
        label: `${role}: ${action}${inviteeType ? ` as ${inviteeType}` : ''} → ${cell}`,
        role,
        action,
        inviteeType,
        cell,
      };
    }),
  );
}
