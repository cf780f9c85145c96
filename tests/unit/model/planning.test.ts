import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../../src/model/indicator';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';
import {
  assessAmbition,
  describePreviousTarget,
  makeNextPlan,
  periodProblem,
  nextPlanTitle,
  previousPeriodNote,
  showPlannedTrend,
  targetReversal,
} from '../../../src/model/planning';
import { DEFAULT_THRESHOLDS } from '../../../src/model/status';
import {
  firstEntryYear,
  historyStart,
  historyYearsFrom,
  workbookFromPlan,
  yearColumns,
} from '../../../src/model/workbook';

const old = workbookFromPlan(LANXI_2021_2025, 'old', new Date('2026-01-01T00:00:00Z'));
old.indicators = old.indicators.map((row) =>
  row.name === '婴儿死亡率'
    ? { ...row, values: { 2020: 6, 2021: 5.7, 2022: 5.5, 2023: 5.2, 2024: 5, 2025: 4.8 } }
    : row,
);

describe('periods are data', () => {
  it.each([
    [2025, 2030, null],
    [2030, 2025, '目标年应晚于基期年'],
    [2025, 2025, '目标年应晚于基期年'],
    [2025, 2050, '不宜超过15年'],
    [2025.5, 2030, '整数'],
  ])('base %s, target %s → %s', (base, target, problem) => {
    const result = periodProblem(base, target);
    if (problem === null) expect(result).toBeNull();
    else expect(result).toContain(problem);
  });

  it('a base year not before the target year is said with both years and what to change', () => {
    expect(periodProblem(2030, 2025)).toBe(
      '基期年（2030年）不早于目标年（2025年）：目标年应晚于基期年，请改正其中一个年份。',
    );
  });

  it('a new plan copies every row with its history, the new period and the previous target', () => {
    const next = makeNextPlan(
      old,
      { id: 'next', title: '2026—2030', baseYear: 2025, targetYear: 2030 },
      new Date(),
    );
    expect(next.indicators).toHaveLength(old.indicators.length);
    const infant = next.indicators.find((r) => r.name === '婴儿死亡率')!;
    expect(infant.values).toEqual({ 2020: 6, 2021: 5.7, 2022: 5.5, 2023: 5.2, 2024: 5, 2025: 4.8 });
    expect(infant).toMatchObject({ baseYear: 2025, targetYear: 2030 });
    expect(infant.previousTarget).toEqual({
      kind: 'upper',
      comparator: '<',
      wording: '以下',
      value: 5,
      targetYear: 2025,
    });
    expect(describePreviousTarget(infant.previousTarget, infant.unit)).toBe('<5‰（2025年）');
    const myopia = next.indicators.find((r) => r.target.kind === 'yearly-change')!;
    expect(describePreviousTarget(myopia.previousTarget, myopia.unit)).toBe(
      '每年降低1个百分点以上（2025年）',
    );
    expect(yearColumns(next).at(-1)).toBe(2030);
    expect(yearColumns(next)[0]).toBe(2020);
    // The old workbook is untouched.
    expect(old.indicators.find((r) => r.name === '婴儿死亡率')).toMatchObject({
      baseYear: 2020,
      targetYear: 2025,
    });
    expect(old.indicators.every((r) => r.previousTarget === undefined)).toBe(true);
  });

  it('the plan after a next plan starts every row 待确定 again: a target kept for 2030 is no decision for 2035', () => {
    const first = makeNextPlan(
      old,
      { id: 'n1', title: '十五五', baseYear: 2025, targetYear: 2030 },
      new Date(),
    );
    first.indicators = first.indicators.map((row) => ({ ...row, previousTargetKept: true as const }));
    const second = makeNextPlan(
      first,
      { id: 'n2', title: '十六五', baseYear: 2030, targetYear: 2035 },
      new Date(),
    );
    expect(second.indicators.filter((row) => 'previousTargetKept' in row)).toEqual([]);
    expect(second.indicators[0]!.previousTarget?.targetYear).toBe(2030);
  });

  it('a next plan keeps the previous period’s years open, even on a workbook with no figures yet', () => {
    const empty = workbookFromPlan(LANXI_2021_2025, 'empty', new Date());
    expect(historyStart(empty)).toBe(2020);
    const next = makeNextPlan(
      empty,
      { id: 'next', title: '2026—2030', baseYear: 2025, targetYear: 2030 },
      new Date(),
    );
    expect(historyStart(next)).toBe(2020);
    expect(yearColumns(next)).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(firstEntryYear(next.indicators[0]!.baseYear, historyYearsFrom(next))).toBe(2020);
    // In the plan itself, only 近视率 counts from before the base year.
    expect(yearColumns(empty)[0]).toBe(2018);
    expect(firstEntryYear(2020, historyYearsFrom(empty))).toBe(2020);
  });
});

