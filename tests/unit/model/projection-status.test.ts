import { describe, expect, it } from 'vitest';
import {
  defaultMethod,
  linearFallbackNote,
  linearPredictionInterval,
  project,
  projectByDefault,
  seriesFromCells,
  seriesOf,
  type Series,
} from '../../../src/model/projection';
import {
  assessFluctuation,
  assessStatus,
  countReversals,
  crCuts,
  DEFAULT_THRESHOLDS,
  directionCuts,
  explainStatus,
  holdLegend,
  percentBesideThresholds,
  reportStatusLegend,
  restoreThresholds,
  targetSpecOf,
  thresholdProblem,
  type TargetSpec,
} from '../../../src/model/status';
import { studentTInv2T } from '../../../src/model/statistics';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';

const s = (pairs: Record<number, number>): Series => seriesOf({ values: pairs });
const upper5: TargetSpec = { kind: 'upper', comparator: '<', value: 5, baseYear: 2020, targetYear: 2025 };
const lower97: TargetSpec = { kind: 'lower', comparator: '≥', value: 97, baseYear: 2020, targetYear: 2025 };

describe('projection methods', () => {
  it('linear trend equals least squares by hand', () => {
    // y = 2x − 4030 exactly: 2020→10, 2021→12, 2022→14
    const r = project('linear', s({ 2020: 10, 2021: 12, 2022: 14 }), 2025);
    expect(r).toMatchObject({ ok: true, value: 20, rate: 2 });
  });
  it('log-linear gives the constant rate of reduction (AARR)', () => {
    // 8, 7.2, 6.48: −10 % a year → 2025: 8·0.9^5
    const r = project('log-linear', s({ 2020: 8, 2021: 7.2, 2022: 6.48 }), 2025);
    expect(r.ok && r.value).toBeCloseTo(8 * 0.9 ** 5, 10);
    expect(r.ok && r.rate).toBeCloseTo(-0.1, 10);
  });
  it('CAGR uses the first and latest values', () => {
    const r = project('cagr', s({ 2020: 100, 2021: 130, 2022: 121 }), 2024);
    expect(r.ok && r.rate).toBeCloseTo(0.1, 10);
    expect(r.ok && r.value).toBeCloseTo(121 * 1.1 ** 2, 10);
  });
  it.each([
    ['linear', { 2021: 5 }, 'too-few-values'],
    ['log-linear', { 2020: 5, 2021: 0 }, 'non-positive'],
    ['cagr', { 2020: -1, 2021: 2 }, 'non-positive'],
    ['log-linear', {}, 'too-few-values'],
  ] as const)('%s on %o fails with %s', (method, values, reason) => {
    expect(project(method, s(values), 2025)).toEqual({ ok: false, method, reason });
  });
  it('the default log-linear projection falls back to the linear trend where log-linear fails, and says why', () => {
    // 0, 2.5, 3.5, 3.2‰ in 2021–2024: least squares by hand 2.3 + 1.06 × 2.5 = 4.95‰ in 2025.
    const zero = s({ 2021: 0, 2022: 2.5, 2023: 3.5, 2024: 3.2 });
    const r = projectByDefault('log-linear', zero, 2025);
    expect(r).toMatchObject({ ok: true, method: 'linear', fellBack: true });
    expect(r.ok && r.value).toBeCloseTo(4.95, 10);
    expect(r.ok && r.rate).toBeCloseTo(1.06, 10);
    expect(linearFallbackNote(zero)).toBe(
      '含0值，无法按对数线性（GROWTH）测算，改用线性趋势（FORECAST.LINEAR）',
    );
    expect(linearFallbackNote(s({ 2021: -1, 2022: 2 }))).toMatch(/^含负值，/);
    // All positive: log-linear exactly as project gives it, no fallback.
    const falling = s({ 2020: 8, 2021: 7.2, 2022: 6.48 });
    expect(projectByDefault('log-linear', falling, 2025)).toEqual(project('log-linear', falling, 2025));
    // Other methods and too few values are left as they are.
    expect(projectByDefault('cagr', s({ 2020: 0, 2021: 2 }), 2025)).toMatchObject({
      ok: false,
      reason: 'non-positive',
    });
    expect(projectByDefault('log-linear', s({ 2021: 0 }), 2025)).toMatchObject({ ok: false });
  });
  it('equal values project flat', () => {
    expect(project('linear', s({ 2020: 4, 2021: 4, 2022: 4 }), 2025)).toMatchObject({ ok: true, value: 4 });
  });
  it('ignores text and empty cells pairwise', () => {
    expect(seriesFromCells([5, null, 'abc', 4], [2020, 2021, 2022, 2023])).toEqual({
      years: [2020, 2023],
      values: [5, 4],
    });
  });
  it('Student t quantile matches published tables (T.INV.2T)', () => {
    expect(studentTInv2T(0.2, 1)).toBeCloseTo(3.0777, 3);
    expect(studentTInv2T(0.2, 3)).toBeCloseTo(1.6377, 3);
    expect(studentTInv2T(0.05, 10)).toBeCloseTo(2.2281, 3);
  });
  it('prediction interval widens with noise and is centred on the trend', () => {
    const pi = linearPredictionInterval(s({ 2020: 6, 2021: 4, 2022: 6.5, 2023: 4 }), 2025, 0.8);
    expect(pi).not.toBeNull();
    expect(pi!.low).toBeLessThan(pi!.center);
    expect(pi!.high - pi!.center).toBeCloseTo(pi!.center - pi!.low, 10);
  });
});

describe('default method by kind of indicator', () => {
  const byName = (name: string) => LANXI_2021_2025.indicators.find((r) => r.name === name)!;
  it.each([
    ['婴儿死亡率', 'log-linear'],
    ['5岁以下儿童生长迟缓率', 'log-linear'],
    ['学前教育毛入园率', 'linear'],
    ['危重新生儿救治中心数量', 'linear'],
    ['儿童青少年总体近视率', 'linear'],
    ['城乡居民最低生活保障标准', 'cagr'],
  ])('%s → %s', (name, method) => {
    expect(defaultMethod(byName(name))).toBe(method);
  });
});

