import { detectDelimiter, readSepLine } from './detect-delimiter';

describe('detectDelimiter', () => {
  it.each([
    ['a@example.com\nb@example.com\n', ','],
    ['', ','],
    ['Email,Name\na@example.com,Ann\n', ','],
    ['E-mail;Name;Department\n"a@example.com";"Ann, Jr.";Sales\n', ';'],
    ['Email\tName\r\na@example.com\tAnn\n', '\t'],
    // the commas sit inside quotes, so they do not count
    ['"a@example.com";"Lee, Ann"\n"b@example.com";"Ek, Bo"\n', ';'],
    // a comma in one note does not beat a semicolon in every line
    ['a@example.com;Ann\nb@example.com;Bo, Jr.\nc@example.com;Cy\n', ';'],
    // a semicolon in one note does not beat a comma in every line
    ['a@example.com,Ann\nb@example.com,Bo; Jr.\nc@example.com,Cy\n', ','],
    // a tie (unquoted "Name, First" in a semicolon file without header) goes to the semicolon
    ['a@example.com;Lee, Ann\nb@example.com;Ek, Bo\n', ';'],
  ])('reads %p as %p', (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });

  it('looks only at the first lines of a big file', () => {
    const text = `${'a@example.com;x\n'.repeat(60)}${'b@example.com,y,z\n'.repeat(1000)}`;
    expect(detectDelimiter(text)).toBe(';');
  });
});

describe('readSepLine', () => {
  it.each([
    ['sep=;\na;b', { delimiter: ';', length: 6 }],
    ['SEP=,\n', { delimiter: ',', length: 6 }],
    ['sep=\t\n', { delimiter: '\t', length: 6 }],
    ['"sep=;"\n', { delimiter: ';', length: 8 }],
    ['sep=;;;\n', { delimiter: ';', length: 8 }],
    ['sep=;', { delimiter: ';', length: 5 }],
  ])('reads %p', (text, expected) => {
    expect(readSepLine(text)).toEqual(expected);
  });

  it.each(['sep=|\n', 'sep=\n', 'Email\nsep=;\n', 'separator=;\n', ''])('ignores %p', (text) => {
    expect(readSepLine(text)).toBeNull();
  });
});
