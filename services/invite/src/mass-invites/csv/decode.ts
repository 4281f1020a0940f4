import { isUtf8 } from 'node:buffer';
import * as iconv from 'iconv-lite';
import { CsvRefusedError } from './csv-refused-error';
import { CSV_FIXES } from './types';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  fixes: string[];
}

// Above this share of control characters the upload is binary (a spreadsheet, an image…), not CSV.
export const MAX_CONTROL_SHARE = 0.02;

/**
 * Bytes to text: UTF-8 (BOM or not), UTF-16 LE/BE with BOM, else Windows-1252 when the bytes are
 * not valid UTF-8. Throws CsvRefusedError('IMPORT.NOT_TEXT') for binary content. The BOM is removed.
 */
export function decodeUpload(input: Buffer): DecodedText {
  if (input[0] === 0xff && input[1] === 0xfe) {
    return checked({ text: input.toString('utf16le', 2), encoding: 'utf-16le', fixes: [CSV_FIXES.utf16le] });
  }
  if (input[0] === 0xfe && input[1] === 0xff) {
    return checked({
      text: iconv.decode(input.subarray(2), 'utf16be'),
      encoding: 'utf-16be',
      fixes: [CSV_FIXES.utf16be],
    });
  }
  // Outside UTF-16 a NUL byte never occurs in text.
  if (input.includes(0)) throw CsvRefusedError.notText();
  const hasBom = input[0] === 0xef && input[1] === 0xbb && input[2] === 0xbf;
  const body = hasBom ? input.subarray(3) : input;
  const fixes: string[] = hasBom ? [CSV_FIXES.bomRemoved] : [];
  if (isUtf8(body)) return checked({ text: body.toString('utf8'), encoding: 'utf-8', fixes });
  fixes.push(CSV_FIXES.windows1252);
  return checked({ text: iconv.decode(body, 'windows-1252'), encoding: 'windows-1252', fixes });
}

function checked(decoded: DecodedText): DecodedText {
  if (!looksLikeText(decoded.text)) throw CsvRefusedError.notText();
  return decoded;
}

/** False when the text has NUL characters or more than a small share of other control characters. */
export function looksLikeText(text: string): boolean {
  const controls = countControls(text);
  return controls !== null && controls <= text.length * MAX_CONTROL_SHARE;
}

/** Control characters in `text` (tab and line ends excepted); null when it holds a NUL character. */
export function countControls(text: string): number | null {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) continue;
    if (c === 0) return null;
    if (c === 0x09 || c === 0x0a || c === 0x0d) continue;
    // C0 controls, DEL, C1 controls, and U+FFFD (bytes the decoder could not map)
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0xfffd) controls++;
  }
  return controls;
}
