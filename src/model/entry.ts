/**
 * Reading a value as people type it (in the grid or in a CSV file) and checking it against the row's unit.
 * Returns a result, never throws; the Chinese message says what is wrong and what to type instead.
 */
import type { CellValue } from './indicator';
import COUNT_UNIT_LIST from './count-units.json' with { type: 'json' };
import { roundHalfAway } from './rounding';

export type EntryResult = { ok: true; value: number | null } | { ok: false; raw: string; message: string };

const PLAIN_NUMBER = /^\d{1,15}(\.\d{1,15})?$/;
/** What offices write for "no figure": the cell stays empty (an import never clears a cell with these). */
const MISSING = new Set([
  '',
  '—',
  '——',
  '-',
  '--',
  '－',
  '无',
  '/',
  '／',
  '空',
  'NA',
  'N/A',
  'n/a',
  '暂无',
  '暂无数据',
  '无数据',
  '未统计',
  '不详',
  // Words for a figure still to come (a department's return before its year's statistics are out).
  '待统计',
  '统计中',
  '暂缺',
  '未填报',
  '不适用',
]);
/** A dash of any length and kind (—, ——, –, ―, -- …): how a table says "no figure" in a cell. */
const DASHES = /^[-—–―－─]+$/;
/**
 * Minus signs and hyphens other than "-": Word's and WPS's minus (−, U+2212), the hyphens an input method gives
 * (‐ ‑ ‒ –, small ﹣ ﹘). Read as "-": −3 is a negative figure, − alone a dash ("no figure").
 */
const OTHER_MINUS = /[\u2010-\u2013\u2212\uFE58\uFE63]/g;
/** Excel's accounting format writes a negative figure in brackets: (3.2), (1,234), (3.2%). */
const BRACKETED_NEGATIVE = /^\(\s*([^()-]*\d[^()-]*?)\s*\)$/;
/** An enumeration comma (、, the "\\" key of a Chinese input method) between digits, where a point was meant. */
const ENUMERATION_COMMA = /^(\d+)、(\d+)$/;

const HAS_FULL_WIDTH = /[\uFF01-\uFF5E\u3000。．]/;

/** Full-width digits, signs and separators, as typed with a Chinese input method, to ASCII. */
export function toHalfWidth(text: string): string {
  // Most text has nothing to convert: tested first, without building three new strings.
  if (!HAS_FULL_WIDTH.test(text)) return text;
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[。．]/g, '.');
}

const PERCENT_UNITS = new Set(['%', '％']);
const PERMILLE_UNITS = new Set(['‰']);
/**
 * Units of things counted one by one: a value must be a whole number ≥ 0. In a JSON file of their own so that the
 * benchmark's generated data (tests/bench, plain Node) uses the same list.
 */
const COUNT_UNITS: ReadonlySet<string> = new Set(COUNT_UNIT_LIST);

export function isPercentUnit(unit: string): boolean {
  return PERCENT_UNITS.has(unit.trim());
}
export function isPermilleUnit(unit: string): boolean {
  return PERMILLE_UNITS.has(unit.trim());
}
export function isCountUnit(unit: string): boolean {
  return COUNT_UNITS.has(unit.trim());
}

/**
 * A gross rate by its row's name (学前教育毛入园率, 高中阶段毛入学率, a row a clerk adds as 小学毛入学率): enrolled
 * children of any age ÷ children of the age, which passes 100 % where children come from other places or are
 * older or younger than the age (101.3 %). Decided by the name alone, so that a row added or renamed is one too.
 */
export function isGrossRate(rowName: string): boolean {
  return /毛(?:入园|入学|入托|在园|在校)率/.test(rowName);
}

/** A gross rate past this many % is questioned (请核实): real ones stay near 100 %; 312 is a count. */
export const GROSS_RATE_QUESTIONED = 150;

/**
 * The range a figure of this unit can take: a share in % or ‰ cannot pass 100 % or 1000 ‰, and no level (rate,
 * count, amount) goes below zero. A trend extended past these (92, 95, 97, 98 % → 102.5 % by 2025) is held at the
 * limit, as a statistician would report it. A gross rate (isGrossRate: the row's name) has no upper limit: only
 * past GROSS_RATE_QUESTIONED is it questioned (plausibility).
 */
