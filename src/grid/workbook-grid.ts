/**
 * The Handsontable adapter: shows a workbook's indicators as an editable grid (zh-CN), reads edits back, and
 * reports which rows changed. Owns everything Handsontable-specific; the rest of the app sees plain indicators.
 * Data is a plain array of arrays that Handsontable edits in place (no reactive proxies).
 */
// The base package and only the parts the workbook uses: the full package adds some 40 kB (gzip) of plugins,
// cell types and editors nobody here uses (`npm run bench` checks the size budget).
import Handsontable from 'handsontable/base';
import {
  AutocompleteCellType,
  CheckboxCellType,
  DropdownCellType,
  registerCellType,
} from 'handsontable/cellTypes';
import {
  AutoColumnSize,
  Autofill,
  ColumnSorting,
  ContextMenu,
  CopyPaste,
  DropdownMenu,
  Filters,
  HiddenRows,
  ManualColumnResize,
  MultiColumnSorting,
  registerPlugin,
  UndoRedo,
} from 'handsontable/plugins';
import { autocompleteRenderer, checkboxRenderer, textRenderer } from 'handsontable/renderers';
import { registerLanguageDictionary, zhCN } from 'handsontable/i18n';
import 'handsontable/styles/ht-theme-main.min.css';
import handsontableCoreCss from 'handsontable/styles/handsontable.css?inline';
import {
  cellProblem,
  formatDifference,
  formatWithUnit,
  isGrossRate,
  noteWithLine,
  parseEntry,
  readWordedFigure,
  toCellValue,
  wordedFigureNote,
  yearCellProblem,
} from '../model/entry';
import { describeGap, gapBesideStatus, gapShown } from '../model/report';
import {
  copyIndicator,
  TARGET_KIND_LABELS,
  type CellValue,
  type Indicator,
  type Target,
} from '../model/indicator';
import { assessAmbition, periodOrderProblem, showPlannedTrend } from '../model/planning';
import { isCarriedOver, KEPT_VERDICT, readKeptMark } from '../model/planning-report';
import { implausibleFigure, implausibleTarget, implausibleYearlyStep } from '../model/plausibility';
import { officeReadingNotice, readOffice } from '../model/office-name';
import { comparatorMismatch, parseTargetText } from '../model/target-text';
import type { XlInput } from '../model/excel-functions';
import { defaultMethod, seriesOf } from '../model/projection';
import { defaultProjectionOf, resultsOf, type FormulaValue, type RowResults } from '../model/row-results';
import {
  ATTENTION,
  STATUS_SEVERITY,
  assessFluctuation,
  targetSpecOf,
  type Fluctuation,
  type Status,
  type Thresholds,
} from '../model/status';
import {
  baseYearBeforeYears,
  baseYearPastFigures,
  figuresBeforeBaseCounted,
  earliestFigureYear,
  firstEntryYear,
  historyYearsFrom,
  isNextPlan,
  nextCustomCode,
  yearColumns,
  type Workbook,
} from '../model/workbook';
import { redrawRowsAlone } from './draw-rows';
import {
  buildColumns,
  describeTarget,
  fromGridRow,
  FROZEN_COLUMNS,
  KEPT_CELL,
  kindOfLabel,
  layoutOf,
  toGridRow,
  type ColumnKey,
  type ColumnSpec,
  type GridCell,
  type GridRow,
} from './columns';
import {
  explainNoProjectionYet,
  explainProjectionError,
  isErrorValue,
  isNotAProjection,
  NOT_A_PROJECTION_ERROR,
} from './formula-errors';
import { makeCustomFormulaEngine } from './custom-formula-engine';
import { makeRowCache } from './row-cache';
import { makeInvalidCellCounter } from './invalid-cells';
import {
  hasLinearFallback,
  isDefaultProjectionFormula,
  legacyProjectionFormula,
  methodOfFormula,
  projectionFormula,
  remapRowReferences,
  shiftRelativeRows,
} from './formulas';
import { setStatusThresholds } from './plan-functions-plugin';
import { OPEN_CHOICE_EDITOR } from './open-choice-editor';
import { TEXT_CHOICE_EDITOR } from './text-choice-editor';
import { alignTargetToKind, parseYearlyStep, staleTargetNote } from './target-definition';
import { roundHalfAway } from '../model/rounding';
import { overdueFigureNote } from '../model/overdue-figure';
import { joinedAction, stepsOf, type UndoAction } from './joined-undo-step';
import { guardSampleClipboard } from './sample-clipboard';
import { sayWhenNothingToUndo } from './nothing-to-undo';
import { enableFillDown } from './fill-down';

registerLanguageDictionary(zhCN);
registerCellType(DropdownCellType);
registerCellType(AutocompleteCellType);
// The filter menu's value list is drawn with checkboxes; the menus need AutoColumnSize and HiddenRows loaded
// (they stay switched off in the grid's settings). Undoing a sort needs MultiColumnSorting loaded (also off):
// Handsontable's undo of a value goes by the row's place on screen, so the sort must be undone first.
registerCellType(CheckboxCellType);
for (const plugin of [
  AutoColumnSize,
  Autofill,
  ColumnSorting,
  ContextMenu,
  CopyPaste,
  DropdownMenu,
  Filters,
  HiddenRows,
  ManualColumnResize,
  MultiColumnSorting,
  UndoRedo,
])
  registerPlugin(plugin);
/** The definition cells whose slip is shown and marked but not saved (see slipNotSaved). */
const SLIP_KEYS: ReadonlySet<string> = new Set([
  'area',
  'kind',
  'comparator',
  'targetValue',
  'yearlyStep',
  'baseYear',
  'targetYear',
]);
const NOT_SAVED = '此格未保存：本行仍按原值计算，刷新或重新打开页面后此格显示原值。';

/** CSS class per status: colour is added to the text, never used alone. */
const STATUS_CLASS: Record<string, string> = {
  达标: 'met',
  已达标: 'met',
  预计达标: 'on-track',
  需加快: 'moderate',
  进展缓慢: 'marginal',
  停滞: 'stagnant',
  倒退: 'regress',
  未达标: 'regress',
  数据不足: 'no-data',
};

/** What the side panel shows about a row: its formula, computed projection, gap and status. */
export interface RowReport {
  indicator: Indicator;
  formula: string;
  isDefaultFormula: boolean;
  method: ReturnType<typeof methodOfFormula>;
  /** The formula is log-linear with the linear trend standing in where it fails (the default, IFERROR). */
  withLinearFallback: boolean;
  /** The linear trend gave this projection in log-linear's place (GROWTH had none: a 0 among the values). */
  linearFallback?: boolean;
  projected: number | null;
  gap: number | null;
  status: Status | null;
  /** 波动较大 and its evidence. */
  fluctuation: Fluctuation;
  /** 已达标 now, but the trend passes the target by the target year. */
  trendLeaves?: boolean;
  /** Chinese explanation when the projection formula gives an error. */
  formulaError: string | null;
  /** A plan's row saved with figures before its base year: which they are, and that they are still counted. */
  figuresBeforeBase: string | null;
}

/** A year cell typed with words about its figure (约4.1, 4.5（快报）): the figure, and the text as typed. */
interface WordedCell {
  visualRow: number;
  physicalRow: number;
  year: number;
  raw: string;
  value: number;
  words: string;
}

/** A figure an edit writes into a year cell. */
interface TypedFigure {
  physicalRow: number;
  year: number;
  value: number;
}

export interface CellInfo {
  code: string;
  name: string;
  column: string;
  /** Chinese explanation of what is wrong with the cell, or null. */
  problem: string | null;
}

export interface GridEvents {
  /**
   * Cells of these rows (by code) changed, or the rows were added or removed by 撤销 / 重做; `source` is
   * Handsontable's ('edit', 'CopyPaste.paste', 'import', 'UndoRedo.undo', …), `undone` the type of the action
   * undone or redone ('change', 'remove_row', 'insert_row', 'import'), so the history can say what it was.
   */
  onRowsChanged(codes: string[], source: string, undone?: string): void;
  /** Rows were added or removed (including by undo/redo). */
  onStructureChanged(): void;
  onSelectionChanged(info: CellInfo | null): void;
  /** An action was undone or redone; `actionType` is Handsontable's ('change', 'remove_row', …) or 'import'. */
  onUndoRedo?(kind: 'undo' | 'redo', actionType: string): void;
  /**
   * The clerk entered a value over one another tab had saved into that cell while the clerk was typing in it
   * (the other tab's value was under the open editor, never seen): said, so the clerk can take it back.
   */
  onOverwroteUnseen?(message: string): void;
  /** Whether there is something to undo or redo (for the 撤销 and 重做 buttons). */
  onUndoAvailability?(canUndo: boolean, canRedo: boolean): void;
  /** Ctrl+Z (or Ctrl+Y, Ctrl+Shift+Z) was pressed in the grid with nothing to undo (redo). */
  onNothingToUndo?(kind: 'undo' | 'redo'): void;
  /**
   * Another tab's save changed rows this page's undo or redo steps would write: the steps were dropped, so that
   * an undo cannot put back a value over the other tab's. `message` says so.
   */
  onUndoCleared?(message: string): void;
  /**
   * The row the clerk was typing in was deleted by another tab: the editor was closed and what was typed not
   * saved (there is no row left to save it in). `message` says what was typed and what to do.
   */
  onTypingLost?(message: string): void;
  /** Something the grid did differently from what the clerk asked, said in the status bar. */
  onNotice?(message: string): void;
}

export interface WorkbookGrid {
  getIndicators(): Indicator[];
  getIndicator(code: string): { indicator: Indicator; order: number } | undefined;
  /** Rows as shown (after sort and filter), for exporting what is on screen. */
  getVisibleIndicators(): Indicator[];
  countRows(): number;
  /** All rows, shown or filtered out. */
  countAllRows(): number;
  countInvalidCells(): number;
  addRow(): string;
  /** The rows currently selected (codes and names), for the delete confirmation. */
  selectedRows(): { code: string; name: string }[];
  deleteRows(codes: string[]): void;
  undo(): void;
  redo(): void;
  search(query: string): number;
  searchNext(): void;
  setFilters(filters: { area: string; department: string; attentionOnly: boolean }): void;
  /**
   * The toolbar's filters as the grid has them now: 撤销 of a filter puts the previous one back (a filter is an
   * undo step: Handsontable undoes edits by their row on screen, so the view must be put back first).
   */
  filterState(): { area: string; department: string; attentionOnly: boolean };
  report(code: string): RowReport | undefined;
  /** Every row's computed projection and status, in physical order (for the dashboard and the report). */
  reports(): RowReport[];
  resetProjectionFormula(code: string): void;
  /**
   * A next plan: tick (or untick) 确定沿用 of these rows, as the clerk would in the cell, as ONE undo step. Rows
   * whose target is no longer the previous one, or that are not shown, are left; returns how many changed.
   */
  setTargetKept(codes: readonly string[], kept: boolean): number;
  /**
   * Apply an import: new rows appended and cells set, as ONE undo step. Returns the codes touched.
   * `value` undefined clears the cell.
   */
  applyImport(
    updates: readonly { code: string; year: number; newValue: CellValue | undefined }[],
    newRows: Indicator[],
  ): void;
  /**
   * Targets proposed in a 目标测算表 sent back, written into 目标 as if typed there (its definition cells follow), and
   * 确定沿用 as ticked or not (text '' leaves the target as it is), as ONE undo step. Returns the codes of rows it could
   * not write (not shown: a filter hides them).
   */
  applyTargets(targets: readonly { code: string; text: string; kept: boolean }[]): string[];
  /**
   * Run `apply` (an import's cells and the targets its 目标测算表 proposes) as ONE undo step of `actionType`: one
   * 撤销 takes back all it did, one 重做 does it all again.
   */
  asOneUndoStep(actionType: string, apply: () => void): void;
  selectRow(code: string): void;
  /**
   * Select the cell of row `code` in the column titled `column` (as the status bar names it), scrolled into view,
   * with the keys: the cell a clerk was on before the page was reloaded. False when there is no such cell now.
   */
  selectCell(code: string, column: string): boolean;
  /** Select the top-left cell (a key pressed with nothing selected starts there). */
  selectFirstCell(): void;
  /**
   * Show rows another tab saved: update rows in place (or append new ones) and remove `removed`. Not an edit
   * of this page (nothing to save) and not an undo step.
   */
  applyExternal(rows: Indicator[], removed: string[]): void;
  /** Give the keyboard back to the grid (after a dialog closes). */
  focus(): void;
  /** An editor is open with text not entered yet (not saved until Enter, Tab or a click elsewhere). */
  typingUnentered(): boolean;
  destroy(): void;
}

/** The id Handsontable looks for before it injects its core styles (utils/stylesHandler, CORE_STYLES_ID). */
const CORE_STYLES_ID = 'handsontable-core-styles';

/**
 * Handsontable's core styles, put where the grid would put them (last in <head>, when the first grid is made)
 * under the id it looks for, so that neither the grid nor its menus (the context menu and the column menu are
 * grids of their own) inject theirs. What they inject is handsontable.min.css, rewritten for old browsers into
 * selectors such as :is(… td:has(…), …) and :not(:lang(ar), …) that Chromium matches against every element of
 * the page, not only the grid's: 200 rows of the import preview took ~45 ms of style recalculation, most of it
 * in those selectors. These are the same rules as written (handsontable.css), minified for Chrome and Edge
 * (build.cssTarget in vite.config.ts).
 */
function addCoreStyles(document: Document): void {
  if (document.getElementById(CORE_STYLES_ID)) return;
  const style = document.createElement('style');
  style.id = CORE_STYLES_ID;
  style.textContent = handsontableCoreCss;
  document.head.appendChild(style);
}

