/**
 * Reading CSV files sent back by departments and matching them to the workbook's rows: what changes (old → new),
 * what is new, what is ignored and why, and which cells two files disagree on. Pure: no DOM, no storage, no grid;
 * returns values, never throws. Nothing is applied here and nothing is guessed.
 *
 * Rules where the files leave room:
 * - Line numbers are the row numbers Excel/WPS shows for the file (1-based, empty rows counted; a quoted cell
 *   with a line break stays one row). They equal text line numbers when no cell contains a line break.
 * - The header is the first row, among the first HEADER_SEARCH_ROWS non-empty rows, with a 代码 or 指标名称
 *   (指标 / 名称 / 项目) column and at least one year column ("2023", "2023年", " 2023 年 ", "2023年数值",
 *   "2023年数", "截至2023年底", "2023年（%）": see YEAR_HEADER). Rows above it (titles) are skipped. Unknown columns
 *   are ignored.
 * - Format 'workbook' = the header has a 代码 column: rows are matched by code (trimmed, half-width, any case;
 *   "H2" is read as "H02" only when exactly one row of the workbook fits), a row with an empty code by name.
 *   Format 'wide' = no code column: rows are matched by name (trimmed, half-width, spaces removed).
 *   Code wins over name, except when a row's name is that of another row of the workbook: then the code is
 *   probably wrong and the row is refused with an issue. A 代码 column none of whose codes is the workbook's,
 *   beside the workbook's names (the department's own numbering), is read as format 'wide' and said once in
 *   readingNotes (see foreignCodes).
 * - An empty cell, or a cell meaning missing (—, -, 无 …, see parseEntry), gives no value: it never clears a value
 *   of the workbook. Clearing is done in the grid.
 * - A value is read with parseEntry and the row's unit; what it cannot read is an issue and gives no update.
 *   When the file has a 单位 column and a row's unit there differs from the workbook's, the whole row is refused
 *   (a 3 under "%" is not a 3 under "‰"); "/10万" (as the grid writes it) and "每10万" are the row's "1/10万",
 *   百分比 and 千分率 (and a unit in brackets, "(%)") its % and ‰.
 * - Text cells lose the apostrophe our export puts before =, +, -, @ (and Excel's ="…" text wrapper).
 * - A row whose code is unknown becomes a NewRowProposal when it has a name — unless its name is that of an
 *   existing row (then the code is probably wrong: ignored with the reason).
 * - The same indicator twice in one file: a later identical row is listed as ignored; a later row with other
 *   values is read too, and the cells the two rows disagree on are a conflict the clerk settles (planImport), as
 *   between two files. (A new row's code twice with other values: the later row is an issue and ignored.)
 * - A quote error from PapaParse (unclosed or malformed quotes) makes the whole file unreadable: issues only.
 */
import Papa from 'papaparse';
import {
  formatNumber,
  isPercentUnit,
  NOT_THE_YEARS_FIGURE,
  parseEntry,
  readWordedFigure,
  sameUnitWord,
  toHalfWidth,
} from '../model/entry';
import { implausibleFigure, implausibleTarget, implausibleYearlyStep } from '../model/plausibility';
import { DEPARTMENTS, officeImportNote, readOffice } from '../model/office-name';
import { SAMPLE_LABEL } from '../model/sample-data';
import { baseYearBeforeYears, earliestFigureYear, firstEntryYear } from '../model/workbook';
import { shareCells } from './lazy-cells';
import { lineEnding } from './line-ending';
import {
  AREAS,
  isComparator,
  isDirectionComparator,
  isEmptyValue,
  planArea,
  TARGET_KIND_LABELS,
  TARGET_KINDS,
  type CellValue,
  type Comparator,
  type Indicator,
  type TargetKind,
} from '../model/indicator';
import { parseTargetText } from '../model/target-text';
import { readPlanningSheet, type TargetProposal } from './planning-sheet-import';
import { roundHalfAway } from '../model/rounding';

export interface ImportIssue {
  file: string;
  /** Row number as Excel shows it; null for the file as a whole. */
  line: number | null;
  /** Header text of the column, e.g. "2023年"; null for a whole row or file. */
  column: string | null;
  /** Chinese: what is wrong and what to do. */
  message: string;
}

export interface CellUpdate {
  code: string;
  name: string;
  year: number;
  oldValue: CellValue | undefined;
  newValue: CellValue | undefined;
  file: string;
  line: number;
}

/**
 * A figure that is imported but should be checked with the department (请核实): many times, or a small fraction
 * of, the nearest year's figure of its row (model/plausibility). Not an issue: a real jump happens.
 */
export interface ImportQuestion {
  file: string;
  line: number;
  /** Header text of the column, e.g. "2023年" (or 每年变化). */
  column: string;
  code: string;
  name: string;
  /** The figure's year, and the neighbouring figure it is far from; absent for a new row's 每年变化 (no year's figure). */
  year?: number;
  value: number;
  neighbourYear?: number;
  neighbourValue?: number;
  /** Chinese: what is odd and the likely cause. */
  message: string;
}

/** A row of the workbook's own format whose code is not in the workbook. */
export interface NewRowProposal {
  file: string;
  line: number;
  indicator: Indicator;
}

/**
 * What a department wrote beside its figures — in 备注 (other than the note the template carried) or in a column
 * of its own headed 说明, 情况, 来源 … ("2025年为快报数", "待复核"). Not imported; listed so the clerk reads it.
 */
export interface Remark {
  file: string;
  line: number;
  /** Header of the column it is in. */
  column: string;
  code: string;
  name: string;
  text: string;
}

/**
 * A line of a workbook row whose year cells say there is no figure yet (待统计, 统计中, 暂缺, —) where the workbook
 * holds none either: nothing is written (an import never clears a cell), and the clerk sees what to chase.
 */
export interface NoFigureRow {
  file: string;
  line: number;
  code: string;
  name: string;
  /** The row's 责任单位, whom to ask. */
  department: string;
  /** Each such year and the words its cell held, in year order. */
  cells: { year: number; header: string; text: string }[];
}

/**
 * A line of a department's return that gives figures for a row another department is responsible for (市教育局's
 * file giving H01, 市卫健局's): imported unless the clerk leaves such lines out, and said either way — taken in
 * silently, it replaced the responsible department's own figure with nothing in the preview but a count.
 */
export interface OtherDepartmentRow {
  file: string;
  line: number;
  code: string;
  name: string;
  /** The row's 责任单位. */
  department: string;
  /** The department whose return the file is (ParsedFile.departmentReturn). */
  sender: string;
  /** The cells the line would change, in year order. */
  cells: { year: number; oldValue: CellValue | undefined; newValue: CellValue | undefined }[];
}

export interface IgnoredRow {
  file: string;
  line: number;
  label: string;
  reason: string;
}

/**
 * What matching and the preview need of a workbook row. Only this is sent to the import worker: copying every
 * row's full definition (the plan's sentences) to the worker cost more than parsing the file.
 */
export type ExistingRow = Pick<
  Indicator,
  'code' | 'name' | 'unit' | 'values' | 'baseYear' | 'targetYear' | 'target' | 'note' | 'department'
> &
  // A next plan's: what a 目标测算表 sent back reads 确定沿用 against.
  Partial<Pick<Indicator, 'previousTarget' | 'previousTargetKept'>> & {
    /** The row's 领域: said beside its code when a line's name fits several rows. */
    area?: string;
  };

/** The part of each row the import needs, as a plain copy. */
export function existingRows(rows: readonly Indicator[]): ExistingRow[] {
  return rows.map(
    ({
      code,
      area,
      name,
      unit,
      values,
      baseYear,
      targetYear,
      target,
      note,
      department,
      previousTarget,
      previousTargetKept,
    }) => ({
      code,
      area,
      name,
      unit,
      values,
      baseYear,
      targetYear,
      target,
      note,
      department,
      ...(previousTarget ? { previousTarget } : {}),
      ...(previousTargetKept ? { previousTargetKept } : {}),
    }),
  );
}

export interface ParsedFile {
  file: string;
  encoding: string;
  format: 'workbook' | 'wide';
  updates: CellUpdate[];
  /** How many cells the file gives with the value the workbook already has. */
  unchanged: number;
  /**
   * Those unchanged cells (oldValue equals newValue), so planImport sees when another file disagrees with them.
   * Optional so that a ParsedFile can be built for a file that could not be read at all.
   */
  unchangedCells?: CellUpdate[];
  newRows: NewRowProposal[];
  ignored: IgnoredRow[];
  issues: ImportIssue[];
  /** Figures imported that look like slips (请核实); optional for a file that could not be read at all. */
  questions?: ImportQuestion[];
  /** Rows matched to an existing indicator (a later duplicate row is not counted). */
  matchedRows: number;
  /**
   * A workbook row comes twice in the file with other figures: its cells are in `updates` twice, and planImport
   * makes the ones that differ a conflict.
   */
  repeatedRows?: boolean;
  /** The file says its figures are generated sample data (exported from the sample workbook). */
  sampleData?: boolean;
  /** What the department wrote beside its figures, in file order. Optional like unchangedCells. */
  remarks?: Remark[];
  /**
   * The department wrote something of its own in a 备注 or 说明 column (listed in remarks, or a bare number that is
   * not): only then does the preview say where its notes are. A template's own notes sent back unchanged are not.
   */
  remarkText?: boolean;
  /** Lines that gave no figure for some years, saying why (待统计 …), in file order. Optional like remarks. */
  noFigures?: NoFigureRow[];
  /**
   * When the file is a department's return of its template — more than half of that department's rows of the
   * workbook, and most of the file's rows — the department's rows the file leaves out (a row deleted in Excel).
   */
  departmentReturn?: { department: string; missing: RowRef[] };
  /**
   * The department the file comes from — the one whose return it is, or else the one its name names (公安局2025.csv:
   * a department of one or two rows is no majority beside a row of another's) — and its rows another department
   * answers for. Their lines are found by planImport among the file's cells: the import worker sends the cells
   * packed, and the file is read without making a list of them here.
   */
  otherDepartments?: { sender: string; rows: (RowRef & { department: string })[] };
  /**
   * Codes of the workbook's rows the file has a line for, refused lines too (a wrong unit, a duplicate): such a
   * row was sent, with a message of its own, and is not "missing" from any department's return.
   */
  sentCodes?: string[];
  /** A 目标测算表 sent back: the targets its 新目标 column proposes (planning-sheet-import). */
  targetProposals?: TargetProposal[];
  /**
   * How the file was read where it could have been read otherwise — a 代码 column of the department's own
   * numbering, its lines matched by name (see foreignCodes): not an error, said so the clerk checks the rows.
   */
  readingNotes?: ImportIssue[];
}

export interface RowRef {
  code: string;
  name: string;
}

/** A department's rows that none of its files in one import carries. */
export interface MissingRows {
  department: string;
  files: string[];
  rows: RowRef[];
}

export interface Conflict {
  code: string;
  name: string;
  year: number;
  oldValue: CellValue | undefined;
  candidates: { file: string; line: number; value: CellValue | undefined }[];
}

export interface ImportPlan {
  files: ParsedFile[];
  remarks: Remark[];
  missingRows: MissingRows[];
  /** Each file's otherDepartmentRows, in file order. */
  otherDepartmentRows: OtherDepartmentRow[];
  /**
   * Cells sent as 待统计, —, … that no file of the import gives a figure for, by department (in the order the
   * files name them), then file and line.
   */
  noFigures: NoFigureRow[];
  updates: CellUpdate[];
  conflicts: Conflict[];
  newRows: NewRowProposal[];
  ignored: IgnoredRow[];
  issues: ImportIssue[];
  questions: ImportQuestion[];
  /** New targets proposed in 目标测算表 files, one per row (two files proposing different ones: an issue). */
  targetProposals: TargetProposal[];
  /** Each file's readingNotes, in file order. */
  readingNotes: ImportIssue[];
}

/** What of a figure's words was not imported: 括号中的文字 (2.3（快报）), “约”, “左右” (约1.1, 1.1左右). */
function wordsNotImported(text: string, words: string): string {
  return /[)）]\s*$/.test(text)
    ? '括号中的文字'
    : words
        .split('、')
        .map((word) => `“${word}”`)
        .join('');
}

/** The start of a note under a table, as offices write them: a label with a colon, or a known word. */
const NOTE_LINE = /[:：]|^(?:填报|填表|联系|审核|负责|制表|说明|注|备注|数据来源|单位负责人)/;

/** A column of a department's own whose text is an explanation, not a figure (an unnamed one too). */
const REMARK_HEADER = /^$|备注|说明|注释|附注|原因|情况|来源|口径/;

/**
 * What a department writes for a figure it has but will not stand by yet: no figure to import, and the row is
 * listed with whom to ask (as 待统计 is, model/entry). Only in an import: typed in the grid, 待核实 stays as the
 * clerk's marked reminder on the cell.
 */
const PENDING_WORDS: ReadonlySet<string> = new Set([
  '待核实',
  '核实中',
  '待核查',
  '待审核',
  '审核中',
  '待公布',
  '未公布',
]);

/**
 * Whether a 备注 came back as the template sent it. Saved by Excel as "CSV (逗号分隔)" (GBK), a character the code
 * page lacks comes back as "?" (H21's note has "−", U+2212): that is the same note, not the department's words.
 */
function sameNoteAsSent(text: string, note: string): boolean {
  if (text === note) return true;
  const got = [...text];
  const sent = [...note];
  return (
    got.length === sent.length &&
    got.some((ch) => ch === '?') &&
    got.every((ch, i) => ch === sent[i] || (ch === '?' && sent[i]!.charCodeAt(0) > 0x7f))
  );
}

/** A total line under the figures: no indicator of its own. */
const TOTAL_LABEL = /^(?:合计|小计|总计|全市合计|全市)$/;

const TOTAL_REASON = '是合计、小计行，不是指标，已忽略。';

/**
 * An area heading over its rows, as offices group their tables by the plan's areas: 一、儿童与健康, （三）儿童与福利, or
 * the area in the name column beside 一 in 序号. The ordinal in front goes; the area may lack its 儿童与.
 */
const AREA_HEADINGS: ReadonlySet<string> = new Set(
  AREAS.flatMap((area) => [area, area.replace(/^儿童与/, '')]),
);
const HEADING_ORDINAL = /^(?:[一二三四五六七八九十]+|[（(][一二三四五六七八九十\d]+[）)]|\d+)[、.．,，\s]*/;

