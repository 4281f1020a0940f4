/** What a member may ask to do in a Hub; PRODUCT.md's permission matrix decides, in the hub service. */
export const HUB_ACTIONS = [
  'members.view',
  'members.manage',
  'invite',
  'invites.list',
  'invites.manage',
  'invites.resend',
  'registration-link.view',
  'registration-link.manage',
] as const;
export type HubAction = (typeof HUB_ACTIONS)[number];