describe('too timid / out of reach', () => {
  const next = makeNextPlan(old, { id: 'next', title: 'n', baseYear: 2025, targetYear: 2030 }, new Date());
  const infant = next.indicators.find((r) => r.name === '婴儿死亡率')!;
  const withTarget = (row: Indicator, value: number): Indicator => ({
    ...row,
    target: { ...row.target, value },
  });

  it('flags a target the trend already meets by the base year, with the figures', () => {
    const a = assessAmbition(withTarget(infant, 5), DEFAULT_THRESHOLDS);
    expect(a.flag).toBe('timid');
    // 2025's own figure is said as a figure, not as the trend's.
    expect(a.message).toBe('目标偏保守：2025年已为 4.8‰，已达到新目标 <5‰。');
    // Without a 2025 figure, the trend's value for 2025 is what meets it.
    const upTo2024 = Object.fromEntries(Object.entries(infant.values).filter(([year]) => year !== '2025'));
    const b = assessAmbition({ ...withTarget(infant, 5), values: upTo2024 }, DEFAULT_THRESHOLDS);
    expect(b.flag).toBe('timid');
    expect(b.message).toMatch(/^目标偏保守：按趋势2025年已为 4\.\d+‰，已达到新目标 <5‰。$/);
  });

  it('does not call a target met now 偏保守 when the trend passes it by the target year: it says so instead', () => {
    // 生长迟缓率 3.2, 3.4, 3.9, 4.3, 4.6, 3.8 % against <4.5 %: met in 2025, but rising to about 5.7 % by 2030.
    const stunting = next.indicators.find((r) => r.name === '5岁以下儿童生长迟缓率')!;
    const rising: Indicator = {
      ...withTarget(stunting, 4.5),
      values: { 2020: 3.2, 2021: 3.4, 2022: 3.9, 2023: 4.3, 2024: 4.6, 2025: 3.8 },
    };
    const a = assessAmbition(rising, DEFAULT_THRESHOLDS);
    expect(a.trendAtTarget).toBeGreaterThan(4.5);
    expect(a.flag).toBeNull();
    expect(a.message).toMatch(
      /^2025年为 3\.8%，已达到新目标 <4\.5%，但按趋势2030年约为 5\.\d+%，将高于目标：目标并不偏保守，需防止回升。$/,
    );
    // A trend that stays within the target keeps the flag.
    const falling = {
      ...rising,
      values: { 2020: 4.6, 2021: 4.3, 2022: 3.9, 2023: 3.4, 2024: 3.2, 2025: 3.0 },
    };
    expect(assessAmbition(falling, DEFAULT_THRESHOLDS).flag).toBe('timid');
  });

  it('does not call a target 偏保守 that is met only in the plan’s later years: it says it is already reached', () => {
    // 2025 (the base year) at 4.8‰ does not meet <4.5‰; the 2027 figure 4.2‰ does. The sheet's note defines
    // 偏保守 as met around the base year, so this target was not too timid when set: it has been reached since.
    const later: Indicator = {
      ...withTarget(infant, 4.5),
      values: { ...infant.values, 2026: 4.5, 2027: 4.2 },
    };
    const a = assessAmbition(later, DEFAULT_THRESHOLDS);
    expect(a.flag).toBe('reached');
    expect(a.message).toBe(
      '2027年已为 4.2‰，提前达到新目标 <4.5‰；2025年为 4.8‰，尚未达到，目标并不偏保守，需保持至2030年。',
    );
    // Met at the base year itself, it is 偏保守 whatever the later years show.
    const early = assessAmbition({ ...later, target: { ...later.target, value: 5 } }, DEFAULT_THRESHOLDS);
    expect(early.flag).toBe('timid');
    expect(early.message).toBe('目标偏保守：2025年已为 4.8‰，已达到新目标 <5‰。');
    // With the target year's own figure in, the target is reached, not reached ahead of time.
    const atEnd = assessAmbition({ ...later, values: { ...later.values, 2030: 4.0 } }, DEFAULT_THRESHOLDS);
    expect(atEnd.flag).toBe('reached');
    expect(atEnd.message).toBe(
      '2030年已为 4‰，已达到新目标 <4.5‰；2025年为 4.8‰，尚未达到，目标并不偏保守。',
    );
  });

  it('flags a target that needs several times the best pace seen so far', () => {
    // From 4.8 in 2025 to 0.2 by 2030: 0.92‰ a year, more than 3 × the best yearly fall so far (0.3‰).
    const a = assessAmbition(withTarget(infant, 0.2), DEFAULT_THRESHOLDS);
    expect(a.flag).toBe('out-of-reach');
    expect(a.requiredPace).toBeCloseTo(0.92, 10);
    expect(a.bestPace).toBeCloseTo(0.3, 10);
    expect(a.message).toBe('可能难以实现：自2025年起需每年下降 0.92个千分点，历史最快每年下降 0.3个千分点。');
    // 0.86‰ a year (target 0.5) is within 3 × 0.3‰: hard, but not flagged.
    expect(assessAmbition(withTarget(infant, 0.5), DEFAULT_THRESHOLDS).flag).toBeNull();
  });

  it('projects a row with a 0‰ year by the linear trend, as its default formula does', () => {
    const neonatal = next.indicators.find((r) => r.code === 'H01')!;
    const zero = { ...neonatal, values: { 2021: 0, 2022: 2.5, 2023: 3.5, 2024: 3.2 } };
    // Least squares by hand: 2.3 + 1.06 × (2030 − 2022.5) = 10.25‰ (GROWTH has none with a 0).
    expect(assessAmbition(zero, DEFAULT_THRESHOLDS).trendAtTarget).toBeCloseTo(10.25, 10);
    // All positive: GROWTH as before, 8 × 0.9^(2030 − 2021).
    const falling = { ...neonatal, values: { 2021: 8, 2022: 7.2, 2023: 6.48 } };
    expect(assessAmbition(falling, DEFAULT_THRESHOLDS).trendAtTarget).toBeCloseTo(8 * 0.9 ** 9, 10);
  });

  it('says what a count needs in whole units, not a fraction of a 家 a year', () => {
    // 危重新生儿救治中心: one since 2020; a second by 2030 is a decision to build one, said as such.
    const centre = next.indicators.find((r) => r.name === '危重新生儿救治中心数量')!;
    const one = { ...withTarget(centre, 2), values: { 2020: 1, 2023: 1 } };
    const a = assessAmbition(one, DEFAULT_THRESHOLDS);
    expect(a.flag).toBe('out-of-reach');
    expect(a.message).toBe('可能难以实现：自2023年起到2030年需增加 1 家，历史上从未增加过。');
    const rising = { ...withTarget(centre, 4), values: { 2020: 1, 2022: 2, 2025: 3 } };
    expect(assessAmbition(rising, DEFAULT_THRESHOLDS).message).toMatch(
      /；到2030年需增加 1 家，历史最快每年增加 /,
    );
  });

  it('gives a count’s trend in whole units, rounded down against an “at least” target', () => {
    const centre = next.indicators.find((r) => r.name === '危重新生儿救治中心数量')!;
    // 1, 2, 3 by 2025: about 5.03 by 2030, i.e. 5 sure; it said “约为 5.03 家”.
    const rising = { ...withTarget(centre, 4), values: { 2020: 1, 2022: 2, 2025: 3 } };
    const a = assessAmbition(rising, DEFAULT_THRESHOLDS);
    expect(a.message).toMatch(/^按趋势2030年约为 5 家；到2030年需增加 1 家，/);
    // 9.9 by 2030 is 9, not 10: a target of 10 is not reached by the trend, and the text must not say it is.
    const fast = { ...withTarget(centre, 10), values: { 2020: 1, 2021: 2, 2022: 2, 2023: 4 } };
    expect(assessAmbition(fast, DEFAULT_THRESHOLDS).message).toMatch(/^按趋势2030年约为 9 家；/);
  });

  it('a strict > or < on a count needs one more (or one fewer) than the target: strictly above 5 家 is 6 家', () => {
    const centre = next.indicators.find((r) => r.name === '危重新生儿救治中心数量')!;
    const above = (value: number, values: Record<number, number>): Indicator => ({
      ...centre,
      target: { ...centre.target, kind: 'count', comparator: '>', value },
      values,
    });
    const rising = { 2020: 3, 2022: 4, 2025: 5 };
    // At the target, not above it: one more.
    expect(assessAmbition(above(5, rising), DEFAULT_THRESHOLDS).message).toContain('到2030年需增加 1 家');
    // One below: two more (to 6), not one (to 5, which is not above 5).
    expect(assessAmbition(above(6, rising), DEFAULT_THRESHOLDS).message).toContain('到2030年需增加 2 家');
    // ≥ is unchanged: from 5 to at least 6 is one.
    const atLeast = {
      ...above(6, rising),
      target: { ...centre.target, kind: 'count' as const, comparator: '≥' as const, value: 6 },
    };
    expect(assessAmbition(atLeast, DEFAULT_THRESHOLDS).message).toContain('到2030年需增加 1 家');
    // Fewer is better (例, 起 …): strictly below 3 from 3 is one fewer, from 4 two. (Such a row's previous target
    // asked fewer too: one asking more, turned round, is flagged as reversed.)
    const fewer = { ...centre.target, kind: 'upper' as const, comparator: '<' as const, value: 3 };
    const below = (latest: number): Indicator => ({
      ...centre,
      target: fewer,
      previousTarget: { ...fewer, value: 4, targetYear: 2025 },
      values: { 2020: latest + 2, 2022: latest + 1, 2025: latest },
    });
    expect(assessAmbition(below(3), DEFAULT_THRESHOLDS).message).toContain('到2030年需减少 1 家');
    expect(assessAmbition(below(4), DEFAULT_THRESHOLDS).message).toContain('到2030年需减少 2 家');
    expect(assessAmbition(below(2), DEFAULT_THRESHOLDS).flag).toBe('timid');
  });

  it('a fractional trend of a count is not “already above” a strict target it is above only by a fraction', () => {
    const centre = next.indicators.find((r) => r.name === '危重新生儿救治中心数量')!;
    // 3, 4, 4, 5 by 2024: about 5.5 by 2025 — 5 家 sure, which is not above 5.
    const row: Indicator = {
      ...centre,
      target: { ...centre.target, kind: 'count', comparator: '>', value: 5 },
      values: { 2021: 3, 2022: 4, 2023: 4, 2024: 5 },
    };
    const a = assessAmbition(row, DEFAULT_THRESHOLDS);
    expect(a.message).not.toContain('已达到新目标');
    expect(a.flag).not.toBe('timid');
    expect(a.message).toContain('到2030年需增加 1 家');
  });

  it('shows a trend as the grid’s 预测 column and the 目标测算表 both show it: counts whole, to the target’s worse side', () => {
    const centre = next.indicators.find((r) => r.name === '危重新生儿救治中心数量')!; // ≥ 家
    expect(showPlannedTrend(7.36, centre)).toBe('7 家');
    expect(showPlannedTrend(6.9999999999, centre)).toBe('7 家');
    const fewer = { ...centre, target: { ...centre.target, comparator: '<' as const } };
    expect(showPlannedTrend(2.1, fewer)).toBe('3 家');
    // Not a count: two decimals, as before.
    expect(showPlannedTrend(4.8351, infant)).toBe('4.84‰');
  });

  it('says nothing alarming about a reachable target, but gives the pace', () => {
    const a = assessAmbition(withTarget(infant, 4), DEFAULT_THRESHOLDS);
    expect(a.flag).toBeNull();
    expect(a.message).toContain('需每年下降 0.16个千分点');
    expect(a.trendAtTarget).not.toBeNull();
  });

  it('does not call a target out of reach from a single value (no pace to compare with)', () => {
    // One value, 85% in 2022, and a target of 88% by 2030: 数据不足, not 难以实现.
    const rate = next.indicators.find((r) => r.unit === '%' && r.target.kind === 'lower')!;
    const one = { ...withTarget(rate, 88), values: { 2022: 85 } };
    const a = assessAmbition(one, DEFAULT_THRESHOLDS);
    expect(a.flag).toBeNull();
    expect(a.message).toBe('只有 2022年 一个数值，无法判断新目标能否实现：至少需要两年的数值。');
  });

  it('cannot judge without values or for direction-only targets', () => {
    const empty = next.indicators.find((r) => r.name === '新生儿死亡率')!;
    expect(assessAmbition(empty, DEFAULT_THRESHOLDS).flag).toBeNull();
    const direction = next.indicators.find((r) => r.target.kind === 'direction')!;
    expect(assessAmbition(direction, DEFAULT_THRESHOLDS).message).toContain('方向性');
  });
});