const HEADING_REASON = '是分类标题行（领域），不是指标，已忽略。';

function isAreaHeading(label: string): boolean {
  return AREA_HEADINGS.has(normaliseName(label).replace(HEADING_ORDINAL, ''));
}

const NOTE_REASON = '是表格下方的说明文字（填报人、联系电话、数据来源等），不是指标行，已忽略。';

/** How many non-empty rows from the top are searched for the header. */
export const HEADER_SEARCH_ROWS = 10;

type Field =
  | 'code'
  | 'name'
  | 'area'
  | 'clause'
  | 'unit'
  | 'kind'
  | 'comparator'
  | 'wording'
  | 'targetValue'
  | 'yearlyStep'
  | 'source'
  | 'baseYear'
  | 'targetYear'
  | 'department'
  | 'note';

/** Header names per field, best first (normalised: half-width, no spaces, lower case). */
const FIELD_NAMES: Record<Field, readonly string[]> = {
  // (编号 is also a serial number 1, 2, 3 in some tables: see serialNumbers.)
  code: ['代码', '指标代码', '代号', 'code', '指标编码', '编码', '指标编号', '编号'],
  name: ['指标名称', '指标', '名称', '项目名称', '项目', '指标项目', 'name'],
  area: ['领域'],
  clause: ['条款'],
  unit: ['单位', '计量单位'],
  kind: ['目标类型'],
  comparator: ['比较'],
  wording: ['规划表述'],
  targetValue: ['目标值'],
  yearlyStep: ['每年变化'],
  source: ['规划原文'],
  baseYear: ['基期年'],
  targetYear: ['目标年'],
  department: ['责任单位', '牵头单位'],
  note: ['备注'],
};

const FIELD_BY_HEADER = new Map<string, { field: Field; rank: number }>();
for (const [field, names] of Object.entries(FIELD_NAMES) as [Field, readonly string[]][]) {
  names.forEach((name, rank) => FIELD_BY_HEADER.set(name, { field, rank }));
}

/** The field a (normalised) header names; a word in brackets after it (指标名称(单位), 代码(勿改)) aside. */
function fieldOf(key: string): { field: Field; rank: number } | undefined {
  return FIELD_BY_HEADER.get(key) ?? FIELD_BY_HEADER.get(key.replace(/\([^)]*\)$/, ''));
}

/**
 * "2023", "2023年", "2023年度", "2023年数", "2023年数值", "2023年(%)", and the whole year as statistics write it,
 * "2023年1-12月", "2023年全年", "2023年末", "2023年年底", "2023年底数值", "2023年快报数", "2023年实际完成",
 * "2023年完成情况", and an estimate of the year's own figure, "2023年初步", "2023年估计数" (as 约1.1 and 1.1（估计） in
 * a cell are read; a forecast, 2023年预计, is not) (after normalisation; 截至2023年 is taken to 2023年 first: see
 * withoutAsAt). Part of a year (1-6月) is no year column.
 */
const YEAR_HEADER =
  /^((?:19|20)\d{2})(?:年度?|年年(?=[末底]))?(?:1[-—~至]12月|全年)?[末底]?(?:数|数值|数据|值|实际|实际值|实际数|实际完成|实际完成值|实际完成数|完成|完成值|完成数|完成情况|监测值|统计值|快报|快报数|快报值|初步|初步数|初步值|估计|估计数|估计值|估算|估算数|估算值|年报数)?(?:\(([^)]*)\))?$/;

/** "截至2023年", "截止到2023年底", "截至2023年12月31日": the figures at the year's end. */
const AS_AT = /^截[至止]到?(?=(?:19|20)\d{2})/;

/**
 * A (normalised) header with 截至 before its year taken off, and a year end written as a date (12月, 12月31日) with
 * it: 截至2023年12月底 is 2023年底. (Only after 截至: "2023年12月" alone may be December's own figure.)
 */
function withoutAsAt(key: string): string {
  // (Asked of every 年份 cell of a long table: almost none starts with 截.)
  if (!key.startsWith('截') || !AS_AT.test(key)) return key;
  return key.replace(AS_AT, '').replace(/^(\d{4}年)12月(?:31日)?/, '$1');
}

/*
 * Words in a year column's brackets, or after its year, that make it some other figure than the year's own
 * (NOT_THE_YEARS_FIGURE, in src/model/entry, which reads a figure's own words in brackets by the same list): the
 * plan's target, a forecast, the province's, 金华's or the country's figure, an average, a change, part of the
 * year. (Not 省 alone: "2025年（省统计局）" names where the city's own figure comes from.) Such a column beside
 * the year's figures ("2025年（目标）", "2025年预计") was read as the year's figure. A unit or a word about the figure
 * itself ("2025年（‰）", "2025年（快报）", the grid's own "2020年（基期）") keeps it a year column.
 */

/** The year a (normalised) header is the figures of, or null: see YEAR_HEADER and NOT_THE_YEARS_FIGURE. */
function yearOfHeader(key: string): number | null {
  const match = YEAR_HEADER.exec(withoutAsAt(key));
  if (!match) return null;
  const bracket = match[2];
  if (bracket !== undefined && NOT_THE_YEARS_FIGURE.test(bracket)) return null;
  return Number(match[1]);
}

/** A header starting with a year (截至 aside) that is some other figure: the year, and the words that say so. */
interface OtherFigure {
  year: string;
  words: string;
  inBrackets: boolean;
}

/** Why a (normalised) header starting with a year is not a column of that year's figures, if its words say. */
function otherFigure(key: string): OtherFigure | null {
  const text = withoutAsAt(key);
  const year = /^(?:19|20)\d{2}/.exec(text)?.[0];
  if (year === undefined) return null;
  const match = YEAR_HEADER.exec(text);
  if (match) {
    const bracket = match[2];
    return bracket !== undefined && NOT_THE_YEARS_FIGURE.test(bracket)
      ? { year, words: bracket, inBrackets: true }
      : null;
  }
  const rest = text.slice(4).replace(/^年度?/, '');
  return NOT_THE_YEARS_FIGURE.test(rest) ? { year, words: rest, inBrackets: false } : null;
}

/** "（括号中写的是“目标”）" or "（列名中写的是“预计”）": where the words that make a column another figure are. */
function otherFigureWhy(other: OtherFigure): string {
  return `（${other.inBrackets ? '括号中' : '列名中'}写的是“${other.words}”）`;
}

/** A column of this year's figures that does not say which year: 本年实际, 当年数. */
const THIS_YEAR_HEADER =
  /^(?:本年|当年|今年)度?(?:实际|实际值|实际数|完成|完成值|完成数|数|数值|数据|值|监测值|统计值)?(?:\([^)]*\))?$/;

/** The year a title above the header names (兰溪市2024年儿童发展规划监测数据), if any. */
function titleYear(rows: readonly string[][], headerIndex: number): string | undefined {
  return rows
    .slice(0, headerIndex)
    .flat()
    .map((cell) => /((?:19|20)\d{2})\s*年/.exec(toHalfWidth(cell))?.[1])
    .find((year) => year !== undefined);
}

/** 比较 as a department may spell a not-rising direction. */
const HOLD_SPELLINGS: ReadonlySet<string> = new Set(['不升', '不上升']);

const KIND_BY_LABEL = new Map<string, TargetKind>();
for (const kind of TARGET_KINDS) {
  KIND_BY_LABEL.set(TARGET_KIND_LABELS[kind], kind);
  KIND_BY_LABEL.set(kind, kind);
}

interface YearColumn {
  col: number;
  year: number;
  header: string;
}

interface Layout {
  headerIndex: number;
  fields: Partial<Record<Field, number>>;
  headers: string[];
  years: YearColumn[];
  /** The code column when its lines are matched by name (serialNumbers, foreignCodes): see readByName. */
  codeSetAside?: number;
}

/** The lines are matched by name, the code column left aside: still its header's code column (roleAt). */
function readByName(layout: Layout): void {
  layout.codeSetAside = layout.fields.code;
  delete layout.fields.code;
}

/** One cell value a row gives: a number, or the raw text with the reason it could not be read. */
/** A year cell that says there is no figure (待统计, —), as written. */
type Said = { year: number; header: string; text: string };
/** A figure read with words about it (2.3（快报）, 约1.1): the cell as written, and the words (readWordedFigure). */
type Worded = Said & { words: string };

type Given =
  | { year: number; header: string; value: number }
  | { year: number; header: string; raw: string; message: string };

const CHINESE_DIGITS = '〇一二三四五六七八九';

function normaliseHeader(text: string): string {
  const key = toHalfWidth(text)
    .replace(/[\s\uFEFF]+/g, '')
    .toLowerCase();
  // A year as a report title writes it, 二〇二四年 (every year 2000–2099 so written has a 〇 or 零): 2024年.
  if (!key.includes('〇') && !key.includes('零')) return key;
  return key.replace(/^[〇零一二三四五六七八九]{4}(?=年|$)/, (year) =>
    [...year].map((ch) => String(Math.max(0, CHINESE_DIGITS.indexOf(ch)))).join(''),
  );
}

/**
 * A character that a cell must contain for normaliseHeader to make it `key`: a Chinese character of the key
 * (normalising changes no Chinese character but the digits of a year, 〇一二…九). Null when the key has none.
 */
function headerProbe(key: string): string | null {
  for (const ch of key)
    if (/[\u4e00-\u9fff]/.test(ch) && !CHINESE_DIGITS.includes(ch) && ch !== '零') return ch;
  return null;
}

/** A code as the workbook writes it (H02, K000F01): nothing to normalise. */
const PLAIN_CODE = /^[A-Z0-9]*$/;

function normaliseCode(text: string): string {
  // (Every line's code is normalised: the usual one is returned as it is, without building two strings.)
  if (PLAIN_CODE.test(text)) return text;
  return toHalfWidth(text).replace(/\s+/g, '').toUpperCase();
}

/** "H02", "H2", "h002" → "H2"; null when the code is not letters followed by digits. */
function canonicalCode(normalised: string): string | null {
  const match = /^([A-Z]*)0*(\d+)$/.exec(normalised);
  if (!match) return null;
  return `${match[1] ?? ''}${Number(match[2])}`;
}

function normaliseName(text: string): string {
  // An age range as the plan writes it (0—6岁) and as departments type it (0-6, 0～6, 0至6) is one name.
  return toHalfWidth(text)
    .replace(/\s+/g, '')
    .replace(/(\d)(?:[~\-—–－]|至|到)(?=\d)/g, '$1-');
}

const NORMALISED_UNITS = new Map<string, string>();

function normaliseUnit(text: string): string {
  // Every line of a file compares its unit with its row's: the few units there are are worked out once.
  let unit = NORMALISED_UNITS.get(text);
  if (unit === undefined) {
    if (NORMALISED_UNITS.size >= 1000) NORMALISED_UNITS.clear();
    // A rate per so many as the grid and reports write it after a number ("12.5/10万"), or in words (每10万): 1/10万.
    unit = toHalfWidth(text)
      .replace(/\s+/g, '')
      .replace(/^(?:每|\/)(?=\d*[万千百亿]?$)/, '1/')
      // A unit in brackets ((%)), or % and ‰ in words, as a 单位 column writes them (百分比, 千分率(‰)).
      .replace(/^\((.+)\)$/, '$1')
      .replace(/^(?:百分比|百分率|百分数|百分之)(?:\(%\))?$/, '%')
      .replace(/^(?:千分比|千分率|千分数|千分之)(?:\(‰\))?$/, '‰');
    NORMALISED_UNITS.set(text, unit);
  }
  return unit;
}

/** A file's unit is the row's: the same, or the row's without its "per" (小时 on a 小时/天 row). */
function sameUnit(fileUnit: string, rowUnit: string): boolean {
  const given = normaliseUnit(fileUnit);
  const own = normaliseUnit(rowUnit);
  // (Not the 1 of 1/10万: a number is no unit.)
  return sameUnitWord(given, own) || (/^[^\d/]+$/.test(given) && own.startsWith(`${given}/`));
}

/** The text of a cell as typed: without our export's formula escape or Excel's ="…" text wrapper. */
function cleanCell(raw: string | undefined): string {
  if (raw === undefined) return '';
  // Almost every cell is plain: neither escaped (') nor wrapped (="…").
  if (!raw.includes("'") && !raw.includes('="')) return raw.trim();
  let text = raw;
  if (/^'[=+\-@\t\r]/.test(text)) text = text.slice(1);
  const wrapped = /^\s*="(.*)"\s*$/s.exec(text);
  if (wrapped) text = (wrapped[1] ?? '').replace(/""/g, '"');
  return text.trim();
}

/**
 * The key of a (row, year) cell across files: the cells several files give are merged by it, a conflict is found
 * and chosen by it (the choices map of resolveConflicts), and the preview marks a cell in conflict by it.
 */
export function conflictKey(code: string, year: number): string {
  return `${code}|${year}`;
}

/**
 * The key of one line of a file for one row: a department's return carries another department's row on such a
 * line (otherDepartmentRows), and its updates are left out of 应用 (不导入) and marked in the preview by it.
 */
export function lineKey(file: string, line: number, code: string): string {
  return `${file}|${line}|${code}`;
}

/** The key of one year's figure on a file's line (a questioned cell, 请核实): the line's key and the year. */
export function lineYearKey(file: string, line: number, code: string, year: number | undefined): string {
  return `${lineKey(file, line, code)}|${year}`;
}

/** Whether two cell values are the same figure (or the same text). */
export function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9;
  return a === b;
}

