import { splitLine } from './split-line';

describe('splitLine', () => {
  it.each([
    ['a@example.com,Ann,x', ['a@example.com', 'Ann', 'x']],
    ['a@example.com', ['a@example.com']],
    ['', ['']],
    [',,', ['', '', '']],
    ['=HYPERLINK("http://evil.test"),x', ['=HYPERLINK("http://evil.test")', 'x']],
    ['"Lee, Ann" <ann@example.com>,x', ['"Lee, Ann" <ann@example.com>', 'x']],
    ['"a@example.com" ,x', ['"a@example.com" ', 'x']],
    ['"say ""hi"", ok",x', ['"say ""hi"", ok"', 'x']],
    ['"a@example.com,never closed', ['"a@example.com', 'never closed']],
    ['"only cell"', ['"only cell"']],
  ])('splits %p', (line, expected) => {
    expect(splitLine(line, ',')).toEqual(expected);
  });

  it('uses the given delimiter', () => {
    expect(splitLine('"a;b" <c@example.com>;x;y', ';')).toEqual(['"a;b" <c@example.com>', 'x', 'y']);
    expect(splitLine('a@example.com\tAnn', '\t')).toEqual(['a@example.com', 'Ann']);
  });
});