describe('status by kind of target', () => {
  const status = (spec: TargetSpec, values: Record<number, number>, projected: number | null) =>
    assessStatus(spec, s(values), projected).status;

  it.each([
    // upper bound "<5": boundary differs from "≤5"
    [upper5, { 2020: 6, 2023: 5 }, 4.8, '预计达标'],
    [upper5, { 2020: 6, 2023: 4.9 }, 4.5, '已达标'],
    [{ ...upper5, comparator: '≤' }, { 2020: 6, 2023: 5 }, 4.8, '已达标'],
    [upper5, { 2020: 7, 2022: 6 }, 5.5, '需加快'], // CR = (5.5−7)/(5−7) = 0.75
    [upper5, { 2020: 7, 2022: 6.8 }, 6.6, '进展缓慢'], // CR = 0.2
    [upper5, { 2020: 7, 2022: 7 }, 7, '停滞'],
    [upper5, { 2020: 7, 2022: 7.5 }, 8, '倒退'], // CR = −0.5
    [upper5, { 2020: 7, 2025: 4.9 }, 4.9, '达标'],
    [upper5, { 2020: 7, 2025: 5 }, 5, '未达标'],
    [upper5, { 2022: 6 }, null, '数据不足'],
    [upper5, {}, null, '数据不足'],
    // lower bound
    [lower97, { 2020: 95, 2022: 96 }, 97.5, '预计达标'],
    [lower97, { 2020: 95, 2022: 95.5 }, 96.2, '需加快'], // CR 0.6
    [lower97, { 2020: 98, 2022: 97 }, 96, '已达标'], // the latest value 97 meets ≥97
    [lower97, { 2020: 98, 2022: 96.5 }, 95, '倒退'], // met at base, slipping back
    // values beyond the target year do not change the verdict at T
    [lower97, { 2020: 95, 2025: 97.2, 2026: 90 }, null, '达标'],
  ] as const)('%o with %o projecting %s → %s', (spec, values, projected, expected) => {
    expect(status(spec as TargetSpec, values, projected)).toBe(expected);
  });

  it('a 100 % target is met only at 100', () => {
    const full: TargetSpec = { kind: 'full', comparator: '=', value: 100, baseYear: 2020, targetYear: 2025 };
    expect(status(full, { 2020: 90, 2022: 100 }, 100)).toBe('已达标');
    expect(status(full, { 2020: 90, 2022: 95 }, 99)).toBe('需加快'); // CR 0.9
    expect(status(full, { 2020: 90, 2022: 99.5 }, 100)).toBe('预计达标');
  });

  it('an "around" target uses the band (90 % ± 2)', () => {
    const around: TargetSpec = {
      kind: 'around',
      comparator: '≈',
      value: 90,
      baseYear: 2020,
      targetYear: 2025,
    };
    expect(status(around, { 2020: 80, 2022: 88.5 }, 92)).toBe('已达标');
    expect(status(around, { 2020: 80, 2022: 84 }, 89)).toBe('预计达标');
    expect(status(around, { 2020: 80, 2022: 82 }, 85)).toBe('需加快'); // CR = 5/8
    expect(status(around, { 2020: 99, 2022: 97 }, 95)).toBe('需加快'); // from above: goal 92, CR = 4/7
    // A trend that shoots past the band ends farther from it (5.43 above) than the base began (1.5 below):
    // not 预计达标. (E02 保持在90%左右 with 86.5, 88, 91.2, 93.5, 94.8 → 97.43 by 2025.)
    expect(status(around, { 2020: 86.5, 2021: 88, 2022: 91.2, 2023: 93.5, 2024: 94.8 }, 97.43)).toBe('倒退');
    // Passing into the band and a little beyond it still counts what was gained: 8 outside → 1 outside.
    expect(status(around, { 2020: 80, 2022: 86 }, 93)).toBe('需加快'); // CR = 7/8
  });

  it('a count target is met at the count', () => {
    const count: TargetSpec = { kind: 'count', comparator: '≥', value: 1, baseYear: 2020, targetYear: 2025 };
    expect(status(count, { 2020: 0, 2021: 1 }, 2)).toBe('已达标');
    expect(status(count, { 2020: 0, 2021: 0 }, 0)).toBe('停滞');
  });

  it('the yearly-change target (近视率) moves one point a year from 2018', () => {
    const myopia = targetSpecOf(LANXI_2021_2025.indicators.find((r) => r.name === '儿童青少年总体近视率')!);
    expect(myopia).toMatchObject({ kind: 'yearly-change', value: -1, baseYear: 2018 });
    const values = { 2018: 60, 2020: 58, 2022: 56 };
    // target at 2025 = 60 − 7 = 53; projection 53 meets it
    expect(assessStatus(myopia, s(values), 53).targetAtT).toBe(53);
    expect(status(myopia, values, 53)).toBe('预计达标');
    expect(status(myopia, { 2018: 60, 2020: 59.5, 2022: 59 }, 58.3)).toBe('进展缓慢'); // CR = 1.7/7
    // No 2018 value: the yearly points count from the nearest year's, 2020's 58 → 2025 target 58 − 5 = 53.
    expect(assessStatus(myopia, s({ 2020: 58, 2022: 56 }), 53).targetAtT).toBe(53);
    expect(status(myopia, { 2020: 58, 2022: 56 }, 53)).toBe('预计达标');
    expect(status(myopia, { 2018: 60, 2025: 52.5 }, null)).toBe('达标');
  });

  it('target met at baseline stays achieved', () => {
    expect(status(lower97, { 2020: 98, 2021: 98 }, 98)).toBe('已达标');
  });

  it.each([
    ['↓', { 2020: 10, 2021: 9.5, 2022: 9 }, '预计达标'],
    ['↓', { 2020: 10, 2021: 9.9, 2022: 9.85 }, '需加快'],
    ['↓', { 2020: 10, 2021: 10, 2022: 10 }, '停滞'],
    ['↓', { 2020: 10, 2021: 10.5, 2022: 11 }, '倒退'],
    ['↑', { 2020: 10, 2021: 10.5, 2022: 11 }, '预计达标'],
    ['↓', { 2020: 10, 2025: 9 }, '达标'],
    ['↑', { 2020: 10, 2025: 9 }, '未达标'],
    ['↓', { 2021: 10 }, '数据不足'],
    ['↑', { 2020: 0, 2021: 2, 2022: 4 }, '预计达标'], // zero: rate from the linear slope
  ] as const)('direction %s with %o → %s', (comparator, values, expected) => {
    const spec: TargetSpec = { kind: 'direction', comparator, value: null, baseYear: 2020, targetYear: 2025 };
    expect(status(spec, values, null)).toBe(expected);
  });
});

describe('a comparator of the wrong sort for its kind does not turn the verdict round', () => {
  const judged = (target: Parameters<typeof targetSpecOf>[0]['target'], values: Record<number, number>) =>
    assessStatus(targetSpecOf({ target, baseYear: 2018, targetYear: 2025, unit: '%' }), s(values), null)
      .status;

  it('近视率 with ↓ (as imports set new 逐年变化 rows before): 40% in 2025 against 50 − 7 = 43% is 达标', () => {
    const target = {
      kind: 'yearly-change',
      comparator: '↓',
      wording: '',
      value: null,
      yearlyStep: -1,
    } as const;
    expect(judged(target, { 2018: 50, 2020: 47, 2025: 40 })).toBe('达标');
    expect(judged({ ...target, comparator: '≤' }, { 2018: 50, 2020: 47, 2025: 40 })).toBe('达标');
    expect(judged(target, { 2018: 50, 2020: 47, 2025: 44 })).toBe('未达标');
  });

  it('a direction with ≤ chosen from the 比较 list is judged as falling: 12 → 10 is 达标', () => {
    const target = { kind: 'direction', comparator: '≤', wording: '得到有效控制', value: null } as const;
    expect(judged(target, { 2018: 12, 2025: 10 })).toBe('达标');
    expect(judged({ ...target, comparator: '≥' }, { 2018: 12, 2025: 10 })).toBe('未达标');
  });

  // 比较 offers every comparator on every row: 不升 (or an arrow) picked on a bound row has no figure to compare.
  it.each(['不升', '↓', '↑'] as const)(
    'a 上限 row with %s in 比较 is judged by its bound: 4, 3.9, 3.8‰ against <5‰ is 已达标, 6 in 2025 未达标',
    (comparator) => {
      const target = { kind: 'upper', comparator, wording: '以下', value: 5 } as const;
      expect(judged(target, { 2018: 4, 2019: 3.9, 2020: 3.8 })).toBe('已达标');
      expect(judged(target, { 2018: 4, 2025: 6 })).toBe('未达标');
    },
  );
  it.each(['不升', '↓', '↑'] as const)(
    'a 下限 or 数量 row with %s in 比较 is judged by its bound: 96 → 98% against ≥97% is 达标',
    (comparator) => {
      for (const kind of ['lower', 'count'] as const) {
        const target = { kind, comparator, wording: '以上', value: 97 } as const;
        expect(judged(target, { 2018: 96, 2025: 98 })).toBe('达标');
        expect(judged(target, { 2018: 96, 2025: 96.5 })).toBe('未达标');
      }
    },
  );
});

describe('波动较大', () => {
  it('flags a noisy small-count series and shows the interval as evidence', () => {
    const f = assessFluctuation(upper5, s({ 2020: 6.1, 2021: 4.6, 2022: 6.4, 2023: 5.2 }), '‰');
    expect(f.flagged).toBe(true);
    expect(f.reversals).toBe(2);
    expect(f.evidence).toMatch(/80%预测区间 .*‰～.*‰/);
    expect(f.evidence).toContain('逐年变化方向反复 2 次');
  });
  it('does not flag a steady trend far from the target', () => {
    const f = assessFluctuation(upper5, s({ 2020: 9, 2021: 8.9, 2022: 8.8, 2023: 8.7 }), '‰');
    expect(f.flagged).toBe(false);
    expect(f.evidence).toContain('不含目标');
  });
  it('does not flag a series without scatter whose trend lands exactly on the target', () => {
    // Made-up figures on a straight line: 95, 96, 97, 98 % reach 100 % in 2025, and 85…88 % reach ≥90 %. The
    // interval has no width (100%～100%): nothing swings, so the row is not 波动较大 (the report listed it so).
    const full: TargetSpec = { kind: 'full', comparator: '=', value: 100, baseYear: 2020, targetYear: 2025 };
    const line = assessFluctuation(full, s({ 2020: 95, 2021: 96, 2022: 97, 2023: 98 }), '%');
    expect(line.flagged).toBe(false);
    expect(line.evidence).not.toContain('包含目标');
    const lower90: TargetSpec = {
      kind: 'lower',
      comparator: '≥',
      value: 90,
      baseYear: 2020,
      targetYear: 2025,
    };
    expect(assessFluctuation(lower90, s({ 2020: 85, 2021: 86, 2022: 87, 2023: 88 }), '%').flagged).toBe(
      false,
    );
    // A little scatter around the same line is uncertain again: flagged as before.
    expect(assessFluctuation(full, s({ 2020: 95, 2021: 96.1, 2022: 96.9, 2023: 98 }), '%').flagged).toBe(
      true,
    );
  });
  it('counts reversals of year-on-year change', () => {
    expect(countReversals([1, 2, 1, 2, 1])).toBe(3);
    expect(countReversals([1, 2, 2, 3])).toBe(0);
  });
});

