import { describe, expect, it } from 'vitest';
import { buildColumns, fromGridRow, toGridRow } from '../../../src/grid/columns';
import { alignTargetToKind, parseYearlyStep, staleTargetNote } from '../../../src/grid/target-definition';
import { parseEntry } from '../../../src/model/entry';
import type { Indicator, Target } from '../../../src/model/indicator';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';
import { targetSpecOf, targetForYear } from '../../../src/model/status';

const infant: Indicator = {
  code: 'H02',
  area: '儿童与健康',
  clause: '二（二）1',
  name: '婴儿死亡率',
  unit: '‰',
  target: { kind: 'upper', comparator: '<', wording: '以下', value: 5 },
  baseYear: 2025,
  targetYear: 2030,
  department: '市卫健局',
  source: '',
  values: {},
};

describe('目标值 and 每年变化 read in the row’s unit', () => {
  const columns = buildColumns([2025, 2026, 2027, 2028, 2029, 2030], 2025, 2030, true);
  const at = (key: string) => columns.findIndex((c) => c.key === key);
  const edit = (row: Indicator, key: string, cell: string) => {
    const grid = toGridRow(row, columns, 5);
    grid[at(key)] = cell;
    return fromGridRow(grid, columns, 5, row);
  };

  it.each([
    ['4‰', '‰', 4],
    ['４‰', '‰', 4],
    ['98%', '%', 98],
    ['98％', '%', 98],
    ['2 家', '家', 2],
    ['12.5/10万', '1/10万', 12.5],
  ])('目标值 “%s” on a %s row is %d', (typed, unit, value) => {
    expect(edit({ ...infant, unit }, 'targetValue', typed).target.value).toBe(value);
  });

  it('a wrong unit is refused with the year cells’ message, and the last good value is kept', () => {
    expect(edit(infant, 'targetValue', '4%').target.value).toBe(5);
    const entry = parseEntry('4%', '‰');
    expect(entry.ok).toBe(false);
    if (!entry.ok) expect(entry.message).toBe('“4%”的单位是 %，本行的单位是 ‰：请换算后只填数字（单位 ‰）。');
  });

  it.each([
    ['-1', '%', -1],
    ['-1个百分点', '%', -1],
    ['-1%', '%', -1],
    ['−0.5', '%', -0.5],
    ['-0.2‰', '‰', -0.2],
    ['-0.2个千分点', '‰', -0.2],
    ['2 家', '家', 2],
    ['－1', '%', -1],
  ])('每年变化 “%s” on a %s row is %d', (typed, unit, step) => {
    expect(parseYearlyStep(typed, unit)).toEqual({ ok: true, value: step });
  });

  it('每年变化 with a wrong unit or no number is refused, and the last good step is kept', () => {
    expect(parseYearlyStep('-1%', '‰')).toMatchObject({
      ok: false,
      message: expect.stringContaining('的单位是 %，本行的单位是 ‰'),
    });
    expect(parseYearlyStep('很多', '%')).toMatchObject({
      ok: false,
      message: expect.stringContaining('“每年变化”应填写'),
    });
    const myopia: Indicator = {
      ...infant,
      unit: '%',
      target: { kind: 'yearly-change', comparator: '≤', wording: '', value: null, yearlyStep: -1 },
    };
    expect(edit(myopia, 'yearlyStep', '很多').target.yearlyStep).toBe(-1);
    expect(edit(myopia, 'yearlyStep', '-2个百分点').target.yearlyStep).toBe(-2);
    expect(edit(myopia, 'yearlyStep', '').target.yearlyStep).toBeUndefined();
  });
});

