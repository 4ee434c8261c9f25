import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvLines, spreadsheetSafe, toCsv, unescapeCell } from '@/lib/csv';

// A spreadsheet must never run a formula from an export: one writer, one rule, used everywhere.

const cells = (csv: string) => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('the CSV writer', () => {
  it('prefixes every cell a spreadsheet would run as a formula, the "-1+…" trick included', () => {
    const hostile = ['-1+HYPERLINK("https://evil.example","x")', '=1+1', '+SUM(A1)', '@cmd', '\t=1', '\r=1', '-A1', '-'];
    const [, row] = cells(toCsv(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'h7', 'h8'], [hostile]));
    expect(row).toEqual(hostile.map((v) => `'${v}`));
  });

  it('leaves whole numbers, signed or not, and ordinary text as they are', () => {
    const fine = ['-12', '+3.5', '3.5', '-0.25', 'Almaty', 'a=b', '', 'North-South'];
    const [, row] = cells(toCsv(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'], [fine]));
    expect(row).toEqual(fine);
    const [, numbers] = cells(toCsv(['n', 'm', 'x'], [[-12, 3.5, null]]));
    expect(numbers).toEqual(['-12', '3.5', '']);
  });

  it('writes a byte-order mark once, CRLF line ends, and streams batches without a header', () => {
    const file = toCsv(['name'], [['Xi’an 西安']]);
    expect(file.startsWith('\uFEFFname\r\n')).toBe(true);
    expect(file.endsWith('\r\n')).toBe(true);
    expect(csvLines([['=x']])).toBe(`"'=x"\r\n`);
    expect(csvLines([])).toBe('');
  });

  it('applies the same rule to XLSX text cells, and reading back undoes it', () => {
    expect(spreadsheetSafe('-1+HYPERLINK("x")')).toBe(`'-1+HYPERLINK("x")`);
    expect(spreadsheetSafe('-12')).toBe('-12');
    expect(spreadsheetSafe(-12)).toBe(-12);
    expect(unescapeCell(`'-1+HYPERLINK("x")`)).toBe('-1+HYPERLINK("x")');
    expect(unescapeCell("'tis")).toBe("'tis");
  });
});

describe('every CSV of the app comes from lib/csv.ts', () => {
  const root = path.resolve(__dirname, '../..');
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : /\.(ts|tsx|mjs)$/.test(name) ? [full] : [];
    });
  const sources = ['app', 'components', 'lib', 'db', 'data', 'server', 'bench', 'scripts'].flatMap((d) => walk(path.join(root, d)));

  it('no other module serialises CSV itself', () => {
    const writers = sources
      .filter((f) => !f.endsWith(path.join('lib', 'csv.ts')))
      .filter((f) => /\bunparse\(|escapeFormulae/.test(readFileSync(f, 'utf8')))
      .map((f) => path.relative(root, f));
    expect(writers).toEqual([]);
  });
});