describe('explanations in plain Chinese', () => {
  it('judges and explains a count by the whole number shown, to the target’s worse side', () => {
    // >5 家 on made-up figures 3, 4, 4, 5 家: the trend's 5.5 家 is 5 家, equal to the target, not above it.
    const above5: TargetSpec = {
      kind: 'count',
      comparator: '>',
      value: 5,
      baseYear: 2020,
      targetYear: 2025,
      unit: '家',
    };
    const a = assessStatus(above5, s({ 2021: 3, 2022: 4, 2023: 4, 2024: 5 }), 5.5);
    expect(a.projected).toBe(5);
    expect(a.gap).toBe(0);
    expect(a.status).toBe('需加快');
    const text = explainStatus(above5, a, '家', 'linear');
    expect(text).toContain('2025年预计为 5 家，等于目标 5 家');
    // What is still needed is the sixth 家, the first whole count above 5 (it said 需年均提高 0 家).
    expect(text).toContain('需年均提高 1 家');
    expect(text).toMatch(/：需加快。$/);
    // Fewer is better: 3.5 例 against <3 例 is 4 例.
    const under3: TargetSpec = { ...above5, kind: 'upper', comparator: '<', value: 3, unit: '例' };
    expect(assessStatus(under3, s({ 2021: 6, 2022: 5, 2023: 5, 2024: 4 }), 3.5).projected).toBe(4);
    // A rate keeps its decimals.
    expect(assessStatus({ ...upper5, unit: '‰' }, s({ 2020: 7, 2022: 6 }), 5.6).projected).toBe(5.6);
  });
  it('says where the trend leads and what pace is needed', () => {
    const a = assessStatus(upper5, s({ 2020: 7, 2022: 6 }), 5.6);
    const text = explainStatus(upper5, a, '‰', 'log-linear', DEFAULT_THRESHOLDS);
    expect(text).toContain('按对数线性趋势（年均降低率），2025年预计为 5.6‰，高于目标 5‰');
    expect(text).toContain('需年均下降 0.33个千分点');
    expect(text).toMatch(/：(需加快|进展缓慢)。$/);
  });
  it('says a base that met the target is slipping, instead of a made-up share of progress', () => {
    // Base 2020 at 4.5‰ met ‹5‰; rising since, projected above the target.
    const series = s({ 2020: 4.5, 2021: 4.8, 2022: 5.1, 2023: 5.4 });
    const a = assessStatus(upper5, series, 6.3);
    expect(a.status).toBe('倒退');
    const text = explainStatus(upper5, a, '‰', 'linear');
    expect(text).toContain('基期2020年已达到目标，按趋势将不再达标');
    expect(text).not.toContain('-100%');
  });
  it('says when a projection is held at the unit’s limit (a share cannot pass 100 %)', () => {
    const goal: TargetSpec = { kind: 'lower', comparator: '≥', value: 99, baseYear: 2020, targetYear: 2025 };
    const a = assessStatus(goal, s({ 2020: 92, 2021: 95, 2022: 97, 2023: 98 }), 100);
    expect(explainStatus(goal, a, '%', 'linear')).toContain(
      '2025年预计为 100%（以 100% 为上限），高于目标 99%',
    );
  });
  it('a direction moving the wrong way says what happens and what was wanted', () => {
    const down: TargetSpec = {
      kind: 'direction',
      comparator: '↓',
      value: null,
      baseYear: 2020,
      targetYear: 2025,
    };
    const a = assessStatus(down, s({ 2020: 10, 2021: 11, 2022: 12 }), null);
    expect(a.status).toBe('倒退');
    expect(explainStatus(down, a, '%', null)).toMatch(
      /^按趋势，年均上升 \d+(\.\d+)?%（应下降）（下降≥2% 为预计达标）：倒退。$/,
    );
  });
  it('预计达标 with a projection still short of the target says the share that makes it on track', () => {
    // 纯母乳喂养率 58.2 → 63.5 %, projected 64.81 % against ≥65 %: CR 0.97, on track by the 95 % rule.
    const goal: TargetSpec = { kind: 'lower', comparator: '≥', value: 65, baseYear: 2020, targetYear: 2025 };
    const series = s({ 2020: 58.2, 2021: 60.1, 2022: 61.5, 2023: 62, 2024: 63.5 });
    const a = assessStatus(goal, series, 64.81);
    expect(a.status).toBe('预计达标');
    expect(explainStatus(goal, a, '%', 'linear')).toBe(
      '按线性趋势，2025年预计为 64.81%，低于目标 65%，但预计完成所需进展的 97%' +
        '（达到 95% 即为预计达标）：预计达标。',
    );
    // A projection that meets the target keeps the short sentence.
    const met = assessStatus(goal, series, 65.2);
    expect(explainStatus(goal, met, '%', 'linear')).toBe(
      '按线性趋势，2025年预计为 65.2%，高于目标 65%，预计可以达标。',
    );
  });
  it('explains missing data', () => {
    const a = assessStatus(upper5, s({ 2022: 6 }), null);
    expect(explainStatus(upper5, a, '‰', 'linear')).toContain('至少需要两年');
  });
});

describe('波动较大 only where the outcome is open', () => {
  it('does not use the interval once the latest value meets the target', () => {
    const f = assessFluctuation(upper5, s({ 2020: 6.1, 2021: 4.6, 2022: 5.4, 2023: 4.8 }), '‰');
    expect(f.evidence).not.toContain('预测区间');
  });
  it('does not flag a row already meeting its target for its reversals, but still shows them', () => {
    // Down, up, down: two reversals; the latest value 4‰ meets ‹5‰.
    const f = assessFluctuation(upper5, s({ 2020: 5.6, 2021: 4.8, 2022: 4.9, 2023: 4.5, 2024: 4.0 }), '‰');
    expect(f.reversals).toBe(2);
    expect(f.flagged).toBe(false);
    // Met now, not settled: 2025 is still to come, so the evidence does not say 结果已定.
    expect(f.evidence).toContain('逐年变化方向反复 2 次（目前已达标，不作波动预警）');
  });
  it('does not flag reversals once the target year’s value is in', () => {
    const f = assessFluctuation(upper5, s({ 2020: 6.1, 2021: 5.4, 2022: 6.4, 2023: 5.2, 2025: 6 }), '‰');
    expect(f.reversals).toBeGreaterThanOrEqual(2);
    expect(f.flagged).toBe(false);
    expect(f.evidence).toContain('（2025年已有实际值，不作波动预警）');
  });
});

describe('波动较大 of a 左右 target is decided at the edges of its band', () => {
  const around90: TargetSpec = {
    kind: 'around',
    comparator: '≈',
    value: 90,
    baseYear: 2020,
    targetYear: 2025,
  };
  it('flags an interval that holds the band’s lower edge, though not the centre (the trend cannot tell)', () => {
    // Rising steadily to 87.6% (below 88%～92%, no reversal): 80% interval at 2025 about 87.60%～89.42%.
    const f = assessFluctuation(
      around90,
      s({ 2020: 85, 2021: 86.4, 2022: 86.6, 2023: 87.5, 2024: 87.6 }),
      '%',
    );
    expect(f.reversals).toBe(0);
    expect(f.flagged).toBe(true);
    expect(f.evidence).toBe('按线性趋势，2025年80%预测区间 87.6%～89.42%，包含目标范围下限 88%');
  });
  it('does not flag an interval wholly inside the band, though it holds the centre (the trend lands in it)', () => {
    // Falling from 95% to 92.5% (above the band): 80% interval at 2025 about 89.95%～91.35%, inside 88%～92%.
    const f = assessFluctuation(around90, s({ 2020: 95, 2021: 94, 2022: 93, 2023: 92.5 }), '%');
    expect(f.flagged).toBe(false);
    expect(f.evidence).toBe('按线性趋势，2025年80%预测区间 89.95%～91.35%，不含目标范围 88%～92% 的上下限');
  });
  it('a row in its band now is 已达标 ⚠ only when the interval is wholly past the band, not only past the centre', () => {
    // 90.2 → 91.8%, in the band now, straight up: 92.2% by 2025, its interval that one point — past 92% for certain.
    const straight = s({ 2020: 90.2, 2021: 90.6, 2022: 91, 2023: 91.4, 2024: 91.8 });
    const linear = project('linear', straight, 2025);
    const a = assessStatus(around90, straight, linear.ok ? linear.value : null);
    expect(a.status).toBe('已达标');
    expect(a.trendLeaves).toBe(true);
    // Up less steadily to 91.9%: 92.51% by 2025, its interval about 91.88%～93.14% holds 92% — not certain, no ⚠
    // (it was marked for lying wholly above the centre 90%).
    const noisy = s({ 2020: 90, 2021: 90.9, 2022: 90.9, 2023: 91.8, 2024: 91.9 });
    const p = project('linear', noisy, 2025);
    const b = assessStatus(around90, noisy, p.ok ? p.value : null);
    expect(b.status).toBe('已达标');
    expect(b.trendLeaves).toBeUndefined();
  });
});

