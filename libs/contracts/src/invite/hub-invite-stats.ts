import { TenancyActorRequest } from '../actor-request';
import { IsUuidList } from '../list-validators';

/** Served by the invite service: what it knows of a page of Hubs (the console's Hubs page). */
export const HUB_INVITE_STATS_PATTERNS = {
  /** Pending invites and registration-link state of the given Hubs of one tenancy, in one set-based query. */
  LIST: 'invite.hub-stats.list',
} as const;

/** As many Hubs as one page of the console's Hubs page can hold (PageRequest's limit). */
export const MAX_HUB_STATS_HUBS = 500;

export class ListHubInviteStatsRequest extends TenancyActorRequest {
  @IsUuidList({ maxItems: MAX_HUB_STATS_HUBS })
  hubIds!: string[];
}

export interface HubInviteStatsView {
  hubId: string;
  /** Invites still waiting to be accepted (pending and not yet expired). */
  pendingInviteCount: number;
  /** Whether the Hub's registration link lets people join (false when the Hub has none yet). */
  registrationLinkEnabled: boolean;
}
