import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, formatCsv, parseCsv } from '../src/util/csv.js';

describe('CSV', () => {
  it('parses quoted commas, doubled quotes, line breaks in quotes, CRLF and a BOM, keeping line numbers', () => {
    const table = parseCsv('\ufeffa,b\r\n1,"x, ""y"""\r\n"multi\nline",2\n\n3,4');
    expect(table.header).toEqual(['a', 'b']);
    expect(table.rows).toEqual([
      { line: 2, cells: ['1', 'x, "y"'] },
      { line: 3, cells: ['multi\nline', '2'] },
      { line: 6, cells: ['3', '4'] },
    ]);
  });

  it('round-trips through formatCsv', () => {
    const rows = [['a,b', 'say "hi"'], ['plain', '']];
    expect(parseCsv(formatCsv(['x', 'y'], rows)).rows.map((r) => r.cells)).toEqual(rows);
  });

  it('reports an unclosed quote with its line', () => {
    expect(() => parseCsv('a\n"open')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\n"open')).toThrow('line 2: a quoted field is never closed.');
  });
});
