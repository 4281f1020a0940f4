import { DomainError } from '../errors/domain-error';
import { IMPORT_ERROR_CODES } from '../errors/error-codes';

/**
 * An upload crosses RabbitMQ in pieces of at most this many bytes (base64 in the message), so that no
 * process holds a whole file and no broker message carries one.
 */
export const IMPORT_UPLOAD_PIECE_BYTES = 512 * 1024;

/** A file cut into the pieces an upload sends: all full-size but the last; none for an empty file. */
export function* importUploadPieces(content: Buffer): Generator<Buffer> {
  for (let at = 0; at < content.length; at += IMPORT_UPLOAD_PIECE_BYTES) {
    yield content.subarray(at, at + IMPORT_UPLOAD_PIECE_BYTES);
  }
}

const mebibytes = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** IMPORT.TOO_LARGE: `bytes` when the size is known (announced), otherwise the file just passed the limit. */
export function importTooLarge(maxBytes: number, bytes?: number): DomainError {
  const size = bytes === undefined ? 'The file is larger than the limit' : `The upload is ${mebibytes(bytes)}`;
  return new DomainError(
    IMPORT_ERROR_CODES.TOO_LARGE,
    `${size}; the limit is ${mebibytes(maxBytes)}. Split it into smaller files.`,
    { limit: maxBytes, ...(bytes === undefined ? {} : { bytes }) },
  );
}
