/**
 * How many cells of the grid need correcting (shown in the status bar after every edit), kept per row so that an
 * edit recounts only the rows it touched instead of every cell of the workbook. Pure: no Handsontable import.
 *
 * Rows are physical row indexes. Adding, removing or reordering rows shifts them: call `reset()` and the next
 * `total()` counts every row again.
 */
export interface InvalidCellCounter {
  /** These rows changed: count them again at the next `total()`. */
  markRows(physicalRows: Iterable<number>): void;
  /** Rows were added, removed or moved: count everything again at the next `total()`. */
  reset(): void;
  /** The number of invalid cells in rows 0 … rowCount − 1; `countRow` counts one row. */
  total(rowCount: number, countRow: (physicalRow: number) => number): number;
}

export function makeInvalidCellCounter(): InvalidCellCounter {
  let perRow: number[] | null = null;
  let sum = 0;
  const dirty = new Set<number>();
  return {
    markRows(physicalRows) {
      if (perRow === null) return;
      // Over half the rows (an import): counting every row again costs no more, without noting each of them.
      if (Array.isArray(physicalRows) && physicalRows.length * 2 > perRow.length) {
        perRow = null;
        dirty.clear();
        return;
      }
      for (const row of physicalRows) dirty.add(row);
    },
    reset() {
      perRow = null;
      dirty.clear();
    },
    total(rowCount, countRow) {
      if (perRow === null || perRow.length !== rowCount) {
        perRow = Array.from({ length: rowCount }, (_, row) => countRow(row));
        sum = perRow.reduce((a, b) => a + b, 0);
        dirty.clear();
        return sum;
      }
      for (const row of dirty) {
        if (row < 0 || row >= rowCount) continue;
        const next = countRow(row);
        sum += next - (perRow[row] ?? 0);
        perRow[row] = next;
      }
      dirty.clear();
      return sum;
    },
  };
}
