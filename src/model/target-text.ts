/**
 * A target in words, as a clerk reads it in the grid, the report and the change history. Pure.
 */
import {
  formatNumber,
  isCountUnit,
  naturalLimits,
  isPercentUnit,
  isPermilleUnit,
  toHalfWidth,
} from './entry';
import { TARGET_KIND_LABELS, type Comparator, type Indicator, type Target } from './indicator';
import { judgedComparator } from './status';

/**
 * The target as a clerk reads it, in the grid, the reports and the history: the sign and figure, with the plan's
 * own words in brackets ("<5‰（以下）", "≥65%（达到…以上）", "=100%（保持在…）"), "每年降低1个百分点", an arrow
 * with the plan's words ("↑ 逐步提高", "↓ 得到有效控制"), or 不升 with them ("不升（上升趋势得到有效控制）").
 * parseTargetText reads each form back.
 */
export function describeTarget(row: Pick<Indicator, 'target' | 'unit'>): string {
  const { target, unit } = row;
  if (target.kind === 'direction') return describeDirection(target);
  if (target.kind === 'yearly-change') {
    const step = target.yearlyStep ?? 0;
    const unitText = unit === '%' ? '个百分点' : unit === '‰' ? '个千分点' : unit;
    // The plan's 以上 ("每年降低1个百分点以上": at least that much a year) is kept: without it the step read as exact.
    const atLeast = /以上$/.test(target.wording) ? '以上' : '';
    return `每年${step < 0 ? '降低' : '提高'}${formatNumber(Math.abs(step))}${unitText}${atLeast}`;
  }
  // Words that stand before the figure in the plan ("保持在100%") get "…" where the figure goes, as "达到…以上"
  // has: "（保持在）" alone read as a sentence cut off.
  const words = isPrefixWording(target.wording, unit) ? `${target.wording}…` : target.wording;
  const wording = words ? `（${words}）` : '';
  if (target.value === null) return wording;
  const unitText = unit === '%' || unit === '‰' ? unit : unit ? ` ${unit}` : '';
  // The sign the row is judged by: 不升 chosen in 比较 on a 上限 row read "不升5‰（以下）", which 目标 cannot read
  // back; comparatorMismatch says the mismatch in the row panel.
  return `${judgedComparator(target)}${formatNumber(target.value)}${unitText}${wording}`;
}

/**
 * 比较 that does not fit 目标类型 (不升, ↓ or ↑ on a 上限, 下限 or 数量 row; ≤ on a 方向性 row): the row is judged
 * as its kind needs (judgedComparator) and 目标 shows that; this says so, for the row panel. Null when they fit.
 */
export function comparatorMismatch(row: Pick<Indicator, 'target' | 'unit'>): string | null {
  const { target } = row;
  if (judgedComparator(target) === target.comparator) return null;
  const by = target.kind === 'direction' ? '方向' : target.kind === 'yearly-change' ? '每年变化' : '目标值';
  return (
    `比较方式“${target.comparator}”与目标类型“${TARGET_KIND_LABELS[target.kind]}”不一致，` +
    `按${by}判断：${describeTarget(row)}。可在“比较”中改选“${judgedComparator(target)}”，或在“目标”中重填。`
  );
}

/**
 * A direction target: the arrow with the plan's words when they say that direction ("↑ 提高", "↓ 减少"); the
 * arrow's own word came before them, which printed "↑ 提高（提高）". Words that do not say a direction (or say
 * the other one, after the 比较 cell was changed) stay in brackets, so that the arrow is never misread.
 */
function describeDirection(target: Target): string {
  // 不升 is a word, not an arrow: the plan's words go in brackets, as after a sign ("不升（控制在较低水平）").
  if (target.comparator === '不升') return target.wording ? `不升（${target.wording}）` : '不升';
  // As judged: ≥ chosen on a 方向性 row is ↑ (it was shown ↓).
  const up = judgedComparator(target) === '↑';
  const arrow = up ? '↑' : '↓';
  const says = up ? RISING_WORDS : FALLING_WORDS;
  if (target.wording === '') return `${arrow} ${up ? '提高' : '降低'}`;
  if (says.test(target.wording)) return `${arrow} ${target.wording}`;
  return `${arrow} ${up ? '提高' : '降低'}（${target.wording}）`;
}