export function naturalLimits(unit: string, rowName = ''): { low: number; high: number } {
  if (isPercentUnit(unit)) return { low: 0, high: isGrossRate(rowName) ? Infinity : 100 };
  if (isPermilleUnit(unit)) return { low: 0, high: 1000 };
  return unit.trim() === '' ? { low: -Infinity, high: Infinity } : { low: 0, high: Infinity };
}

/** A projection held within the unit's natural limits (see naturalLimits; a gross rate by its row's name). */
export function withinNaturalLimits(value: number, unit: string, rowName = ''): number {
  const { low, high } = naturalLimits(unit, rowName);
  return Math.min(high, Math.max(low, value));
}

/** The unit as shown next to a number: "5‰", "65%", "3 家", and a rate per 100,000 as reports write it, "12.5/10万". */
export function formatWithUnit(value: number, unit: string): string {
  const text = formatNumber(value);
  if (!unit) return text;
  if (isPerUnit(unit)) return `${text}${unit.trim().slice(1)}`;
  return isPercentUnit(unit) || isPermilleUnit(unit) ? `${text}${unit}` : `${text} ${unit}`;
}

/** "1/10万", "1/万": a rate per so many, written after the number without its 1 ("12.5/10万"). */
function isPerUnit(unit: string): boolean {
  return /^1\/\d*[万千百亿]?$/.test(unit.trim());
}

const PER_WORDS: Record<string, number> = { 百: 100, 千: 1000, 万: 10_000, 亿: 100_000_000 };

/**
 * How many a rate per so many is counted among: 100,000 for "1/10万", 10,000 for "1/万"; null for other units.
 * Such a rate (children per 100,000 children) cannot pass that many, as a share cannot pass 100 %.
 */
export function perUnitBase(unit: string): number | null {
  const match = /^1\/(\d*)([万千百亿]?)$/.exec(unit.trim());
  if (!match || (match[1] === '' && match[2] === '')) return null;
  const base = (match[1] === '' ? 1 : Number(match[1])) * (match[2] ? (PER_WORDS[match[2]] ?? 1) : 1);
  return base > 0 ? base : null;
}

/**
 * A difference between two values of a row ("需年均下降 0.3个百分点"): a difference of percentages is in 个百分点
 * (as the plan writes "每年降低1个百分点"), of per-mille rates in 个千分点, otherwise in the row's unit.
 */
export function formatDifference(value: number, unit: string): string {
  const text = formatNumber(value);
  if (isPercentUnit(unit)) return `${text}个百分点`;
  if (isPermilleUnit(unit)) return `${text}个千分点`;
  if (isPerUnit(unit)) return `${text}${unit.trim().slice(1)}`;
  return unit ? `${text} ${unit}` : text;
}

/** Up to 4 decimals, no trailing zeros, no exponent for the magnitudes this workbook sees. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(roundHalfAway(value, 4));
}

/**
 * Parse what a clerk typed into a value cell of a row with the given unit.
 * Accepts "65", "65%", "６５", "1,234", " 3‰ "; empty, "—", "-", "无" mean missing (null).
 * A percent sign on a ‰ row (or the reverse) is an error, never silently rescaled.
 */
export function parseEntry(input: unknown, unit: string, rowName = ''): EntryResult {
  if (input === null || input === undefined) return { ok: true, value: null };
  if (typeof input === 'number') return checkRange(input, String(input), unit, rowName);
  const raw = String(input);
  // The common case first — a plain number as Excel writes it ("95.5") — without the full reading below
  // (an import reads tens of thousands of cells). It must give what the full reading gives (entry.test.ts).
  if (PLAIN_NUMBER.test(raw)) return checkRange(Number(raw), raw, unit, rowName);
  return readEntryText(raw, unit, rowName);
}

/** Units a figure is typed with besides the counts (count-units.json); not 年 (2024年 is a year put in the wrong cell). */
const OTHER_UNIT_WORDS: ReadonlySet<string> = new Set(['元', '万元', '亿元', '小时', '分钟', '万人']);

/**
 * Count words that name one unit: 人 and 名 both count people (儿童社会工作者人数 is kept in 名; a department wrote
 * 18人, refused as another unit). 人次, a count of visits, is not among them.
 */
const PEOPLE: ReadonlySet<string> = new Set(['人', '名']);

