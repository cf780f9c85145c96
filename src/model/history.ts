/**
 * Change history, comparison and merging of rows, field by field. Pure.
 *
 * A row's fields are its year values and its definition (name, unit, target, …). The same field-level view
 * serves three jobs: the history of a row (when, old → new, source, clerk), comparing a saved version with
 * now, and merging two tabs' edits so that neither tab's write is lost (a three-way merge against the state
 * both started from).
 */
import { formatWithUnit } from './entry';
import { copyIndicator, isEmptyValue, type Indicator } from './indicator';
import { describeTarget } from './target-text';
import { nextCustomCode } from './workbook';
import { quoted } from './quote';

/**
 * Where a change came from. `detail` names the import file(s), the backup file or the version, 撤销 / 重做, or
 * for `row` the clerk's 新增指标 or 删除指标.
 */
export interface ChangeSource {
  kind: 'typed' | 'row' | 'undo' | 'import' | 'restore' | 'version' | 'other';
  detail?: string;
}

export const TYPED: ChangeSource = { kind: 'typed' };

/**
 * The rows an import changes, grouped by the file (or files, when several changed one row) they came from —
 * one source per group, so the save records each row's files and is asked once per group.
 */
export function importSources(
  changes: Iterable<{ code: string; file: string }>,
): Map<ChangeSource, string[]> {
  const filesOf = new Map<string, string[]>();
  for (const { code, file } of changes) {
    const files = filesOf.get(code) ?? [];
    if (!files.includes(file)) files.push(file);
    filesOf.set(code, files);
  }
  const byDetail = new Map<string, { source: ChangeSource; codes: string[] }>();
  for (const [code, files] of filesOf) {
    const detail = files.join('、');
    const group = byDetail.get(detail) ?? { source: { kind: 'import', detail }, codes: [] };
    group.codes.push(code);
    byDetail.set(detail, group);
  }
  return new Map([...byDetail.values()].map((g) => [g.source, g.codes]));
}

/** What a step of 撤销 / 重做 was, by Handsontable's action type ('import' is the workbook's own). */
export const UNDONE_ACTIONS: Readonly<Record<string, string>> = {
  import: '导入',
  remove_row: '删除指标',
  insert_row: '新增指标',
  change: '修改',
  filter: '筛选',
  col_sort: '排序',
};

/**
 * The source of the changes a step of 撤销 or 重做 made: which, and what it took back or did again (撤销删除指标,
 * 重做导入) — a row that came back read 整行 新增此行 录入, as if typed.
 */
export function undoSource(kind: 'undo' | 'redo', actionType = ''): ChangeSource {
  const verb = kind === 'undo' ? '撤销' : '重做';
  return { kind: 'undo', detail: `${verb}${UNDONE_ACTIONS[actionType] ?? ''}` };
}

/**
 * The source of a row's change in a save: a row added or deleted whole in a save of the clerk's own edits was
 * 新增指标 or 删除指标 (the words 撤销删除指标 uses), not 录入 — a deleted row read 整行 已删除此行 录入, as if typed.
 * Any other source (an undo, an import, a restore) already says what it was.
 */
export function rowChangeSource(
  source: ChangeSource,
  before: Indicator | undefined,
  after: Indicator | undefined,
): ChangeSource {
  if (source.kind !== 'typed' || (before && after)) return source;
  return { kind: 'row', detail: before ? UNDONE_ACTIONS.remove_row! : UNDONE_ACTIONS.insert_row! };
}

export function describeSource(source: ChangeSource): string {
  const detail = source.detail ?? '';
  switch (source.kind) {
    case 'typed':
      return '录入';
    case 'row':
      return detail || '新增或删除指标';
    case 'undo':
      // ('撤销删除指标', '重做导入', …; entries saved before say 撤销 or 重做 alone, or 撤销/重做.)
      return detail || '撤销/重做';
    case 'import':
      return detail ? `导入${quoted(detail)}` : '导入';
    case 'restore':
      return detail ? `从备份${quoted(detail)}恢复` : '从备份恢复';
    case 'version':
      return detail ? `恢复版本${quoted(detail)}` : '恢复版本';
    case 'other':
      return detail || '其他';
  }
}

