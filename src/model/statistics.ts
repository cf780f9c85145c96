/**
 * Small statistics the projections need: least squares on (year, value) pairs and Student's t quantile for
 * prediction intervals. Pure and dependency-free.
 */

export interface Fit {
  n: number;
  slope: number;
  intercept: number;
  meanX: number;
  /** Σ(x − x̄)², Excel DEVSQ of the x values. */
  devsqX: number;
  /** Standard error of the estimate, Excel STEYX (NaN when n < 3). */
  steyx: number;
}

export function leastSquares(xs: readonly number[], ys: readonly number[]): Fit | null {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return null;
  let sx = 0;
  let sy = 0;
  for (let i = 0; i < n; i += 1) {
    sx += xs[i] ?? 0;
    sy += ys[i] ?? 0;
  }
  const meanX = sx / n;
  const meanY = sy / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i += 1) {
    const dx = (xs[i] ?? 0) - meanX;
    sxx += dx * dx;
    sxy += dx * ((ys[i] ?? 0) - meanY);
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  let sse = 0;
  for (let i = 0; i < n; i += 1) {
    const r = (ys[i] ?? 0) - (intercept + slope * (xs[i] ?? 0));
    sse += r * r;
  }
  const steyx = n > 2 ? Math.sqrt(sse / (n - 2)) : Number.NaN;
  return { n, slope, intercept, meanX, devsqX: sxx, steyx };
}

/** ln Γ(x), Lanczos approximation (accurate to ~1e-14 for x > 0). */
function logGamma(x: number): number {
  const g = 7;
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const xm = x - 1;
  let a = c[0] ?? 0;
  const t = xm + g + 0.5;
  for (let i = 1; i < g + 2; i += 1) a += (c[i] ?? 0) / (xm + i);
  return 0.5 * Math.log(2 * Math.PI) + (xm + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction for the regularized incomplete beta function (Numerical Recipes' betacf). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m += 1) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return h;
}

function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(a, b, x)) / a
    : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for Student's t with df degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const x = df / (df + t * t);
  const tail = 0.5 * regularizedBeta(x, df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * Computed values by alpha and df: a workbook asks for a handful of them (one level, a few year counts) but once
 * per row — 200 bisection steps each, ~0.1 s of an import's apply on 10,000 rows.
 */
const tInvCache = new Map<string, number>();

/** Two-tailed critical value, Excel T.INV.2T(alpha, df): P(|T| > t) = alpha. */
export function studentTInv2T(alpha: number, df: number): number {
  const key = `${alpha}|${df}`;
  const known = tInvCache.get(key);
  if (known !== undefined) return known;
  const value = bisectTInv2T(alpha, df);
  // (Bounded: the keys are few in practice; a clerk's odd formula should not grow it without end.)
  if (tInvCache.size < 1000) tInvCache.set(key, value);
  return value;
}

function bisectTInv2T(alpha: number, df: number): number {
  const p = 1 - alpha / 2;
  let lo = 0;
  let hi = 1;
  while (studentTCdf(hi, df) < p) hi *= 2;
  for (let i = 0; i < 200; i += 1) {
    const mid = (lo + hi) / 2;
    // The interval cannot halve any more (lo and hi are neighbouring doubles): every further step would leave
    // it as it is, so the answer is already the one 200 steps give. About 60 steps instead of 200, each a
    // continued fraction (the first draw after an import asks for new degrees of freedom).
    if (mid === lo || mid === hi) break;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
