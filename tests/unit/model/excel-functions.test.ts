import { describe, it, expect } from 'vitest';
import {
  forecastLinear,
  growth,
  intercept,
  isExcelError,
  linest,
  logest,
  slope,
  trend,
  type ExcelError,
  type XlInput,
  type XlResult,
} from '../../../src/model/excel-functions';

/** Compares a result (number or error) to an expected number (to `digits` decimals) or error. */
function expectResult(actual: XlResult | undefined, expected: number | ExcelError, digits = 6): void {
  if (typeof expected === 'string') {
    expect(actual).toEqual({ error: expected });
  } else {
    expect(typeof actual).toBe('number');
    expect(actual as number).toBeCloseTo(expected, digits);
  }
}

function expectResults(actual: XlResult[], expected: (number | ExcelError)[], digits = 6): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((value, i) => expectResult(actual[i], value, digits));
}

/**
 * Independent least squares for checking: the textbook raw-sum formulas
 * m = (nΣxy − ΣxΣy) / (nΣx² − (Σx)²), b = (Σy − mΣx) / n, unlike the module's sums about the means.
 */
function referenceLine(ys: number[], xs: number[]): { m: number; b: number } {
  const n = ys.length;
  const sx = xs.reduce((a, x) => a + x, 0);
  const sy = ys.reduce((a, y) => a + y, 0);
  const sxy = xs.reduce((a, x, i) => a + x * (ys[i] ?? 0), 0);
  const sxx = xs.reduce((a, x) => a + x * x, 0);
  const m = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  return { m, b: (sy - m * sx) / n };
}

describe('Microsoft documentation examples', () => {
  it('FORECAST / FORECAST.LINEAR: y {6,7,9,15,21}, x {20,28,31,38,40} at x = 30 gives 10.607253', () => {
    expectResult(forecastLinear(30, [6, 7, 9, 15, 21], [20, 28, 31, 38, 40]), 10.607253);
  });

  it('LINEST example 1: y {1,9,5,7}, x {0,4,2,3} gives slope 2 and intercept 1', () => {
    // By hand: x̄ = 2.25, ȳ = 5.5, Σ(x−x̄)(y−ȳ) = 17.5, Σ(x−x̄)² = 8.75, so m = 2 and b = 5.5 − 2·2.25 = 1.
    expect(linest([1, 9, 5, 7], [0, 4, 2, 3])).toEqual([[2, 1]]);
  });

  it('LINEST example 2: sales {3100,…,8100} in months 1–6 give m 1000, b 2000, and 11000 for month 9', () => {
    const sales = [3100, 4500, 4400, 5400, 7500, 8100];
    const [[m, b] = []] = linest(sales);
    expectResult(m, 1000, 9);
    expectResult(b, 2000, 9);
    // The doc's =SUM(LINEST(B1:B6, A1:A6)*{9,1}) is the same line as TREND at month 9.
    expectResults(trend(sales, [1, 2, 3, 4, 5, 6], [9]), [11000], 9);
  });

  const units = [33100, 47300, 69000, 102000, 150000, 220000];
  const months = [11, 12, 13, 14, 15, 16];

  it('GROWTH example: units in months 11–16, fitted and extended to months 17–18', () => {
    expectResults(
      growth(units, months),
      [32618.20377, 47729.42261, 69841.30086, 102197.0734, 149542.4867, 218821.8762],
      3,
    );
    expectResults(growth(units, months, [17, 18]), [320196.7184, 468536.0542], 3);
  });

  it('LOGEST example: same units give m 1.463275628, b 495.3047702 and the stats of the ln(y) fit', () => {
    const result = logest(units, months, true, true);
    const expected = [
      [1.463275628, 495.3047702],
      [0.002633403, 0.035834282],
      [0.99980862, 0.011016315],
      [20896.8011, 4],
      [2.53601883, 0.000485437],
    ];
    expect(result).toHaveLength(5);
    expected.forEach((row, r) => row.forEach((value, c) => expectResult(result[r]?.[c], value, 3)));
    expectResult(result[0]?.[0], 1.463275628, 8);
    expectResult(result[0]?.[1], 495.3047702, 6);
  });

  it('LINEST with const = FALSE (Microsoft KB 215559 data: y 0…19, x 1…20)', () => {
    const ys = Array.from({ length: 20 }, (_, i) => i);
    const xs = ys.map((y) => y + 1);
    const [[m, b] = [], [seM, seB] = [], [r2, seY] = [], [f, df] = [], [ssreg, ssresid] = []] = linest(
      ys,
      xs,
      false,
      true,
    );
    // These figures are the KB's and did not change in Excel 2003.
    expectResult(m, 0.926829);
    expect(b).toBe(0);
    expectResult(seM, 0.009219);
    expect(seB).toEqual({ error: '#N/A' });
    expect(df).toBe(19);
    expectResult(ssresid, 4.634146);
    // The KB prints se_y as 0.493855, which contradicts its own ssresid and se_m (a typo for 0.493865):
    // √(4.634146/19) = 0.4938648, and 0.4938648/√2870 = 0.009219 as printed.
    expectResult(seY, Math.sqrt(4.634146 / 19), 6);
    // Excel 2003 fixed the KB's centred sums for const = FALSE: they are now taken about 0. Checked by hand:
    // Σx² = 2870, Σxy = 2660, Σy² = 2470, so ssreg = 2660²/2870, r² = ssreg/Σy², F = ssreg/(ssresid/19).
    const expectedSsreg = 2660 ** 2 / 2870;
    expectResult(ssreg, expectedSsreg);
    expectResult(r2, expectedSsreg / 2470);
    expectResult(f, expectedSsreg / ((2470 - expectedSsreg) / 19), 4);
  });
});