/** Whether the plan's words for a target stand before its figure ("达到", "保持在", "至少"), as the reader reads them. */
function isPrefixWording(wording: string, unit: string): boolean {
  if (wording === '' || wording.includes('…')) return false;
  // A building verb frames a figure only on a count ("建设1家"); "建有" on a % row is the rate's own name.
  return (
    PREFIXES.some(([pattern]) => pattern.test(wording)) ||
    LEADING_VERB.test(wording) ||
    (COUNT_VERB.test(wording) && isCountUnit(unit))
  );
}

/**
 * Verbs the plan puts before a figure without a bound word ("熟练掌握1-2项", "形成1至2项", "推动80%的"): shown with
 * "…" where the figure goes ("≥1 项（熟练掌握…）"), since "（熟练掌握）" alone read as a sentence cut off. Not read
 * as bounds by parseTargetText: the sign before them decides.
 */
const LEADING_VERB = /^(熟练掌握|掌握|形成|推动)$/;

export type TargetTextResult =
  /** `baseYear`: the year a yearly change names as counted from ("在2018年基础上每年降低…"), for the row's 基期年. */
  { ok: true; target: Target; baseYear?: number } | { ok: false; message: string };

/** A bound as the words (or sign) before or after a figure state it. */
interface Bound {
  side: 'upper' | 'lower' | 'around' | 'equal' | 'full';
  /** The comparator the words fix; absent when another part of the phrase decides it ("控制在…以下"). */
  comparator?: Comparator;
  /** "保持在": any side, ≥ when nothing else says. */
  neutral?: boolean;
  /** Words that, on a count unit, make the target a 数量 one (至少, 以上, 建成, 设有 …). */
  countWords?: boolean;
}

/** What may stand before the figure. A bare ≥ or > sign is read as a count on a count unit ("≥1 家"). */
const PREFIXES: ReadonlyArray<[RegExp, Bound]> = [
  [/^<$/, { side: 'upper', comparator: '<' }],
  [/^≤$/, { side: 'upper', comparator: '≤' }],
  [/^>$/, { side: 'lower', comparator: '>', countWords: true }],
  [/^≥$/, { side: 'lower', comparator: '≥', countWords: true }],
  [/^(≈|~|约)$/, { side: 'around', comparator: '≈' }],
  [/^=$/, { side: 'equal', comparator: '=' }],
  [/^(控制在|控制|降至|降到|降低到|降低至|下降到|下降至)$/, { side: 'upper' }],
  [/^(低于|小于|少于)$/, { side: 'upper', comparator: '<' }],
  [/^(不超过|不高于|不大于|不多于)$/, { side: 'upper', comparator: '≤' }],
  [/^(保持在|保持|维持在|稳定在)$/, { side: 'lower', neutral: true }],
  [/^(达到|实现|提高到|提高至|提升到|提升至)$/, { side: 'lower' }],
  [/^不低于$/, { side: 'lower', comparator: '≥' }],
  [/^不少于$/, { side: 'lower', comparator: '≥', countWords: true }],
  [/^(高于|超过|大于|多于)$/, { side: 'lower', comparator: '>' }],
  [
    /^(每[年天月周])?(建成|建设|设有|配备|建有|开展)?至少(建成|建设|设有|配备|建有|开展)?$/,
    { side: 'lower', comparator: '≥', countWords: true },
  ],
];
/** 建设1家, 设有1家: a building verb with no bound word, read as ≥ on a count unit only. */
const COUNT_VERB = /^(每[年天月周])?(建成|建设|设有|配备|建有|开展)$/;

/** What may follow the figure and its unit. */
const SUFFIXES: ReadonlyArray<[string, Bound]> = [
  ['及以上', { side: 'lower', comparator: '≥', countWords: true }],
  ['及以下', { side: 'upper', comparator: '≤' }],
  ['以上', { side: 'lower', comparator: '≥', countWords: true }],
  ['以下', { side: 'upper', comparator: '<' }],
  ['以内', { side: 'upper', comparator: '≤' }],
  ['左右', { side: 'around', comparator: '≈' }],
  ['全覆盖', { side: 'full', comparator: '=' }],
];

