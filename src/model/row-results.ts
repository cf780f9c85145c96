/**
 * What a row's formula columns show — the projection, the gap to the target and the status — computed straight
 * from the row's cells, as the grid's default formulas would compute them (FORECAST.LINEAR, GROWTH,
 * FORECAST.CAGR, TARGETGAP, TARGETSTATUS). Keeping the default formulas out of the spreadsheet engine is what lets
 * a workbook of thousands of rows open in a second: the engine is only needed for formulas a clerk wrote. Pure.
 */
import { forecastLinear, growth, isExcelError, type ExcelError, type XlInput } from './excel-functions';
import { project, seriesFromCells, type Method } from './projection';
import { withinNaturalLimits } from './entry';
import {
  assessStatus,
  gapAtTarget,
  wholeCountAsShown,
  type Status,
  type TargetSpec,
  type Thresholds,
} from './status';

/** A formula cell's value: a number, text, empty, or a spreadsheet error written as Excel shows it ("#DIV/0!"). */
export type FormulaValue = number | string | null;

export interface RowResults {
  projected: FormulaValue;
  /**
   * The target year's value (once in) or the projection, minus the target in force at the target year; '' when
   * there is none.
   */
  gap: FormulaValue;
  status: Status;
  /** 已达标 now, but the projection passes the target by the target year (see Assessment.trendLeaves). */
  trendLeaves?: boolean;
  /** The default log-linear formula's linear trend gave the projection (GROWTH had none: a 0 among the values). */
  linearFallback?: boolean;
}

const ERROR_TEXT = /^#[A-Z/0-9!?]+[!?A]?$/;

export function isFormulaError(value: FormulaValue): value is string {
  return typeof value === 'string' && ERROR_TEXT.test(value);
}

/** Errors that mean "no projection yet" (too few or unusable values), not a broken formula. */
const NO_PROJECTION_ERRORS: ReadonlySet<string> = new Set<ExcelError>(['#DIV/0!', '#N/A', '#NUM!']);

/** The default projection formula's value, exactly as the spreadsheet functions compute it. */
export function defaultProjection(
  method: Method,
  cells: readonly XlInput[],
  years: readonly number[],
  targetYear: number,
): FormulaValue {
  return defaultProjectionOf(method, cells, years, targetYear).value;
}

/**
 * The default projection formula's value, and whether the linear trend gave it in log-linear's place: the default
 * log-linear formula is =IFERROR(GROWTH(…), FORECAST.LINEAR(…)) (a 0‰ year leaves GROWTH with #NUM!).
 */
export function defaultProjectionOf(
  method: Method,
  cells: readonly XlInput[],
  years: readonly number[],
  targetYear: number,
): { value: FormulaValue; fellBack: boolean } {
  const linear = (): FormulaValue => {
    const value = forecastLinear(targetYear, cells, years);
    return isExcelError(value) ? value.error : value;
  };
  switch (method) {
    case 'linear':
      return { value: linear(), fellBack: false };
    case 'log-linear': {
      const [value] = growth(cells, years, [targetYear]);
      if (value !== undefined && !isExcelError(value)) return { value, fellBack: false };
      // IFERROR: any error of GROWTH gives FORECAST.LINEAR's result, an error of its own included.
      const instead = linear();
      return { value: instead, fellBack: typeof instead === 'number' };
    }
    case 'cagr': {
      const result = project('cagr', seriesFromCells(cells, years), targetYear);
      if (result.ok) return { value: result.value, fellBack: false };
      return { value: result.reason === 'non-positive' ? '#NUM!' : '#DIV/0!', fellBack: false };
    }
  }
}

/**
 * Gap and status from a projection (whatever formula produced it), as TARGETGAP and TARGETSTATUS do. With the
 * row's unit, a numeric projection is first held within the unit's natural limits (no 102.5 %) and a count made
 * whole to its target's worse side: the projection returned is the one every view shows.
 */
export function resultsOf(
  rawProjected: FormulaValue,
  cells: readonly unknown[],
  years: readonly unknown[],
  spec: TargetSpec,
  thresholds: Thresholds,
  unit?: string,
): RowResults {
  // Counts in whole units, as shown and judged (wholeCountAsShown): 7.36 家 is 7 家 in the cell, its gap and status.
  const projected =
    unit !== undefined && typeof rawProjected === 'number' && Number.isFinite(rawProjected)
      ? wholeCountAsShown(withinNaturalLimits(rawProjected, unit, spec.name), { ...spec, unit })
      : rawProjected;
  const series = seriesFromCells(cells, years);
  let projection: number | null = null;
  let broken = false;
  if (isFormulaError(projected)) broken = !NO_PROJECTION_ERRORS.has(projected);
  else if (typeof projected === 'number') projection = projected;
  else if (projected !== null && projected !== '') broken = true;

  // The target year's own value gives the gap even without a projection (a row whose only value is 2025's).
  let gap: FormulaValue = '';
  if (broken) gap = isFormulaError(projected) ? projected : '';
  else gap = gapAtTarget(spec, series, projection) ?? (isFormulaError(projected) ? projected : '');
  // A broken projection formula must not yield a status computed from nothing.
  if (broken) return { projected, gap, status: '公式有误' };
  const assessment = assessStatus(spec, series, projection, thresholds);
  return {
    projected,
    gap,
    status: assessment.status,
    ...(assessment.trendLeaves ? { trendLeaves: true } : {}),
  };
}
