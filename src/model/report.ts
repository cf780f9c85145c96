/**
 * The monitoring report (年度监测报告 / 中期评估 / 终期评估) as data: summary line, per-area tables with the
 * change against the previous year, and the warning list. Pure; rendering and printing stay in the UI.
 */
import { formatDifference, formatNumber, formatWithUnit, withinNaturalLimits } from './entry';
import { AREAS, type Indicator } from './indicator';
import { defaultMethod, project, seriesOf, type Method } from './projection';
import {
  assessFluctuation,
  assessStatus,
  ATTENTION,
  gapAtTarget,
  targetForYear,
  targetSpecOf,
  type Fluctuation,
  type Status,
  type Thresholds,
} from './status';

export type ReportVariant = 'annual' | 'mid-term' | 'final';

export const REPORT_TITLES: Record<ReportVariant, string> = {
  annual: '年度监测报告',
  'mid-term': '中期评估报告',
  final: '终期评估报告',
};

/** What the grid computed for a row: its projection and status (the one source of truth). */
export interface RowFacts {
  indicator: Indicator;
  projected: number | null;
  gap: number | null;
  status: Status | null;
  /** 波动较大 (plan §五(五): warned of, as indicators expected to miss are). */
  fluctuation?: Pick<Fluctuation, 'flagged' | 'evidence'>;
}

export interface ReportRow {
  code: string;
  name: string;
  unit: string;
  value: string;
  change: string;
  target: string;
  status: Status | '—';
}

export interface ReportArea {
  area: string;
  rows: ReportRow[];
}

export interface WarningRow {
  code: string;
  name: string;
  area: string;
  department: string;
  latest: string;
  target: string;
  projected: string;
  gap: string;
  status: Status;
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
  warnings: WarningRow[];
}

const ACHIEVED: ReadonlySet<Status> = new Set(['达标', '已达标']);

