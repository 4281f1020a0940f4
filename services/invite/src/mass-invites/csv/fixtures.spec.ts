import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CsvRefusedError, parseInviteCsv, type ParsedInviteCsv } from './index';

// The project's own CSV cases, with the outcomes each must give (test/fixtures/csv/expected.json).
const FIXTURES = path.resolve(__dirname, '../../../../../test/fixtures/csv');

interface Expectation {
  valid?: string[];
  invalid_lines?: number[];
  duplicate_lines?: number[];
  skipped_blank_lines?: number[];
  header?: boolean;
  refused?: string;
  refused_or_zero_rows?: boolean;
}

const expected = JSON.parse(readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8')) as Record<string, Expectation>;

function parseFixture(file: string): ParsedInviteCsv {
  return parseInviteCsv(readFileSync(path.join(FIXTURES, file)));
}

function linesWith(result: ParsedInviteCsv, outcome: string): number[] {
  return result.rows.filter((row) => row.outcome === outcome).map((row) => row.line);
}

describe('CSV fixtures (test/fixtures/csv/expected.json)', () => {
  it('has an expectation for every fixture file', () => {
    const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.csv'));
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  const parsed = Object.entries(expected).filter(([, exp]) => exp.valid !== undefined);
  it.each(parsed)('%s gives the expected rows', (file, exp) => {
    const result = parseFixture(file);
    expect(result.rows.filter((row) => row.outcome === 'valid').map((row) => row.email)).toEqual(exp.valid);
    expect(linesWith(result, 'invalid')).toEqual(exp.invalid_lines);
    expect(linesWith(result, 'duplicate_in_file')).toEqual(exp.duplicate_lines);
    if (exp.skipped_blank_lines) expect(linesWith(result, 'blank')).toEqual(exp.skipped_blank_lines);
    expect(result.header).toBe(exp.header ?? false);
  });

  const refused = Object.entries(expected).filter(([, exp]) => exp.refused !== undefined);
  it.each(refused)('%s is refused whole', (file, exp) => {
    expect(() => parseFixture(file)).toThrow(CsvRefusedError);
    expect(() => parseFixture(file)).toThrow(exp.refused);
  });

  const emptyish = Object.entries(expected).filter(([, exp]) => exp.refused_or_zero_rows);
  it.each(emptyish)('%s is refused or gives no rows', (file) => {
    let rows: number;
    try {
      rows = parseFixture(file).rows.filter((row) => row.outcome !== 'blank').length;
    } catch (err) {
      expect(err).toBeInstanceOf(CsvRefusedError);
      rows = 0;
    }
    expect(rows).toBe(0);
  });
});
