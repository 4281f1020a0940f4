import {
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
  Type,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { IMPORT_ERROR_CODES, IMPORT_PATTERNS, DomainError } from '@gatehouse/contracts';
import { RpcClient } from '@gatehouse/messaging';
import type { Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.guard';

/** Room for the multipart envelope around the file (boundaries, headers, the small form fields). */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const mebibytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

function tooLarge(maxBytes: number, bytes?: number): DomainError {
  const size = bytes === undefined ? 'The file is larger than the limit' : `The upload is ${mebibytes(bytes)}`;
  return new DomainError(
    IMPORT_ERROR_CODES.TOO_LARGE,
    `${size}; the limit is ${mebibytes(maxBytes)}. Split it into smaller files.`,
    { limit: maxBytes, ...(bytes === undefined ? {} : { bytes }) },
  );
}

/**
 * Reads a mass-invite upload only once the invite service has said the caller may invite into the Hub
 * and how large a file it takes (its IMPORT_MAX_BYTES): an upload announced larger (Content-Length) is
 * refused before a byte of it is read, and reading stops as soon as the file passes the limit — nothing
 * over the limit is buffered in the gateway. The invite service checks the file again when it gets it.
 */
@Injectable()
export class CsvUploadInterceptor implements NestInterceptor {
  /** Nest's multipart reader for the field "file", one per size limit (the limit is the invite service's). */
  private readonly readers = new Map<number, NestInterceptor>();

  constructor(private readonly rpc: RpcClient) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const { maxBytes } = await this.rpc.call(IMPORT_PATTERNS.UPLOAD_CHECK, {
      actor: request.actor!,
      hubId: String(request.params.hubId),
    });
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD_BYTES) throw tooLarge(maxBytes, declared);
    try {
      return await this.reader(maxBytes).intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) throw tooLarge(maxBytes);
      throw error;
    }
  }

  private reader(maxBytes: number): NestInterceptor {
    let reader = this.readers.get(maxBytes);
    if (!reader) {
      const Reader: Type<NestInterceptor> = FileInterceptor('file', { limits: { fileSize: maxBytes, files: 1 } });
      reader = new Reader();
      this.readers.set(maxBytes, reader);
    }
    return reader;
  }
}