/** One field of one row that differs between two states. Texts are as the clerk reads them, with units. */
export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** One recorded change of one field, as kept in the history. */
export interface HistoryEntry extends FieldChange {
  workbookId: string;
  code: string;
  rowName: string;
  /** ISO time of the save that wrote the change. */
  at: string;
  source: ChangeSource;
  /** The clerk's name from the settings (empty when not set). */
  clerk: string;
}

/**
 * The history as it is stored: the fields one save changed in one row, together. One record per row and save
 * rather than per field: an import of 10,000 rows with five values each wrote 50,000 records, and adding them
 * to IndexedDB held the page for seconds.
 */
export interface HistoryGroup extends Omit<HistoryEntry, keyof FieldChange> {
  changes: FieldChange[];
}

/** Entries (field by field, in order) as stored groups: consecutive or not, one group per row and save. */
export function groupHistory(entries: readonly HistoryEntry[]): HistoryGroup[] {
  const groups = new Map<string, HistoryGroup>();
  for (const entry of entries) {
    const { field, label, before, after, ...save } = entry;
    const key = [
      save.workbookId,
      save.code,
      save.rowName,
      save.at,
      save.source.kind,
      save.source.detail ?? '',
      save.clerk,
    ].join('\u0000');
    const group = groups.get(key);
    if (group) group.changes.push({ field, label, before, after });
    else groups.set(key, { ...save, changes: [{ field, label, before, after }] });
  }
  return [...groups.values()];
}

/** Stored groups back as entries, field by field, in order. */
export function flattenHistory(groups: readonly HistoryGroup[]): HistoryEntry[] {
  return groups.flatMap(({ changes, ...save }) => changes.map((change) => ({ ...change, ...save })));
}

const ROW_FIELD = 'row';

const DEFINITION_FIELDS: readonly (readonly [keyof Indicator, string])[] = [
  ['name', '指标名称'],
  ['unit', '单位'],
  ['target', '目标'],
  ['area', '领域'],
  ['department', '责任单位'],
  ['baseYear', '基期年'],
  ['targetYear', '目标年'],
  ['clause', '条款'],
  ['source', '规划原文'],
  ['note', '备注'],
  ['projectionFormula', '预测公式'],
  ['previousTarget', '上期目标'],
  ['previousTargetKept', '沿用上期目标'],
];
const DEFINITION_LABELS = new Map<string, string>(DEFINITION_FIELDS);

const valueField = (year: number) => `v${year}`;
const yearOf = (field: string) => (/^v\d+$/.test(field) ? Number(field.slice(1)) : null);

/** The fields two states of a row may differ in: the definition, then every year either has, in order. */
function fieldsOf(...rows: (Indicator | undefined)[]): string[] {
  const years = new Set<number>();
  for (const row of rows) for (const key of Object.keys(row?.values ?? {})) years.add(Number(key));
  return [
    ...DEFINITION_FIELDS.map(([key]) => key as string),
    ...[...years].sort((a, b) => a - b).map(valueField),
  ];
}

function read(row: Indicator | undefined, field: string): unknown {
  if (!row) return undefined;
  const year = yearOf(field);
  return year === null ? (row as unknown as Record<string, unknown>)[field] : row.values[year];
}

function write(row: Indicator, field: string, value: unknown): void {
  const year = yearOf(field);
  const target: Record<string | number, unknown> =
    year === null ? (row as unknown as Record<string, unknown>) : (row.values as Record<number, unknown>);
  const key = year ?? field;
  if (value === undefined) delete target[key];
  // Numbers and texts as they are (cloning each of 50,000 imported values was a noticeable part of a save).
  else target[key] = typeof value === 'object' ? structuredClone(value) : value;
}