describe('近视率 in the next plan (base 2025, no 2025 figure yet)', () => {
  const withMyopia = {
    ...old,
    indicators: old.indicators.map((row) =>
      row.name === '儿童青少年总体近视率'
        ? {
            ...row,
            values: { 2018: 18.5, 2019: 17.2, 2020: 16.4, 2021: 15.1, 2022: 14.3, 2023: 13, 2024: 12.1 },
          }
        : row,
    ),
  };
  const next = makeNextPlan(
    withMyopia,
    { id: 'n', title: 'n', baseYear: 2025, targetYear: 2030 },
    new Date(),
  );
  const myopia = next.indicators.find((r) => r.name === '儿童青少年总体近视率')!;

  it('the carried-over note names the new base year', () => {
    expect(myopia.note).toBe(
      '以2025年值为基数，y年目标 = 2025年值 − (y − 2025)。二（四）4“有效预防和控制学生近视”为同一方向，不另列。',
    );
    // The old plan's note is untouched.
    expect(withMyopia.indicators.find((r) => r.name === '儿童青少年总体近视率')!.note).toContain('2018年值');
  });

  it('目标评估 judges the target from 2024’s figure and says so', () => {
    const a = assessAmbition(myopia, DEFAULT_THRESHOLDS);
    expect(a.flag).toBeNull();
    expect(a.message).toMatch(
      /^基期2025年无数值，以最近的2024年 12\.1% 为基数，2030年目标为 6\.1%（12\.1% − 6个百分点）；按趋势2030年约为 \d+(\.\d+)?%；需每年下降 1个百分点，历史最快 1\.3个百分点。$/,
    );
  });

  it('with 2025’s own figure, 目标评估 says the yearly target as the 2030 figure it comes to, counted from 2025', () => {
    // Made-up figures: 43.5% in 2025 makes 每年降低1个百分点 ≤38.5% in 2030 — the sheet said only the pace, and
    // 每年降低1个百分点以上 read as the old plan's target, counted from 2018.
    const with2025 = { ...myopia, values: { ...myopia.values, 2025: 43.5, 2024: 44.2, 2023: 45 } };
    const a = assessAmbition(with2025, DEFAULT_THRESHOLDS);
    expect(a.flag).toBeNull();
    expect(a.message).toMatch(
      /^以2025年 43\.5% 为基数，2030年目标为 38\.5%（43\.5% − 5个百分点）；按趋势2030年约为 \d+(\.\d+)?%；需每年下降 1个百分点，历史最快 \d+(\.\d+)?个百分点。$/,
    );
  });

  it('says what is missing truthfully', () => {
    const noValues = { ...myopia, values: {} };
    expect(assessAmbition(noValues, DEFAULT_THRESHOLDS).message).toBe('没有历史数值，无法判断目标高低。');
    const noStep = { ...myopia, target: { ...myopia.target, yearlyStep: undefined } };
    expect(assessAmbition(noStep, DEFAULT_THRESHOLDS).message).toBe('目标没有数值，无法判断目标高低。');
  });
});

