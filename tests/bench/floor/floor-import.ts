/**
 * The import's floor: the least any import with a preview has to do on this stack, so that the app's import can
 * be set beside it in the same run (`npm run bench`). The bench sends the same generated rows the app's workbook
 * holds; the same CSV file is then chosen in a file input, and this page
 * - reads, decodes and parses it with PapaParse (`Papa.parse(file)`, the File as chosen),
 * - finds each line's row by its code and each figure's year column, and keeps the figures that differ,
 * - shows how many cells will change and a table of the first 200 of them (code, name, year, old, new),
 * - on 应用, removes the preview, writes the figures into the data of a Handsontable grid of the same rows and
 *   renders it once, then says 已导入.
 * Nothing else: no encoding detection, no checks of any kind (a figure is `Number(text)`), no messages, no undo, no
 * storage, and no formulas in the grid (HyperFormula would recalculate 10,000 rows' projections; the app computes
 * them outside it). It is a floor, not an import: it is below what any real import can do.
 */
import Handsontable from 'handsontable/base';
import Papa from 'papaparse';
import { toGridRow } from '../../../src/grid/columns';
import type { Indicator } from '../../../src/model/indicator';
import { floorColumns, floorGridSettings } from './floor-grid';

/** As the app's preview: its first page of changed cells (src/ui/preview-limit.ts, PREVIEW_PAGE). */
const PREVIEW_ROWS = 200;

type Change = [row: number, column: number, value: number];

export function openImportFloor(indicators: Indicator[]): void {
  const columns = floorColumns();
  // Plain data: a cell that would hold a formula holds nothing (see the header comment).
  const data = indicators.map((row, index) =>
    toGridRow(row, columns, index + 1).map((value) =>
      typeof value === 'string' && value.startsWith('=') ? null : value,
    ),
  );
  const container = document.getElementById('grid');
  if (!container) return;
  const hot = new Handsontable(container, { ...floorGridSettings(columns), data });

  const rowByCode = new Map(indicators.map((row, index) => [row.code, index]));
  const columnByYear = new Map<number, number>();
  columns.forEach((c, index) => {
    if (c.key === 'year' && c.year !== undefined) columnByYear.set(c.year, index);
  });

  const panel = document.createElement('div');
  panel.className = 'floor-import';
  const input = Object.assign(document.createElement('input'), { type: 'file', accept: '.csv' });
  const status = document.createElement('p');
  status.id = 'floor-status';
  panel.append(input);
  document.body.append(panel, status);

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (!file) return;
    Papa.parse<string[]>(file, {
      complete: (results) => showPreview(results.data),
    });
  });

  function showPreview(lines: string[][]): void {
    const header = lines[0] ?? [];
    const codeAt = header.indexOf('代码');
    const years: [at: number, column: number][] = [];
    header.forEach((title, at) => {
      const year = /^(\d{4})年$/.exec(title)?.[1];
      const column = year ? columnByYear.get(Number(year)) : undefined;
      if (column !== undefined) years.push([at, column]);
    });
    const changes: Change[] = [];
    for (let i = 1; i < lines.length; i += 1) {
      const line = lines[i]!;
      const row = rowByCode.get(line[codeAt] ?? '');
      if (row === undefined) continue;
      for (const [at, column] of years) {
        const text = line[at];
        if (!text) continue;
        const value = Number(text);
        if (value !== data[row]![column]) changes.push([row, column, value]);
      }
    }

    const summary = document.createElement('p');
    summary.className = 'summary';
    summary.textContent = `将修改 ${changes.length} 个单元格`;
    const table = document.createElement('table');
    table.id = 'floor-preview';
    const body = table.createTBody();
    for (const [row, column, value] of changes.slice(0, PREVIEW_ROWS)) {
      const tr = body.insertRow();
      const indicator = indicators[row]!;
      for (const text of [
        indicator.code,
        indicator.name,
        columns[column]!.title,
        String(data[row]![column] ?? ''),
        String(value),
      ])
        tr.insertCell().textContent = text;
    }
    const apply = Object.assign(document.createElement('button'), { type: 'button', textContent: '应用' });
    apply.addEventListener('click', () => {
      panel.remove();
      // Straight into the grid's data, then one render: `setDataAtCell` with the 50,000 changes in a batch took
      // ~280 ms here (its hooks and validation per cell), more than the app's whole 应用, so it is no floor.
      for (const [row, column, value] of changes) data[row]![column] = value;
      hot.render();
      status.textContent = `已导入 ${changes.length} 个单元格`;
    });
    panel.append(summary, apply, table);
  }
}