/** Equality of field values; objects (targets) are compared with their keys in any order. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // Numbers and texts directly (the common case, thousands of times per save); "", null and undefined alike.
  if (typeof a !== 'object' && typeof b !== 'object') return isEmptyValue(a) && isEmptyValue(b);
  return sameJson(a, b);
}

/**
 * Whether two values would be written alike as JSON with their keys sorted (keys holding undefined left out;
 * "", null and undefined written alike), compared without writing them: a save compares every row's target,
 * and writing each as text was a tenth of a 10,000-row import's save.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const aNothing = isEmptyValue(a);
  const bNothing = isEmptyValue(b);
  if (aNothing || bNothing) return aNothing && bNothing;
  if (typeof a !== 'object' || typeof b !== 'object')
    return typeof a !== 'object' && typeof b !== 'object' && JSON.stringify(a) === JSON.stringify(b);
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x).filter((key) => x[key] !== undefined);
  if (keys.length !== Object.keys(y).filter((key) => y[key] !== undefined).length) return false;
  return keys.every((key) => y[key] !== undefined && sameJson(x[key], y[key]));
}

export function fieldLabel(field: string): string {
  const year = yearOf(field);
  if (year !== null) return `${year}年`;
  if (field === ROW_FIELD) return '整行';
  return DEFINITION_LABELS.get(field) ?? field;
}

/** A field's value as the clerk reads it: numbers with their unit, a target in words, "（空）" for nothing. */
export function fieldText(row: Indicator | undefined, field: string): string {
  const value = read(row, field);
  if (value === undefined || value === null || value === '') {
    return field === 'projectionFormula' && row ? '（默认公式）' : '（空）';
  }
  if (!row) return '（空）';
  if (yearOf(field) !== null)
    return typeof value === 'number' ? formatWithUnit(value, row.unit) : String(value);
  if (field === 'target') return describeTarget(row);
  if (field === 'previousTarget') return describeTarget({ target: row.previousTarget!, unit: row.unit });
  if (field === 'previousTargetKept') return '已确定';
  return String(value);
}

/** Every field that differs between two states of one row; a row added or removed is one change of "整行". */
export function diffRows(before: Indicator | undefined, after: Indicator | undefined): FieldChange[] {
  if (!before && !after) return [];
  if (!before || !after) {
    return [
      {
        field: ROW_FIELD,
        label: fieldLabel(ROW_FIELD),
        before: before ? '（原有此行）' : '（无此行）',
        after: after ? '新增此行' : '已删除此行',
      },
    ];
  }
  return fieldsOf(before, after)
    .filter((field) => !same(read(before, field), read(after, field)))
    .map((field) => ({
      field,
      label: fieldLabel(field),
      before: fieldText(before, field),
      after: fieldText(after, field),
    }));
}

/** A field both sides changed from their common start, to different values: the later save wins. */
export interface MergeConflict {
  code: string;
  rowName: string;
  /** The field (`v2022`, `target`, …) where it is one, so the tab whose value was replaced can recognise it. */
  field?: string;
  label: string;
  /** What the other tab had saved. */
  theirs: string;
  /** What this tab saves over it. */
  mine: string;
  /** Said instead of "theirs replaced by mine" when nothing was replaced (e.g. a row given another code). */
  note?: string;
}

/**
 * Three-way merge of one row: `base` is the state this tab last read from storage, `mine` is this tab's row
 * with its edits, `stored` is what storage holds now (perhaps changed by another tab). Fields this tab changed
 * come from `mine`; all other fields from `stored`. So another tab's edits are kept, and where both changed
 * the same field, this tab's value wins and the conflict is returned (the history keeps both values).
 */
export function mergeRow(
  base: Indicator | undefined,
  mine: Indicator,
  stored: Indicator | undefined,
): { row: Indicator; conflicts: MergeConflict[]; fromOthers: boolean } {
  if (!stored || !base) return { row: copyIndicator(mine), conflicts: [], fromOthers: false };
  const row = copyIndicator(stored);
  const conflicts: MergeConflict[] = [];
  /** Whether the merged row has a field another tab changed (so it differs from this tab's row). */
  let fromOthers = false;
  for (const field of fieldsOf(base, mine, stored)) {
    const ours = read(mine, field);
    const theirs = read(stored, field);
    if (same(ours, read(base, field))) {
      if (!same(theirs, ours)) fromOthers = true;
      continue;
    }
    if (!same(theirs, read(base, field)) && !same(theirs, ours)) {
      conflicts.push({
        code: mine.code,
        rowName: mine.name,
        field,
        label: fieldLabel(field),
        theirs: fieldText(stored, field),
        mine: fieldText(mine, field),
      });
    }
    write(row, field, ours);
  }
  return { row, conflicts, fromOthers };
}

