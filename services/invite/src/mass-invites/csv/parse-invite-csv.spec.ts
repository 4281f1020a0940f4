import * as iconv from 'iconv-lite';
import { CSV_FIXES, CsvRefusedError, parseInviteCsv, type ParsedInviteCsv } from './index';

const csv = (text: string): Buffer => Buffer.from(text, 'utf8');

function outcomes(result: ParsedInviteCsv): Array<[number, string, string | null]> {
  return result.rows.map((row) => [row.line, row.outcome, row.email]);
}

function refusal(run: () => unknown): CsvRefusedError {
  try {
    run();
  } catch (err) {
    if (err instanceof CsvRefusedError) return err;
    throw err;
  }
  throw new Error('expected a CsvRefusedError');
}

describe('parseInviteCsv', () => {
  describe('encodings and line ends', () => {
    it('reads CR-only line ends (old Mac) and says so', () => {
      const result = parseInviteCsv(csv('Email\ra@example.com\r\rb@example.com\r'));
      expect(outcomes(result)).toEqual([
        [2, 'valid', 'a@example.com'],
        [3, 'blank', null],
        [4, 'valid', 'b@example.com'],
      ]);
      expect(result.fixes).toContain(CSV_FIXES.crLineEndings);
      expect(result.totalLines).toBe(4);
    });

    it('counts lines right in a file mixing CRLF, LF and CR', () => {
      const result = parseInviteCsv(csv('a@example.com\r\nb@example.com\nc@example.com\rd@example.com'));
      expect(result.rows.map((row) => row.line)).toEqual([1, 2, 3, 4]);
      expect(result.totalLines).toBe(4);
    });

    it('decodes UTF-16 BE with a BOM', () => {
      const body = Buffer.from('Email\tName\r\nzoe@example.com\tZoë\r\nyan@example.com\t燕\r\n', 'utf16le').swap16();
      const result = parseInviteCsv(Buffer.concat([Buffer.from([0xfe, 0xff]), body]));
      expect(result.fixes).toEqual([CSV_FIXES.utf16be, CSV_FIXES.tab, CSV_FIXES.header]);
      expect(outcomes(result)).toEqual([
        [2, 'valid', 'zoe@example.com'],
        [3, 'valid', 'yan@example.com'],
      ]);
    });

    it('decodes Windows-1252 when the bytes are not UTF-8, IDN domain included', () => {
      const result = parseInviteCsv(iconv.encode('rupert@bücher.example;Müller\n', 'windows-1252'));
      expect(result.fixes).toEqual([CSV_FIXES.windows1252, CSV_FIXES.semicolon]);
      expect(outcomes(result)).toEqual([[1, 'valid', 'rupert@xn--bcher-kva.example']]);
    });

    it('strips no-break and zero-width spaces around a cell', () => {
      const result = parseInviteCsv(csv('\u00a0a@example.com\u200b,x\n'));
      expect(outcomes(result)).toEqual([[1, 'valid', 'a@example.com']]);
    });
  });

  describe('delimiters and quoting', () => {
    it('honours and skips a sep= line, counting it in line numbers', () => {
      const result = parseInviteCsv(csv('sep=;\nE-mail;Name\na@example.com;Smith, John\nb@example.com;Doe, Jane\n'));
      expect(result.delimiter).toBe(';');
      expect(result.header).toBe(true);
      expect(result.fixes).toEqual([CSV_FIXES.sepLine, CSV_FIXES.semicolon, CSV_FIXES.header]);
      expect(outcomes(result)).toEqual([
        [3, 'valid', 'a@example.com'],
        [4, 'valid', 'b@example.com'],
      ]);
      expect(result.totalLines).toBe(4);
    });

    it('lets a sep= line override what the content suggests', () => {
      const result = parseInviteCsv(csv('sep=,\na@example.com,x;y;z\n'));
      expect(result.delimiter).toBe(',');
      expect(result.rows[0].raw).toBe('a@example.com');
    });

    it('keeps a quoted field containing the delimiter together', () => {
      const result = parseInviteCsv(csv('"Smith, John <john@example.com>",x\n"jane@example.com","Doe, Jane"\n'));
      expect(outcomes(result)).toEqual([
        [1, 'valid', 'john@example.com'],
        [2, 'valid', 'jane@example.com'],
      ]);
      expect(result.fixes).toEqual([]);
    });

    it('numbers lines after a quoted field spanning several lines by the line each row starts on', () => {
      const result = parseInviteCsv(csv('a@example.com,"note\non two lines"\nb@example.com,"x\n\ny"\nc@example.com\n'));
      expect(result.rows.map((row) => row.line)).toEqual([1, 3, 6]);
      expect(result.totalLines).toBe(6);
    });

    it('detects tab-separated content without a header', () => {
      const result = parseInviteCsv(csv('a@example.com\tAnn, Lee\nb@example.com\tBo\n'));
      expect(result.delimiter).toBe('\t');
      expect(result.fixes).toEqual([CSV_FIXES.tab]);
      expect(result.rows.map((row) => row.email)).toEqual(['a@example.com', 'b@example.com']);
    });

    it('reads a line with broken quoting on its own and goes on with the next lines', () => {
      const text = [
        'a@example.com,"note never closed',
        '"Bo" <bo@example.com>,x',
        '"c@example.com" ,x',
        'd@example.com,"fine, quoted"',
        '"unclosed@example.com,x',
        'e@example.com',
      ].join('\n');
      const result = parseInviteCsv(csv(text));
      expect(outcomes(result)).toEqual([
        [1, 'valid', 'a@example.com'],
        [2, 'valid', 'bo@example.com'],
        [3, 'valid', 'c@example.com'],
        [4, 'valid', 'd@example.com'],
        [5, 'invalid', null],
        [6, 'valid', 'e@example.com'],
      ]);
      expect(result.rows[4].raw).toBe('"unclosed@example.com');
      expect(result.fixes).toEqual(['broken quotes read as plain text on lines 1, 2, 3, 5']);
    });

    it('reads the rest line by line when too many lines have broken quotes, still linear and right', () => {
      const lines = Array.from({ length: 1500 }, (_, i) => `"user${i}@example.com" ,note`);
      const result = parseInviteCsv(csv(`${lines.join('\n')}\n`));
      expect(result.rows).toHaveLength(1500);
      expect(result.rows.every((row) => row.outcome === 'valid')).toBe(true);
      expect(result.rows[1499]).toMatchObject({ line: 1500, email: 'user1499@example.com' });
      expect(result.fixes).toContain('too many broken quotes: lines from 201 on read one by one, quotes as plain text');
    });
  });

  describe('header', () => {
    it.each(['Email', 'E-mail', 'E-mail address', 'Email Address', 'mail', 'Courriel', 'E-Mail-Adresse', '"Email"'])(
      'recognises %p as a header',
      (header) => {
        const result = parseInviteCsv(csv(`${header},Name\na@example.com,Ann\n`));
        expect(result.header).toBe(true);
        expect(outcomes(result)).toEqual([[2, 'valid', 'a@example.com']]);
      },
    );

    it('finds the header after leading blank lines', () => {
      const result = parseInviteCsv(csv('\n\nEmail\na@example.com\n'));
      expect(result.header).toBe(true);
      expect(outcomes(result)).toEqual([
        [1, 'blank', null],
        [2, 'blank', null],
        [4, 'valid', 'a@example.com'],
      ]);
    });

    it('takes a first row that is not a header word as data (an invalid row)', () => {
      const result = parseInviteCsv(csv('Name,Email\na@example.com,x\n'));
      expect(result.header).toBe(false);
      expect(outcomes(result)).toEqual([
        [1, 'invalid', null],
        [2, 'valid', 'a@example.com'],
      ]);
    });

    it('only skips a header on the first row', () => {
      const result = parseInviteCsv(csv('a@example.com\nEmail\n'));
      expect(result.header).toBe(false);
      expect(outcomes(result)).toEqual([
        [1, 'valid', 'a@example.com'],
        [2, 'invalid', null],
      ]);
    });
  });

  describe('rows', () => {
    it('yields the address of Name <addr>, "Name" <addr> and mailto: in any case', () => {
      const text = [
        'Ann Lee <ann@example.com>',
        '"""Bo Ek"" <bo@example.com>"',
        'MAILTO:Cy@Example.com',
        'mailto:di@example.com?subject=Hi',
        '<ed@example.com>',
      ].join('\n');
      expect(parseInviteCsv(csv(text)).rows.map((row) => row.email)).toEqual([
        'ann@example.com',
        'bo@example.com',
        'cy@example.com',
        'di@example.com',
        'ed@example.com',
      ]);
    });

    it('reports duplicates case-insensitively and after IDN normalisation, never valid twice', () => {
      const text = 'a@bücher.example\nA@XN--BCHER-KVA.EXAMPLE\nb@example.com\na@bücher.example\n';
      const result = parseInviteCsv(csv(text));
      expect(result.rows.map((row) => [row.line, row.outcome, row.reason])).toEqual([
        [1, 'valid', null],
        [2, 'duplicate_in_file', 'duplicate of line 1'],
        [3, 'valid', null],
        [4, 'duplicate_in_file', 'duplicate of line 1'],
      ]);
    });

    it('makes an over-long cell an invalid row, not a refusal', () => {
      const long = `${'x'.repeat(400)}@example.com`;
      const result = parseInviteCsv(csv(`${long}\nb@example.com\n`), { maxCellLength: 320 });
      expect(result.rows[0]).toEqual({
        line: 1,
        raw: `${'x'.repeat(320)}…`,
        email: null,
        outcome: 'invalid',
        reason: 'longer than 320 characters',
      });
      expect(result.rows[1].outcome).toBe('valid');
    });

    it('tells a blank line from a blank first cell', () => {
      const result = parseInviteCsv(csv('a@example.com\n  ,  \n,note\n'));
      expect(result.rows.slice(1).map((row) => [row.line, row.outcome, row.reason])).toEqual([
        [2, 'blank', 'blank line'],
        [3, 'blank', 'first cell is empty'],
      ]);
    });

    it('gives the reason of an invalid address', () => {
      const result = parseInviteCsv(csv('a b@example.com\n'));
      expect(result.rows[0]).toEqual({
        line: 1,
        raw: 'a b@example.com',
        email: null,
        outcome: 'invalid',
        reason: 'contains spaces',
      });
    });
  });

  describe('refusals', () => {
    it('refuses a file over maxBytes', () => {
      const error = refusal(() => parseInviteCsv(csv('a@example.com\n'.repeat(100)), { maxBytes: 1024 }));
      expect(error.code).toBe('IMPORT.TOO_LARGE');
      expect(error.message).toBe(
        'The file is 1.4 KiB, over the limit of 1 KiB. Split it into smaller files and try again.',
      );
    });

    it('refuses more data rows than maxRows, and accepts exactly maxRows', () => {
      const rows = (n: number): Buffer =>
        csv(`Email\n${Array.from({ length: n }, (_, i) => `u${i}@example.com`).join('\n')}\n\n`);
      expect(parseInviteCsv(rows(5), { maxRows: 5 }).rows.filter((row) => row.outcome === 'valid')).toHaveLength(5);
      const error = refusal(() => parseInviteCsv(rows(6), { maxRows: 5 }));
      expect(error.code).toBe('IMPORT.TOO_MANY_ROWS');
      expect(error.message).toContain('more than 5 rows');
    });

    it('caps blank rows as well, so a file of line ends cannot fill memory', () => {
      const error = refusal(() => parseInviteCsv(csv(`a@example.com${'\n,'.repeat(10)}`), { maxRows: 5 }));
      expect(error.code).toBe('IMPORT.TOO_MANY_ROWS');
      expect(error.message).toContain('more than 5 blank rows');
    });

    it.each([
      ['an empty file', Buffer.alloc(0)],
      ['only a BOM', Buffer.from([0xef, 0xbb, 0xbf])],
      ['only blank lines', csv('\n \r\n\t\n')],
      ['only a sep= line', csv('sep=;\n')],
    ])('refuses %s as empty', (_, input) => {
      expect(refusal(() => parseInviteCsv(input)).code).toBe('IMPORT.EMPTY');
    });

    it('refuses binary content with a message a person understands', () => {
      const error = refusal(() => parseInviteCsv(Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000', 'latin1')));
      expect(error.code).toBe('IMPORT.NOT_TEXT');
      expect(error.message).toBe(
        'The file is not a text file (CSV). Save it from your spreadsheet as CSV and try again.',
      );
    });
  });

  it('parses a generated 100,000-row file and counts right', () => {
    const lines = ['sep=,', 'Email,Name,Note'];
    for (let i = 0; i < 100_000; i++) {
      if (i % 1000 === 0) lines.push(`"user${i}@example.com","Name, ${i}","two\nlines"`);
      else if (i % 500 === 0) lines.push(`USER${i - 1}@EXAMPLE.COM,dup,x`);
      else if (i % 250 === 0) lines.push(`not-an-address-${i},bad,x`);
      else lines.push(`user${i}@example.com,Name ${i},x`);
    }
    const result = parseInviteCsv(csv(`${lines.join('\r\n')}\r\n`));
    const count = (outcome: string): number => result.rows.filter((row) => row.outcome === outcome).length;
    expect(result.rows).toHaveLength(100_000);
    expect(count('valid')).toBe(100_000 - 100 - 200);
    expect(count('duplicate_in_file')).toBe(100);
    expect(count('invalid')).toBe(200);
    // 2 lines before the data, plus one extra line for each of the 100 two-line records.
    expect(result.totalLines).toBe(100_000 + 2 + 100);
    expect(result.rows[99_999]).toMatchObject({ line: 100_102, email: 'user99999@example.com' });
    expect(result.rows[1001]).toMatchObject({ line: 1006, email: 'user1001@example.com' });
    expect(result.rows[500]).toMatchObject({
      line: 504,
      outcome: 'duplicate_in_file',
      reason: 'duplicate of line 503',
    });
  });
});
