import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ListTenanciesRequest, Page, pageWindow, TenancySummaryView } from '@gatehouse/contracts';
import { DataSource } from 'typeorm';
import { HUB_SCHEMA } from '../hub.config';

interface TenancySummaryRow {
  id: string;
  name: string;
  slug: string;
  created_at: Date;
  admin_count: number;
  hub_count: number;
}

/**
 * Operators get every tenancy, anyone else the ones they administer; each with its numbers of tenant
 * admins and Hubs, counted by the database for the page's rows only.
 */
@Injectable()
export class ListTenancies {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async execute(request: ListTenanciesRequest): Promise<Page<TenancySummaryView>> {
    const { actor } = request;
    const { limit, offset } = pageWindow(request);
    const mine = actor.isOperator ? null : actor.accountId;
    const visible = `($1::uuid IS NULL OR EXISTS (
        SELECT 1 FROM ${HUB_SCHEMA}.tenant_admins me WHERE me.tenancy_id = t.id AND me.account_id = $1))`;
    const rows: TenancySummaryRow[] = await this.dataSource.query(
      `SELECT t.id, t.name, t.slug, t.created_at,
              (SELECT count(*) FROM ${HUB_SCHEMA}.tenant_admins a WHERE a.tenancy_id = t.id)::int AS admin_count,
              (SELECT count(*) FROM ${HUB_SCHEMA}.hubs h WHERE h.tenancy_id = t.id)::int AS hub_count
       FROM ${HUB_SCHEMA}.tenancies t WHERE ${visible}
       ORDER BY t.name, t.id LIMIT $2 OFFSET $3`,
      [mine, limit, offset],
    );
    const [{ total }]: { total: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM ${HUB_SCHEMA}.tenancies t WHERE ${visible}`,
      [mine],
    );
    const items = rows.map((row) => ({
      id: row.id,
      name: row.name,
      slug: row.slug,
      createdAt: row.created_at.toISOString(),
      adminCount: row.admin_count,
      hubCount: row.hub_count,
    }));
    return { items, total, limit, offset };
  }
}
