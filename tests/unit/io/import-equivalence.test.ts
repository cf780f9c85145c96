/**
 * Reading a file faster must not change what the clerk is shown. Every fixture file and a generated file of a few
 * thousand lines — holding what a department's return may hold (figures, empty and text cells, spaces, quotes,
 * full-width codes, remarks, notes, totals, repeated rows, a repeated header, new rows, unknown codes and names, a
 * share written as a ratio, figures to question) — are read on the page's way and the worker's (cells packed as
 * they are read, sent, unpacked): both must give the same file, and that file must be the one recorded in the
 * snapshot, which was written by the import as it was before its speed-ups (commit 6a5e0e1), then updated once
 * for the list of rows sent without a figure (noFigures, merged beside the speed-ups: the only difference — the
 * generated file's digest without that field was checked to be unchanged), and once for remarkText (whether the
 * department wrote in a 备注 column; likewise checked). All values are generated, not statistics.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../../src/io/csv-decode';
import {
  existingRows,
  indexWorkbook,
  parseIndexed,
  type ExistingRow,
  type ParsedFile,
  type WorkbookIndex,
} from '../../../src/io/csv-import';
import { CellPacker, codePositions, transferables, unpackParsedFile } from '../../../src/io/import-transfer';
import type { Indicator } from '../../../src/model/indicator';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';
import { SAMPLE_LABEL } from '../../../src/model/sample-data';
import { workbookFromPlan, yearColumns } from '../../../src/model/workbook';

const YEARS = yearColumns(workbookFromPlan(LANXI_2021_2025, 'test', new Date(2026, 0, 1)));
const FIXTURES = new URL('../../fixtures/csv/', import.meta.url);

/** A deterministic pseudo-random sequence: the generated file is the same on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Both ways of reading: they must agree, and the page's is returned. */
function readBothWays(
  text: string,
  file: string,
  rows: ExistingRow[],
  index: WorkbookIndex,
  encoding: string,
) {
  const onPage = parseIndexed(text, file, index, encoding);
  const packer = new CellPacker(new Map(rows.map((row, i) => [row, i])), codePositions(rows));
  const inWorker = parseIndexed(text, file, index, encoding, packer);
  const packed = packer.pack(inWorker, rows);
  if (packed) {
    const arrived = structuredClone(packed, { transfer: transferables(packed) });
    expect(unpackParsedFile(arrived, rows)).toEqual(onPage);
  } else
    expect({ ...inWorker, updates: [], unchangedCells: [] }).toEqual({
      ...onPage,
      updates: [],
      unchangedCells: [],
    });
  return onPage;
}

function digest(parsed: ParsedFile): string {
  return createHash('sha256').update(JSON.stringify(parsed)).digest('hex');
}

/** 48 counties × the plan's rows (more than NAME_SEARCH_ROWS: names are not compared with every row); every third county's rows already hold figures for 2021 and 2022. */
function generatedWorkbook(): Indicator[] {
  const rows: Indicator[] = [];
  for (let county = 0; county < 48; county += 1)
    for (const base of LANXI_2021_2025.indicators) {
      const level = typeof base.target.value === 'number' && base.target.value > 0 ? base.target.value : 50;
      rows.push({
        ...structuredClone(base),
        code: `K${String(county).padStart(3, '0')}${base.code}`,
        name: `${base.name}（生成县${county + 1}）`,
        values: (county % 3 === 0 ? { 2021: level, 2022: level } : {}) as Indicator['values'],
      });
    }
  return rows;
}