function isEmptyRow(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

/** How an ignored row is named in the preview: its code and name, else its first non-empty cell. */
function rowLabel(row: readonly string[], codeText: string, nameText: string): string {
  return (
    [codeText, nameText].filter((t) => t !== '').join(' ') ||
    row.map((c) => cleanCell(c)).find((c) => c !== '') ||
    ''
  );
}

/**
 * A labelled part of a note (联系电话：0579-…, 填报人：王五). Excel spreads a footer's parts over the table's columns,
 * one may fall in a year column: it is no figure.
 */
const NOTE_PART = /^[\u4e00-\u9fff（）()、\s]{1,12}[:：]/;

/** "填报人：张三 联系电话：…" under the table: a note, not an indicator the workbook lacks. */
function isNoteLine(
  row: readonly string[],
  codeText: string,
  nameText: string,
  yearColumns: readonly YearColumn[],
): boolean {
  return (
    NOTE_LINE.test(rowLabel(row, codeText, nameText)) &&
    yearColumns.every((column) => {
      const cell = cleanCell(row[column.col]);
      return cell === '' || NOTE_PART.test(cell);
    })
  );
}

/** A line under a table whose first cell is a note (填表人：…) or a total (合计), whatever the columns. */
function isNoteOrTotal(row: readonly string[]): boolean {
  const first = cleanCell(row.find((cell) => cleanCell(cell) !== ''));
  return NOTE_LINE.test(first) || TOTAL_LABEL.test(normaliseName(first));
}

/** A total line under the figures (合计, 小计): no indicator of its own. */
function isTotalLine(codeText: string, nameText: string): boolean {
  return TOTAL_LABEL.test(normaliseName(codeText) || normaliseName(nameText));
}

/** Comma, or tab for Excel "Unicode 文本" / tab-separated files: whichever the first lines use more. */
function guessDelimiter(text: string): string {
  const head = text
    .slice(0, 64 * 1024)
    .split(/\r\n|\n|\r/, HEADER_SEARCH_ROWS + 5)
    .join('\n');
  let commas = 0;
  let tabs = 0;
  let semicolons = 0;
  for (const ch of head) {
    if (ch === ',') commas += 1;
    else if (ch === '\t') tabs += 1;
    else if (ch === ';') semicolons += 1;
  }
  // Semicolons: Excel in a European locale, or a "CSV" from another system.
  if (semicolons > commas && semicolons > tabs) return ';';
  return tabs > commas ? '\t' : ',';
}

function quoteMessage(code: string, line: number | null): string {
  const where = line === null ? '文件中' : `第 ${line} 行`;
  const tail = '本文件未导入任何数据：请在 Excel/WPS 中打开该文件核对这一行，改正后另存为 CSV 再导入。';
  if (code === 'MissingQuotes') {
    return `${where}有一个引号（"）没有配对，从这里到文件末尾都无法可靠地分列。${tail}`;
  }
  if (code === 'InvalidQuotes') {
    return `${where}的引号位置不对（引号之后紧跟着其他字符），这一行无法可靠地分列。${tail}`;
  }
  return `${where}无法按 CSV 格式读取（${code}）。${tail}`;
}

/**
 * A year merged over columns of its own, named in the row below: "2024年" over "目标值, 完成值" (or 数值, 单位). Read
 * by the year alone, the first of them — the target — went in as the year's figure and the actual one was dropped.
 * Each such column is headed by its year and its own name (2024年完成值 is the year's figure, 2024年目标值 is another
 * figure, said and not read; 单位 stays 单位), and the row below is part of the header. Null when the row below is
 * no such row: a line with a code or a name, a figure, or nothing under the years.
 */
function yearsSplitBelow(
  below: readonly string[],
  fields: Partial<Record<Field, number>>,
  headers: readonly string[],
  years: readonly YearColumn[],
): { headers: string[]; years: YearColumn[] } | null {
  if ([fields.code, fields.name].some((col) => col !== undefined && cleanCell(below[col]) !== ''))
    return null;
  const labels = below.map((cell) => cleanCell(cell));
  const firstYear = Math.min(...years.map((y) => y.col));
  if (!labels.some((label, col) => col >= firstYear && label !== '')) return null;
  // Words only: a line of figures under the header is data.
  if (labels.some((label) => label !== '' && /^[\d.,%‰\s+-]+$/.test(label))) return null;
  const width = Math.max(headers.length, labels.length);
  const combined: string[] = [];
  const split: YearColumn[] = [];
  let yearHeader: string | null = null;
  for (let col = 0; col < width; col += 1) {
    const header = headers[col] ?? '';
    const label = labels[col] ?? '';
    if (header !== '') yearHeader = years.some((y) => y.col === col) ? header : null;
    // (目标值 is a field's name too — the target of a new row — but under a year it is that year's target.)
    const field = fieldOf(normaliseHeader(label))?.field;
    const inYear = yearHeader !== null && label !== '' && field !== 'unit' && field !== 'note';
    const text = inYear ? `${yearHeader}${label}` : header || label;
    combined.push(text);
    const year = inYear
      ? yearOfHeader(normaliseHeader(text))
      : label === ''
        ? years.find((y) => y.col === col)?.year
        : undefined;
    if (year !== undefined && year !== null) split.push({ col, year, header: text });
  }
  return { headers: combined, years: split };
}

/** Whether the first line after `index` that is not empty is a header too: key columns and a year column. */
function headsAnotherHeader(rows: readonly string[][], index: number): boolean {
  let next = index + 1;
  while (next < rows.length && isEmptyRow(rows[next] ?? [])) next += 1;
  const row = rows[next];
  return (
    row !== undefined &&
    namesKeyColumn(row) &&
    row.some((cell) => yearOfHeader(normaliseHeader(cleanCell(cell))) !== null)
  );
}

function findLayout(rows: readonly string[][]): Layout | null {
  let seen = 0;
  for (let index = 0; index < rows.length && seen < HEADER_SEARCH_ROWS; index += 1) {
    const row = rows[index] ?? [];
    if (isEmptyRow(row)) continue;
    seen += 1;
    const fields: Partial<Record<Field, number>> = {};
    const ranks: Partial<Record<Field, number>> = {};
    const years: YearColumn[] = [];
    const headers = row.map((cell) => cleanCell(cell));
    headers.forEach((header, col) => {
      const key = normaliseHeader(header);
      if (!key) return;
      const year = yearOfHeader(key);
      if (year !== null) {
        years.push({ col, year, header });
        return;
      }
      const known = fieldOf(key);
      if (!known) return;
      const current = ranks[known.field];
      if (current === undefined || known.rank < current) {
        fields[known.field] = col;
        ranks[known.field] = known.rank;
      }
    });
    if ((fields.code !== undefined || fields.name !== undefined) && years.length > 0) {
      // A header with another right under it heads no line: the template pasted under the header of the
      // department's own sheet. The table is the lower one's (read by the upper, it was said to be a second table
      // and none of its lines went in).
      if (headsAnotherHeader(rows, index)) continue;
      const split = yearsSplitBelow(rows[index + 1] ?? [], fields, headers, years);
      if (split) return { headerIndex: index + 1, fields, ...split };
      return { headerIndex: index, fields, headers, years };
    }
    // A header over two rows (Excel merged cells): "代码, 指标名称, 各年度数值" above ", , 2021年, 2022年".
    const below = rows[index + 1] ?? [];
    // (Under merged cells the code and name columns are empty; a data row has them, whatever its numbers.)
    const keyCellsEmpty = [fields.code, fields.name].every(
      (col) => col === undefined || !cleanCell(below[col]),
    );
    if ((fields.code !== undefined || fields.name !== undefined) && keyCellsEmpty) {
      const belowYears: YearColumn[] = [];
      below.forEach((cell, col) => {
        const header = cleanCell(cell);
        const year = yearOfHeader(normaliseHeader(header));
        if (year !== null) belowYears.push({ col, year, header });
      });
      if (belowYears.length > 0) {
        const merged = headers.map((header, col) => header || cleanCell(below[col]));
        return { headerIndex: index + 1, fields, headers: merged, years: belowYears };
      }
    }
  }
  return null;
}

/**
 * What a column of a header is read as: 'code', 'name', a year, or '' for anything else (a 单位 or 备注 column added
 * at the end of a second table's header moves no figure).
 */
function roleAt(layout: Layout, col: number): string {
  const { fields } = layout;
  // (A copy of the header further down is the same table, whether or not its codes are read.)
  if (fields.code === col || layout.codeSetAside === col) return 'code';
  if (fields.name === col) return 'name';
  const year = layout.years.find((y) => y.col === col);
  return year ? String(year.year) : '';
}

/**
 * The first column a header further down (a second table pasted below the first) reads otherwise than the file's
 * header does, or -1 when it reads every column alike. A column the lower header leaves empty is no difference
 * (a shorter copy of the same header).
 */
function firstDifferentColumn(layout: Layout, other: Layout): number {
  const width = Math.max(layout.headers.length, other.headers.length);
  for (let col = 0; col < width; col += 1) {
    const role = roleAt(other, col);
    if (role === roleAt(layout, col)) continue;
    if (role !== '' || cleanCell(other.headers[col]) !== '') return col;
  }
  return -1;
}

const KEY_HEADER_WORD = /代|码|指|名|编|项|ｃ|ｎ|code|name/i;

/** Whether a row names a code or a name column: the top of a header (one row, or the upper of two). */
function namesKeyColumn(row: readonly string[]): boolean {
  return row.some((cell) => {
    // (Asked of every line matching no row — a file of another county's may have tens of thousands: a cell
    // without such a word is not normalised.)
    if (cell.length > 40 || !KEY_HEADER_WORD.test(cell)) return false;
    const known = fieldOf(normaliseHeader(cleanCell(cell)));
    return known?.field === 'code' || known?.field === 'name';
  });
}

/**
 * A 编号 (or 编码) column holding only 1, 2, 3 … beside a name column: a serial number, not the plan's codes. Read
 * as codes, every row would be an unknown code; the rows are matched by name instead.
 */
function serialNumbers(layout: Layout, rows: readonly string[][]): boolean {
  const col = layout.fields.code;
  if (col === undefined || layout.fields.name === undefined) return false;
  if (!/编号|编码/.test(normaliseHeader(layout.headers[col] ?? ''))) return false;
  let numbers = 0;
  const header = normaliseHeader(layout.headers[col] ?? '');
  for (let index = layout.headerIndex + 1; index < rows.length; index += 1) {
    const text = normaliseCode(cleanCell(rows[index]?.[col]));
    // (A note under the table, 填报人：… or 合计, or a copy of the header, says nothing about the column.)
    if (text === '' || NOTE_LINE.test(text) || TOTAL_LABEL.test(text) || normaliseHeader(text) === header)
      continue;
    if (!/^\d+$/.test(text)) return false;
    numbers += 1;
  }
  return numbers > 0;
}

/** Rows of a file's name; failing that, of that name once a unit in brackets is dropped (婴儿死亡率（‰）). */
function rowsNamed(text: string, index: WorkbookIndex): ExistingRow[] | undefined {
  const exact = index.byName.get(normaliseName(text));
  return exact && exact.length > 0 ? exact : index.byCore.get(nameCore(text));
}

/** How many lines' names foreignCodes looks up at most (the codes of every line are looked up). */
const FOREIGN_CODE_SAMPLE = 1000;

/**
 * A 代码 column none of whose codes is the workbook's, beside names that are: the department's own numbering
 * (1, 2, 3) or codes of its own. Read as codes, every line was an unknown code and ignored; the lines are matched by
 * name instead. Only when no line's code is one of the workbook's (such a code beside another row's name stays an
 * error), most lines' names are the workbook's (a file of new indicators under codes of their own, with one name
 * an existing row's, still proposes new rows), and either the codes are numbers or two lines or more are matched
 * so (one line "H99, 婴儿死亡率" is a slip in one code: refused as a wrong code). Gives the column's header and the
 * first codes, to say so.
 */
function foreignCodes(
  layout: Layout,
  rows: readonly string[][],
  index: WorkbookIndex,
): { header: string; examples: string[] } | null {
  const col = layout.fields.code;
  const nameCol = layout.fields.name;
  if (col === undefined || nameCol === undefined) return null;
  const header = layout.headers[col] ?? '';
  const headerKey = normaliseHeader(header);
  const examples: string[] = [];
  let named = 0;
  let unnamed = 0;
  let numbers = true;
  for (let i = layout.headerIndex + 1; i < rows.length; i += 1) {
    const codeText = cleanCell(rows[i]?.[col]);
    if (codeText === '') continue;
    const code = normaliseCode(codeText);
    if (index.byCode.has(code)) return null;
    const canonical = canonicalCode(code);
    if (canonical !== null && index.byCanonical.has(canonical)) return null;
    // (A note or a total under the table, or a copy of the header, says nothing about the column.)
    if (NOTE_LINE.test(codeText) || TOTAL_LABEL.test(code) || normaliseHeader(codeText) === headerKey)
      continue;
    const nameText = cleanCell(rows[i]?.[nameCol]);
    if (nameText === '' || named + unnamed >= FOREIGN_CODE_SAMPLE) continue;
    if (rowsNamed(nameText, index)?.length) named += 1;
    else unnamed += 1;
    // (1, 1.1, 01: a numbering; the plan's codes and the office's own all start with letters.)
    if (!/^\d+(?:\.\d+)*$/.test(code)) numbers = false;
    if (examples.length < 4 && !examples.includes(codeText)) examples.push(codeText);
  }
  return named > unnamed && (named >= 2 || numbers) ? { header, examples } : null;
}

/** The one figure column of a long table, and its year column. */
const VALUE_HEADER = /^(?:数值|数据|值|实际值|实际数|完成值|完成数|监测值|统计值|指标值)(?:\([^)]*\))?$/;
const YEAR_FIELD = /^(?:年份|年度|年)$/;

/** A long table read as a wide one: its rows (same lines), each line's figure in the column of its year. */
interface LongTable {
  layout: Layout;
  rows: string[][];
  /** Each line's year (by row index); undefined where the line has none. */
  yearOf: (number | undefined)[];
  problems: { line: number; column: string; message: string }[];
  /** Header text of the 年份 column. */
  yearHeader: string;
}

/**
 * A table with one line per indicator and year (代码/指标名称, 年份, 数值), as a statistics system exports it.
 * Each line keeps its line number: its figure is put in a column of its year added after the file's columns, so
 * the rows are read as any other file's and every message says the line the clerk sees in Excel.
 */
