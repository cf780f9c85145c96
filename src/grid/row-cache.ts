/**
 * Results computed from one row (its fluctuation check, its target assessment) kept until the row changes, so
 * the renderers — which run for every visible row on every redraw — do not recompute them after each edit
 * elsewhere. Rows are physical indexes: adding or removing rows shifts them, so `clear()` then. Pure.
 */
export interface RowCache<T> {
  get(physicalRow: number, compute: () => T): T;
  /** These rows changed. */
  forget(physicalRows: Iterable<number>): void;
  /** Rows were added, removed or moved. */
  clear(): void;
}

export function makeRowCache<T>(): RowCache<T> {
  const results = new Map<number, T>();
  return {
    get(physicalRow, compute) {
      if (results.has(physicalRow)) return results.get(physicalRow) as T;
      const result = compute();
      results.set(physicalRow, result);
      return result;
    },
    forget(physicalRows) {
      for (const row of physicalRows) results.delete(row);
    },
    clear: () => results.clear(),
  };
}