export function sameUnitWord(typed: string, unit: string): boolean {
  return typed === unit || (PEOPLE.has(typed) && PEOPLE.has(unit));
}

/** parseEntry's full reading of a text, without the shortcut for plain numbers (exported for its test). */
export function readEntryText(raw: string, unit: string, rowName = ''): EntryResult {
  // Excel's and WPS's text prefix ('75 keeps "75" as text there): the apostrophe is not part of the figure.
  // (Zero-width characters come with a figure copied from a web page or a chat: unseen, they are no part of it.)
  const text = toHalfWidth(raw)
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .replace(OTHER_MINUS, '-')
    .trim()
    .replace(/^['‘’](?=\s*[+\-\d.(])/, '');
  if (MISSING.has(text) || DASHES.test(text)) return { ok: true, value: null };
  const negative = BRACKETED_NEGATIVE.exec(text);
  if (negative) return readBracketedNegative(negative[1]!, raw, unit, rowName);

  let body = text;
  let typedUnit = '';
  // "12.5/10万", as the grid shows a rate per 100,000: the unit written without its 1.
  if (isPerUnit(unit) && body.endsWith(unit.trim().slice(1))) {
    body = body.slice(0, -unit.trim().slice(1).length).trim();
    if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(body)) return checkRange(Number(body), raw, unit, rowName);
  }
  const unitMatch = /\s*(%|‰|[\u4e00-\u9fa5/]+)$/.exec(body);
  if (unitMatch) {
    typedUnit = unitMatch[1] ?? '';
    body = body.slice(0, unitMatch.index);
  }
  const unitShown = unit ? `（单位 ${unit}）` : '';
  if (
    typedUnit &&
    !sameUnitWord(typedUnit, unit.trim()) &&
    !(isPercentUnit(typedUnit) && isPercentUnit(unit))
  ) {
    if (/^[\d.,\s+-]+$/.test(body) && (typedUnit === '%' || typedUnit === '‰')) {
      return {
        ok: false,
        raw,
        message: `“${raw}”的单位是 ${typedUnit}，本行的单位是 ${unit || '（无）'}：请换算后只填数字${unitShown}。`,
      };
    }
    const plain = /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(body);
    // 3次 on a 次/年 row, 1小时 on 小时/天, 500元 on 元/月: the row's own unit, said without its "per".
    if (plain && unit.trim().startsWith(`${typedUnit}/`)) return checkRange(Number(body), raw, unit, rowName);
    // 2个 on a 家 row, 50000元 on a 万元 row: a unit, only not the row's ("不是数字" puzzled the clerk).
    if (plain && (isCountUnit(typedUnit) || OTHER_UNIT_WORDS.has(typedUnit))) {
      return {
        ok: false,
        raw,
        message:
          `“${raw}”写的单位是“${typedUnit}”，本行的单位是“${unit.trim() || '（无）'}”：` +
          `请核对是否同一口径，换算后只填数字${unitShown}。`,
      };
    }
    return { ok: false, raw, message: notANumber(raw, unit) };
  }
  const enumeration = ENUMERATION_COMMA.exec(body);
  if (enumeration)
    return {
      ok: false,
      raw,
      message:
        `“${raw}”中的“、”是顿号，不是小数点：如是小数，请写作 ${enumeration[1]}.${enumeration[2]}${unitShown}；` +
        '一格只填一个数值。',
    };
  // Thousands separators: "1,234" or "1，234" (after half-width conversion both are ",").
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(body)) body = body.replace(/,/g, '');
  // A decimal comma (4,75): "not a number" puzzled a clerk who sees one. Say which comma and both readings.
  const comma = /^([+-]?\d+),(\d+)$/.exec(body);
  if (comma) {
    const [, whole = '', fraction = ''] = comma;
    return {
      ok: false,
      raw,
      message:
        `“${raw}”中的逗号不是千位分隔符（千位分隔为每三位一个逗号，如 1,234）：如是小数，请用小数点写作 ` +
        `${whole}.${fraction}；如是整数，请去掉逗号写作 ${whole}${fraction}${unitShown}。`,
    };
  }
  // (An exponent, as Excel writes a number formatted as scientific in a CSV: 1.2E+03.)
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d{1,3})?$/.test(body))
    return { ok: false, raw, message: notTheYearsFigure(text, raw, unit) ?? notANumber(raw, unit) };
  return checkRange(Number(body), raw, unit, rowName);
}