describe('a new kind of target brings a definition that agrees with how it is judged', () => {
  const judged = (target: Target) =>
    targetForYear(
      targetSpecOf({ target, baseYear: 2025, targetYear: 2030, unit: '%' }),
      { years: [], values: [] },
      2030,
    );

  it('全覆盖 on 新生儿访视率 (≥90%): = 100, as the plan’s own 全覆盖 rows', () => {
    const aligned = alignTargetToKind({ kind: 'full', comparator: '≥', wording: '应建尽建', value: 90 });
    expect(aligned).toEqual({ kind: 'full', comparator: '=', wording: '应建尽建', value: 100 });
    expect(aligned.value).toBe(judged(aligned));
    const planFull = LANXI_2021_2025.indicators.filter((r) => r.target.kind === 'full');
    expect(planFull.length).toBeGreaterThan(0);
    for (const row of planFull) {
      expect({ comparator: aligned.comparator, value: aligned.value }).toEqual({
        comparator: row.target.comparator,
        value: row.target.value,
      });
    }
  });

  it('方向性: no value, the comparator is the direction', () => {
    expect(alignTargetToKind({ kind: 'direction', comparator: '<', wording: '', value: 5 })).toEqual({
      kind: 'direction',
      comparator: '↓',
      wording: '',
      value: null,
    });
    expect(alignTargetToKind({ kind: 'direction', comparator: '≥', wording: '', value: 90 })).toMatchObject({
      comparator: '↑',
      value: null,
    });
    expect(alignTargetToKind({ kind: 'direction', comparator: '=', wording: '', value: 100 })).toMatchObject({
      comparator: '↑',
      value: null,
    });
    // 不升 (not rising) is a direction of its own and stays; on a yearly change it reads as a fall.
    expect(
      alignTargetToKind({ kind: 'direction', comparator: '不升', wording: '', value: null }),
    ).toMatchObject({
      comparator: '不升',
    });
    expect(
      alignTargetToKind({ kind: 'yearly-change', comparator: '不升', wording: '', value: null }),
    ).toMatchObject({ comparator: '≤' });
  });

  it('逐年变化: no value, ≤ for a fall and ≥ for a rise', () => {
    expect(
      alignTargetToKind({ kind: 'yearly-change', comparator: '≥', wording: '', value: 60, yearlyStep: -1 }),
    ).toEqual({ kind: 'yearly-change', comparator: '≤', wording: '', value: null, yearlyStep: -1 });
    expect(
      alignTargetToKind({ kind: 'yearly-change', comparator: '↑', wording: '', value: null }),
    ).toMatchObject({ comparator: '≥', value: null });
    expect(
      alignTargetToKind({
        kind: 'yearly-change',
        comparator: '<',
        wording: '',
        value: null,
        yearlyStep: 0.5,
      }),
    ).toMatchObject({ comparator: '≥' });
  });

  it('上限, 下限, 数量 and 左右 take their own comparators; only 逐年变化 keeps a yearly change', () => {
    const from = (comparator: Target['comparator']): Target => ({
      kind: 'lower',
      comparator,
      wording: '',
      value: 90,
      yearlyStep: -1,
    });
    expect(alignTargetToKind({ ...from('≥'), kind: 'upper' })).toEqual({
      kind: 'upper',
      comparator: '<',
      wording: '',
      value: 90,
    });
    expect(alignTargetToKind({ ...from('≤'), kind: 'upper' }).comparator).toBe('≤');
    expect(alignTargetToKind({ ...from('='), kind: 'lower' }).comparator).toBe('≥');
    expect(alignTargetToKind({ ...from('>'), kind: 'lower' }).comparator).toBe('>');
    expect(alignTargetToKind({ ...from('↑'), kind: 'count' }).comparator).toBe('≥');
    expect(alignTargetToKind({ ...from('≥'), kind: 'around' }).comparator).toBe('≈');
  });
});

describe('the 目标 cell while a definition cell holds a slip', () => {
  it('says the target shown is the previous one', () => {
    expect(staleTargetNote(['目标值'], '<5‰（以下）')).toBe('目标值有误，仍按 <5‰（以下） 计算');
    expect(staleTargetNote(['目标类型', '目标值'], '≥90%')).toBe('目标类型、目标值有误，仍按 ≥90% 计算');
  });
});