describe('保持在…左右 (a band) in 目标评估', () => {
  const next = makeNextPlan(old, { id: 'n', title: 'n', baseYear: 2025, targetYear: 2030 }, new Date());
  const row = next.indicators.find((r) => r.target.kind === 'around')!;
  const band = (value: number, values: Indicator['values']): Indicator => ({
    ...row,
    target: { ...row.target, value },
    values,
  });

  it('is never “too timid”: in the band, the trend decides whether to keep it or act', () => {
    // 86.5 → 94.8 by 2024, 91 in 2025: in 90 ± 2 now, but the trend runs far above it.
    const rising = assessAmbition(
      band(90, { 2020: 86.5, 2021: 88, 2022: 91.2, 2023: 93.5, 2024: 94.8, 2025: 91 }),
      DEFAULT_THRESHOLDS,
    );
    expect(rising.flag).toBe('leaves-band');
    expect(rising.message).toMatch(
      /^2025年为 91%，已在 90%±2（88%～92%）的范围内，但按趋势2030年为 \d+(\.\d+)?%，将超出范围（高于上限 92%），需放缓上升、控制在 92% 以内。$/,
    );
    const steady = assessAmbition(
      band(90, { 2022: 89.8, 2023: 90.3, 2024: 89.9, 2025: 90.1 }),
      DEFAULT_THRESHOLDS,
    );
    expect(steady.flag).toBeNull();
    expect(steady.message).toMatch(
      /^2025年为 90\.1%，已在 90%±2（88%～92%）的范围内，按趋势2030年约为 \d+(\.\d+)?%，仍在范围内；保持即可。$/,
    );
  });

  it('below the band: the pace to its lower edge, and a warning when the trend runs past the upper one', () => {
    // Target ≈92: 89.6 in 2024 must rise only to 90; the trend (2.3 a year) runs to 100 %.
    const a = assessAmbition(
      band(92, { 2020: 80.3, 2021: 82.5, 2022: 84.6, 2023: 86.9, 2024: 89.6 }),
      DEFAULT_THRESHOLDS,
    );
    expect(a.flag).toBe('leaves-band');
    expect(a.requiredPace).toBeCloseTo(0.4 / 6, 10);
    expect(a.message).toBe(
      '2024年为 89.6%，低于 92%±2（90%～94%）的范围；按趋势2030年约为 100%；需每年提高 0.07个百分点（至 90%），' +
        '历史最快 2.7个百分点；但按趋势将越过上限 94%，上升需放缓。',
    );
  });

  it('above the band: the value must come down to its upper edge', () => {
    const a = assessAmbition(band(90, { 2022: 95.4, 2023: 95, 2024: 94.8 }), DEFAULT_THRESHOLDS);
    expect(a.flag).toBeNull();
    expect(a.message).toContain('2024年为 94.8%，高于 90%±2（88%～92%）的范围；');
    expect(a.message).toContain('需每年下降 0.47个百分点（至 92%），历史最快 0.4个百分点');
  });
});