/**
 * Why a figure with words in brackets that make it another figure (2.3（预计）, 98.5（全省）) is not taken, or null for
 * any other text. "不是数字" puzzled a clerk who had just seen 约1.1 and 1.1（快报） read: say which words, and how
 * the year's own figure, if still an estimate, may be written.
 */
function notTheYearsFigure(text: string, raw: string, unit: string): string | null {
  const bracket = BRACKETED_WORDS.exec(text);
  const said = bracket?.[2]?.trim() ?? '';
  if (!bracket || said === '' || !NOT_THE_YEARS_FIGURE.test(said)) return null;
  const unitShown = unit ? `（单位 ${unit}）` : '';
  const start = `“${raw.trim()}”括号中写的是“${said}”：`;
  if (!FORECAST_OR_TARGET.test(said))
    return `${start}其他地区、时期的数值或变化量不是本市本年的数值，请填写本年的实际数值${unitShown}。`;
  const figure = bracket[1]!.trim();
  return (
    `${start}预计数、预测数和目标都不是本年的实际数值，请填写本年的实际数值${unitShown}；` +
    `本年数值尚为估计数或快报数的，可写作“${figure}（估计）”“约${figure}”“${figure}（快报）”。`
  );
}

/**
 * Words in brackets after a figure that make it some other figure than the year's own: a forecast, a target, another
 * place's or period's figure, a change (2.3（预计）, 3（目标）, 98.5（全省）). Such a figure is not the year's, and is
 * refused; a column headed with them (2025年（目标）) is no column of the year's figures either. Not 估计, 估算: an
 * estimate of the year's own figure, as 约, 初步 and 快报 are (DOMAIN.md; read by readWordedFigure) — but 预估 is a
 * forecast.
 */
export const NOT_THE_YEARS_FIGURE =
  /目标|规划|计划|预计|预测|预期|预估|测算|全国|全省|浙江|金华|平均|标准|要求|同比|环比|增|减|变化|差|排名|上年|去年|同期|半年|季|(?:^|\D)(?:[1-9]|1[01])月/;

/** Of NOT_THE_YEARS_FIGURE, the words of a forecast or a target (the rest name another place, period or a change). */
const FORECAST_OR_TARGET = /目标|规划|计划|预计|预测|预期|预估|测算/;

/** A figure followed by words about it in brackets: 2.3（快报）, 98.5%(初步) (half-width by then); no digit inside. */
const BRACKETED_WORDS = /^(.*?\d[%‰]?)\s*\(([^()\d]{1,12})\)$/;
/** An estimate as departments write one: 约1.1, 大约96.5, 约 98%, ≈4.1 (the word or sign before the figure) … */
const APPROXIMATE_BEFORE = /^(约为|大约|约|≈)\s*(?=[+\-\d.])/;
/** … or 1.1左右, 1.1上下 (after it). */
const APPROXIMATE_AFTER = /(?<=[\d%‰])\s*(左右|上下)$/;

/**
 * A star right after a figure (3.1*, 98.5%*): Excel's and WPS's common mark of a provisional figure, read as
 * 3.1（待核） is, its words said as *（待核）. Not a star alone, two of them, or one before the figure.
 */
const PROVISIONAL_STAR = /(?<=[\d%‰])\s*\*$/;
const PROVISIONAL_STAR_WORDS = '*（待核）';

/** A figure read from a text with words about it, and those words (约, 左右, 快报, 约、左右). */
export interface WordedFigure {
  entry: EntryResult;
  words: string;
}

/**
 * A figure with words about it, as departments write a figure that is an estimate or not final — 约1.1, 1.1左右,
 * 约 98%, 2.3（快报）, 98.5%(初步), 3.1（待核）, 3.1* (PROVISIONAL_STAR) — read as the figure (checked as any figure is), with the words, which the caller
 * must keep in view (listed under 报送单位的说明 on import, put in the row's 备注 in the grid): a number stored from
 * such a text alone would drop them unsaid. Null when the text is no such figure (plain figures, text, a forecast
 * or a target in brackets: NOT_THE_YEARS_FIGURE). parseEntry itself refuses these texts, so that no caller drops
 * the words by accident.
 */
