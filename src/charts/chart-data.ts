/**
 * A row's chart as data: values by year (missing years stay missing), the projection to the target year, and
 * the target as a line, a band ("左右") or a stepped line (yearly change). Pure; the chart.js adapter draws it.
 */
import { formatWithUnit, naturalLimits } from '../model/entry';
import type { Indicator } from '../model/indicator';
import { seriesOf } from '../model/projection';
import { baseOf, isBand, targetForYear, targetSpecOf, type Thresholds } from '../model/status';
import { roundHalfAway } from '../model/rounding';

export interface ChartData {
  title: string;
  unit: string;
  years: number[];
  actual: (number | null)[];
  /** Null except from the latest actual year to the target year. */
  projection: (number | null)[];
  /** Target in force each year (null for direction-only targets; in a next plan, null before its base year). */
  target: (number | null)[];
  /**
   * A next plan's previous target, in force up to its own target year (the new plan's base year); null when the
   * row has none, or it is a band, a direction (nothing to draw as a line) or a yearly change (its own base year
   * is not kept).
   */
  previousTarget: (number | null)[] | null;
  targetStepped: boolean;
  band: { low: (number | null)[]; high: (number | null)[] } | null;
  /** What the row's figures can be (naturalLimits: a gross rate passes 100 %); the axis labels nothing beyond. */
  limits: { low: number; high: number };
}

export function chartDataFor(
  indicator: Indicator,
  projected: number | null,
  thresholds: Thresholds,
): ChartData {
  const series = seriesOf(indicator);
  const spec = targetSpecOf(indicator);
  const first = Math.min(indicator.baseYear, series.years[0] ?? indicator.baseYear);
  const last = Math.max(indicator.targetYear, series.years.at(-1) ?? indicator.targetYear);
  const years: number[] = [];
  for (let y = first; y <= last; y += 1) years.push(y);

  const actual = years.map((y) => {
    const value = indicator.values[y];
    return typeof value === 'number' ? value : null;
  });
  const latestYear = series.years.at(-1);
  const projection = years.map((y) => {
    if (projected === null || latestYear === undefined || latestYear >= indicator.targetYear) return null;
    if (y === latestYear) return series.values.at(-1) ?? null;
    if (y === indicator.targetYear) return projected;
    return null;
  });
  // A next plan's new target applies from its base year: drawn across the previous period too, it read as the
  // target those years were held to. That period's own target is drawn up to the base year instead.
  const previous = indicator.previousTarget;
  const inForce = (y: number) => !previous || y >= indicator.baseYear;
  // A yearly-change line counts from the base year's figure, or without one from the nearest year's: drawn back
  // before that year it showed targets (54 %, 53 % for 2018, 2019) resting on a figure nobody reported.
  const anchor = spec.kind === 'yearly-change' ? (baseOf(series, spec.baseYear)?.year ?? null) : null;
  const target = years.map((y) =>
    inForce(y) && (anchor === null || y >= anchor) ? targetForYear(spec, series, y) : null,
  );
  const isAround = isBand(spec);
  const band =
    isAround && spec.value !== null
      ? {
          low: years.map((y) => (inForce(y) ? (spec.value ?? 0) - thresholds.aroundTolerance : null)),
          high: years.map((y) => (inForce(y) ? (spec.value ?? 0) + thresholds.aroundTolerance : null)),
        }
      : null;
  const previousSpec = previous
    ? targetSpecOf({ ...indicator, target: previous, targetYear: previous.targetYear })
    : null;
  const previousTarget =
    previous && previousSpec && !isBand(previousSpec) && previousSpec.kind !== 'yearly-change'
      ? years.map((y) => (y <= previous.targetYear ? targetForYear(previousSpec, series, y) : null))
      : null;
  return {
    title: `${indicator.code} ${indicator.name}`,
    unit: indicator.unit,
    years,
    actual,
    projection,
    target,
    previousTarget: previousTarget?.some((v) => v !== null) ? previousTarget : null,
    targetStepped: spec.kind === 'yearly-change',
    band,
    limits: naturalLimits(indicator.unit, indicator.name),
  };
}

/** Which of a chart's lines a point is on. */
export type ChartLine = 'actual' | 'projection' | 'target' | 'band-low' | 'band-high' | 'previous-target';

const LINE_NAMES: Record<ChartLine, string> = {
  actual: '实际值',
  projection: '趋势预测',
  target: '目标',
  'band-low': '目标区间下限',
  'band-high': '目标区间上限',
  'previous-target': '上期目标',
};

/**
 * What pointing at a point of the chart says: its line and the figure with its unit (实际值：6.2‰, 趋势预测：6.56‰);
 * null for the projection's first point, which is the latest figure itself, not a projection (it read
 * 趋势预测: 6.2 beside 实际值: 6.2, without a unit).
 */
export function pointLabel(data: ChartData, line: ChartLine, index: number, value: number): string | null {
  if (line === 'projection' && data.actual[index] !== null && data.actual[index] !== undefined) return null;
  const year = data.years[index];
  const name =
    line === 'target' && data.targetStepped && year !== undefined ? `${year}年目标` : LINE_NAMES[line];
  // A reported figure as the grid shows it (5.8765‰); a projection or target to two decimals.
  return `${name}：${formatWithUnit(line === 'actual' ? value : roundHalfAway(value, 2), data.unit)}`;
}
