/**
 * The Handsontable adapter: shows a workbook's indicators as an editable grid (zh-CN), reads edits back, and
 * reports which rows changed. Owns everything Handsontable-specific; the rest of the app sees plain indicators.
 * Data is a plain array of arrays that Handsontable edits in place (no reactive proxies).
 */
import Handsontable from 'handsontable';
import { registerLanguageDictionary, zhCN } from 'handsontable/i18n';
import 'handsontable/styles/handsontable.min.css';
import 'handsontable/styles/ht-theme-main.min.css';
import { cellProblem, formatWithUnit, parseEntry } from '../model/entry';
import type { Indicator } from '../model/indicator';
import { nextCustomCode, yearColumns, type Workbook } from '../model/workbook';
import {
  buildColumns,
  describeTarget,
  fromGridRow,
  FROZEN_COLUMNS,
  toGridRow,
  type ColumnKey,
  type ColumnSpec,
  type GridCell,
  type GridRow,
} from './columns';

registerLanguageDictionary(zhCN);

export interface CellInfo {
  code: string;
  name: string;
  column: string;
  /** Chinese explanation of what is wrong with the cell, or null. */
  problem: string | null;
}

export interface GridEvents {
  /** Cells of these rows (by code) changed. */
  onRowsChanged(codes: string[]): void;
  /** Rows were added or removed (including by undo/redo). */
  onStructureChanged(): void;
  onSelectionChanged(info: CellInfo | null): void;
}

export interface WorkbookGrid {
  getIndicators(): Indicator[];
  getIndicator(code: string): { indicator: Indicator; order: number } | undefined;
  /** Rows as shown (after sort and filter), for exporting what is on screen. */
  getVisibleIndicators(): Indicator[];
  countRows(): number;
  countInvalidCells(): number;
  addRow(): string;
  /** The rows currently selected (codes and names), for the delete confirmation. */
  selectedRows(): { code: string; name: string }[];
  deleteRows(codes: string[]): void;
  undo(): void;
  redo(): void;
  search(query: string): number;
  searchNext(): void;
  setFilters(filters: { area: string; department: string }): void;
  destroy(): void;
}

