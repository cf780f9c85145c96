import { describe, expect, it } from 'vitest';
import { buildColumns, describeTarget, fromGridRow, toGridRow } from '../../../src/grid/columns';
import type { Indicator } from '../../../src/model/indicator';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';

const myopia: Indicator = {
  code: 'H10',
  area: '儿童与健康',
  clause: '二（二）9',
  name: '儿童青少年总体近视率',
  unit: '%',
  target: {
    kind: 'yearly-change',
    comparator: '≤',
    wording: '每年降低1个百分点以上',
    value: null,
    yearlyStep: -1,
  },
  baseYear: 2018,
  targetYear: 2025,
  department: '市教育局',
  source: '实现全市儿童青少年总体近视率在2018年基础上每年降低1个百分点以上',
  values: { 2018: 55.2, 2021: 'abc' },
  note: '示例',
};

/** The plan's 新生儿死亡率 (<3‰): a rate that should fall, projected log-linear by default. */
const neonatal: Indicator = {
  ...structuredClone(LANXI_2021_2025.indicators.find((row) => row.code === 'H01')!),
  values: { 2021: 0, 2022: 2.5, 2023: 3.5, 2024: 3.2 },
};
/** The log-linear default formula as the grid wrote it before the linear fallback. */
const OLD_DEFAULT = (row: number | string) =>
  `=GROWTH(G${row}:N${row}, {2018,2019,2020,2021,2022,2023,2024,2025}, 2025)`;

