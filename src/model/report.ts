/**
 * The monitoring report (年度监测报告 / 中期评估 / 终期评估) as data: summary line, per-area tables with the
 * change against the previous year, and the warning list. The evaluations (中期, 终期) compare each row with its
 * base year instead, and count by area what is achieved (终期: 达标 / 未达标 against the target year's own value, the
 * grid's and DOMAIN.md's words for that verdict; 中期: 已达标 / 预计达标 / 需关注), and again by kind of target
 * (quantified or direction-only). Pure; rendering and printing stay in the UI.
 */
import { formatDifference, formatNumber, formatWithUnit, withinNaturalLimits } from './entry';
import { areaTitle, inPlanOrder, type Indicator } from './indicator';
import { awaitedWords, latestStatusInWords, overdueStatusWords } from './overdue-figure';
import { showPlannedTrend } from './planning';
import { defaultMethod, project, projectByDefault, seriesOf, type Method } from './projection';
import {
  assessFluctuation,
  bandOf,
  baseOf,
  assessStatus,
  ATTENTION,
  gapAtTarget,
  isBand,
  targetForYear,
  targetSpecOf,
  wholeCountAsShown,
  type Fluctuation,
  type Status,
  type Thresholds,
} from './status';
import { roundHalfAway } from './rounding';

export type ReportVariant = 'annual' | 'mid-term' | 'final';

export const REPORT_TITLES: Record<ReportVariant, string> = {
  annual: '年度监测报告',
  'mid-term': '中期评估报告',
  final: '终期评估报告',
};

/** Statuses said as 预计达标困难 in the warning list's heading: behind the pace the target needs. */
const EXPECTED_TO_MISS: ReadonlySet<Status> = new Set(['需加快', '进展缓慢', '停滞', '倒退']);

/**
 * The warning list's heading, naming only what the list holds: 未达标 once a row of it missed by its target year's
 * own figure ("预计达标困难" alone read as if it still had time; 未达标, as the grid and every table say it), and
 * 预计达标困难, 波动较大 or 公式有误 only when a row of it is so. The sample's 终期评估, without a 2025 figure, was
 * headed 未达标 over rows none of which was.
 */
export function warningsHeading(
  warnings: readonly Pick<WarningRow, 'status' | 'statusNote' | 'fluctuation'>[],
): string {
  const missed = warnings.some((w) => w.status === '未达标');
  const kinds = [
    warnings.some((w) => EXPECTED_TO_MISS.has(w.status) || w.statusNote !== '') ? '预计达标困难' : '',
    warnings.some((w) => w.fluctuation !== '') ? '波动较大' : '',
    warnings.some((w) => w.status === '公式有误') ? '公式有误' : '',
  ].filter((kind) => kind !== '');
  if (missed) return `需关注的指标（未达标${kinds.length > 0 ? `，或${kinds.join('、')}` : ''}）`;
  if (kinds.length === 0) return '需关注的指标';
  return `需关注的指标（预警：${kinds.slice(0, -1).join('、')}${kinds.length > 1 ? '或' : ''}${kinds.at(-1)}）`;
}

/** The year of a period's 中期评估: its middle (2023 for 2020 → 2025, 2028 for 2025 → 2030). */
export function midTermYear(baseYear: number, targetYear: number): number {
  return baseYear + Math.ceil((targetYear - baseYear) / 2);
}

/** What the grid computed for a row: its projection and status (the one source of truth). */
export interface RowFacts {
  indicator: Indicator;
  projected: number | null;
  gap: number | null;
  status: Status | null;
  /** 波动较大 (plan §五(五): warned of, as indicators expected to miss are). */
  fluctuation?: Pick<Fluctuation, 'flagged' | 'evidence'>;
  /** 已达标 now, but the trend passes the target by the target year: warned of too (预计达标困难). */
  trendLeaves?: boolean;
}

export interface ReportRow {
  code: string;
  name: string;
  unit: string;
  value: string;
  change: string;
  /** The base year's value ("—" without one; its year added when it is not the plan's base year). */
  base: string;
  /** The report year's value (or the latest earlier one) against the base year's; '' when either is missing. */
  sinceBase: string;
  target: string;
  status: Status | '—';
  /** The annual report's 状态 as it prints it, as the warning list does (WarningRow.statusShown, statusBasis). */
  statusShown: string;
  statusBasis: string;
  /** 终期评估: 达标 / 未达标 by the target year's own value (the grid's status), or why it cannot be said yet. */
  outcome: string;
  /** Beside a row without its target year's value: the status by its latest figures ("（按趋势预计达标）"), else ''. */
  outcomeNote: string;
}