const RISING_WORDS = /^(逐步|持续|稳步|进一步|不断)?(提高|提升|增加|上升|增长)$/;
const FALLING_WORDS = /^((逐步|持续|稳步|进一步|不断)?(降低|下降|减少)|控制|有效控制|得到有效控制)$/;
/**
 * Words that ask only that a figure not rise (不升): the rising trend checked, or the figure kept low. "得到有效控制"
 * alone (diseases) stays ↓, as does every 降低/减少/下降; "稳定在" with a figure is a bound ("稳定在90%以上").
 */
const HOLD_WORDS =
  /^(不升|不(再)?(上升|升高|增加|增长)|(上升)?趋势(得到)?(有效)?(控制|遏制)(住)?|(有效)?(控制|遏制)(住)?上升趋势|(控制|保持|维持|稳定)在(较|很)?低(的)?水平)$/;
const FULL_WORDS = /^(实现)?(应(.)尽\3|全覆盖|全面覆盖)$/;
const YEARLY =
  /^(在\d{4}年(?:的)?基础上)?每年(?:至少)?(降低|下降|减少|提高|提升|增加|上升|增长)(\d+(?:\.\d+)?)(.*?)(以上)?$/;
/** Words in a definition that make a ≥ target on a count unit a 数量 one ("至少", "以上", "建设"). */
const COUNT_WORDING = /至少|以上|不少于|建成|建设|设有|配备|建有|开展/;
/** Units a clerk may write after a figure (anything else after a number is not read as a unit). */
const OTHER_UNITS = /^((万|亿)?元|小时|分钟|天|岁|米|平方米|公里|张|本|册|台|床|辆|个百分点|个千分点)$/;
/** Where a rate per so many ("1/10万", shown "5/10万") stood: kept out of the search for the one figure. */
const PER_UNIT_MARK = '§';

/**
 * Read a target typed the way the plan writes it ("控制在5‰以下", "达到98%以上", "保持在90%左右", "应建尽建",
 * "至少设有1家", "每年降低1个百分点", "得到有效控制"), or as describeTarget shows it ("<5‰（以下）"), for a row of the
 * given unit. A figure without a unit is in the row's unit; another unit is refused (never rescaled). Pure; never
 * throws: a text it cannot read gets a Chinese message with examples fitting the row's unit.
 */
export function parseTargetText(text: string, unit: string, rowName = ''): TargetTextResult {
  const rowUnit = unit.trim();
  let s = toHalfWidth(text).trim();
  if (s === '') return unreadable(text, unit, '');
  if (isPerUnit(rowUnit)) {
    s = s.split(` ${rowUnit}`).join(PER_UNIT_MARK).split(rowUnit.slice(1)).join(PER_UNIT_MARK);
  }
  s = s
    .replace(/\s+/g, '')
    .replace(/<=|≦/g, '≤')
    .replace(/>=|≧/g, '≥')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
    .replace(/^\+(?=\d)/, '');

  // describeTarget's form: a sign or arrow first, the plan's words in brackets after ("≥98%（达到…以上）").
  let parenWording: string | null = null;
  const bracketed = /^((?:不升|[<≤≥>≈=~↑↓]).*?)\(([^()]*)\)$/.exec(s);
  if (bracketed) {
    s = bracketed[1] ?? '';
    // "（保持在…）": the "…" stands for the figure shown before the bracket, not part of the plan's words.
    parenWording = (bracketed[2] ?? '').replace(/…$/, '');
  }

  // 不升 alone, or with the plan's words in brackets ("不升（控制在较低水平）").
  if (s === '不升')
    return ok({ kind: 'direction', comparator: '不升', wording: parenWording ?? '', value: null });
  // An arrow alone, with its word ("↑提高（…）", the older form) or with the plan's words ("↓得到有效控制"). The
  // arrow decides: "↓上升趋势得到有效控制" is a row stored as ↓ before 不升 existed, and stays ↓.
  const arrow = /^([↑↓])(.*)$/.exec(s);
  const word = arrow?.[2] ?? '';
  if (
    arrow &&
    (word === '' || RISING_WORDS.test(word) || FALLING_WORDS.test(word) || HOLD_WORDS.test(word))
  ) {
    const up = arrow[1] === '↑';
    if (word && RISING_WORDS.test(word) !== up) return unreadable(text, unit, '：箭头与文字的方向相反');
    return ok({ kind: 'direction', comparator: up ? '↑' : '↓', wording: parenWording ?? word, value: null });
  }
  if (parenWording === null) {
    if (RISING_WORDS.test(s)) return ok({ kind: 'direction', comparator: '↑', wording: s, value: null });
    if (FALLING_WORDS.test(s)) return ok({ kind: 'direction', comparator: '↓', wording: s, value: null });
    if (HOLD_WORDS.test(s)) return ok({ kind: 'direction', comparator: '不升', wording: s, value: null });
    if (FULL_WORDS.test(s)) return fullCoverage(text, unit, s);
    const yearly = YEARLY.exec(s);
    if (yearly) return yearlyChange(text, unit, s, yearly);
  }
  return boundedFigure(text, unit, s, parenWording, rowName);
}

