/**
 * HyperFormula for the projection formulas a clerk wrote (any Excel formula, with the workbook's own functions).
 * The default formulas are computed from the row directly (src/model/row-results.ts); the engine is built only
 * when a workbook has a formula of the clerk's own, from a copy of the grid in which every other projection is
 * its value, and is kept in step row by row. Its own undo is off: the grid's undo drives every change.
 */
import { HyperFormula, type RawCellContent } from 'hyperformula';
import type { FormulaValue } from '../model/row-results';
import { registerForecastFunctions } from './forecast-functions-plugin';
import { registerPlanFunctions } from './plan-functions-plugin';

// Custom functions must be registered before any engine is built (HyperFormula reads them at build time).
registerForecastFunctions(HyperFormula);
registerPlanFunctions(HyperFormula);

export interface CustomFormulaEngine {
  /** The value of the formula in this cell (physical row), the engine brought up to date first. */
  valueAt(physicalRow: number, column: number): FormulaValue;
  /** These rows' cells changed. */
  rowsChanged(physicalRows: Iterable<number>): void;
  /** Rows were added or removed: the copy is made again when next needed. */
  structureChanged(): void;
  destroy(): void;
}

/**
 * `rowCount` and `rowAt` give the engine's copy of the grid: `rowAt` returns a row's cells with formulas the
 * clerk wrote as text starting with "=" and everything else as a value.
 */
export function makeCustomFormulaEngine(
  rowCount: () => number,
  rowAt: (physicalRow: number) => RawCellContent[],
): CustomFormulaEngine {
  let engine: HyperFormula | undefined;
  let stale = true;
  const pending = new Set<number>();

  const bringUpToDate = (): HyperFormula => {
    if (!engine || stale) {
      engine?.destroy();
      const rows = Array.from({ length: rowCount() }, (_, r) => rowAt(r));
      engine = HyperFormula.buildFromArray(rows, { licenseKey: 'gpl-v3', undoLimit: 0 });
      stale = false;
      pending.clear();
    } else if (pending.size > 0) {
      const current = engine;
      const rows = [...pending].filter((r) => r < rowCount());
      pending.clear();
      current.batch(() => {
        for (const r of rows) current.setCellContents({ sheet: 0, row: r, col: 0 }, [rowAt(r)]);
      });
    }
    return engine;
  };

  return {
    valueAt(physicalRow, column) {
      const value = bringUpToDate().getCellValue({ sheet: 0, row: physicalRow, col: column });
      if (value && typeof value === 'object' && 'value' in value) return String(value.value);
      if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
      return value;
    },
    rowsChanged(physicalRows) {
      if (!engine || stale) return;
      for (const r of physicalRows) pending.add(r);
    },
    structureChanged() {
      stale = true;
    },
    destroy() {
      engine?.destroy();
      engine = undefined;
      stale = true;
    },
  };
}