describe('thresholds are settings', () => {
  it('restores stored thresholds, falling back per field', () => {
    expect(restoreThresholds({ onTrack: 0.9, moderate: 'x' })).toEqual({
      ...DEFAULT_THRESHOLDS,
      onTrack: 0.9,
    });
    expect(restoreThresholds(undefined)).toEqual(DEFAULT_THRESHOLDS);
  });
  it('rejects thresholds out of order, in Chinese', () => {
    expect(thresholdProblem(DEFAULT_THRESHOLDS)).toBeNull();
    expect(thresholdProblem({ ...DEFAULT_THRESHOLDS, moderate: 0.99 })).toContain('从高到低');
  });
  it('a stricter on-track threshold changes the status', () => {
    // CR = (5.1 − 7)/(5 − 7) = 0.95
    expect(assessStatus(upper5, s({ 2020: 7, 2022: 6 }), 5.1).status).toBe('预计达标');
    expect(
      assessStatus(upper5, s({ 2020: 7, 2022: 6 }), 5.1, { ...DEFAULT_THRESHOLDS, onTrack: 0.99 }).status,
    ).toBe('需加快');
  });
});

describe('a share printed beside its status never rounds across a threshold', () => {
  it('a CR of 0.497 reads 49.7 %, not 50 % (需加快 starts at 50 %), beside 进展缓慢', () => {
    // 乡镇婴幼儿照护服务机构覆盖率 ≥50 %: 20, 25, 28, 30, 31 → linear 2025 = 34.9; CR = 14.9/30 = 0.4967
    const spec: TargetSpec = { kind: 'lower', comparator: '≥', value: 50, baseYear: 2020, targetYear: 2025 };
    const a = assessStatus(spec, s({ 2020: 20, 2021: 25, 2022: 28, 2023: 30, 2024: 31 }), 34.9);
    expect(a.status).toBe('进展缓慢');
    const text = explainStatus(spec, a, '%', 'linear');
    expect(text).toContain('预计完成所需进展的 49.7%）：进展缓慢。');
  });
  it('a CR away from every threshold keeps whole percents', () => {
    const spec: TargetSpec = { kind: 'lower', comparator: '≥', value: 50, baseYear: 2020, targetYear: 2025 };
    const a = assessStatus(spec, s({ 2020: 20, 2021: 25, 2022: 28, 2023: 30, 2024: 31 }), 41.1);
    expect(explainStatus(spec, a, '%', 'linear')).toContain('预计完成所需进展的 70%）：需加快。');
  });
  it('a direction row rising 1.996 % a year reads 1.996 %, not 2 % (≥2 % is 预计达标), beside 需加快', () => {
    const up: TargetSpec = {
      kind: 'direction',
      comparator: '↑',
      value: null,
      baseYear: 2020,
      targetYear: 2025,
    };
    const a = assessStatus(up, s({ 2020: 100, 2021: 101.996, 2022: 101.996 ** 2 / 100 }), null);
    expect(a.status).toBe('需加快');
    const text = explainStatus(up, a, '元/月', 'linear');
    expect(text).not.toContain('年均提高 2%');
    expect(text).toMatch(/年均提高 1\.99\d*%（提高≥2% 为预计达标）：需加快。/);
  });
});

describe('a printed share reads each cut as its status rule does (≥, >, ≤, <)', () => {
  const up: TargetSpec = {
    kind: 'direction',
    comparator: '↑',
    value: null,
    baseYear: 2020,
    targetYear: 2025,
  };
  const rising = (rate: number) => s({ 2020: 100, 2021: 100 * (1 + rate) });

  it('a direction row falling 0.499 % a year reads 0.499 %, not 0.5 % (−0.5 % itself is 倒退), beside 停滞', () => {
    const a = assessStatus(up, rising(-0.00499), null);
    expect(a.status).toBe('停滞');
    const text = explainStatus(up, a, '元/月', 'linear');
    expect(text).not.toContain('年均下降 0.5%');
    expect(text).toContain('年均下降 0.499%（应提高）（提高≥2% 为预计达标）：停滞。');
  });
  it('a direction row falling 0.501 % a year may read 0.5 %: −0.5 % is already 倒退', () => {
    const a = assessStatus(up, rising(-0.00501), null);
    expect(a.status).toBe('倒退');
    expect(explainStatus(up, a, '元/月', 'linear')).toContain('年均下降 0.5%（应提高）');
  });

  // Just either side of each default cut, and on it: the printed percent passes the cut exactly when the share does.
  const rateCuts = directionCuts(DEFAULT_THRESHOLDS).map(([cut]) => cut);
  const crCutList = crCuts(DEFAULT_THRESHOLDS).map(([cut]) => cut);
  const cases: [string, readonly (typeof rateCuts)[number][], number, number][] = [
    ['rate', rateCuts, 0.02, 2],
    ['rate', rateCuts, 0.005, 2],
    ['rate', rateCuts, -0.005, 2],
    ['CR', crCutList, 0.95, 0],
    ['CR', crCutList, 0.5, 0],
    ['CR', crCutList, 0.1, 0],
    ['CR', crCutList, -0.1, 0],
  ];
  for (const [what, cuts, at, decimals] of cases)
    for (const share of [at - 0.00001, at, at + 0.00001])
      it(`${what} ${share}: the printed figure is on the same side of every cut`, () => {
        const shown = percentBesideThresholds(share, cuts, decimals);
        for (const cut of cuts) {
          const exact = ['≥', '>'].includes(cut.comparator) ? share >= cut.value : share <= cut.value;
          const strict = cut.comparator === '>' || cut.comparator === '<';
          // The share's side of the cut, written out: on the cut itself it passes only a ≥ or ≤ cut.
          const sharePasses = share === cut.value ? !strict : exact;
          const shownPasses =
            Math.abs(shown - cut.value * 100) < 1e-9
              ? !strict
              : ['≥', '>'].includes(cut.comparator)
                ? shown > cut.value * 100
                : shown < cut.value * 100;
          expect(shownPasses, `${shown}% against ${cut.comparator}${cut.value * 100}%`).toBe(sharePasses);
        }
        // Only as many places as it takes: never further from the share than the last place shown.
        expect(Math.abs(shown - share * 100)).toBeLessThan(0.01);
      });

  it('on a cut, the figure is the cut itself (2 % is 预计达标, −0.5 % 倒退, CR 50 % 需加快)', () => {
    expect(percentBesideThresholds(0.02, rateCuts, 2)).toBe(2);
    expect(percentBesideThresholds(-0.005, rateCuts, 2)).toBe(-0.5);
    expect(percentBesideThresholds(0.5, crCutList)).toBe(50);
    expect(percentBesideThresholds(-0.1, crCutList)).toBe(-10);
  });
  it('a strict cut keeps a share just inside it off the cut (−0.499 % against > −0.5 %), and so does < and ≤', () => {
    expect(percentBesideThresholds(-0.00499, rateCuts, 2)).toBe(-0.499);
    expect(percentBesideThresholds(-0.00501, rateCuts, 2)).toBe(-0.5);
    expect(percentBesideThresholds(0.4999, [{ comparator: '<', value: 0.5 }])).toBe(49.99);
    expect(percentBesideThresholds(-0.00499, [{ comparator: '≤', value: -0.005 }], 2)).toBe(-0.499);
    expect(percentBesideThresholds(-0.00501, [{ comparator: '≤', value: -0.005 }], 2)).toBe(-0.5);
  });
});