export function readWordedFigure(raw: string, unit: string, rowName = ''): WordedFigure | null {
  let text = toHalfWidth(raw).trim();
  const words: string[] = [];
  const star = PROVISIONAL_STAR.exec(text);
  if (star) text = text.slice(0, star.index);
  const bracket = BRACKETED_WORDS.exec(text);
  if (bracket) {
    const said = bracket[2]!.trim();
    if (said === '' || NOT_THE_YEARS_FIGURE.test(said)) return null;
    words.push(said);
    text = bracket[1]!.trim();
  }
  const before = APPROXIMATE_BEFORE.exec(text);
  if (before) {
    words.unshift(before[1]!);
    text = text.slice(before[0].length);
  }
  const after = APPROXIMATE_AFTER.exec(text);
  if (after) {
    words.splice(before ? 1 : 0, 0, after[1]!);
    text = text.slice(0, after.index);
  }
  if (star) words.push(PROVISIONAL_STAR_WORDS);
  if (words.length === 0 || !/\d/.test(text)) return null;
  const entry = parseEntry(text, unit, rowName);
  // (A figure that cannot be one, 约312 on a % row, is refused as the text typed, with the figure's own reason.)
  if (!entry.ok) return { entry: { ok: false, raw, message: entry.message }, words: words.join('、') };
  if (entry.value === null) return null;
  return { entry, words: words.join('、') };
}

/** The 备注 line that keeps a figure's words in view in the grid: 2024年数值为“约4.1”（按 4.1‰ 计）. */
export function wordedFigureNote(year: number, raw: string, value: number, unit: string): string {
  return `${year}年数值为“${raw.trim()}”（按 ${formatWithUnit(value, unit)} 计）`;
}

/** A note with a line added after what it holds (once: the same figure typed again adds nothing). */
export function noteWithLine(note: string, line: string): string {
  const held = note.trim();
  if (held.split('；').includes(line)) return held;
  return held === '' ? line : `${held}；${line}`;
}

/**
 * (3.2) as Excel's accounting format shows −3.2: the negative figure, where the row takes one (no unit); else
 * refused with what Excel meant, as "不是数字" puzzled a clerk who pasted it.
 */
function readBracketedNegative(inside: string, raw: string, unit: string, rowName: string): EntryResult {
  const figure = readEntryText(inside, unit, rowName);
  if (!figure.ok || figure.value === null) return { ok: false, raw, message: notANumber(raw, unit) };
  const value = -figure.value;
  if (value === 0 || !rulesOf(unit).level) return { ok: true, value };
  const rules = rulesOf(unit);
  const why = rules.percent
    ? isGrossRate(rowName)
      ? `${grossRateWords(rowName)}不会是负数，请核对后重填。`
      : '百分比应在 0 到 100 之间，请核对后重填。'
    : rules.permille
      ? '千分率应在 0 到 1000 之间，请核对后重填。'
      : rules.count
        ? `本行按“${unit}”计数，应为 0 或正整数，请核对后重填。`
        : `本行的数值（单位 ${unit}）不会是负数，请核对后重填；没有数据请留空。`;
  return { ok: false, raw, message: `“${raw.trim()}”在 Excel 中表示负数 ${formatNumber(value)}：${why}` };
}

const SHARE = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*(%?)$/;

/**
 * A share as a clerk types it in a settings field: a decimal ("0.02", "-0.1") or a percentage ("2%", "２％",
 * "0.5 %", "－10％"), as the fraction it stands for (0.02, −0.1, 0.02, 0.005, −0.1); `percent` says which was typed.
 * Null when the text is neither.
 */
export function parseShare(input: string): { value: number; percent: boolean } | null {
  // (The minus sign of Word and WPS, "−10%", as a hyphen.)
  const text = toHalfWidth(input)
    .trim()
    .replace(/[\u2212\u2013]/g, '-');
  const match = SHARE.exec(text);
  if (!match) return null;
  const number = Number(match[1]);
  if (!Number.isFinite(number)) return null;
  if (!match[2]) return { value: number, percent: false };
  // 0.07 / 100 is 0.0007000000000000001 in binary: the fraction the clerk meant, not its float error.
  return { value: Number((number / 100).toPrecision(12)), percent: true };
}

