import { INVITE_SCHEMA } from '../../invite.config';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

export interface ImportUploadRow {
  id: string;
  hub_id: string;
  created_by: string;
  bytes: number;
  pieces: number;
  finished: boolean;
}

/** Why a piece was not stored. */
export type AppendRefusal = 'unknown' | 'out_of_order' | 'too_large';

/**
 * SQL for uploads in progress and their pieces (schema `invite`): a file arrives and is stored a piece
 * at a time (invite.import_upload_pieces), and is read back the same way; no statement holds it whole.
 */
@Injectable()
export class ImportUploadsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async open(id: string, hubId: string, createdBy: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO ${INVITE_SCHEMA}.import_uploads (id, hub_id, created_by) VALUES ($1, $2, $3)`,
      [id, hubId, createdBy],
    );
  }

  async find(id: string): Promise<ImportUploadRow | null> {
    const rows: ImportUploadRow[] = await this.dataSource.query(
      `SELECT id, hub_id, created_by, bytes::float8 AS bytes, pieces, finished FROM ${INVITE_SCHEMA}.import_uploads WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * Stores piece `seq` of the uploader's unfinished upload, in order, unless the upload would pass
   * `maxBytes`. A piece stored already (a redelivered request) is not stored twice. Answers the bytes
   * stored so far, or why the piece was refused.
   */
  async append(
    id: string,
    createdBy: string,
    seq: number,
    piece: Buffer,
    maxBytes: number,
  ): Promise<{ bytes: number } | { refused: AppendRefusal; bytes: number }> {
    return this.dataSource.transaction(async (manager) => {
      const [rows]: [{ bytes: number; pieces: number }[], number] = await manager.query(
        `UPDATE ${INVITE_SCHEMA}.import_uploads SET bytes = bytes + $4, pieces = pieces + 1, updated_at = now()
         WHERE id = $1 AND created_by = $2 AND NOT finished AND pieces = $3 AND bytes + $4 <= $5
         RETURNING bytes::float8 AS bytes, pieces`,
        [id, createdBy, seq, piece.length, maxBytes],
      );
      if (rows.length === 1) {
        await manager.query(
          `INSERT INTO ${INVITE_SCHEMA}.import_upload_pieces (upload_id, seq, bytes) VALUES ($1, $2, $3)`,
          [id, seq, piece],
        );
        return { bytes: rows[0].bytes };
      }
      return this.whyNotAppended(manager, id, createdBy, seq, piece.length);
    });
  }

  private async whyNotAppended(
    manager: EntityManager,
    id: string,
    createdBy: string,
    seq: number,
    pieceBytes: number,
  ): Promise<{ bytes: number } | { refused: AppendRefusal; bytes: number }> {
    const rows: { bytes: number; pieces: number; finished: boolean }[] = await manager.query(
      `SELECT bytes::float8 AS bytes, pieces, finished FROM ${INVITE_SCHEMA}.import_uploads WHERE id = $1 AND created_by = $2`,
      [id, createdBy],
    );
    const upload = rows[0];
    if (!upload || upload.finished) return { refused: 'unknown', bytes: 0 };
    if (seq < upload.pieces) return { bytes: upload.bytes }; // stored already
    if (seq > upload.pieces) return { refused: 'out_of_order', bytes: upload.bytes };
    return { refused: 'too_large', bytes: upload.bytes + pieceBytes };
  }

  /** The upload's pieces in order, one query each: never more than one piece in memory. */
  async *pieces(id: string): AsyncGenerator<Buffer> {
    for (let seq = 0; ; seq++) {
      const rows: { bytes: Buffer }[] = await this.dataSource.query(
        `SELECT bytes FROM ${INVITE_SCHEMA}.import_upload_pieces WHERE upload_id = $1 AND seq = $2`,
        [id, seq],
      );
      if (rows.length === 0) return;
      yield rows[0].bytes;
    }
  }

  /** Drops an upload and its pieces (abandoned, refused, or its job has ended). */
  async remove(id: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`DELETE FROM ${INVITE_SCHEMA}.import_uploads WHERE id = $1`, [id]);
  }

  /** Drops unfinished uploads no piece has reached for `olderThan` (the gateway that sent them is gone). */
  async removeStale(olderThan: string): Promise<number> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM ${INVITE_SCHEMA}.import_uploads WHERE NOT finished AND updated_at < now() - $1::interval`,
      [olderThan],
    );
    return count;
  }
}