describe('the base value when the base year has no figure', () => {
  // The next plan (2026–2030): base 2025, whose figure is not in yet.
  const next = (spec: TargetSpec): TargetSpec => ({ ...spec, baseYear: 2025, targetYear: 2030 });
  const infant = next({ ...upper5, value: 4 });
  const infantValues = s({ 2020: 7.2, 2021: 6.9, 2022: 6.6, 2023: 6.5, 2024: 6.3 });

  it('measures progress from the nearest year (2024’s 6.3‰), not the first (2020’s 7.2‰), and says so', () => {
    const a = assessStatus(infant, infantValues, 4.61);
    expect(a).toMatchObject({ baseValue: 6.3, baseValueYear: 2024 });
    // (4.61 − 6.3)/(4 − 6.3) = 73 %; from 2020's 7.2‰ it read 81 %.
    expect(a.cr).toBeCloseTo(0.7348, 3);
    expect(explainStatus(infant, a, '‰', 'log-linear')).toBe(
      '按对数线性趋势（年均降低率），2030年预计为 4.61‰，高于目标 4‰；要达标，自2024年起需年均下降 0.38个千分点' +
        '（基期2025年无数值，以最近的2024年 6.3‰ 为基数计，预计完成所需进展的 73%）：需加快。',
    );
  });

  it('takes the earlier year on a tie, and the base year’s own figure whenever it is in', () => {
    const spec = { ...upper5 }; // base 2020
    expect(assessStatus(spec, s({ 2019: 8, 2021: 7, 2022: 6.5 }), 6).baseValueYear).toBe(2019);
    expect(assessStatus(spec, s({ 2018: 9, 2021: 7, 2022: 6.5 }), 6).baseValueYear).toBe(2021);
    const own = assessStatus(spec, s({ 2018: 9, 2020: 7, 2022: 6.5 }), 6);
    expect(own).toMatchObject({ baseValue: 7, baseValueYear: 2020 });
    expect(explainStatus(spec, own, '‰', 'linear')).not.toContain('无数值');
  });

  it('in the current plan (base 2020, first figure 2021) measures from 2021 and names it', () => {
    const a = assessStatus(upper5, s({ 2021: 7, 2022: 6.5, 2023: 6 }), 5.5);
    expect(a).toMatchObject({ baseValue: 7, baseValueYear: 2021, status: '需加快' }); // CR = 1.5/2
    expect(explainStatus(upper5, a, '‰', 'linear')).toContain(
      '（基期2020年无数值，以最近的2021年 7‰ 为基数计，预计完成所需进展的 75%）：需加快。',
    );
  });

  it('a direction row compared with the nearest year says which year', () => {
    const down: TargetSpec = {
      kind: 'direction',
      comparator: '↓',
      value: null,
      baseYear: 2025,
      targetYear: 2030,
    };
    const a = assessStatus(down, s({ 2023: 10, 2024: 9.5, 2030: 9 }), null);
    expect(a.status).toBe('达标');
    expect(explainStatus(down, a, '%', null)).toBe(
      '2030年为 9%，基期2025年无数值，与最近的2024年 9.5% 相比，已按要求下降。',
    );
  });

  it('↓/↑ figures that start in the target year: 数据不足, said so — the target year is not compared with itself', () => {
    for (const [comparator, word] of [
      ['↓', '下降'],
      ['↑', '提高'],
    ] as const) {
      const spec: TargetSpec = {
        kind: 'direction',
        comparator,
        value: null,
        baseYear: 2020,
        targetYear: 2023,
      };
      // 2023 stood in for the base year 2020 and was compared with itself: 未达标 “与最近的2023年 … 相比”.
      const runs: Record<number, number>[] = [
        { 2023: 15, 2024: 14, 2025: 13 },
        { 2023: 15, 2024: 16 },
      ];
      for (const values of runs) {
        const a = assessStatus(spec, s(values), null);
        expect(a.status).toBe('数据不足');
        expect(explainStatus(spec, a, '%', 'log-linear')).toBe(
          `2020—2023年只有2023年一个数值（15%）（2023年以后的数值不计入），无法判断期间是否${word}，不能判定达标与否。`,
        );
      }
      // One figure before the target year is enough to compare with.
      expect(assessStatus(spec, s({ 2022: 15, 2023: 14 }), null).status).toBe(
        comparator === '↓' ? '达标' : '未达标',
      );
    }
  });

  it('a slipping row names the year that met the target', () => {
    // Base 2020 without a figure; 2021's 97.5% met ≥97%, falling since.
    const a = assessStatus(lower97, s({ 2021: 97.5, 2022: 96.8, 2023: 96 }), 93);
    expect(a.slipping).toBe(true);
    expect(explainStatus(lower97, a, '%', 'linear')).toContain(
      '（基期2020年无数值；最近的2021年 97.5% 已达到目标，按趋势将不再达标）：倒退。',
    );
  });
});

describe('近视率 (each year 1 point below the base) in a plan whose base year has no figure', () => {
  const myopia: TargetSpec = {
    kind: 'yearly-change',
    comparator: '≤',
    value: -1,
    baseYear: 2025,
    targetYear: 2030,
  };
  const values = s({ 2018: 18.5, 2019: 17.2, 2020: 16.4, 2021: 15.1, 2022: 14.3, 2023: 13, 2024: 12.1 });

  it('counts the yearly points from 2024’s figure and says so, with the arithmetic', () => {
    const a = assessStatus(myopia, values, 5.68);
    expect(a.targetAtT).toBeCloseTo(6.1, 10); // 12.1 − (2030 − 2024)
    expect(a.status).toBe('预计达标');
    expect(explainStatus(myopia, a, '%', 'linear')).toBe(
      '按线性趋势，2030年预计为 5.68%，低于目标 6.1%（基期2025年无数值，以最近的2024年 12.1% 为基数，' +
        '2030年目标 = 12.1% − 6个百分点），预计可以达标。',
    );
  });

  it('gives a status (not 数据不足) and a pace from seven years of figures', () => {
    const a = assessStatus(myopia, values, 8.5);
    expect(a.status).toBe('需加快'); // CR = (8.5 − 12.1)/(6.1 − 12.1) = 0.6
    expect(explainStatus(myopia, a, '%', 'linear')).toContain('自2024年起需年均下降 1个百分点');
  });

  it('never says “only one value” when there are several', () => {
    const noTarget: TargetSpec = { ...lower97, value: null };
    const a = assessStatus(noTarget, s({ 2021: 95, 2022: 96 }), 97);
    expect(a.status).toBe('数据不足');
    expect(explainStatus(noTarget, a, '%', 'linear')).toBe(
      '已有 2 年的数值（2021—2022年），但目标没有数值，无法判断进展。',
    );
    const noProjection = assessStatus(upper5, s({ 2020: 6, 2021: 0, 2022: 5.5 }), null);
    expect(noProjection.status).toBe('数据不足');
    expect(explainStatus(upper5, noProjection, '‰', 'log-linear')).toBe(
      '已有 3 年的数值（2020—2022年），但按对数线性趋势（年均降低率）得不出2025年的预测值，无法判断进展。',
    );
    // One value still reads as one.
    expect(explainStatus(upper5, assessStatus(upper5, s({ 2022: 6 }), null), '‰', 'linear')).toBe(
      '只有 2022年 一个数值（6‰），至少需要两年的数值才能预测趋势。',
    );
  });
});

describe('保持在…左右 (a band) in the panel', () => {
  const band = (value: number): TargetSpec => ({
    kind: 'around',
    comparator: '≈',
    value,
    baseYear: 2025,
    targetYear: 2030,
  });

  it('in the band now but leaving it by the target year: what must change, not “请保持”', () => {
    const spec = band(90);
    const a = assessStatus(spec, s({ 2020: 86.5, 2022: 91.2, 2024: 94.8, 2025: 91 }), 97.53);
    expect(a.status).toBe('已达标');
    expect(explainStatus(spec, a, '%', 'linear')).toBe(
      '2025年为 91%，在 90%±2（88%～92%）的范围内；但按线性趋势，2030年预计为 97.53%，' +
        '将超出范围（高于上限 92%），需放缓上升、控制在 92% 以内。',
    );
    const falling = assessStatus(spec, s({ 2023: 92, 2024: 90.5, 2025: 89 }), 83.2);
    expect(explainStatus(spec, falling, '%', 'linear')).toContain(
      '将超出范围（低于下限 88%），需止住下降、保持在 88% 以上',
    );
    const staying = assessStatus(spec, s({ 2024: 90.5, 2025: 91 }), 91.5);
    expect(explainStatus(spec, staying, '%', 'linear')).toBe(
      '2025年为 91%，在 90%±2（88%～92%）的范围内，已达标；请保持。',
    );
  });

  it('below the band with a trend past it: the pace to the nearer edge, and that the rise must slow', () => {
    const spec = band(92);
    const a = assessStatus(spec, s({ 2020: 80, 2022: 85, 2024: 89.6 }), 96.14);
    const text = explainStatus(spec, a, '%', 'linear');
    expect(text).toContain('2030年预计为 96.14%，高于 92%±2（90%～94%）的范围');
    expect(text).toContain(
      '要进入范围，自2024年起需年均提高 0.07个百分点（至 90%），但按趋势将越过上限 94%，上升需放缓',
    );
    expect(text).not.toContain('需年均提高 0.4个百分点');
  });

  it('above the band: the value must come down to the upper edge', () => {
    const spec = band(90);
    const a = assessStatus(spec, s({ 2023: 93.5, 2024: 94.8 }), 100);
    const text = explainStatus(spec, a, '%', 'linear');
    expect(text).toContain('要进入范围，自2024年起需年均下降 0.47个百分点（至 92%）');
    // Ending farther from the band than it began: the distances, not a share of "-186%".
    expect(text).toContain('2030年将距 8个百分点，离范围更远');
    expect(text).not.toMatch(/-\d+%/);
  });

  it('a trend that ends in the band is on track', () => {
    const spec = band(90);
    const a = assessStatus(spec, s({ 2023: 84, 2024: 85.5 }), 89);
    expect(explainStatus(spec, a, '%', 'linear')).toBe(
      '按线性趋势，2030年预计为 89%，在 90%±2（88%～92%）的范围内，预计可以达标。',
    );
  });
});