function longTable(rows: readonly string[][]): LongTable | null {
  let seen = 0;
  for (let index = 0; index < rows.length && seen < HEADER_SEARCH_ROWS; index += 1) {
    const row = rows[index] ?? [];
    if (isEmptyRow(row)) continue;
    seen += 1;
    const headers = row.map((cell) => cleanCell(cell));
    const keys = headers.map(normaliseHeader);
    const fields: Partial<Record<Field, number>> = {};
    const ranks: Partial<Record<Field, number>> = {};
    keys.forEach((key, col) => {
      const known = fieldOf(key);
      const current = known ? ranks[known.field] : undefined;
      if (known && (current === undefined || known.rank < current)) {
        fields[known.field] = col;
        ranks[known.field] = known.rank;
      }
    });
    const yearCol = keys.findIndex((key) => YEAR_FIELD.test(key));
    const valueCol = keys.findIndex((key) => VALUE_HEADER.test(key));
    if ((fields.code === undefined && fields.name === undefined) || yearCol < 0 || valueCol < 0) continue;

    const width = rows.reduce((max, r) => Math.max(max, r.length), headers.length);
    const yearOf: (number | undefined)[] = [];
    const problems: LongTable['problems'] = [];
    for (let i = index + 1; i < rows.length; i += 1) {
      const text = cleanCell(rows[i]?.[yearCol]);
      const year = yearOfHeader(normaliseHeader(text));
      if (year !== null) yearOf[i] = year;
      else if (text !== '' || cleanCell(rows[i]?.[valueCol]) !== '') {
        const key = cleanCell(rows[i]?.[fields.code ?? fields.name ?? 0]);
        // A note or a total under the table is said as one by the reading of its rows.
        if (cleanCell(rows[i]?.[valueCol]) === '' || NOTE_LINE.test(key) || TOTAL_LABEL.test(key)) continue;
        const other = otherFigure(normaliseHeader(text));
        problems.push({
          line: i + 1,
          column: headers[yearCol] ?? '',
          message:
            other !== null
              ? `“${text}”不是 ${other.year} 年的实际数值${otherFigureWhy(other)}，本行的数值未导入：` +
                `如确是该年的实际数值，请把年份改为 ${other.year} 后再导入。`
              : `“${text}”不是年份（应为 2023 这样的四位年份），本行的数值未导入：请改正年份后再导入。`,
        });
      }
    }
    const years = [...new Set(yearOf.filter((y): y is number => y !== undefined))].sort((a, b) => a - b);
    const valueHeader = headers[valueCol] ?? '';
    const wide = rows.map((r, i) => {
      const year = yearOf[i];
      if (year === undefined) return r;
      const copy = [...r];
      copy[width + years.indexOf(year)] = r[valueCol] ?? '';
      return copy;
    });
    return {
      layout: {
        headerIndex: index,
        fields,
        headers: [
          ...headers,
          ...Array<string>(width - headers.length).fill(''),
          ...years.map(() => valueHeader),
        ],
        years: years.map((year, k) => ({ col: width + k, year, header: valueHeader })),
      },
      rows: wide,
      yearOf,
      problems,
      yearHeader: headers[yearCol] ?? '',
    };
  }
  return null;
}

/** Why no header was found, as precisely as the first rows allow. */
function missingHeaderMessage(rows: readonly string[][]): string {
  const tail = '请补上表头后再导入。';
  let seen = 0;
  for (let index = 0; index < rows.length && seen < HEADER_SEARCH_ROWS; index += 1) {
    const row = rows[index] ?? [];
    if (isEmptyRow(row)) continue;
    seen += 1;
    const keys = row.map((cell) => normaliseHeader(cleanCell(cell)));
    const named = keys.some((key) => {
      const field = fieldOf(key)?.field;
      return field === 'code' || field === 'name';
    });
    if (!named) continue;
    const line = index + 1;
    if (keys.some((key) => key === '年份' || key === '年度')) {
      return (
        `第 ${line} 行的表头有“年份”列，但找不到数值列（列名应为“数值”“实际值”或“监测值”），本文件未导入任何数据：` +
        '请把数值所在列的列名改为“数值”后再导入。'
      );
    }
    // A column starting with a year whose words make it another figure (2025年预计): said as such, not as no year.
    const otherCol = keys.findIndex((key) => otherFigure(key) !== null);
    const other = otherCol >= 0 ? otherFigure(keys[otherCol] ?? '') : null;
    if (other !== null) {
      return (
        `第 ${line} 行的“${cleanCell(row[otherCol])}”列不是 ${other.year} 年的实际数值${otherFigureWhy(other)}，` +
        `本文件未导入任何数据：如确是该年的实际数值，请把列名改为“${other.year}年”后再导入。`
      );
    }
    // One figure column (实际值, 数值, 本年实际) whose year only the title above says: the clerk is told which year to
    // write.
    const valueCol = keys.findIndex((key) => VALUE_HEADER.test(key) || THIS_YEAR_HEADER.test(key));
    if (valueCol >= 0) {
      const title = titleYear(rows, index);
      return (
        `第 ${line} 行的“${cleanCell(row[valueCol])}”列没有写明是哪一年的数值` +
        `${title ? `（表格标题写的是 ${title} 年）` : ''}，本文件未导入任何数据：` +
        // Without a title no year can be named: one named anyway (2023 was) sent this year's figures into it.
        (title
          ? `请把该列的列名改为“${title}年”后再导入。`
          : '请向报送单位确认这些数值是哪一年的，把该列的列名改为该年份（如“2024年”这样的写法）后再导入。')
      );
    }
    return (
      `第 ${line} 行的表头有“代码”或“指标名称”列，但没有年份列（应为“2023年”这样的列名），本文件未导入任何数据：` +
      '请把各年份数值列的列名改为“2023年”这样的写法后再导入。'
    );
  }
  return (
    `在前 ${HEADER_SEARCH_ROWS} 行中找不到表头，本文件未导入任何数据：表头应有“代码”或“指标名称”列，` +
    `以及至少一个年份列（如“2023年”）。${tail}`
  );
}

