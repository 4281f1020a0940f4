import { buildReportCsv, csvCell, type ReportRow } from './report-csv';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://evil.test")', `"'=HYPERLINK(""http://evil.test"")"`],
    ['=1+1', "'=1+1"],
    ['+33 1 23', "'+33 1 23"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tcmd', "'\tcmd"],
    ['\r=cmd', `"'\r=cmd"`],
  ])('neutralises a cell a spreadsheet would run as a formula: %p', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it.each([
    ['a@example.com', 'a@example.com'],
    ['a=b@example.com', 'a=b@example.com'],
    ['Smith, John', '"Smith, John"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['', ''],
  ])('leaves ordinary cells alone and quotes where CSV needs it: %p', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });
});

describe('buildReportCsv', () => {
  const rows: ReportRow[] = [
    { line: 2, raw: '  Ann <ann@example.com>', email: 'ann@example.com', outcome: 'valid', reason: null },
    {
      line: 4,
      raw: '=HYPERLINK("http://evil.test")',
      email: null,
      outcome: 'invalid',
      reason: 'missing "@" or a part around it',
    },
    { line: 5, raw: '@evil', email: null, outcome: 'invalid', reason: 'x, y' },
  ];

  it('writes the header, one line per row, CRLF line ends, every cell neutralised', () => {
    expect(buildReportCsv(rows)).toBe(
      [
        'line,raw_value,email,outcome,reason',
        '2,  Ann <ann@example.com>,ann@example.com,valid,',
        `4,"'=HYPERLINK(""http://evil.test"")",,invalid,"missing ""@"" or a part around it"`,
        `5,'@evil,,invalid,"x, y"`,
        '',
      ].join('\r\n'),
    );
  });

  it('writes only the header when there are no rows, and a BOM on request', () => {
    expect(buildReportCsv([])).toBe('line,raw_value,email,outcome,reason\r\n');
    expect(buildReportCsv([], { bom: true })).toBe('\uFEFFline,raw_value,email,outcome,reason\r\n');
  });
});
