import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ListTenancyHubsRequest, Page, TenancyHubView } from '@gatehouse/contracts';
import { DataSource } from 'typeorm';
import { HUB_SCHEMA } from '../hub.config';
import { AccessPolicy } from '../permissions/access-policy';
import { ListHubs } from './list-hubs.usecase';

/**
 * The console's Hubs page: every Hub of a tenancy the actor administers (or any, for an operator), with
 * each one's member count, counted by the database for the page's Hubs only.
 */
@Injectable()
export class ListTenancyHubs {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly listHubs: ListHubs,
  ) {}

  async execute({ actor, tenancyId, limit, offset }: ListTenancyHubsRequest): Promise<Page<TenancyHubView>> {
    await this.access.requireTenancyAdmin(actor, tenancyId);
    const page = await this.listHubs.execute({ actor, tenancyId, limit, offset });
    const counts: { hub_id: string; member_count: number }[] = page.items.length
      ? await this.dataSource.query(
          `SELECT hub_id, count(*)::int AS member_count FROM ${HUB_SCHEMA}.memberships
           WHERE hub_id = ANY($1::uuid[]) GROUP BY hub_id`,
          [page.items.map((hub) => hub.id)],
        )
      : [];
    const byHub = new Map(counts.map((row) => [row.hub_id, row.member_count]));
    return { ...page, items: page.items.map((hub) => ({ ...hub, memberCount: byHub.get(hub.id) ?? 0 })) };
  }
}
