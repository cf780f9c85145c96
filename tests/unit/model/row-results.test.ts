import { describe, expect, it } from 'vitest';
import { growth, type XlInput } from '../../../src/model/excel-functions';
import type { Indicator } from '../../../src/model/indicator';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';
import type { Series } from '../../../src/model/projection';
import { defaultMethod } from '../../../src/model/projection';
import {
  defaultProjection,
  defaultProjectionOf,
  isFormulaError,
  resultsOf,
} from '../../../src/model/row-results';
import {
  assessStatus,
  ATTENTION,
  DEFAULT_THRESHOLDS,
  targetSpecOf,
  type TargetSpec,
  type Thresholds,
} from '../../../src/model/status';

const YEARS = [2020, 2021, 2022, 2023];

/**
 * Independent least squares for checking: the textbook raw-sum formulas
 * m = (nΣxy − ΣxΣy) / (nΣx² − (Σx)²), b = (Σy − mΣx) / n, evaluated at x.
 */
function leastSquaresAt(xs: number[], ys: number[], x: number): number {
  const n = xs.length;
  const sx = xs.reduce((a, v) => a + v, 0);
  const sy = ys.reduce((a, v) => a + v, 0);
  const sxy = xs.reduce((a, v, i) => a + v * (ys[i] ?? 0), 0);
  const sxx = xs.reduce((a, v) => a + v * v, 0);
  const m = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  const b = (sy - m * sx) / n;
  return m * x + b;
}

/** The number a projection must be; fails the test with the value when it is not a number. */
function numberOf(value: unknown): number {
  expect(typeof value, `projection ${String(value)}`).toBe('number');
  return value as number;
}

/** Rows as the plan defines them (cf. src/model/plan/lanxi-2021-2025.ts); values are filled by each test. */
const base = {
  area: '儿童与健康',
  clause: '二（二）1',
  baseYear: 2020,
  targetYear: 2025,
  department: '市卫健局',
  source: '',
  values: {},
};
const infantMortality: Indicator = {
  ...base,
  code: 'H02',
  name: '婴儿死亡率',
  unit: '‰',
  target: { kind: 'upper', comparator: '<', wording: '以下', value: 5 },
};
const preschool: Indicator = {
  ...base,
  code: 'E01',
  area: '儿童与教育',
  name: '学前教育毛入园率',
  unit: '%',
  target: { kind: 'lower', comparator: '≥', wording: '以上', value: 97 },
};
// The plan's own row: its target is the yearly-change kind.
const myopia: Indicator = {
  ...structuredClone(LANXI_2021_2025.indicators.find((row) => row.name === '儿童青少年总体近视率')!),
  values: {},
};
const shelters: Indicator = {
  ...base,
  code: 'W03',
  area: '儿童与福利',
  name: '乡镇（街道）未成年人保护工作站覆盖率',
  unit: '%',
  target: { kind: 'full', comparator: '=', wording: '应建尽建', value: null },
};
const obesity: Indicator = {
  ...base,
  code: 'H12',
  name: '儿童超重肥胖率',
  unit: '%',
  target: { kind: 'direction', comparator: '↓', wording: '得到有效控制', value: null },
};

const infantSpec = targetSpecOf(infantMortality);
const preschoolSpec = targetSpecOf(preschool);

/** The status rules' verdict for the numeric pairs, written out by hand. */
const statusFor = (
  spec: TargetSpec,
  series: Series,
  projected: number | null,
  t: Thresholds = DEFAULT_THRESHOLDS,
) => assessStatus(spec, series, projected, t).status;

describe('isFormulaError', () => {
  it.each([
    '#DIV/0!',
    '#N/A',
    '#NUM!',
    '#VALUE!',
    '#NAME?',
    '#REF!',
    '#NULL!',
    '#ERROR!',
    '#CYCLE!',
    '#SPILL!',
  ])('recognises %s as a spreadsheet error', (text) => {
    expect(isFormulaError(text)).toBe(true);
  });

  it.each([12.5, 0, null, '', '待定', '约5‰', 'N/A', 'DIV/0!', '#', '# 1'])(
    'does not take %j for an error',
    (value) => {
      expect(isFormulaError(value)).toBe(false);
    },
  );
});