describe('hand-derived results on tiny inputs', () => {
  it('LINEST stats for y {1,2,4}, x {1,2,3} match the sums worked by hand', () => {
    // m = 3/2, b = −2/3; residuals 1/6, −1/3, 1/6 so ssresid = 1/6; Σ(y−ȳ)² = 14/3 so ssreg = 9/2;
    // df = 1, se_y = √(1/6), se_m = se_y/√2, se_b = se_y·√(1/3 + 4/2), F = (9/2)/(1/6) = 27.
    const expected = [
      [1.5, -2 / 3],
      [Math.sqrt(1 / 12), Math.sqrt(7 / 18)],
      [27 / 28, Math.sqrt(1 / 6)],
      [27, 1],
      [4.5, 1 / 6],
    ];
    const result = linest([1, 2, 4], [1, 2, 3], true, true);
    expect(result).toHaveLength(5);
    expected.forEach((row, r) => row.forEach((value, c) => expectResult(result[r]?.[c], value, 10)));
  });

  it.each<{ name: string; actual: () => XlResult[] | XlResult[][]; expected: number[] | number[][] }>([
    {
      name: 'TREND without x values uses x = 1, 2, 3',
      actual: () => trend([1, 2, 4]),
      expected: [5 / 6, 7 / 3, 23 / 6],
    },
    {
      name: 'TREND, const = FALSE: m = Σxy/Σx² = 31/14',
      actual: () => trend([2, 4, 7], [1, 2, 3], [4], false),
      expected: [62 / 7],
    },
    {
      name: 'LINEST, const = FALSE forces b = 0',
      actual: () => linest([2, 4, 7], [1, 2, 3], false),
      expected: [[31 / 14, 0]],
    },
    { name: 'LOGEST of y = 2^x is m 2, b 1', actual: () => logest([2, 4, 8], [1, 2, 3]), expected: [[2, 1]] },
    {
      name: 'GROWTH of y = 2^x at 4 and 5',
      actual: () => growth([2, 4, 8], [1, 2, 3], [4, 5]),
      expected: [16, 32],
    },
    // y = 2^(x+1); through the origin ln m = ln 2 · Σx(x+1)/Σx² = ln 2 · 20/14.
    {
      name: 'LOGEST, const = FALSE forces b = 1',
      actual: () => logest([4, 8, 16], [1, 2, 3], false),
      expected: [[2 ** (10 / 7), 1]],
    },
    {
      name: 'GROWTH, const = FALSE',
      actual: () => growth([4, 8, 16], [1, 2, 3], [4], false),
      expected: [2 ** (40 / 7)],
    },
  ])('$name', ({ actual, expected }) => {
    const result = actual();
    expect(result).toHaveLength(expected.length);
    expected.forEach((value, i) => {
      const got = result[i];
      if (Array.isArray(value)) value.forEach((v, c) => expectResult((got as XlResult[])[c], v, 9));
      else expectResult(got as XlResult, value, 9);
    });
  });
});

