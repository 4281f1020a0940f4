import * as iconv from 'iconv-lite';
import { CsvRefusedError } from './csv-refused-error';
import { decodeUpload, looksLikeText } from './decode';
import { CSV_FIXES } from './types';

describe('decodeUpload', () => {
  it('reads UTF-8 without a BOM as is', () => {
    expect(decodeUpload(Buffer.from('a@bücher.example\n'))).toEqual({
      text: 'a@bücher.example\n',
      encoding: 'utf-8',
      fixes: [],
    });
  });

  it('removes a UTF-8 BOM', () => {
    const input = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Email\n')]);
    expect(decodeUpload(input)).toEqual({ text: 'Email\n', encoding: 'utf-8', fixes: [CSV_FIXES.bomRemoved] });
  });

  it('decodes UTF-16 LE and BE by their BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Zoë\t€\r\n', 'utf16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('Zoë\t€\r\n', 'utf16le').swap16()]);
    expect(decodeUpload(le)).toEqual({ text: 'Zoë\t€\r\n', encoding: 'utf-16le', fixes: [CSV_FIXES.utf16le] });
    expect(decodeUpload(be)).toEqual({ text: 'Zoë\t€\r\n', encoding: 'utf-16be', fixes: [CSV_FIXES.utf16be] });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    const input = iconv.encode('José Müller – “quoted” €\n', 'windows-1252');
    expect(decodeUpload(input)).toEqual({
      text: 'José Müller – “quoted” €\n',
      encoding: 'windows-1252',
      fixes: [CSV_FIXES.windows1252],
    });
  });

  it('refuses NUL bytes outside UTF-16', () => {
    expect(() => decodeUpload(Buffer.from('a@example.com\u0000\n', 'latin1'))).toThrow(CsvRefusedError);
  });

  it('refuses binary without NUL bytes by its share of control characters', () => {
    const bytes = Buffer.alloc(1000);
    for (let i = 0; i < bytes.length; i++) bytes[i] = ((i * 37) % 255) + 1;
    expect(() => decodeUpload(bytes)).toThrow(expect.objectContaining({ code: 'IMPORT.NOT_TEXT' }));
  });

  it('refuses a UTF-16 file full of NUL characters', () => {
    const input = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.alloc(64)]);
    expect(() => decodeUpload(input)).toThrow(expect.objectContaining({ code: 'IMPORT.NOT_TEXT' }));
  });
});

describe('looksLikeText', () => {
  it('accepts text with tabs, line ends and a rare stray control character', () => {
    expect(looksLikeText(`${'a@example.com\t\r\n'.repeat(10)}\u0007`)).toBe(true);
  });

  it('refuses text that is mostly control characters, or has a NUL', () => {
    expect(looksLikeText('\u0001\u0002\u0003abc')).toBe(false);
    expect(looksLikeText('abc\u0000')).toBe(false);
  });
});
