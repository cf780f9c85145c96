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
const DASHES = /^[-—–―－]+$/;

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
 * The range a figure of this unit can take: a share in % or ‰ cannot pass 100 % or 1000 ‰, and no level (rate,
 * count, amount) goes below zero. A trend extended past these (92, 95, 97, 98 % → 102.5 % by 2025) is held at the
 * limit, as a statistician would report it.
 */
export function naturalLimits(unit: string): { low: number; high: number } {
  if (isPercentUnit(unit)) return { low: 0, high: 100 };
  if (isPermilleUnit(unit)) return { low: 0, high: 1000 };
  return unit.trim() === '' ? { low: -Infinity, high: Infinity } : { low: 0, high: Infinity };
}

/** A projection held within the unit's natural limits (see naturalLimits). */
export function withinNaturalLimits(value: number, unit: string): number {
  const { low, high } = naturalLimits(unit);
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
export function parseEntry(input: unknown, unit: string): EntryResult {
  if (input === null || input === undefined) return { ok: true, value: null };
  if (typeof input === 'number') return checkRange(input, String(input), unit);
  const raw = String(input);
  // The common case first — a plain number as Excel writes it ("95.5") — without the full reading below
  // (an import reads tens of thousands of cells). It must give what the full reading gives (entry.test.ts).
  if (PLAIN_NUMBER.test(raw)) return checkRange(Number(raw), raw, unit);
  return readEntryText(raw, unit);
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
export function readEntryText(raw: string, unit: string): EntryResult {
  // Excel's and WPS's text prefix ('75 keeps "75" as text there): the apostrophe is not part of the figure.
  // (Zero-width characters come with a figure copied from a web page or a chat: unseen, they are no part of it.)
  const text = toHalfWidth(raw)
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
    .trim()
    .replace(/^['‘’](?=\s*[+\-\d.])/, '');
  if (MISSING.has(text) || DASHES.test(text)) return { ok: true, value: null };

  let body = text;
  let typedUnit = '';
  // "12.5/10万", as the grid shows a rate per 100,000: the unit written without its 1.
  if (isPerUnit(unit) && body.endsWith(unit.trim().slice(1))) {
    body = body.slice(0, -unit.trim().slice(1).length).trim();
    if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(body)) return checkRange(Number(body), raw, unit);
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
    if (plain && unit.trim().startsWith(`${typedUnit}/`)) return checkRange(Number(body), raw, unit);
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
    return { ok: false, raw, message: notANumber(raw, unit) };
  return checkRange(Number(body), raw, unit);
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
      `改为正确的数值${unit ? `（单位 ${unit}）` : ''}后再导入；没有数据请留空。`
    );
  }
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

function checkRange(value: number, raw: string, unit: string): EntryResult {
  if (!Number.isFinite(value)) return { ok: false, raw, message: notANumber(raw, unit) };
  const rules = rulesOf(unit);
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
    return { ok: false, raw, message: `千分率应在 0 到 1000 之间，“${raw}”超出范围：请核对后重填。` };
  }
  if (rules.perBase !== null && value > rules.perBase) {
    const unitText = unit.trim();
    return {
      ok: false,
      raw,
      message:
        `本行单位是 ${unitText}（每${unitText.slice(2)}人中的人数），应在 0 到 ${rules.perBase} 之间` +
        `（多于 ${rules.perBase} 即超过 100%），“${raw}”超出范围：请核对后重填。`,
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
export function cellProblem(value: CellValue | undefined | null, unit: string): string | null {
  if (value === undefined || value === null) return null;
  const result = parseEntry(value, unit);
  return result.ok ? null : result.message;
}

/** The stored form of an entry: a number when valid, the text as typed when not, undefined when empty. */
export function toCellValue(input: unknown, unit: string): CellValue | undefined {
  const result = parseEntry(input, unit);
  if (result.ok) return result.value === null ? undefined : result.value;
  return result.raw;
}