/** 附表: each row's figures by year, without units (the unit has its own column), — where missing. */
export interface SeriesTable {
  years: number[];
  rows: { code: string; name: string; unit: string; values: string[]; target: string }[];
}

function seriesTable(
  rows: readonly RowFacts[],
  from: number,
  to: number,
  describe: (indicator: Indicator) => string,
): SeriesTable {
  const years: number[] = [];
  for (let y = from; y <= to; y += 1) years.push(y);
  return {
    years,
    rows: rows.map(({ indicator }) => ({
      code: indicator.code,
      name: indicator.name,
      unit: indicator.unit,
      values: years.map((y) => {
        const value = indicator.values[y];
        if (typeof value === 'number') return formatNumber(value);
        if (typeof value === 'string') return '有误';
        // A year before the row's own base year takes no figure (the grid greys it): empty, not "missing".
        return y < indicator.baseYear ? '' : '—';
      }),
      target: describe(indicator),
    })),
  };
}

/** The appendix's heading: its years as a span (2018—2025年), or one year (2025年, not 2025—2025年). */
export function seriesTableHeading(table: SeriesTable): string {
  const first = table.years[0];
  const last = table.years.at(-1);
  return `附表：各指标历年数值（${first === last ? `${first}年` : `${first}—${last}年`}）`;
}

/** 中期/终期: one line per area, or per kind of target (and 合计), counting the rows by how far they are. */
export interface Tally {
  headers: string[];
  rows: { area: string; cells: string[] }[];
}

export interface ReportArea {
  area: string;
  rows: ReportRow[];
}

/**
 * The heading of a warning's gap, as the grid's column is headed: a row whose target year's own figure is in has
 * its real gap there, not a projection's ("预测与目标" read as one).
 */
export const GAP_HEADING = '与目标差距';

export interface WarningRow {
  code: string;
  name: string;
  area: string;
  department: string;
  latest: string;
  target: string;
  projected: string;
  /** The year of the projection (and of the target the gap is from): the row's target year. */
  projectedYear: number;
  gap: string;
  status: Status;
  /**
   * The status as the list prints it: the status itself, or once the target year is over without its figure the
   * 终期评估's words for the row (待补报2025年数值, with （按趋势需加快） as statusBasis), so the list never sets a
   * trend's 需加快 beside the 未达标 of rows judged by 2025's own figure as if it were the period's verdict.
   */
  statusShown: string;
  /** Beside statusShown, what a 待补报 row's status rests on: "（按趋势需加快）"; '' otherwise. */
  statusBasis: string;
  /** Why a row met now is listed: "按趋势将不再达标"; '' otherwise. */
  statusNote: string;
  /** "波动较大" or "". */
  fluctuation: string;
}

export interface Report {
  title: string;
  year: number;
  summary: string;
  /** Values in the workbook that are not valid (kept as typed, left out of every computation): the clerk should correct them. */
  invalidNote: string;
  areas: ReportArea[];
  /** The evaluations' count by area; null in the annual report. */
  tally: Tally | null;
  /**
   * The same count by kind of target: quantified (a figure to reach) and direction-only (提高, 得到有效控制: judged
   * by direction), so a reader can tell how many quantified targets were met. Null in the annual report.
   */
  kinds: Tally | null;
  /**
   * Under the warning list, when it also lists rows whose status is not one needing attention (波动较大, or met now
   * but leaving the target by trend): how its rows add up to the 需关注 count. '' otherwise.
   */
  warningsNote: string;
  /** The plan's base year (most rows'), named in the evaluations' column header. */
  baseYear: number;
  /** The evaluations' appendix: every row's figures from the base year to the report's year; null in the annual. */
  series: SeriesTable | null;
  warnings: WarningRow[];
}

const ACHIEVED: ReadonlySet<Status> = new Set(['达标', '已达标']);

