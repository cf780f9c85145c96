/**
 * A gross rate (毛入园率, 毛入学率: children enrolled, of any age, ÷ children of the age) passes 100 % — children
 * from other places, pupils older or younger than the age — so 101.3 % is a real figure, not a slip. Every other
 * % row keeps 100 % as its limit. Figures are made up.
 */
import { describe, expect, it } from 'vitest';
import { chartDataFor } from '../../../src/charts/chart-data';
import {
  cellProblem,
  isGrossRate,
  naturalLimits,
  parseEntry,
  readWordedFigure,
  withinNaturalLimits,
} from '../../../src/model/entry';
import type { Indicator } from '../../../src/model/indicator';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';
import { implausibleFigure, implausibleTarget } from '../../../src/model/plausibility';
import { resultsOf } from '../../../src/model/row-results';
import { DEFAULT_THRESHOLDS, targetSpecOf } from '../../../src/model/status';
import { parseTargetText } from '../../../src/model/target-text';

function planRowNamed(name: string): Indicator {
  const row = LANXI_2021_2025.indicators.find((r) => r.name === name);
  if (!row) throw new Error(`no row ${name} in the plan`);
  return row;
}
const planRow = (name: string): Indicator => ({
  ...structuredClone(planRowNamed(name)),
  values: {},
});
const PRESCHOOL = planRow('学前教育毛入园率');
const HIGH_SCHOOL = planRow('高中阶段毛入学率');
const BREASTFEEDING = planRow('0-6个月婴儿纯母乳喂养率');

describe('which rows are gross rates', () => {
  it.each([
    ['学前教育毛入园率', true],
    ['高中阶段毛入学率', true],
    ['学前三年毛入园率', true],
    ['义务教育巩固率', false],
    ['0-6个月婴儿纯母乳喂养率', false],
    ['普惠性幼儿园覆盖率', false],
  ])('“%s”: %s', (name, gross) => {
    expect(isGrossRate(name)).toBe(gross);
  });
});

describe('a gross rate’s figure may pass 100 %', () => {
  it.each(['101.3', '101.3%', '１０１.３％', 101.3])('“%s” on 学前教育毛入园率 is 101.3', (typed) => {
    expect(parseEntry(typed, '%', PRESCHOOL.name)).toEqual({ ok: true, value: 101.3 });
  });

  it('约101.3 and 101.3（快报） are read as any figure with words is', () => {
    expect(readWordedFigure('约101.3', '%', HIGH_SCHOOL.name)?.entry).toEqual({ ok: true, value: 101.3 });
    expect(readWordedFigure('101.3（快报）', '%', HIGH_SCHOOL.name)?.entry).toEqual({
      ok: true,
      value: 101.3,
    });
  });

  it('is still never negative', () => {
    expect(parseEntry('-1', '%', PRESCHOOL.name)).toMatchObject({
      ok: false,
      message: expect.stringContaining('不会是负数'),
    });
  });

  it('every other % row keeps 100 % as its limit', () => {
    expect(parseEntry('101.3', '%', BREASTFEEDING.name)).toEqual({
      ok: false,
      raw: '101.3',
      message: '百分比应在 0 到 100 之间，“101.3”超出范围：请核对后重填。',
    });
    expect(parseEntry('101.3', '%')).toMatchObject({ ok: false });
    expect(naturalLimits('%', BREASTFEEDING.name)).toEqual({ low: 0, high: 100 });
  });

  it('a target value past 100 % is taken on a gross rate only', () => {
    expect(parseTargetText('达到102%以上', '%', HIGH_SCHOOL.name)).toMatchObject({
      ok: true,
      target: { kind: 'lower', value: 102 },
    });
    expect(parseTargetText('达到102%以上', '%', BREASTFEEDING.name)).toMatchObject({ ok: false });
  });
});

describe('a gross rate’s projection is not held at 100 %', () => {
  it('withinNaturalLimits keeps 103.5 on a gross rate, holds it at 100 elsewhere', () => {
    expect(naturalLimits('%', PRESCHOOL.name).high).toBeGreaterThan(100);
    expect(withinNaturalLimits(103.5, '%', PRESCHOOL.name)).toBe(103.5);
    expect(withinNaturalLimits(103.5, '%', BREASTFEEDING.name)).toBe(100);
    expect(withinNaturalLimits(-2, '%', PRESCHOOL.name)).toBe(0);
  });

  it('the row’s results show the trend’s 103.5 %, not 100 %', () => {
    const years = [2021, 2022, 2023, 2024, 2025];
    const cells = [98.2, 99.6, 101.3, null, null];
    const preschool = resultsOf(103.5, cells, years, targetSpecOf(PRESCHOOL), DEFAULT_THRESHOLDS, '%');
    expect(preschool.projected).toBe(103.5);
    expect(preschool.status).toBe('已达标');
    const other = resultsOf(
      103.5,
      cells.map((v) => v && v - 5),
      years,
      targetSpecOf(BREASTFEEDING),
      DEFAULT_THRESHOLDS,
      '%',
    );
    expect(other.projected).toBe(100);
  });

  it('the chart labels its axis past 100 % on a gross rate only', () => {
    expect(chartDataFor({ ...PRESCHOOL, values: { 2021: 101.3 } }, null, DEFAULT_THRESHOLDS).limits).toEqual({
      low: 0,
      high: Infinity,
    });
    expect(chartDataFor({ ...BREASTFEEDING, values: { 2021: 81 } }, null, DEFAULT_THRESHOLDS).limits).toEqual(
      {
        low: 0,
        high: 100,
      },
    );
  });
});

describe('a gross rate far past 100 % is questioned (请核实)', () => {
  it('160 % is questioned, naming the rate and the level; 101.3 % beside 99 % is not', () => {
    const values = { 2022: 99.1, 2023: 100.4 };
    const far = implausibleFigure('%', values, 2024, 160, undefined, undefined, 2025, PRESCHOOL.name);
    expect(far?.message).toBe(
      '2024年为160%。毛入园率、毛入学率可以超过100%，但超过150%极少见：请核实是否填错了数字，或填成了人数。',
    );
    expect(
      implausibleFigure('%', values, 2024, 101.3, undefined, undefined, 2025, PRESCHOOL.name),
    ).toBeNull();
    // A first figure too, with nothing to compare it with.
    expect(
      implausibleFigure('%', {}, 2024, 312, undefined, undefined, 2025, HIGH_SCHOOL.name),
    ).not.toBeNull();
  });

  it('a target past 150 % is questioned too', () => {
    expect(
      implausibleTarget('%', 160, { values: {}, currentTarget: 120 }, HIGH_SCHOOL.name)?.message,
    ).toContain('超过150%极少见');
  });
});

describe('a gross rate’s figure saved as text when 100 % was its limit', () => {
  it('says it takes no part in the figures and that typing it again reads it (it showed nothing wrong)', () => {
    expect(cellProblem('101.3', '%', PRESCHOOL.name)).toBe(
      '“101.3”保存时未能读取为数值（当时的规则不接受），未参与计算：请在此格重新输入“101.3”，即按 101.3% 填入。',
    );
    expect(cellProblem(101.3, '%', PRESCHOOL.name)).toBeNull();
    expect(cellProblem('101.3', '%', BREASTFEEDING.name)).toContain('超出范围');
  });
});
