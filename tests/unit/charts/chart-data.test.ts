import { describe, expect, it } from 'vitest';
import { chartDataFor, pointLabel } from '../../../src/charts/chart-data';
import type { Indicator, Target } from '../../../src/model/indicator';
import { DEFAULT_THRESHOLDS } from '../../../src/model/status';

const row = (target: Target, values: Indicator['values'], unit = '%', baseYear = 2020): Indicator => ({
  code: 'T01',
  area: '儿童与健康',
  clause: '',
  name: '测试指标',
  unit,
  target,
  baseYear,
  targetYear: 2025,
  department: '',
  source: '',
  values,
});

/** 近视率's target: a point lower each year from 2018. */
const MYOPIA_TARGET: Target = {
  kind: 'yearly-change',
  comparator: '≤',
  wording: '每年降低1个百分点以上',
  value: null,
  yearlyStep: -1,
};

describe('chart datasets', () => {
  it('keeps missing years missing (not zero) and draws the projection from the latest value to the target year', () => {
    const data = chartDataFor(
      row(
        { kind: 'upper', comparator: '<', wording: '以下', value: 5 },
        { 2020: 6, 2022: 5.6, 2023: 'abc' },
        '‰',
      ),
      5.1,
      DEFAULT_THRESHOLDS,
    );
    expect(data.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
    expect(data.actual).toEqual([6, null, 5.6, null, null, null]);
    expect(data.projection).toEqual([null, null, 5.6, null, null, 5.1]);
    expect(data.target).toEqual([5, 5, 5, 5, 5, 5]);
    expect(data.band).toBeNull();
    expect(data.unit).toBe('‰');
  });

  it('draws an "around" target as a band', () => {
    const data = chartDataFor(
      row({ kind: 'around', comparator: '≈', wording: '左右', value: 90 }, { 2020: 85, 2021: 87 }),
      91,
      DEFAULT_THRESHOLDS,
    );
    expect(data.band?.low.every((v) => v === 88)).toBe(true);
    expect(data.band?.high.every((v) => v === 92)).toBe(true);
  });

  it('draws the yearly-change target as a stepped line from 2018', () => {
    const data = chartDataFor(
      row(MYOPIA_TARGET, { 2018: 60, 2020: 58.5 }, '%', 2018),
      54,
      DEFAULT_THRESHOLDS,
    );
    expect(data.targetStepped).toBe(true);
    expect(data.target).toEqual([60, 59, 58, 57, 56, 55, 54, 53]);
  });

  it('without a 2018 figure, draws the yearly-change target from the nearest year’s figure on, not before it', () => {
    // Made-up figures from 2020 only: the line counts from 2020's 52 %. Drawn back to 2018 it showed targets of
    // 54 % and 53 % for years with no figure — a 2018 starting point nobody reported.
    const data = chartDataFor(
      row(MYOPIA_TARGET, { 2020: 52, 2021: 51, 2024: 48.6 }, '%', 2018),
      47.6,
      DEFAULT_THRESHOLDS,
    );
    expect(data.years[0]).toBe(2018);
    expect(data.target).toEqual([null, null, 52, 51, 50, 49, 48, 47]);
  });

  it.each([
    [{ kind: 'full', comparator: '=', wording: '应建尽建', value: 100 } as Target, 100],
    [{ kind: 'count', comparator: '≥', wording: '至少', value: 1 } as Target, 1],
    [{ kind: 'lower', comparator: '≥', wording: '以上', value: 97 } as Target, 97],
  ])('a %o target is a flat line at %s', (target, level) => {
    const data = chartDataFor(row(target, { 2020: 0 }), null, DEFAULT_THRESHOLDS);
    expect(new Set(data.target)).toEqual(new Set([level]));
    expect(data.projection.every((v) => v === null)).toBe(true);
  });

  it('has no target line for a direction-only target', () => {
    const data = chartDataFor(
      row(
        { kind: 'direction', comparator: '↓', wording: '得到有效控制', value: null },
        { 2020: 10, 2021: 9 },
      ),
      8,
      DEFAULT_THRESHOLDS,
    );
    expect(data.target.every((v) => v === null)).toBe(true);
  });

  it('a next plan draws its new target from the base year on, and the previous period’s own target before it', () => {
    // 2026–2030 from 2021–2025: 6‰ falling to 4.9‰ against the old <5‰; the new target <4‰. Drawn across 2020–2025,
    // 4‰ read as the target those years were held to (every figure far “above target”).
    const next: Indicator = {
      ...row(
        { kind: 'upper', comparator: '<', wording: '控制在…以下', value: 4 },
        { 2020: 6, 2023: 5.2, 2025: 4.9 },
        '‰',
      ),
      baseYear: 2025,
      targetYear: 2030,
      previousTarget: { kind: 'upper', comparator: '<', wording: '以下', value: 5, targetYear: 2025 },
    };
    const data = chartDataFor(next, 3.9, DEFAULT_THRESHOLDS);
    expect(data.years).toEqual([2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030]);
    expect(data.target).toEqual([null, null, null, null, null, 4, 4, 4, 4, 4, 4]);
    expect(data.previousTarget).toEqual([5, 5, 5, 5, 5, 5, null, null, null, null, null]);
    // A plan of its own period has no previous target to draw.
    expect(
      chartDataFor(row(next.target, next.values, '‰'), 4.5, DEFAULT_THRESHOLDS).previousTarget,
    ).toBeNull();
  });
});

describe('what pointing at a point says', () => {
  const data = chartDataFor(
    row(
      { kind: 'upper', comparator: '<', wording: '以下', value: 6 },
      { 2020: 5, 2023: 5.9, 2024: 6.2 },
      '‰',
    ),
    6.5555,
    DEFAULT_THRESHOLDS,
  );
  it('names the line and gives the figure with its unit', () => {
    expect(pointLabel(data, 'actual', 4, 6.2)).toBe('实际值：6.2‰');
    // A reported figure as the grid shows it, not rounded as the projection is.
    expect(pointLabel(data, 'actual', 4, 5.8765)).toBe('实际值：5.8765‰');
    expect(pointLabel(data, 'projection', 5, 6.5555)).toBe('趋势预测：6.56‰');
    expect(pointLabel(data, 'target', 0, 6)).toBe('目标：6‰');
  });
  it('says nothing of the projection at the latest figure, where its dashed line starts: that is data', () => {
    expect(data.projection[4]).toBe(6.2);
    expect(pointLabel(data, 'projection', 4, 6.2)).toBeNull();
  });
  it('gives a yearly-change target with its year, and a count with its unit after a space', () => {
    const myopia = chartDataFor(
      row(MYOPIA_TARGET, { 2018: 52, 2024: 47.8 }, '%', 2018),
      47.06,
      DEFAULT_THRESHOLDS,
    );
    expect(pointLabel(myopia, 'target', myopia.years.indexOf(2025), 45)).toBe('2025年目标：45%');
    const centres = chartDataFor(
      row({ kind: 'count', comparator: '≥', wording: '至少', value: 1 }, { 2020: 1, 2024: 2 }, '家'),
      2,
      DEFAULT_THRESHOLDS,
    );
    expect(pointLabel(centres, 'actual', 4, 2)).toBe('实际值：2 家');
  });
});
