/**
 * A read file's cells in the shape that crosses from the import worker to the page cheaply. Sent as objects,
 * 50,000 cells (each with its row's code, name and the file name as strings) took ~70 ms to send and ~75 ms to
 * receive on a 10,000-row file, more than parsing it. Every cell of a ParsedFile belongs to a row of the workbook,
 * which both sides hold in the same order: a cell is sent as four numbers (row, year, line, value) in typed
 * arrays whose memory is moved, not copied, and rebuilt on the page from the page's own rows.
 */
import type { CellSink, CellUpdate, ExistingRow, ParsedFile } from './csv-import';
import { defineLazyCells, type CellReader } from './lazy-cells';

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
export function packParsedFile(
  parsed: ParsedFile,
  existing: readonly ExistingRow[],
  positions: ReadonlyMap<string, number> = codePositions(existing),
): PackedFile | null {
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

/**
 * The position of the first row of each code (a workbook's codes are unique; a cell that names another row falls
 * back). Made once per workbook in the worker: on 10,000 rows, making it for each file was a part of reading one.
 */
export function codePositions(existing: readonly ExistingRow[]): Map<string, number> {
  const positions = new Map<string, number>();
  existing.forEach((row, i) => positions.has(row.code) || positions.set(row.code, i));
  return positions;
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

/**
 * The file as the page reads it. Its cells are made into CellUpdate objects only when a list of them is read
 * whole (lazy-cells.ts): the preview draws 200 of a file's 50,000.
 */
export function unpackParsedFile(packed: PackedFile, existing: readonly ExistingRow[]): ParsedFile {
  const { sentRows, updates, unchangedCells, ...rest } = packed;
  const parsed = rest as ParsedFile;
  defineLazyCells(parsed, 'updates', new ArrivedCells(updates, packed.file, existing));
  defineLazyCells(parsed, 'unchangedCells', new ArrivedCells(unchangedCells, packed.file, existing));
  if (sentRows) parsed.sentCodes = Array.from(sentRows, (at) => existing[at]!.code);
  return parsed;
}

/** Packed cells read one at a time, each made from the page's own row the first time it is asked for. */
class ArrivedCells implements CellReader {
  private readonly made: CellUpdate[] = [];

  constructor(
    private readonly packed: PackedCells,
    private readonly file: string,
    private readonly existing: readonly ExistingRow[],
  ) {}

  get length(): number {
    return this.packed.rows.length;
  }

  cell(i: number): CellUpdate {
    const made = this.made[i];
    if (made) return made;
    const row = this.existing[this.packed.rows[i]!]!;
    const year = this.packed.years[i]!;
    const cell: CellUpdate = {
      code: row.code,
      name: row.name,
      year,
      oldValue: row.values[year],
      newValue: this.packed.values[i],
      file: this.file,
      line: this.packed.lines[i]!,
    };
    this.made[i] = cell;
    return cell;
  }

  replacesFigure(i: number): boolean {
    return this.existing[this.packed.rows[i]!]!.values[this.packed.years[i]!] !== undefined;
  }
}

/** The most cells the columns are made for up front (a larger file's grow as it is read). */
const MAX_EXPECTED_CELLS = 1 << 20;

/** Cells as columns that grow as a file is read. */
class CellColumns {
  length = 0;
  rows = new Int32Array(0);
  years = new Int32Array(0);
  lines = new Int32Array(0);
  values = new Float64Array(0);

  /** `expected`: how many cells the file may give, so that the columns are made once at their size. */
  constructor(private readonly expected = 1024) {}

  push(row: number, year: number, line: number, value: number): void {
    if (this.length === this.rows.length) this.grow();
    const i = this.length;
    this.rows[i] = row;
    this.years[i] = year;
    this.lines[i] = line;
    this.values[i] = value;
    this.length = i + 1;
  }

  private grow(): void {
    const size = this.rows.length === 0 ? Math.max(1024, this.expected) : this.rows.length * 2;
    const wider = <A extends Int32Array | Float64Array>(array: A, make: (n: number) => A): A => {
      const next = make(size);
      next.set(array);
      return next;
    };
    this.rows = wider(this.rows, (n) => new Int32Array(n));
    this.years = wider(this.years, (n) => new Int32Array(n));
    this.lines = wider(this.lines, (n) => new Int32Array(n));
    this.values = wider(this.values, (n) => new Float64Array(n));
  }

  /** The cells pushed, as views of the columns (their memory is moved with the message, not copied). */
  cells(): PackedCells {
    const n = this.length;
    return {
      rows: this.rows.subarray(0, n),
      years: this.years.subarray(0, n),
      lines: this.lines.subarray(0, n),
      values: this.values.subarray(0, n),
    };
  }
}

/**
 * The import worker's CellSink: each cell read goes straight into the columns sent to the page, with its row's
 * position among `existing` (the rows the page holds in the same order). No CellUpdate is built in the worker.
 */
export class CellPacker implements CellSink {
  private updates = new CellColumns();
  private unchanged = new CellColumns();
  /** A cell of a row that is not one of `existing` (never expected): the file is then sent unpacked. */
  private strayed = false;
  /** The row of the last cell added and its position: a row's cells come one after another. */
  private lastRow: ExistingRow | null = null;
  private lastAt: number | undefined;

  /** `codes`: codePositions of the rows, when made beforehand. */
  constructor(
    private readonly positions: ReadonlyMap<ExistingRow, number>,
    private readonly codes?: ReadonlyMap<string, number>,
  ) {}

  expect(cells: number): void {
    // (Columns not yet made are made at this size; the bound keeps a wrong file from taking much memory.)
    const size = Math.min(Math.max(cells, 0), MAX_EXPECTED_CELLS);
    if (this.updates.length === 0) this.updates = new CellColumns(size);
    if (this.unchanged.length === 0) this.unchanged = new CellColumns(size);
  }

  add(unchanged: boolean, row: ExistingRow, year: number, line: number, value: number): void {
    if (row !== this.lastRow) {
      this.lastRow = row;
      this.lastAt = this.positions.get(row);
    }
    const at = this.lastAt;
    if (at === undefined) {
      this.strayed = true;
      return;
    }
    (unchanged ? this.unchanged : this.updates).push(at, year, line, value);
  }

  clear(): void {
    this.updates = new CellColumns();
    this.unchanged = new CellColumns();
    this.strayed = false;
  }

  /** The file read with this sink, packed with its cells; null when it cannot be (then read it without a sink). */
  pack(parsed: ParsedFile, existing: readonly ExistingRow[]): PackedFile | null {
    if (this.strayed) return null;
    // Read with this sink, the file's own lists of cells are empty: what else it holds is packed as usual.
    const rest = packParsedFile(parsed, existing, this.codes);
    if (!rest) return null;
    return { ...rest, updates: this.updates.cells(), unchangedCells: this.unchanged.cells() };
  }
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