describe('defaultProjection: linear (FORECAST.LINEAR)', () => {
  it('extends an exact line: 10, 12, 14, 16 in 2020–2023 reach 20 in 2025', () => {
    expect(defaultProjection('linear', [10, 12, 14, 16], YEARS, 2025)).toBeCloseTo(20, 10);
  });

  it('is the least-squares line when the points scatter', () => {
    // By hand, x = year − 2020: x̄ = 1.5, ȳ = 5, Sxy = 7, Sxx = 5, slope 1.4; at x = 5: 5 + 1.4 × 3.5 = 9.9.
    expect(defaultProjection('linear', [3, 5, 4, 8], YEARS, 2025)).toBeCloseTo(9.9, 10);
  });

  it('ignores empty and text cells pairwise', () => {
    // Only (2020, 10) and (2023, 16) take part: slope 2 a year, so 2025 gives 20.
    expect(defaultProjection('linear', [10, null, '未统计', 16], YEARS, 2025)).toBeCloseTo(20, 10);

    const years = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
    const cells: XlInput[] = [55.2, 54.1, null, '缺报', 51.8, 51.0, null, null];
    const expected = leastSquaresAt([2018, 2019, 2022, 2023], [55.2, 54.1, 51.8, 51.0], 2025);
    expect(defaultProjection('linear', cells, years, 2025)).toBeCloseTo(expected, 9);
  });

  it.each<[string, XlInput[]]>([
    ['one value', [null, 5.6, null, null]],
    ['one value and text', [null, 5.6, '暂缺', null]],
    ['no values', [null, null, null, null]],
  ])('gives #DIV/0! with %s', (_label, cells) => {
    expect(defaultProjection('linear', cells, YEARS, 2025)).toBe('#DIV/0!');
  });
});

describe('defaultProjection: log-linear (GROWTH)', () => {
  it('keeps a constant rate of reduction: −10 % a year from 8 gives 8 × 0.9⁵ in 2025', () => {
    expect(defaultProjection('log-linear', [8, 7.2, 6.48, null], YEARS, 2025)).toBeCloseTo(8 * 0.9 ** 5, 10);
  });

  it('ignores empty and text cells pairwise', () => {
    // (2020, 8) and (2022, 6.48): 8 × 0.9² = 6.48, so the rate is still −10 % a year.
    expect(defaultProjection('log-linear', [8, '—', 6.48, null], YEARS, 2025)).toBeCloseTo(8 * 0.9 ** 5, 10);
  });

  it.each<[string, XlInput[], number]>([
    // (2020, 6.2), (2021, 0), (2022, 5.5): mean 2021 → 3.9, Σdx·dy = −2.3 + 1.6 = −0.7, Σdx² = 2, slope −0.35;
    // 2025: 3.9 − 0.35 × 4 = 2.5.
    ['a zero', [6.2, 0, 5.5, null], 2.5],
    // mean 10.7/3, Σdx·dy = −(6.2 − 10.7/3) + (5.5 − 10.7/3) = −0.7, slope −0.35; 2025: 10.7/3 − 1.4 = 6.5/3.
    ['a negative value', [6.2, -1, 5.5, null], 6.5 / 3],
  ])(
    'falls back to the linear trend (IFERROR → FORECAST.LINEAR) with %s, where GROWTH gives #NUM!',
    (_label, cells, linear) => {
      expect(defaultProjection('log-linear', cells, YEARS, 2025)).toBeCloseTo(linear, 10);
      expect(defaultProjectionOf('log-linear', cells, YEARS, 2025)).toEqual({
        value: expect.closeTo(linear, 10) as number,
        fellBack: true,
      });
      expect(leastSquaresAt([2020, 2021, 2022], cells.slice(0, 3) as number[], 2025)).toBeCloseTo(linear, 10);
    },
  );

  it('uses GROWTH exactly as before when every value is positive (no fallback)', () => {
    expect(defaultProjectionOf('log-linear', [8, 7.2, 6.48, null], YEARS, 2025)).toEqual({
      value: growth([8, 7.2, 6.48, null], YEARS, [2025])[0],
      fellBack: false,
    });
    expect(defaultProjection('log-linear', [8, 7.2, 6.48, null], YEARS, 2025)).toBeCloseTo(8 * 0.9 ** 5, 10);
  });

  it('gives #DIV/0! with fewer than two values (FORECAST.LINEAR has none either), and says no fallback', () => {
    expect(defaultProjectionOf('log-linear', [null, 5.6, null, null], YEARS, 2025)).toEqual({
      value: '#DIV/0!',
      fellBack: false,
    });
    expect(defaultProjection('log-linear', [null, 0, null, null], YEARS, 2025)).toBe('#DIV/0!');
  });
});

