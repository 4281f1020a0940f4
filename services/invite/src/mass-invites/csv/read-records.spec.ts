import { readRecords } from './read-records';
import type { CsvDelimiter } from './types';

function read(text: string, delimiter: CsvDelimiter = ',', firstLine = 1) {
  const records: Array<[number, string[]]> = [];
  const report = readRecords(text, delimiter, firstLine, (line, fields) => records.push([line, [...fields]]));
  return { records, report };
}

describe('readRecords', () => {
  it('gives each record the physical line it starts on', () => {
    const { records, report } = read('a,"x\ny"\n\nb,"p\n\nq",r\nc', ',', 2);
    expect(records).toEqual([
      [2, ['a', 'x\ny']],
      [4, ['']],
      [5, ['b', 'p\n\nq', 'r']],
      [8, ['c']],
    ]);
    expect(report).toEqual({ repairedLines: [], lineByLineFrom: null });
  });

  it('gives the same records with and without csv-parse for quote-free text', () => {
    const text = 'a@example.com,x\n\n;;\n  ,b\nc@example.com\n,\nd';
    // A quote on a last line sends the whole text through csv-parse.
    const viaSplit = read(text).records;
    const viaCsvParse = read(`${text}\n"e"`).records.slice(0, -1);
    expect(viaCsvParse).toEqual(viaSplit);
    expect(viaSplit.map(([line]) => line)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('reads a broken record from its first line and resumes on the next one', () => {
    const { records, report } = read('a,1\n"b" <b@x.test>,2\nc,"open\nd,3\n=X("y"),4\ne,5\n');
    expect(records).toEqual([
      [1, ['a', '1']],
      [2, ['"b" <b@x.test>', '2']],
      [3, ['c', '"open']],
      [4, ['d', '3']],
      [5, ['=X("y")', '4']],
      [6, ['e', '5']],
    ]);
    expect(report.repairedLines).toEqual([2, 3, 5]);
  });

  it('keeps line numbers right across its 10,000-record chunks', () => {
    const lines: string[] = [];
    for (let i = 0; i < 25_003; i++) lines.push(i % 3 === 0 ? `r${i},"multi\nline"` : `r${i},x`);
    const { records } = read(lines.join('\n'));
    expect(records).toHaveLength(25_003);
    const lineOf = (i: number): number => i + 1 + Math.ceil(i / 3);
    for (const i of [0, 1, 9_999, 10_000, 10_001, 19_999, 20_000, 25_002]) {
      expect(records[i]).toEqual([lineOf(i), [`r${i}`, i % 3 === 0 ? 'multi\nline' : 'x']]);
    }
  });

  it('switches to line by line after too many broken records', () => {
    const text = Array.from({ length: 300 }, (_, i) => `"r${i}" ,x\n"ok${i}",y`).join('\n');
    const { records, report } = read(text);
    expect(records).toHaveLength(600);
    expect(records[599]).toEqual([600, ['"ok299"', 'y']]);
    expect(report.repairedLines).toHaveLength(200);
    expect(report.lineByLineFrom).toBe(report.repairedLines[199] + 1);
  });
});
