import type { EntityManager } from 'typeorm';

/**
 * Rows of a statement with RETURNING. TypeORM's PostgreSQL driver answers UPDATE and DELETE with
 * `[rows, rowCount]` and every other statement with the rows alone; this always gives the rows.
 */
export async function returning<T>(manager: EntityManager, sql: string, parameters: unknown[]): Promise<T[]> {
  const result: unknown = await manager.query(sql, parameters);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
