import { describe, expect, it, vi } from 'vitest';
import { parseNumericCsv } from './csv';

describe('parseNumericCsv', () => {
  it('passes over leading header lines (sklearn count line, names) and reads decimals as pandas does', () => {
    const text = '3,2,setosa,virginica\nsepal,petal,target\n5.1,-.5,0\n1e2,+3.,1\n-inf,7,2\n';
    expect(parseNumericCsv(text, 'iris.csv')).toEqual([[5.1, -0.5, 0], [100, 3, 1], [-Infinity, 7, 2]]);
  });

  it('keeps a first data row with a missing value (not taken for a header), and sklearn\'s count line with empty cells is header', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(parseNumericCsv('a,b\n1,NaN\n3,4\n', 'first.csv')).toEqual([[1, Number.NaN], [3, 4]]);
    expect(parseNumericCsv(',2\n3,4\n', 'noheader.csv')).toEqual([[Number.NaN, 2], [3, 4]]);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
    expect(parseNumericCsv('2,2,,\n"A","B"\n1,2\n3,4\n', 'boston.csv')).toEqual([[1, 2], [3, 4]]);
  });

  it('keeps empty and NaN cells as NaN, as pandas, and reports them once', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const rows = parseNumericCsv('a,b\n1,2\nNaN,4\n5,\n,NA\n', 'gaps.csv');
    expect(rows).toEqual([[1, 2], [Number.NaN, 4], [5, Number.NaN], [Number.NaN, Number.NaN]]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledWith('"gaps.csv" has 4 missing values (empty or NaN), kept as NaN as pandas keeps them: line 3 column 1, line 4 column 2, line 5 column 1, …');
    warn.mockRestore();
  });

  it.each([
    ['1 2', 2],
    ['0x10', 2],
    ['1_000', 1],
  ])('refuses the cell %s after the data began, naming line and column', (cell, column) => {
    const text = column === 1 ? `a,b\n1,2\n${cell},3\n` : `a,b\n1,2\n3,${cell}\n`;
    expect(() => parseNumericCsv(text, 'bad.csv')).toThrow(`Expected a number in "bad.csv" at line 3, column ${column}, received "${cell}"`);
  });

  it('refuses a stray word in the first data row instead of taking the row for a header', () => {
    expect(() => parseNumericCsv('a,b\n1,0x10\n3,4\n', 'first.csv')).toThrow('Expected a number in "first.csv" at line 2, column 2, received "0x10"');
  });

  it('names a row of another width than the column names or the first row (a file cut mid-row), and a file without numbers', () => {
    expect(() => parseNumericCsv('x,y,z\n1,2\n', 'cut.csv')).toThrow('Expected 3 values on every row of "cut.csv", received 2 on line 2');
    expect(() => parseNumericCsv('1,2\n3\n', 'w.csv')).toThrow('Expected 2 values on every row of "w.csv", received 1 on line 2');
    expect(() => parseNumericCsv('a,b\nc,d\n', 'h.csv')).toThrow('Expected numeric rows in "h.csv", received none');
  });
});