function ok(target: Target): TargetTextResult {
  return { ok: true, target };
}

function fullCoverage(raw: string, unit: string, wording = ''): TargetTextResult {
  // Every 全覆盖 row of the plan is a rate in %: on another unit the words say no figure to judge by.
  if (isPercentUnit(unit)) return ok({ kind: 'full', comparator: '=', wording, value: 100 });
  return {
    ok: false,
    message:
      `“${raw}”表示全覆盖（100%），只用于以 % 计的比率；本行的单位是 ${unit || '（无）'}，不能识别为目标。` +
      `可以这样写：${examplesFor(unit)}。`,
  };
}

function yearlyChange(raw: string, unit: string, s: string, match: RegExpExecArray): TargetTextResult {
  const [, baseClause, verb = '', figure = '', typedUnit = ''] = match;
  if (countFigures(s) !== (baseClause ? 2 : 1)) return unreadable(raw, unit, '：含有多个数字');
  const rowUnit = unit.trim();
  const pointUnit = isPercentUnit(rowUnit) ? '个百分点' : isPermilleUnit(rowUnit) ? '个千分点' : rowUnit;
  const unitOk =
    typedUnit === '' ||
    typedUnit === pointUnit ||
    (typedUnit === PER_UNIT_MARK && isPerUnit(rowUnit)) ||
    (typedUnit === rowUnit && !isPercentUnit(rowUnit) && !isPermilleUnit(rowUnit));
  if (!unitOk) {
    if (typedUnit === '%' || typedUnit === '‰') {
      return {
        ok: false,
        message:
          `“${raw}”写的是每年变化 ${figure}${typedUnit}，可能被理解为相对变化：` +
          `本行的单位是 ${rowUnit}，每年变化请用“${pointUnit}”表示，如“每年降低${figure}${pointUnit}”。`,
      };
    }
    if (isUnitLike(typedUnit)) return wrongUnit(raw, typedUnit, unit, `每年降低1${pointUnit}`);
    return unreadable(raw, unit, '');
  }
  const size = Number(figure);
  if (!(size > 0)) return unreadable(raw, unit, '：每年变化应大于 0');
  if (isCountUnit(rowUnit) && !Number.isInteger(size)) {
    return {
      ok: false,
      message: `本行按“${rowUnit}”计数，每年变化应为正整数，“${raw}”不符合：请核对后重填。`,
    };
  }
  const falling = /降低|下降|减少/.test(verb);
  const read = ok({
    kind: 'yearly-change',
    comparator: falling ? '≤' : '≥',
    wording: s.split(PER_UNIT_MARK).join(rowUnit.slice(1)),
    value: null,
    yearlyStep: falling ? -size : size,
  });
  const baseYear = baseClause ? /\d{4}/.exec(baseClause)?.[0] : undefined;
  return baseYear && read.ok ? { ...read, baseYear: Number(baseYear) } : read;
}