export function makeWorkbookGrid(
  container: HTMLElement,
  workbook: Workbook,
  options: {
    licenseKey: string;
    thresholds: Thresholds;
    events: GridEvents;
    /**
     * The codes the workbook's history and saved versions hold (rows deleted since included). Shared, not copied:
     * the session adds the versions' codes once read, and the grid each row deleted.
     */
    knownCodes?: Set<string>;
  },
): WorkbookGrid {
  setStatusThresholds(options.thresholds);
  const years = yearColumns(workbook);
  /** The earliest year the workbook has a column for: a base year before it is refused (baseYearBeforeYears). */
  const firstYearColumn = years[0] ?? workbook.baseYear;
  const planning = isNextPlan(workbook);
  /** A next plan's history years are open from this year on (null in a plan: a row's own base year decides). */
  const openFrom = historyYearsFrom(workbook);
  const columns = buildColumns(years, workbook.baseYear, workbook.targetYear, planning);
  const layout = layoutOf(columns);
  const col = (key: ColumnKey) => columns.findIndex((c) => c.key === key);
  const codeCol = col('code');
  const unitCol = col('unit');
  const nameCol = col('name');
  const baseYearCol = col('baseYear');
  const targetYearCol = col('targetYear');
  const targetTextCol = col('targetText');
  const projectionCol = col('projection');
  const gapCol = col('gap');
  const statusCol = col('status');
  const kindCol = col('kind');
  const comparatorCol = col('comparator');
  const targetValueCol = col('targetValue');
  const yearlyStepCol = col('yearlyStep');
  const wordingCol = col('wording');
  const noteCol = col('note');
  const departmentCol = col('department');
  /** 确定沿用 (-1 outside a next plan). */
  const keptCol = col('keptTarget');
  const definitionCols = new Set(
    (
      [
        'unit',
        'kind',
        'comparator',
        'wording',
        'targetValue',
        'yearlyStep',
        'baseYear',
        'targetYear',
      ] as const
    ).map(col),
  );
  const data: GridRow[] = workbook.indicators.map((row, index) => toGridRow(row, columns, index + 1));
  /** Last good definition of each row, so a slip in a definition cell never loses the target. */
  // The workbook's rows are only read here (fromGridRow copies the one it starts from), so they are shared
  // rather than copied: copying 5,000 rows was a noticeable part of opening a large workbook.
  const known = new Map<string, Indicator>(workbook.indicators.map((row) => [row.code, row]));
  /**
   * Codes a new row must not take (see nextCustomCode): those the history and versions held when the page opened,
   * and every row deleted since, here or in another tab — its history holds its code once saved.
   */
  const retiredCodes = options.knownCodes ?? new Set<string>();

  let searchResults: { row: number; col: number }[] = [];
  /** The cells the last search found, by physical row and column: marked wherever sorting puts them. */
  let searchHits = new Set<string>();
  /** The first row and height of the cells the fill handle copies (visual rows). */
  let autofillSource = 0;
  let autofillHeight = 1;
  /**
   * The fill handle copies what cells show; in the projection column it must copy the formula, as Excel does:
   * a default formula becomes each row's own default, a formula of the clerk's moves its relative references.
   */
  const fillProjectionFormulas = (changes: (Handsontable.CellChange | null)[]) => {
    if (!hot) return;
    for (const change of changes) {
      if (!change || Number(change[1]) !== projectionCol) continue;
      const target = hot.toPhysicalRow(change[0]);
      const offset = (((change[0] - autofillSource) % autofillHeight) + autofillHeight) % autofillHeight;
      const source = hot.toPhysicalRow(autofillSource + offset);
      const text = cellAt(source, projectionCol);
      const definition = definitionOf(target);
      if (!isClerkFormula(source) && typeof text === 'string' && text.startsWith('=') && definition)
        change[3] = projectionFormula(definition, target + 1, layout);
      else if (typeof text === 'string' && text.trim().startsWith('='))
        change[3] = shiftRelativeRows(text, target - source);
    }
  };
  /**
   * The log-linear default as it was written before (=GROWTH(…) alone), pasted back from a copy, goes in as today's
   * default: the row keeps its default, and the cell shows the formula whose value it shows.
   */
  const modernizeDefaultFormulas = (changes: (Handsontable.CellChange | null)[]) => {
    for (const change of changes) {
      if (!change || Number(change[1]) !== projectionCol || typeof change[3] !== 'string') continue;
      const physicalRow = hot?.toPhysicalRow(change[0]) ?? change[0];
      const definition = definitionOf(physicalRow);
      if (definition && change[3] === legacyProjectionFormula(definition, physicalRow + 1, layout))
        change[3] = projectionFormula(definition, physicalRow + 1, layout);
    }
  };
  /**
   * While an Enter or Tab in an open editor is handled: the physical rows it changed, and whether drawing those
   * rows alone shows everything (see beforeChangeRender).
   */
  let editBatch: { rows: Set<number>; rowsAlone: boolean } | null = null;
  /** Columns whose edit changes only its own row's look: the year values and the projection. */
  const rowsAloneCols = new Set(
    columns.flatMap((spec, column) => (spec.key === 'year' || spec.key === 'projection' ? [column] : [])),
  );
  /**
   * The columns a row's values change the look of: the years and the projection themselves, and what is computed
   * from them (状态, 波动, 目标评估, 差距). The other cells of the row show their own text and the row's definition
   * (unit, target, department…), which a value does not change: redrawing them too was over half the cells of
   * each row drawn after an edit or an import.
   */
  const valueColumns = columns.flatMap((spec, column) =>
    ['year', 'projection', 'status', 'fluctuation', 'ambition', 'gap'].includes(spec.key) ? [column] : [],
  );
  const finishEditBatch = (grid: Handsontable) => {
    const batch = editBatch;
    editBatch = null;
    if (grid.isDestroyed) return;
    try {
      if (batch?.rowsAlone && batch.rows.size > 0) {
        const visualRows = [...batch.rows].map((r) => grid.toVisualRow(r)).filter((r) => r !== null);
        redrawRowsAlone(grid, visualRows, valueColumns);
      }
    } finally {
      // Whatever happened above, the grid draws again (suspended, it would never draw).
      grid.resumeRender();
    }
  };
  /**
   * Redraw the rows on screen (and in the band Handsontable draws around it) that are among `physicalRows` or
   * hold a formula of the clerk's, which may read them; false when nothing is drawn yet (the caller draws all).
   * Only for changed values in rows that keep their place, as redrawRowsAlone requires.
   */
  const redrawRenderedRows = (physicalRows: ReadonlySet<number>): boolean => {
    const grid = hot;
    const first = grid?.getFirstRenderedVisibleRow();
    const last = grid?.getLastRenderedVisibleRow();
    if (!grid || first === null || first === undefined || last === null || last === undefined) return false;
    const visualRows: number[] = [];
    for (let visualRow = first; visualRow <= last; visualRow += 1) {
      const physicalRow = grid.toPhysicalRow(visualRow);
      if (physicalRow !== null && (physicalRows.has(physicalRow) || clerkFormulaRows.has(physicalRow)))
        visualRows.push(visualRow);
    }
    return redrawRowsAlone(grid, visualRows, valueColumns);
  };
  /**
   * Remove rows given by physical index (the rows an import added, rows another tab deleted). Handsontable
   * removes rows by their place on screen, and a row the filter hides has none (before, such a row stayed, and
   * came back with the next save): such rows are let through the filter for their removal only, so the other
   * rows stay as the clerk sees them (filtering again would hide rows edited since, and move the selection,
   * which closes an open editor). One removal, one draw. Not inside `batch()`, which defers the update of the
   * row order that letting a row through needs.
   */
  const removePhysicalRows = (physicalRows: readonly number[], source: string) => {
    const grid = hot;
    if (!grid) return;
    const trimmed = grid.getPlugin('filters').filtersRowsMap;
    for (const physicalRow of physicalRows)
      if ((grid.toVisualRow(physicalRow) ?? -1) < 0) trimmed?.setValueAtIndex(physicalRow, false);
    const visualRows = physicalRows
      .map((physicalRow) => grid.toVisualRow(physicalRow) ?? -1)
      .filter((v) => v >= 0);
    if (visualRows.length === 0) return;
    grid.batchRender(() =>
      grid.alter(
        'remove_row',
        visualRows.map((visual): [number, number] => [visual, 1]),
        undefined,
        source,
      ),
    );
  };
  /** Per deletion (newest last): the projection formulas it rewrote, by row code, for its undo. */
  const formulasBeforeRemoval: Map<string, GridCell>[] = [];
  let importing = false;
  /** Set while rows saved by another tab are put in: not an edit of this page, not an undo step. */
  let external = false;
  /** The type of the action 撤销 / 重做 is carrying out ('' otherwise): the rows it changes are said to be its. */
  let undoing = '';
  /**
   * Ends 撤销 / 重做 once Handsontable has written its cells and put the selection back on them. A change that
   * includes a cell with a validator (目标: a target typed into it writes several cells) is written in a microtask,
   * after afterUndo: its rows were recorded as 撤销 without what it undid, and the move back to its cell cleared
   * the status bar's 已撤销修改 at once. This microtask is queued after the validator's.
   */
  const finishUndoRedo = (kind: 'undo' | 'redo', actionType: string) =>
    queueMicrotask(() => {
      undoing = '';
      options.events.onUndoRedo?.(kind, actionType);
    });
  /** Codes of the rows an undo or redo is removing, read before they go. */
  let rowsRemovedByUndo: string[] = [];
  /**
   * The codes of the rows each 撤销 of 新增指标 took away, newest last: its 重做 brings them back under the same
   * codes, which any other new row leaves alone (see retiredCodes).
   */
  const undoneNewRows: string[][] = [];
  const rowsChanged = (codes: string[], source: string) =>
    options.events.onRowsChanged(codes, source, source.startsWith('UndoRedo') ? undoing : undefined);
  /**
   * Codes of the rows the steps on the undo and redo stacks write (perhaps more: rows of steps since dropped
   * stay until both stacks are empty). Handsontable's steps name rows by their place on screen and are internal;
   * this is what lets a save of another tab that touches none of these rows leave the stacks alone.
   */
  const undoRows = new Set<string>();
  const noteUndoRows = (physicalRows: Iterable<number>) => {
    if (external) return;
    for (const physicalRow of physicalRows) undoRows.add(codeAt(physicalRow));
  };
  // After the stack's change has settled (an undone action is put on the redo stack by a callback).
  const reportUndoAvailability = () =>
    queueMicrotask(() => {
      const undoRedo = hot?.getPlugin('undoRedo');
      if (!undoRedo || hot?.isDestroyed) return;
      const canUndo = undoRedo.isUndoAvailable();
      const canRedo = undoRedo.isRedoAvailable();
      if (!canUndo && !canRedo) undoRows.clear();
      if (!canRedo) undoneNewRows.length = 0;
      options.events.onUndoAvailability?.(canUndo, canRedo);
    });
  /** A cell another tab changed under the clerk's open editor (see applyExternal). */
  let unseen: { physicalRow: number; col: number; theirs: GridCell } | null = null;
  let searchIndex = -1;
  /**
   * How far the grid was scrolled sideways when the clerk began typing a search. Each keystroke searches: “婴” first
   * found 规划原文 far right and the grid scrolled there; the final hit, the name 婴儿死亡率 in a frozen column,
   * left it there — the year columns out of sight. A hit in a frozen column puts the grid back where it was.
   */
  let searchScrollLeft: number | null = null;
  const masterHolder = () => container.querySelector<HTMLElement>('.ht_master .wtHolder');

  // Assigned once below; declared first because hooks that run during construction read it.
  // eslint-disable-next-line prefer-const -- assigned once below: hooks that run during construction read it
  let hot: Handsontable | undefined;
  /**
   * Rows whose gap and status cells do not hold their results yet (null: none). Every read of those cells
   * writes them first: `cellAt` and `rowAt` here, Handsontable's reads (draw, sort, filter, copy, undo) through
   * its `modifyRowData` hook, which it runs before reading a row; the search and row insertion or removal write
   * them all.
   */
  let unwritten: Set<number> | null = null;
  // Handsontable binds to `data` by reference and edits it in place (also when rows are added or removed), so a
  // value is read straight from it: reading through Handsontable runs hooks per cell, which on 5,000 rows made
  // every edit take seconds. The projection column holds the formula's text; the gap and status columns hold
  // values the grid computes (below), so sorting, filtering and search see what the clerk sees.
  const cellAt = (physicalRow: number, column: number): GridCell => {
    if (unwritten !== null && (column === gapCol || column === statusCol)) writeResultsOf(physicalRow);
    return data[physicalRow]?.[column] ?? null;
  };
  const rowAt = (physicalRow: number): GridRow => {
    if (unwritten !== null) writeResultsOf(physicalRow);
    return (data[physicalRow] ?? []).map((cell) => cell ?? null);
  };
  const codeAt = (physicalRow: number) => String(cellAt(physicalRow, codeCol) ?? '');
  const unitAt = (physicalRow: number) => String(cellAt(physicalRow, unitCol) ?? '');
  /** The row's name as it stands in the grid: a gross rate's % passes 100 (model/entry isGrossRate). */
  const nameAt = (physicalRow: number) => String(cellAt(physicalRow, nameCol) ?? '');
  const invalidCells = makeInvalidCellCounter();
  const fluctuations = makeRowCache<ReturnType<typeof assessFluctuation>>();
  const ambitions = makeRowCache<ReturnType<typeof assessAmbition>>();
  /** Whether a next plan's row still has the previous target (目标评估, 确定沿用 read it on every draw). */
  const carriedRows = makeRowCache<boolean>();

  // --- Projection, gap and status -------------------------------------------------------------------------
  // A row whose projection is the default formula is computed from its cells by the pure model, exactly as the
  // formula would be; only formulas the clerk wrote go to HyperFormula. An engine holding every cell of a large
  // workbook was most of the time to open it and to show an edit (README, Performance).
  const results = makeRowCache<RowResults>();
  /** Rows whose projection is a formula of the clerk's own: it may read other rows, so it is recomputed with them. */
  const clerkFormulaRows = new Set<number>();
  const yearCells = (physicalRow: number): XlInput[] =>
    (data[physicalRow] ?? []).slice(layout.firstYearCol, layout.firstYearCol + years.length);
  const definitionOf = (physicalRow: number) => known.get(codeAt(physicalRow));
  /** The target year's own figure once it is in (it, not the projection, then decides gap and status). */
  const actualAtTarget = (physicalRow: number): number | null => {
    const targetYear = definitionOf(physicalRow)?.targetYear;
    const index = targetYear === undefined ? -1 : years.indexOf(targetYear);
    const value = index < 0 ? undefined : cellAt(physicalRow, layout.firstYearCol + index);
    return typeof value === 'number' ? value : null;
  };
  const isClerkFormula = (physicalRow: number): boolean => {
    const text = cellAt(physicalRow, projectionCol);
    if (typeof text !== 'string' || !text.trim().startsWith('=')) return false;
    const definition = definitionOf(physicalRow);
    return !definition || !isDefaultProjectionFormula(text, definition, physicalRow + 1, layout);
  };
  const formulaEngine = makeCustomFormulaEngine(
    () => data.length,
    (physicalRow) => {
      // A formula may read a row's status or gap.
      if (unwritten !== null) writeResultsOf(physicalRow);
      return (data[physicalRow] ?? []).map((cell, column) => {
        // Computed cells go in as their values, errors as errors ("#DIV/0!" is read as one), so a formula
        // reading them sees what the grid shows.
        if (column === projectionCol)
          return isClerkFormula(physicalRow) ? cell : resultAt(physicalRow).projected;
        // (A clerk's row's own gap depends on its formula: left out, not computed while the engine is built.)
        if (column === gapCol) return isClerkFormula(physicalRow) ? null : gapCellAt(physicalRow);
        // Text stays text (a leading apostrophe): a value typed as "=…" in a year cell is not a formula.
        return typeof cell === 'string' ? `'${cell}` : cell;
      });
    },
  );
  /**
   * A block pasted from Excel one column wider than the years ran on into 预测: it replaced the row's projection
   * formula with a figure, unsaid. A paste that writes year cells leaves the projection alone (and says so); a
   * formula pasted into 预测 alone still goes in.
   */
  const keepFormulasFromWidePaste = (changes: (Handsontable.CellChange | null)[]) => {
    const isYear = (change: Handsontable.CellChange | null) => columns[Number(change?.[1])]?.key === 'year';
    if (!changes.some(isYear)) return;
    let kept = 0;
    changes.forEach((change, i) => {
      if (change && Number(change[1]) === projectionCol) {
        changes[i] = null;
        kept += 1;
      }
    });
    // Said once the paste has selected what it wrote (a new selection clears the status bar's notice).
    if (kept > 0)
      queueMicrotask(() =>
        options.events.onNotice?.(
          `粘贴的数据比年份列宽，超出部分没有写入“${columns[projectionCol]?.title ?? '预测'}”列（${kept} 行的预测公式保持不变）。` +
            '如需修改预测公式，请单独选中该单元格粘贴或输入。',
        ),
      );
  };
  const constantOf = (cell: GridCell): FormulaValue => {
    if (typeof cell !== 'string') return cell;
    const text = cell.trim();
    if (text === '') return null;
    const number = Number(text);
    return Number.isFinite(number) ? number : text;
  };
  const computeResults = (physicalRow: number): RowResults => {
    clerkFormulaRows.delete(physicalRow);
    const definition = definitionOf(physicalRow);
    if (!definition) return { projected: null, gap: '', status: '数据不足' };
    const cells = yearCells(physicalRow);
    const cell = cellAt(physicalRow, projectionCol);
    let projected: FormulaValue;
    let linearFallback = false;
    if (isDefaultProjectionFormula(cell, definition, physicalRow + 1, layout)) {
      const value = defaultProjectionOf(defaultMethod(definition), cells, years, definition.targetYear);
      projected = value.value;
      linearFallback = value.fellBack;
    } else if (typeof cell === 'string' && cell.trim().startsWith('=')) {
      clerkFormulaRows.add(physicalRow);
      // A gap or a status is no projection: judged as one, it gave a made-up 预测 and status.
      projected = isNotAProjection(cell)
        ? NOT_A_PROJECTION_ERROR
        : formulaEngine.valueAt(physicalRow, projectionCol);
    } else {
      projected = constantOf(cell);
    }
    const results = resultsOf(
      projected,
      cells,
      years,
      targetSpecOf(definition),
      options.thresholds,
      definition.unit,
    );
    return linearFallback ? { ...results, linearFallback } : results;
  };
  const resultAt = (physicalRow: number): RowResults =>
    results.get(physicalRow, () => computeResults(physicalRow));
  /**
   * The 与目标差距 cell's value, the figure it shows (sorting and filtering read it): for a 左右 row its distance
   * from the band (0 inside), not from the centre; to the two places shown (no −0.5600000000000005 in a filter).
   */
  const gapCellAt = (physicalRow: number): FormulaValue => {
    const { gap } = resultAt(physicalRow);
    const definition = definitionOf(physicalRow);
    if (typeof gap !== 'number') return gap;
    const shown = definition ? gapShown(gap, definition, options.thresholds) : gap;
    return roundHalfAway(shown, 2);
  };
  /** Write the computed gap and status into the rows' cells (the grid sorts and filters by them). */
  const showResults = (physicalRows: Iterable<number>) => {
    for (const physicalRow of physicalRows) {
      unwritten?.delete(physicalRow);
      const row = data[physicalRow];
      if (!row) continue;
      row[gapCol] = gapCellAt(physicalRow);
      row[statusCol] = resultAt(physicalRow).status;
    }
  };
  /** Write the gap and status of a row whose cells are not written yet (see `unwritten`). */
  const writeResultsOf = (physicalRow: number) => {
    if (unwritten?.has(physicalRow)) showResults([physicalRow]);
  };
  /** Write every row's that is not written yet. */
  const writeAllResults = () => {
    const rows = unwritten;
    if (rows === null) return;
    // One by one: computing a row may read (and so write) another (a formula of the clerk's).
    for (const physicalRow of rows) showResults([physicalRow]);
    if (unwritten === rows) unwritten = null;
  };

  /**
   * `deferResults`: the gap and status cells of these rows are written when first read (a draw, a sort, a
   * filter, a copy, a formula, a row read for the save, the search) or right after the next frame, not now (see
   * `unwritten`). For an import: writing 10,000 rows' results before its first frame was a third of 应用.
   */
  const markRowsChanged = (physicalRows: number[], deferResults = false) => {
    // Another change first settles what an import left unwritten: the rows' state stays simple to reason about.
    if (!deferResults) writeAllResults();
    if (editBatch) for (const physicalRow of physicalRows) editBatch.rows.add(physicalRow);
    invalidCells.markRows(physicalRows);
    fluctuations.forget(physicalRows);
    ambitions.forget(physicalRows);
    carriedRows.forget(physicalRows);
    results.forget(physicalRows);
    formulaEngine.rowsChanged(physicalRows);
    // A formula of the clerk's may read the rows that changed.
    const dependents = [...clerkFormulaRows];
    if (editBatch) for (const physicalRow of dependents) editBatch.rows.add(physicalRow);
    results.forget(dependents);
    if (!deferResults) {
      showResults([...physicalRows, ...dependents]);
      return;
    }
    const later = (unwritten ??= new Set());
    for (const physicalRow of physicalRows) later.add(physicalRow);
    for (const physicalRow of dependents) later.add(physicalRow);
    // A hidden page draws no frames: the timer writes them then.
    requestAnimationFrame(() => setTimeout(writeAllResults, 0));
    setTimeout(writeAllResults, 1000);
  };
  /** Rows were added or removed: every cache by row index starts again, and the clerk's formulas are found anew. */
  const resetRowCaches = () => {
    if (editBatch) editBatch.rowsAlone = false;
    // The search's marks name rows by index, which has just shifted.
    searchHits = new Set();
    searchResults = [];
    invalidCells.reset();
    fluctuations.clear();
    ambitions.clear();
    carriedRows.clear();
    results.clear();
    formulaEngine.structureChanged();
    clerkFormulaRows.clear();
    // Written before rows move (beforeCreateRow, beforeRemoveRow); should any be left, every row is written.
    if (unwritten !== null) {
      unwritten = null;
      showResults(data.keys());
    }
    // The clerk's formulas are recomputed once the rows have settled (deleting ten rows is ten removals, and
    // each would otherwise rebuild the engine).
    if (!clerkRefreshQueued) {
      clerkRefreshQueued = true;
      queueMicrotask(() => {
        clerkRefreshQueued = false;
        const clerkRows = data.map((_, r) => r).filter(isClerkFormula);
        if (clerkRows.length === 0) return;
        showResults(clerkRows);
        hot?.render();
      });
    }
  };
  let clerkRefreshQueued = false;
  /**
   * Rows were inserted or deleted: rewrite the references in the other rows' projection formulas as a spreadsheet
   * does (`newRow` maps an old 1-based row number to the new one, null when deleted). `skip` are new rows.
   */
  const moveFormulaReferences = (newRow: (row: number) => number | null, skip: ReadonlySet<number>) => {
    data.forEach((row, physicalRow) => {
      const cell = row[projectionCol];
      if (skip.has(physicalRow) || typeof cell !== 'string' || !cell.trim().startsWith('=')) return;
      row[projectionCol] = remapRowReferences(cell, newRow);
    });
  };
  showResults(data.keys());

  /** Read a row without recording it: for renderers and reports, which run on every render (a hot path). */
  const peekIndicator = (physicalRow: number): Indicator =>
    fromGridRow(rowAt(physicalRow), columns, physicalRow + 1, known.get(codeAt(physicalRow)), openFrom);

  /** A row's figures by year, as its cells hold them now. */
  const figuresOf = (physicalRow: number): Record<number, GridCell> => {
    const figures: Record<number, GridCell> = {};
    years.forEach((year, i) => (figures[year] = cellAt(physicalRow, layout.firstYearCol + i) ?? null));
    return figures;
  };
  /** The base year the row's cell holds (the workbook's while it holds none). */
  const rowBaseOf = (physicalRow: number): number =>
    Number(cellAt(physicalRow, baseYearCol) ?? workbook.baseYear);
  /**
   * The first year a row takes a figure for (model/workbook firstEntryYear): its base year in a plan; in a next
   * plan also its history, back to the first figure it brought along (the figures are read only there).
   */
  const firstYearOf = (physicalRow: number): number => {
    const rowBase = rowBaseOf(physicalRow);
    if (openFrom === null || Math.min(rowBase, openFrom) <= years[0]!)
      return firstEntryYear(rowBase, openFrom);
    return firstEntryYear(rowBase, openFrom, earliestFigureYear(figuresOf(physicalRow)));
  };
  /** Whether a year is before the row's first (firstYearOf), its figures read only for a next plan's oldest years. */
  const beforeFirstYear = (physicalRow: number, year: number): boolean => {
    if (year >= firstEntryYear(rowBaseOf(physicalRow), openFrom)) return false;
    return openFrom === null || year < earliestFigureYear(figuresOf(physicalRow));
  };

  /** Read a row and record it as the row's last good definition (for saving and for definition edits). */
  const readIndicator = (physicalRow: number): Indicator => {
    const indicator = peekIndicator(physicalRow);
    known.set(codeAt(physicalRow), copyIndicator(indicator));
    return indicator;
  };

  const isTicked = (physicalRow: number) => keptCol >= 0 && cellAt(physicalRow, keptCol) === KEPT_CELL;
  /** 确定沿用 applies while the target is still the previous one (and a tick left on another can be taken off). */
  const carriedAt = (physicalRow: number) =>
    carriedRows.get(physicalRow, () => isCarriedOver(peekIndicator(physicalRow)));
  const keepable = (physicalRow: number) => keptCol >= 0 && (isTicked(physicalRow) || carriedAt(physicalRow));
  /** What a 确定沿用 cell takes: a tick, or — pasted or typed — 已确定, 是, √ and the like; anything else unticks. */
  const keptCellOf = (value: unknown): GridCell =>
    value === true || readKeptMark(String(value ?? '')) === true ? KEPT_CELL : null;
  /**
   * A tick says the committee keeps the previous target: a target changed afterwards is a new decision, so the
   * tick goes in the same change (one 撤销 brings back both). Cells the change writes itself are left as written.
   */
  const untickChangedTargets = (changes: (Handsontable.CellChange | null)[]) => {
    const grid = hot;
    if (!grid || keptCol < 0) return;
    const targetCols = new Set([kindCol, comparatorCol, targetValueCol, yearlyStepCol]);
    const same = (a: unknown, b: unknown) =>
      (a === '' ? null : (a ?? null)) === (b === '' ? null : (b ?? null));
    const written = new Set(
      changes.flatMap((change) => (change && Number(change[1]) === keptCol ? [change[0]] : [])),
    );
    const added: Handsontable.CellChange[] = [];
    for (const change of changes) {
      if (!change || !targetCols.has(Number(change[1]))) continue;
      const [visualRow, prop, , next] = change;
      const physicalRow = grid.toPhysicalRow(visualRow);
      if (written.has(visualRow) || !isTicked(physicalRow) || same(cellAt(physicalRow, Number(prop)), next))
        continue;
      written.add(visualRow);
      added.push([visualRow, keptCol, KEPT_CELL, null]);
    }
    changes.push(...added);
  };

  /**
   * A new kind of target brings the comparator, value and yearly change that agree with how that kind is judged
   * (全覆盖: = 100%), and a yearly change its direction: added to the same change, so one undo step takes back
   * both. Cells the change itself writes are left as written.
   */
  const alignDefinitionsToKind = (changes: (Handsontable.CellChange | null)[]) => {
    const grid = hot;
    if (!grid) return;
    const written = new Set(
      changes.flatMap((change) => (change ? [`${change[0]}:${Number(change[1])}`] : [])),
    );
    const same = (a: GridCell, b: GridCell) => (a === '' ? null : a) === (b === '' ? null : b);
    const added: Handsontable.CellChange[] = [];
    for (const change of changes) {
      if (!change) continue;
      const [visualRow, prop, , next] = change;
      const physicalRow = grid.toPhysicalRow(visualRow);
      let target: Target;
      if (Number(prop) === kindCol) {
        const kind = kindOfLabel(next as GridCell);
        if (!kind || kind === kindOfLabel(cellAt(physicalRow, kindCol))) continue;
        target = { ...peekIndicator(physicalRow).target, kind };
      } else if (Number(prop) === yearlyStepCol) {
        const indicator = peekIndicator(physicalRow);
        const step = parseYearlyStep(next, indicator.unit);
        if (indicator.target.kind !== 'yearly-change' || !step.ok || step.value === null) continue;
        target = { ...indicator.target, yearlyStep: step.value };
      } else continue;
      const aligned = alignTargetToKind(target);
      const cells: [number, GridCell][] = [
        [comparatorCol, aligned.comparator],
        [targetValueCol, aligned.value],
        [yearlyStepCol, aligned.yearlyStep ?? null],
      ];
      for (const [column, value] of cells) {
        const key = `${visualRow}:${column}`;
        const before = cellAt(physicalRow, column);
        if (written.has(key) || same(before, value)) continue;
        written.add(key);
        added.push([visualRow, column, before, value]);
      }
    }
    changes.push(...added);
  };

  /**
   * A text typed into 目标 read for its row: as the plan writes it (parseTargetText), and refused when the year it
   * counts from is not before the row's target year ("在2026年基础上…" on a row ending in 2025): that base year
   * would have been a slip while the rest of the target went in.
   */
  const readTargetText = (physicalRow: number, text: string) => {
    const read = parseTargetText(text, unitAt(physicalRow), nameAt(physicalRow));
    const targetYear = Number(cellAt(physicalRow, targetYearCol));
    if (read.ok && read.baseYear !== undefined && read.baseYear >= targetYear)
      return { ok: false as const, message: periodOrderProblem(read.baseYear, targetYear) };
    // "在2019年基础上…" on 近视率 with a 2018 figure: the base year it names would be a slip (baseYearPastFigures);
    // so would "在2017年基础上…" in a workbook whose years start at 2018 (baseYearBeforeYears).
    const past =
      read.ok && read.baseYear !== undefined && read.baseYear > rowBaseOf(physicalRow)
        ? baseYearPastFigures(read.baseYear, figuresOf(physicalRow), openFrom)
        : read.ok && read.baseYear !== undefined
          ? baseYearBeforeYears(read.baseYear, firstYearColumn)
          : null;
    if (past !== null) return { ok: false as const, message: past };
    return read;
  };

  /**
   * A target typed into 目标 the way the plan writes it ("控制在4‰以下", "保持在90%左右", "应建尽建", "每年降低1个百分点"):
   * read, and written into the definition cells it stands for (目标类型, 比较, 目标值, 规划表述, 每年变化) in the
   * same edit, so one 撤销 takes it all back. A text that cannot be read is left to the column's validator, which
   * keeps the editor open on it (nothing changes), and the status bar says why.
   */
  const readTypedTargets = (changes: (Handsontable.CellChange | null)[]) => {
    const grid = hot;
    if (!grid) return;
    refusedEditOnly = false;
    // Most edits touch no 目标 cell (a paste of 50,000 figures among them): nothing to read.
    if (!changes.some((change) => change !== null && Number(change[1]) === targetTextCol)) return;
    let refused = 0;
    const added: Handsontable.CellChange[] = [];
    // Cells the edit writes itself (a whole row pasted) keep what was pasted.
    const written = new Set(
      changes.flatMap((change) => (change ? [`${change[0]}:${Number(change[1])}`] : [])),
    );
    changes.forEach((change) => {
      if (!change || Number(change[1]) !== targetTextCol) return;
      const [visualRow, , , next] = change;
      const physicalRow = grid.toPhysicalRow(visualRow);
      const text = String(next ?? '').trim();
      const shown = String(cellAt(physicalRow, targetTextCol) ?? '');
      // (The change itself stays, written as the target reads: an editor with a validator waits for its cell's
      // validation, and a change taken out here is never validated.) Emptied or left as shown: nothing changes.
      // The shown text typed on a row whose 比较 does not fit its kind sets 比较 to the sign shown (and judged).
      if (text === '' || (text === shown && comparatorMismatch(peekIndicator(physicalRow)) === null)) {
        change[3] = shown;
        return;
      }
      const read = readTargetText(physicalRow, text);
      if (!read.ok) {
        options.events.onNotice?.(`${codeAt(physicalRow)} 目标未改：${read.message}`);
        refused += 1;
        return;
      }
      const { target, baseYear: namedBase } = read;
      change[3] = describeTarget({ target, unit: unitAt(physicalRow) });
      const cells: [number, GridCell][] = [
        [kindCol, TARGET_KIND_LABELS[target.kind]],
        [comparatorCol, target.comparator],
        [targetValueCol, target.value],
        [wordingCol, target.wording],
        [yearlyStepCol, target.yearlyStep ?? null],
      ];
      // "在2018年基础上每年降低1个百分点": the year named is the row's base year, as the plan's 近视率 row has it.
      if (namedBase !== undefined) cells.push([baseYearCol, namedBase]);
      for (const [column, value] of cells) {
        if (written.has(`${visualRow}:${column}`)) continue;
        const before = cellAt(physicalRow, column) ?? null;
        if ((before === '' ? null : before) !== value) added.push([visualRow, column, before, value]);
      }
    });
    changes.push(...added);
    // The validator will drop the refused text: an edit made of nothing else is no step to undo.
    refusedEditOnly = refused > 0 && refused === changes.filter((change) => change !== null).length;
  };
  /**
   * 责任单位 typed in part (卫健, then Tab, Enter or a click elsewhere) is the one office holding it — of the list
   * or already named in the workbook; text several offices hold (市) is refused by the cell's validator, the editor
   * left open with the question; a name no office holds is a new office, kept and said to be new (office-name.ts).
   */
  const readTypedOffices = (changes: (Handsontable.CellChange | null)[]) => {
    const grid = hot;
    if (!grid || departmentCol < 0) return;
    if (!changes.some((change) => change !== null && Number(change[1]) === departmentCol)) return;
    const offices = [
      ...(columns[departmentCol]?.choices ?? []),
      ...data.map((row) => String(row[departmentCol] ?? '')),
    ];
    let refused = 0;
    let said: string | null = null;
    for (const change of changes) {
      if (!change || Number(change[1]) !== departmentCol || typeof change[3] !== 'string') continue;
      const typed = change[3];
      const reading = readOffice(typed, offices);
      const physicalRow = grid.toPhysicalRow(change[0]);
      if (reading.kind === 'office') change[3] = reading.office;
      if (reading.kind === 'several') {
        officesAsked.set(physicalRow, typed);
        refused += 1;
      }
      // (Retyping the office the cell holds says nothing.)
      if (sameCell(change[2], change[3])) continue;
      said ??= officeReadingNotice(typed, reading);
    }
    if (said !== null) sayQuestion(said);
    if (refused > 0 && refused === changes.filter((change) => change !== null).length) refusedEditOnly = true;
  };
  /** 责任单位 texts several offices hold, by row, for the cell's validator to refuse (readTypedOffices). */
  const officesAsked = new Map<number, string>();

  function departmentValidator(
    this: Handsontable.CellProperties,
    value: unknown,
    callback: (valid: boolean) => void,
  ): void {
    const physicalRow = hot?.toPhysicalRow(this.visualRow) ?? this.row;
    const asked = officesAsked.get(physicalRow);
    officesAsked.delete(physicalRow);
    callback(asked === undefined || asked !== value);
  }

  /** Set while an edit consists only of 目标 texts that cannot be read (see beforeUndoStackChange). */
  let refusedEditOnly = false;
  /**
   * Set while an edit changes no cell (the list of 目标类型 opened and closed on the kind it holds, a figure typed
   * again): no step for 撤销, which would say 已撤销修改 with nothing changed. Cleared once the edit is recorded.
   */
  let unchangedEditOnly = false;
  const sameCell = (a: unknown, b: unknown) =>
    (a === '' || a === undefined ? null : a) === (b === '' || b === undefined ? null : b);

  /** The year columns, whose figures a row's name decides on (a gross rate's % passes 100). */
  const yearCols = columns.flatMap((spec, column) => (spec.key === 'year' ? [column] : []));

  /**
   * A row renamed to or from a gross rate (isGrossRate: …毛入园率, …毛入学率) has its stored figures read again by
   * the new name, in the same edit (one 撤销 takes both back, and puts the old marks back): 105 kept as text on an
   * ordinary rate is the figure 105 of a gross rate; 101.3 of a gross rate renamed an ordinary rate is kept as the
   * text it would have been typed as there, marked and out of the trend. (They stayed as they were: red, or counted.)
   */
  const rereadRenamedRows = (changes: (Handsontable.CellChange | null)[]) => {
    for (const change of [...changes]) {
      if (!change || Number(change[1]) !== nameCol) continue;
      const [visualRow, , , next] = change;
      const physicalRow = hot?.toPhysicalRow(visualRow) ?? visualRow;
      const name = String(next ?? '');
      if (isGrossRate(name) === isGrossRate(nameAt(physicalRow))) continue;
      const unit = unitAt(physicalRow);
      for (const column of yearCols) {
        if (changes.some((c) => c && c[0] === visualRow && Number(c[1]) === column)) continue;
        const stored = cellAt(physicalRow, column);
        if (stored === null || stored === undefined || stored === '') continue;
        const reread = toCellValue(stored, unit, name) ?? null;
        if (!sameCell(reread, stored)) changes.push([visualRow, column, stored, reread]);
      }
    }
  };

  function targetTextValidator(
    this: Handsontable.CellProperties,
    value: unknown,
    callback: (valid: boolean) => void,
  ): void {
    const physicalRow = hot?.toPhysicalRow(this.visualRow) ?? this.row;
    const text = String(value ?? '').trim();
    callback(
      text === '' ||
        text === String(cellAt(physicalRow, targetTextCol) ?? '') ||
        readTargetText(physicalRow, text).ok,
    );
  }

  const problemAt = (physicalRow: number, spec: ColumnSpec, value: GridCell | undefined): string | null => {
    if (value === null || value === undefined || value === '') return null;
    if (spec.key === 'year') return yearCellProblem(value, unitAt(physicalRow), nameAt(physicalRow));
    if (spec.key === 'targetValue') return cellProblem(value, unitAt(physicalRow), nameAt(physicalRow));
    if (spec.key === 'yearlyStep') {
      const step = parseYearlyStep(value, unitAt(physicalRow));
      return step.ok ? null : step.message;
    }
    if (spec.numeric && typeof value !== 'number') {
      return `“${String(value)}”不是数字：“${spec.title}”应填写数字，请核对后重填。`;
    }
    if (spec.key === 'area' || spec.key === 'kind' || spec.key === 'comparator') {
      // A definition the workbook cannot read is kept as typed and marked; the row keeps its last good target.
      return spec.choices?.includes(String(value))
        ? null
        : `“${String(value)}”不是可用的${spec.title}：请从下拉列表中选择（${spec.choices?.join('、') ?? ''}）。`;
    }
    if (spec.key === 'baseYear' || spec.key === 'targetYear') {
      const year = Number(value);
      if (!Number.isInteger(year) || year < 1949 || year > 2100)
        return `“${String(value)}”不是有效年份：请填写四位年份。`;
      const base = Number(cellAt(physicalRow, baseYearCol));
      const target = Number(cellAt(physicalRow, targetYearCol));
      if (Number.isInteger(base) && Number.isInteger(target) && target <= base)
        return periodOrderProblem(base, target);
      if (spec.key !== 'baseYear') return null;
      const beforeYears = baseYearBeforeYears(year, firstYearColumn);
      if (beforeYears !== null) return beforeYears;
      const past = baseYearPastFigures(year, figuresOf(physicalRow), openFrom);
      // Saved so (a workbook from before the check): said as it is — the figures are counted — not as a refusal.
      if (past !== null && !slipNotSaved(physicalRow, spec, value))
        return figuresBeforeBaseCounted(year, figuresOf(physicalRow), openFrom) ?? past;
      return past;
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
    // With the unit, as every figure is shown ("4‰", "90%"); the editor still opens on the plain number.
    if ((spec?.key === 'year' || spec?.key === 'targetValue') && typeof value === 'number')
      shown = formatWithUnit(value, unitAt(physicalRow));
    textRenderer.call(this, instance, td, row, column, prop, shown, cellProperties);
    td.classList.toggle('cell-invalid', problem !== null);
    if (problem) {
      td.title = problem;
      td.textContent = `⚠ ${String(value)}`;
    } else {
      td.removeAttribute('title');
    }
  }

  /** Dropdown cells: Handsontable's own look, plus the invalid mark for kind and comparator. */
  const choiceRenderer = (
    instance: Handsontable.Core,
    td: HTMLTableCellElement,
    row: number,
    column: number,
    prop: string | number,
    value: unknown,
    cellProperties: Handsontable.CellProperties,
  ) => {
    autocompleteRenderer(instance, td, row, column, prop, value, cellProperties);
    const spec = columns[column];
    const problem = spec ? problemAt(instance.toPhysicalRow(row), spec, value as GridCell) : null;
    td.classList.toggle('cell-invalid', problem !== null);
    if (problem) td.title = problem;
    else td.removeAttribute('title');
  };

  const computedRenderer =
    (show: (value: GridCell, physicalRow: number) => { text: string; className?: string; title?: string }) =>
    (
      instance: Handsontable.Core,
      td: HTMLTableCellElement,
      row: number,
      column: number,
      prop: string | number,
      rawValue: unknown,
      cellProperties: Handsontable.CellProperties,
    ) => {
      const physicalRow = instance.toPhysicalRow(row);
      const value = rawValue as GridCell;
      // The default formula of a row with fewer than two values is no mistake: a dimmed dash, not a red error
      // on every row of a plan that has just been set up. A formula the clerk wrote shows its error.
      const notYet =
        isErrorValue(value) && !isClerkFormula(physicalRow) ? explainNoProjectionYet(value) : null;
      const shown = notYet
        ? { text: '—', className: 'htCenter htDimmed', title: notYet }
        : isErrorValue(value)
          ? {
              text: `⚠ ${value}`,
              className: 'cell-invalid',
              title: explainProjectionError(value, cellAt(physicalRow, projectionCol)),
            }
          : show(value, physicalRow);
      textRenderer(instance, td, row, column, prop, shown.text, cellProperties);
      td.className = `${td.className} ${shown.className ?? ''}`.trim();
      if (shown.title) td.title = shown.title;
      else td.removeAttribute('title');
    };

  const projectionRenderer = computedRenderer((value, physicalRow) => {
    // As the row panel, the report and a next plan's 目标测算表 show it: a count in whole units (resultsOf made it so).
    const definition = definitionOf(physicalRow);
    const text =
      typeof value !== 'number'
        ? ''
        : definition
          ? showPlannedTrend(value, { unit: unitAt(physicalRow), target: definition.target })
          : formatWithUnit(roundHalfAway(value, 2), unitAt(physicalRow));
    const actual = actualAtTarget(physicalRow);
    if (actual === null) return { text, className: 'htRight cell-formula' };
    // Superseded: dimmed, and said why, so the projection is not read as the result.
    const year = definitionOf(physicalRow)?.targetYear;
    return {
      text,
      className: 'htRight cell-formula htDimmed',
      title: `${year}年已有实际值 ${formatWithUnit(actual, unitAt(physicalRow))}：与目标差距和状态按实际值计算，预测值仅供参考。`,
    };
  });
  const gapRenderer = computedRenderer((value, physicalRow) => {
    // The cell holds the figure shown (gapCellAt: a 左右 row's distance from its band); the words come from the
    // row's own gap, as the report's warning list words it — a figure exactly on a strict bound (6‰ against <6‰)
    // not 与目标持平 beside 未达标.
    if (typeof value !== 'number') return { text: '—', className: 'htCenter htDimmed' };
    const definition = definitionOf(physicalRow);
    const unit = unitAt(physicalRow);
    const { gap, status } = resultAt(physicalRow);
    const words =
      definition && typeof gap === 'number'
        ? gapBesideStatus(gap, definition, status, options.thresholds)
        : describeGap(value, unit);
    const title = `${actualAtTarget(physicalRow) === null ? '预测值' : `${definition?.targetYear}年实际值`}${words}`;
    const rounded = roundHalfAway(value, 2);
    // A gap that rounds to nothing is said in words, as the report says it (与目标持平, 在目标范围内): a bare “0” read as
    // a figure missing. A figure on a strict bound, or off the target by less than the figures show, keeps the
    // report's fuller words in its tooltip and says its short form here.
    if (rounded === 0) return { text: zeroGapText(words), className: 'htRight htDimmed', title };
    // In the row's unit, a difference of rates in 个百分点 (as the plan writes); the sign is that of 预测 − 目标.
    const size = formatDifference(Math.abs(rounded), unit);
    return { text: `${rounded > 0 ? '+' : '−'}${size}`, className: 'htRight htDimmed', title };
  });
  /** The 与目标差距 cell's words for a gap that rounds to 0, from the report's words for the row (gapBesideStatus). */
  const zeroGapText = (words: string): string => {
    if (words.startsWith('等于目标值')) return '等于目标，未达到';
    const under = /^(高于|低于)目标不到 (.+)$/.exec(words);
    if (under) return `${under[1] === '高于' ? '+' : '−'}不到${under[2]}`;
    return words;
  };
  const statusRenderer = computedRenderer((value, physicalRow) => {
    const status = String(value ?? '');
    if (status === '公式有误')
      return {
        text: '⚠ 公式有误',
        className: 'status status-error',
        title: '预测公式有误，请查看右下方说明。',
      };
    // The target year over without its figure (a department late): the status is the earlier years', said so
    // where the clerk points (the frozen 状态 column shows it far from the 2025 column, out of view).
    const overdue = overdueFigureNote(
      peekIndicator(physicalRow),
      (status || null) as Status | null,
      new Date().getFullYear(),
    );
    // Met now, but the trend passes the target by the target year: marked, the status itself stays the latest
    // value's verdict (and what sorting and filtering read).
    if (status === '已达标' && resultAt(physicalRow).trendLeaves)
      return {
        text: '已达标 ⚠',
        className: `status status-${STATUS_CLASS[status] ?? 'none'} trend-leaves`,
        title: `${overdue ? `${overdue}\n` : ''}目前已达标，但按趋势到目标年将不再达标，需关注。选中本行可在下方查看说明。`,
      };
    return {
      text: status,
      className: `status status-${STATUS_CLASS[status] ?? 'none'}`,
      ...(overdue ? { title: overdue } : {}),
    };
  });
  const fluctuationAt = (physicalRow: number) =>
    fluctuations.get(physicalRow, () => {
      const indicator = peekIndicator(physicalRow);
      return assessFluctuation(
        targetSpecOf(indicator),
        seriesOf(indicator),
        indicator.unit,
        options.thresholds,
      );
    });
  const fluctuationRenderer = computedRenderer((_value, physicalRow) => {
    const fluctuation = fluctuationAt(physicalRow);
    return fluctuation.flagged
      ? { text: '⚠ 波动较大', className: 'status status-fluctuating', title: fluctuation.evidence }
      : { text: '', title: fluctuation.evidence };
  });
  const ambitionRenderer = computedRenderer((_value, physicalRow) => {
    const ambition = ambitions.get(physicalRow, () =>
      assessAmbition(peekIndicator(physicalRow), options.thresholds),
    );
    // A target still the one the next plan was made with: which rows still wait for a new target, and which the
    // committee decided to keep (ticked in 确定沿用).
    const carried = carriedAt(physicalRow);
    const kept = carried && isTicked(physicalRow);
    const title = kept
      ? `${KEPT_VERDICT}。${ambition.message}`
      : carried
        ? `新目标仍沿用上期目标，待研究确定。研究决定沿用的，请在“确定沿用”列勾选。${ambition.message}`
        : ambition.message;
    // Turned round against the previous target (以上 for 以下): a slip to check before anything else is judged.
    if (ambition.flag === 'reversed')
      return { text: '⚠ 方向相反', className: 'status status-regress', title };
    if (ambition.flag === 'timid') return { text: '⚠ 偏保守', className: 'status status-moderate', title };
    if (ambition.flag === 'out-of-reach') {
      return { text: '⚠ 难以实现', className: 'status status-regress', title };
    }
    if (ambition.flag === 'leaves-band')
      return { text: '⚠ 将越出范围', className: 'status status-moderate', title };
    // Met by a figure after the base year: reached, not 偏保守 (which is met around the base year).
    if (ambition.flag === 'reached') return { text: '✓ 已达到', className: 'status status-met', title };
    if (kept) return { text: '沿用（已确定）', className: 'kept-target', title };
    return carried ? { text: '沿用上期', className: 'carried-over', title } : { text: '', title };
  });
  /** 确定沿用: a tick while the target is still the previous one; blank, and said why, once it is not. */
  const keptRenderer = (
    instance: Handsontable.Core,
    td: HTMLTableCellElement,
    row: number,
    column: number,
    prop: string | number,
    value: unknown,
    cellProperties: Handsontable.CellProperties,
  ) => {
    const physicalRow = instance.toPhysicalRow(row);
    if (!keepable(physicalRow)) {
      textRenderer(instance, td, row, column, prop, '', cellProperties);
      td.classList.add('htDimmed');
      td.title = definitionOf(physicalRow)?.previousTarget
        ? '新目标已不同于上期目标，无需确定沿用。'
        : '本期新增的指标，没有上期目标可沿用。';
      return;
    }
    checkboxRenderer(instance, td, row, column, prop, value, cellProperties);
    td.classList.add('htCenter');
    const ticked = value === KEPT_CELL;
    td.title = ticked
      ? '已确定沿用上期目标。取消勾选（空格键）则改回“待确定”。'
      : '新目标仍沿用上期目标，待确定。研究决定沿用的，请勾选（空格键），或右键选“目标已确定（沿用上期）”。';
    td.querySelector('input')?.setAttribute('aria-label', ticked ? '已确定沿用上期目标' : '确定沿用上期目标');
  };
  /** Definition cells that hold a slip: the row's target, status and gap still follow its last good definition. */
  const targetCellsWithSlips = (physicalRow: number) =>
    [kindCol, comparatorCol, targetValueCol, yearlyStepCol, baseYearCol, targetYearCol].filter((column) => {
      const spec = columns[column];
      const cell = cellAt(physicalRow, column);
      return (
        spec !== undefined &&
        problemAt(physicalRow, spec, cell) !== null &&
        slipNotSaved(physicalRow, spec, cell)
      );
    });
  /** 目标: while a definition cell holds a slip, says that the target shown is the last good one. */
  const targetTextRenderer = (
    instance: Handsontable.Core,
    td: HTMLTableCellElement,
    row: number,
    column: number,
    prop: string | number,
    value: unknown,
    cellProperties: Handsontable.CellProperties,
  ) => {
    textRenderer(instance, td, row, column, prop, value, cellProperties);
    const slips = targetCellsWithSlips(instance.toPhysicalRow(row));
    td.classList.toggle('cell-stale', slips.length > 0);
    if (slips.length === 0) {
      td.removeAttribute('title');
      return;
    }
    const titles = slips.map((c) => columns[c]?.title ?? '');
    const note = staleTargetNote(titles, String(value ?? ''));
    // Wrapped onto a second line rather than cut off: the note is the point.
    td.classList.remove('htNoWrap');
    td.textContent = `⚠ ${note}`;
    td.title = `${note}：状态和与目标差距也仍按此计算。请改正“${titles.join('”“')}”，或撤销。`;
  };
  const renderers: Partial<Record<ColumnKey, Handsontable.renderers.BaseRenderer>> = {
    targetText: targetTextRenderer,
    ambition: ambitionRenderer,
    projection: projectionRenderer,
    gap: gapRenderer,
    status: statusRenderer,
    fluctuation: fluctuationRenderer,
  };

  const columnSettings: Handsontable.ColumnSettings[] = columns.map((spec) => {
    const base: Handsontable.ColumnSettings = { readOnly: spec.readOnly ?? false, width: spec.width };
    const renderer = renderers[spec.key];
    // Sorted by seriousness (倒退 before 停滞 before 进展缓慢 …), not by the characters' codes.
    if (spec.key === 'status')
      return { ...base, renderer, columnSorting: { compareFunctionFactory: compareStatuses } };
    // 目标 takes a target as the plan writes it (readTypedTargets); what cannot be read keeps the editor open.
    if (spec.key === 'targetText')
      return {
        ...base,
        renderer,
        validator: targetTextValidator,
        allowInvalid: false,
        wordWrap: spec.wrap ?? false,
      };
    if (spec.key === 'keptTarget')
      return {
        ...base,
        type: 'checkbox',
        checkedTemplate: KEPT_CELL,
        uncheckedTemplate: null,
        renderer: keptRenderer,
      } as Handsontable.ColumnSettings;
    if (renderer) return { ...base, renderer };
    // 责任单位 is open: an office not in the list (市妇幼保健院) is typed in. A dropdown list does not narrow while
    // typing and Enter took the entry still highlighted (the old 市卫健局), dropping what was typed unsaid; the
    // autocomplete list narrows, and Enter keeps the text when nothing in it is picked. Opened, it lists every
    // office until she types (OpenChoiceEditor).
    if (spec.key === 'department' && spec.choices) {
      return {
        ...base,
        type: 'autocomplete',
        editor: OPEN_CHOICE_EDITOR,
        source: [...spec.choices],
        filter: true,
        strict: false,
        // (Text several offices hold keeps the editor open: readTypedOffices.)
        validator: departmentValidator,
        allowInvalid: false,
        renderer: choiceRenderer,
      };
    }
    if (spec.choices) {
      return {
        ...base,
        type: 'dropdown',
        editor: TEXT_CHOICE_EDITOR,
        source: [...spec.choices],
        strict: false,
        allowInvalid: true,
        renderer: choiceRenderer,
      };
    }
    if (spec.numeric) return { ...base, renderer: valueRenderer, className: 'htRight' };
    return { ...base, wordWrap: spec.wrap ?? false };
  });

  /** The selected row to keep in view while the grid gets shorter (beforeRefreshDimensions). */
  let keepInView: number | null = null;
  /** How far down the grid was scrolled when a redraw began (beforeViewRender), to undo a clamp by the redraw. */
  let scrolledBeforeDraw: number | null = null;
  const scroller = (): HTMLElement | null => container.querySelector('.ht_master .wtHolder');
  /**
   * The cell last selected on its own (its row by physical index: a filter or sort may move it), so that a column
   * menu can give it back. Opening the menu (Shift+Alt+↓, or its ▾ button) selects the whole column and leaves the
   * page's focus on nothing when it closes; the clerk's next arrow key then started at the top-left cell.
   */
  let lastCell: { physicalRow: number; column: number } | null = null;
  addCoreStyles(container.ownerDocument);
  const stopGuardingClipboard = guardSampleClipboard(
    () => hot,
    workbook.isSample === true,
    (message) => options.events.onNotice?.(message),
  );
  hot = new Handsontable(container, {
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
    // Every column has its width: measuring sample cells of 5,000 rows for nothing took over a second on opening.
    autoColumnSize: false,
    rowHeights: 30,
    wordWrap: false,
    // Typing over a selected cell with a Chinese input method (Pinyin sends keyCode 229 and a composition, not
    // key presses) otherwise writes nothing: the clerk had to press Enter or F2 first. With this option the
    // editor's textarea holds the focus under a selected cell; see keepFocusOutside below for dialogs.
    imeFastEdit: true,
    // An object, not `true`: with `true` the plugin draws the whole grid once more while the grid is being built.
    columnSorting: { indicator: true, headerAction: true },
    filters: true,
    dropdownMenu: ['filter_by_condition', 'filter_by_value', 'filter_action_bar'],
    // Handsontable's zh-CN names redo 恢复; the toolbar, its Ctrl+Y and the status bar (已重做…) say 重做.
    contextMenu: {
      items: {
        copy: {},
        cut: {},
        separator: { name: '---------' },
        undo: {},
        redo: { name: '重做' },
        // A next plan: the selected rows' targets kept as they are, by decision (or that taken back).
        ...(keptCol >= 0
          ? {
              keptSeparator: { name: '---------' },
              keepTarget: {
                name: '目标已确定（沿用上期）',
                hidden: () => !selectedCodes().some((code) => keepsAs(code, false)),
                callback: () => api.setTargetKept(selectedCodes(), true),
              },
              unkeepTarget: {
                name: '取消“目标已确定”',
                hidden: () => !selectedCodes().some((code) => keepsAs(code, true)),
                callback: () => api.setTargetKept(selectedCodes(), false),
              },
            }
          : {}),
      },
    },
    undo: true,
    copyPaste: true,
    manualColumnResize: true,
    navigableHeaders: true,
    tabNavigation: true,
    outsideClickDeselects: false,
    enterBeginsEditing: true,
    cells(physicalRow, column) {
      // Said each time, both ways: a row becomes keepable again when its target is set back to the previous one.
      if (column === keptCol) return { readOnly: !keepable(physicalRow) };
      const spec = columns[column];
      if (spec?.key !== 'year' || spec.year === undefined) return {};
      const cell = cellAt(physicalRow, column);
      // Empty years before the row's own base year do not apply (only 近视率 counts from 2018); a next plan's
      // history years stay open (historyStart, and back to a row's first figure), and so does any year that
      // already holds a figure.
      const empty = cell === null || cell === undefined || cell === '';
      if (empty && beforeFirstYear(physicalRow, spec.year))
        return { readOnly: true, className: 'htRight cell-na' };
      // Said both ways, as 确定沿用 is: Handsontable keeps what an earlier call set, so a year greyed under a later
      // base year stayed grey and closed after 撤销 had moved the base year back (until a reload).
      return { readOnly: false, className: 'htRight' };
    },
    beforePaste(pasted, ranges) {
      sayPastedIntoGreyYears(pasted, ranges);
    },
    // Handsontable names the corner above the row numbers in English whatever its language ("Select whole grid",
    // read out by a screen reader) each time it draws that header: named in Chinese right after, as it is drawn.
    // (Its column index is not -1 in every overlay, so the name itself says which header is the corner.)
    afterGetColHeader(_column, th) {
      if (th.getAttribute('aria-label') === 'Select whole grid')
        th.setAttribute('aria-label', '全选（选中整个表格）');
      // The column menu's ▾ is an icon Handsontable labels with a blank: hovered, it said nothing.
      th.querySelector('button.changeType')?.setAttribute('title', '按此列筛选（也可按 Shift+Alt+↓）');
    },
    afterRenderer(td, row, column) {
      if (searchHits.size > 0 && hot && searchHits.has(`${hot.toPhysicalRow(row)}:${column}`))
        td.classList.add('htSearchResult');
    },
    beforeAutofill(selectionData, sourceRange) {
      autofillSource = sourceRange.getTopStartCorner().row ?? 0;
      autofillHeight = sourceRange.getHeight();
      return selectionData;
    },
    beforeChange(changes, source) {
      if (source === 'loadData') return;
      if ((source as string) === 'Autofill.fill') fillProjectionFormulas(changes);
      modernizeDefaultFormulas(changes);
      if (source === 'CopyPaste.paste') keepFormulasFromWidePaste(changes);
      // An undo or redo puts back cells as they were, the aligned ones included.
      if (!String(source).startsWith('UndoRedo')) {
        readTypedTargets(changes);
        if (source === 'edit' || source === 'CopyPaste.paste') readTypedOffices(changes);
        alignDefinitionsToKind(changes);
        if (keptCol >= 0)
          for (const change of changes)
            if (change && Number(change[1]) === keptCol) change[3] = keptCellOf(change[3]);
      }
      // Figures typed or pasted into year cells, to be checked against their rows' other years (请核实).
      const typedFigures: TypedFigure[] = [];
      const typedTargets: { physicalRow: number; value: number }[] = [];
      const typedSteps: { physicalRow: number; value: number }[] = [];
      const byClerk = source === 'edit' || source === 'CopyPaste.paste';
      const worded: WordedCell[] = [];
      // A row's figures go by the name this same change gives it (a whole row pasted, an undo of a rename that
      // puts its figures back): by the name it had, 撤销 of a rename from a gross rate kept its 101.3 red.
      const newNames = new Map<number, string>();
      for (const change of changes)
        if (change && Number(change[1]) === nameCol) newNames.set(change[0], String(change[3] ?? ''));
      for (const change of changes) {
        if (!change) continue;
        const [visualRow, prop, , next] = change;
        const spec = columns[Number(prop)];
        if (!spec?.numeric) continue;
        const physicalRow = hot?.toPhysicalRow(visualRow) ?? visualRow;
        // Figures of the row (a value, the target value, the yearly change) in its unit, as typed: "4‰", "98%".
        const unit = ['year', 'targetValue', 'yearlyStep'].includes(spec.key) ? unitAt(physicalRow) : '';
        const name = newNames.get(visualRow) ?? nameAt(physicalRow);
        let parsed = spec.key === 'yearlyStep' ? parseYearlyStep(next, unit) : parseEntry(next, unit, name);
        // 约4.1, 4.1左右, 4.5（快报） in a year cell: the figure, its words kept in the row's 备注 (as an import lists
        // them under 报送单位的说明), never dropped unsaid. (Not on undo: the note comes back by its own change.)
        if (
          !parsed.ok &&
          spec.key === 'year' &&
          typeof next === 'string' &&
          !String(source).startsWith('UndoRedo')
        ) {
          const read = readWordedFigure(next, unit, name);
          if (read) parsed = read.entry;
          if (read?.entry.ok && read.entry.value !== null && spec.year !== undefined)
            worded.push({
              visualRow,
              physicalRow,
              year: spec.year,
              raw: next,
              value: read.entry.value,
              words: read.words,
            });
        }
        // A valid entry becomes a number in the row's unit; an invalid one is kept as typed (and marked),
        // never dropped and never stored as a number.
        change[3] = parsed.ok ? parsed.value : parsed.raw;
        if (byClerk && spec.key === 'year' && spec.year !== undefined && typeof change[3] === 'number')
          typedFigures.push({ physicalRow, year: spec.year, value: change[3] });
        if (byClerk && spec.key === 'targetValue' && typeof change[3] === 'number')
          typedTargets.push({ physicalRow, value: change[3] });
        if (byClerk && spec.key === 'yearlyStep' && typeof change[3] === 'number')
          typedSteps.push({ physicalRow, value: change[3] });
      }
      // (After the loop above, which would read the cells it adds once more: they are read by the new name.)
      if (byClerk || (source as string) === 'Autofill.fill') rereadRenamedRows(changes);
      if (worded.length > 0) keepFiguresWords(worded, changes);
      if (typedFigures.length > 0) questionTypedFigures(typedFigures);
      if (typedTargets.length > 0) questionTypedTargets(typedTargets);
      if (typedSteps.length > 0) questionTypedSteps(typedSteps, changes);
      // After the figures are read: a target value typed as "5‰" is the 5 it is compared as.
      if (!String(source).startsWith('UndoRedo')) untickChangedTargets(changes);
      if (!String(source).startsWith('UndoRedo') && changes.every((c) => !c || sameCell(c[2], c[3]))) {
        unchangedEditOnly = true;
        // (Recorded, or not, within this same call: a flag left over must not drop a later step.)
        queueMicrotask(() => (unchangedEditOnly = false));
      }
    },
    modifyRowData(physicalRow) {
      // Before Handsontable reads a row (to draw, sort, filter, copy it or record it for undo): its computed
      // cells are written first if an import left them for later.
      if (unwritten !== null) writeResultsOf(physicalRow);
      // Nothing returned: Handsontable reads the row itself.
    },
    // Rows about to move: what is left unwritten is named by index.
    beforeCreateRow: () => writeAllResults(),
    modifyData(row, column, valueHolder, ioMode) {
      // The projection cell holds its formula (what the editor shows); everything that reads the cell's value —
      // drawing, sorting, search, copy — gets the computed projection.
      if (ioMode !== 'get' || column !== projectionCol || !hot) return;
      const holder = valueHolder as { value: unknown };
      let physicalRow = hot.toPhysicalRow(row);
      // The Filters plugin passes a physical row where everything else passes a visual one; the cell's own text
      // tells which it is.
      if (physicalRow === null || data[physicalRow]?.[projectionCol] !== holder.value) physicalRow = row;
      holder.value = resultAt(physicalRow).projected;
    },
    beforeKeyDown(event) {
      // Enter or Tab in an open editor writes the cell (a redraw) and moves the selection (another redraw); on a
      // large workbook each redraw is tens of milliseconds. Drawn once, when the key has been handled, and then
      // only the rows that changed (draw-rows.ts) when the edit allows it.
      const grid = hot;
      if (!grid || (event.key !== 'Enter' && event.key !== 'Tab') || !grid.getActiveEditor()?.isOpened())
        return;
      if (editBatch) return;
      editBatch = { rows: new Set(), rowsAlone: true };
      grid.suspendRender();
      queueMicrotask(() => finishEditBatch(grid));
    },
    beforeChangeRender(changes) {
      // The cells are written and the grid is about to draw them (before afterChange): compute their rows first.
      const grid = hot;
      if (!grid) return;
      // Only a value or a projection changes nothing but its own row's look (and that of formulas reading it);
      // a definition, a name or a note may change other cells' text or a row's height.
      if (editBatch && changes.some(([, prop]) => !rowsAloneCols.has(Number(prop))))
        editBatch.rowsAlone = false;
      markRowsChanged(changes.map(([visualRow]) => grid.toPhysicalRow(visualRow)));
    },
    afterChange(changes, source) {
      const grid = hot;
      if (!changes || !grid) return;
      if (source === 'loadData' || (source as string) === 'derived' || external) return;
      if (unseen) {
        const { physicalRow, col: column, theirs } = unseen;
        unseen = null;
        const over = changes.find(([r, p]) => grid.toPhysicalRow(r) === physicalRow && Number(p) === column);
        if (over && over[3] !== theirs) {
          const show = (value: unknown) =>
            value === null || value === undefined || value === '' ? '（空）' : String(value);
          options.events.onOverwroteUnseen?.(
            `注意：您输入时，另一个窗口（标签页）把 ${codeAt(physicalRow)} ${String(rowAt(physicalRow)[col('name')] ?? '')} ` +
              `${columns[column]?.title ?? ''} 改为了“${show(theirs)}”；您输入的“${show(over[3])}”已替换它。` +
              '如要保留另一窗口的数值，请点“撤销”。',
          );
        }
      }
      const codes = new Set<string>();
      const definitionChanged = new Set<number>();
      for (const [visualRow, prop] of changes) {
        const physicalRow = grid.toPhysicalRow(visualRow);
        codes.add(codeAt(physicalRow));
        undoRows.add(codeAt(physicalRow));
        if (definitionCols.has(Number(prop))) definitionChanged.add(physicalRow);
      }
      const derived: [number, number, GridCell][] = [];
      for (const physicalRow of definitionChanged) {
        const before = known.get(codeAt(physicalRow));
        const cell = cellAt(physicalRow, projectionCol);
        const wasDefault =
          before !== undefined && isDefaultProjectionFormula(cell, before, physicalRow + 1, layout);
        const indicator = readIndicator(physicalRow);
        const row = physicalRow + 1;
        derived.push([physicalRow, targetTextCol, describeTarget(indicator)]);
        // A default projection follows the definition (a new unit may call for another method).
        if (wasDefault) derived.push([physicalRow, projectionCol, projectionFormula(indicator, row, layout)]);
      }
      // The derived write (always there for a changed definition: the target text) recomputes the rows with
      // their new definition and default formula, and draws them.
      if (derived.length > 0) grid.setSourceDataAtCell(derived, undefined, undefined, 'derived');
      if (source === 'edit' || source === 'CopyPaste.paste' || source === 'Autofill.fill')
        sayDefinitionSlips(changes);
      rowsChanged([...codes], String(source));
      // The selected cell itself changed without the selection moving (Delete, 撤销, a paste onto it): the status
      // bar described what it held — “25%以内”不是数字 stayed after Delete had emptied it.
      const { row: selectedRow = null, col: selectedCol = null } =
        grid.getSelectedRangeLast()?.highlight ?? {};
      if (
        selectedRow !== null &&
        selectedCol !== null &&
        changes.some(([r, p]) => r === selectedRow && Number(p) === selectedCol)
      )
        options.events.onSelectionChanged(describeCell(selectedRow, selectedCol));
    },
    afterCreateRow(visualIndex, amount, source) {
      const created = new Set<number>();
      for (let i = 0; i < amount; i += 1) created.add(hot?.toPhysicalRow(visualIndex + i) ?? visualIndex + i);
      const first = Math.min(...created);
      // Old row numbers (1-based) at or after the first new row move down.
      moveFormulaReferences((row) => (row - 1 >= first ? row + amount : row), created);
      resetRowCaches();
      // Undo of a delete re-inserts rows and then writes their saved data; only truly new rows get defaults.
      if (external) return;
      if (source !== 'UndoRedo.undo' && (source as string) !== 'import') {
        const defaults: [number, number, GridCell][] = [];
        const redone = source === 'UndoRedo.redo' ? (undoneNewRows.pop() ?? []) : [];
        for (let i = 0; i < amount; i += 1) {
          const physicalRow = hot?.toPhysicalRow(visualIndex + i) ?? visualIndex + i;
          if (codeAt(physicalRow)) continue;
          const count = hot?.countSourceRows() ?? data.length;
          const codes = Array.from({ length: count }, (_, r) => ({ code: codeAt(r) }));
          const again = redone[i];
          const code =
            again !== undefined && !codes.some((row) => row.code === again)
              ? again
              : nextCustomCode(codes, retiredCodes);
          const fresh = newIndicator(code, workbook);
          toGridRow(fresh, columns, physicalRow + 1).forEach((cell, c) => {
            if (cell !== null) defaults.push([physicalRow, c, cell]);
          });
          known.set(code, fresh);
          undoRows.add(code);
          // Written at once so the next new row's code sees this one.
          hot?.setSourceDataAtCell(defaults.splice(0), undefined, undefined, 'derived');
        }
      }
      // 重做 of 新增指标: the history says so, not 录入 (an undone deletion's rows say so once their data is back).
      if (source === 'UndoRedo.redo')
        rowsChanged([...created].map((physicalRow) => codeAt(physicalRow)).filter(Boolean), String(source));
      options.events.onStructureChanged();
    },
    beforeRemoveRow(_index, _amount, physicalRows, source) {
      // Rows about to move: what an import left unwritten is written first (see `unwritten`).
      writeAllResults();
      for (const physicalRow of physicalRows) retiredCodes.add(codeAt(physicalRow));
      rowsRemovedByUndo = String(source).startsWith('UndoRedo')
        ? physicalRows.map((physicalRow) => codeAt(physicalRow)).filter(Boolean)
        : [];
    },
    afterRemoveRow(_index, _amount, removedRows, source) {
      const removed = [...removedRows].sort((a, b) => a - b);
      const before = new Map(data.map((row) => [String(row[codeCol] ?? ''), row[projectionCol]] as const));
      moveFormulaReferences((row) => {
        if (removed.includes(row - 1)) return null;
        return row - removed.filter((r) => r < row - 1).length;
      }, new Set());
      // A reference into a deleted row became #REF!; undoing the deletion must bring the formula back as it was.
      if (source !== 'UndoRedo.undo' && !external) {
        const changed = new Map<string, GridCell>();
        for (const row of data) {
          const code = String(row[codeCol] ?? '');
          const old = before.get(code);
          if (old !== undefined && old !== row[projectionCol]) changed.set(code, old);
        }
        formulasBeforeRemoval.push(changed);
      }
      resetRowCaches();
      // Rows 撤销 (of 新增指标, of an import's new rows) or 重做 (of 删除) took away: the history says which.
      const removedCodes = rowsRemovedByUndo;
      rowsRemovedByUndo = [];
      if (source === 'UndoRedo.undo' && undoing === 'insert_row') undoneNewRows.push(removedCodes);
      if (!external && removedCodes.length > 0) rowsChanged(removedCodes, String(source));
      if (!external) options.events.onStructureChanged();
    },
    afterSetSourceDataAtCell(changes, source) {
      const physicalRows = changes.map(([physicalRow]) => physicalRow);
      markRowsChanged(physicalRows);
      // An undone deletion puts its rows back this way (their redo deletes them again).
      if (String(source).startsWith('UndoRedo')) {
        noteUndoRows(physicalRows);
        rowsChanged([...new Set(physicalRows.map((physicalRow) => codeAt(physicalRow)))], String(source));
      }
      if (source === 'UndoRedo.undo') options.events.onStructureChanged();
    },
    // The grid takes two single clicks on one cell for a double click when the second ends within half a second of
    // the first (later on a busy machine), whatever came between — Enter and a choice clicked in the cell's list,
    // say. The editor then opened under the second click, so the Enter meant to open the list closed it and moved
    // down a row, and a comparator typed over the cell went into the editor beside the old one. A double click is
    // what the browser counts as one: its second click's `detail` is 2.
    beforeBeginEditing(_row, _column, _value, event) {
      if (event instanceof MouseEvent && event.detail === 1) return false;
      return undefined;
    },
    // A cell another tab changed under an editor that was then closed unsaved: the clerk sees it when editing again.
    afterBeginEditing: () => {
      unseen = null;
    },
    afterUndoStackChange: () => reportUndoAvailability(),
    afterRedoStackChange: () => reportUndoAvailability(),
    beforeUndoStackChange() {
      // An edit the 目标 validator is about to refuse changes nothing: not a step for 撤销. Nor does one that
      // writes every cell as it was.
      if (refusedEditOnly || unchangedEditOnly) {
        refusedEditOnly = false;
        unchangedEditOnly = false;
        return false;
      }
      // While an import is applied its pieces (rows added, cells written) are not recorded one by one; it is
      // recorded once, as a whole, after.
      return !external && !importing;
    },
    beforeUndo(action) {
      undoing = (action as { actionType?: string }).actionType ?? '';
    },
    beforeRedo(action) {
      undoing = (action as { actionType?: string }).actionType ?? '';
    },
    afterRedo(action) {
      finishUndoRedo('redo', (action as { actionType?: string }).actionType ?? '');
    },
    afterUndo(action) {
      const actionType = (action as { actionType?: string }).actionType ?? '';
      finishUndoRedo('undo', actionType);
      if (actionType !== 'remove_row') return;
      // One step per row deleted (rows deleted together are one step of the stack, joined: see deleteRows).
      const steps = stepsOf(action as unknown as UndoAction);
      // Back on the (first) row brought back, in the column she was in: the selection stayed on the row above,
      // where the next figure she typed went.
      const visualRows = steps
        .map((step) => (step as { index?: number }).index)
        .map((physicalRow) => (physicalRow === undefined ? null : hot?.toVisualRow(physicalRow)))
        .filter((visualRow): visualRow is number => typeof visualRow === 'number' && visualRow >= 0);
      if (hot && visualRows.length > 0)
        hot.selectCell(Math.min(...visualRows), Math.max(hot.getSelectedLast()?.[1] ?? 0, 0));
      // Each deletion kept the formulas it rewrote; the earliest one's are as they were before any of them.
      const texts = new Map<string, GridCell>();
      for (const kept of formulasBeforeRemoval.splice(-steps.length).reverse())
        for (const [code, text] of kept) texts.set(code, text);
      if (texts.size === 0) return;
      const rows: number[] = [];
      data.forEach((row, physicalRow) => {
        const text = texts.get(String(row[codeCol] ?? ''));
        if (text === undefined) return;
        row[projectionCol] = text;
        rows.push(physicalRow);
      });
      markRowsChanged(rows);
      hot?.render();
      options.events.onRowsChanged(
        rows.map((physicalRow) => codeAt(physicalRow)),
        'UndoRedo.undo',
        actionType,
      );
    },
    // The row panel below the grid grows with what it says of the selected row (a status explained, a formula): the
    // grid gets shorter, and a row selected at its foot — by a click, 新增指标, an import, its 撤销 or 重做 — ended
    // up under the panel. Handsontable measures the new size itself; a selected row that was in view is then
    // brought back into view (only up or down: the columns the clerk scrolled to stay). One the clerk scrolled
    // away from is left where it is.
    beforeRefreshDimensions(previous, current, changed) {
      keepInView = null;
      if (!changed || current.height >= previous.height || !hot) return;
      const row = hot.getSelectedRangeActive()?.highlight.row;
      const first = hot.getFirstPartiallyVisibleRow();
      const last = hot.getLastPartiallyVisibleRow();
      if (
        typeof row === 'number' &&
        row >= 0 &&
        first !== null &&
        last !== null &&
        row >= first &&
        row <= last
      )
        keepInView = row;
    },
    afterRefreshDimensions() {
      if (keepInView !== null) hot?.scrollViewportTo({ row: keepInView });
      keepInView = null;
    },
    // Handsontable 18.1.1 sizes the scrolled area in the middle of a redraw while it re-measures the rows that
    // are tall for a frozen column's sake (a wrapped 指标名称), and leaves them out of that size: the area is
    // briefly a row's growth too short. Scrolled to the foot of the grid — as 新增指标 leaves it — the browser
    // pulls the scroll position up to fit, and nothing puts it back when the area regains its height: the Tab
    // after typing a new row's name left that row half under the row panel. The position the redraw began
    // with is put back (as far as the grid now reaches; a grid that really got shorter keeps its clamp).
    beforeViewRender() {
      scrolledBeforeDraw = scroller()?.scrollTop ?? null;
    },
    afterDropdownMenuHide() {
      // Closed with Escape, or after a filter (which selects the column's header): back to the cell the clerk
      // was on, or to the column's first row when the filter hid her row. Her arrow keys and typing go on there.
      const grid = hot;
      const highlight = grid?.getSelectedRangeActive()?.highlight;
      if (!grid || !lastCell || !highlight || highlight.row === null || highlight.row >= 0) return;
      if (grid.countRows() === 0) return;
      const visualRow = grid.toVisualRow(lastCell.physicalRow);
      grid.selectCell(visualRow !== null && visualRow >= 0 ? visualRow : 0, lastCell.column);
    },
    afterViewRender() {
      const holder = scroller();
      if (holder && scrolledBeforeDraw !== null && holder.scrollTop < scrolledBeforeDraw) {
        const reach = holder.scrollHeight - holder.clientHeight;
        if (reach > holder.scrollTop) holder.scrollTop = Math.min(scrolledBeforeDraw, reach);
      }
      scrolledBeforeDraw = null;
    },
    afterSelectionEnd(row, column, row2, column2) {
      if (row >= 0 && column >= 0 && row === row2 && column === column2) {
        const physicalRow = hot?.toPhysicalRow(row);
        if (physicalRow !== null && physicalRow !== undefined) lastCell = { physicalRow, column };
      }
      options.events.onSelectionChanged(describeCell(row, column));
      // The move that ends the edit (Enter, Tab, a click) cleared the status bar: the question is said again.
      if (question) {
        options.events.onNotice?.(question);
        question = null;
      }
    },
  });

  /**
   * A block pasted from a grey year on (2019 selected, 7.5 ⇥ 7.1 ⇥ 6.8 pasted) loses the figures that fall on grey
   * cells — Handsontable skips read-only cells without a word — and the rest land a year off what the clerk
   * meant. Said, with where to start instead.
   */
  const sayPastedIntoGreyYears = (pasted: unknown[][], ranges: { startRow: number; startCol: number }[]) => {
    const grid = hot;
    const start = ranges[0];
    if (!grid || !start) return;
    let skipped = 0;
    let example: { year: number; physicalRow: number } | null = null;
    pasted.forEach((line, r) =>
      line.forEach((value, c) => {
        const visualRow = start.startRow + r;
        const visualCol = start.startCol + c;
        const spec = columns[visualCol];
        if (String(value ?? '').trim() === '' || spec?.key !== 'year' || visualRow >= grid.countRows())
          return;
        if (!grid.getCellMeta(visualRow, visualCol).readOnly) return;
        skipped += 1;
        example ??= { year: spec.year ?? 0, physicalRow: grid.toPhysicalRow(visualRow) };
      }),
    );
    if (!example || skipped === 0) return;
    const { year, physicalRow } = example;
    const first = firstYearOf(physicalRow);
    queueMicrotask(() =>
      options.events.onNotice?.(
        `粘贴的数据中有 ${skipped} 个数值落在灰色的年份（如 ${codeAt(physicalRow)} 的${year}年，早于${first}年，不需填写），没有写入。` +
          `如这些数值本应从${first}年起填写，请撤销后选中${first}年的单元格重新粘贴。`,
      ),
    );
  };

  /**
   * The words of figures typed with them (约4.1, 4.5（快报）) written into their rows' 备注, in the same edit (one
   * 撤销 takes both back), and said in the status bar.
   */
  const keepFiguresWords = (worded: readonly WordedCell[], changes: (Handsontable.CellChange | null)[]) => {
    if (noteCol < 0) return;
    for (const { visualRow, physicalRow, year, raw, value } of worded) {
      const line = wordedFigureNote(year, raw, value, unitAt(physicalRow));
      // A note the same edit writes (a whole row pasted) gets the line too.
      const own = changes.find((c) => c !== null && c[0] === visualRow && Number(c[1]) === noteCol);
      if (own) own[3] = noteWithLine(String(own[3] ?? ''), line);
      else {
        const before = cellAt(physicalRow, noteCol);
        changes.push([visualRow, noteCol, before, noteWithLine(String(before ?? ''), line)]);
      }
    }
    const first = worded[0]!;
    const where = `${codeAt(first.physicalRow)} ${String(cellAt(first.physicalRow, col('name')) ?? '')}`;
    const shown = formatWithUnit(first.value, unitAt(first.physicalRow));
    const words = first.words
      .split('、')
      .map((word) => `“${word}”`)
      .join('');
    const more = worded.length > 1 ? `本次共有 ${worded.length} 个数值带有文字，均已记入各行备注。` : '';
    sayQuestion(
      `${where} ${first.year}年填报为“${first.raw.trim()}”，按 ${shown} 填入；${words}已记入本行备注。${more}`,
    );
  };

  /**
   * A figure typed or pasted that is many times, or a small fraction of, the nearest year's of its row (a % given
   * as 0.95, a ‰ given per 100, a digit too many: model/plausibility) is kept — a real jump happens — and the
   * status bar asks to check it (请核实), with the likely cause. Compared with the row as it was before the edit;
   * a row that had no figure yet, with the other figures of the same paste.
   */
  const questionTypedFigures = (typed: readonly TypedFigure[]) => {
    // Each row's figures before the edit, and the figures the edit gives it.
    const before = new Map<number, Record<number, GridCell>>();
    const given = new Map<number, Record<number, GridCell>>();
    for (const { physicalRow, year, value } of typed) {
      const figures = given.get(physicalRow) ?? {};
      figures[year] = value;
      given.set(physicalRow, figures);
      if (before.has(physicalRow)) continue;
      const row = data[physicalRow] ?? [];
      const held: Record<number, GridCell> = {};
      years.forEach((y, i) => (held[y] = row[layout.firstYearCol + i] ?? null));
      before.set(physicalRow, held);
    }
    // A row with no figure above 0 but the one being replaced says nothing of the new figure's scale: then the
    // figures the same paste gives it are the series.
    const otherFigure = (held: Record<number, GridCell>, year: number) =>
      years.some((y) => y !== year && typeof held[y] === 'number' && (held[y] as number) > 0);
    const found: { physicalRow: number; message: string }[] = [];
    for (const { physicalRow, year, value } of typed) {
      const held = before.get(physicalRow) ?? {};
      if (held[year] === value) continue;
      // (A row's first figure is compared with its target: model/plausibility besideTarget.)
      const kind = kindOfLabel(cellAt(physicalRow, kindCol));
      const goal = cellAt(physicalRow, targetValueCol);
      const odd = implausibleFigure(
        unitAt(physicalRow),
        otherFigure(held, year) ? held : (given.get(physicalRow) ?? {}),
        year,
        value,
        years,
        kind ? { kind, value: typeof goal === 'number' ? goal : null } : undefined,
        Number(cellAt(physicalRow, targetYearCol)),
        nameAt(physicalRow),
      );
      if (odd) found.push({ physicalRow, message: odd.message });
    }
    const first = found[0];
    if (!first) return;
    const where = `${codeAt(first.physicalRow)} ${String(cellAt(first.physicalRow, col('name')) ?? '')}`;
    const more = found.length > 1 ? `本次粘贴共有 ${found.length} 个数值需核实，以上为第一个。` : '';
    sayQuestion(
      `请核实 ${where}：${first.message}数值已填入；如有误，请直接改正或点“撤销”，核实无误则无需处理。${more}`,
    );
  };

  /**
   * Target values typed or pasted (in 目标值, or read from a target typed into 目标) far from the row's saved target,
   * its previous plan's target or its figures (model/plausibility implausibleTarget): taken, and questioned as a
   * figure is — 150‰ for an infant mortality whose target is 5‰.
   */
  const questionTypedTargets = (typed: readonly { physicalRow: number; value: number }[]) => {
    const found: { physicalRow: number; message: string }[] = [];
    for (const { physicalRow, value } of typed) {
      const saved = known.get(codeAt(physicalRow));
      if (saved?.target.value === value) continue;
      const row = data[physicalRow] ?? [];
      const figures: Record<number, GridCell> = {};
      years.forEach((y, i) => (figures[y] = row[layout.firstYearCol + i] ?? null));
      const odd = implausibleTarget(
        unitAt(physicalRow),
        value,
        {
          values: figures,
          years,
          currentTarget: saved?.target.value ?? null,
          previousTarget: saved?.previousTarget?.value ?? null,
        },
        nameAt(physicalRow),
      );
      if (odd) found.push({ physicalRow, message: odd.message });
    }
    const first = found[0];
    if (!first) return;
    const where = `${codeAt(first.physicalRow)} ${String(cellAt(first.physicalRow, col('name')) ?? '')}`;
    const more = found.length > 1 ? `本次共有 ${found.length} 个目标值需核实，以上为第一个。` : '';
    sayQuestion(
      `请核实 ${where}：${first.message}目标值已填入；如有误，请直接改正或点“撤销”，核实无误则无需处理。${more}`,
    );
  };

  /**
   * Yearly changes (每年变化) typed or pasted, or read from a target typed into 目标, that the row's period, base
   * figure or old step make implausible (model/plausibility implausibleYearlyStep): taken, and questioned as a
   * far-off 目标值 is — 每年降低30个百分点 on a % row.
   */
  const questionTypedSteps = (
    typed: readonly { physicalRow: number; value: number }[],
    changes: readonly (Handsontable.CellChange | null)[],
  ) => {
    // The row as the same edit leaves it (asked before the edit is applied): 在2018年基础上每年降低30个百分点 typed
    // into 目标 sets 基期年 2018 too, and the step was checked against the old base year's period and figure.
    const pending = new Map<string, unknown>();
    for (const change of changes)
      if (change)
        pending.set(`${hot?.toPhysicalRow(change[0]) ?? change[0]}:${Number(change[1])}`, change[3]);
    const cellAfter = (physicalRow: number, column: number) => {
      const key = `${physicalRow}:${column}`;
      return pending.has(key) ? pending.get(key) : cellAt(physicalRow, column);
    };
    const found: { physicalRow: number; message: string }[] = [];
    for (const { physicalRow, value } of typed) {
      const saved = known.get(codeAt(physicalRow));
      if (saved?.target.yearlyStep === value) continue;
      const figures: Record<number, GridCell> = {};
      years.forEach((y, i) => {
        const figure = cellAfter(physicalRow, layout.firstYearCol + i);
        figures[y] = typeof figure === 'number' || typeof figure === 'string' ? figure : null;
      });
      const message = implausibleYearlyStep(unitAt(physicalRow), value, {
        baseYear: Number(cellAfter(physicalRow, baseYearCol) ?? saved?.baseYear),
        targetYear: Number(cellAfter(physicalRow, targetYearCol) ?? saved?.targetYear),
        values: figures,
        years,
        currentStep: saved?.target.yearlyStep ?? null,
        rowName: nameAt(physicalRow),
      });
      if (message) found.push({ physicalRow, message });
    }
    const first = found[0];
    if (!first) return;
    const where = `${codeAt(first.physicalRow)} ${String(cellAt(first.physicalRow, col('name')) ?? '')}`;
    const more = found.length > 1 ? `本次共有 ${found.length} 个每年变化需核实，以上为第一个。` : '';
    sayQuestion(
      `请核实 ${where}：${first.message}每年变化已填入；如有误，请直接改正或点“撤销”，核实无误则无需处理。${more}`,
    );
  };

  /**
   * A slip the clerk has just typed or pasted into a definition cell, said at once as a 请核实 is (the move that
   * ends the edit took the selection away from the cell, whose status bar line says it too): where, what is wrong
   * with what to type, and that it is not saved.
   */
  const sayDefinitionSlips = (changes: readonly Handsontable.CellChange[]) => {
    const grid = hot;
    if (!grid) return;
    const slips: string[] = [];
    // A period back to front is one slip however many of its years were typed: said once per row.
    const periodsSaid = new Set<number>();
    for (const [visualRow, prop] of changes) {
      const spec = columns[Number(prop)];
      if (!spec || !SLIP_KEYS.has(spec.key)) continue;
      const physicalRow = grid.toPhysicalRow(visualRow);
      const cell = cellAt(physicalRow, Number(prop));
      const problem = problemAt(physicalRow, spec, cell);
      if (problem === null || !slipNotSaved(physicalRow, spec, cell)) continue;
      const name = String(cellAt(physicalRow, col('name')) ?? '');
      if (isPeriodOrderSlip(physicalRow, problem)) {
        if (periodsSaid.has(physicalRow)) continue;
        periodsSaid.add(physicalRow);
        slips.push(`${codeAt(physicalRow)} ${name} ${periodSlipText(physicalRow, problem)}`);
      } else slips.push(`${codeAt(physicalRow)} ${name} ${spec.title}：${problem}${NOT_SAVED}`);
    }
    if (slips.length === 0) return;
    const more = slips.length > 1 ? `本次共有 ${slips.length} 处定义有误（红色标出），以上为第一处。` : '';
    sayQuestion(`${slips[0]}${more}`);
  };

  /** Whether a year cell's problem is its row's period back to front (both years show it). */
  const isPeriodOrderSlip = (physicalRow: number, problem: string): boolean => {
    const base = Number(cellAt(physicalRow, baseYearCol));
    const target = Number(cellAt(physicalRow, targetYearCol));
    return Number.isInteger(base) && Number.isInteger(target) && problem === periodOrderProblem(base, target);
  };

  /**
   * A period back to front, said naming both years and which of them was typed and is not saved (the other one is
   * the row's saved year, marked only because the slip lies between them).
   */
  const periodSlipText = (physicalRow: number, problem: string): string => {
    const unsaved = [baseYearCol, targetYearCol]
      .filter((c) => {
        const spec = columns[c];
        return spec !== undefined && slipNotSaved(physicalRow, spec, cellAt(physicalRow, c));
      })
      .map((c) => columns[c]?.title ?? '');
    const kept = unsaved.length === 1 ? `，${unsaved[0] === '基期年' ? '目标年' : '基期年'}不变` : '';
    return (
      `基期年、目标年：${problem}刚填的${unsaved.join('、')}未保存${kept}：` +
      '本行仍按原来的规划期计算，刷新或重新打开页面后显示原值。'
    );
  };

  /** A question (请核实) just said, to be said again after the selection move that ends its edit. */
  let question: string | null = null;
  /**
   * Said in the status bar, where a new selection clears it. Enter moves the selection after the edit, sometimes
   * only after a cell's validation (a later task): the question is said at once and again after that move
   * (afterSelectionEnd), not after a later move of the clerk's own, which begins with a key or the mouse
   * (forgetQuestion). Told apart by that, not by time: the move was taken for the edit's only within a second of it,
   * and on a busy machine it came later and cleared the status bar with the question unsaid.
   */
  const sayQuestion = (message: string) => {
    question = message;
    setTimeout(() => options.events.onNotice?.(message));
  };
  const forgetQuestion = () => {
    question = null;
  };
  // Caught before the grid's own handlers: the key that ends an edit comes before its question, never after it.
  container.ownerDocument.addEventListener('keydown', forgetQuestion, true);
  container.ownerDocument.addEventListener('pointerdown', forgetQuestion, true);

  /** Why a grey year cell takes nothing: before the row's base year, or (a next plan) before its history years. */
  const notApplicableText = (year: number, physicalRow: number): string => {
    const rowBase = rowBaseOf(physicalRow);
    const first = firstYearOf(physicalRow);
    return first < rowBase
      ? `${year}年早于本工作簿可填写的最早年份（${first}年），不需填写。`
      : `${year}年早于基期（${first}年），本指标不需填写。`;
  };

  /**
   * A definition cell whose entry is a slip (cannot be read; a 基期年 not before the 目标年) is shown as typed but not
   * saved — the row keeps its last good definition (fromGridRow) — so after a reload the saved value is back and
   * the red mark gone. Known by the cell differing from the saved definition: of a period back to front, only the
   * year typed is unsaved, the other one is marked but saved.
   */
  // A declaration, not a const: problemAt asks it while the grid is first drawn, before this line has run.
  function slipNotSaved(physicalRow: number, spec: ColumnSpec, value: GridCell | undefined): boolean {
    if (!SLIP_KEYS.has(spec.key)) return false;
    const saved = known.get(codeAt(physicalRow));
    if (!saved) return true;
    return !sameCell(value, toGridRow(saved, [spec], physicalRow + 1)[0]);
  }

  const describeCell = (visualRow: number, visualCol: number): CellInfo | null => {
    if (visualRow < 0 || visualCol < 0) return null;
    const physicalRow = hot.toPhysicalRow(visualRow);
    const spec = columns[visualCol];
    if (physicalRow === null || !spec) return null;
    const row = rowAt(physicalRow);
    // A grey year cell takes no typing: said when it is selected, so the clerk knows why nothing happens.
    const notApplicable =
      spec.key === 'year' && hot.getCellMeta(visualRow, visualCol).readOnly
        ? notApplicableText(spec.year ?? 0, physicalRow)
        : null;
    const problem = problemAt(physicalRow, spec, row[visualCol]);
    return {
      code: codeAt(physicalRow),
      name: String(row[col('name')] ?? ''),
      column: spec.title,
      problem:
        notApplicable ??
        (problem !== null && slipNotSaved(physicalRow, spec, row[visualCol])
          ? `${problem}${NOT_SAVED}`
          : problem),
    };
  };

  const grid = hot;
  sayWhenNothingToUndo(grid, (kind) => options.events.onNothingToUndo?.(kind));
  enableFillDown(grid);
  // With imeFastEdit, Handsontable moves the focus to its editor's textarea a moment after each selection. A
  // dialog opened in that moment (Alt+C right after an arrow key) or the search box must keep it: otherwise
  // Escape and Tab went to the grid under the open dialog.
  // The same delayed refocus selects the textarea's text: if a key typed right after Tab or an arrow has opened
  // the editor meanwhile, that selection covered the digit typed, and the next key replaced it (91 saved as 1).
  // An open editor has the focus already; nothing to refocus or select then (copy and paste ignore an open editor).
  grid.getFocusManager().setRefocusElementGetter(() => {
    const editor = grid.getActiveEditor() as { TEXTAREA?: HTMLElement; isOpened?: () => boolean } | undefined;
    const textarea = editor?.TEXTAREA;
    if (editor?.isOpened?.()) return undefined as unknown as HTMLElement;
    return (keepFocusOutside(grid.rootElement, textarea) ? undefined : textarea) as HTMLElement;
  });
  // Rows by code, checked on every use and rebuilt when rows were added, removed or reordered.
  let rowOfCode = new Map<string, number>();
  /** `sourceRows`: the grid's row count, when the caller looks up many codes with no row added or removed. */
  const physicalRowOf = (code: string, sourceRows = grid.countSourceRows()) => {
    const cached = rowOfCode.get(code);
    if (cached !== undefined && cached < sourceRows && codeAt(cached) === code) return cached;
    rowOfCode = new Map();
    for (let r = grid.countSourceRows() - 1; r >= 0; r -= 1) rowOfCode.set(codeAt(r), r);
    return rowOfCode.get(code) ?? -1;
  };
  const reportAt = (physicalRow: number): RowReport => {
    const indicator = peekIndicator(physicalRow);
    const formula = String(cellAt(physicalRow, projectionCol) ?? '');
    const {
      projected: projectedValue,
      gap: gapValue,
      status,
      trendLeaves,
      linearFallback,
    } = resultAt(physicalRow);
    return {
      indicator,
      formula,
      isDefaultFormula: indicator.projectionFormula === undefined,
      method: methodOfFormula(formula),
      withLinearFallback: hasLinearFallback(formula),
      ...(linearFallback ? { linearFallback } : {}),
      projected: typeof projectedValue === 'number' ? projectedValue : null,
      gap: typeof gapValue === 'number' ? gapValue : null,
      status,
      fluctuation: fluctuationAt(physicalRow),
      ...(trendLeaves ? { trendLeaves: true } : {}),
      formulaError: isErrorValue(projectedValue) ? explainProjectionError(projectedValue, formula) : null,
      figuresBeforeBase: figuresBeforeBaseCounted(indicator.baseYear, indicator.values, openFrom),
    };
  };

  /**
   * After another tab's rows were put in: drop the undo and redo steps if they could undo that tab's work.
   * Undo steps name rows by their place on screen; once another tab's rows came or went (`rowsMoved`), those
   * places no longer hold the same rows, and an undo could change the wrong one. And a step writing a row the
   * other tab changed would put back this page's old value over the other tab's saved one (a figure typed
   * there, wiped here by 撤销, unsaid). Handsontable's stack cannot drop single steps: all of them go once any step
   * overlaps; they all stay while none does (undoing them touches nothing the other tab did).
   */
  const dropUndoSteps = (rowsMoved: boolean, touched: ReadonlyMap<string, string>) => {
    const undoRedo = hot?.getPlugin('undoRedo');
    if (!undoRedo) return;
    const hadSteps = undoRedo.isUndoAvailable() || undoRedo.isRedoAvailable();
    const overlap = [...touched.keys()].filter((code) => undoRows.has(code));
    if (!rowsMoved && overlap.length === 0) return;
    undoRedo.clear();
    undoRows.clear();
    formulasBeforeRemoval.length = 0;
    reportUndoAvailability();
    if (!hadSteps) return;
    const named = overlap
      .slice(0, 3)
      .map((code) => `${code} ${touched.get(code) ?? ''}`.trim())
      .join('、');
    const what =
      overlap.length === 0
        ? '另一窗口新增或删除了指标'
        : `另一窗口修改了 ${named}${overlap.length > 3 ? ` 等 ${overlap.length} 项指标` : ''}`;
    options.events.onUndoCleared?.(`${what}，本页的撤销记录已清空，以免撤销覆盖另一窗口的修改。`);
  };
  /** The context menu's 目标已确定 items: the rows selected, and whether one of them can be ticked (or unticked). */
  const selectedCodes = () => api.selectedRows().map((row) => row.code);
  const keepsAs = (code: string, ticked: boolean) => {
    const physicalRow = physicalRowOf(code);
    return physicalRow >= 0 && keepable(physicalRow) && isTicked(physicalRow) === ticked;
  };

  const api: WorkbookGrid = {
    getIndicators: () =>
      Array.from({ length: grid.countSourceRows() }, (_, physicalRow) => readIndicator(physicalRow)),
    getIndicator(code) {
      const order = physicalRowOf(code);
      return order < 0 ? undefined : { indicator: readIndicator(order), order };
    },
    getVisibleIndicators() {
      const rows: Indicator[] = [];
      for (let visualRow = 0; visualRow < grid.countRows(); visualRow += 1) {
        const physicalRow = grid.toPhysicalRow(visualRow);
        if (physicalRow !== null) rows.push(readIndicator(physicalRow));
      }
      return rows;
    },
    countRows: () => grid.countRows(),
    countAllRows: () => grid.countSourceRows(),
    countInvalidCells: () =>
      invalidCells.total(grid.countSourceRows(), (physicalRow) => {
        let count = 0;
        columns.forEach((spec, c) => {
          const problem = problemAt(physicalRow, spec, cellAt(physicalRow, c));
          // A period back to front marks both years but is one slip: counted at the 基期年 only.
          if (problem && !(spec.key === 'targetYear' && isPeriodOrderSlip(physicalRow, problem))) count += 1;
        });
        return count;
      }),
    addRow() {
      // Appended to the data (no index): below the last shown row would put it in the middle when sorted.
      grid.alter('insert_row_below', undefined, 1, 'addRow');
      const physicalRow = grid.countSourceRows() - 1;
      const visualRow = grid.toVisualRow(physicalRow);
      if (visualRow !== null && visualRow >= 0) {
        grid.selectCell(visualRow, col('name'));
        grid.scrollViewportTo({ row: visualRow, col: 0 });
      }
      return codeAt(physicalRow);
    },
    selectedRows() {
      const seen = new Set<number>();
      for (const [r1 = 0, , r2 = r1] of grid.getSelected() ?? []) {
        for (let r = Math.max(0, Math.min(r1, r2)); r <= Math.max(r1, r2); r += 1)
          seen.add(grid.toPhysicalRow(r));
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
        .map((code) => grid.toVisualRow(physicalRowOf(code)))
        .filter((r): r is number => r !== null && r >= 0)
        .sort((a, b) => b - a);
      // One alter call per row, from the bottom up, so indexes stay valid; one step for 撤销 all the same, as the
      // confirmation promises (删除后可以点“撤销”恢复: three rows took three).
      api.asOneUndoStep('remove_row', () =>
        grid.batch(() => {
          for (const visualRow of visualRows) grid.alter('remove_row', visualRow, 1, 'deleteRows');
        }),
      );
    },
    undo: () => grid.getPlugin('undoRedo').undo(),
    redo: () => grid.getPlugin('undoRedo').redo(),
    search(query) {
      // Read from the rows, not through Handsontable's Search plugin: it read every cell's value and meta and
      // set a meta per cell — over a second per keystroke on 5,000 rows. Cells match as the plugin matched
      // them: the value (the computed projection) contains the text, ignoring case.
      const text = query.trim().toLocaleLowerCase();
      if (!text) searchScrollLeft = null;
      else searchScrollLeft ??= masterHolder()?.scrollLeft ?? null;
      // The rows are read straight from the data below.
      writeAllResults();
      searchResults = [];
      searchHits = new Set();
      for (let visualRow = 0; text && visualRow < grid.countRows(); visualRow += 1) {
        const physicalRow = grid.toPhysicalRow(visualRow);
        const row = data[physicalRow];
        if (!row) continue;
        for (let column = 0; column < columns.length; column += 1) {
          const value = column === projectionCol ? resultAt(physicalRow).projected : row[column];
          if (value === null || value === undefined || value === '') continue;
          if (!String(value).toLocaleLowerCase().includes(text)) continue;
          searchResults.push({ row: visualRow, col: column });
          searchHits.add(`${physicalRow}:${column}`);
        }
      }
      searchIndex = -1;
      grid.render();
      if (searchResults.length > 0) this.searchNext();
      return searchResults.length;
    },
    searchNext() {
      if (searchResults.length === 0) return;
      searchIndex = (searchIndex + 1) % searchResults.length;
      const hit = searchResults[searchIndex];
      if (hit) {
        // Without taking the keys from the search box (changeListener false): the rest of what the clerk types
        // stays in the box.
        grid.selectCell(hit.row, hit.col, hit.row, hit.col, true, false);
        const holder = masterHolder();
        if (hit.col < FROZEN_COLUMNS && holder && searchScrollLeft !== null) {
          holder.scrollLeft = searchScrollLeft;
          grid.scrollViewportTo({ row: hit.row });
        } else grid.scrollViewportTo({ row: hit.row, col: hit.col });
      }
    },
    setFilters({ area, department, attentionOnly }) {
      const filters = grid.getPlugin('filters');
      filters.clearConditions(col('area'));
      filters.clearConditions(col('department'));
      filters.clearConditions(statusCol);
      if (area) filters.addCondition(col('area'), 'eq', [area]);
      if (department) filters.addCondition(col('department'), 'eq', [department]);
      if (attentionOnly) filters.addCondition(statusCol, 'by_value', [[...ATTENTION, '⚠ 公式有误']]);
      filters.filter();
    },
    filterState() {
      const conditions = grid.getPlugin('filters').exportConditions() as {
        column: number;
        conditions: { name: string; args: unknown[] }[];
      }[];
      const on = (column: number, name: string) =>
        conditions.find((c) => c.column === column)?.conditions.find((c) => c.name === name);
      return {
        area: String(on(col('area'), 'eq')?.args[0] ?? ''),
        department: String(on(col('department'), 'eq')?.args[0] ?? ''),
        attentionOnly: on(statusCol, 'by_value') !== undefined,
      };
    },
    report(code) {
      const physicalRow = physicalRowOf(code);
      return physicalRow < 0 ? undefined : reportAt(physicalRow);
    },
    reports() {
      return Array.from({ length: grid.countSourceRows() }, (_, physicalRow) => reportAt(physicalRow));
    },
    resetProjectionFormula(code) {
      const physicalRow = physicalRowOf(code);
      const visualRow = grid.toVisualRow(physicalRow);
      if (physicalRow < 0 || visualRow === null) return;
      const indicator = { ...readIndicator(physicalRow) };
      delete indicator.projectionFormula;
      grid.setDataAtCell(
        visualRow,
        projectionCol,
        projectionFormula(indicator, physicalRow + 1, layout),
        'resetFormula',
      );
    },
    setTargetKept(codes, kept) {
      const cells: [number, number, GridCell][] = [];
      for (const code of codes) {
        const physicalRow = physicalRowOf(code);
        const visualRow = physicalRow < 0 ? null : grid.toVisualRow(physicalRow);
        if (visualRow === null || visualRow < 0 || !keepable(physicalRow) || isTicked(physicalRow) === kept)
          continue;
        cells.push([visualRow, keptCol, kept ? KEPT_CELL : null]);
      }
      if (cells.length > 0) grid.setDataAtCell(cells, 'edit');
      return cells.length;
    },
    asOneUndoStep(actionType, apply) {
      const undoRedo = grid.getPlugin('undoRedo');
      const from = undoRedo.doneActions.length;
      apply();
      // A change of 目标 (a validated column) is recorded in a microtask of the grid's, queued by `apply`: joined
      // after it. Nothing can come between: a key or a click is a task of its own.
      queueMicrotask(() => {
        const parts = undoRedo.doneActions.splice(from) as UndoAction[];
        if (parts.length > 0)
          undoRedo.doneActions.push(parts.length === 1 ? parts[0] : joinedAction(actionType, parts));
        reportUndoAvailability();
      });
    },
    applyTargets(targets) {
      const sourceRows = grid.countSourceRows();
      const cells: [number, number, GridCell][] = [];
      const hidden: string[] = [];
      for (const { code, text, kept } of targets) {
        const visualRow = grid.toVisualRow(physicalRowOf(code, sourceRows));
        if (visualRow === null || visualRow < 0) {
          hidden.push(code);
          continue;
        }
        if (text !== '') cells.push([visualRow, targetTextCol, text]);
        // Written in the same change as the target, so the tick is as the sheet decided (not taken off again by a
        // target written back to the previous one), and one 撤销 takes back both.
        if (keptCol >= 0) cells.push([visualRow, keptCol, kept ? KEPT_CELL : null]);
      }
      if (cells.length > 0) grid.setDataAtCell(cells, 'edit');
      return hidden;
    },
    applyImport(updates, newRows) {
      /** Column of each year, by year − first year (a list: looked up for every cell). */
      const firstYear = Math.min(...columns.flatMap((c) => (c.year === undefined ? [] : [c.year])));
      const yearCol: (number | undefined)[] = [];
      columns.forEach((c, i) => {
        if (c.year !== undefined) yearCol[c.year - firstYear] = i;
      });
      const firstNewRow = grid.countSourceRows();
      const newData = newRows.map((row, i) => toGridRow(row, columns, firstNewRow + i + 1));
      // Each cell the import writes, as lists by position: its row and column, and the values before and after.
      // One object per cell (50,000) filled the young heap and its collection was the longest part of 应用. The
      // value lists start as lists of anything (null), so a figure is kept as it is: a list that began with
      // numbers would hold them unboxed and box each one again at the first null.
      const cellRows = new Int32Array(updates.length);
      const cellCols = new Int32Array(updates.length);
      const cellsBefore = new Array<GridCell>(updates.length).fill(null);
      const cellsAfter = new Array<GridCell>(updates.length).fill(null);
      let cellCount = 0;
      /** The rows of the cells, noted once per row as the cells are read. */
      const touched = new Set<number>();
      const insertRows = () => {
        if (newData.length === 0) return;
        grid.alter('insert_row_below', undefined, newData.length, 'import');
        // Known before the cells are written: writing them computes the rows' status from their definition.
        newRows.forEach((row) => {
          known.set(row.code, copyIndicator(row));
          undoRows.add(row.code);
        });
        const cells: [number, number, GridCell][] = [];
        newData.forEach((row, i) => row.forEach((cell, c) => cells.push([firstNewRow + i, c, cell])));
        grid.setSourceDataAtCell(cells, undefined, undefined, 'import');
      };
      /**
       * The values are written straight into the rows and the grid drawn once: passing 50,000 cells through
       * Handsontable's change pipeline (validation, hooks, cell meta per cell) took over a second. Values arrive
       * already read (numbers in the row's unit, or text kept as typed), as the editor would have stored them.
       * The first 应用 writes them as it reads them (one pass); redo writes them again in the same order, undo
       * puts the old ones back in the reverse order (a cell written twice gets its value from before both).
       */
      const readAndWriteCells = () => {
        // An import's cells come row by row: each row is looked up once.
        const sourceRows = grid.countSourceRows();
        let lastCode: string | null = null;
        let physicalRow = -1;
        let row: GridRow | undefined;
        let lastTouched = -1;
        for (const update of updates) {
          if (update.code !== lastCode) {
            lastCode = update.code;
            physicalRow = physicalRowOf(update.code, sourceRows);
            row = data[physicalRow];
          }
          const c = yearCol[update.year - firstYear];
          if (!row || c === undefined) continue;
          if (physicalRow !== lastTouched) touched.add((lastTouched = physicalRow));
          const after = update.newValue ?? null;
          cellRows[cellCount] = physicalRow;
          cellCols[cellCount] = c;
          // A year cell: never a computed one that is written when read (see cellAt).
          cellsBefore[cellCount] = row[c] ?? null;
          cellsAfter[cellCount] = after;
          cellCount += 1;
          row[c] = after;
        }
      };
      const writeCells = (which: 'before' | 'after') => {
        const values = which === 'before' ? cellsBefore : cellsAfter;
        const step = which === 'before' ? -1 : 1;
        for (let i = which === 'before' ? cellCount - 1 : 0; i >= 0 && i < cellCount; i += step) {
          const row = data[cellRows[i] as number];
          if (row) row[cellCols[i] as number] = values[i] ?? null;
        }
      };
      /** After the cells are written: the rows' results, what is drawn, the undo's rows, the save. */
      const cellsChanged = (source: string) => {
        const rows = [...touched].filter((physicalRow) => data[physicalRow] !== undefined);
        markRowsChanged(rows, true);
        noteUndoRows(rows);
        // Values alone changed (no row added): the rows on screen are redrawn as an edit's are. A full draw of the
        // grid (every cell anew, the rows measured, the overlays realigned) was half of 应用 on 10,000 rows.
        if (newData.length > 0 || !redrawRenderedRows(touched)) grid.render();
        rowsChanged(
          rows.map((physicalRow) => codeAt(physicalRow)),
          source,
        );
      };
      importing = true;
      try {
        grid.batch(() => {
          insertRows();
          readAndWriteCells();
          cellsChanged('import');
        });
      } finally {
        importing = false;
      }
      const removeNewRows = () =>
        removePhysicalRows(
          newData.map((_, i) => firstNewRow + i),
          'UndoRedo.undo',
        );
      grid.getPlugin('undoRedo').done(
        () => ({
          actionType: 'import',
          undo(_instance: unknown, callback: () => void) {
            grid.batch(() => {
              writeCells('before');
              cellsChanged('UndoRedo.undo');
            });
            // Outside the batch: a batch defers the row order's update that lifting a filter needs.
            removeNewRows();
            callback();
          },
          redo(_instance: unknown, callback: () => void) {
            importing = true;
            try {
              grid.batch(() => {
                insertRows();
                writeCells('after');
                cellsChanged('UndoRedo.redo');
              });
            } finally {
              importing = false;
            }
            callback();
          },
        }),
        'import',
      );
      // Cell changes reach the save through afterChange (and the caller marks rows hidden by a filter); only new
      // rows make it a change of the workbook's structure, which rewrites every row.
      if (newData.length > 0) options.events.onStructureChanged();
    },
    selectRow(code) {
      const visualRow = grid.toVisualRow(physicalRowOf(code));
      if (visualRow === null || visualRow < 0) return;
      grid.selectCell(visualRow, statusCol);
      grid.scrollViewportTo({ row: visualRow, col: statusCol });
    },
    selectCell(code, column) {
      const physicalRow = physicalRowOf(code);
      const visualRow = physicalRow < 0 ? null : grid.toVisualRow(physicalRow);
      const visualCol = columns.findIndex((spec) => spec.title === column);
      if (visualRow === null || visualRow < 0 || visualCol < 0) return false;
      grid.selectCell(visualRow, visualCol);
      grid.scrollViewportTo({ row: visualRow, col: visualCol });
      grid.listen();
      return true;
    },
    selectFirstCell() {
      if (grid.countRows() === 0) return;
      grid.selectCell(0, 0);
      grid.scrollViewportTo({ row: 0, col: 0 });
      grid.listen();
    },
    applyExternal(rows, removed) {
      external = true;
      let rowsMoved = false;
      // Handsontable puts the cell's stored value back into an open editor whenever source data is written, even
      // in another row: what the clerk was typing when the other tab saved was replaced, then entered. Kept.
      const editor = grid.getActiveEditor() as
        | { isOpened(): boolean; getValue(): unknown; setValue(v: unknown): void; cancelChanges(): void }
        | undefined;
      const typing = editor?.isOpened() ? editor.getValue() : undefined;
      // The cell under the open editor, and what it held: if another tab changes it, the clerk has not seen that.
      const highlight = typing === undefined ? undefined : grid.getSelectedRangeLast()?.highlight;
      const editedCol = highlight?.col ?? null;
      const editedPhysicalRow =
        highlight?.row !== null && highlight?.row !== undefined && highlight.row >= 0
          ? grid.toPhysicalRow(highlight.row)
          : null;
      const before =
        editedPhysicalRow !== null && editedCol !== null ? cellAt(editedPhysicalRow, editedCol) : undefined;
      const gone = removed.map(physicalRowOf).filter((physicalRow) => physicalRow >= 0);
      // Rows whose cells another tab changed (or that it deleted), with their names: an undo step writing them
      // would undo its work.
      const touched = new Map(
        gone.map((physicalRow) => [codeAt(physicalRow), String(rowAt(physicalRow)[col('name')] ?? '')]),
      );
      /** What the clerk was typing in a row the other tab deleted: there is no row left to enter it into. */
      let lostTyping: string | null = null;
      if (editedPhysicalRow !== null && gone.includes(editedPhysicalRow)) {
        const name = String(rowAt(editedPhysicalRow)[col('name')] ?? '');
        const column = columns[editedCol ?? -1]?.title ?? '';
        lostTyping =
          `注意：另一个窗口（标签页）删除了指标 ${codeAt(editedPhysicalRow)} ${name}，` +
          `您在 ${column} 输入的“${String(typing)}”没有保存。` +
          '如需保留，请在另一窗口撤销删除，或新增指标后重新填写。';
        // Closed before its row goes, unsaved; Enter would otherwise write into whatever row takes its place.
        editor?.cancelChanges();
      }
      try {
        // Outside the batch below: a batch defers the row order's update that lifting a filter needs.
        if (gone.length > 0) {
          removePhysicalRows(gone, 'external');
          for (const code of removed) known.delete(code);
          rowsMoved = true;
        }
        grid.batch(() => {
          const cells: [number, number, GridCell][] = [];
          for (const row of rows) {
            let physicalRow = physicalRowOf(row.code);
            if (physicalRow < 0) {
              grid.alter('insert_row_below', undefined, 1, 'external');
              rowsMoved = true;
              physicalRow = physicalRowOf('');
              // Written at once, so the next new row finds its own empty row.
              grid.setSourceDataAtCell(physicalRow, codeCol, row.code, 'external');
            }
            const current = rowAt(physicalRow);
            toGridRow(row, columns, physicalRow + 1).forEach((cell, c) => {
              if ((current[c] ?? null) === cell) return;
              cells.push([physicalRow, c, cell]);
              touched.set(row.code, row.name);
            });
            known.set(row.code, copyIndicator(row));
          }
          if (cells.length > 0) grid.setSourceDataAtCell(cells, undefined, undefined, 'external');
        });
      } finally {
        external = false;
        if (typing !== undefined && editor?.isOpened()) editor.setValue(typing);
      }
      if (editedPhysicalRow !== null && editedCol !== null && editor?.isOpened()) {
        const theirs = cellAt(editedPhysicalRow, editedCol);
        if (theirs !== before) unseen = { physicalRow: editedPhysicalRow, col: editedCol, theirs };
      }
      if (lostTyping !== null) {
        // Nothing selected: a key pressed next (Enter, a digit) must not go into the row now in the deleted one's place.
        grid.deselectCell();
        options.events.onTypingLost?.(lostTyping);
      }
      dropUndoSteps(rowsMoved, touched);
    },
    focus() {
      // Selecting the current cell again puts the browser's focus back on it, so the arrow keys work at once.
      const [row, column, toRow = row, toColumn = column] = grid.getSelectedLast() ?? [];
      if (row !== undefined && column !== undefined) grid.selectCell(row, column, toRow, toColumn, false);
      grid.listen();
    },
    typingUnentered() {
      const editor = grid.getActiveEditor() as
        { isOpened(): boolean; getValue(): unknown; originalValue?: unknown } | undefined;
      if (!editor?.isOpened()) return false;
      return String(editor.getValue() ?? '') !== String(editor.originalValue ?? '');
    },
    destroy() {
      container.ownerDocument.removeEventListener('keydown', forgetQuestion, true);
      container.ownerDocument.removeEventListener('pointerdown', forgetQuestion, true);
      stopGuardingClipboard();
      grid.destroy();
      formulaEngine.destroy();
    },
  };
  return api;
}

/**
 * Whether the focus belongs to something other than the grid: an open dialog, or a field outside the grid that
 * takes typing (the search box, the row panel's formula). A toolbar button just clicked gives it back.
 */
function keepFocusOutside(gridRoot: HTMLElement, editorTextarea: HTMLElement | undefined): boolean {
  if (document.querySelector('[aria-modal="true"]')) return true;
  const active = document.activeElement;
  if (!(active instanceof HTMLElement) || active === editorTextarea || gridRoot.contains(active))
    return false;
  return active.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(active.tagName);
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

/** Ascending: the most serious status first; rows without a status last either way. */
function compareStatuses(sortOrder: 'asc' | 'desc') {
  const rank = (value: unknown) => {
    const index = STATUS_SEVERITY.indexOf(String(value ?? '').replace(/^⚠\s*/, '') as Status);
    return index < 0 ? null : index;
  };
  return (a: unknown, b: unknown): number => {
    const ra = rank(a);
    const rb = rank(b);
    if (ra === rb) return 0;
    if (ra === null) return 1;
    if (rb === null) return -1;
    return sortOrder === 'asc' ? ra - rb : rb - ra;
  };
}
