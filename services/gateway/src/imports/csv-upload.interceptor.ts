import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { IMPORT_PATTERNS, ImportUploadAllowance, importTooLarge } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import { catchError, throwError, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.guard';
import { readMultipartUpload } from './multipart-upload';

/** Room for the multipart envelope around the file (boundaries, headers, the small form fields). */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;
const MULTIPART = /^multipart\/form-data/i;

/** The file of a mass-invite upload as the handler sees it: stored in the invite service, under its upload id. */
export interface UploadedCsv {
  originalname: string;
  uploadId: string;
  size: number;
}

/**
 * Streams a mass-invite upload to the invite service, never holding the file: the invite service first
 * opens the upload (`invite.import.upload.begin`: may the caller invite into the Hub, and how large a file
 * it takes — its IMPORT_MAX_BYTES); an upload announced larger (Content-Length) is refused before a byte
 * of it is read; then the file goes on in pieces of 512 KiB (`invite.import.upload.append`) as it is read,
 * and reading stops as soon as it passes the limit. The handler finishes the upload (creates the job);
 * whenever the request fails instead — too large, refused, invalid form, client gone — the upload is
 * dropped (`invite.import.upload.abort`; housekeeping drops what this misses).
 */
@Injectable()
export class CsvUploadInterceptor implements NestInterceptor {
  constructor(private readonly rpc: RpcClient) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest & { file?: UploadedCsv }>();
    const actor = request.actor!;
    const upload = await this.rpc.call(IMPORT_PATTERNS.UPLOAD_BEGIN, { actor, hubId: String(request.params.hubId) });
    const abort = (): void => {
      this.rpc.call(IMPORT_PATTERNS.UPLOAD_ABORT, { actor, uploadId: upload.uploadId }).catch(() => undefined);
    };
    try {
      request.file = await this.receive(request, upload);
    } catch (error) {
      abort();
      throw error;
    }
    return next.handle().pipe(
      catchError((error: unknown) => {
        abort();
        return throwError(() => error);
      }),
    );
  }

  private async receive(
    request: AuthenticatedRequest,
    { uploadId, maxBytes, pieceBytes }: ImportUploadAllowance,
  ): Promise<UploadedCsv | undefined> {
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD_BYTES) {
      throw importTooLarge(maxBytes, declared);
    }
    // Not a form: no file (the handler says so once the fields are checked).
    if (!MULTIPART.test(request.headers['content-type'] ?? '')) return undefined;
    const actor = request.actor!;
    const { fields, file } = await readMultipartUpload(request, { maxBytes, pieceBytes }, async (seq, piece) => {
      await this.rpc.call(IMPORT_PATTERNS.UPLOAD_APPEND, {
        actor,
        uploadId,
        seq,
        pieceBase64: piece.toString('base64'),
      });
    });
    request.body = fields;
    return file && { originalname: file.fileName, uploadId, size: file.bytes };
  }
}
