import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { returning } from '../../database/returning';

export type Admission = { admitted: true } | { admitted: false; retryAfterSeconds: number };

/**
 * The per-link rate limit: a sliding window over invite.registration_link_attempts. Each admitted
 * sign-up attempt is one row, recorded in its own short transaction (so a failed attempt still counts);
 * refused attempts are not recorded, so the window drains while someone hammers it.
 */
@Injectable()
export class JoinAttemptsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async admit(linkId: string, clientAddress: string, limit: number, windowSeconds: number): Promise<Admission> {
    return this.dataSource.transaction(async (manager) => {
      // Serialises admissions of one link, so the window's count is exact.
      await manager.query('SELECT 1 FROM invite.registration_links WHERE id = $1 FOR UPDATE', [linkId]);
      const [window]: { count: number; oldest: Date | null }[] = await manager.query(
        `SELECT count(*)::int AS count, min(attempted_at) AS oldest FROM invite.registration_link_attempts
         WHERE link_id = $1 AND attempted_at > clock_timestamp() - make_interval(secs => $2)`,
        [linkId, windowSeconds],
      );
      if (window.count >= limit) {
        const [{ wait }]: { wait: number }[] = await manager.query(
          `SELECT greatest(1, ceil(extract(epoch FROM ($1::timestamptz + make_interval(secs => $2) - clock_timestamp()))))::int AS wait`,
          [window.oldest, windowSeconds],
        );
        return { admitted: false, retryAfterSeconds: wait };
      }
      await manager.query('INSERT INTO invite.registration_link_attempts (link_id, client_address) VALUES ($1, $2)', [
        linkId,
        clientAddress.slice(0, 100),
      ]);
      return { admitted: true };
    });
  }

  /** Attempts older than the window count for nothing: deleted (client addresses are not kept longer). */
  async prune(windowSeconds: number): Promise<number> {
    const rows = await returning<{ id: string }>(
      this.dataSource.manager,
      `DELETE FROM invite.registration_link_attempts
       WHERE attempted_at < clock_timestamp() - make_interval(secs => $1) RETURNING id`,
      [windowSeconds],
    );
    return rows.length;
  }
}