describe('agreement with an independent least-squares computation', () => {
  const cases: { ys: number[]; xs: number[] }[] = [
    { ys: [12.5, 13.1, 14.8, 15.2, 17.9, 18.4], xs: [2018, 2019, 2020, 2021, 2022, 2023] },
    { ys: [-3, 0.5, 2, 8, 7.25], xs: [0.1, 0.4, 0.45, 1.7, 2.2] },
    { ys: [100, 90, 85, 60], xs: [5, 3, 2, -4] },
  ];

  it.each(cases)('FORECAST, SLOPE, INTERCEPT, TREND and LINEST agree for x = $xs', ({ ys, xs }) => {
    const { m, b } = referenceLine(ys, xs);
    expectResult(slope(ys, xs), m, 8);
    expectResult(intercept(ys, xs), b, 6);
    expectResult(forecastLinear(2030, ys, xs), m * 2030 + b, 6);
    expectResults(
      trend(ys, xs),
      xs.map((x) => m * x + b),
      6,
    );
    const [[lm, lb] = []] = linest(ys, xs);
    expectResult(lm, m, 8);
    expectResult(lb, b, 6);
  });

  it.each(cases.map(({ ys, xs }) => ({ ys: ys.map((y) => Math.abs(y) + 1), xs })))(
    'GROWTH and LOGEST are the line through ln(y) for x = $xs',
    ({ ys, xs }) => {
      const { m, b } = referenceLine(ys.map(Math.log), xs);
      expectResults(growth(ys, xs, [xs[0] ?? 0]), [Math.exp(b + m * (xs[0] ?? 0))], 6);
      const [[lm, lb] = []] = logest(ys, xs);
      expectResult(lm, Math.exp(m), 8);
      expectResult(lb, Math.exp(b), 6);
    },
  );
});

