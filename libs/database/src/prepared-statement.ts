import type { Pool, QueryResultRow } from 'pg';
import type { DataSource } from 'typeorm';

/**
 * A named statement run straight on TypeORM's pg pool: PostgreSQL parses and plans it once per pooled
 * connection, and no query builder or query runner is involved. For the hottest single-row look-ups, where
 * TypeORM's `findOne` cost more CPU than the query itself (docs/performance.md, "RPC round trip").
 * Outside transactions only: it takes any free connection of the pool.
 */
export class PreparedStatement<Row extends QueryResultRow> {
  constructor(
    /** Unique per statement text in the process: a pg connection knows each prepared name once. */
    readonly name: string,
    readonly text: string,
  ) {}

  async rows(dataSource: DataSource, values: unknown[]): Promise<Row[]> {
    const pool = (dataSource.driver as unknown as { master: Pool }).master;
    const result = await pool.query<Row>({ name: this.name, text: this.text, values });
    return result.rows;
  }
}