describe('defaultProjection: compound annual growth', () => {
  it('is last × (1 + CAGR)^(T − t), CAGR from the first and latest values', () => {
    const cells = [100, 130, 121, null];
    // First 100 in 2020, latest 121 in 2022: CAGR = (121 / 100)^(1/2) − 1 = 0.1.
    const cagr = (121 / 100) ** (1 / (2022 - 2020)) - 1;
    expect(cagr).toBeCloseTo(0.1, 12);
    expect(defaultProjection('cagr', cells, YEARS, 2025)).toBeCloseTo(121 * (1 + cagr) ** (2025 - 2022), 9);
    expect(defaultProjection('cagr', cells, YEARS, 2025)).toBeCloseTo(161.051, 9);
  });

  it('skips empty and text cells when finding the first and latest values', () => {
    // 100 in 2020, 133.1 in 2023: 10 % a year, so 2025 gives 133.1 × 1.1².
    expect(defaultProjection('cagr', [100, '—', null, 133.1], YEARS, 2025)).toBeCloseTo(161.051, 9);
  });

  it('gives #NUM! for a first or latest value ≤ 0 and #DIV/0! for fewer than two values', () => {
    expect(defaultProjection('cagr', [0, 130, 121, null], YEARS, 2025)).toBe('#NUM!');
    expect(defaultProjection('cagr', [100, 130, -5, null], YEARS, 2025)).toBe('#NUM!');
    expect(defaultProjection('cagr', [null, null, 121, null], YEARS, 2025)).toBe('#DIV/0!');
  });
});

