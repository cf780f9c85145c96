/**
 * Excel's least-squares forecasting functions (FORECAST/FORECAST.LINEAR, SLOPE, INTERCEPT, TREND, GROWTH, LINEST,
 * LOGEST) in plain TypeScript, returning Excel's error values instead of throwing. These are the single source of
 * the maths for the grid's custom functions: src/grid/forecast-functions-plugin.ts only converts cells to and from
 * these types, so the grid and every other caller agree. One x variable only; see "Rules" below for deviations.
 */

export type ExcelError = '#N/A' | '#DIV/0!' | '#NUM!' | '#VALUE!';
export type XlResult = number | { error: ExcelError };
/** One cell as these functions see it; null is an empty cell. */
export type XlInput = number | string | boolean | null;

export function isExcelError(value: XlResult): value is { error: ExcelError } {
  return typeof value === 'object';
}

const fail = (error: ExcelError): { error: ExcelError } => ({ error });

/** A result that is not a finite number (overflow in GROWTH, say) is #NUM!, as in Excel. */
function finite(value: number): XlResult {
  return Number.isFinite(value) ? value : fail('#NUM!');
}

function quotient(numerator: number, denominator: number): XlResult {
  return denominator === 0 ? fail('#DIV/0!') : finite(numerator / denominator);
}

/** Only real numbers take part in a fit; everything else in a known_y/known_x array is ignored. */
function isUsable(value: XlInput | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Excel's coercion of a single numeric argument (FORECAST's x): TRUE/FALSE count as 1/0, an empty cell as 0 and
 * numeric text as its number; any other text cannot be a number.
 */
function scalarToNumber(value: XlInput): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value === null) return 0;
  const text = value.trim();
  return PLAIN_NUMBER.test(text) ? Number(text) : undefined;
}

/** Excel's default known_x's: {1, 2, 3, ...}, one per known_y. */
function positions(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i + 1);
}

interface Pairs {
  xs: number[];
  ys: number[];
}

/*
 * Rules shared by every function (the project's documented choices):
 * - A pair whose y or x is empty, text or a boolean is ignored pairwise, because clerks leave years empty. Excel does
 *   this for FORECAST/SLOPE/INTERCEPT; its TREND/GROWTH/LINEST/LOGEST would return #VALUE! instead.
 * - Only one x variable: arrays are flat, so y and x ranges may have any shape as long as they hold as many cells.
 * - Arrays of different lengths, or empty arrays, give #N/A. Fewer than two usable pairs, or x without spread, give
 *   #DIV/0! (with constant = false: all x zero). Excel's LINEST/TREND would instead drop a constant x and return m = 0.
 * - GROWTH/LOGEST: a y ≤ 0 gives #NUM! only if its pair takes part (an ignored pair is ignored entirely).
 * - LINEST/LOGEST stats that would divide by zero (no degrees of freedom left, or F of a perfect fit) are #DIV/0!,
 *   a choice made where Excel's documentation says nothing.
 * - An array result that fails as a whole (e.g. #N/A) comes back in its usual shape filled with that error, the way
 *   a legacy Excel array formula shows it in every cell.
 */
function usablePairs(knownYs: readonly XlInput[], knownXs: readonly XlInput[]): Pairs | ExcelError {
  if (knownYs.length === 0 || knownYs.length !== knownXs.length) return '#N/A';
  const pairs: Pairs = { xs: [], ys: [] };
  knownYs.forEach((y, i) => {
    const x = knownXs[i];
    if (isUsable(y) && isUsable(x)) {
      pairs.ys.push(y);
      pairs.xs.push(x);
    }
  });
  return pairs;
}

const sum = (values: readonly number[]): number => values.reduce((total, v) => total + v, 0);
const mean = (values: readonly number[]): number => sum(values) / values.length;

/** A fitted line y = m·x + b together with the data it was fitted to (needed for LINEST's statistics). */
interface LineFit extends Pairs {
  m: number;
  b: number;
  constant: boolean;
  /** Σ(x − x̄)² with a constant, Σx² without: the spread of x the slope's standard error divides by. */
  sxx: number;
}