describe('the prediction interval within the unit’s natural limits', () => {
  const infant: TargetSpec = { kind: 'upper', comparator: '<', value: 4, baseYear: 2025, targetYear: 2030 };

  it('holds a rate at 0‰ and says so; the flag still rests on whether the interval contains the target', () => {
    const series = s({ 2020: 8.2, 2021: 6.1, 2022: 7.4, 2023: 4.9, 2024: 5.6 });
    // The linear trend's own interval reaches −3.28‰.
    expect(linearPredictionInterval(series, 2030, 0.8)!.low).toBeLessThan(0);
    const f = assessFluctuation(infant, series, '‰');
    expect(f.interval).toEqual({ low: 0, high: expect.closeTo(5.92, 2) as number });
    expect(f.evidence).toContain('按线性趋势，2030年80%预测区间 0‰～5.92‰（以 0‰ 为下限），包含目标 4‰');
    expect(f.flagged).toBe(true);
  });

  it('an interval wholly above 100 % is 100 %, and certain to meet the target: not 波动较大', () => {
    const goal: TargetSpec = { kind: 'lower', comparator: '≥', value: 99, baseYear: 2025, targetYear: 2030 };
    const series = s({ 2021: 96.4, 2022: 97.6, 2023: 97.9, 2024: 98.7 });
    // The linear trend's own interval: 101.3 %–104.8 %.
    expect(linearPredictionInterval(series, 2030, 0.8)!.low).toBeGreaterThan(100);
    const f = assessFluctuation(goal, series, '%');
    expect(f.interval).toEqual({ low: 100, high: 100 });
    expect(f.evidence).toBe('按线性趋势，2030年80%预测区间全部超出上限，按 100% 计，可达到目标 99%');
    expect(f.flagged).toBe(false);
    // A 100 % target met by the held interval is not "contained" in it either: the outcome is not in doubt.
    const full: TargetSpec = { kind: 'full', comparator: '=', value: 100, baseYear: 2025, targetYear: 2030 };
    const fullCheck = assessFluctuation(full, series, '%');
    expect(fullCheck.flagged).toBe(false);
    expect(fullCheck.evidence).toContain('可达到目标 100%');
  });

  it('leaves an interval within the limits as it is', () => {
    const f = assessFluctuation(infant, s({ 2020: 7.2, 2021: 6.4, 2022: 6.9, 2023: 5.1, 2024: 6.3 }), '‰');
    expect(f.evidence).toContain('预测区间 0.58‰～7.22‰，包含目标 4‰');
    expect(f.evidence).not.toContain('为下限');
  });
});

describe('a direction target at its unit’s natural limit (参保率 100 % every year, to 提高)', () => {
  const up = (unit: string): TargetSpec => ({
    kind: 'direction',
    comparator: '↑',
    value: null,
    baseYear: 2020,
    targetYear: 2025,
    unit,
  });
  const down = (unit: string): TargetSpec => ({ ...up(unit), comparator: '↓' });
  const full = { 2020: 100, 2021: 100, 2022: 100, 2023: 100, 2024: 100, 2025: 100 };

  it('100 % held to the target year is 达标, said as the limit, not 未按要求提高', () => {
    const a = assessStatus(up('%'), s(full), 100);
    expect(a.status).toBe('达标');
    expect(explainStatus(up('%'), a, '%', 'linear')).toBe('2025年为 100%，已是上限 100%，无法再提高，达标。');
  });
  it('100 % before the target year is 已达标 (it was 停滞, counted under 需关注)', () => {
    const a = assessStatus(up('%'), s({ 2020: 100, 2021: 100, 2022: 100, 2023: 100 }), 100);
    expect(a.status).toBe('已达标');
    expect(explainStatus(up('%'), a, '%', 'linear')).toBe(
      '2023年为 100%，已是上限 100%，无法再提高，已达标；请保持。',
    );
  });
  it('a count brought to 0 cannot 减少 further: 已达标, and 达标 in the target year', () => {
    expect(assessStatus(down('起'), s({ 2020: 3, 2021: 1, 2022: 0 }), 0).status).toBe('已达标');
    expect(assessStatus(down('起'), s({ 2020: 0, 2025: 0 }), 0).status).toBe('达标');
  });
  it('below the limit the rule is as before: falling from 100 % is 未达标, a rate without a limit is 停滞', () => {
    expect(assessStatus(up('%'), s({ 2020: 100, 2025: 99.5 }), 99.5).status).toBe('未达标');
    expect(assessStatus(up('万元'), s({ 2020: 100, 2021: 100, 2022: 100 }), 100).status).toBe('停滞');
    expect(assessStatus(up(''), s({ 2020: 100, 2021: 100, 2022: 100 }), 100).status).toBe('停滞');
  });
  it('the plan’s rows pass their unit: targetSpecOf carries it (H20, 提高 on a % row)', () => {
    const row = LANXI_2021_2025.indicators.find((r) => r.code === 'H20');
    expect(row?.target).toMatchObject({ kind: 'direction', comparator: '↑' });
    if (!row) return;
    expect(targetSpecOf(row).unit).toBe('%');
    const a = assessStatus(targetSpecOf(row), s({ 2020: 100, 2021: 100, 2022: 100 }), 100);
    expect(a.status).toBe('已达标');
  });
});

describe('已达标 now, but the trend passes the target by the target year', () => {
  const rising = s({ 2020: 5, 2021: 5.3, 2022: 5.6, 2023: 5.9 });
  const below6: TargetSpec = { kind: 'upper', comparator: '<', value: 6, baseYear: 2020, targetYear: 2025 };

  it('stays 已达标 (the latest value meets the target) and is marked, with the projection said', () => {
    const a = assessStatus(below6, rising, 6.6);
    expect(a.status).toBe('已达标');
    expect(a.trendLeaves).toBe(true);
    expect(explainStatus(below6, a, '‰', 'linear')).toBe(
      '2023年为 5.9‰，已达到目标 <6‰；但按线性趋势，2025年预计为 6.6‰，将高于目标，需关注、防止回落。',
    );
  });
  it('a rate above its floor falling towards it reads 低于目标', () => {
    const a = assessStatus(lower97, s({ 2020: 99.6, 2021: 99, 2022: 98.4, 2023: 97.8 }), 96.6);
    expect(a.trendLeaves).toBe(true);
    expect(explainStatus(lower97, a, '%', 'linear')).toContain('将低于目标');
  });
  it('is not marked for a miss within the noise: a dip at 100 %, a count’s small swing', () => {
    const full: TargetSpec = {
      kind: 'full',
      comparator: '=',
      value: 100,
      baseYear: 2020,
      targetYear: 2025,
      unit: '%',
    };
    const dip = assessStatus(full, s({ 2020: 100, 2021: 100, 2022: 99.5, 2023: 100 }), 99.7);
    expect(dip.status).toBe('已达标');
    expect(dip.trendLeaves).toBeUndefined();
    const atLeastOne: TargetSpec = {
      kind: 'count',
      comparator: '≥',
      value: 1,
      baseYear: 2020,
      targetYear: 2025,
      unit: '家',
    };
    const swing = assessStatus(atLeastOne, s({ 2021: 2, 2022: 1, 2023: 1 }), 0);
    expect(swing.status).toBe('已达标');
    expect(swing.trendLeaves).toBeUndefined();
  });
  it('is not marked when the trend keeps it met, or with one figure only', () => {
    const steady = assessStatus(below6, s({ 2020: 5.9, 2021: 5.6, 2022: 5.3 }), 4.4);
    expect(steady.status).toBe('已达标');
    expect(steady.trendLeaves).toBeUndefined();
    expect(explainStatus(below6, steady, '‰', 'linear')).toBe('2022年为 5.3‰，已达到目标 <6‰；请保持。');
    expect(assessStatus(below6, s({ 2023: 5.9 }), null).trendLeaves).toBeUndefined();
  });
});

describe('the target year’s verdict quotes the target year’s figure, not a later one', () => {
  // 目标年 is the row's own (a clerk may set 2023 in a 2020–2025 workbook): 2024's figure is in as well.
  it.each([
    [{ ...upper5, targetYear: 2023 }, '‰', '2023年实际为 4.8‰，目标 <5‰，达标。'],
    [
      { kind: 'direction', comparator: '↓', value: null, baseYear: 2020, targetYear: 2023 } as TargetSpec,
      '‰',
      '2023年为 4.8‰，基期为 6‰，已按要求下降。',
    ],
  ] as const)('%o', (spec, unit, expected) => {
    const a = assessStatus(spec, s({ 2020: 6, 2021: 5.5, 2023: 4.8, 2024: 5.5 }), null);
    expect(a.status).toBe('达标');
    expect(explainStatus(spec, a, unit, 'linear')).toBe(expected);
  });
  it('a 不升 row too', () => {
    const hold: TargetSpec = {
      kind: 'direction',
      comparator: '不升',
      value: null,
      baseYear: 2020,
      targetYear: 2023,
    };
    const a = assessStatus(hold, s({ 2020: 15, 2021: 15, 2022: 15, 2023: 15, 2024: 18 }), null);
    expect(a.status).toBe('达标');
    expect(explainStatus(hold, a, '%', 'log-linear')).toContain('；2023年为 15%，基期为 15%：达标。');
  });
});

