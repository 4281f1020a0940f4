import { useQuery } from '@tanstack/react-query';
import { unwrap } from './api-error';
import { api } from './client';
import type { HubWithMembership, Membership } from './types';

/** Enough for the Hub dropdown: a person belongs to a handful of Hubs, a busy one to a few hundred. */
const HUB_LIST_LIMIT = 500;

export function useMyHubs() {
  return useQuery({
    queryKey: ['hubs'],
    queryFn: async () => unwrap(await api.GET('/api/v1/hubs', { params: { query: { limit: HUB_LIST_LIMIT } } })),
  });
}

export function useHub(hubId: string) {
  return useQuery({
    queryKey: ['hubs', hubId],
    queryFn: async () => unwrap(await api.GET('/api/v1/hubs/{hubId}', { params: { path: { hubId } } })),
  });
}

/** What the person may do in a Hub, from their membership (PRODUCT.md's permission matrix; the API decides). */
export interface HubPermissions {
  isHubAdmin: boolean;
  canInvite: boolean;
  canInviteTeamMembers: boolean;
  seesPendingInvites: boolean;
  seesRegistrationLink: boolean;
}

export function permissionsOf(hub: HubWithMembership | undefined): HubPermissions {
  const membership: Membership | null | undefined = hub?.membership;
  const isHubAdmin = membership?.isHubAdmin ?? false;
  const isTeamMember = membership?.userType === 'TEAM_MEMBER';
  const canInvite = isHubAdmin || (isTeamMember && (membership?.canInvite ?? false));
  return {
    isHubAdmin,
    canInvite,
    canInviteTeamMembers: canInvite && (isHubAdmin || isTeamMember),
    seesPendingInvites: isHubAdmin || isTeamMember,
    // Copying the link is a way of inviting: a Team Member whose invite permission is off does not see it.
    seesRegistrationLink: canInvite,
  };
}

const LAST_HUB_KEY = 'gatehouse.lastHubId';

/** The last Hub the person opened (an id, not a secret), so sign-in can bring them back to it. */
export const lastHub = {
  get: (): string | null => window.localStorage.getItem(LAST_HUB_KEY),
  set: (hubId: string): void => window.localStorage.setItem(LAST_HUB_KEY, hubId),
};