function fitLine({ xs, ys }: Pairs, constant: boolean): LineFit | ExcelError {
  if (constant && xs.length < 2) return '#DIV/0!';
  // Sums are taken about the means: x values are years (~2020), and raw Σx² would lose most of the digits.
  const mx = constant ? mean(xs) : 0;
  const my = constant ? mean(ys) : 0;
  let sxx = 0;
  let sxy = 0;
  xs.forEach((x, i) => {
    sxx += (x - mx) ** 2;
    sxy += (x - mx) * ((ys[i] ?? 0) - my);
  });
  if (sxx === 0) return '#DIV/0!';
  const m = sxy / sxx;
  const b = my - m * mx;
  if (!Number.isFinite(m) || !Number.isFinite(b)) return '#NUM!';
  return { xs, ys, m, b, constant, sxx };
}

function fitLinear(knownYs: readonly XlInput[], knownXs: readonly XlInput[], constant: boolean) {
  const pairs = usablePairs(knownYs, knownXs);
  return typeof pairs === 'string' ? pairs : fitLine(pairs, constant);
}

/** GROWTH/LOGEST fit ln(y) = ln(b) + x·ln(m), so every y taking part must be positive. */
function fitExponential(knownYs: readonly XlInput[], knownXs: readonly XlInput[], constant: boolean) {
  const pairs = usablePairs(knownYs, knownXs);
  if (typeof pairs === 'string') return pairs;
  if (pairs.ys.some((y) => y <= 0)) return '#NUM!';
  return fitLine({ xs: pairs.xs, ys: pairs.ys.map(Math.log) }, constant);
}

/**
 * Rows 2–5 of LINEST's stats block, as Excel (2003 and later) defines them for one x variable. Without a constant
 * the sums of squares are taken about 0, not the mean, and se_b is #N/A because b was not estimated.
 */
function statisticsRows(fit: LineFit): XlResult[][] {
  const { xs, ys, m, b, constant, sxx } = fit;
  const n = xs.length;
  const df = n - (constant ? 2 : 1);
  const my = constant ? mean(ys) : 0;
  let ssresid = 0;
  let ssreg = 0;
  xs.forEach((x, i) => {
    const predicted = m * x + b;
    ssresid += ((ys[i] ?? 0) - predicted) ** 2;
    ssreg += (predicted - my) ** 2;
  });
  const seY = df > 0 ? Math.sqrt(ssresid / df) : undefined;
  const mx = constant ? mean(xs) : 0;
  const seM: XlResult = seY === undefined ? fail('#DIV/0!') : finite(seY / Math.sqrt(sxx));
  const seB: XlResult = !constant
    ? fail('#N/A')
    : seY === undefined
      ? fail('#DIV/0!')
      : finite(seY * Math.sqrt(1 / n + (mx * mx) / sxx));
  // F = (ssreg / 1) / (ssresid / df) with one x variable; a perfect fit divides by zero.
  const f: XlResult = df > 0 ? quotient(ssreg * df, ssresid) : fail('#DIV/0!');
  return [
    [seM, seB],
    [quotient(ssreg, ssreg + ssresid), seY === undefined ? fail('#DIV/0!') : seY],
    [f, df],
    [ssreg, ssresid],
  ];
}

/** A whole-result error in the result's usual shape (at least one cell, so the error is never lost). */
function filled<T>(count: number, make: () => T): T[] {
  return Array.from({ length: Math.max(count, 1) }, make);
}

/** FORECAST and FORECAST.LINEAR: the value at x on the least-squares line through the known pairs. */
export function forecastLinear(
  x: XlInput,
  knownYs: readonly XlInput[],
  knownXs: readonly XlInput[],
): XlResult {
  const at = scalarToNumber(x);
  if (at === undefined) return fail('#VALUE!');
  const fit = fitLinear(knownYs, knownXs, true);
  return typeof fit === 'string' ? fail(fit) : finite(fit.m * at + fit.b);
}