describe('a not-rising target (不升: 上升趋势得到有效控制, 控制在较低水平)', () => {
  const hold: TargetSpec = {
    kind: 'direction',
    comparator: '不升',
    value: null,
    baseYear: 2020,
    targetYear: 2025,
    unit: '%',
  };
  const judge = (values: Record<number, number>) => assessStatus(hold, s(values), null);
  const explain = (values: Record<number, number>) => explainStatus(hold, judge(values), '%', 'log-linear');

  it('a flat series is 预计达标, not 停滞 as a ↓ target makes it', () => {
    const flat = { 2020: 15.0, 2021: 15.1, 2022: 15.0, 2023: 15.0 };
    expect(judge(flat).status).toBe('预计达标');
    expect(assessStatus({ ...hold, comparator: '↓' }, s(flat), null).status).toBe('停滞');
    expect(explain(flat)).toBe(
      '按趋势，年均变化 −0.07%，未呈上升趋势（不升：年均上升不超过 0.5% 为预计达标）：预计达标。',
    );
  });
  it('a falling series is 预计达标 too', () => {
    expect(judge({ 2020: 15, 2021: 14, 2022: 13 }).status).toBe('预计达标');
  });
  it('a slowly rising series (between 0.5 % and 2 % a year) is 需加快, and says it rises', () => {
    const slow = { 2020: 15, 2021: 15.15, 2022: 15.3, 2023: 15.45 };
    expect(judge(slow).status).toBe('需加快');
    expect(explain(slow)).toBe(
      '按趋势，年均变化 +0.99%，呈上升趋势（不升：年均上升不超过 0.5% 为预计达标，超过 2% 为倒退）：需加快。',
    );
  });
  it('a rise just past the 0.5 % cut is not printed as 0.5 % beside 需加快 (0.5 % itself is 预计达标)', () => {
    const justPast = { 2020: 15, 2021: 15 * 1.005004 };
    expect(judge(justPast).status).toBe('需加快');
    const text = explain(justPast);
    expect(text).toMatch(/^按趋势，年均变化 \+0\.50\d*%，呈上升趋势/);
    expect(text).not.toContain('+0.5%');
  });
  it('a fast rising series (over 2 % a year) is 倒退', () => {
    const fast = { 2020: 15, 2021: 15.6, 2022: 16.2, 2023: 16.9 };
    expect(judge(fast).status).toBe('倒退');
    expect(explain(fast)).toMatch(
      /^按趋势，年均变化 \+4\.\d+%，上升较快（不升：年均上升超过 2% 为倒退）：倒退。$/,
    );
  });
  it('the cuts are the direction thresholds of 设置', () => {
    const slow = { 2020: 15, 2021: 15.15, 2022: 15.3, 2023: 15.45 };
    const loose = { ...DEFAULT_THRESHOLDS, directionSlow: 0.012 };
    expect(assessStatus(hold, s(slow), null, loose).status).toBe('预计达标');
    const tight = { ...DEFAULT_THRESHOLDS, directionFast: 0.009 };
    expect(assessStatus(hold, s(slow), null, tight).status).toBe('倒退');
  });
  it('fewer than two values is 数据不足', () => {
    expect(judge({ 2021: 15 }).status).toBe('数据不足');
  });
  it('in the target year: 达标 when the trend of the period has not risen beyond 0.5 % a year, said so', () => {
    const flat = { 2020: 15, 2021: 15.1, 2022: 15, 2023: 15, 2024: 15.1, 2025: 15.1 };
    expect(judge(flat).status).toBe('达标');
    expect(explain(flat)).toBe(
      '2020—2025年年均变化 +0.09%，未呈上升趋势（不升：年均上升不超过 0.5%）；2025年为 15.1%，基期为 15%：达标。',
    );
    // 2025 a little above 2020 is no rise of the period: the trend decides, not one year's noise.
    expect(judge({ 2020: 15, 2025: 15.05 }).status).toBe('达标');
  });
  it('in the target year: 未达标 when the period rose beyond 0.5 % a year', () => {
    const rising = { 2020: 15, 2021: 15.3, 2022: 15.6, 2023: 16, 2024: 16.3, 2025: 16.6 };
    expect(judge(rising).status).toBe('未达标');
    expect(explain(rising)).toBe(
      '2020—2025年年均变化 +2.08%，上升较快（不升：年均上升应不超过 0.5%）；2025年为 16.6%，基期为 15%：未达标。',
    );
  });
  it('figures that start in the target year show no trend of the period: 数据不足, said so (not “2023—2023年”)', () => {
    const early: TargetSpec = { ...hold, targetYear: 2023 };
    // Rising after 2023: the later years are no part of the period and do not decide 2023's verdict.
    const series: Record<number, number>[] = [
      { 2023: 15, 2024: 15.2, 2025: 15.4 },
      { 2023: 15, 2024: 15 },
    ];
    for (const values of series) {
      const a = assessStatus(early, s(values), null);
      expect(a.status).toBe('数据不足');
      expect(explainStatus(early, a, '%', 'log-linear')).toBe(
        '2020—2023年只有2023年一个数值（15%）（2023年以后的数值不计入），无法判断期间是否上升，不能判定达标与否。',
      );
    }
  });
  it('the target year judges the period from the base year on (a next plan’s history before it is not the period)', () => {
    const next: TargetSpec = { ...hold, baseYear: 2025, targetYear: 2030 };
    const values = { 2020: 10, 2022: 12, 2025: 15, 2027: 15, 2030: 15 };
    expect(assessStatus(next, s(values), null).status).toBe('达标');
  });
  it('kept by targetSpecOf (not turned into ↓ or ↑), and lower values are the better side at a limit', () => {
    const spec = targetSpecOf({
      target: { kind: 'direction', comparator: '不升', wording: '控制在较低水平', value: null },
      baseYear: 2020,
      targetYear: 2025,
      unit: '‰',
    });
    expect(spec.comparator).toBe('不升');
    expect(assessStatus(spec, s({ 2020: 0, 2021: 0, 2022: 0 }), 0).status).toBe('已达标');
  });
  it('the report’s legend prints the 不升 cut as the row’s explanation does (0.25 %, not 0.3 %)', () => {
    const t = { ...DEFAULT_THRESHOLDS, directionSlow: 0.0025 };
    const flat = { 2020: 15.0, 2021: 15.0, 2022: 15.0 };
    expect(explainStatus(hold, assessStatus(hold, s(flat), null, t), '%', 'log-linear', t)).toContain(
      '年均上升不超过 0.25% 为预计达标',
    );
    expect(holdLegend(t)).toContain('年均上升不超过0.25%即为预计达标');
    expect(holdLegend(DEFAULT_THRESHOLDS)).toContain('年均上升不超过0.5%即为预计达标');
  });
  it('the report’s legend says how ↑/↓ directions and the target year are judged, with the thresholds of 设置', () => {
    const t = { ...DEFAULT_THRESHOLDS, onTrack: 0.9, directionFast: 0.015 };
    const legend = reportStatusLegend(t, false);
    expect(legend).toContain('预计完成所需进展的90%以上');
    expect(legend).toContain('方向性目标指年均变化达到1.5%以上');
    expect(legend).toContain('方向性目标按该数值与基期相比判定');
    // Why a count's projection reads 5 家 where its formula gives 5.5.
    expect(legend).toContain('计数指标的预测值按不利于达标的一侧取整数');
    expect(legend).not.toContain('不升');
    expect(reportStatusLegend(t, true)).toContain(holdLegend(t));
  });
  it('the plan’s H16 and H05 are 不升 and project as ↓ rates do (log-linear)', () => {
    for (const code of ['H16', 'H05']) {
      const row = LANXI_2021_2025.indicators.find((r) => r.code === code);
      expect(row?.target.comparator).toBe('不升');
      if (row) expect(defaultMethod(row)).toBe('log-linear');
    }
  });
});