describe('the next plan’s name', () => {
  it.each([
    ['兰溪市儿童发展“十四五”规划（2021—2025年）', 2025, 2030, '兰溪市儿童发展“十五五”规划（2026—2030年）'],
    ['城区试点工作簿', 2025, 2030, '城区试点工作簿（2026—2030年）'],
    ['某规划（2021-2025年）', 2025, 2032, '某规划（2026—2032年）'],
    // Words after the period stay after it: the period was moved to the end, behind the sample's label (…规划·示例数据
    // （模拟，非真实统计）（2026—2030年）, the label then shown twice in the heading) or a 草案.
    [
      '兰溪市儿童发展“十四五”规划（2021—2025年）·示例数据（模拟，非真实统计）',
      2025,
      2030,
      '兰溪市儿童发展“十五五”规划（2026—2030年）·示例数据（模拟，非真实统计）',
    ],
    ['兰溪市儿童发展规划（2021—2025年）草案', 2025, 2030, '兰溪市儿童发展规划（2026—2030年）草案'],
  ])('%s → %s', (title, base, target, expected) => {
    expect(nextPlanTitle(title, base, target)).toBe(expected);
  });
});

describe('an import into a next plan that changes figures of the previous period', () => {
  const next = makeNextPlan(
    old,
    { id: 'next', title: '下一期', baseYear: 2025, targetYear: 2030 },
    new Date('2026-03-01T00:00:00Z'),
  );

  it('says how many figures of 2025 and before reached only this workbook, and what to do', () => {
    const note = previousPeriodNote(
      [{ year: 2025 }, { year: 2026 }, { year: 2024 }, { year: 2026 }],
      next.indicators,
    );
    expect(note).toContain('其中 2 个为2025年及以前的数值，只写入了本工作簿');
    expect(note).toContain('上期规划工作簿的终期评估和报告仍用其中原有的数值');
    expect(note).toContain('把同一文件再导入一次');
  });

  it('says nothing when only the new period’s years changed, or the workbook is no next plan', () => {
    expect(previousPeriodNote([{ year: 2026 }, { year: 2027 }], next.indicators)).toBe('');
    expect(previousPeriodNote([{ year: 2024 }, { year: 2025 }], old.indicators)).toBe('');
  });
});

