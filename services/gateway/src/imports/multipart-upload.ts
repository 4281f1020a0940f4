import { ERROR_CODES, DomainError, importTooLarge } from '@gatehouse/contracts';
import busboy from 'busboy';
import type { Request } from 'express';
import type { Readable } from 'node:stream';

/** busboy's file part: the bytes, and whether the size limit cut them off. */
type FileStream = Readable & { truncated?: boolean };

/** What a multipart upload held besides the file's bytes, which went on piece by piece. */
export interface ReadUpload {
  fields: Record<string, string>;
  /** Absent when the form had no "file" part. */
  file?: { fileName: string; bytes: number };
}

export interface UploadLimits {
  maxBytes: number;
  pieceBytes: number;
}

/** Sends piece `seq` of the file; awaited before more of the request is read. */
export type SendPiece = (seq: number, piece: Buffer) => Promise<void>;

// The form's small fields (userType, dryRun): a few, short.
const FORM_LIMITS = { files: 1, fields: 20, fieldSize: 64 * 1024, parts: 30 };

const refused = (message: string) => new DomainError(ERROR_CODES.VALIDATION_FAILED, message);

/**
 * Reads a multipart/form-data request as it arrives: the form fields are kept, and the part "file" is
 * handed on in pieces of `pieceBytes` (the last one shorter) — the request is read no faster than the
 * pieces are taken, so at most one piece is held. Stops reading, with IMPORT.TOO_LARGE, once the file
 * passes `maxBytes`; fails when the client goes away or the form is broken.
 */
export function readMultipartUpload(request: Request, limits: UploadLimits, send: SendPiece): Promise<ReadUpload> {
  return new Promise((resolve, reject) => {
    let reader: ReturnType<typeof busboy>;
    try {
      reader = busboy({ headers: request.headers, limits: { ...FORM_LIMITS, fileSize: limits.maxBytes } });
    } catch (error) {
      reject(refused(`The upload is not a multipart form: ${(error as Error).message}`));
      return;
    }
    const fields: Record<string, string> = Object.create(null) as Record<string, string>;
    let file: ReadUpload['file'];
    let fileStream: FileStream | null = null;
    let fileSent: Promise<void> = Promise.resolve();
    let failed = false;

    const fail = (error: unknown): void => {
      if (failed) return;
      failed = true;
      request.unpipe(reader);
      request.resume(); // the rest of the body is drained and dropped
      fileStream?.destroy();
      reject(error);
    };

    reader.on('field', (name, value) => {
      fields[name] = value;
    });
    reader.on('file', (name, stream, info) => {
      if (name !== 'file' || file) {
        stream.resume();
        fail(refused('Upload one CSV, in the "file" field.'));
        return;
      }
      file = { fileName: info.filename ?? '', bytes: 0 };
      fileStream = stream;
      fileSent = sendInPieces(stream, limits, send, file).catch((error: unknown) => fail(error));
    });
    reader.on('filesLimit', () => fail(refused('Upload one CSV, in the "file" field.')));
    reader.on('error', (error: Error) => fail(refused(`The upload could not be read: ${error.message}`)));
    reader.on('close', () => {
      void fileSent.then(() => {
        if (!failed) resolve({ fields, file });
      });
    });
    request.once('close', () => {
      if (!request.complete) fail(refused('The upload was cut off before its end.'));
    });
    request.pipe(reader);
  });
}

async function sendInPieces(
  stream: FileStream,
  { maxBytes, pieceBytes }: UploadLimits,
  send: SendPiece,
  file: { bytes: number },
): Promise<void> {
  let held: Buffer[] = [];
  let heldBytes = 0;
  let seq = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    file.bytes += chunk.length;
    held.push(chunk);
    heldBytes += chunk.length;
    while (heldBytes >= pieceBytes) {
      const all = Buffer.concat(held);
      await send(seq++, all.subarray(0, pieceBytes));
      const rest = all.subarray(pieceBytes);
      held = rest.length > 0 ? [rest] : [];
      heldBytes = rest.length;
    }
  }
  // busboy stops the file at the limit and marks it truncated: nothing past the limit was read.
  if (stream.truncated) throw importTooLarge(maxBytes);
  if (heldBytes > 0) await send(seq, Buffer.concat(held));
}
