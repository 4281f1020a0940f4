import type { EntityManager } from 'typeorm';

/**
 * Claims a message for a consumer inside the caller's transaction. False means it was handled before
 * (a redelivery): skip it. The claim commits or rolls back together with the work it guards.
 */
export async function claimMessage(
  manager: EntityManager,
  schema: string,
  messageId: string,
  consumer: string,
): Promise<boolean> {
  const rows: unknown[] = await manager.query(
    `INSERT INTO "${schema}".inbox (message_id, consumer) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING message_id`,
    [messageId, consumer],
  );
  return rows.length === 1;
}
