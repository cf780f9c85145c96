/**
 * Projecting an indicator to its target year. The three methods a clerk sees as spreadsheet formulas:
 * linear trend (Excel FORECAST.LINEAR), log-linear / average annual rate of reduction (Excel GROWTH, UNICEF
 * AARR) and compound annual growth (UNSD CAGR, Excel RRI). Pure; the grid's custom functions call these.
 */
import { isPercentUnit, isPermilleUnit } from './entry';
import { lowerIsBetterDirection, type Indicator } from './indicator';
import { leastSquares, studentTInv2T } from './statistics';

export type Method = 'linear' | 'log-linear' | 'cagr';

export const METHOD_LABELS: Record<Method, string> = {
  linear: '线性趋势',
  'log-linear': '对数线性趋势（年均降低率）',
  cagr: '年均复合增长',
};

/** Numeric (year, value) pairs of a row, in year order; text entries and empty years are left out. */
export interface Series {
  years: number[];
  values: number[];
}

export function seriesOf(indicator: Pick<Indicator, 'values'>, untilYear = Infinity): Series {
  const pairs = Object.entries(indicator.values)
    .map(([year, value]) => [Number(year), value] as const)
    .filter((pair): pair is readonly [number, number] => typeof pair[1] === 'number' && pair[0] <= untilYear)
    .sort((a, b) => a[0] - b[0]);
  return { years: pairs.map((p) => p[0]), values: pairs.map((p) => p[1]) };
}

/** Series from parallel arrays as a formula passes them: pairs where either side is not a number are ignored. */
export function seriesFromCells(values: readonly unknown[], years: readonly unknown[]): Series {
  const series: Series = { years: [], values: [] };
  const n = Math.min(values.length, years.length);
  for (let i = 0; i < n; i += 1) {
    const value = values[i];
    const year = years[i];
    if (
      typeof value === 'number' &&
      Number.isFinite(value) &&
      typeof year === 'number' &&
      Number.isFinite(year)
    ) {
      series.years.push(year);
      series.values.push(value);
    }
  }
  return series;
}

export type ProjectionFailure = 'too-few-values' | 'non-positive' | 'same-year';

export type ProjectionResult =
  | {
      ok: true;
      method: Method;
      value: number;
      /** Per-year change: slope for linear (unit/year); growth rate for log-linear and CAGR (0.05 = +5 %/year). */
      rate: number;
    }
  | { ok: false; method: Method; reason: ProjectionFailure };

export function project(method: Method, series: Series, year: number): ProjectionResult {
  const n = series.values.length;
  if (n < 2) return { ok: false, method, reason: 'too-few-values' };
  switch (method) {
    case 'linear': {
      const fit = leastSquares(series.years, series.values);
      if (!fit) return { ok: false, method, reason: 'same-year' };
      return { ok: true, method, value: fit.intercept + fit.slope * year, rate: fit.slope };
    }
    case 'log-linear': {
      if (series.values.some((v) => v <= 0)) return { ok: false, method, reason: 'non-positive' };
      const fit = leastSquares(series.years, series.values.map(Math.log));
      if (!fit) return { ok: false, method, reason: 'same-year' };
      return {
        ok: true,
        method,
        value: Math.exp(fit.intercept + fit.slope * year),
        rate: Math.exp(fit.slope) - 1,
      };
    }
    case 'cagr': {
      const first = series.values[0] ?? 0;
      const last = series.values[n - 1] ?? 0;
      const b = series.years[0] ?? 0;
      const t = series.years[n - 1] ?? 0;
      if (t === b) return { ok: false, method, reason: 'same-year' };
      if (first <= 0 || last <= 0) return { ok: false, method, reason: 'non-positive' };
      const cagr = (last / first) ** (1 / (t - b)) - 1;
      return { ok: true, method, value: last * (1 + cagr) ** (year - t), rate: cagr };
    }
  }
}

/**
 * The projection a row's default formula gives. The default log-linear formula is
 * =IFERROR(GROWTH(…), FORECAST.LINEAR(…)): a county year with no deaths (0‰) is normal, and GROWTH has no answer
 * for a 0 (ln 0), so where log-linear fails the linear trend stands in, as Excel and WPS compute that formula.
 * `fellBack` marks a projection the linear trend gave in its place (method is then 'linear').
 */
