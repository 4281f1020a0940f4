import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  DEFAULT_CSV_LIMITS,
  countInviteCsvRows,
  parseInviteCsv,
  readInviteCsvRows,
  surveyInviteCsv,
  type CsvLimits,
  type ParsedRow,
} from './index';

const FIXTURES = path.resolve(__dirname, '../../../../../test/fixtures/csv');

/** The file cut into pieces of `size` bytes, read afresh on each pass (as the runner reads stored pieces). */
const piecesOf = (input: Buffer, size: number) =>
  async function* pieces(): AsyncGenerator<Buffer> {
    for (let at = 0; at < input.length; at += size) yield input.subarray(at, at + size);
  };

async function streamed(input: Buffer, size: number) {
  const pieces = piecesOf(input, size);
  try {
    const shape = await surveyInviteCsv(pieces, DEFAULT_CSV_LIMITS);
    const rows: ParsedRow[] = [];
    const { dataRows: _dataRows, ...read } = await readInviteCsvRows(
      pieces,
      shape,
      DEFAULT_CSV_LIMITS,
      async (batch) => {
        rows.push(...batch);
      },
    );
    return { rows, ...read };
  } catch (error) {
    return { refused: (error as Error).message };
  }
}

function whole(input: Buffer) {
  try {
    return parseInviteCsv(input);
  } catch (error) {
    return { refused: (error as Error).message };
  }
}

/**
 * The streamed reading (pieces, windows) gives exactly what the whole-file reading gives, whatever the
 * piece size: characters, CRLF pairs, quoted fields and the sep= line cut across pieces.
 */
describe('reading a stored file piece by piece', () => {
  const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.csv'));
  it.each(files)('fixture %s: the same rows and fixes with pieces of 1, 3 and 1,000 bytes', async (file) => {
    const input = readFileSync(path.join(FIXTURES, file));
    for (const size of [1, 3, 1000]) expect(await streamed(input, size)).toEqual(whole(input));
  });

  it.each([
    ['a sep= line, CRLF and lone CRs', 'sep=;\r\nEmail;Name\r\na@example.com;A\rb@example.com;B\r\n'],
    ['UTF-8 characters and a BOM', '\uFEFFEmail\nzoë@exämple.com\n"Ünïcode, Name" <u@example.com>\n'],
    ['broken quotes', 'a@example.com\n"broken@example.com\nb@example.com\nx"y@example.com,"z\n'],
    ['white space only', ' \n\t\n'],
  ])('%s', async (_name, text) => {
    const input = Buffer.from(text, 'utf8');
    for (const size of [1, 2, 5, 64]) expect(await streamed(input, size)).toEqual(whole(input));
  });

  it('reads quoted fields that run across its 256 KiB windows, and a file of many windows', async () => {
    const lines: string[] = ['Email,Note'];
    for (let i = 0; i < 40_000; i++) {
      lines.push(
        i % 997 === 0 ? `"p${i}@example.com","a note\nover ${'two '.repeat(i % 50)}\nlines"` : `p${i}@example.com,x`,
      );
      if (i % 20_001 === 0) lines.push(`"broken${i}@example.com,x`);
    }
    const input = Buffer.from(lines.join('\r\n'), 'utf8');
    expect(input.length).toBeGreaterThan(3 * 256 * 1024);
    const expected = whole(input);
    expect(await streamed(input, 512 * 1024)).toEqual(expected);
    expect(await streamed(input, 4_099)).toEqual(expected);
  });
});

/** The count before a job is decided (countInviteCsvRows) is what reading the rows learns, without the rows. */
describe('counting the rows of a stored file', () => {
  const summaries = async (input: Buffer, limits: CsvLimits) => {
    const pieces = piecesOf(input, 1000);
    const settle = (work: Promise<unknown>) => work.catch((error: Error) => ({ refused: error.message }));
    const shape = await surveyInviteCsv(pieces, limits).catch(() => null);
    if (!shape) return { refusedWhole: true }; // by the survey, before any count (empty.csv, not-text.csv)
    return {
      counted: await settle(countInviteCsvRows(pieces, shape, limits)),
      read: await settle(readInviteCsvRows(pieces, shape, limits, async () => undefined)),
    };
  };

  it.each(readdirSync(FIXTURES).filter((name) => name.endsWith('.csv')))(
    'fixture %s: the same total, header and fixes',
    async (file) => {
      const { counted, read } = await summaries(readFileSync(path.join(FIXTURES, file)), DEFAULT_CSV_LIMITS);
      expect(counted).toEqual(read);
    },
  );

  it.each([
    ['rows', 'Email\na@example.com\nnot an address\na@example.com\nb@example.com\n'],
    ['blank rows', 'a@example.com\n\n,x\n\n'],
  ])('refuses a file over the limit of %s as reading does', async (_, text) => {
    const { counted, read } = await summaries(Buffer.from(text, 'utf8'), { ...DEFAULT_CSV_LIMITS, maxRows: 2 });
    expect(counted).toEqual(read);
    expect(counted).toHaveProperty('refused');
  });
});
