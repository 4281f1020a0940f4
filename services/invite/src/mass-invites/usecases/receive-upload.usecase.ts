import { Injectable } from '@nestjs/common';
import {
  AbortImportUploadRequest,
  AppendImportUploadRequest,
  BeginImportUploadRequest,
  ERROR_CODES,
  IMPORT_UPLOAD_PIECE_BYTES,
  ImportUploadAllowance,
  ImportUploadProgress,
  DomainError,
  importTooLarge,
} from '@gatehouse/contracts';
import { randomUUID } from 'node:crypto';
import { HubClient } from '../../hub/hub-client';
import { CsvRefusedError } from '../csv';
import { decodeUpload } from '../csv/decode';
import { ImportLimits } from '../jobs/import-limits';
import { ImportUploadsRepository } from '../uploads/import-uploads.repository';

/** Enough of the file to tell a spreadsheet export from a picture without reading all of it. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Receives an upload a piece at a time (from the gateway, as it reads the request): opens it once the
 * caller may invite into the Hub, stores each piece in order, refuses at once a file that passes the size
 * limit or whose first piece is not text, and drops an upload that will not be finished. The job is
 * created from the complete upload by CreateImport.
 */
@Injectable()
export class ReceiveUpload {
  constructor(
    private readonly hubs: HubClient,
    private readonly uploads: ImportUploadsRepository,
    private readonly limits: ImportLimits,
  ) {}

  /**
   * Asked before the file is read: the caller may invite into the Hub (the user type is checked when
   * the upload is finished), and the file may be this large at most.
   */
  async begin({ actor, hubId }: BeginImportUploadRequest): Promise<ImportUploadAllowance> {
    const access = await this.hubs.authorise(actor.accountId, hubId, 'invite');
    const uploadId = randomUUID();
    await this.uploads.open(uploadId, access.hub.id, actor.accountId);
    return { uploadId, maxBytes: this.limits.csv.maxBytes, pieceBytes: IMPORT_UPLOAD_PIECE_BYTES };
  }

  async append({ actor, uploadId, seq, pieceBase64 }: AppendImportUploadRequest): Promise<ImportUploadProgress> {
    const piece = Buffer.from(pieceBase64, 'base64');
    if (seq === 0) this.refuseIfNotText(piece, uploadId);
    const { maxBytes } = this.limits.csv;
    const stored = await this.uploads.append(uploadId, actor.accountId, seq, piece, maxBytes);
    if (!('refused' in stored)) return stored;
    if (stored.refused === 'too_large') {
      await this.uploads.remove(uploadId);
      throw importTooLarge(maxBytes);
    }
    throw new DomainError(
      ERROR_CODES.VALIDATION_FAILED,
      stored.refused === 'unknown'
        ? 'This upload is not open (finished, abandoned or not yours): upload the file again.'
        : `Piece ${seq} of the upload came out of order; upload the file again.`,
    );
  }

  /** Idempotent: an upload unknown or finished already is left alone. */
  async abort({ actor, uploadId }: AbortImportUploadRequest): Promise<ImportUploadProgress> {
    const upload = await this.uploads.find(uploadId);
    if (upload && upload.created_by === actor.accountId && !upload.finished) await this.uploads.remove(uploadId);
    return { bytes: 0 };
  }

  /** The first piece tells a spreadsheet export from a picture; the job reads the whole file later. */
  private refuseIfNotText(piece: Buffer, uploadId: string): void {
    try {
      decodeUpload(piece.subarray(0, SNIFF_BYTES));
    } catch (error) {
      if (!(error instanceof CsvRefusedError)) throw error;
      // Not awaited by the caller's error: the upload is dropped in the background, housekeeping is the net.
      void this.uploads.remove(uploadId).catch(() => undefined);
      throw new DomainError(error.code, error.message);
    }
  }
}