/** The most frequent value, or the fallback when there is none. */
function mostCommon(values: readonly number[], fallback: number): number {
  const counts = new Map<number, number>();
  let best = fallback;
  let bestCount = 0;
  for (const value of values) {
    const count = (counts.get(value) ?? 0) + 1;
    counts.set(value, count);
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

function signature(given: readonly Given[]): string {
  return given.map((g) => `${g.year}:${'value' in g ? g.value : `"${g.raw}"`}`).join('|');
}

/**
 * The workbook's rows indexed for matching (by code, by code without leading zeros, by name) and the defaults a
 * new row takes. Made once per import dialog, before any file is chosen: on 10,000 rows it is a noticeable part
 * of reading a file.
 */
export interface WorkbookIndex {
  years: readonly number[];
  byCode: Map<string, ExistingRow[]>;
  byCanonical: Map<string, ExistingRow[]>;
  byName: Map<string, ExistingRow[]>;
  /** Rows by nameCore, for a file's name that is another row's once units in brackets are dropped. */
  byCore: Map<string, ExistingRow[]>;
  rows: readonly ExistingRow[];
  /** Each row's place in `rows` (its first, should one be there twice). */
  places: Map<ExistingRow, number>;
  defaultBaseYear: number;
  defaultTargetYear: number;
  /** A next plan's history years are open from this year on; null in a plan (model/workbook historyYearsFrom). */
  historyFrom: number | null;
}

/** `historyFrom`: the workbook's historyYearsFrom (null or left out: a plan, each row from its own base year). */
export function indexWorkbook(
  existing: readonly ExistingRow[],
  years: readonly number[],
  historyFrom: number | null = null,
): WorkbookIndex {
  const byCode = new Map<string, ExistingRow[]>();
  const byCanonical = new Map<string, ExistingRow[]>();
  const byName = new Map<string, ExistingRow[]>();
  const byCore = new Map<string, ExistingRow[]>();
  const push = (map: Map<string, ExistingRow[]>, key: string, row: ExistingRow) => {
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  };
  const places = new Map<ExistingRow, number>();
  existing.forEach((row, i) => places.has(row) || places.set(row, i));
  for (const row of existing) {
    const code = normaliseCode(row.code);
    push(byCode, code, row);
    const canonical = canonicalCode(code);
    if (canonical !== null) push(byCanonical, canonical, row);
    push(byName, normaliseName(row.name), row);
    push(byCore, nameCore(row.name), row);
  }
  const defaultBaseYear = mostCommon(
    existing.map((row) => row.baseYear),
    years[0] ?? new Date().getFullYear(),
  );
  const defaultTargetYear = mostCommon(
    existing.map((row) => row.targetYear),
    years[years.length - 1] ?? defaultBaseYear,
  );
  return {
    years,
    byCode,
    byCanonical,
    byName,
    byCore,
    rows: existing,
    places,
    defaultBaseYear,
    defaultTargetYear,
    historyFrom,
  };
}

export function parseImportFile(
  text: string,
  file: string,
  existing: readonly ExistingRow[],
  years: readonly number[],
  encoding = '',
  historyFrom: number | null = null,
): ParsedFile {
  return parseIndexed(text, file, indexWorkbook(existing, years, historyFrom), encoding);
}

/**
 * Where the cells of a file's workbook rows go as they are read. Without one they become the ParsedFile's
 * updates and unchangedCells; the import worker writes them straight into the typed arrays it sends the page
 * (import-transfer.ts), and leaves those lists empty: 50,000 objects built only to be packed were a good part of
 * reading a 10,000-row file.
 */
export interface CellSink {
  /** A readable figure of `row` for `year` on `line`; `unchanged` when it is the value the row already holds. */
  add(unchanged: boolean, row: ExistingRow, year: number, line: number, value: number): void;
  /** Forget every cell added (the file is not imported after all). */
  clear(): void;
  /** How many cells the file may give at most (its lines times its year columns), before any is added. */
  expect?(cells: number): void;
}

/**
 * Zero-width characters (U+200B–U+200D, U+2060) come with text pasted into Excel from a web page or a chat, and a
 * BOM inside the text with files joined end to end: unseen, they made “4.5” no number and H02 an unknown code.
 */
const INVISIBLES = /[\u200B-\u200D\u2060\uFEFF]/g;

function withoutInvisibles(text: string): string {
  // (Tested first: nearly every file has none, and the text is not copied then.)
  INVISIBLES.lastIndex = 0;
  return INVISIBLES.test(text) ? text.replace(INVISIBLES, '') : text;
}

/** parseImportFile against a workbook indexed beforehand. */
export function parseIndexed(
  text: string,
  file: string,
  index: WorkbookIndex,
  encoding = '',
  sink?: CellSink,
): ParsedFile {
  const result: ParsedFile = {
    file,
    encoding,
    format: 'wide',
    updates: [],
    unchanged: 0,
    unchangedCells: [],
    newRows: [],
    ignored: [],
    issues: [],
    questions: [],
    matchedRows: 0,
    remarks: [],
    remarkText: false,
    noFigures: [],
  };
  try {
    parseInto(result, withoutInvisibles(text), index, sink);
  } catch (error) {
    // Defensive: a bug must not take the dialog down; nothing of this file is imported.
    sink?.clear();
    result.updates = [];
    result.unchanged = 0;
    result.unchangedCells = [];
    result.newRows = [];
    result.questions = [];
    result.matchedRows = 0;
    result.remarks = [];
    result.remarkText = false;
    result.noFigures = [];
    delete result.readingNotes;
    result.issues.push({
      file,
      line: null,
      column: null,
      message: `读取时出现意外错误（${error instanceof Error ? error.message : String(error)}），本文件未导入任何数据：请把该文件发给维护人员。`,
    });
  }
  return result;
}

function parseInto(result: ParsedFile, fileText: string, index: WorkbookIndex, sink?: CellSink): void {
  const { file } = result;
  // Excel's "sep=," first line names the separator and is not shown as a row: taken off, so that the line numbers
  // said below are the row numbers the clerk sees in Excel.
  const sepLine = /^sep=([,;\t|])[ \t]*(?:\r\n|\n|\r)/i.exec(fileText);
  const text = sepLine ? fileText.slice(sepLine[0].length) : fileText;
  const { years, byCode, byCanonical, defaultBaseYear, defaultTargetYear } = index;
  const workbook = index;
  const issue = (line: number | null, column: string | null, message: string) =>
    result.issues.push({ file, line, column, message });

  // Empty rows are skipped below rather than by PapaParse, so that row indexes stay Excel's row numbers
  // (with skipEmptyLines the data and the error rows no longer line up).
  const delimiter = sepLine?.[1] ?? guessDelimiter(text);
  const parsed = Papa.parse<string[]>(text, {
    delimiter,
    newline: lineEnding(text),
    skipEmptyLines: false,
  });
  let rows = parsed.data;
  let layout = findLayout(rows);
  const long = layout ? null : longTable(rows);
  if (long) {
    rows = long.rows;
    layout = long.layout;
  }
  if (layout && serialNumbers(layout, rows)) readByName(layout);
  const foreign = layout ? foreignCodes(layout, rows, index) : null;
  if (layout && foreign) readByName(layout);
  if (layout) result.format = layout.fields.code !== undefined ? 'workbook' : 'wide';

  const quoteErrors = parsed.errors.filter((e) => e.type === 'Quotes');
  if (quoteErrors.length > 0) {
    const seen = new Set<string>();
    for (const error of quoteErrors) {
      const line = typeof error.row === 'number' ? error.row + 1 : null;
      const key = `${error.code}|${line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      issue(line, null, quoteMessage(error.code, line));
    }
    return;
  }
  for (const error of parsed.errors) {
    const line = typeof error.row === 'number' ? error.row + 1 : null;
    issue(
      line,
      null,
      `无法按 CSV 格式读取（${error.code}：${error.message}），请在 Excel/WPS 中另存为 CSV 后再导入。`,
    );
  }

  // A 目标测算表 a department wrote its proposed targets in: its 新目标 column only.
  const sheet = readPlanningSheet(parsed.data, file, byCode, defaultTargetYear, years, index.historyFrom);
  if (sheet) {
    result.issues.push(...sheet.issues);
    result.questions?.push(...sheet.questions);
    result.targetProposals = sheet.proposals;
    result.matchedRows = sheet.matched;
    result.sampleData = file.includes('示例数据') || text.slice(0, 200).includes(SAMPLE_LABEL);
    return;
  }

  if (!layout) {
    issue(null, null, missingHeaderMessage(rows));
    return;
  }

  const headerLine = layout.headerIndex + 1;
  const fileLayout = layout;
  if (foreign) {
    const { header, examples } = foreign;
    const shown = examples.slice(0, 3).join('、') + (examples.length > 3 ? ' …' : '');
    result.readingNotes = [
      {
        file,
        line: headerLine,
        column: header,
        message:
          `代码列不是本工作簿的指标代码（“${header}”列写的是 ${shown}），已按指标名称对应：` +
          '请在“将修改的单元格”中核对各行对应的指标。',
      },
    ];
  }
  const { fields, headers } = layout;
  for (const problem of long?.problems ?? []) issue(problem.line, problem.column, problem.message);
  // The sample workbook's export: its name says so, and so does every row's 备注.
  const noteCol = fields.note;
  result.sampleData =
    file.includes('示例数据') ||
    // (The label has no quote: a cell can hold it only if the text does, searched at once.)
    (noteCol !== undefined &&
      text.includes(SAMPLE_LABEL) &&
      rows.some((row) => (row[noteCol] ?? '').includes(SAMPLE_LABEL)));

  // Year columns: only the workbook's years, each once.
  const wanted = new Set(years);
  const yearColumns: YearColumn[] = [];
  const yearSeen = new Map<number, YearColumn>();
  for (const column of layout.years) {
    if (!wanted.has(column.year)) {
      // A column added for next year and left empty leaves nothing to correct; figures in it are said, counted.
      const lines: number[] = [];
      rows.forEach((row, index) => {
        if (index <= layout.headerIndex) return;
        const raw = cleanCell(row[column.col]);
        // (A copy of the header further down, as files pasted together leave it, is no figure.)
        if (normaliseHeader(raw) === normaliseHeader(column.header)) return;
        const entry = raw === '' ? null : parseEntry(raw, '');
        if (entry !== null && !(entry.ok && entry.value === null)) lines.push(index + 1);
      });
      const figures = lines.length;
      // A year before the workbook's is the previous plan's (or none's), not a next plan's: said so, since the
      // clerk importing 2019 into the 2026–2030 workbook is already in the next plan's workbook.
      const earlier = column.year < (years[0] ?? column.year);
      const range = earlier
        ? `年份 ${column.year} 早于本工作簿的年份范围（${years[0]}—${years[years.length - 1]}年）`
        : `年份 ${column.year} 不在本工作簿的年份范围内（${years[0]}—${years[years.length - 1]}年）`;
      const where = earlier
        ? '本工作簿不记录这一年的数值，如需要，请在包含这一年的工作簿（如上一期规划的工作簿）中导入'
        : '如是下一期规划的数据，请在下一期规划的工作簿中导入';
      if (figures > 0 && long) {
        // In a long table the year is a line's 年份 cell: said at the lines, in that column.
        const { yearHeader } = long;
        issue(
          lines[0] ?? headerLine,
          yearHeader,
          `${range}，第 ${lines.join('、')} 行的 ${figures} 个数值未导入：${where}；如是填错了年份，请改正后再导入。`,
        );
      } else if (figures > 0) {
        issue(
          headerLine,
          column.header,
          `${range}，该列的 ${figures} 个数值未导入：${where}；如是填错了列，请改正后再导入。`,
        );
      }
      continue;
    }
    const first = yearSeen.get(column.year);
    if (first) {
      issue(
        headerLine,
        column.header,
        `年份 ${column.year} 有两列（“${first.header}”和“${column.header}”），只读取了前一列，已忽略这一列：请删去多余的一列后再导入。`,
      );
      continue;
    }
    yearSeen.set(column.year, column);
    yearColumns.push(column);
  }
  // A row's cells in year order (whatever the file's column order), as the merge of several files orders them.
  yearColumns.sort((a, b) => a.year - b.year);
  sink?.expect?.((rows.length - layout.headerIndex - 1) * yearColumns.length);
  // A column starting with a year that is not a year column (e.g. "2023年目标值"), or one of this year's figures
  // that does not say which year (本年实际), is said, not silently dropped.
  headers.forEach((header, col) => {
    const key = normaliseHeader(header);
    if (THIS_YEAR_HEADER.test(key)) {
      const example = titleYear(rows, layout.headerIndex) ?? String(years[years.length - 1] ?? 2025);
      issue(
        headerLine,
        header,
        `列“${header}”没有写明是哪一年的数值，该列未导入：请把列名改为“${example}年”这样带年份的写法后再导入。`,
      );
      return;
    }
    const yearKey = withoutAsAt(key);
    if (/^(?:19|20)\d{2}/.test(yearKey) && !layout.years.some((y) => y.col === col)) {
      const other = otherFigure(key);
      issue(
        headerLine,
        header,
        other !== null
          ? `列“${header}”不是 ${other.year} 年的实际数值${otherFigureWhy(other)}，该列未导入：` +
              `如确是该年的实际数值，请把列名改为“${other.year}年”后再导入。`
          : `列“${header}”不是年份数值列（应为“2023年”这样的表头），该列未导入。`,
      );
    }
  });

  // Where a department writes what its figures need said: 备注, and columns of its own headed like one.
  const known = new Set<number>([...Object.values(fields), ...layout.years.map((y) => y.col)]);
  const remarkColumns = headers.flatMap((header, col) =>
    col === fields.note || (!known.has(col) && REMARK_HEADER.test(normaliseHeader(header))) ? [col] : [],
  );
  const remarksOf = (row: readonly string[], line: number, target: ExistingRow): void => {
    for (const col of remarkColumns) {
      const text = cleanCell(row[col]);
      // The template's own note came back as it went out; a bare number beside the figures says nothing.
      if (text === '' || (col === fields.note && sameNoteAsSent(text, (target.note ?? '').trim()))) continue;
      result.remarkText = true;
      if (/^[\d.,，%‰\s-]+$/.test(text)) continue;
      result.remarks?.push({
        file,
        line,
        column: headers[col] || `第 ${col + 1} 列`,
        code: target.code,
        name: target.name,
        text,
      });
    }
  };

  const keyColumn = fields.code ?? fields.name ?? 0;
  const keyHeader = normaliseHeader(headers[keyColumn] ?? '');
  /**
   * A copy of the header further down (files pasted together): skipped silently. Its key cell ("代码") is
   * enough — no indicator is coded 代码 — so the top line of a two-row header copy is skipped too.
   */
  const keyProbe = headerProbe(keyHeader);
  const isRepeatedHeader = (row: readonly string[]): boolean => {
    const raw = row[keyColumn];
    // (Checked on every line: a cell without the header's 代 cannot be 代码, whatever normalising does.)
    if (keyProbe !== null && (raw === undefined || !raw.includes(keyProbe))) return false;
    return normaliseHeader(cleanCell(raw)) === keyHeader;
  };
  // The line of the first row of each indicator (a workbook row, or the code of a new row): its values are read
  // again only when the indicator comes again (keeping every row's values, or an object per row, made the garbage
  // collector copy tens of thousands of objects on a large file).
  const firstLines = new Map<ExistingRow | string, number>();
  // The workbook rows the file has a line for are marked by their place in the workbook, in typed arrays: a Set
  // and a Map of 10,000 rows, built anew for each file, took a few ms of reading a 10,000-line file.
  const { places } = index;
  /** The line a workbook row first comes on (0: none yet), by place; a long table's rows use firstLines. */
  const firstLineAt = new Int32Array(index.rows.length);
  const sentAt = new Uint8Array(index.rows.length);
  /** The workbook rows the file has a line for, in the order of their first line. */
  const sentRows: ExistingRow[] = [];
  const cell = (row: readonly string[], field: Field): string => {
    const col = fields[field];
    return col === undefined ? '' : cleanCell(row[col]);
  };
  const columnName = (field: Field): string | null => {
    const col = fields[field];
    return col === undefined ? null : (headers[col] ?? null);
  };

  /** The offices a new row's 责任单位 is read against: the list, and those the workbook names (once per file). */
  let offices: string[] | null = null;
  /**
   * A new row's 责任单位 read as the grid reads a typed one (model/office-name readOffice): the one office holding
   * the text (卫健局 is 市卫健局), else as written; said in 读取说明 unless it is an office written in full.
   */
  const newRowOffice = (line: number, code: string, name: string, written: string): string => {
    offices ??= [...DEPARTMENTS, ...index.rows.map((r) => r.department)];
    const reading = readOffice(written, offices);
    const note = officeImportNote(written, reading);
    if (note !== null)
      (result.readingNotes ??= []).push({
        file,
        line,
        column: columnName('department'),
        message: `新增指标 ${code} ${name}：${note}`,
      });
    return reading.kind === 'office' ? reading.office : written;
  };

  /**
   * Why a line whose name several rows of the workbook have (the same indicator in two areas) is not taken: the
   * rows it could be, with their areas, and what to write in the file so that it goes in — the workbook's code in
   * the code column; where that column holds the department's own numbering (set aside, the lines matched by
   * name), that numbering cleared first, since one code of the workbook makes the column read as codes.
   */
  const sharedNameReason = (row: readonly string[], nameText: string, matches: readonly ExistingRow[]) => {
    const rows = matches.map((r) => `${r.code}（${r.area?.trim() || '未填领域'}）`).join('、');
    const codes = matches.map((r) => r.code);
    const either = `${codes.slice(0, -1).join('、')} 或 ${codes[codes.length - 1] ?? ''}`;
    const aside = fileLayout.codeSetAside;
    const ownNumber = aside === undefined ? '' : cleanCell(row[aside]);
    const codeHeader = aside !== undefined ? headers[aside] : columnName('code');
    const what =
      aside !== undefined && ownNumber
        ? `“${codeHeader}”列写的是本单位的编号（${ownNumber}），请把该列的编号清空，本行填上 ${either} 后再导入。`
        : codeHeader
          ? `请在“${codeHeader}”列填上 ${either} 后再导入。`
          : `请加上“代码”列，本行填上 ${either} 后再导入。`;
    return `名称“${nameText}”在工作簿中对应 ${matches.length} 个指标：${rows}，无法确定是哪一个，本行未导入：${what}`;
  };

  /**
   * The year cells of a row, read with the unit; unreadable ones carry their message. Cells written as "no
   * figure" (待统计, —) go to `said` when it is given.
   */
  const readValues = (
    row: readonly string[],
    unit: string,
    /** The row's name: a gross rate's % passes 100 (model/entry isGrossRate). */
    rowName: string,
    said?: Said[],
    /** Figures with a word about them in brackets (2.3（快报）): read, and the cell kept here to be listed. */
    annotated?: Worded[],
  ): Given[] => {
    const given: Given[] = [];
    for (let k = 0; k < yearColumns.length; k += 1) {
      const column = yearColumns[k]!;
      const cellText = row[column.col];
      // (Most files leave some years empty: nothing to clean.)
      if (cellText === undefined || cellText === '') continue;
      const raw = cleanCell(cellText);
      if (raw === '') continue;
      // Where semicolons separate the cells, a comma is as likely a decimal point (98,5) as a thousands
      // separator (4,125): read either way it could be wrong by a factor of a thousand.
      if (delimiter === ';' && /[,，]/.test(raw)) {
        given.push({
          year: column.year,
          header: column.header,
          raw,
          message: `“${raw}”中的逗号在分号分隔的文件里含义不明（小数点还是千位分隔符）：请改为不带逗号的数字（如 4.125 或 4125）。`,
        });
        continue;
      }
      let entry = parseEntry(raw, unit, rowName);
      // 2.3（快报）, 98.5%（初步）, 约1.1, 1.1左右: the figure, and words about it the clerk reads — not a forecast, a
      // target or another year's (NOT_THE_YEARS_FIGURE), which are no figure of this year.
      const worded = entry.ok || annotated === undefined ? null : readWordedFigure(raw, unit, rowName);
      if (worded) {
        entry = worded.entry;
        if (entry.ok)
          annotated?.push({ year: column.year, header: column.header, text: raw, words: worded.words });
      }
      // (Looked up only for what is no figure: nearly every cell is one.)
      if (!entry.ok && PENDING_WORDS.has(raw))
        said?.push({ year: column.year, header: column.header, text: raw });
      else if (!entry.ok)
        given.push({ year: column.year, header: column.header, raw, message: entry.message });
      else if (entry.value !== null)
        given.push({ year: column.year, header: column.header, value: entry.value });
      else said?.push({ year: column.year, header: column.header, text: raw });
    }
    return given;
  };

  /**
   * First occurrence of a workbook row (or of a new row's code) in this file, or the reason a repeated row is
   * dropped. A workbook row's values are read with its unit, a new row's with the unit its line gives.
   */
  const checkDuplicate = (
    key: ExistingRow | string,
    line: number,
    row: readonly string[],
    unit: string,
    codeText: string,
    nameText: string,
    /** The place of `key`, a workbook row, in the workbook. */
    at?: number,
  ): boolean => {
    // In a long table a row comes once per year: the same row and year twice is the duplicate.
    const year = long?.yearOf[line - 1];
    let firstLine: number;
    if (!long && at !== undefined) {
      firstLine = firstLineAt[at]!;
      if (firstLine === 0) {
        firstLineAt[at] = line;
        return true;
      }
    } else {
      const slot = long ? `${typeof key === 'string' ? `+${key}` : key.code}|${year ?? ''}` : key;
      const first = firstLines.get(slot);
      if (first === undefined) {
        firstLines.set(slot, line);
        return true;
      }
      firstLine = first;
    }
    const firstRow = rows[firstLine - 1] ?? [];
    const firstUnit = typeof key === 'string' ? cell(firstRow, 'unit') : key.unit;
    const firstName = typeof key === 'string' ? cell(firstRow, 'name') : key.name;
    const rowName = typeof key === 'string' ? nameText : key.name;
    if (signature(readValues(firstRow, firstUnit, firstName)) === signature(readValues(row, unit, rowName))) {
      result.ignored.push({
        file,
        line,
        label: typeof key === 'string' ? key : rowLabel(row, codeText, nameText),
        reason: `与第 ${firstLine} 行重复（数值相同），已忽略。`,
      });
    } else if (typeof key !== 'string') {
      // Which of the two figures is right only the clerk can tell: both are read, and planImport makes the cells
      // they disagree on a conflict to settle, as between two files.
      result.repeatedRows = true;
      return true;
    } else {
      issue(
        line,
        null,
        `同一文件中新增指标代码 ${key}${long && year !== undefined ? `的 ${year} 年数值` : ''}出现两次（第 ${firstLine} 行和第 ${line} 行），数值不同：已按第 ${firstLine} 行读取，` +
          `第 ${line} 行被忽略。请删去重复的一行后再导入。`,
      );
    }
    return false;
  };

  /** How many unmatched names have had the closest name suggested (see NAME_SUGGESTIONS). */
  let suggested = 0;

  /** A row that is not read, with the reason (its label: code and name, else its first cell). */
  const ignoreRow = (
    row: readonly string[],
    line: number,
    codeText: string,
    nameText: string,
    reason: string,
  ): void => {
    result.ignored.push({ file, line, label: rowLabel(row, codeText, nameText).slice(0, 40), reason });
  };

  /**
   * A 填表人 line or a 合计 that matched no row is ignored as such (said so), not listed as an unknown indicator —
   * also when it is written in a serial-number column (序号, 编号: not read as codes), where the line has neither
   * code nor name and its first cells say what it is.
   */
  const ignoredAsNoteOrTotal = (
    row: readonly string[],
    line: number,
    codeText: string,
    nameText: string,
  ): boolean => {
    if (isNoteLine(row, codeText, nameText, yearColumns)) {
      ignoreRow(row, line, codeText, nameText, NOTE_REASON);
      return true;
    }
    const label = codeText || nameText ? '' : rowLabel(row, codeText, nameText);
    if (isTotalLine(codeText || label, nameText)) {
      ignoreRow(row, line, codeText, nameText, TOTAL_REASON);
      return true;
    }
    if (
      // (In whichever column the department wrote it: 二、儿童与教育 under 代码 too.)
      isAreaHeading(nameText || codeText || label) &&
      yearColumns.every((column) => cleanCell(row[column.col]) === '')
    ) {
      ignoreRow(row, line, codeText, nameText, HEADING_REASON);
      return true;
    }
    return false;
  };

  let dataRows = 0;
  /** A line's figures by year, for the line being read (one array for all lines: see lineFigures). */
  const scratch: (CellValue | undefined)[] = new Array<CellValue | undefined>(
    years.reduce((max, year) => Math.max(max, year + 1), 0),
  );
  /** The line's cells that say "no figure" (one array for all lines, as `scratch`). */
  const said: Said[] = [];
  /** The line's figures with words in brackets after them (as `said`). */
  const annotations: Worded[] = [];
  /** New rows proposed so far, by name. */
  const newRowNames = new Map<string, { line: number; code: string }>();
  /**
   * A second table pasted below the first, under a header of its own whose columns are in another order: its lines
   * are not read by the file's header (2025 and 2024 swapped put each figure in the other year). Said once, at
   * its header, with how many lines were left; a header like the file's own further down is read again.
   */
  // (Cast: set in closures, which the narrowing of a `let` does not see.)
  let otherTable = null as { line: number; col: number; header: string; lines: number } | null;
  const endOtherTable = (): void => {
    if (!otherTable) return;
    const { line, col, header, lines } = otherTable;
    issue(
      line,
      null,
      `这一行是另一张表的表头，列的排列与第 ${headerLine} 行的表头不同（第 ${col + 1} 列在第 ${headerLine} 行是` +
        `“${headers[col] || '空白'}”，这里是“${header || '空白'}”），这张表的 ${lines} 行未导入：` +
        '请把这张表另存为一个单独的 CSV 文件，与本文件一起导入（可一次选多个文件）。',
    );
    otherTable = null;
  };
  /** Whether the row at `index` is the header of another table (see otherTable); if so, it starts it. */
  const startsOtherTable = (index: number): boolean => {
    const row = rows[index] ?? [];
    if (long || !namesKeyColumn(row)) return false;
    const other = findLayout(rows.slice(index, index + 2));
    if (!other) return false;
    const col = firstDifferentColumn(fileLayout, other);
    if (col < 0) {
      // The file's own header again (after a page break): a two-row one's row of names is part of it, as above.
      skipUntil = index + other.headerIndex;
      return false;
    }
    endOtherTable();
    otherTable = { line: index + 1, col, header: other.headers[col] ?? '', lines: 0 };
    // (The lower row of a two-row header is part of it, not a line of the table.)
    skipUntil = index + other.headerIndex;
    return true;
  };
  let skipUntil = -1;
  for (let index = layout.headerIndex + 1; index < rows.length; index += 1) {
    const row = rows[index] ?? [];
    if (isEmptyRow(row) || index <= skipUntil) continue;
    if (otherTable) {
      if (startsOtherTable(index)) continue;
      // The file's own header again: its lines are read again.
      if (isRepeatedHeader(row)) endOtherTable();
      // (A 合计 or a 填表人 line under it is no line of figures left unread.)
      else if (!isNoteOrTotal(row)) otherTable.lines += 1;
      continue;
    }
    if (isRepeatedHeader(row)) {
      startsOtherTable(index);
      continue;
    }
    dataRows += 1;
    const line = index + 1;
    const codeText = cell(row, 'code');
    const nameText = cell(row, 'name');
    const code = normaliseCode(codeText);

    // Which row of the workbook, if any.
    let target: ExistingRow | undefined;
    if (code) {
      const exact = byCode.get(code);
      const candidates =
        exact ?? (canonicalCode(code) !== null ? byCanonical.get(canonicalCode(code) ?? '') : undefined);
      if (candidates && candidates.length > 1) {
        ignoreRow(
          row,
          line,
          codeText,
          nameText,
          `代码 ${codeText} 可能是 ${candidates.map((r) => r.code).join(' 或 ')}：请写出完整的代码后再导入。`,
        );
        continue;
      }
      target = candidates?.[0];
      if (!target) {
        if (startsOtherTable(index)) continue;
        if (ignoredAsNoteOrTotal(row, line, codeText, nameText)) continue;
        const sameName = nameText ? rowsNamed(nameText, workbook) : undefined;
        if (sameName && sameName.length > 0) {
          ignoreRow(
            row,
            line,
            codeText,
            nameText,
            `代码 ${codeText} 不在本工作簿中，但名称“${nameText}”与 ${sameName.map((r) => r.code).join('、')} 相同：` +
              '请核对代码（或删去代码列，按名称导入）后再导入。',
          );
          continue;
        }
        if (!nameText) {
          ignoreRow(
            row,
            line,
            codeText,
            nameText,
            `代码 ${codeText} 不在本工作簿中，本行也没有指标名称，无法新增：请核对代码。`,
          );
          continue;
        }
        if (long) {
          ignoreRow(
            row,
            line,
            codeText,
            nameText,
            `代码 ${codeText} 不在本工作簿中（一行一个年份的长表不新增指标）：请核对代码；如是新指标，请先在表格中添加该指标再导入。`,
          );
          continue;
        }
        proposeNewRow(row, line, code, nameText);
        continue;
      }
    } else if (nameText) {
      const matches = rowsNamed(nameText, workbook) ?? [];
      if (matches.length > 1) {
        ignoreRow(row, line, codeText, nameText, sharedNameReason(row, nameText, matches));
        continue;
      }
      target = matches[0];
      if (!target) {
        if (startsOtherTable(index)) continue;
        if (ignoredAsNoteOrTotal(row, line, codeText, nameText)) continue;
        // A short name that is part of several rows' names (示范型儿童之家): each is named, none taken.
        const containing = suggested < NAME_SUGGESTIONS ? rowsContaining(nameText, workbook) : [];
        if (containing.length > 1) {
          suggested += 1;
          const shown = containing.slice(0, 5).map((r) => `${r.code} ${r.name}`);
          ignoreRow(
            row,
            line,
            codeText,
            nameText,
            `工作簿中没有名为“${nameText}”的指标，它是 ${containing.length} 个指标名称的一部分：` +
              `${shown.join('、')}${containing.length > 5 ? ' 等' : ''}，无法确定是哪一个，本行未导入：` +
              '请把名称改为其中一个的完整名称后再导入。',
          );
          continue;
        }
        // The closest name is said, never taken: a near name may be another indicator. (Only for the first few: a
        // file of another county's 60,000 rows would take seconds to compare.)
        const near = suggested++ < NAME_SUGGESTIONS ? closestRow(nameText, workbook) : null;
        const hint = near ? `（最接近的是 ${near.code} ${near.name}）` : '';
        ignoreRow(
          row,
          line,
          codeText,
          nameText,
          result.format === 'workbook'
            ? `本行没有代码，工作簿中也没有名为“${nameText}”的指标：请填上代码，或改用工作簿中的名称${hint}后再导入。`
            : foreign
              ? `工作簿中没有名为“${nameText}”的指标：请改用工作簿中的名称${hint}，或在代码列填上本工作簿的指标代码后再导入。`
              : `工作簿中没有名为“${nameText}”的指标：请改用工作簿中的名称${hint}，或加上代码列后再导入。`,
        );
        continue;
      }
    } else {
      if (startsOtherTable(index)) continue;
      if (ignoredAsNoteOrTotal(row, line, codeText, nameText)) continue;
      ignoreRow(row, line, codeText, nameText, '本行没有代码也没有指标名称，无法确定是哪个指标。');
      continue;
    }

    const at = places.get(target);
    if (at !== undefined && sentAt[at] === 0) {
      sentAt[at] = 1;
      sentRows.push(target);
    }
    // Code wins over a name written a little differently (a unit added, a word shortened), but not over the
    // name of another indicator: then the code is probably wrong, and the figures would go into the wrong row.
    const other =
      code && nameText && nameText !== target.name ? otherIndicatorsNamed(nameText, target, workbook) : [];
    if (other.length > 0) {
      issue(
        line,
        columnName('code'),
        `代码 ${target.code} 在工作簿中是“${target.name}”，本行的名称却是“${nameText}”` +
          (other.length > 0 ? `（工作簿中的 ${other.map((r) => r.code).join('、')}）` : '') +
          '，不像同一个指标，本行未导入：请核对代码和名称（名称与工作簿一致）后再导入。',
      );
      continue;
    }

    // The file's unit, when it has one, must be the row's unit — also said without its "per" (小时 for 小时/天, 元 for
    // 元/月), as a figure typed in the grid may be (model/entry).
    const fileUnit = cell(row, 'unit');
    if (fileUnit && !sameUnit(fileUnit, target.unit)) {
      issue(
        line,
        columnName('unit'),
        `${target.code} ${target.name}：文件中的单位是“${fileUnit}”，工作簿中是“${target.unit}”，本行未导入：` +
          `请换算为“${target.unit}”并改正单位后再导入。`,
      );
      continue;
    }

    if (!checkDuplicate(target, line, row, target.unit, codeText, nameText, at)) continue;
    said.length = 0;
    annotations.length = 0;
    const given = readValues(row, target.unit, target.name, said, annotations);
    result.matchedRows += 1;
    remarksOf(row, line, target);
    for (const { header, text, words } of annotations)
      result.remarks?.push({
        file,
        line,
        column: header,
        code: target.code,
        name: target.name,
        // (The list is of what is not imported: the figure itself was.)
        text: `${text}（数值已导入，${wordsNotImported(text, words)}未导入）`,
      });
    // The figures a new one is checked against (请核实): the workbook's, as the office has them; a row without any
    // other than the one being replaced (a department's first return) is checked against the line's other figures.
    let lineSeries: Readonly<Record<number, CellValue | undefined>> | null = null;
    let figures: { count: number; year: number } | null = null;
    const firstYear = firstEntryYear(
      target.baseYear,
      workbook.historyFrom,
      workbook.historyFrom === null ? Infinity : earliestFigureYear(target.values),
    );
    const rowHasValues = hasKeys(target.values);
    for (let k = 0; k < given.length; k += 1) {
      const g = given[k]!;
      if (!('value' in g)) {
        // The workbook's own text, sent back as it was (a template carries the cells still to be corrected): no
        // change, and not the department's mistake. The grid already marks the cell.
        if (target.values[g.year] === g.raw) {
          result.unchanged += 1;
          continue;
        }
        issue(line, g.header, `${target.code} ${target.name}：${g.message}该单元格未导入。`);
        continue;
      }
      // A year before the row's base year takes no value (the grid greys it out and refuses typing), unless the
      // cell already holds one, or the year is a next plan's history (the previous period's years stay open).
      // (A row without figures yet has none to look up: in the worker, looking up years missing from rows sent
      // from the page was slow.)
      const held = rowHasValues ? target.values[g.year] : undefined;
      if (g.year < firstYear && isEmptyValue(held)) {
        issue(
          line,
          g.header,
          firstYear < target.baseYear
            ? // A next plan: the years before its history are not the row's base year's business.
              `${target.code} ${target.name}：${g.year}年早于本工作簿可填写的最早年份（${firstYear}年），不需填写，该单元格未导入。`
            : `${target.code} ${target.name}：${g.year}年早于本指标的基期（${firstYear}年），不需填写，该单元格未导入。` +
                '如确需这一年的数据，可先在表格中把本指标的基期年改早再导入（注意：基期改变后，达标进度从新的基期算起）。',
        );
        continue;
      }
      // (A value the workbook already holds is unchanged, whatever it looks like: the clerk may have typed it.)
      const unchanged = sameValue(held, g.value);
      const ratio = unchanged ? null : looksLikeRatio(g.value, target, given);
      if (ratio !== null) {
        issue(line, g.header, `${target.code} ${target.name}：${ratio}该单元格未导入。`);
        continue;
      }
      if (sink) sink.add(unchanged, target, g.year, line, g.value);
      else {
        const update: CellUpdate = {
          code: target.code,
          name: target.name,
          year: g.year,
          oldValue: held,
          newValue: g.value,
          file,
          line,
        };
        if (unchanged) result.unchangedCells?.push(update);
        else result.updates.push(update);
      }
      if (unchanged) result.unchanged += 1;
      else {
        // (Only for a row with a changed figure: a file of unchanged figures does not look at the others.)
        figures ??= figuresAbove0(target.values, years);
        const series = hasFigure(figures, g.year)
          ? target.values
          : (lineSeries ??= lineFigures(given, years, scratch));
        const odd = implausibleFigure(
          target.unit,
          series,
          g.year,
          g.value,
          years,
          target.target,
          target.targetYear,
          target.name,
        );
        if (odd)
          result.questions?.push({
            file,
            line,
            column: g.header,
            code: target.code,
            name: target.name,
            year: g.year,
            value: g.value,
            neighbourYear: odd.neighbourYear,
            neighbourValue: odd.neighbourValue,
            message: `${target.code} ${target.name}：${odd.message}`,
          });
      }
    }
    // A year the department says it has no figure for, where the workbook has none: the cell stays empty, and the
    // clerk is told whom to ask. (Years before the row's first are not asked for; a figure held stays.)
    const unanswered =
      said.length === 0
        ? said
        : said.filter((s) => s.year >= firstYear && isEmptyValue(target.values[s.year]));
    if (unanswered.length > 0)
      result.noFigures?.push({
        file,
        line,
        code: target.code,
        name: target.name,
        department: target.department,
        cells: unanswered,
      });
  }
  result.departmentReturn = departmentReturn(
    sentRows,
    (row) => sentAt[places.get(row) ?? -1] === 1,
    index.rows,
  );
  result.sentCodes = sentRows.map((row) => row.code);
  const sender = result.departmentReturn?.department ?? departmentNamedBy(file, sentRows);
  if (sender) {
    // A row without a 责任单位 is nobody else's: a department may well send it.
    const others = sentRows.filter((row) => row.department && row.department !== sender);
    if (others.length > 0)
      result.otherDepartments = {
        sender,
        rows: others.map(({ code, name, department }) => ({ code, name, department })),
      };
  }
  endOtherTable();
  if (dataRows === 0) {
    issue(
      null,
      null,
      '文件只有表头，没有数据行，未导入任何数据：请确认选对了文件，或让报送单位填好数值后再发回。',
    );
  }

  function proposeNewRow(row: readonly string[], line: number, code: string, name: string): void {
    const unit = cell(row, 'unit');
    if (!checkDuplicate(code, line, row, unit, code, name)) return;
    // Two new rows under different codes with one name: probably one indicator typed twice.
    const sameName = newRowNames.get(normaliseName(name));
    if (sameName) {
      issue(
        line,
        columnName('name'),
        `新增指标 ${code}“${name}”与第 ${sameName.line} 行的新增指标 ${sameName.code} 名称相同，本行未导入：` +
          '如是同一指标，请删去重复的一行；如是不同指标，请改用不同的名称后再导入。',
      );
      return;
    }
    newRowNames.set(normaliseName(name), { line, code });
    const given = readValues(row, unit, name);
    const yearOf = (field: Field, fallback: number): number => {
      const text = toHalfWidth(cell(row, field)).replace(/\s+/g, '').replace(/年$/, '');
      const year = Number(text);
      return text !== '' && Number.isInteger(year) && year >= 1900 && year <= 2100 ? year : fallback;
    };

    // A base year before the workbook's first year column has no column for its figure: the grid refuses it
    // (baseYearBeforeYears), so the row comes in from the earliest year the workbook has, and the clerk is told.
    const askedBaseYear = yearOf('baseYear', defaultBaseYear);
    const firstColumn = years[0];
    const beforeYears = firstColumn === undefined ? null : baseYearBeforeYears(askedBaseYear, firstColumn);
    const baseYear = beforeYears === null || firstColumn === undefined ? askedBaseYear : firstColumn;
    if (beforeYears !== null)
      issue(
        line,
        columnName('baseYear'),
        `新增指标 ${code} ${name}：基期年${askedBaseYear}年未采用，已按${baseYear}年导入：${beforeYears}`,
      );
    // As for a row the workbook has: a year before the new row's base year takes no figure (a next plan's history
    // years excepted), or the row would hold a figure its grid greys out and its period does not count.
    const firstYear = firstEntryYear(baseYear, workbook.historyFrom);
    const values: Record<number, CellValue> = {};
    for (const g of given) {
      if (!('value' in g)) issue(line, g.header, `新增指标 ${code} ${name}：${g.message}该单元格未导入。`);
      else if (g.year >= firstYear) values[g.year] = g.value;
      else
        issue(
          line,
          g.header,
          `新增指标 ${code} ${name}：${g.year}年早于本指标的基期（${firstYear}年），不需填写，该单元格未导入。` +
            '如确需这一年的数据，请把文件中本指标的基期年改早后再导入。',
        );
    }
    // A new row's figures have only each other to be checked against.
    for (const g of given) {
      if (!('value' in g) || !(g.year in values)) continue;
      const odd = implausibleFigure(unit, values, g.year, g.value, years, undefined, 0, name);
      if (odd)
        result.questions?.push({
          file,
          line,
          column: g.header,
          code,
          name,
          year: g.year,
          value: g.value,
          neighbourYear: odd.neighbourYear,
          neighbourValue: odd.neighbourValue,
          message: `新增指标 ${code} ${name}：${odd.message}`,
        });
    }

    const kindText = cell(row, 'kind');
    let kind: TargetKind = 'lower';
    if (kindText) {
      const known = KIND_BY_LABEL.get(kindText);
      if (known) kind = known;
      else {
        issue(
          line,
          columnName('kind'),
          `新增指标 ${code}：目标类型“${kindText}”无法识别，已按“${TARGET_KIND_LABELS.lower}”处理：` +
            `可填 ${TARGET_KINDS.map((k) => TARGET_KIND_LABELS[k]).join('、')}，导入后请在表格中核对。`,
        );
      }
    }
    // (Full-width ＝, as the export writes it so Excel shows no apostrophe, reads as =.)
    const comparatorText = toHalfWidth(cell(row, 'comparator')).replace(/\s+/g, '');
    const step = yearlyStepOf(cell(row, 'yearlyStep')).yearlyStep;
    let comparator = (
      HOLD_SPELLINGS.has(comparatorText)
        ? '不升'
        : isComparator(comparatorText)
          ? comparatorText
          : defaultComparator(kind, step, cell(row, 'wording'), unit)
    ) as Comparator;
    // A direction in 比较 with no 目标类型 says the kind: as 下限 the row had no figure to be judged by.
    if (!kindText && isDirectionComparator(comparator)) kind = 'direction';
    // A yearly-change target is judged against each year's value (≤ or ≥): an arrow there would never be met.
    if (kind === 'yearly-change' && isDirectionComparator(comparator))
      comparator = defaultComparator(kind, step);

    let targetValue: number | null = null;
    const targetText = cell(row, 'targetValue');
    if (targetText) {
      const entry = parseEntry(targetText, unit, name);
      if (entry.ok) targetValue = entry.value;
      else
        issue(
          line,
          columnName('targetValue'),
          `新增指标 ${code}：目标值${entry.message}已留空，导入后请在表格中填写。`,
        );
    }

    // A new row's 目标值 and 每年变化 questioned as typed ones are (请核实), beside the row's own figures: 0.65 on a %
    // row whose figures are 60—70 is a share written as a ratio; 每年降低30个百分点 over 2018—2025 on a % row.
    const question = (key: 'targetValue' | 'yearlyStep', header: string, value: number, message: string) =>
      result.questions?.push({
        file,
        line,
        column: columnName(key) ?? header,
        code,
        name,
        value,
        message: `新增指标 ${code} ${name}：${message}`,
      });
    if (targetValue !== null && kind !== 'direction') {
      const odd = implausibleTarget(unit, targetValue, { values, years }, name);
      if (odd) question('targetValue', '目标值', targetValue, odd.message);
    }
    const targetYear = yearOf('targetYear', defaultTargetYear);
    if (step !== undefined) {
      const odd = implausibleYearlyStep(unit, step, { baseYear, targetYear, values, years, rowName: name });
      if (odd) question('yearlyStep', '每年变化', step, odd);
    }

    // An area not in the list: the row comes in (its figures are what the department sent) with the area left empty,
    // said here; kept as written, the grid showed the row red and counted it as needing correction, unsaid before.
    const areaText = cell(row, 'area');
    const area = areaText ? (planArea(areaText) ?? '') : '';
    if (areaText && !area)
      issue(
        line,
        columnName('area'),
        `新增指标 ${code} ${name}：领域“${areaText}”不在领域列表中，已留空：可填 ${AREAS.join('、')}，` +
          '导入后请在表格中选择。',
      );

    const department = newRowOffice(line, code, name, cell(row, 'department'));
    const note = cell(row, 'note');
    const indicator: Indicator = {
      code,
      area,
      clause: cell(row, 'clause'),
      name,
      unit,
      target: {
        kind,
        comparator,
        wording: cell(row, 'wording'),
        value: kind === 'direction' ? null : targetValue,
        ...yearlyStepOf(cell(row, 'yearlyStep')),
      },
      baseYear,
      targetYear,
      department,
      source: cell(row, 'source'),
      values,
      note: note || '由 CSV 导入的新增指标，规划原文中没有',
    };
    result.newRows.push({ file, line, indicator });
  }
}

/** How many of the years a row holds a figure above 0 for (one that tells the scale of its figures), and one of them. */
function figuresAbove0(
  values: Readonly<Record<number, CellValue | undefined>>,
  years: readonly number[],
): { count: number; year: number } {
  let count = 0;
  let found = 0;
  // A row without any figure yet (a department's first return): no year to look up. (Looking up 8 years missing
  // from each of 10,000 rows sent to the worker took ~20 ms there; seeing that a row has no key, ~1 ms.)
  if (!hasKeys(values)) return { count, year: found };
  for (const year of years) {
    const value = values[year];
    if (typeof value === 'number' && value > 0) {
      count += 1;
      found = year;
    }
  }
  return { count, year: found };
}

/** Whether an object has any enumerable property, found without listing them. */
function hasKeys(values: object): boolean {
  for (const key in values) if (key !== undefined) return true;
  return false;
}

/**
 * Whether a row holds a figure above 0 in one of the years other than `except`, the year whose figure is being
 * replaced (it says nothing of the scale of its replacement).
 */
function hasFigure(figures: { count: number; year: number }, except: number): boolean {
  return figures.count > 1 || (figures.count === 1 && figures.year !== except);
}

/**
 * A line's readable figures by year, written into `into` (indexed by year, emptied first): an object per line
 * with years as keys was a slow dictionary, built for every line of a department's first return.
 */
function lineFigures(
  given: readonly Given[],
  years: readonly number[],
  into: (CellValue | undefined)[],
): Readonly<Record<number, CellValue | undefined>> {
  for (const year of years) into[year] = undefined;
  for (const g of given) if ('value' in g) into[g.year] = g.value;
  return into;
}

/**
 * "0.92" on a % row whose other figures are around 90: the share written as a ratio (Excel's 92% shown as 0.92
 * when the cell is not formatted as a percentage). Imported as 0.92 % it would read as a collapse; said instead,
 * with what to do either way. Only when the row's other values (in the workbook or in this line) are ≥ 10, or
 * when none is above 1 and the target is ≥ 10: a department's first return comes when the row has no figures yet,
 * and may give every year as a ratio.
 */
function looksLikeRatio(value: number, target: ExistingRow, given: readonly Given[]): string | null {
  // (The figure first: nearly every figure is above 1, and the unit is a string to trim and look up.)
  if (value <= 0 || value > 1 || !isPercentUnit(target.unit)) return null;
  let typical = 0;
  for (const other of Object.values(target.values))
    if (typeof other === 'number') typical = Math.max(typical, other);
  for (const g of given) if ('value' in g) typical = Math.max(typical, g.value);
  const goal = target.target?.value;
  let basis: string;
  if (typical >= 10) basis = `同一指标的其他数值最高为 ${formatNumber(typical)}%`;
  // No figure above 1 % to go by (all of them ratios, or none yet): the target tells the scale.
  else if (typical <= 1 && typeof goal === 'number' && goal >= 10) basis = `目标为 ${formatNumber(goal)}%`;
  // 近视率: "每年降低1个百分点" from a level of under 1 % could not go on for two years.
  else if (typical <= 1 && Math.abs(target.target?.yearlyStep ?? 0) >= 0.5) {
    const step = target.target?.yearlyStep ?? 0;
    basis = `目标为每年${step < 0 ? '降低' : '提高'} ${formatNumber(Math.abs(step))}个百分点`;
  } else return null;
  const percent = formatNumber(roundHalfAway(value * 100, 2));
  return (
    `“${formatNumber(value)}”看起来是比例而不是百分数（本行单位为 %，${basis}）：` +
    `如是 ${percent}%，请在文件中改为 ${percent} 后再导入；如确为 ${formatNumber(value)}%，请在表格中直接填写。`
  );
}

/**
 * A name without spaces, a unit in brackets or punctuation, for telling whether two names mean one indicator.
 * Only brackets holding a unit go ("婴儿死亡率（‰）"): "儿童超重（肥胖）率" keeps its words.
 */
function nameCore(text: string): string {
  return (
    normaliseName(text)
      // A footnote mark after the name (婴儿死亡率*, 新生儿死亡率①, ※): the table's note under it says what it means.
      .replace(/(?:[*※†‡]+|[\u2460-\u2473]|[\u00b9\u00b2\u00b3\u2070-\u2079]+)$/, '')
      .replace(
        /[（(](?:%|％|‰|‱|[\d/]*万|人|人次|个|家|名|所|项|次|起|例|小时|元|万元|元\/月|小时\/天)[）)]/g,
        '',
      )
      .replace(/[，,、。.：:；;“”"'‘’]/g, '')
  );
}

/** How closely two cores match: 1 when one contains the other, else the share of character pairs (Dice). */
function nameScore(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  if (a === b || a.includes(b) || b.includes(a)) return 1;
  const pairs = (text: string) => {
    const counts = new Map<string, number>();
    for (let i = 0; i + 1 < text.length; i += 1) {
      const pair = text.slice(i, i + 2);
      counts.set(pair, (counts.get(pair) ?? 0) + 1);
    }
    return counts;
  };
  const pa = pairs(a);
  const pb = pairs(b);
  let shared = 0;
  for (const [pair, count] of pa) shared += Math.min(count, pb.get(pair) ?? 0);
  const total = a.length - 1 + (b.length - 1);
  return total <= 0 ? 0 : (2 * shared) / total;
}

/** Beyond this many rows the search for a better-fitting name looks only for the same name (exact core). */
const NAME_SEARCH_ROWS = 3000;

/**
 * Rows other than the code's own that the file's name fits better: the same name (units in brackets aside), or
 * — when the name is not recognisably the code's row's — another row it does agree with, more closely. A code
 * then probably points at the wrong row ("H12, 12岁儿童龋患率" while H12 is 0-6岁儿童健康管理率), and the figures
 * would go into it. A name shortened or reworded with no other row fitting better leaves the code in charge.
 */
function otherIndicatorsNamed(fileName: string, target: ExistingRow, index: WorkbookIndex): ExistingRow[] {
  const core = nameCore(fileName);
  const ownCore = nameCore(target.name);
  if (core === ownCore) return [];
  const same = (index.byCore.get(core) ?? []).filter((r) => r !== target);
  if (same.length > 0 || namesAgree(fileName, target.name) || index.rows.length > NAME_SEARCH_ROWS)
    return same;
  let best: ExistingRow[] = [];
  let bestScore = Math.max(nameScore(core, ownCore), 0.5);
  for (const row of index.rows) {
    if (row === target) continue;
    const score = nameScore(core, nameCore(row.name));
    if (score > bestScore) {
      best = [row];
      bestScore = score;
    } else if (score === bestScore && best.length > 0) best.push(row);
  }
  return best;
}

/** How many unmatched names of a file get the closest name of the workbook suggested. */
const NAME_SUGGESTIONS = 50;

/**
 * The rows whose names hold the whole of a file's shorter name (示范型儿童之家 in 示范型儿童之家占儿童之家总数比例 and
 * 乡镇（街道）示范型儿童之家数量): when there are several, the line could be any of them. Not searched on a workbook of
 * more than NAME_SEARCH_ROWS rows, nor for a name of one character.
 */
function rowsContaining(fileName: string, index: WorkbookIndex): ExistingRow[] {
  if (index.rows.length > NAME_SEARCH_ROWS) return [];
  const core = nameCore(fileName);
  if (core.length < 2) return [];
  return index.rows.filter((row) => nameCore(row.name).includes(core));
}

/** The workbook's row whose name shares most of its character pairs with a name that matched none (Dice ≥ 0.5). */
function closestRow(fileName: string, index: WorkbookIndex): ExistingRow | null {
  if (index.rows.length > NAME_SEARCH_ROWS) return null;
  const core = nameCore(fileName);
  let best: ExistingRow | null = null;
  let bestScore = 0.5;
  for (const row of index.rows) {
    const score = nameScore(core, nameCore(row.name));
    if (score >= bestScore && (best === null || score > bestScore)) {
      best = row;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Whether a file's name for a row is recognisably the workbook's name: the same once units in brackets and
 * punctuation are dropped, one containing the other, or sharing most of their character pairs (Dice ≥ 0.5:
 * "新生儿访视覆盖率" agrees with "新生儿访视率", "12岁儿童龋患率" does not with "0-6岁儿童健康管理率").
 */
export function namesAgree(fileName: string, rowName: string): boolean {
  const a = nameCore(fileName);
  const b = nameCore(rowName);
  return a === '' || b === '' || nameScore(a, b) >= 0.5;
}

function yearlyStepOf(text: string): { yearlyStep?: number } {
  const entry = text ? parseEntry(text, '') : null;
  return entry && entry.ok && entry.value !== null ? { yearlyStep: entry.value } : {};
}

function defaultComparator(kind: TargetKind, yearlyStep?: number, wording = '', unit = ''): Comparator {
  switch (kind) {
    case 'upper':
      return '<';
    case 'around':
      return '≈';
    case 'full':
      return '=';
    case 'yearly-change':
      return (yearlyStep ?? -1) > 0 ? '≥' : '≤';
    case 'direction': {
      // Without a 比较, the plan's words say the direction ("上升趋势得到有效控制" is 不升, "减少" ↓).
      const read = wording ? parseTargetText(wording, unit) : null;
      return read?.ok && read.target.kind === 'direction' ? read.target.comparator : '↑';
    }
    case 'lower':
    case 'count':
      return '≥';
  }
}

/** The cells several files give, by (code, year): the same value from all is one update, different values a conflict. */
function mergeCells(files: readonly ParsedFile[]): { updates: CellUpdate[]; conflicts: Conflict[] } {
  const given = new Map<string, CellUpdate[]>();
  for (const parsed of files) {
    const cells = [...parsed.updates, ...(parsed.unchangedCells ?? [])].sort(
      (a, b) => a.line - b.line || a.year - b.year,
    );
    for (const cellUpdate of cells) {
      const key = conflictKey(cellUpdate.code, cellUpdate.year);
      const list = given.get(key);
      if (list) list.push(cellUpdate);
      else given.set(key, [cellUpdate]);
    }
  }

  const updates: CellUpdate[] = [];
  const conflicts: Conflict[] = [];
  for (const list of given.values()) {
    const first = list[0];
    if (!first) continue;
    if (list.every((u) => sameValue(u.newValue, first.newValue))) {
      if (!sameValue(first.newValue, first.oldValue)) updates.push(first);
      continue;
    }
    conflicts.push({
      code: first.code,
      name: first.name,
      year: first.year,
      oldValue: first.oldValue,
      candidates: list.map((u) => ({ file: u.file, line: u.line, value: u.newValue })),
    });
  }
  return { updates, conflicts };
}

/**
 * Merge several files: a (code, year) that two files give different values is a Conflict (and not an update),
 * including when one of them gives the value the workbook already has; the same value twice is one update
 * (from the first file). A new row proposed by two files with different content is dropped with an issue.
 */
export function planImport(files: ParsedFile[]): ImportPlan {
  // One file disagrees with itself only when it gives a row twice with other figures (repeatedRows), so
  // otherwise its updates are the plan's: no conflicts to look for among its tens of thousands of cells.
  const single = files.length === 1 && !files[0]?.repeatedRows ? files[0] : undefined;
  const { updates, conflicts } = single ? { updates: [], conflicts: [] } : mergeCells(files);
  const issues = files.flatMap((f) => f.issues);
  const proposals = new Map<string, NewRowProposal[]>();
  for (const proposal of files.flatMap((f) => f.newRows)) {
    const key = proposal.indicator.code.toUpperCase();
    const list = proposals.get(key);
    if (list) list.push(proposal);
    else proposals.set(key, [proposal]);
  }
  const newRows: NewRowProposal[] = [];
  for (const list of proposals.values()) {
    const first = list[0];
    if (!first) continue;
    const content = JSON.stringify(first.indicator);
    if (list.every((p) => JSON.stringify(p.indicator) === content)) {
      newRows.push(first);
      continue;
    }
    issues.push({
      file: first.file,
      line: first.line,
      column: null,
      message:
        `新增指标 ${first.indicator.code} 在 ${list.map((p) => `“${p.file}”第 ${p.line} 行`).join('和')}内容不同，` +
        '未新增：请统一后重新导入。',
    });
  }

  const targetProposals: TargetProposal[] = [];
  const byRow = new Map<string, TargetProposal[]>();
  for (const proposal of files.flatMap((f) => f.targetProposals ?? [])) {
    const list = byRow.get(proposal.code);
    if (list) list.push(proposal);
    else byRow.set(proposal.code, [proposal]);
  }
  for (const list of byRow.values()) {
    const first = list[0];
    if (!first) continue;
    if (list.every((p) => p.after === first.after && p.keptAfter === first.keptAfter)) {
      targetProposals.push(first);
      continue;
    }
    // What each file proposes: its new target (or the target kept) and, where it differs, its 确定沿用.
    const said = (p: TargetProposal) =>
      `“${p.written || p.before}”${p.keptAfter !== p.keptBefore ? (p.keptAfter ? '（确定沿用）' : '（取消“已确定”）') : ''}`;
    issues.push({
      file: first.file,
      line: first.line,
      column: list.some((p) => p.after !== first.after) ? '新目标' : '确定沿用',
      message:
        `${first.code} ${first.name} 的新目标在 ${list.map((p) => `“${p.file}”第 ${p.line} 行为${said(p)}`).join('，')}，` +
        '互不相同，未导入：请商定后在表格中填写。',
    });
  }

  const plan: ImportPlan = {
    files,
    remarks: files.flatMap((f) => f.remarks ?? []),
    missingRows: missingRows(files),
    otherDepartmentRows: files.flatMap(otherDepartmentRows),
    noFigures: noFigures(files),
    updates,
    conflicts,
    newRows,
    ignored: files.flatMap((f) => f.ignored),
    issues,
    questions: files.flatMap((f) => f.questions ?? []),
    targetProposals,
    readingNotes: files.flatMap((f) => f.readingNotes ?? []),
  };
  // (Still not made when the file's cells arrived packed: the preview shows a page of them.)
  if (single) shareCells(single, plan, 'updates');
  return plan;
}

/**
 * The department a file is the return of, and its rows the file leaves out: the 责任单位 of more than half of the
 * file's rows, of which the file has more than half of the rows (a file correcting a few figures is no return).
 */
function departmentReturn(
  matched: readonly ExistingRow[],
  isMatched: (row: ExistingRow) => boolean,
  rows: readonly ExistingRow[],
): ParsedFile['departmentReturn'] {
  const counts = new Map<string, number>();
  for (const row of matched) counts.set(row.department, (counts.get(row.department) ?? 0) + 1);
  const [department, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  if (!department || count * 2 <= matched.length) return undefined;
  const own = rows.filter((row) => row.department === department);
  if (count * 2 <= own.length) return undefined;
  const missing = own.filter((row) => !isMatched(row)).map(({ code, name }) => ({ code, name }));
  return { department, missing };
}

/**
 * The one department, among those of the rows a file has lines for, that the file's name names — in full
 * (…_市公安局_填报模板_….csv, as 导出CSV names the template) or without its 市 (公安局2025年数据.csv). None when it names
 * none, or several.
 */
function departmentNamedBy(file: string, sent: readonly ExistingRow[]): string | undefined {
  const departments = [...new Set(sent.map((row) => row.department).filter((d) => d !== ''))];
  const offices = [...new Set([...DEPARTMENTS, ...departments])];
  const named = new Set<string>();
  for (const department of departments) {
    // Read in the name less the offices whose names hold this one's: 团市委2025.csv names 团市委, not also 市委.
    const rest = offices
      .filter((office) => office !== department && office.includes(department))
      .reduce((name, office) => name.split(office).join('/'), file);
    const short = department.replace(/^市/, '');
    if (rest.includes(department) || (short.length >= 2 && rest.includes(short))) named.add(department);
  }
  return named.size === 1 ? [...named][0] : undefined;
}

/**
 * The lines of a department's return that change cells of rows another department answers for, one per line. Only
 * such a file's cells are read whole here (most files are no return, or carry none of another's rows).
 */
function otherDepartmentRows(parsed: ParsedFile): OtherDepartmentRow[] {
  if (!parsed.otherDepartments) return [];
  const { sender, rows } = parsed.otherDepartments;
  const others = new Map(rows.map((row) => [row.code, row]));
  const byLine = new Map<string, OtherDepartmentRow>();
  for (const u of parsed.updates) {
    const row = others.get(u.code);
    if (!row) continue;
    const key = lineKey(u.file, u.line, u.code);
    let said = byLine.get(key);
    if (!said) {
      said = {
        file: u.file,
        line: u.line,
        code: u.code,
        name: row.name,
        department: row.department,
        sender,
        cells: [],
      };
      byLine.set(key, said);
    }
    said.cells.push({ year: u.year, oldValue: u.oldValue, newValue: u.newValue });
  }
  for (const said of byLine.values()) said.cells.sort((a, b) => a.year - b.year);
  return [...byLine.values()];
}

/**
 * Per department, its rows that no file of this import carries: a department's return leaving rows out is the
 * cue, but a row sent in any file — a second, smaller file of the department's, another office's file — is sent.
 */
function missingRows(files: readonly ParsedFile[]): MissingRows[] {
  // (Most imports are no department's return: the codes of every file's rows are not gathered for nothing.)
  if (!files.some((f) => f.departmentReturn)) return [];
  const sentAnywhere = new Set(files.flatMap((f) => f.sentCodes ?? []));
  const byDepartment = new Map<string, { files: string[]; missing: RowRef[] }>();
  for (const parsed of files) {
    const found = parsed.departmentReturn;
    if (!found) continue;
    const seen = byDepartment.get(found.department);
    const missing = found.missing.filter((r) => !sentAnywhere.has(r.code));
    if (!seen) byDepartment.set(found.department, { files: [parsed.file], missing });
    else seen.files.push(parsed.file);
  }
  return [...byDepartment]
    .filter(([, d]) => d.missing.length > 0)
    .map(([department, d]) => ({ department, files: d.files, rows: d.missing }));
}

/**
 * The lines that gave no figure for a year, less the years another line or file gives one for (a department's
 * second file, a row sent twice), grouped by department in the order the files first name them.
 */
function noFigures(files: readonly ParsedFile[]): NoFigureRow[] {
  const lines = files.flatMap((f) => f.noFigures ?? []);
  if (lines.length === 0) return [];
  const codes = new Set(lines.map((l) => l.code));
  const given = new Set<string>();
  for (const f of files)
    for (const cells of [f.updates, f.unchangedCells ?? []])
      for (const u of cells) if (codes.has(u.code)) given.add(conflictKey(u.code, u.year));
  const byDepartment = new Map<string, NoFigureRow[]>();
  for (const l of lines) {
    const cells = l.cells.filter((c) => !given.has(conflictKey(l.code, c.year)));
    if (cells.length === 0) continue;
    const list = byDepartment.get(l.department);
    const kept = cells.length === l.cells.length ? l : { ...l, cells };
    if (list) list.push(kept);
    else byDepartment.set(l.department, [kept]);
  }
  return [...byDepartment.values()].flat();
}

/**
 * The cells to write: the plan's updates plus, for each conflict with a choice (conflictKey → candidate
 * index), the chosen value. A conflict without a choice (or with an index out of range, e.g. -1 for 保留原值)
 * changes nothing; a chosen value equal to the old one gives no update.
 */
export function resolveConflicts(
  plan: ImportPlan,
  choices: Map<string, number>,
  options: { leaveOutOtherDepartments?: boolean } = {},
): CellUpdate[] {
  // A conflict's chosen value stays: the clerk chose it, knowing whose file it came from.
  const leftOut =
    options.leaveOutOtherDepartments && plan.otherDepartmentRows.length > 0
      ? new Set(plan.otherDepartmentRows.map((r) => lineKey(r.file, r.line, r.code)))
      : null;
  const result = leftOut
    ? plan.updates.filter((u) => !leftOut.has(lineKey(u.file, u.line, u.code)))
    : [...plan.updates];
  for (const conflict of plan.conflicts) {
    const index = choices.get(conflictKey(conflict.code, conflict.year));
    if (index === undefined) continue;
    const chosen = conflict.candidates[index];
    if (!chosen || sameValue(chosen.value, conflict.oldValue)) continue;
    result.push({
      code: conflict.code,
      name: conflict.name,
      year: conflict.year,
      oldValue: conflict.oldValue,
      newValue: chosen.value,
      file: chosen.file,
      line: chosen.line,
    });
  }
  return result;
}
