/**
 * A read file's cells in the shape that crosses from the import worker to the page cheaply. Sent as objects,
 * 50,000 cells (each with its row's code, name and the file name as strings) took ~70 ms to send and ~75 ms to
 * receive on a 10,000-row file, more than parsing it. Every cell of a ParsedFile belongs to a row of the workbook,
 * which both sides hold in the same order: a cell is sent as four numbers (row, year, line, value) in typed
 * arrays whose memory is moved, not copied, and rebuilt on the page from the page's own rows.
 */
import type { CellUpdate, ExistingRow, ParsedFile } from './csv-import';

/** Cells as columns: the i-th cell is rows[i], years[i], lines[i], values[i]. */
export interface PackedCells {
  rows: Int32Array;
  years: Int32Array;
  lines: Int32Array;
  values: Float64Array;
}

export type PackedFile = Omit<ParsedFile, 'updates' | 'unchangedCells' | 'sentCodes'> & {
  updates: PackedCells;
  unchangedCells: PackedCells;
  /** sentCodes as positions of rows (10,000 strings took longer to copy than these numbers). */
  sentRows?: Int32Array;
};

/**
 * Null when a cell does not fit (its row is not one of `existing`, its value is not a number, or it says
 * something its row does not): the file is then sent as it is.
 */
export function packParsedFile(parsed: ParsedFile, existing: readonly ExistingRow[]): PackedFile | null {
  // The first row of each code (a workbook's codes are unique; a cell that names another row falls back).
  const positions = new Map<string, number>();
  existing.forEach((row, i) => positions.has(row.code) || positions.set(row.code, i));
  const position = (code: string) => positions.get(code);
  const updates = packCells(parsed.updates, parsed.file, existing, position);
  const unchangedCells = packCells(parsed.unchangedCells ?? [], parsed.file, existing, position);
  if (!updates || !unchangedCells) return null;
  const { sentCodes, ...rest } = parsed;
  if (sentCodes === undefined) return { ...rest, updates, unchangedCells };
  const sentRows = new Int32Array(sentCodes.length);
  for (let i = 0; i < sentCodes.length; i += 1) {
    const at = position(sentCodes[i]!);
    if (at === undefined) return null;
    sentRows[i] = at;
  }
  return { ...rest, updates, unchangedCells, sentRows };
}

/** The typed arrays' memory, to be moved with postMessage. */
export function transferables(packed: PackedFile): ArrayBuffer[] {
  return [
    ...[packed.updates, packed.unchangedCells].flatMap((cells) =>
      [cells.rows, cells.years, cells.lines, cells.values].map((array) => array.buffer as ArrayBuffer),
    ),
    ...(packed.sentRows ? [packed.sentRows.buffer as ArrayBuffer] : []),
  ];
}

export function unpackParsedFile(packed: PackedFile, existing: readonly ExistingRow[]): ParsedFile {
  const { sentRows, ...rest } = packed;
  const parsed: ParsedFile = {
    ...rest,
    updates: unpackCells(packed.updates, packed.file, existing),
    unchangedCells: unpackCells(packed.unchangedCells, packed.file, existing),
  };
  if (sentRows) parsed.sentCodes = Array.from(sentRows, (at) => existing[at]!.code);
  return parsed;
}

export function isPackedFile(message: ParsedFile | PackedFile): message is PackedFile {
  // Not `'values' in updates`: an array has a `values` method too.
  return !Array.isArray(message.updates);
}

function packCells(
  cells: readonly CellUpdate[],
  file: string,
  existing: readonly ExistingRow[],
  position: (code: string) => number | undefined,
): PackedCells | null {
  const n = cells.length;
  const packed: PackedCells = {
    rows: new Int32Array(n),
    years: new Int32Array(n),
    lines: new Int32Array(n),
    values: new Float64Array(n),
  };
  // Consecutive cells are mostly of one row: its position is looked up once.
  let lastCode: string | null = null;
  let lastPosition: number | undefined;
  for (let i = 0; i < n; i += 1) {
    const cell = cells[i]!;
    if (cell.code !== lastCode) {
      lastCode = cell.code;
      lastPosition = position(cell.code);
    }
    const row = lastPosition === undefined ? undefined : existing[lastPosition];
    if (
      row === undefined ||
      typeof cell.newValue !== 'number' ||
      cell.file !== file ||
      cell.name !== row.name ||
      cell.oldValue !== row.values[cell.year]
    )
      return null;
    packed.rows[i] = lastPosition!;
    packed.years[i] = cell.year;
    packed.lines[i] = cell.line;
    packed.values[i] = cell.newValue;
  }
  return packed;
}

function unpackCells(packed: PackedCells, file: string, existing: readonly ExistingRow[]): CellUpdate[] {
  const cells: CellUpdate[] = new Array<CellUpdate>(packed.rows.length);
  for (let i = 0; i < cells.length; i += 1) {
    const row = existing[packed.rows[i]!]!;
    const year = packed.years[i]!;
    cells[i] = {
      code: row.code,
      name: row.name,
      year,
      oldValue: row.values[year],
      newValue: packed.values[i],
      file,
      line: packed.lines[i]!,
    };
  }
  return cells;
}