describe('grid rows', () => {
  const years = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
  const columns = buildColumns(years, 2020, 2025);
  const p = columns.findIndex((c) => c.key === 'projection');

  it('an indicator survives the trip to a grid row and back', () => {
    expect(fromGridRow(toGridRow(myopia, columns, 7), columns, 7)).toEqual(myopia);
  });

  it('a plan’s base year moved past a year holding a figure is not saved; cleared first, it is', () => {
    // Made-up figures on 近视率, counted from 2018.
    const saved: Indicator = { ...structuredClone(myopia), values: { 2018: 50, 2020: 48 } };
    const b = columns.findIndex((c) => c.key === 'baseYear');
    const row = toGridRow(saved, columns, 7);
    row[b] = 2019;
    expect(fromGridRow(row, columns, 7, saved).baseYear).toBe(2018);
    // In a next plan the figures before the base year are its history: the base year moves.
    expect(fromGridRow(row, columns, 7, saved, 2020).baseYear).toBe(2019);
    row[columns.findIndex((c) => c.year === 2018)] = null;
    expect(fromGridRow(row, columns, 7, saved).baseYear).toBe(2019);
  });

  it('a base year before the first year column is not saved (no column for it until a reload); the first year is', () => {
    const saved: Indicator = { ...structuredClone(myopia), baseYear: 2020, values: { 2020: 48 } };
    const b = columns.findIndex((c) => c.key === 'baseYear');
    const row = toGridRow(saved, columns, 7);
    row[b] = 2017;
    expect(fromGridRow(row, columns, 7, saved).baseYear).toBe(2020);
    row[b] = 2018;
    expect(fromGridRow(row, columns, 7, saved).baseYear).toBe(2018);
  });

  it('a next plan’s row carries its 确定沿用 tick to the grid and back; unticked, the mark is gone', () => {
    const planning = buildColumns(years, 2025, 2030, true);
    const k = planning.findIndex((c) => c.key === 'keptTarget');
    expect(planning[k]?.title).toBe('确定沿用');
    const carried: Indicator = {
      ...neonatal,
      baseYear: 2025,
      targetYear: 2030,
      previousTarget: { ...neonatal.target, targetYear: 2025 },
    };
    const kept: Indicator = { ...carried, previousTargetKept: true };
    const row = toGridRow(kept, planning, 3);
    expect(row[k]).toBe('已确定');
    expect(fromGridRow(row, planning, 3, kept)).toEqual(kept);
    row[k] = null;
    expect(fromGridRow(row, planning, 3, kept).previousTargetKept).toBeUndefined();
    // A row without a previous target (added in the next plan) has nothing to keep.
    const added = { ...carried, code: 'X01', previousTarget: undefined };
    const addedRow = toGridRow(added, planning, 4);
    addedRow[k] = '已确定';
    expect(fromGridRow(addedRow, planning, 4, added).previousTargetKept).toBeUndefined();
  });

  it('gives each row readable default formulas for its own row', () => {
    const row = toGridRow(myopia, columns, 7);
    const at = (key: string) => row[columns.findIndex((c) => c.key === key)];
    // 2018…2025 sit in columns G…N; the projection is in O.
    expect(at('projection')).toBe('=FORECAST.LINEAR(2025, G7:N7, {2018,2019,2020,2021,2022,2023,2024,2025})');
    // Gap and status are computed from the row by the grid, not written as formulas.
    expect(at('status')).toBeNull();
    expect(at('gap')).toBeNull();
  });

  it('keeps the saved period when the row’s 基期年 is not before its 目标年 (a slip, marked and not saved)', () => {
    const row = toGridRow(myopia, columns, 7);
    const base = columns.findIndex((c) => c.key === 'baseYear');
    const target = columns.findIndex((c) => c.key === 'targetYear');
    row[base] = 2026;
    expect(fromGridRow(row, columns, 7, myopia)).toMatchObject({ baseYear: 2018, targetYear: 2025 });
    row[base] = 2025;
    expect(fromGridRow(row, columns, 7, myopia)).toMatchObject({ baseYear: 2018, targetYear: 2025 });
    // Both years moved together (a row pasted whole, or the target year first): saved when in order (the 2018
    // figure cleared first: a base year past a figure is a slip of its own).
    row[columns.findIndex((c) => c.year === 2018)] = null;
    row[base] = 2021;
    row[target] = 2030;
    expect(fromGridRow(row, columns, 7, myopia)).toMatchObject({ baseYear: 2021, targetYear: 2030 });
    row[target] = 2019;
    expect(fromGridRow(row, columns, 7, myopia)).toMatchObject({ baseYear: 2018, targetYear: 2025 });
  });

  it('keeps the saved 领域 when one not in its list is typed (a slip, marked and not saved); a listed one is taken', () => {
    const row = toGridRow(myopia, columns, 7);
    const area = columns.findIndex((c) => c.key === 'area');
    row[area] = '儿童与健壮';
    expect(fromGridRow(row, columns, 7, myopia).area).toBe(myopia.area);
    row[area] = '儿童与教育';
    expect(fromGridRow(row, columns, 7, myopia).area).toBe('儿童与教育');
    // A row without an area (新增指标) may stay so; one a CSV's new row brought is kept as it is.
    row[area] = '';
    expect(fromGridRow(row, columns, 7, myopia).area).toBe('');
    row[area] = '青少年';
    expect(fromGridRow(row, columns, 7, { ...myopia, area: '青少年' }).area).toBe('青少年');
  });

  it('keeps an edited projection formula, relative to its row, and drops it when back to default', () => {
    const row = toGridRow(myopia, columns, 7);
    const p = columns.findIndex((c) => c.key === 'projection');
    row[p] = '=FORECAST.LINEAR(2025, J7:N7, {2021,2022,2023,2024,2025})';
    const edited = fromGridRow(row, columns, 7);
    expect(edited.projectionFormula).toBe('=FORECAST.LINEAR(2025, J{r}:N{r}, {2021,2022,2023,2024,2025})');
    // Moved to row 12, the formula follows the row.
    expect(toGridRow(edited, columns, 12)[p]).toBe(
      '=FORECAST.LINEAR(2025, J12:N12, {2021,2022,2023,2024,2025})',
    );
    row[p] = toGridRow(myopia, columns, 7)[p] ?? null;
    expect(fromGridRow(row, columns, 7).projectionFormula).toBeUndefined();
  });

  it('gives a rate that should fall the log-linear default with the linear trend standing in (IFERROR)', () => {
    const row = toGridRow(neonatal, columns, 5);
    expect(row[p]).toBe(
      '=IFERROR(GROWTH(G5:N5, {2018,2019,2020,2021,2022,2023,2024,2025}, 2025), ' +
        'FORECAST.LINEAR(2025, G5:N5, {2018,2019,2020,2021,2022,2023,2024,2025}))',
    );
    expect(fromGridRow(row, columns, 5).projectionFormula).toBeUndefined();
  });

  it('reads the log-linear default as written before (=GROWTH alone) as the default, not the clerk’s formula', () => {
    const row = toGridRow(neonatal, columns, 5);
    row[p] = OLD_DEFAULT(5);
    // Saved from the grid: the row keeps its default (no formula of its own), so it takes today's.
    const saved = fromGridRow(row, columns, 5);
    expect(saved.projectionFormula).toBeUndefined();
    expect(toGridRow(saved, columns, 5)[p]).toMatch(/^=IFERROR\(GROWTH\(/);
    // Kept as the row's own by a copy made then (a backup, another tab): it opens as today's default too.
    const kept: Indicator = { ...neonatal, projectionFormula: OLD_DEFAULT('{r}') };
    expect(toGridRow(kept, columns, 9)[p]).toBe(toGridRow(neonatal, columns, 9)[p]);
    expect(fromGridRow(toGridRow(kept, columns, 9), columns, 9).projectionFormula).toBeUndefined();
    // The same text on a row whose default is linear is the clerk's own choice, and is kept.
    const onLinearRow = toGridRow(myopia, columns, 7);
    onLinearRow[p] = OLD_DEFAULT(7);
    expect(fromGridRow(onLinearRow, columns, 7).projectionFormula).toBe(OLD_DEFAULT('{r}'));
    // A GROWTH formula of the clerk's own on another range stays the clerk's.
    row[p] = '=GROWTH(J5:M5, {2021,2022,2023,2024}, 2025)';
    expect(fromGridRow(row, columns, 5).projectionFormula).toBe(
      '=GROWTH(J{r}:M{r}, {2021,2022,2023,2024}, 2025)',
    );
  });

  it('marks the plan base year in its header', () => {
    expect(columns.map((c) => c.title)).toContain('2020年（基期）');
  });

  it('a text slip in the target value keeps the previous target', () => {
    const upper: Indicator = {
      ...myopia,
      target: { kind: 'upper', comparator: '<', wording: '以下', value: 5 },
      unit: '‰',
    };
    const row = toGridRow(upper, columns, 3);
    row[columns.findIndex((c) => c.key === 'targetValue')] = '五';
    expect(fromGridRow(row, columns, 3, upper).target.value).toBe(5);
  });

  it.each([
    [{ kind: 'upper', comparator: '<', wording: '以下', value: 5 }, '‰', '<5‰（以下）'],
    [{ kind: 'lower', comparator: '≥', wording: '达到…以上', value: 65 }, '%', '≥65%（达到…以上）'],
    // Words standing before the figure read with "…" where it goes, not cut off ("（达到）", "（保持在）").
    [{ kind: 'lower', comparator: '≥', wording: '达到', value: 98 }, '%', '≥98%（达到…）'],
    [{ kind: 'full', comparator: '=', wording: '保持在', value: 100 }, '%', '=100%（保持在…）'],
    [{ kind: 'count', comparator: '≥', wording: '至少', value: 1 }, '家', '≥1 家（至少…）'],
    [{ kind: 'full', comparator: '=', wording: '应建尽建', value: 100 }, '%', '=100%（应建尽建）'],
    // A direction: the plan's words after the arrow, once ("↑ 提高（提高）" said it twice).
    [{ kind: 'direction', comparator: '↓', wording: '得到有效控制', value: null }, '%', '↓ 得到有效控制'],
    [{ kind: 'direction', comparator: '↑', wording: '提高', value: null }, '%', '↑ 提高'],
    [{ kind: 'direction', comparator: '↑', wording: '逐步增加', value: null }, '万元', '↑ 逐步增加'],
    [{ kind: 'direction', comparator: '↑', wording: '', value: null }, '%', '↑ 提高'],
    // Words that do not say the arrow's direction stay in brackets beside it.
    [
      { kind: 'direction', comparator: '↑', wording: '保持在…以上', value: null },
      '%',
      '↑ 提高（保持在…以上）',
    ],
    [
      { kind: 'yearly-change', comparator: '≤', wording: '', value: null, yearlyStep: -1 },
      '%',
      '每年降低1个百分点',
    ],
    // The plan's own 以上 (近视率: at least one point a year) is kept, not read as exactly one point.
    [
      {
        kind: 'yearly-change',
        comparator: '≤',
        wording: '每年降低1个百分点以上',
        value: null,
        yearlyStep: -1,
      },
      '%',
      '每年降低1个百分点以上',
    ],
  ] as const)('describes %o as %s', (target, unit, text) => {
    expect(describeTarget({ target: { ...target }, unit })).toBe(text);
  });
});