describe('a ↑ direction share near its natural limit is judged by how fast its gap to the limit shrinks', () => {
  const up = (unit: string): TargetSpec => ({
    kind: 'direction',
    comparator: '↑',
    value: null,
    baseYear: 2020,
    targetYear: 2025,
    unit,
  });
  const judge = (unit: string, values: Record<number, number>) => {
    const a = assessStatus(up(unit), s(values), null);
    return { status: a.status, text: explainStatus(up(unit), a, unit, 'linear') };
  };
  // The gap to 100 % shrinking by exactly `rate` a year from 1 point: the value itself grows by about 0.02 %.
  const closing = (rate: number) => ({ 2020: 99, 2021: 100 - (1 - rate) });

  it('参保率 99.0, 99.2, 99.4, 99.6 % closes 60 % of the gap in three years: 预计达标, not 停滞, said so', () => {
    const { status, text } = judge('%', { 2021: 99, 2022: 99.2, 2023: 99.4, 2024: 99.6 });
    expect(status).toBe('预计达标');
    expect(text).toBe(
      '按趋势，距 100% 的差距年均缩小 26.19%（数值本身年均提高 0.2%，按两者中较大者计；≥2% 为预计达标）：预计达标。',
    );
  });
  it('a share in ‰ is measured against 1000 ‰', () => {
    const { status, text } = judge('‰', { 2020: 990, 2021: 992, 2022: 994 });
    expect(status).toBe('预计达标');
    expect(text).toMatch(/^按趋势，距 1000‰ 的差距年均缩小 22\.\d+%（数值本身年均提高 0\.2%/);
  });
  it.each([
    ['2.001 %', 0.02 + 0.00001, '预计达标', '2%'],
    ['1.999 %', 0.02 - 0.00001, '需加快', '1.999%'],
    ['0.501 %', 0.005 + 0.00001, '需加快', '0.5%'], // 0.5 % itself is 需加快
    ['0.499 %', 0.005 - 0.00001, '停滞', '0.499%'],
  ] as const)(
    'a gap shrinking %s a year is %s and printed as %s, never across a cut',
    (_, rate, expected, shown) => {
      const { status, text } = judge('%', closing(rate));
      expect(status).toBe(expected);
      expect(text).toContain(`距 100% 的差距年均缩小 ${shown}（`);
      expect(text).toMatch(new RegExp(`：${expected}。$`));
    },
  );
  it('a share far from 100 % keeps its own growth rate, its status and its text', () => {
    // Below half the limit the value's own growth is the larger rate (30 → 32 %: 3.28 % against 1.44 %).
    const cases: Record<number, number>[] = [
      { 2020: 30, 2021: 31, 2022: 32 },
      { 2020: 30, 2021: 30.2 },
      { 2020: 20, 2021: 19.8 },
    ];
    for (const values of cases) {
      const now = judge('%', values);
      const withoutLimit = judge('元/月', values);
      expect(now).toEqual(withoutLimit);
      expect(now.text).not.toContain('差距');
    }
    expect(judge('%', { 2020: 30, 2021: 30.2 }).status).toBe('需加快');
    // Falling: the gap grows more slowly than the value falls, which must not soften 倒退 into 停滞.
    expect(judge('%', { 2020: 20, 2021: 19.8 }).status).toBe('倒退');
  });
  it('a falling share near 100 % is judged by its fall as before, and ↓ rows are unchanged', () => {
    const falling = { 2020: 99.6, 2021: 99.4, 2022: 99.2, 2023: 99 };
    expect(judge('%', falling)).toEqual(judge('元/月', falling));
    expect(judge('%', falling).status).toBe('停滞');
    const down: TargetSpec = { ...up('%'), comparator: '↓' };
    const a = assessStatus(down, s({ 2020: 0.6, 2021: 0.59, 2022: 0.58 }), null);
    expect(a.shortfall).toBeUndefined();
    expect(explainStatus(down, a, '%', 'linear')).toMatch(
      /^按趋势，年均下降 1\.\d+%（下降≥2% 为预计达标）：需加快。$/,
    );
  });
  it('the plan’s ↑ share rows take the rule: 参保率 (W03) and 抢救性康复率 (W07) at 99.0 … 99.6 %', () => {
    for (const code of ['W03', 'W07', 'H20', 'P05']) {
      const row = LANXI_2021_2025.indicators.find((r) => r.code === code);
      expect(row?.target).toMatchObject({ kind: 'direction', comparator: '↑' });
      expect(row?.unit).toBe('%');
      if (!row) continue;
      const a = assessStatus(targetSpecOf(row), s({ 2021: 99, 2022: 99.2, 2023: 99.4, 2024: 99.6 }), 100);
      expect(a.status).toBe('预计达标');
    }
  });
  it('in the target year the verdict is still the target year’s figure against the base', () => {
    expect(judge('%', { 2020: 99, 2021: 99.2, 2025: 99.6 }).status).toBe('达标');
    expect(judge('%', { 2020: 99.6, 2021: 99.8, 2025: 99.5 }).status).toBe('未达标');
  });
});

describe('近视率 (每年降低1个百分点以上) already at the target year’s bound before the target year', () => {
  const myopia = targetSpecOf(LANXI_2021_2025.indicators.find((r) => r.code === 'H21')!);
  // 2018: 50 % → each year's bound 50 − (y − 2018); 2025's is 43 %.

  it('a latest value at or below 2025’s bound is 已达标, the panel naming both bounds', () => {
    const a = assessStatus(myopia, s({ 2018: 50, 2020: 46, 2023: 42.5 }), 38);
    expect(a.status).toBe('已达标');
    expect(explainStatus(myopia, a, '%', 'linear')).toBe(
      '2023年为 42.5%，已达到2025年的目标 ≤43%（2023年本年应≤45%）；请保持。',
    );
    expect(assessStatus(myopia, s({ 2018: 50, 2023: 43 }), 40).status).toBe('已达标');
    // Without 2018's figure the bounds count from the nearest year's, said with the arithmetic.
    const standIn = assessStatus(myopia, s({ 2020: 47, 2023: 41 }), 38);
    expect(standIn.status).toBe('已达标');
    expect(explainStatus(myopia, standIn, '%', 'linear')).toBe(
      '2023年为 41%，已达到2025年的目标 ≤42%（基期2018年无数值，以最近的2020年 47% 为基数，' +
        '2025年目标 = 47% − 5个百分点；2023年本年应≤44%）；请保持。',
    );
  });
  it('one that meets only its own year’s bound is judged by CR as before', () => {
    // 2023: 44 % ≤ 45 % (its own bound) but above 43 %: CR = (43.5 − 50)/(43 − 50) = 0.93.
    const a = assessStatus(myopia, s({ 2018: 50, 2020: 47, 2023: 44 }), 43.5);
    expect(a.status).toBe('需加快');
    expect(a.cr).toBeCloseTo(6.5 / 7, 10);
  });
  it('已达标 with a trend that climbs back above 2025’s bound says so beside both bounds', () => {
    // (Whether the trend leaves the target beyond its noise is trendLeaves' own rule, tested above.)
    const a = assessStatus(myopia, s({ 2018: 50, 2021: 41, 2022: 42, 2023: 42.9 }), 45.9);
    expect(a.status).toBe('已达标');
    expect(explainStatus(myopia, { ...a, trendLeaves: true }, '%', 'linear')).toBe(
      '2023年为 42.9%，已达到2025年的目标 ≤43%（2023年本年应≤45%）；但按线性趋势，2025年预计为 45.9%，将高于目标，需关注、防止回落。',
    );
  });
  it('is not flagged 波动较大 once met (the outcome is no longer open)', () => {
    const values = s({ 2018: 50, 2019: 44, 2020: 47, 2021: 42, 2022: 45, 2023: 41 });
    expect(assessStatus(myopia, values, 40).status).toBe('已达标');
    const f = assessFluctuation(myopia, values, '%');
    expect(f.flagged).toBe(false);
    expect(f.evidence).toContain('目前已达标，不作波动预警');
  });
  it('in the target year the verdict is still 2025’s figure against 2025’s bound', () => {
    expect(assessStatus(myopia, s({ 2018: 50, 2023: 42, 2025: 43.5 }), null).status).toBe('未达标');
  });
});

describe('a yearly rate exactly on a cut is on it, not a float error away (5 → 4.9 % is a fall of 2 %)', () => {
  const row = (code: string) => {
    const found = LANXI_2021_2025.indicators.find((r) => r.code === code);
    if (!found) throw new Error(code);
    return found;
  };
  // Figures whose yearly change is exactly a cut: 4.9 / 5 = 0.98, 9.18 / 9 = 1.02, 7.96 / 8 = 0.995, 8.04 / 8 = 1.005.
  // ln and exp of such ratios come back a few 1e-16 off (0.019999999999999796): the status must not turn on that.
  const cases: [string, Record<number, number>, string, string][] = [
    ['H09', { 2020: 5, 2021: 4.9 }, '预计达标', '年均下降 2%（下降≥2% 为预计达标）：预计达标。'],
    ['H09', { 2020: 100, 2021: 98, 2022: 96.04 }, '预计达标', '年均下降 2%'],
    ['W01', { 2020: 9, 2021: 9.18 }, '预计达标', '年均提高 2%（提高≥2% 为预计达标）：预计达标。'],
    ['H22', { 2020: 8, 2021: 7.96 }, '需加快', '年均下降 0.5%'],
    ['W04', { 2020: 2, 2021: 2.01 }, '需加快', '年均提高 0.5%'],
    // −0.5 % itself is 倒退 (the 停滞 cut is strict: above −0.5 %).
    ['H22', { 2020: 8, 2021: 8.04 }, '倒退', '年均上升 0.5%（应下降）'],
    ['W01', { 2020: 2, 2021: 1.99 }, '倒退', '年均下降 0.5%（应提高）'],
  ];
  for (const [code, values, status, words] of cases)
    it(`${code} ${Object.values(values).join(' → ')}: ${status}`, () => {
      const indicator = row(code);
      const spec = targetSpecOf(indicator);
      const a = assessStatus(spec, s(values), null);
      expect(a.status).toBe(status);
      expect(explainStatus(spec, a, indicator.unit, 'linear')).toContain(words);
    });
  it('a 不升 row rising exactly 0.5 % a year is 预计达标, exactly 2 % 需加快', () => {
    const spec = targetSpecOf(row('H16'));
    expect(assessStatus(spec, s({ 2020: 2, 2021: 2.01 }), null).status).toBe('预计达标');
    expect(assessStatus(spec, s({ 2020: 9, 2021: 9.18 }), null).status).toBe('需加快');
  });
});
