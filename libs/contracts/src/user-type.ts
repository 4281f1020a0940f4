export const USER_TYPES = ['TEAM_MEMBER', 'EXTERNAL_MEMBER'] as const;
export type UserType = (typeof USER_TYPES)[number];