/** SLOPE: m of the least-squares line (HyperFormula has SLOPE; this one shares the rules of the others). */
export function slope(knownYs: readonly XlInput[], knownXs: readonly XlInput[]): XlResult {
  const fit = fitLinear(knownYs, knownXs, true);
  return typeof fit === 'string' ? fail(fit) : fit.m;
}

/** INTERCEPT: b of the least-squares line, where it crosses x = 0. */
export function intercept(knownYs: readonly XlInput[], knownXs: readonly XlInput[]): XlResult {
  const fit = fitLinear(knownYs, knownXs, true);
  return typeof fit === 'string' ? fail(fit) : fit.b;
}

/**
 * TREND: y = m·x + b at each new x (one result per new x, in order). known_x's default to {1, 2, ...};
 * new_x's default to known_x's, which also fills the years whose y is empty. A new x that is not a number gives
 * #VALUE! in its own place only. constant = false forces b = 0.
 */
export function trend(
  knownYs: readonly XlInput[],
  knownXs?: readonly XlInput[],
  newXs?: readonly XlInput[],
  constant = true,
): XlResult[] {
  const xs = knownXs ?? positions(knownYs.length);
  const targets = newXs ?? xs;
  const fit = fitLinear(knownYs, xs, constant);
  if (typeof fit === 'string') return filled(targets.length, () => fail(fit));
  if (targets.length === 0) return [fail('#N/A')];
  return targets.map((x) => (isUsable(x) ? finite(fit.m * x + fit.b) : fail('#VALUE!')));
}

/**
 * GROWTH: y = b·m^x at each new x, fitted on ln(y); any y ≤ 0 taking part gives #NUM!. Defaults as TREND;
 * constant = false forces b = 1.
 */
export function growth(
  knownYs: readonly XlInput[],
  knownXs?: readonly XlInput[],
  newXs?: readonly XlInput[],
  constant = true,
): XlResult[] {
  const xs = knownXs ?? positions(knownYs.length);
  const targets = newXs ?? xs;
  const fit = fitExponential(knownYs, xs, constant);
  if (typeof fit === 'string') return filled(targets.length, () => fail(fit));
  if (targets.length === 0) return [fail('#N/A')];
  return targets.map((x) => (isUsable(x) ? finite(Math.exp(fit.b + fit.m * x)) : fail('#VALUE!')));
}

/**
 * LINEST for one x variable: [[m, b]], or with stats the 5×2 block
 * [[m, b], [se_m, se_b], [r², se_y], [F, df], [ssreg, ssresid]]. constant = false forces b = 0 (se_b is #N/A).
 */
export function linest(
  knownYs: readonly XlInput[],
  knownXs?: readonly XlInput[],
  constant = true,
  stats = false,
): XlResult[][] {
  const fit = fitLinear(knownYs, knownXs ?? positions(knownYs.length), constant);
  if (typeof fit === 'string') return filled(stats ? 5 : 1, () => [fail(fit), fail(fit)]);
  const first: XlResult[] = [fit.m, fit.b];
  return stats ? [first, ...statisticsRows(fit)] : [first];
}

/**
 * LOGEST for one x variable: the curve y = b·m^x, as [[m, b]] or the 5×2 stats block. As in Excel, the statistics
 * (rows 2–5) describe the linear fit of ln(y), not y. Any y ≤ 0 taking part gives #NUM!; constant = false forces
 * b = 1.
 */
export function logest(
  knownYs: readonly XlInput[],
  knownXs?: readonly XlInput[],
  constant = true,
  stats = false,
): XlResult[][] {
  const fit = fitExponential(knownYs, knownXs ?? positions(knownYs.length), constant);
  if (typeof fit === 'string') return filled(stats ? 5 : 1, () => [fail(fit), fail(fit)]);
  const first: XlResult[] = [finite(Math.exp(fit.m)), finite(Math.exp(fit.b))];
  return stats ? [first, ...statisticsRows(fit)] : [first];
}
