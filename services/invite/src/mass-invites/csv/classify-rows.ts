import { normalizeEmail } from '@gatehouse/email-address';
import { CsvRefusedError } from './csv-refused-error';
import { extractAddress, trimCell } from './extract-address';
import { isHeaderCell } from './header';
import type { CsvLimits, ParsedRow } from './types';

/**
 * Classifies records in file order: blank, header (the first non-blank row only), valid, invalid,
 * or duplicate of an earlier valid row, handing each row on as it is classified (none is kept). Throws
 * CsvRefusedError once a row limit is passed. What it keeps for the whole file is the first line of each
 * address (to name the line a duplicate repeats): about 100 bytes an address.
 */
export class RowClassifier {
  header = false;
  private headerChecked = false;
  private dataRows = 0;
  private blankRows = 0;
  private readonly firstLineOf = new Map<string, number>();

  /** `onRow` null: the rows are only counted (the header told apart, the limits enforced), not classified. */
  constructor(
    private readonly limits: CsvLimits,
    private readonly onRow: ((row: ParsedRow) => void) | null,
  ) {}

  /** Non-blank rows so far, the header excluded. */
  get dataRowCount(): number {
    return this.dataRows;
  }

  add(line: number, fields: readonly string[]): void {
    const raw = fields[0] ?? '';
    const cell = trimCell(raw);
    if (cell === '') {
      this.addBlank(line, raw, fields);
      return;
    }
    if (!this.headerChecked) {
      this.headerChecked = true;
      if (isHeaderCell(cell)) {
        this.header = true;
        return;
      }
    }
    if (++this.dataRows > this.limits.maxRows) throw CsvRefusedError.tooManyRows(this.limits.maxRows, 'rows');
    if (!this.onRow) return;

    const { maxCellLength } = this.limits;
    if (cell.length > maxCellLength) {
      const shown = `${raw.slice(0, maxCellLength)}…`;
      this.onRow({
        line,
        raw: shown,
        email: null,
        outcome: 'invalid',
        reason: `longer than ${maxCellLength} characters`,
      });
      return;
    }
    const result = normalizeEmail(extractAddress(cell));
    if (!result.ok) {
      this.onRow({ line, raw, email: null, outcome: 'invalid', reason: result.reason });
      return;
    }
    const first = this.firstLineOf.get(result.email);
    if (first !== undefined) {
      this.onRow({
        line,
        raw,
        email: result.email,
        outcome: 'duplicate_in_file',
        reason: `duplicate of line ${first}`,
      });
      return;
    }
    this.firstLineOf.set(result.email, line);
    this.onRow({ line, raw, email: result.email, outcome: 'valid', reason: null });
  }

  private addBlank(line: number, raw: string, fields: readonly string[]): void {
    // Blank rows cost memory like any other: cap them too (a file of 10 MiB of line ends has 10 million).
    if (++this.blankRows > this.limits.maxRows) throw CsvRefusedError.tooManyRows(this.limits.maxRows, 'blank rows');
    if (!this.onRow) return;
    const wholeRowBlank = fields.every((field) => trimCell(field) === '');
    this.onRow({
      line,
      raw,
      email: null,
      outcome: 'blank',
      reason: wholeRowBlank ? 'blank line' : 'first cell is empty',
    });
  }
}
