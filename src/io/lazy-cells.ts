/**
 * A file's cells arrive on the page packed (import-transfer.ts): a 10,000-row file gives 50,000 of them, and
 * making a CellUpdate of each took ~16 ms (and the garbage collector's time after it) before the preview, which
 * draws 200, could show. They stay packed until something reads the list whole (应用, the conflicts between
 * several files): the preview asks how many there are, how many replace a figure, and for its page, without it.
 */
import type { CellUpdate } from './csv-import';

/** Cells read one at a time from where they are kept. */
export interface CellReader {
  readonly length: number;
  /** The i-th cell: the same object each time it is asked for, and in the list once it is made. */
  cell(i: number): CellUpdate;
  /** Whether the i-th cell replaces a figure (its oldValue is not undefined), without making it. */
  replacesFigure(i: number): boolean;
}

/** What a list holds until it is read whole: its reader, then the list made from it. */
interface Lazy {
  reader: CellReader;
  made?: CellUpdate[];
}

type CellsKey = 'updates' | 'unchangedCells';
const lazyLists = new WeakMap<object, Partial<Record<CellsKey, Lazy>>>();

/**
 * Gives `owner[key]` as the cells of `reader`, made into an array the first time the property is read (an
 * ordinary, enumerable property for everyone else: spreading, comparing and assigning it work as on any list).
 */
export function defineLazyCells(owner: object, key: CellsKey, reader: CellReader): void {
  defineLazy(owner, key, { reader });
}

/**
 * Makes `to[key]` the same list as `from[key]` (as `to[key] = from[key]` would), still not made when it is not
 * yet: reading either makes it for both.
 */
export function shareCells<K extends CellsKey>(
  from: { [key in K]?: CellUpdate[] },
  to: { [key in K]?: CellUpdate[] },
  key: K,
): void {
  const lazy = lazyLists.get(from)?.[key];
  if (lazy && !lazy.made) defineLazy(to, key, lazy);
  else to[key] = from[key];
}

function defineLazy(owner: object, key: CellsKey, lazy: Lazy): void {
  const lists = lazyLists.get(owner) ?? {};
  lists[key] = lazy;
  lazyLists.set(owner, lists);
  const { reader } = lazy;
  Object.defineProperty(owner, key, {
    enumerable: true,
    configurable: true,
    get: () => (lazy.made ??= readAll(reader)),
    // Assigned another list, the property is that list.
    set: (value: CellUpdate[]) => {
      delete lists[key];
      Object.defineProperty(owner, key, { value, enumerable: true, configurable: true, writable: true });
    },
  });
}

function readAll(reader: CellReader): CellUpdate[] {
  const cells = new Array<CellUpdate>(reader.length);
  for (let i = 0; i < cells.length; i += 1) cells[i] = reader.cell(i);
  return cells;
}

/** `owner[key]`'s reader while its list is not made (null once it is, or when it never was lazy). */
function readerOf(owner: object, key: CellsKey): CellReader | null {
  const lazy = lazyLists.get(owner)?.[key];
  return lazy && !lazy.made ? lazy.reader : null;
}

/** How many cells `owner.updates` holds. */
export function cellCount(owner: { updates: CellUpdate[] }): number {
  return readerOf(owner, 'updates')?.length ?? owner.updates.length;
}

/** How many of `owner.updates` replace a figure the workbook holds. */
export function countReplacing(owner: { updates: CellUpdate[] }): number {
  const reader = readerOf(owner, 'updates');
  let count = 0;
  // (By index: run once, the loop is not yet optimised, and for…of's iterator cost ~20 ms on 50,000 cells.)
  if (reader) {
    for (let i = 0; i < reader.length; i += 1) if (reader.replacesFigure(i)) count += 1;
    return count;
  }
  const updates = owner.updates;
  for (let i = 0; i < updates.length; i += 1) if (updates[i]?.oldValue !== undefined) count += 1;
  return count;
}

/** The first `limit` cells of `owner.updates`. */
export function firstCells(owner: { updates: CellUpdate[] }, limit: number): CellUpdate[] {
  const reader = readerOf(owner, 'updates');
  if (!reader) return owner.updates.slice(0, limit);
  const cells = new Array<CellUpdate>(Math.min(limit, reader.length));
  for (let i = 0; i < cells.length; i += 1) cells[i] = reader.cell(i);
  return cells;
}