describe('edge cases', () => {
  const years: XlInput[] = [2020, 2021, 2022, 2023, 2024];

  it('ignores pairs whose y or x is empty, text or boolean (pairwise)', () => {
    const ys: XlInput[] = [10, null, 15, 'n/a', 20, true];
    const xs: XlInput[] = [2020, 2021, null, 2023, 2024, 2025];
    // Only (2020, 10) and (2024, 20) are usable: m = 2.5.
    expectResult(forecastLinear(2025, ys, xs), 22.5, 9);
    expectResult(slope(ys, xs), 2.5, 9);
    expectResult(intercept(ys, xs), 10 - 2.5 * 2020, 6);
    expectResults(trend(ys, xs, [2026]), [25], 9);
    expect(linest(ys, xs)).toEqual(linest([10, 20], [2020, 2024]));
    expect(logest(ys, xs)).toEqual(logest([10, 20], [2020, 2024]));
  });

  it('TREND without new x fills the years whose y is empty, and gives #VALUE! only where x is not a number', () => {
    expectResults(trend([10, null, 14, 16], [2020, 2021, 2022, 2023]), [10, 12, 14, 16], 9);
    expectResults(trend([10, 12, 14], [1, 2, 3], [4, null, 'x', 5]), [16, '#VALUE!', '#VALUE!', 18], 9);
    expectResults(growth([2, 4, 8], [1, 2, 3], [true, 4]), ['#VALUE!', 16], 9);
  });

  it.each<{ name: string; ys: XlInput[]; xs: XlInput[]; error: ExcelError }>([
    { name: 'one usable pair', ys: [5, null, 7], xs: [2020, 2021, null], error: '#DIV/0!' },
    { name: 'no usable pair', ys: [null, 'a'], xs: [1, 2], error: '#DIV/0!' },
    { name: 'all x equal (no variance)', ys: [1, 2, 3], xs: [2020, 2020, 2020], error: '#DIV/0!' },
    { name: 'different lengths', ys: [1, 2, 3], xs: [1, 2], error: '#N/A' },
    { name: 'empty arrays', ys: [], xs: [], error: '#N/A' },
  ])('$name gives $error for every function', ({ ys, xs, error }) => {
    expectResult(forecastLinear(2025, ys, xs), error);
    expectResult(slope(ys, xs), error);
    expectResult(intercept(ys, xs), error);
    expect(trend(ys, xs, [1, 2])).toEqual([{ error }, { error }]);
    expect(growth(ys, xs, [1])).toEqual([{ error }]);
    expect(linest(ys, xs)).toEqual([[{ error }, { error }]]);
    expect(logest(ys, xs, true, true)).toEqual(Array.from({ length: 5 }, () => [{ error }, { error }]));
  });

  it('const = FALSE needs only one pair with x ≠ 0', () => {
    expectResults(trend([6], [2], [5], false), [15], 9);
    expect(linest([6], [2], false)).toEqual([[3, 0]]);
    expect(linest([6], [0], false)).toEqual([[{ error: '#DIV/0!' }, { error: '#DIV/0!' }]]);
  });

  it.each<{ name: string; ys: XlInput[] }>([
    { name: 'a negative y', ys: [2, -4, 8] },
    { name: 'a zero y', ys: [2, 0, 8] },
  ])('GROWTH and LOGEST give #NUM! for $name', ({ ys }) => {
    expect(growth(ys, [1, 2, 3], [4])).toEqual([{ error: '#NUM!' }]);
    expect(logest(ys, [1, 2, 3])).toEqual([[{ error: '#NUM!' }, { error: '#NUM!' }]]);
    // TREND and LINEST do not care about the sign of y.
    expect(isExcelError(trend(ys, [1, 2, 3], [4])[0] ?? { error: '#N/A' })).toBe(false);
  });

  it('a y ≤ 0 in an ignored pair does not stop GROWTH', () => {
    expectResults(growth([2, -1, 4, 8], [1, null, 2, 3], [4]), [16], 9);
  });

  it('lengths are checked before the sign of y (#N/A before #NUM!)', () => {
    expect(growth([-1, 2], [1], [3])).toEqual([{ error: '#N/A' }]);
  });

  it.each<{ x: XlInput; expected: number | ExcelError }>([
    { x: 'abc', expected: '#VALUE!' },
    { x: '', expected: '#VALUE!' },
    { x: '2025', expected: 22.5 },
    { x: true, expected: 10 - 2.5 * 2020 + 2.5 },
    { x: null, expected: 10 - 2.5 * 2020 },
  ])('FORECAST coerces x like Excel: $x → $expected', ({ x, expected }) => {
    expectResult(forecastLinear(x, [10, 20], [2020, 2024]), expected, 6);
  });

  it('text in known x values is ignored, not an error', () => {
    expectResult(forecastLinear(2025, [1, 2, 3, 4, 5], ['2020', 2021, 2022, 2023, 2024]), 5 + 1, 9);
    expect(
      linest(
        [1, 2, 3, 4, 5],
        years.map((y, i) => (i === 0 ? 'text' : y)),
      ),
    ).toEqual([[1, expect.closeTo(-2019, 6)]]);
  });

  it('with two pairs LINEST has no degrees of freedom left: its standard errors are #DIV/0!', () => {
    const [first, second, third, fourth, fifth] = linest([1, 3], [1, 2], true, true);
    expect(first).toEqual([2, -1]);
    expect(second).toEqual([{ error: '#DIV/0!' }, { error: '#DIV/0!' }]);
    expect(third).toEqual([1, { error: '#DIV/0!' }]);
    expect(fourth).toEqual([{ error: '#DIV/0!' }, 0]);
    expect(fifth).toEqual([2, 0]);
  });

  it('GROWTH that overflows is #NUM!', () => {
    expect(growth([1, 1e300], [1, 2], [10])).toEqual([{ error: '#NUM!' }]);
  });
});
