import { CsvRefusedError } from './csv-refused-error';
import { MAX_CONTROL_SHARE, countControls } from './decode';
import { SAMPLE_CHARS, detectDelimiter, readSepLine } from './detect-delimiter';
import { EncodingChoice, TextPieces } from './text-pieces';
import { CSV_FIXES, type CsvDelimiter } from './types';

/** What pass two learns about a file's text: enough to read its rows in one more pass. */
export interface CsvShape {
  choice: EncodingChoice;
  /** In the order the parser has always listed them: decoding, line ends, sep= line, delimiter. */
  fixes: string[];
  /** Characters of a `sep=` first line to drop (line end included); 0 without one. */
  sepLength: number;
  /** The line the rows start on (2 after a sep= line). */
  firstLine: number;
  delimiter: CsvDelimiter;
  /** Physical lines in the file, sep= and header lines included; a final line end opens no new line. */
  totalLines: number;
  /** UTF-8 bytes of the text after the sep= line (line ends `\n`): the budget of broken-quote repairs. */
  textBytes: number;
}

const NON_SPACE = /\S/;
// The head kept: the delimiter's sample after a sep= line (at most 16 characters and its line end), and a little more.
const HEAD_CHARS = SAMPLE_CHARS + 64;

/**
 * Pass two over a file's pieces (text, only the first 64 KiB kept): is it text at all, is there anything
 * in it, its line ends, its `sep=` line, its delimiter and its size in lines — what the parser decided
 * from the whole text when it held it.
 */
export class TextSurvey {
  private readonly pieces: TextPieces;
  private head = '';
  private length = 0;
  private controls = 0;
  private nulChar = false;
  private loneCr = false;
  private newlines = 0;
  private lastChar = '';
  private bytes = 0;
  private nonSpaceAfterHead = false;

  constructor(private readonly choice: EncodingChoice) {
    this.pieces = new TextPieces(choice);
  }

  write(piece: Buffer): void {
    this.add(this.pieces.write(piece));
  }

  /** Throws CsvRefusedError for a file that is not text, or holds nothing but white space and a sep= line. */
  end(): CsvShape {
    this.add(this.pieces.end());
    if (this.nulChar || this.controls > this.length * MAX_CONTROL_SHARE) throw CsvRefusedError.notText();
    const fixes = [...this.choice.fixes];
    if (this.loneCr) fixes.push(CSV_FIXES.crLineEndings);
    const sep = readSepLine(this.head);
    if (sep) fixes.push(CSV_FIXES.sepLine);
    const afterSep = this.head.slice(sep?.length ?? 0);
    if (!NON_SPACE.test(afterSep) && !this.nonSpaceAfterHead) throw CsvRefusedError.empty();
    const delimiter = sep?.delimiter ?? detectDelimiter(afterSep);
    if (delimiter === ';') fixes.push(CSV_FIXES.semicolon);
    if (delimiter === '\t') fixes.push(CSV_FIXES.tab);
    const totalLines = this.newlines + (this.lastChar === '' || this.lastChar === '\n' ? 0 : 1);
    return {
      choice: this.choice,
      fixes,
      sepLength: sep?.length ?? 0,
      firstLine: sep ? 2 : 1,
      delimiter,
      totalLines,
      textBytes: this.bytes - Buffer.byteLength(this.head.slice(0, sep?.length ?? 0)),
    };
  }

  private add({ decoded, text, loneCr }: { decoded: string; text: string; loneCr: boolean }): void {
    const counted = countControls(decoded);
    this.nulChar ||= counted === null;
    this.controls += counted ?? 0;
    this.length += decoded.length;
    this.loneCr ||= loneCr;
    if (text === '') return;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.newlines++;
    this.lastChar = text[text.length - 1];
    this.bytes += Buffer.byteLength(text);
    const room = HEAD_CHARS - this.head.length;
    if (room > 0) this.head += text.slice(0, room);
    if (!this.nonSpaceAfterHead && text.length > room)
      this.nonSpaceAfterHead = NON_SPACE.test(text.slice(Math.max(room, 0)));
  }
}