export function makeWorkbookGrid(
  container: HTMLElement,
  workbook: Workbook,
  options: { licenseKey: string; events: GridEvents },
): WorkbookGrid {
  const years = yearColumns(workbook);
  const columns = buildColumns(years, workbook.baseYear);
  const col = (key: ColumnKey) => columns.findIndex((c) => c.key === key);
  const codeCol = col('code');
  const unitCol = col('unit');
  const baseYearCol = col('baseYear');
  const targetTextCol = col('targetText');
  const definitionCols = new Set(
    (['unit', 'kind', 'comparator', 'wording', 'targetValue', 'yearlyStep'] as const).map(col),
  );
  const data: GridRow[] = workbook.indicators.map((row) => toGridRow(row, columns));
  /** Last good definition of each row, so a slip in a definition cell never loses the target. */
  const known = new Map<string, Indicator>(
    workbook.indicators.map((row) => [row.code, structuredClone(row)]),
  );

  let searchResults: { row: number; col: number }[] = [];
  let searchIndex = -1;

  const rowAt = (physicalRow: number): GridRow => data[physicalRow] ?? [];
  const codeAt = (physicalRow: number) => String(rowAt(physicalRow)[codeCol] ?? '');
  const unitAt = (physicalRow: number) => String(rowAt(physicalRow)[unitCol] ?? '');

  const readIndicator = (physicalRow: number): Indicator => {
    const code = codeAt(physicalRow);
    const indicator = fromGridRow(rowAt(physicalRow), columns, known.get(code));
    known.set(code, structuredClone(indicator));
    return indicator;
  };

  const problemAt = (physicalRow: number, spec: ColumnSpec, value: GridCell | undefined): string | null => {
    if (value === null || value === undefined || value === '') return null;
    if (spec.key === 'year') return cellProblem(value, unitAt(physicalRow));
    if (spec.numeric && typeof value !== 'number') {
      return `“${String(value)}”不是数字：“${spec.title}”应填写数字，请核对后重填。`;
    }
    return null;
  };

  function valueRenderer(
    this: unknown,
    instance: Handsontable.Core,
    td: HTMLTableCellElement,
    row: number,
    column: number,
    prop: string | number,
    rawValue: unknown,
    cellProperties: Handsontable.CellProperties,
  ) {
    const value = rawValue as GridCell;
    const physicalRow = instance.toPhysicalRow(row);
    const spec = columns[column];
    const problem = spec ? problemAt(physicalRow, spec, value) : null;
    let shown: GridCell = value;
    if (spec?.key === 'year' && typeof value === 'number') shown = formatWithUnit(value, unitAt(physicalRow));
    Handsontable.renderers.TextRenderer.call(this, instance, td, row, column, prop, shown, cellProperties);
    td.classList.toggle('cell-invalid', problem !== null);
    if (problem) {
      td.title = problem;
      td.textContent = `⚠ ${String(value)}`;
    } else {
      td.removeAttribute('title');
    }
  }

  const columnSettings: Handsontable.ColumnSettings[] = columns.map((spec) => {
    const base: Handsontable.ColumnSettings = { readOnly: spec.readOnly ?? false, width: spec.width };
    if (spec.choices)
      return { ...base, type: 'dropdown', source: [...spec.choices], strict: false, allowInvalid: true };
    if (spec.numeric) return { ...base, renderer: valueRenderer, className: 'htRight' };
    return { ...base, wordWrap: spec.wrap ?? false };
  });

  const hot = new Handsontable(container, {
    data,
    columns: columnSettings,
    colHeaders: columns.map((c) => c.title),
    rowHeaders: true,
    licenseKey: options.licenseKey,
    language: zhCN.languageCode,
    themeName: 'ht-theme-main',
    fixedColumnsStart: FROZEN_COLUMNS,
    height: '100%',
    width: '100%',
    autoRowSize: false,
    rowHeights: 30,
    wordWrap: false,
    columnSorting: true,
    filters: true,
    dropdownMenu: ['filter_by_condition', 'filter_by_value', 'filter_action_bar'],
    contextMenu: ['copy', 'cut', '---------', 'undo', 'redo'],
    undo: true,
    copyPaste: true,
    search: true,
    manualColumnResize: true,
    navigableHeaders: true,
    tabNavigation: true,
    outsideClickDeselects: false,
    enterBeginsEditing: true,
    cells(physicalRow, column) {
      const spec = columns[column];
      if (spec?.key !== 'year' || spec.year === undefined) return {};
      const rowBase = Number(rowAt(physicalRow)[baseYearCol] ?? workbook.baseYear);
      // Years before the row's own base year do not apply (only 近视率 counts from 2018).
      if (spec.year < Math.min(rowBase, workbook.baseYear))
        return { readOnly: true, className: 'htRight cell-na' };
      return {};
    },
    beforeChange(changes, source) {
      if (source === 'loadData') return;
      for (const change of changes) {
        if (!change) continue;
        const [visualRow, prop, , next] = change;
        const spec = columns[Number(prop)];
        if (!spec?.numeric) continue;
        const physicalRow = hot.toPhysicalRow(visualRow);
        const unit = spec.key === 'year' ? unitAt(physicalRow) : '';
        const parsed = parseEntry(next, unit);
        // A valid entry becomes a number in the row's unit; an invalid one is kept as typed (and marked),
        // never dropped and never stored as a number.
        change[3] = parsed.ok ? parsed.value : parsed.raw;
      }
    },
    afterChange(changes, source) {
      if (!changes || source === 'loadData' || (source as string) === 'derived') return;
      const codes = new Set<string>();
      const derived: [number, number, GridCell][] = [];
      for (const [visualRow, prop] of changes) {
        const physicalRow = hot.toPhysicalRow(visualRow);
        codes.add(codeAt(physicalRow));
        if (definitionCols.has(Number(prop))) {
          derived.push([physicalRow, targetTextCol, describeTarget(readIndicator(physicalRow))]);
        }
      }
      if (derived.length > 0) hot.setSourceDataAtCell(derived, undefined, undefined, 'derived');
      options.events.onRowsChanged([...codes]);
    },
    afterCreateRow(visualIndex, amount, source) {
      // Undo of a delete re-inserts rows and then writes their saved data; only truly new rows get defaults.
      if (source !== 'UndoRedo.undo') {
        const defaults: [number, number, GridCell][] = [];
        for (let i = 0; i < amount; i += 1) {
          const physicalRow = hot.toPhysicalRow(visualIndex + i);
          if (codeAt(physicalRow)) continue;
          const code = nextCustomCode(data.map((r) => ({ code: String(r[codeCol] ?? '') })));
          const fresh = newIndicator(code, workbook);
          toGridRow(fresh, columns).forEach((cell, c) => {
            if (cell !== null) defaults.push([physicalRow, c, cell]);
          });
          // Written at once so the next new row's code sees this one.
          hot.setSourceDataAtCell(defaults.splice(0), undefined, undefined, 'derived');
          known.set(code, fresh);
        }
      }
      options.events.onStructureChanged();
    },
    afterRemoveRow() {
      options.events.onStructureChanged();
    },
    afterSetSourceDataAtCell(_changes, source) {
      if (source === 'UndoRedo.undo') options.events.onStructureChanged();
    },
    afterSelectionEnd(row, column) {
      options.events.onSelectionChanged(describeCell(row, column));
    },
  });

  const describeCell = (visualRow: number, visualCol: number): CellInfo | null => {
    if (visualRow < 0 || visualCol < 0) return null;
    const physicalRow = hot.toPhysicalRow(visualRow);
    const spec = columns[visualCol];
    if (physicalRow === null || !spec) return null;
    const row = rowAt(physicalRow);
    return {
      code: codeAt(physicalRow),
      name: String(row[col('name')] ?? ''),
      column: spec.title,
      problem: problemAt(physicalRow, spec, row[visualCol]),
    };
  };

  const physicalRowOf = (code: string) => data.findIndex((row) => row[codeCol] === code);

  return {
    getIndicators: () => data.map((_, physicalRow) => readIndicator(physicalRow)),
    getIndicator(code) {
      const order = physicalRowOf(code);
      return order < 0 ? undefined : { indicator: readIndicator(order), order };
    },
    getVisibleIndicators() {
      const rows: Indicator[] = [];
      for (let visualRow = 0; visualRow < hot.countRows(); visualRow += 1) {
        const physicalRow = hot.toPhysicalRow(visualRow);
        if (physicalRow !== null) rows.push(readIndicator(physicalRow));
      }
      return rows;
    },
    countRows: () => hot.countRows(),
    countInvalidCells() {
      let count = 0;
      data.forEach((row, physicalRow) =>
        columns.forEach((spec, c) => {
          if (problemAt(physicalRow, spec, row[c])) count += 1;
        }),
      );
      return count;
    },
    addRow() {
      hot.alter('insert_row_below', Math.max(hot.countRows() - 1, 0), 1, 'addRow');
      const visualRow = hot.countRows() - 1;
      hot.selectCell(visualRow, col('name'));
      hot.scrollViewportTo({ row: visualRow, col: 0 });
      return codeAt(hot.toPhysicalRow(visualRow));
    },
    selectedRows() {
      const seen = new Set<number>();
      for (const [r1 = 0, , r2 = r1] of hot.getSelected() ?? []) {
        for (let r = Math.max(0, Math.min(r1, r2)); r <= Math.max(r1, r2); r += 1)
          seen.add(hot.toPhysicalRow(r));
      }
      return [...seen]
        .sort((a, b) => a - b)
        .map((physicalRow) => ({
          code: codeAt(physicalRow),
          name: String(rowAt(physicalRow)[col('name')] ?? ''),
        }));
    },
    deleteRows(codes) {
      const visualRows = codes
        .map((code) => hot.toVisualRow(physicalRowOf(code)))
        .filter((r): r is number => r !== null && r >= 0)
        .sort((a, b) => b - a);
      // One alter call per row, from the bottom up, so indexes stay valid.
      hot.batch(() => {
        for (const visualRow of visualRows) hot.alter('remove_row', visualRow, 1, 'deleteRows');
      });
    },
    undo: () => hot.getPlugin('undoRedo').undo(),
    redo: () => hot.getPlugin('undoRedo').redo(),
    search(query) {
      const results = hot.getPlugin('search').query(query.trim()) as { row: number; col: number }[];
      searchResults = query.trim() ? results : [];
      searchIndex = -1;
      hot.render();
      if (searchResults.length > 0) this.searchNext();
      return searchResults.length;
    },
    searchNext() {
      if (searchResults.length === 0) return;
      searchIndex = (searchIndex + 1) % searchResults.length;
      const hit = searchResults[searchIndex];
      if (hit) {
        hot.selectCell(hit.row, hit.col);
        hot.scrollViewportTo({ row: hit.row, col: hit.col });
      }
    },
    setFilters({ area, department }) {
      const filters = hot.getPlugin('filters');
      filters.clearConditions(col('area'));
      filters.clearConditions(col('department'));
      if (area) filters.addCondition(col('area'), 'eq', [area]);
      if (department) filters.addCondition(col('department'), 'eq', [department]);
      filters.filter();
    },
    destroy: () => hot.destroy(),
  };
}

function newIndicator(code: string, workbook: Workbook): Indicator {
  return {
    code,
    area: '',
    clause: '',
    name: '新增指标（请填写名称）',
    unit: '%',
    target: { kind: 'lower', comparator: '≥', wording: '', value: null },
    baseYear: workbook.baseYear,
    targetYear: workbook.targetYear,
    department: '',
    source: '',
    values: {},
    note: '本地新增，规划原文中没有',
  };
}