function boundedFigure(
  raw: string,
  unit: string,
  s: string,
  parenWording: string | null,
  rowName: string,
): TargetTextResult {
  if (countFigures(s) > 1) return unreadable(raw, unit, '：含有多个数字，一个目标只写一个数');
  const figureMatch = /-?\d+(?:\.\d+)?/.exec(s);
  if (!figureMatch) return unreadable(raw, unit, '');
  const rowUnit = unit.trim();
  const pre = s.slice(0, figureMatch.index);
  let post = s.slice(figureMatch.index + figureMatch[0].length);
  const value = Number(figureMatch[0]);

  let before: Bound | null = null;
  if (pre !== '') {
    before = PREFIXES.find(([pattern]) => pattern.test(pre))?.[1] ?? null;
    if (!before && COUNT_VERB.test(pre) && isCountUnit(rowUnit)) {
      before = { side: 'lower', comparator: '≥', countWords: true };
    }
    if (!before) return unreadable(raw, unit, '');
  }
  let after: Bound | null = null;
  let postWords = '';
  for (const [word, bound] of SUFFIXES) {
    if (post.endsWith(word)) {
      after = bound;
      postWords = word;
      post = post.slice(0, -word.length);
      break;
    }
  }
  const unitCheck = checkUnit(raw, post, rowUnit, unit, pre);
  if (unitCheck) return unitCheck;
  if (!before && !after) {
    if (isPercentUnit(rowUnit) && value === 100) return fullTarget('', parenWording);
    return unreadable(raw, unit, '：只写了数字，请说明是“以上”“以下”还是“左右”');
  }

  // The side and comparator the words agree on.
  let side: Bound['side'];
  let comparator: Comparator | undefined;
  if (before && after) {
    if (
      after.side === 'full' &&
      (before.side === 'equal' || (before.side === 'lower' && before.comparator !== '>'))
    ) {
      side = 'full';
    } else if (before.neutral || before.side === after.side) {
      side = after.side;
      if (
        before.comparator &&
        after.comparator &&
        before.comparator !== after.comparator &&
        !before.neutral
      ) {
        return unreadable(raw, unit, '：前后两处说法不一致');
      }
      comparator = before.neutral ? after.comparator : (before.comparator ?? after.comparator);
    } else {
      return unreadable(raw, unit, '：前后两处说法不一致');
    }
  } else {
    const only = (before ?? after) as Bound;
    side = only.side;
    comparator = only.comparator;
  }

  const rangeProblem = checkRange(raw, value, rowUnit, rowName);
  if (rangeProblem) return rangeProblem;

  const wording = parenWording ?? [wordsOf(pre), postWords].filter(Boolean).join('…');
  if (side === 'full' || side === 'equal') {
    if (isPercentUnit(rowUnit) && value === 100) return fullTarget(wording, null);
    if (side === 'full' && !isPercentUnit(rowUnit)) return fullCoverage(raw, unit);
    return unreadable(raw, unit, side === 'full' ? '：全覆盖即 100%' : '：“=”只用于 100% 全覆盖');
  }
  if (side === 'upper') return ok({ kind: 'upper', comparator: comparator ?? '≤', wording, value });
  if (side === 'around') return ok({ kind: 'around', comparator: '≈', wording, value });
  const lowerComparator = comparator ?? '≥';
  if (isPercentUnit(rowUnit) && value === 100) {
    if (lowerComparator === '>') {
      return { ok: false, message: `百分比不会超过 100，“${raw}”无法达到：全覆盖请写“100%”或“全覆盖”。` };
    }
    return fullTarget(wording, null);
  }
  const countWords =
    parenWording !== null
      ? parenWording === '' || COUNT_WORDING.test(parenWording)
      : isCountPhrase(before, after);
  const kind = isCountUnit(rowUnit) && countWords ? 'count' : 'lower';
  return ok({ kind, comparator: lowerComparator, wording, value });
}

function fullTarget(wording: string, parenWording: string | null): TargetTextResult {
  return ok({ kind: 'full', comparator: '=', wording: parenWording ?? wording, value: 100 });
}

/** A ≥ bound said with 至少 / 以上 / a building verb, or with a sign only: a 数量 target on a count unit. */
function isCountPhrase(before: Bound | null, after: Bound | null): boolean {
  const said = [before, after].filter((bound): bound is Bound => bound !== null);
  return said.some((bound) => bound.countWords === true);
}

/** The words before the figure, without a sign ("≥" is not the plan's wording). */
function wordsOf(pre: string): string {
  return /^[<≤≥>≈=~]$/.test(pre) ? '' : pre;
}

function countFigures(s: string): number {
  return (s.match(/\d+(?:\.\d+)?/g) ?? []).length;
}