describe('a new target that turns the previous one’s direction round', () => {
  const next = makeNextPlan(old, { id: 'n', title: 'n', baseYear: 2025, targetYear: 2030 }, new Date());
  const infant = next.indicators.find((r) => r.name === '婴儿死亡率')!;
  const preschool = next.indicators.find((r) => r.name === '学前教育毛入园率')!;
  const myopia = next.indicators.find((r) => r.name === '儿童青少年总体近视率')!;
  const retarget = (row: Indicator, target: Indicator['target']): Indicator => ({ ...row, target });

  it('婴儿死亡率 <5‰ written 4.5‰以上 (≥): flagged with both targets and what to check, never read as 偏保守', () => {
    // 4.8‰ in 2025 "meets" ≥4.5‰: it read 目标偏保守, of a death rate asked to stay at least 4.5‰.
    const reversed = retarget(infant, { kind: 'lower', comparator: '≥', wording: '以上', value: 4.5 });
    const a = assessAmbition(reversed, DEFAULT_THRESHOLDS);
    expect(a.flag).toBe('reversed');
    expect(a.message).toBe(
      '新目标 ≥4.5‰（以上）要求不低于目标值，与上期目标 <5‰（2025年）的方向（降低）相反：' +
        '请核对“以上”“以下”是否写反；确需改变方向的，请核实指标的统计口径。',
    );
    expect(targetReversal(reversed)).toBe(a.message);
  });

  it('a rate to raise turned into one to lower, and a yearly fall turned into a rise, are flagged too', () => {
    const lowered = retarget(preschool, { kind: 'upper', comparator: '<', wording: '以下', value: 98 });
    expect(assessAmbition(lowered, DEFAULT_THRESHOLDS).flag).toBe('reversed');
    const rising = retarget(myopia, {
      kind: 'yearly-change',
      comparator: '≥',
      wording: '每年提高1个百分点',
      value: null,
      yearlyStep: 1,
    });
    expect(targetReversal(rising)).toContain('与上期目标 每年降低1个百分点以上（2025年）的方向（降低）相反');
  });

  it('the same direction in other words, a band, or a row new in this plan is no reversal', () => {
    expect(targetReversal(infant)).toBeNull();
    expect(
      targetReversal(retarget(infant, { kind: 'upper', comparator: '≤', wording: '以内', value: 4 })),
    ).toBeNull();
    expect(
      targetReversal(
        retarget(infant, { kind: 'direction', comparator: '↓', wording: '持续下降', value: null }),
      ),
    ).toBeNull();
    expect(
      targetReversal(retarget(infant, { kind: 'around', comparator: '≈', wording: '左右', value: 4.5 })),
    ).toBeNull();
    expect(
      targetReversal(retarget(preschool, { kind: 'full', comparator: '=', wording: '全覆盖', value: 100 })),
    ).toBeNull();
    const added = { ...infant, previousTarget: undefined };
    expect(
      targetReversal(retarget(added, { kind: 'lower', comparator: '≥', wording: '', value: 1 })),
    ).toBeNull();
  });
});