export function projectByDefault(
  method: Method,
  series: Series,
  year: number,
): ProjectionResult & { fellBack?: true } {
  const result = project(method, series, year);
  if (method !== 'log-linear' || (result.ok && Number.isFinite(result.value))) return result;
  const linear = project('linear', series, year);
  return linear.ok ? { ...linear, fellBack: true } : result;
}

/**
 * Why the linear trend stood in for log-linear, in Chinese, for the row panel: e.g.
 * "含0值，无法按对数线性（GROWTH）测算，改用线性趋势（FORECAST.LINEAR）".
 */
export function linearFallbackNote(series: Pick<Series, 'values'>): string {
  const zero = series.values.some((v) => v === 0);
  const negative = series.values.some((v) => v < 0);
  const what = zero && negative ? '含0值和负值' : negative ? '含负值' : zero ? '含0值' : '数值过大';
  return `${what}，无法按对数线性（GROWTH）测算，改用线性趋势（FORECAST.LINEAR）`;
}

/** The prediction interval of the linear projection at `year` (Excel: ŷ ± T.INV.2T(1−level, n−2)·STEYX·√…). */
export function linearPredictionInterval(
  series: Series,
  year: number,
  level: number,
): { low: number; high: number; center: number } | null {
  const fit = leastSquares(series.years, series.values);
  if (!fit || fit.n < 3 || !Number.isFinite(fit.steyx)) return null;
  const t = studentTInv2T(1 - level, fit.n - 2);
  const center = fit.intercept + fit.slope * year;
  const half = t * fit.steyx * Math.sqrt(1 + 1 / fit.n + (year - fit.meanX) ** 2 / fit.devsqX);
  return { low: center - half, high: center + half, center };
}

/**
 * The default method for a row (a documented choice, see README "Projection"):
 * - rates that should fall towards zero (mortality, prevalence: an upper bound or a downward direction, in ‰,
 *   1/10万 or %; 不升 rows are such rates too) use log-linear, the AARR standard for mortality and stunting;
 * - money and standards that should grow (万元, 元/月, direction ↑) use compound annual growth;
 * - everything else — coverage rates near 100 %, counts, yearly-change targets — uses the linear trend, which
 *   behaves near natural limits where growth-based methods overshoot.
 */
export function defaultMethod(indicator: Pick<Indicator, 'target' | 'unit'>): Method {
  const { target, unit } = indicator;
  const isRate = isPercentUnit(unit) || isPermilleUnit(unit) || unit.startsWith('1/');
  const wantsDown =
    target.kind === 'upper' || (target.kind === 'direction' && lowerIsBetterDirection(target.comparator));
  if (isRate && wantsDown) return 'log-linear';
  if (target.kind === 'direction' && target.comparator === '↑' && /元/.test(unit)) return 'cagr';
  return 'linear';
}

/** Years in words: a run as 2021—2024年, with gaps each year named (2020、2022、2024年). */
function yearsInWords(years: readonly number[]): string {
  const first = years[0];
  const last = years[years.length - 1];
  if (first === undefined || last === undefined) return '';
  if (years.length > 2 && last - first === years.length - 1) return `${first}—${last}年`;
  return `${years.join('、')}年`;
}

/**
 * What a default projection rests on, in Chinese, for the row panel: the method and the years whose figures it
 * used, e.g. "按对数线性趋势（年均降低率），用 2021—2024年共 4 个数值推算 2025年". A clerk asked why a row
 * will (not) meet its target saw the projected figure and a formula, but not which years it came from. The
 * compound growth rate uses only the first and the last figure, and says so.
 */
export function projectionBasis(series: Pick<Series, 'years'>, method: Method, targetYear: number): string {
  const years = series.years;
  const how = `按${METHOD_LABELS[method]}`;
  if (method === 'cagr' && years.length > 2) {
    const first = years[0] ?? 0;
    const last = years[years.length - 1] ?? 0;
    return `${how}，用 ${first}年和 ${last}年两个数值推算 ${targetYear}年（其间各年不参与计算）`;
  }
  return `${how}，用 ${yearsInWords(years)}共 ${years.length} 个数值推算 ${targetYear}年`;
}