describe('resultsOf', () => {
  it('an upper bound: gap = projection − target, projected below the bound → 预计达标', () => {
    const cells = [8, 7.2, 6.48, null];
    const projection = 8 * 0.9 ** 5; // 4.72392‰, by hand
    const results = resultsOf(projection, cells, YEARS, infantSpec, DEFAULT_THRESHOLDS);
    expect(results.projected).toBe(projection);
    expect(numberOf(results.gap)).toBeCloseTo(4.72392 - 5, 10);
    expect(results.status).toBe('预计达标');
    const series = { years: [2020, 2021, 2022], values: [8, 7.2, 6.48] };
    expect(results.status).toBe(statusFor(infantSpec, series, projection));
  });

  it('a lower bound: gap = projection − target; the completion ratio decides the tier', () => {
    // 90, 92, 94 → 100 in 2025: at least 97, so on track, 3 points above.
    const onTrack = resultsOf(100, [90, 92, 94, null], YEARS, preschoolSpec, DEFAULT_THRESHOLDS);
    expect(onTrack.gap).toBeCloseTo(3, 10);
    expect(onTrack.status).toBe('预计达标');

    // 80, 81 → 85 in 2025: 12 points short; CR = (85 − 80) / (97 − 80) = 0.29, between 0.1 and 0.5.
    const cells = [80, 81, null, null];
    const slow = resultsOf(85, cells, YEARS, preschoolSpec, DEFAULT_THRESHOLDS);
    expect(slow.gap).toBeCloseTo(-12, 10);
    expect(slow.status).toBe('进展缓慢');
    expect(slow.status).toBe(statusFor(preschoolSpec, { years: [2020, 2021], values: [80, 81] }, 85));

    // The thresholds in force are the ones passed: with 需加快 from CR 0.25, the same row is 需加快.
    const lenient = { ...DEFAULT_THRESHOLDS, moderate: 0.25 };
    expect(resultsOf(85, cells, YEARS, preschoolSpec, lenient).status).toBe('需加快');
  });

  it('a yearly-change target: the gap is to the base value moved by the yearly step', () => {
    const years = [2018, 2019, 2020, 2021, 2022, 2023];
    const cells = [55.2, 54.5, 53.6, 52.8, null, null];
    // 2025 target: 55.2 − 1 × (2025 − 2018) = 48.2; a projection of 49 is 0.8 above it.
    const results = resultsOf(49, cells, years, targetSpecOf(myopia), DEFAULT_THRESHOLDS);
    expect(results.gap).toBeCloseTo(0.8, 10);
    const series = { years: [2018, 2019, 2020, 2021], values: [55.2, 54.5, 53.6, 52.8] };
    expect(results.status).toBe(statusFor(targetSpecOf(myopia), series, 49));
  });

  it('a full-coverage target is measured against 100', () => {
    const results = resultsOf(98.5, [80, 85, 90, null], YEARS, targetSpecOf(shelters), DEFAULT_THRESHOLDS);
    expect(results.gap).toBeCloseTo(-1.5, 10);
  });

  it('once the target year is in, the status is met or not whatever the projection', () => {
    const years = [2020, 2021, 2022, 2023, 2024, 2025];
    const met = resultsOf(5.9, [6.5, 6.1, 5.8, 5.5, 5.2, 4.9], years, infantSpec, DEFAULT_THRESHOLDS);
    expect(met.status).toBe('达标');
    // The gap, too, is the target year's own value against the target (4.9 − 5), not the projection's (5.9 − 5):
    // a gap of +0.9 beside 达标 contradicted it.
    expect(met.gap).toBeCloseTo(-0.1, 10);
    const missed = resultsOf(4.1, [6.5, 6.1, 5.8, 5.5, 5.2, 5.3], years, infantSpec, DEFAULT_THRESHOLDS);
    expect(missed.status).toBe('未达标');
    expect(missed.gap).toBeCloseTo(0.3, 10);
    // A row whose only value is the target year's: no projection, but the gap is that value's.
    const only = resultsOf(
      '#DIV/0!',
      [null, null, null, null, null, 5.3],
      years,
      infantSpec,
      DEFAULT_THRESHOLDS,
    );
    expect(only.status).toBe('未达标');
    expect(only.gap).toBeCloseTo(0.3, 10);
  });

  it('holds a projection within the unit’s limits: no coverage above 100 %, no rate below 0', () => {
    const coverage = targetSpecOf({
      ...infantMortality,
      target: { kind: 'full', comparator: '=', wording: '应建尽建', value: 100 },
    });
    // 92, 95, 97, 98 %: the linear trend gives 102.5 % for 2025; shown and judged as 100 %, gap 0.
    const full = resultsOf(102.5, [92, 95, 97, 98], YEARS, coverage, DEFAULT_THRESHOLDS, '%');
    expect(full.projected).toBe(100);
    expect(full.gap).toBe(0);
    expect(full.status).toBe('预计达标');
    // A falling rate in ‰ whose linear trend crosses zero.
    expect(resultsOf(-0.4, [3, 2, 1.2, 0.5], YEARS, infantSpec, DEFAULT_THRESHOLDS, '‰').projected).toBe(0);
    // Without the unit (a clerk's TARGETGAP formula gives its own projection), the value is taken as it is.
    expect(resultsOf(102.5, [92, 95, 97, 98], YEARS, coverage, DEFAULT_THRESHOLDS).projected).toBe(102.5);
  });

  it('has no gap when the target has no value', () => {
    // Direction-only: falling about 5 % a year, at least 2 % in the desired direction → 预计达标.
    const direction = resultsOf(15.5, [20, 19, 18, null], YEARS, targetSpecOf(obesity), DEFAULT_THRESHOLDS);
    expect(direction.gap).toBe('');
    expect(direction.status).toBe('预计达标');

    // An upper bound whose number the clerk has not filled in yet.
    const unfilled = targetSpecOf({ ...infantMortality, target: { ...infantMortality.target, value: null } });
    expect(resultsOf(4.7, [8, 7.2, 6.48, null], YEARS, unfilled, DEFAULT_THRESHOLDS).gap).toBe('');
  });

  it('has no gap and no projection-based status when the projection cell is empty', () => {
    for (const projected of [null, '']) {
      const results = resultsOf(projected, [8, 7.2, 6.48, null], YEARS, infantSpec, DEFAULT_THRESHOLDS);
      expect(results).toEqual({ projected, gap: '', status: '数据不足' });
    }
  });

  it('a single value: #DIV/0! from FORECAST.LINEAR, shown as the gap, and 数据不足', () => {
    const cells = [null, 95, null, null];
    const projected = defaultProjection('linear', cells, YEARS, 2025);
    expect(resultsOf(projected, cells, YEARS, preschoolSpec, DEFAULT_THRESHOLDS)).toEqual({
      projected: '#DIV/0!',
      gap: '#DIV/0!',
      status: '数据不足',
    });
  });

  it('a zero rate among the values is projected by the linear trend, and judged by it', () => {
    const cells = [6.2, 0, 5.5, null];
    const projected = defaultProjection('log-linear', cells, YEARS, 2025);
    // 2.5‰ by hand (see above): below <5‰ from a base of 6.2‰, so 预计达标.
    const results = resultsOf(projected, cells, YEARS, infantSpec, DEFAULT_THRESHOLDS, '‰');
    expect(results.projected).toBeCloseTo(2.5, 10);
    expect(numberOf(results.gap)).toBeCloseTo(2.5 - 5, 10);
    expect(results.status).toBe('预计达标');

    // A latest value already below the bound stays 已达标.
    const zeroLatest = [6.2, 5.1, 0, null];
    expect(
      resultsOf(
        defaultProjection('log-linear', zeroLatest, YEARS, 2025),
        zeroLatest,
        YEARS,
        infantSpec,
        DEFAULT_THRESHOLDS,
        '‰',
      ).status,
    ).toBe('已达标');
  });

  it('a linear fallback below 0 is held at 0‰, as every linear projection of a rate is', () => {
    // (2020, 6), (2021, 3), (2022, 0): −3‰ a year, 2025: 3 − 3 × 4 = −9‰.
    const cells = [6, 3, 0, null];
    expect(defaultProjection('log-linear', cells, YEARS, 2025)).toBeCloseTo(-9, 10);
    expect(resultsOf(-9, cells, YEARS, infantSpec, DEFAULT_THRESHOLDS, '‰').projected).toBe(0);
    expect(
      resultsOf(
        defaultProjection('log-linear', cells, YEARS, 2025),
        cells,
        YEARS,
        infantSpec,
        DEFAULT_THRESHOLDS,
        '‰',
      ).projected,
    ).toBe(0);
  });

  it('新生儿死亡率 0, 2.5, 3.5, 3.2‰ (2021–2024) against <3‰: moving away from the target, not 数据不足', () => {
    const h01 = LANXI_2021_2025.indicators.find((row) => row.code === 'H01')!;
    expect(h01.name).toBe('新生儿死亡率');
    expect(h01.target).toMatchObject({ kind: 'upper', comparator: '<', value: 3 });
    expect(defaultMethod(h01)).toBe('log-linear');
    const years = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
    const cells = [null, null, null, 0, 2.5, 3.5, 3.2, null];
    // By hand: mean year 2022.5, mean value 9.2 / 4 = 2.3; dx = −1.5, −0.5, 0.5, 1.5; dy = −2.3, 0.2, 1.2, 0.9;
    // Σdx·dy = 3.45 − 0.1 + 0.6 + 1.35 = 5.3; Σdx² = 5; slope 1.06‰ a year; 2025: 2.3 + 1.06 × 2.5 = 4.95‰.
    const { value, fellBack } = defaultProjectionOf('log-linear', cells, years, 2025);
    expect(fellBack).toBe(true);
    expect(numberOf(value)).toBeCloseTo(4.95, 10);
    const results = resultsOf(value, cells, years, targetSpecOf(h01), DEFAULT_THRESHOLDS, h01.unit);
    expect(results.projected).toBeCloseTo(4.95, 10);
    expect(numberOf(results.gap)).toBeCloseTo(1.95, 10);
    // The base year 2020 has no value: 2021's 0‰ stands in. It met <3‰ and the trend no longer does: 倒退.
    expect(results.status).toBe('倒退');
    expect(ATTENTION.has(results.status)).toBe(true);
  });

  it.each(['#DIV/0!', '#N/A', '#NUM!'])(
    '%s means no projection yet: status as with no projection',
    (error) => {
      const cells = [90, 92, 94, null];
      const results = resultsOf(error, cells, YEARS, preschoolSpec, DEFAULT_THRESHOLDS);
      expect(results.gap).toBe(error);
      expect(results.status).toBe(
        statusFor(preschoolSpec, { years: [2020, 2021, 2022], values: [90, 92, 94] }, null),
      );
      expect(results.status).not.toBe('公式有误');
    },
  );

  it.each(['#NAME?', '#REF!', '#VALUE!', '#ERROR!', '#CYCLE!'])(
    'a broken formula (%s) gives 公式有误 and shows the error as the gap',
    (error) => {
      // The row itself would be on track: the status must not be computed as if there were no formula.
      expect(resultsOf(error, [90, 92, 94, null], YEARS, preschoolSpec, DEFAULT_THRESHOLDS)).toEqual({
        projected: error,
        gap: error,
        status: '公式有误',
      });
    },
  );

  it('a text projection that is not a number gives 公式有误 and no gap', () => {
    const results = resultsOf('待定', [8, 7.2, 6.48, null], YEARS, infantSpec, DEFAULT_THRESHOLDS);
    expect(results).toEqual({ projected: '待定', gap: '', status: '公式有误' });
  });
});