/** "+1.2个百分点", "−0.3个千分点", "+2 家"; empty when either year is missing. */
export function describeChange(current: unknown, previous: unknown, unit: string): string {
  if (typeof current !== 'number' || typeof previous !== 'number') return '';
  const delta = Math.round((current - previous) * 100) / 100;
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

/** A target that moves each year (近视率: 每年降低1个百分点) also says what it comes to in the report's year. */
function targetInYear(indicator: Indicator, year: number, text: string): string {
  const spec = targetSpecOf(indicator);
  if (spec.kind !== 'yearly-change') return text;
  const goal = targetForYear(spec, seriesOf(indicator), Math.min(year, indicator.targetYear));
  if (goal === null) return text;
  const bound = (spec.value ?? 0) < 0 ? '≤' : '≥';
  return `${text}（${Math.min(year, indicator.targetYear)}年应${bound}${show(goal, indicator.unit)}）`;
}

function show(value: unknown, unit: string): string {
  return typeof value === 'number' ? formatWithUnit(Math.round(value * 100) / 100, unit) : '—';
}

/** A value the workbook could not read (kept as typed): marked, never printed as if it were a figure. */
const INVALID_MARK = '有误，未计入';

/**
 * The year's value; without one, the latest earlier value with its year (the status comes from it); a value kept
 * as typed because it is not valid is marked as such.
 */
function valueForYear(indicator: Indicator, year: number): string {
  const value = indicator.values[year];
  if (typeof value === 'number') return show(value, indicator.unit);
  if (typeof value === 'string') return `“${value}”${INVALID_MARK}`;
  const latestYear = seriesOf(indicator, year).years.at(-1);
  return latestYear === undefined
    ? '—'
    : `${show(indicator.values[latestYear], indicator.unit)}（${latestYear}年）`;
}

/** "预计高于目标 0.3个千分点": a gap in words, so its sign cannot be read the wrong way round. */
export function describeGap(gap: number | null, unit: string): string {
  if (gap === null) return '—';
  const size = Math.abs(Math.round(gap * 100) / 100);
  if (size === 0) return '与目标持平';
  return `${gap > 0 ? '高于' : '低于'}目标 ${formatDifference(size, unit)}`;
}

export function buildReport(
  planTitle: string,
  rows: readonly RowFacts[],
  year: number,
  variant: ReportVariant,
  describeTarget: (indicator: Indicator) => string,
): Report {
  const withTarget = rows.filter((r) => r.indicator.target.kind !== 'direction');
  const achieved = rows.filter((r) => r.status !== null && ACHIEVED.has(r.status)).length;
  const rate = rows.length === 0 ? 0 : Math.round((achieved / rows.length) * 1000) / 10;
  const summary =
    `${rows.length}项指标中已达标${achieved}项，达标率${formatNumber(rate)}%` +
    `（其中有量化目标的${withTarget.length}项，方向性目标${rows.length - withTarget.length}项）`;

  const areaNames = [
    ...AREAS,
    ...rows.map((r) => r.indicator.area).filter((a) => !(AREAS as readonly string[]).includes(a)),
  ];
  const areas: ReportArea[] = [];
  for (const area of new Set(areaNames)) {
    const inArea = rows.filter((r) => r.indicator.area === area);
    if (inArea.length === 0) continue;
    areas.push({
      area,
      rows: inArea.map(({ indicator, status }) => ({
        code: indicator.code,
        name: indicator.name,
        unit: indicator.unit,
        value: valueForYear(indicator, year),
        change: changeSinceEarlier(indicator, year),
        target: targetInYear(indicator, year, describeTarget(indicator)),
        status: status ?? '—',
      })),
    });
  }

  // Rows expected to miss, and rows whose figures swing too much to tell (plan §五(五) asks for both).
  const warnings: WarningRow[] = rows
    .filter(
      (r): r is RowFacts & { status: Status } =>
        r.status !== null && (ATTENTION.has(r.status) || r.fluctuation?.flagged === true),
    )
    .map(({ indicator, projected, gap, status, fluctuation }) => {
      const latestYear = seriesOf(indicator, year).years.at(-1);
      return {
        code: indicator.code,
        name: indicator.name,
        area: indicator.area,
        department: indicator.department || '（未指定）',
        latest:
          latestYear === undefined
            ? '—'
            : `${show(indicator.values[latestYear], indicator.unit)}（${latestYear}年）`,
        target: describeTarget(indicator),
        // Once the target year's own value is in, it decides (达标/未达标) and the gap is its own: a projection
        // beside it would contradict both.
        projected: seriesOf(indicator, year).years.includes(indicator.targetYear)
          ? `${indicator.targetYear}年已有实际值`
          : show(projected, indicator.unit),
        gap: describeGap(gap, indicator.unit),
        status,
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

  return {
    title: `${planTitle}${REPORT_TITLES[variant]}（${year}年）`,
    year,
    summary,
    invalidNote,
    areas,
    warnings,
  };
}

/**
 * A row as it stood at the end of `year`: later values are left out and the projection and status are
 * computed again from what was known then (by the row's own method), so a report for 2023 reads as it
 * would have in 2023. Rows with nothing after `year` are returned as the grid computed them.
 */
export function factsAsOf(
  row: RowFacts & { method?: Method | null },
  year: number,
  thresholds: Thresholds,
): RowFacts {
  const hasLater = Object.keys(row.indicator.values).some((y) => Number(y) > year);
  if (!hasLater) return row;
  const values = Object.fromEntries(Object.entries(row.indicator.values).filter(([y]) => Number(y) <= year));
  const indicator: Indicator = { ...row.indicator, values };
  const series = seriesOf(indicator);
  const spec = targetSpecOf(indicator);
  const projection = project(row.method ?? defaultMethod(indicator), series, indicator.targetYear);
  const projected = projection.ok ? withinNaturalLimits(projection.value, indicator.unit) : null;
  return {
    indicator,
    projected,
    gap: gapAtTarget(spec, series, projected),
    status: assessStatus(spec, series, projected, thresholds).status,
    fluctuation: assessFluctuation(spec, series, indicator.unit, thresholds),
  };
}
