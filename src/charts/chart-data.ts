/**
 * A row's chart as data: values by year (missing years stay missing), the projection to the target year, and
 * the target as a line, a band ("左右") or a stepped line (yearly change). Pure; the chart.js adapter draws it.
 */
import type { Indicator } from '../model/indicator';
import { seriesOf } from '../model/projection';
import { isBand, targetForYear, targetSpecOf, type Thresholds } from '../model/status';

export interface ChartData {
  title: string;
  unit: string;
  years: number[];
  actual: (number | null)[];
  /** Null except from the latest actual year to the target year. */
  projection: (number | null)[];
  /** Target in force each year (null for direction-only targets). */
  target: (number | null)[];
  targetStepped: boolean;
  band: { low: (number | null)[]; high: (number | null)[] } | null;
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
  const target = years.map((y) => targetForYear(spec, series, y));
  const isAround = isBand(spec);
  const band =
    isAround && spec.value !== null
      ? {
          low: years.map(() => (spec.value ?? 0) - thresholds.aroundTolerance),
          high: years.map(() => (spec.value ?? 0) + thresholds.aroundTolerance),
        }
      : null;
  return {
    title: `${indicator.code} ${indicator.name}`,
    unit: indicator.unit,
    years,
    actual,
    projection,
    target,
    targetStepped: spec.kind === 'yearly-change',
    band,
  };
}