describe('a count is shown and judged in whole units, in the current plan and the next', () => {
  // The plan's own row (≥1 家), given a stricter target as a clerk may set it; the figures are made up for the test.
  const centre = LANXI_2021_2025.indicators.find((row) => row.name === '危重新生儿救治中心数量')!;
  const above5: Indicator = {
    ...structuredClone(centre),
    target: { kind: 'count', comparator: '>', wording: '以上', value: 5 },
  };
  /** The row as the grid computes it: the default formula's value, then gap and status. */
  const asGridComputes = (row: Indicator, years: number[], cells: number[]) =>
    resultsOf(
      defaultProjection('linear', cells, years, row.targetYear),
      cells,
      years,
      targetSpecOf(row),
      DEFAULT_THRESHOLDS,
      row.unit,
    );

  it('预测2025年: 3, 4, 4, 5 家 trend to 5.5 家, shown as 5 家, which is not above 5 家', () => {
    const results = asGridComputes(above5, [2021, 2022, 2023, 2024], [3, 4, 4, 5]);
    expect(results.projected).toBe(5);
    expect(results.gap).toBe(0);
    // Progress is measured to 6 家, the whole count above 5: (5 − 3) / (6 − 3) ≈ 0.67. It read 预计达标 from 5.5.
    expect(results.status).toBe('需加快');
  });

  it('预测2030年 of a next plan: 2, 2, 3, 3 家 trend to 5.5 家, judged as the 5 家 shown', () => {
    const next: Indicator = { ...above5, baseYear: 2025, targetYear: 2030 };
    const results = asGridComputes(next, [2021, 2022, 2023, 2024], [2, 2, 3, 3]);
    expect(results.projected).toBe(5);
    expect(results.status).toBe('需加快');
  });

  it('rounds to the side where the target is missed: down for “at least”, up for “at most”; rates keep decimals', () => {
    // ≥1 家 on 0, 0, 1, 0: a trend of 0.6 家 is 0 家 — no progress (停滞), not 需加快 on 60 % of a centre.
    const atLeast1 = asGridComputes(centre, [2020, 2021, 2022, 2023], [0, 0, 1, 0]);
    expect(atLeast1.projected).toBe(0);
    expect(atLeast1.gap).toBe(-1);
    expect(atLeast1.status).toBe('停滞');
    // <3 例 on 6, 5, 5, 4: 3.5 例 is 4 例.
    const fewer: Indicator = {
      ...above5,
      unit: '例',
      target: { kind: 'upper', comparator: '<', wording: '以下', value: 3 },
    };
    expect(asGridComputes(fewer, [2021, 2022, 2023, 2024], [6, 5, 5, 4]).projected).toBe(4);
    // A rate keeps its decimals: 8, 7.2, 6.48‰ trend to 4.72‰.
    const rate = asGridComputes(infantMortality, [2020, 2021, 2022], [8, 7.2, 6.48]);
    expect(rate.projected).not.toBe(Math.round(rate.projected as number));
  });
});