export interface WorkbookMerge {
  rows: Indicator[];
  conflicts: MergeConflict[];
  /** Codes of rows that differ from this tab's (another tab changed or added them). */
  fromOthers: Set<string>;
  /** Codes of this tab's rows another tab deleted (and this tab did not change): they are gone. */
  removedElsewhere: string[];
  /**
   * Rows this tab added under a code another tab had just given its own new row (both X01): this tab's row takes a
   * new code (old code → new). The other tab's row keeps its code, which its page knows it by.
   */
  recoded?: Map<string, string>;
}

/**
 * Three-way merge of a whole workbook's rows (after rows were added or removed). Rows keep this tab's order;
 * rows another tab added are appended; a row another tab deleted stays deleted unless this tab changed it.
 * Where both tabs added a row under one new code, the stored row keeps it and this tab's row takes the next free
 * code (after this tab's rows): the other tab keeps writing its row under the code it knows; had its row been
 * moved instead, a figure it typed before hearing of the move went into this tab's row under the old code.
 */
export function mergeWorkbookRows(
  base: ReadonlyMap<string, Indicator>,
  mine: readonly Indicator[],
  stored: readonly Indicator[],
  /** Codes the workbook's history and versions hold: a row given a new code takes none of them. */
  known: ReadonlySet<string> = new Set(),
): WorkbookMerge {
  const storedByCode = new Map(stored.map((row) => [row.code, row]));
  const rows: Indicator[] = [];
  const conflicts: MergeConflict[] = [];
  const fromOthers = new Set<string>();
  const removedElsewhere: string[] = [];
  const collided: Indicator[] = [];
  for (const row of mine) {
    const before = base.get(row.code);
    const now = storedByCode.get(row.code);
    if (before && !now && diffRows(before, row).length === 0) {
      removedElsewhere.push(row.code); // deleted elsewhere, untouched here
      continue;
    }
    if (!before && now) {
      // Added here and, under the same code, by another tab that saved first: its row takes this place. Even when
      // both are alike (two fresh 新增指标 rows): each is a row a clerk asked for, and each tab fills in its own.
      rows.push(structuredClone(now));
      fromOthers.add(row.code);
      collided.push(row);
      continue;
    }
    const merged = mergeRow(before, row, now);
    rows.push(merged.row);
    conflicts.push(...merged.conflicts);
    if (merged.fromOthers) fromOthers.add(row.code);
  }
  const mineCodes = new Set(mine.map((row) => row.code));
  const used = new Set([...mineCodes, ...stored.map((row) => row.code)]);
  const recoded = new Map<string, string>();
  for (const row of collided) {
    const code = nextCustomCode(
      [...used].map((c) => ({ code: c })),
      known,
    );
    used.add(code);
    recoded.set(row.code, code);
    rows.push({ ...copyIndicator(row), code });
    fromOthers.add(code);
    const theirs = storedByCode.get(row.code)!;
    conflicts.push({
      code,
      rowName: row.name,
      label: '代码',
      theirs: row.code,
      mine: code,
      note:
        `另一窗口也新增了代码为 ${row.code} 的一行“${theirs.name}”并先保存；` +
        `本窗口新增的“${row.name}”已改用代码 ${code}，数值都已保留`,
    });
  }
  for (const row of stored) {
    // Added by another tab since this tab read the workbook (a row this tab deleted is in `base`); a row of the
    // same code added here too was taken in above.
    if (base.has(row.code) || mineCodes.has(row.code)) continue;
    rows.push(structuredClone(row));
    fromOthers.add(row.code);
  }
  return { rows, conflicts, fromOthers, removedElsewhere, ...(recoded.size > 0 ? { recoded } : {}) };
}

/** One cell that differs between a saved version and now, for the comparison view. */
export interface CellDifference extends FieldChange {
  code: string;
  rowName: string;
}

/** Which cells differ between two states of a workbook (e.g. a saved version and now), in row order. */
export function compareRows(before: readonly Indicator[], after: readonly Indicator[]): CellDifference[] {
  const afterByCode = new Map(after.map((row) => [row.code, row]));
  const beforeCodes = new Set(before.map((row) => row.code));
  const differences: CellDifference[] = [];
  const add = (b: Indicator | undefined, a: Indicator | undefined) => {
    const row = (a ?? b)!;
    for (const change of diffRows(b, a)) differences.push({ ...change, code: row.code, rowName: row.name });
  };
  for (const row of before) add(row, afterByCode.get(row.code));
  for (const row of after) if (!beforeCodes.has(row.code)) add(undefined, row);
  return differences;
}