/** Excel's and WPS's error values, as a CSV keeps a formula cell that failed, with what each means. */
const FORMULA_ERRORS: Readonly<Record<string, string>> = {
  '#DIV/0!': '除数为零',
  '#N/A': '查找不到要引用的数据',
  '#VALUE!': '公式中有不是数字的值',
  '#REF!': '引用的单元格已被删除',
  '#NAME?': '公式中有无法识别的函数名',
  '#NUM!': '计算结果无效',
  '#NULL!': '公式中的区域不相交',
};

function notANumber(raw: string, unit: string): string {
  const example = isPermilleUnit(unit) ? '4.8' : isPercentUnit(unit) ? '96.5' : '3';
  // A formula that failed: the department meant a figure, so it is not "no data" but a cell to put right.
  const failed = FORMULA_ERRORS[raw.trim().toUpperCase()];
  if (failed) {
    return (
      `“${raw.trim()}”是 Excel/WPS 公式的错误值（${failed}），不是数值：请在 Excel/WPS 中检查该单元格的公式，` +
      `改为正确的数值${unit ? `（单位 ${unit}）` : ''}后再导入或填入；没有数据请留空。`
    );
  }
  // Excel shows ##### where a column is too narrow for its figure, and a CSV saved from it may keep them.
  if (/^#{2,}$/.test(raw.trim()))
    return (
      `“${raw.trim()}”是 Excel/WPS 在列宽不够时显示的符号，不是数值：请在 Excel/WPS 中把该列拉宽，` +
      '看到数值后再复制或保存；没有数据请留空。'
    );
  return `“${raw}”不是数字：请填写数字${unit ? `（单位 ${unit}）` : ''}，如 ${example}；没有数据请留空。`;
}

/** What a unit allows of a figure, worked out once per unit: an import checks tens of thousands of figures. */
interface UnitRules {
  percent: boolean;
  permille: boolean;
  count: boolean;
  /** A unit is given: the figure is a level, never below zero. */
  level: boolean;
  /** A rate per so many (1/10万): the most it can be (perUnitBase); null for other units. */
  perBase: number | null;
}

const RULES_BY_UNIT = new Map<string, UnitRules>();

function rulesOf(unit: string): UnitRules {
  let rules = RULES_BY_UNIT.get(unit);
  if (rules === undefined) {
    // (A workbook has a few dozen units; the bound is for text typed anywhere as a unit.)
    if (RULES_BY_UNIT.size >= 1000) RULES_BY_UNIT.clear();
    rules = {
      percent: isPercentUnit(unit),
      permille: isPermilleUnit(unit),
      count: isCountUnit(unit),
      level: unit.trim() !== '',
      perBase: perUnitBase(unit),
    };
    RULES_BY_UNIT.set(unit, rules);
  }
  return rules;
}

/** How a message names a gross rate: 毛入园率 or 毛入学率, as the row's name says. */
function grossRateWords(rowName: string): string {
  return /毛(?:入学|在校)率/.test(rowName) ? '毛入学率' : '毛入园率';
}

function checkRange(value: number, raw: string, unit: string, rowName = ''): EntryResult {
  if (!Number.isFinite(value)) return { ok: false, raw, message: notANumber(raw, unit) };
  const rules = rulesOf(unit);
  // A gross rate passes 100 % (isGrossRate); only past GROSS_RATE_QUESTIONED is it questioned, not refused.
  if (rules.percent && value > 100 && isGrossRate(rowName)) return { ok: true, value };
  if (rules.percent && value < 0 && isGrossRate(rowName))
    return {
      ok: false,
      raw,
      message: `${grossRateWords(rowName)}不会是负数，“${raw}”不符合：请核对后重填；没有数据请留空。`,
    };
  if (rules.percent && (value < 0 || value > 100)) {
    // A whole number well past 100 without a % sign is most often the count the rate is made of (312 儿童之家 for
    // a 建成率): say so, and how to make the rate. (Just past 100 — 101, a gross enrolment rate — it is a rate.)
    const count = Number.isInteger(value) && value > 120 && !/[%％]/.test(raw);
    return {
      ok: false,
      raw,
      message: count
        ? `百分比应在 0 到 100 之间，“${raw}”超出范围，像是个数或人数而不是百分比：` +
          '请按本指标的计算方法换算为百分比（如个数 ÷ 总数 × 100）后重填。'
        : `百分比应在 0 到 100 之间，“${raw}”超出范围：请核对后重填。`,
    };
  }
  if (rules.permille && (value < 0 || value > 1000)) {
    // As on a % row: a whole number past 1000 without its ‰ is most often the count (births, cases) the rate is
    // made of.
    const count = Number.isInteger(value) && value > 1000 && !/‰/.test(raw);
    return {
      ok: false,
      raw,
      message: count
        ? `千分率应在 0 到 1000 之间，“${raw}”超出范围，像是例数或人数而不是千分率：` +
          '请按本指标的计算方法换算为千分率（如例数 ÷ 总数 × 1000）后重填。'
        : `千分率应在 0 到 1000 之间，“${raw}”超出范围：请核对后重填。`,
    };
  }
  if (rules.perBase !== null && value > rules.perBase) {
    const unitText = unit.trim();
    // (So is a whole number past the base: the children counted, not the rate among 100,000 of them.)
    const count = Number.isInteger(value) && !raw.includes('/');
    const perWhat = `每${unitText.slice(2)}人中的人数`;
    return {
      ok: false,
      raw,
      message:
        `本行单位是 ${unitText}（${perWhat}），应在 0 到 ${rules.perBase} 之间` +
        `（多于 ${rules.perBase} 即超过 100%），“${raw}”超出范围` +
        (count
          ? `，像是人数而不是${perWhat}：请按本指标的计算方法换算（如人数 ÷ 总人数 × ${rules.perBase}）后重填。`
          : '：请核对后重填。'),
    };
  }
  if (rules.count && (value < 0 || !Number.isInteger(value))) {
    return {
      ok: false,
      raw,
      message: `本行按“${unit}”计数，应为 0 或正整数，“${raw}”不符合：请核对后重填。`,
    };
  }
  // Every figure of such a plan is a level (a rate, an amount, hours): never below zero.
  if (value < 0 && rules.level) {
    return {
      ok: false,
      raw,
      message: `本行的数值（单位 ${unit}）不会是负数，“${raw}”不符合：请核对后重填；没有数据请留空。`,
    };
  }
  return { ok: true, value };
}

/** Why a stored cell value is not usable as a number, or null when it is a valid number. */
export function cellProblem(value: CellValue | undefined | null, unit: string, rowName = ''): string | null {
  if (value === undefined || value === null) return null;
  const result = parseEntry(value, unit, rowName);
  if (!result.ok) return result.message;
  // Text a figure is read from now, kept as typed when the rules refused it (101.3 on a 毛入园率 before a gross
  // rate could pass 100 %): it showed nothing wrong while no computation used it.
  if (typeof value === 'string' && result.value !== null)
    return (
      `“${value.trim()}”保存时未能读取为数值（当时的规则不接受），未参与计算：请在此格重新输入“${value.trim()}”，` +
      `即按 ${formatWithUnit(result.value, unit)} 填入。`
    );
  return null;
}

/**
 * Why a year cell's stored value is not usable, as cellProblem says; for a figure with words saved as text before
 * they were read (约5, kept red by an earlier version of the workbook), that typing it again reads it: a clerk
 * told only 不是数字 typed 5 and dropped the 约 unsaid.
 */
export function yearCellProblem(
  value: CellValue | undefined | null,
  unit: string,
  rowName = '',
): string | null {
  const problem = cellProblem(value, unit, rowName);
  if (problem === null || typeof value !== 'string') return problem;
  const worded = readWordedFigure(value, unit, rowName);
  if (!worded?.entry.ok || worded.entry.value === null) return problem;
  const words = worded.words
    .split('、')
    .map((word) => `“${word}”`)
    .join('');
  return (
    `“${value.trim()}”是带有文字${words}的数值，保存时尚不能读取：请在此格重新输入“${value.trim()}”，` +
    `数值即按 ${formatWithUnit(worded.entry.value, unit)} 填入，${words}记入本行备注。`
  );
}

/** The stored form of an entry: a number when valid, the text as typed when not, undefined when empty. */
export function toCellValue(input: unknown, unit: string, rowName = ''): CellValue | undefined {
  const result = parseEntry(input, unit, rowName);
  if (result.ok) return result.value === null ? undefined : result.value;
  return result.raw;
}
