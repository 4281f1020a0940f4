import { Controller, Injectable } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import { HUB_INVITE_STATS_PATTERNS, HubInviteStatsView, ListHubInviteStatsRequest } from '@gatehouse/contracts';
import { DataSource } from 'typeorm';
import { HubClient } from '../hub/hub-client';
import { INVITE_SCHEMA } from '../invite.config';

interface StatsRow {
  hub_id: string;
  pending_invite_count: number;
  registration_link_enabled: boolean;
}

/**
 * The console's Hubs page asks, for one page of a tenancy's Hubs, how many invites wait in each and
 * whether its registration link is on: one query for the whole page. The hub service decides whether the
 * actor administers the tenancy; Hubs of another tenancy are simply not counted (zero, off).
 */
@Injectable()
export class HubInviteStats {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly hubs: HubClient,
  ) {}

  async list({ actor, tenancyId, hubIds }: ListHubInviteStatsRequest): Promise<{ items: HubInviteStatsView[] }> {
    await this.hubs.requireTenancyAdmin(actor, tenancyId);
    if (hubIds.length === 0) return { items: [] };
    const rows: StatsRow[] = await this.dataSource.query(
      `SELECT ids.hub_id,
              (SELECT count(*) FROM ${INVITE_SCHEMA}.invites i
                WHERE i.hub_id = ids.hub_id AND i.tenancy_id = $2
                  AND i.status = 'pending' AND i.expires_at > now())::int AS pending_invite_count,
              coalesce((SELECT l.enabled FROM ${INVITE_SCHEMA}.registration_links l
                WHERE l.hub_id = ids.hub_id AND l.tenancy_id = $2), false) AS registration_link_enabled
       FROM unnest($1::uuid[]) AS ids(hub_id)`,
      [[...new Set(hubIds)], tenancyId],
    );
    return {
      items: rows.map((row) => ({
        hubId: row.hub_id,
        pendingInviteCount: row.pending_invite_count,
        registrationLinkEnabled: row.registration_link_enabled,
      })),
    };
  }
}

@Controller()
export class HubInviteStatsController {
  constructor(private readonly stats: HubInviteStats) {}

  @MessagePattern(HUB_INVITE_STATS_PATTERNS.LIST)
  list(@Payload() request: ListHubInviteStatsRequest) {
    return this.stats.list(request);
  }
}