/** The year most rows share (the plan's base or target year); rows of their own (近视率: 2018) say theirs. */
function commonYear(rows: readonly RowFacts[], pick: (indicator: Indicator) => number): number {
  const counts = new Map<number, number>();
  for (const { indicator } of rows) counts.set(pick(indicator), (counts.get(pick(indicator)) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [year, count] of counts)
    if (count > bestCount || (count === bestCount && year < best)) [best, bestCount] = [year, count];
  return best;
}

/** "2025年" when every row has that target year, else "目标年". */
function targetYearWords(rows: readonly RowFacts[]): string {
  const targetYear = commonYear(rows, (i) => i.targetYear);
  return rows.every((r) => r.indicator.targetYear === targetYear) ? `${targetYear}年` : '目标年';
}

/** Once the target year is past, a missing figure is one to ask for (待补报), as each row's 完成情况 says. */
function missingWord(rows: readonly RowFacts[], year: number): string {
  return rows.length > 0 && rows.every((r) => year >= r.indicator.targetYear) ? '待补报' : '暂无';
}

/**
 * The figure the evaluation compares with, as progress is measured (status.ts baseOf): the base year's own, else
 * that of the year nearest the base year. None when the base year holds a value the workbook refused: comparing
 * with another year beside it would read as a change from the refused one.
 */
function comparedBase(indicator: Indicator, year: number): { year: number; value: number } | null {
  if (typeof indicator.values[indicator.baseYear] === 'string') return null;
  return baseOf(seriesOf(indicator, year), indicator.baseYear);
}

/** The base figure; its year said when it is not the plan's base year (近视率's 2018, or a nearest year). */
function baseValueOf(indicator: Indicator, planBaseYear: number, year: number): string {
  const own = indicator.values[indicator.baseYear];
  if (typeof own === 'string') return `“${own}”${INVALID_MARK}`;
  const base = comparedBase(indicator, year);
  // A row whose only figure is the report's: no base to show beside it.
  const latestYear = seriesOf(indicator, year).years.at(-1);
  if (base === null || (base.year !== indicator.baseYear && base.year === latestYear)) return '—';
  const text = showFigure(base.value, indicator.unit);
  return base.year !== planBaseYear ? `${text}（${base.year}年）` : text;
}

/** The report year's value (or the latest earlier one) against the base figure. */
function changeSinceBase(indicator: Indicator, year: number): string {
  // A year whose figure is not valid shows it marked, with no change beside it.
  if (typeof indicator.values[year] === 'string') return '';
  const base = comparedBase(indicator, year);
  const series = seriesOf(indicator, year);
  const latestYear = series.years.at(-1);
  if (base === null || latestYear === undefined || latestYear <= base.year) return '';
  return describeChange(series.values.at(-1), base.value, indicator.unit);
}

/** Whether the target year's cell is filled, as of the report's year: a figure, or text the workbook refused. */
function hasTargetYearEntry(indicator: Indicator, year: number): boolean {
  return indicator.targetYear <= year && indicator.values[indicator.targetYear] !== undefined;
}

/** No cell filled in any year up to the report's (a refused text counts as filled: someone reported it). */
export function hasNoEntry(indicator: Indicator, year: number): boolean {
  return !Object.entries(indicator.values).some(([y, value]) => Number(y) <= year && value !== undefined);
}

/**
 * What 无监测数据 means, in words true for the report's year (hasNoEntry): "各年均无数值" alone was false in a 2024
 * report of a row whose 2025 figure is in, since the report reads as the workbook stood at the end of its year.
 */
export const noEntryWords = (year: number): string => `截至${year}年各年均无数值`;

/**
 * 终期评估's verdict: the status itself, 达标 / 未达标, once the target year's own value is in — one word for one
 * verdict in the grid, the tables, the warning list and the notices (已实现 / 未实现 here stood beside 未达标 in the
 * warning list); before, that the value is missing, with what the latest figures say beside it, so the row is
 * counted neither way.
 */
function outcomeOf(status: Status | null, indicator: Indicator, year: number): [string, string] {
  if (status === '达标' || status === '未达标') return [status, ''];
  const { targetYear } = indicator;
  // A figure the workbook refused: the verdict waits for the corrected one (the status beside it would be the
  // earlier years', read as if 2025 had no figure).
  if (hasTargetYearEntry(indicator, year) && typeof indicator.values[targetYear] === 'string')
    return ['无法判定', `（${targetYear}年数值有误，待核实后判定）`];
  // The figure is in but gives no verdict: the clerk's own formula is wrong, or a direction row has no base.
  if (hasTargetYearEntry(indicator, year)) return ['无法判定', `（${status ?? '数据不足'}）`];
  if (hasNoEntry(indicator, year)) return ['无监测数据', ''];
  // Once the target year is over, its figure is overdue; before, it is not in yet. Either way the latest status is
  // said as what it rests on: "暂无2025年数值（已达标）" read as if the target were met without the figure.
  const latest = `（${latestStatusInWords(status, indicator, year)}）`;
  return [year >= targetYear ? awaitedWords(targetYear) : `暂无${targetYear}年数值`, latest];
}

/**
 * 终期评估's counts, which add up to the rows: judged (达标, 未达标); the target year's cell filled but no
 * verdict (无法判定: a refused figure, a broken formula); figures of earlier years only (pending); none at all.
 */
function finalCounts(rows: readonly RowFacts[], year: number) {
  const met = rows.filter((r) => r.status === '达标').length;
  const missed = rows.filter((r) => r.status === '未达标').length;
  const withValue = rows.filter((r) => hasTargetYearEntry(r.indicator, year)).length;
  const noData = rows.filter((r) => hasNoEntry(r.indicator, year)).length;
  const pendingRows = rows.filter(
    (r) => !hasTargetYearEntry(r.indicator, year) && !hasNoEntry(r.indicator, year),
  );
  return {
    met,
    missed,
    withValue,
    undecided: withValue - met - missed,
    pending: pendingRows.length,
    noData,
    latestMet: pendingRows.filter((r) => r.status === '已达标').length,
  };
}

/** Share in per cent with one decimal, or — when nothing is counted. */
function percent(part: number, whole: number): string {
  return whole === 0 ? '—' : `${formatNumber(roundHalfAway((part / whole) * 100, 1))}%`;
}

/** A target with no figure to reach (逐步提高, 得到有效控制, 不升): judged by its direction. */
const isDirectionOnly = (r: RowFacts) => r.indicator.target.kind === 'direction';

/** The lines of the count by kind of target, as the annual report's summary names the two kinds. */
const KIND_LINES = ['有量化目标', '方向性目标'] as const;

/**
 * How the evaluations count rows: by area, and by kind of target. Each line's columns add up to its 指标数, and
 * the lines of either table to the same 合计.
 */
function talliesOf(
  variant: ReportVariant,
  year: number,
  areas: readonly (readonly RowFacts[])[],
  names: string[],
): { tally: Tally; kinds: Tally } | null {
  if (variant === 'annual') return null;
  const line = (group: readonly RowFacts[]): string[] => {
    const count = (test: (s: Status | null) => boolean) => group.filter((r) => test(r.status)).length;
    if (variant === 'final') {
      const { met, missed, undecided, pending, noData } = finalCounts(group, year);
      return [group.length, met, missed, undecided, pending, noData]
        .map(String)
        .concat(percent(met, met + missed));
    }
    const achieved = count((s) => s !== null && ACHIEVED.has(s));
    const onTrack = count((s) => s === '预计达标');
    const attention = count((s) => s !== null && ATTENTION.has(s));
    return [group.length, achieved, onTrack, attention, group.length - achieved - onTrack - attention].map(
      String,
    );
  };
  const all = areas.flat();
  const when = targetYearWords(all);
  const headers =
    variant === 'final'
      ? [
          '指标数',
          '达标',
          '未达标',
          '无法判定（数值有误等）',
          `${missingWord(all, year)}${when}数值（有往年填报）`,
          `无监测数据（${noEntryWords(year)}）`,
          '达标率（达标 ÷ 已判定的指标）',
        ]
      : ['指标数', '已达标', '预计达标', '需关注（需加快、进展缓慢、停滞、倒退等）', '数据不足'];
  const total = { area: '合计', cells: line(all) };
  const [quantified, direction] = KIND_LINES;
  return {
    tally: {
      headers,
      rows: [...areas.map((group, i) => ({ area: names[i] ?? '', cells: line(group) })), total],
    },
    kinds: {
      headers,
      rows: [
        { area: quantified, cells: line(all.filter((r) => !isDirectionOnly(r))) },
        { area: direction, cells: line(all.filter(isDirectionOnly)) },
        total,
      ],
    },
  };
}

/**
 * 终期: how many of each kind of target with a verdict met it ("有量化目标的3项中达标2项，方向性目标的1项中达标1项"),
 * when the workbook has direction-only targets at all; '' otherwise.
 */
function metByKind(rows: readonly RowFacts[], year: number): string {
  if (!rows.some(isDirectionOnly)) return '';
  const [quantified, direction] = KIND_LINES;
  const parts = (
    [
      [`${quantified}的`, rows.filter((r) => !isDirectionOnly(r))],
      [`${direction}的`, rows.filter(isDirectionOnly)],
    ] as const
  ).flatMap(([words, group]) => {
    const { met, missed } = finalCounts(group, year);
    return met + missed === 0 ? [] : [`${words}${met + missed}项中达标${met}项`];
  });
  return parts.length === 0 ? '' : `（${parts.join('，')}）`;
}

/** The evaluations' summary: what is achieved, with what each count is out of. */
function evaluationSummary(variant: ReportVariant, rows: readonly RowFacts[], year: number): string | null {
  if (variant === 'annual') return null;
  const count = (test: (s: Status | null) => boolean) => rows.filter((r) => test(r.status)).length;
  if (variant === 'final') return targetYearSummary(rows, year);
  const achieved = count((s) => s !== null && ACHIEVED.has(s));
  const onTrack = count((s) => s === '预计达标');
  const attention = count((s) => s !== null && ATTENTION.has(s));
  return (
    `截至${year}年，${rows.length}项指标中已达标${achieved}项，预计达标${onTrack}项，需关注${attention}项，` +
    `数据不足${rows.length - achieved - onTrack - attention}项`
  );
}

/**
 * 终期评估's summary, and the annual report's of the target year (or later): rows judged 达标 / 未达标 by the target
 * year's own figure counted apart from those still resting on earlier years (待补报) and those with none.
 */
function targetYearSummary(rows: readonly RowFacts[], year: number): string {
  const when = targetYearWords(rows);
  const { met, missed, withValue, undecided, pending, noData, latestMet } = finalCounts(rows, year);
  // Rows with earlier figures (a department to ask for the target year's) and rows with none at all (an
  // indicator no one monitors) call for different actions: counted apart.
  const byLatest = latestMet > 0 ? `（其中按最新数值已达标${latestMet}项）` : '';
  const noneAtAll = noData > 0 ? `无监测数据（${noEntryWords(year)}）的${noData}项` : '';
  if (withValue === 0)
    return (
      `${rows.length}项指标均尚无${when}数值，还不能判定是否达标：` +
      [pending > 0 ? `有往年填报的${pending}项${byLatest}` : '', noneAtAll]
        .filter((part) => part !== '')
        .join('，') +
      // A report of an earlier year reads the workbook as it stood then: entering the figures would not change it.
      (rows.every((r) => year < r.indicator.targetYear)
        ? `；终期评估按${when}的数值判定，请将报告年份选为${when}`
        : `；请先录入或导入${when}的数值`)
    );
  const missing = [
    pending > 0 ? `${missingWord(rows, year)}${when}数值的${pending}项${byLatest}` : '',
    noneAtAll,
  ].filter((part) => part !== '');
  return (
    `${rows.length}项指标中，有${when}数值的${withValue}项：达标${met}项，未达标${missed}项，` +
    (undecided > 0 ? `无法判定${undecided}项（请在表格中核对），` : '') +
    `达标率${percent(met, met + missed)}${metByKind(rows, year)}` +
    (missing.length > 0 ? `；${missing.join('，')}` : '')
  );
}

/** "+1.2个百分点", "−0.3个千分点", "+2 家"; empty when either year is missing. */
export function describeChange(current: unknown, previous: unknown, unit: string): string {
  if (typeof current !== 'number' || typeof previous !== 'number') return '';
  const delta = roundHalfAway(current - previous, 2);
  if (delta === 0) return '持平';
  return `${delta > 0 ? '+' : '−'}${formatDifference(Math.abs(delta), unit)}`;
}

/**
 * The change against the previous year; when that year has no figure, against the latest earlier one, named
 * ("比2022年 +1 家"), rather than a blank beside a figure that did change.
 */
function changeSinceEarlier(indicator: Indicator, year: number): string {
  const current = indicator.values[year];
  if (typeof current !== 'number') return '';
  const previous = indicator.values[year - 1];
  if (typeof previous === 'number') return describeChange(current, previous, indicator.unit);
  const earlier = seriesOf(indicator, year - 1);
  const earlierYear = earlier.years.at(-1);
  const earlierValue = earlier.values.at(-1);
  if (earlierYear === undefined || earlierValue === undefined) return '';
  return `比${earlierYear}年 ${describeChange(current, earlierValue, indicator.unit)}`;
}

/**
 * A target as the report prints it: a target that moves each year (近视率: 每年降低1个百分点) also says what it comes
 * to in the report's year, and a 左右 target its band (judged within it; otherwise only in the row panel).
 */
function reportTarget(
  indicator: Indicator,
  year: number,
  text: string,
  thresholds: Thresholds,
  alsoAtTargetYear = false,
): string {
  const spec = targetSpecOf(indicator);
  const when = Math.min(year, indicator.targetYear);
  if (spec.kind === 'yearly-change') {
    const bound = (spec.value ?? 0) < 0 ? '≤' : '≥';
    const at = (y: number) => {
      const goal = targetForYear(spec, seriesOf(indicator), y);
      return goal === null ? null : `${y}年应${bound}${showFigure(goal, indicator.unit)}`;
    };
    const notes = [
      at(when),
      alsoAtTargetYear && when < indicator.targetYear ? at(indicator.targetYear) : null,
    ];
    const said = notes.filter((n): n is string => n !== null);
    return said.length === 0 ? text : withNote(text, said.join('，'));
  }
  if (isBand(spec) && spec.value !== null) {
    const { low, high } = bandOf(spec.value, indicator.unit, thresholds);
    return withNote(text, `即${showFigure(low, indicator.unit)}～${showFigure(high, indicator.unit)}`);
  }
  return text;
}

/** A note added to a target text, inside its brackets when it has them ("≈90%（保持在…左右，即88%～92%）"). */
function withNote(text: string, note: string): string {
  return text.endsWith('）') ? `${text.slice(0, -1)}，${note}）` : `${text}（${note}）`;
}

/**
 * A figure as reports print it: as the grid shows it (up to 4 decimals), with its unit; — when there is none.
 * Rounded to two decimals, 97.995 % against ≥98 % read 98% beside 未实现, and 5.8765‰ differed from the grid.
 */
export function showFigure(value: unknown, unit: string): string {
  return typeof value === 'number' ? formatWithUnit(value, unit) : '—';
}

/** A value the workbook could not read (kept as typed): marked, never printed as if it were a figure. */
export const INVALID_MARK = '有误，未计入';

/**
 * The year's value; without one, the latest earlier value with its year (the status comes from it); a value kept
 * as typed because it is not valid is marked as such.
 */
function valueForYear(indicator: Indicator, year: number): string {
  const value = indicator.values[year];
  if (typeof value === 'number') return showFigure(value, indicator.unit);
  if (typeof value === 'string') return `“${value}”${INVALID_MARK}`;
  const latestYear = seriesOf(indicator, year).years.at(-1);
  return latestYear === undefined
    ? '—'
    : `${showFigure(indicator.values[latestYear], indicator.unit)}（${latestYear}年）`;
}

/** "预计高于目标 0.3个千分点": a gap in words, so its sign cannot be read the wrong way round. */
export function describeGap(gap: number | null, unit: string): string {
  if (gap === null) return '—';
  const size = Math.abs(roundHalfAway(gap, 2));
  if (size === 0) return '与目标持平';
  return `${gap > 0 ? '高于' : '低于'}目标 ${formatDifference(size, unit)}`;
}

/**
 * The gap as the warning list prints it beside the status and the target it prints:
 * - a 左右 row's from the nearer edge of the band the target shows (即88%～92%), not from its centre;
 * - a figure exactly on a strict bound (5‰ against <5‰) is not met: “与目标持平” beside 未达标 read as a
 *   contradiction; one that only rounds onto it (2.999‰) says on which side it is.
 */
export function gapBesideStatus(
  gap: number | null,
  indicator: Indicator,
  status: Status,
  thresholds: Thresholds,
): string {
  const { unit } = indicator;
  const spec = targetSpecOf(indicator);
  if (gap !== null && isBand(spec)) {
    // The grid's figure, worded: one computation of the distance, so the two never disagree.
    const outside = gapShown(gap, indicator, thresholds);
    if (outside === 0) return '在目标范围内';
    const { low, high } = bandOf(spec.value ?? 0, unit, thresholds);
    const size = roundHalfAway(Math.abs(outside), 2);
    // 92.004% against 88%～92% is outside, by less than the figures show: not "0个百分点" beside a status that misses.
    const by = size === 0 ? `不到 ${formatDifference(0.01, unit)}` : formatDifference(size, unit);
    return `${outside > 0 ? `高于上限 ${showFigure(high, unit)}` : `低于下限 ${showFigure(low, unit)}`} ${by}`;
  }
  const strict = spec.comparator === '<' || spec.comparator === '>';
  if (gap !== null && strict && Math.abs(gap) <= 1e-9 && status !== '预计达标')
    return '等于目标值（目标不含本数），未达到';
  const text = describeGap(gap, unit);
  // 5.004‰ against ≤5‰ rounds to 持平 but is not met. Against a strict bound 持平 reads as not met whatever the
  // status: 2.999‰ against <3‰ (printed 3‰) is below it, and says so.
  if (
    text === '与目标持平' &&
    gap !== null &&
    Math.abs(gap) > 1e-9 &&
    (strict || (status !== '预计达标' && status !== '已达标'))
  )
    return `${gap > 0 ? '高于' : '低于'}目标不到 ${formatDifference(0.01, unit)}`;
  return text;
}

/**
 * The figure the grid's 与目标差距 cell shows, sorts and filters by, and gapBesideStatus words: a 左右 row's distance
 * outside its band (0 inside it) — 87.44% against 90%±2 is 0.56 below the band, not 2.56 — any other row's gap
 * (target-year value or projection minus the target) as it is. The one place the band's distance is computed.
 */
export function gapShown(gap: number, indicator: Indicator, thresholds: Thresholds): number {
  if (!isBand(targetSpecOf(indicator))) return gap;
  const outside = Math.abs(gap) - thresholds.aroundTolerance;
  return outside <= 1e-9 ? 0 : Math.sign(gap) * outside;
}

/**
 * Under the warning list, when it lists rows that do not need attention by their status (plan §五(五) asks for the
 * ones 波动较大 too): which, and how the list's rows add up to the 需关注 count — the sample's 中期评估 listed 30 rows
 * under a summary and a count by area of 需关注25项, with nothing saying why. '' when every row needs attention.
 */
export function warningsNoteOf(warnings: readonly WarningRow[]): string {
  const leaving = warnings.filter((w) => w.statusNote !== '');
  const swinging = warnings.filter((w) => w.statusNote === '' && !ATTENTION.has(w.status));
  if (leaving.length + swinging.length === 0) return '';
  const statuses = [...new Set(swinging.map((w) => w.status))].join('或');
  const parts = [
    leaving.length > 0
      ? `目前已达标、但按趋势到目标年将不再达标的${leaving.length}项（状态下注“${leaving[0]?.statusNote ?? ''}”），` +
        '其状态仍为“已达标”'
      : '',
    swinging.length > 0 ? `状态为${statuses}、但波动较大的${swinging.length}项（“波动”列注明）` : '',
  ].filter((part) => part !== '');
  const others = leaving.length + swinging.length;
  return (
    `本表还列出${parts.join('；')}：这${others}项不计入“需关注”的项数。` +
    `本表共${warnings.length}项，其中需关注${warnings.length - others}项。`
  );
}

export function buildReport(
  planTitle: string,
  rows: readonly RowFacts[],
  year: number,
  variant: ReportVariant,
  describeTarget: (indicator: Indicator) => string,
  thresholds: Thresholds,
  /**
   * The year the report is read in, for saying a target year's figure is overdue: a report of a year reads the
   * workbook as it stood at that year's end, so after it (year + 1); 预警汇总 on screen, whose year is the target
   * year (every figure counts), is read today.
   */
  readInYear = year + 1,
): Report {
  // One target text everywhere in the report: the area tables, the warning list and the appendix.
  const targetOf = (indicator: Indicator) =>
    reportTarget(indicator, year, describeTarget(indicator), thresholds);
  const withTarget = rows.filter((r) => r.indicator.target.kind !== 'direction');
  const achieved = rows.filter((r) => r.status !== null && ACHIEVED.has(r.status)).length;
  const noData = rows.filter((r) => r.status === null || r.status === '数据不足').length;
  const rate = rows.length === 0 ? 0 : roundHalfAway((achieved / rows.length) * 100, 1);
  const kinds = `其中有量化目标的${withTarget.length}项，方向性目标${rows.length - withTarget.length}项`;
  const summary =
    evaluationSummary(variant, rows, year) ??
    // No row judged yet (the plan's workbook before its first figures): 达标率0% read as a real rate.
    (rows.length > 0 && noData === rows.length
      ? `${rows.length}项指标均数据不足，尚不能计算达标率（${kinds}）：请先在表格中填写或导入各年数值。`
      : // The target year's annual report: 达标 by 2025's own figure and 已达标 by 2024's were added up as one
        // 已达标, and 未达标 went unsaid. Counted as the 终期评估 counts them, in its words.
        rows.length > 0 && rows.every((r) => year >= r.indicator.targetYear)
        ? targetYearSummary(rows, year)
        : `${rows.length}项指标中已达标${achieved}项，达标率${formatNumber(rate)}%（${kinds}` +
          // The rate is out of every row: said when some have too few figures to be judged, so it is not misread.
          (noData > 0 ? `；数据不足的${noData}项也计入总数` : '') +
          '）');
  const baseYear = commonYear(rows, (i) => i.baseYear);

  const areas: ReportArea[] = [];
  const areaRows: RowFacts[][] = [];
  for (const area of inPlanOrder(rows.map((r) => r.indicator.area))) {
    const inArea = rows.filter((r) => r.indicator.area === area);
    if (inArea.length === 0) continue;
    areaRows.push(inArea);
    areas.push({
      area: areaTitle(area),
      rows: inArea.map(({ indicator, status }) => {
        const [outcome, outcomeNote] = outcomeOf(status, indicator, year);
        const [statusShown, statusBasis] = overdueStatusWords(indicator, status, readInYear) ?? [
          status ?? '—',
          '',
        ];
        return {
          code: indicator.code,
          name: indicator.name,
          unit: indicator.unit,
          value: valueForYear(indicator, year),
          change: changeSinceEarlier(indicator, year),
          base: baseValueOf(indicator, baseYear, year),
          sinceBase: changeSinceBase(indicator, year),
          target: targetOf(indicator),
          status: status ?? '—',
          statusShown,
          statusBasis,
          outcome,
          outcomeNote,
        };
      }),
    });
  }

  // Rows expected to miss, and rows whose figures swing too much to tell (plan §五(五) asks for both).
  const warnings: WarningRow[] = rows
    .filter(
      (r): r is RowFacts & { status: Status } =>
        r.status !== null &&
        (ATTENTION.has(r.status) || r.fluctuation?.flagged === true || r.trendLeaves === true),
    )
    .map(({ indicator, projected, gap, status, fluctuation, trendLeaves }) => {
      const latestYear = seriesOf(indicator, year).years.at(-1);
      const [statusShown, statusBasis] = overdueStatusWords(indicator, status, readInYear) ?? [status, ''];
      return {
        code: indicator.code,
        name: indicator.name,
        area: indicator.area,
        department: indicator.department || '（未指定）',
        latest:
          latestYear === undefined
            ? '—'
            : `${showFigure(indicator.values[latestYear], indicator.unit)}（${latestYear}年）`,
        // The projection and the gap beside it are at the target year: a target that moves each year also
        // says what it comes to then (2024年应≤49% beside a gap from 2025's 48% did not add up).
        target: reportTarget(indicator, year, describeTarget(indicator), thresholds, true),
        projectedYear: indicator.targetYear,
        // Once the target year's own value is in, it decides (达标/未达标) and the gap is its own: a projection
        // beside it would contradict both.
        projected: seriesOf(indicator, year).years.includes(indicator.targetYear)
          ? `${indicator.targetYear}年已有实际值`
          : projected === null
            ? '—'
            : showPlannedTrend(projected, indicator),
        gap: gapBesideStatus(gap, indicator, status, thresholds),
        status,
        statusShown,
        statusBasis,
        statusNote: trendLeaves === true && status === '已达标' ? '按趋势将不再达标' : '',
        fluctuation: fluctuation?.flagged ? '波动较大' : '',
      };
    });

  // The table marks the report year's cells; earlier years' are counted too (they are left out of the trend).
  let thisYear = 0;
  let earlier = 0;
  for (const { indicator } of rows)
    for (const [key, value] of Object.entries(indicator.values)) {
      if (typeof value !== 'string') continue;
      if (Number(key) === year) thisYear += 1;
      else if (Number(key) < year) earlier += 1;
    }
  const counted = [
    thisYear > 0 ? `${year}年 ${thisYear} 个（表中标“${INVALID_MARK}”）` : '',
    earlier > 0 ? `此前各年 ${earlier} 个` : '',
  ].filter((part) => part !== '');
  const invalidNote =
    counted.length === 0
      ? ''
      : `工作簿中有数值有误：${counted.join('，')}，未计入预测和达标判断：请在工作簿中更正后重新打印。`;

  const tallies = talliesOf(
    variant,
    year,
    areaRows,
    areas.map((a) => a.area),
  );
  return {
    title: `${planTitle}${REPORT_TITLES[variant]}（${year}年）`,
    year,
    summary,
    invalidNote,
    areas,
    tally: tallies?.tally ?? null,
    kinds: tallies?.kinds ?? null,
    warningsNote: warningsNoteOf(warnings),
    baseYear,
    // From the earliest base year of the rows (近视率's 2018, cited in its 基期值), not only the plan's.
    series:
      variant === 'annual'
        ? null
        : seriesTable(rows, Math.min(year, ...rows.map((r) => r.indicator.baseYear)), year, targetOf),
    warnings,
  };
}

/**
 * A row as it stood at the end of `year`: later values are left out and the projection and status are
 * computed again from what was known then (by the row's own method), so a report for 2023 reads as it
 * would have in 2023. Rows with nothing after `year` are returned as the grid computed them.
 */
export function factsAsOf(
  row: RowFacts & { method?: Method | null; withLinearFallback?: boolean },
  year: number,
  thresholds: Thresholds,
): RowFacts {
  const hasLater = Object.keys(row.indicator.values).some((y) => Number(y) > year);
  if (!hasLater) return row;
  const values = Object.fromEntries(Object.entries(row.indicator.values).filter(([y]) => Number(y) <= year));
  const indicator: Indicator = { ...row.indicator, values };
  const series = seriesOf(indicator);
  const spec = targetSpecOf(indicator);
  // The default formula (no method of the row's own) and one like it fall back from log-linear to the linear
  // trend where log-linear has no answer (a 0 among the values), as =IFERROR(GROWTH(…), FORECAST.LINEAR(…)) does.
  const projection =
    !row.method || row.withLinearFallback
      ? projectByDefault(row.method ?? defaultMethod(indicator), series, indicator.targetYear)
      : project(row.method, series, indicator.targetYear);
  // As the grid has it (resultsOf): within the unit's limits, a count whole.
  const projected = projection.ok
    ? wholeCountAsShown(withinNaturalLimits(projection.value, indicator.unit, indicator.name), spec)
    : null;
  const assessment = assessStatus(spec, series, projected, thresholds);
  return {
    indicator,
    projected,
    gap: gapAtTarget(spec, series, projected),
    status: assessment.status,
    fluctuation: assessFluctuation(spec, series, indicator.unit, thresholds),
    ...(assessment.trendLeaves ? { trendLeaves: true } : {}),
  };
}