/** The unit written after the figure: none (the row's), the row's, or refused. */
function checkUnit(
  raw: string,
  typed: string,
  rowUnit: string,
  unit: string,
  pre: string,
): TargetTextResult | null {
  if (typed === '' || typed === rowUnit) return null;
  if (typed === PER_UNIT_MARK && isPerUnit(rowUnit)) return null;
  if (isPercentUnit(typed) && isPercentUnit(rowUnit)) return null;
  // "每年至少开展3次" on a row in 次/年, "每天1小时" on a row in 小时/天.
  const per = /^(.+)\/(.)$/.exec(rowUnit);
  if (per && typed === per[1] && pre.includes(`每${per[2]}`)) return null;
  if (isUnitLike(typed)) return wrongUnit(raw, typed, unit, examplesFor(unit, 1));
  return unreadable(raw, unit, '');
}

function isUnitLike(typed: string): boolean {
  return (
    typed === '%' || typed === '‰' || isCountUnit(typed) || typed.includes('/') || OTHER_UNITS.test(typed)
  );
}

function wrongUnit(raw: string, typed: string, unit: string, example: string): TargetTextResult {
  return {
    ok: false,
    message:
      `“${raw}”的单位是 ${typed}，本行的单位是 ${unit.trim() || '（无）'}：` +
      `请换算成本行的单位后再填写（不写单位即按本行单位），如${example}。`,
  };
}

/** A figure the unit cannot take: a share over 100 % (1000 ‰), a negative level, a fraction of a count. */
function checkRange(raw: string, value: number, rowUnit: string, rowName: string): TargetTextResult | null {
  // (A gross rate, 毛入学率, passes 100 %: only its lower limit holds — see naturalLimits.)
  const { high } = naturalLimits(rowUnit, rowName);
  if (isPercentUnit(rowUnit) && (value < 0 || value > high)) {
    return { ok: false, message: `百分比应在 0 到 100 之间，“${raw}”超出范围：请核对后重填。` };
  }
  if (isPermilleUnit(rowUnit) && (value < 0 || value > 1000)) {
    return { ok: false, message: `千分率应在 0 到 1000 之间，“${raw}”超出范围：请核对后重填。` };
  }
  if (isCountUnit(rowUnit) && (value < 0 || !Number.isInteger(value))) {
    return { ok: false, message: `本行按“${rowUnit}”计数，应为 0 或正整数，“${raw}”不符合：请核对后重填。` };
  }
  if (value < 0 && rowUnit !== '') {
    return { ok: false, message: `本行的数值（单位 ${rowUnit}）不会是负数，“${raw}”不符合：请核对后重填。` };
  }
  return null;
}

function unreadable(raw: string, unit: string, why: string): TargetTextResult {
  const typed = raw.trim() === '' ? '目标为空（未填写内容），' : `“${raw}”`;
  return {
    ok: false,
    message: `${typed}不能识别为目标${why}。请按规划的写法填写，本行（单位 ${unit.trim() || '无'}）可写如：${examplesFor(unit)}。`,
  };
}

/** 3–4 ways to write a target of this unit, each of them read by parseTargetText. */
export function targetExamples(unit: string): string[] {
  const u = unit.trim();
  if (isPercentUnit(u)) return ['达到98%以上', '控制在25%以内', '每年降低1个百分点', '应建尽建'];
  if (isPermilleUnit(u)) return ['控制在4‰以下', '每年降低0.2个千分点', '得到有效控制'];
  if (isPerUnit(u)) {
    const shown = u.slice(1);
    return [`控制在5${shown}以下`, `每年降低0.5${shown}`, '得到有效控制'];
  }
  if (isCountUnit(u)) {
    return u.includes('/')
      ? [`至少3${u}`, `3${u}以上`, '逐步增加']
      : [`至少1${u}`, `建成至少1${u}`, `每年增加1${u}`, '逐步增加'];
  }
  if (u === '') return ['达到3以上', '控制在5以下', '逐步提高'];
  return [`达到1${u}以上`, `不低于1${u}`, `每年增加1${u}`, '逐步提高'];
}

function examplesFor(unit: string, count = 4): string {
  return targetExamples(unit)
    .slice(0, count)
    .map((example) => `“${example}”`)
    .join('');
}

/** "1/10万", "1/万": a rate per so many (as entry.ts reads it). */
function isPerUnit(unit: string): boolean {
  return /^1\/\d*[万千百亿]?$/.test(unit.trim());
}