function quote(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The workbook's own export format, with what departments do to it, chosen at random line by line. */
function generatedFile(rows: readonly Indicator[]): string {
  const rand = random(20261129);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
  const header = ['代码', '指标名称', '单位', ...YEARS.map((y) => `${y}年`), '备注', '情况说明'];
  const lines = [header.join(',')];
  let lastLine: string[] = [];
  rows.forEach((row, i) => {
    const level = typeof row.target.value === 'number' && row.target.value > 0 ? row.target.value : 50;
    const figure = (year: number): string => {
      // (Years before the base year are mostly left empty, as the template greys them out.)
      if (year < 2020 && rand() < 0.95) return '';
      const held = row.values[year];
      if (typeof held === 'number' && rand() < 0.5) return String(held);
      const r = rand();
      if (r < 0.08) return '';
      if (r < 0.1) return pick(['—', '无', ' 待统计 ', 'abc', '-1', '1,5', '１２', '"3.5"', `${year}年`]);
      if (r < 0.12) return String(Math.round(level * 10 * 100) / 100);
      if (r < 0.13 && row.unit === '%') return '0.9';
      if (r < 0.15) return ` ${level} `;
      return String(Math.round(level * (0.9 + rand() * 0.2) * 100) / 100);
    };
    const r = rand();
    const code =
      r < 0.03
        ? row.code.toLowerCase()
        : r < 0.05
          ? ` ${row.code} `
          : r < 0.06
            ? row.code.replace('K', 'Ｋ')
            : row.code;
    const name = rand() < 0.03 ? '别的名称' : row.name;
    const unit = rand() < 0.02 ? '‰' : rand() < 0.05 ? '' : row.unit;
    const note = pick([
      row.note ?? '',
      row.note ?? '',
      '',
      '2025年为快报数',
      '12.5',
      SAMPLE_LABEL.slice(0, 4),
    ]);
    const remark = rand() < 0.05 ? '待复核' : '';
    const line = [code, name, unit, ...YEARS.map(figure), note, remark];
    lines.push(line.map(quote).join(','));
    if (i % 97 === 5) lines.push(line.map(quote).join(','));
    if (i % 131 === 7) lines.push(lastLine.map(quote).join(','));
    if (i % 151 === 19)
      lines.push([code, name, unit, ...YEARS.map(figure), note, remark].map(quote).join(','));
    if (i % 211 === 3) lines.push(header.join(','));
    if (i % 173 === 11) lines.push(`X${i},新增指标${i},%,,,,10,20,30,,, ,`);
    if (i % 181 === 13) lines.push(`Q${i},,%,,,,1,2,3,,,,`);
    if (i % 191 === 17) lines.push(`,${row.name.slice(0, 3)}不存在,%,,,,1,2,3,,,,`);
    if (i % 400 === 9) lines.push('', '合计,,,,,,1,2,3,,,,', '填报人：张三，联系电话：0579-00000000');
    lastLine = line;
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

describe('reading a file on the page and in the worker gives what it gave before the speed-ups', () => {
  it.each(readdirSync(FIXTURES).sort())('fixture %s', (name) => {
    const rows = existingRows(LANXI_2021_2025.indicators.map((row) => structuredClone(row)));
    const decoded = decodeCsvBytes(new Uint8Array(readFileSync(new URL(name, FIXTURES))), name);
    if (!decoded.ok) {
      expect(decoded.message).toMatchSnapshot();
      return;
    }
    const parsed = readBothWays(decoded.text, name, rows, indexWorkbook(rows, YEARS), decoded.encoding);
    expect(parsed).toMatchSnapshot();
  });

  it('a generated file of several thousand lines', () => {
    const rows = existingRows(generatedWorkbook());
    const text = generatedFile(rows as Indicator[]);
    const decoded = decodeCsvBytes(new TextEncoder().encode(text), '生成.csv');
    if (!decoded.ok) throw new Error(decoded.message);
    const parsed = readBothWays(decoded.text, '生成.csv', rows, indexWorkbook(rows, YEARS), decoded.encoding);
    // What the file holds, so that the snapshot is known to cover it.
    expect(parsed.updates.length).toBeGreaterThan(5000);
    expect(parsed.unchanged).toBeGreaterThan(100);
    expect(parsed.questions?.length).toBeGreaterThan(20);
    expect(parsed.remarks?.length).toBeGreaterThan(100);
    expect(parsed.ignored.length).toBeGreaterThan(30);
    expect(parsed.issues.length).toBeGreaterThan(200);
    expect(parsed.newRows.length).toBeGreaterThan(5);
    expect(parsed.repeatedRows).toBe(true);
    expect({
      counts: {
        updates: parsed.updates.length,
        unchanged: parsed.unchanged,
        questions: parsed.questions?.length,
        remarks: parsed.remarks?.length,
        ignored: parsed.ignored.length,
        issues: parsed.issues.length,
        newRows: parsed.newRows.length,
        matchedRows: parsed.matchedRows,
      },
      firstIssues: parsed.issues.slice(0, 12),
      firstQuestions: parsed.questions?.slice(0, 4),
      ignored: parsed.ignored.slice(0, 12),
      digest: digest(parsed),
    }).toMatchSnapshot();
  }, 30_000);

  it('cells beyond the number expected still all arrive (the columns grow)', () => {
    const rows = existingRows(generatedWorkbook());
    const packer = new CellPacker(new Map(rows.map((row, i) => [row, i])));
    packer.expect(3);
    for (let i = 0; i < 3000; i += 1)
      packer.add(i % 5 === 0, rows[i % rows.length]!, 2021 + (i % 4), i + 2, i / 10);
    const parsed = parseIndexed('代码,2021年', 'a.csv', indexWorkbook(rows, YEARS), 'utf-8');
    const packed = packer.pack({ ...parsed, sentCodes: undefined }, rows);
    expect(packed?.updates.rows.length).toBe(2400);
    expect(packed?.unchangedCells.rows.length).toBe(600);
    expect(Array.from(packed!.updates.values.subarray(0, 3))).toEqual([0.1, 0.2, 0.3]);
    expect(packed!.unchangedCells.lines[599]).toBe(2997);
  });
});
