import { StringDecoder } from 'node:string_decoder';
import * as iconv from 'iconv-lite';
import { CsvRefusedError } from './csv-refused-error';
import type { TextEncodingName } from './decode';
import { CSV_FIXES } from './types';

/** How a file's bytes become text: settled by EncodingSniffer from all of them, before any is read as rows. */
export interface EncodingChoice {
  encoding: TextEncodingName;
  /** Bytes of the byte-order mark to drop. */
  bomBytes: number;
  fixes: string[];
}

/**
 * Pass one over a file's pieces (bytes only, nothing kept): its size, the byte-order mark, a NUL byte,
 * and whether the whole file is valid UTF-8 — the same choice decodeUpload makes with the file in hand.
 */
export class EncodingSniffer {
  private readonly head: number[] = [];
  private size = 0;
  private nul = false;
  private utf8 = true;
  private readonly validator = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

  write(piece: Buffer): void {
    for (let i = 0; i < piece.length && this.head.length < 3; i++) this.head.push(piece[i]);
    this.size += piece.length;
    if (!this.nul && piece.includes(0)) this.nul = true;
    if (this.utf8) {
      try {
        this.validator.decode(piece, { stream: true });
      } catch {
        this.utf8 = false;
      }
    }
  }

  /** Throws CsvRefusedError when the file is too large or binary (a NUL byte outside UTF-16). */
  end(maxBytes: number): EncodingChoice {
    if (this.size > maxBytes) throw CsvRefusedError.tooLarge(this.size, maxBytes);
    if (this.utf8) {
      try {
        this.validator.decode();
      } catch {
        this.utf8 = false; // the file ends inside a character
      }
    }
    const [b0, b1, b2] = this.head;
    if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', bomBytes: 2, fixes: [CSV_FIXES.utf16le] };
    if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', bomBytes: 2, fixes: [CSV_FIXES.utf16be] };
    if (this.nul) throw CsvRefusedError.notText();
    const hasBom = b0 === 0xef && b1 === 0xbb && b2 === 0xbf;
    const fixes: string[] = hasBom ? [CSV_FIXES.bomRemoved] : [];
    if (this.utf8) return { encoding: 'utf-8', bomBytes: hasBom ? 3 : 0, fixes };
    return { encoding: 'windows-1252', bomBytes: hasBom ? 3 : 0, fixes: [...fixes, CSV_FIXES.windows1252] };
  }
}

/** The decoded text of one piece: as decoded, and with every line end made `\n`. */
export interface TextPiece {
  decoded: string;
  text: string;
  /** The piece held a CR that was not part of a CRLF. */
  loneCr: boolean;
}

const LONE_CR = /\r(?!\n)/;
const ANY_LINE_END = /\r\n?/g;

/**
 * Bytes to text a piece at a time, characters and CRLF pairs split across pieces kept whole. One line
 * end from here on: csv-parse settles on the first kind it meets, and mixed files exist.
 */
export class TextPieces {
  private skip: number;
  private readonly decoder: { write(piece: Buffer): string; end(): string | undefined };
  private heldCr = false;

  constructor(choice: EncodingChoice) {
    this.skip = choice.bomBytes;
    this.decoder = decoderFor(choice.encoding);
  }

  write(piece: Buffer): TextPiece {
    const skipped = Math.min(this.skip, piece.length);
    this.skip -= skipped;
    return this.normalise(this.decoder.write(skipped ? piece.subarray(skipped) : piece), false);
  }

  end(): TextPiece {
    return this.normalise(this.decoder.end() ?? '', true);
  }

  private normalise(decoded: string, last: boolean): TextPiece {
    let text = this.heldCr ? `\r${decoded}` : decoded;
    // A CR at the end of a piece may be the first half of a CRLF: it waits for the next piece.
    this.heldCr = !last && text.endsWith('\r');
    if (this.heldCr) text = text.slice(0, -1);
    if (!text.includes('\r')) return { decoded, text, loneCr: false };
    return { decoded, text: text.replace(ANY_LINE_END, '\n'), loneCr: LONE_CR.test(text) };
  }
}

function decoderFor(encoding: TextEncodingName): { write(piece: Buffer): string; end(): string | undefined } {
  switch (encoding) {
    case 'utf-8':
      return new StringDecoder('utf8');
    case 'utf-16le':
      return new StringDecoder('utf16le');
    case 'utf-16be':
      return iconv.getDecoder('utf16be');
    case 'windows-1252':
      return iconv.getDecoder('windows-1252');
  }
}
