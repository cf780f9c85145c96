import { describe, expect, it } from 'vitest';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';
import { makeNextPlan } from '../../../src/model/planning';
import {
  baseYearBeforeYears,
  baseYearPastFigures,
  figuresBeforeBaseCounted,
  earliestFigureYear,
  firstEntryYear,
  historyYearsFrom,
  workbookFromPlan,
} from '../../../src/model/workbook';

// Made-up figures: the plan's real workbook holds none of them.
const plan = workbookFromPlan(LANXI_2021_2025, 'plan', new Date('2026-01-01T00:00:00Z'));
plan.indicators = plan.indicators.map((row) =>
  row.code === 'H21' ? { ...row, values: { 2018: 50, 2020: 48, 2021: 47.5 } } : row,
);
const next = makeNextPlan(plan, { id: 'next', title: 'n', baseYear: 2025, targetYear: 2030 }, new Date());
const myopia = next.indicators.find((row) => row.code === 'H21')!;
const infant = next.indicators.find((row) => row.code === 'H02')!;

describe('the first year a row takes a figure for', () => {
  it('in a plan, is the row’s own base year, also when it is later than the workbook’s', () => {
    expect(historyYearsFrom(plan)).toBeNull();
    expect(firstEntryYear(2018, historyYearsFrom(plan))).toBe(2018);
    expect(firstEntryYear(2020, historyYearsFrom(plan))).toBe(2020);
    // A row the clerk added (or set) with base year 2022: 2020 and 2021 are not its years.
    expect(firstEntryYear(2022, historyYearsFrom(plan))).toBe(2022);
  });

  it('in a next plan, reaches back to the first figure a row brought along: 近视率’s 2019 stays open beside 2018', () => {
    expect(historyYearsFrom(next)).toBe(2020);
    expect(earliestFigureYear(myopia.values)).toBe(2018);
    expect(firstEntryYear(myopia.baseYear, historyYearsFrom(next), earliestFigureYear(myopia.values))).toBe(
      2018,
    );
    // A row without older figures keeps the previous period's years only.
    expect(firstEntryYear(infant.baseYear, historyYearsFrom(next), earliestFigureYear(infant.values))).toBe(
      2020,
    );
  });

  it('counts empty cells as no figure', () => {
    expect(earliestFigureYear({ 2018: '', 2019: 3 } as Record<number, number | string>)).toBe(2019);
    expect(earliestFigureYear({})).toBe(Infinity);
  });
});

describe('a base year moved past a figure the row holds', () => {
  it('is refused in a plan, naming the year to clear first', () => {
    const problem = baseYearPastFigures(2019, { 2018: 50, 2020: 48 }, null);
    expect(problem).toBe(
      '2018年已有数值，基期年不能晚于2018年（基期以前的数值不计入预测和达标进度）。' +
        '如确需从2019年起算，请先删除2019年以前各年的数值，再改基期年。',
    );
    expect(baseYearPastFigures(2018, { 2018: 50, 2020: 48 }, null)).toBeNull();
    expect(
      baseYearPastFigures(2019, { 2018: '', 2020: 48 } as Record<number, number | string>, null),
    ).toBeNull();
  });

  it('is no slip in a next plan: the figures before its base year are its history', () => {
    expect(baseYearPastFigures(2026, myopia.values, historyYearsFrom(next))).toBeNull();
  });
});

describe('a base year before the workbook’s first year column', () => {
  it('is refused, saying the earliest year the workbook has', () => {
    expect(baseYearBeforeYears(2017, 2018)).toBe(
      '本工作簿的年份从2018年起，基期年不能早于2018年（没有2017年的列，无法填写基期数值）。' +
        '请填写2018年或以后的年份。',
    );
    expect(baseYearBeforeYears(2018, 2018)).toBeNull();
    expect(baseYearBeforeYears(2021, 2018)).toBeNull();
  });
});

describe('a plan’s row saved with figures before its base year', () => {
  it('says which figures are still counted and what to do, in a plan only', () => {
    expect(figuresBeforeBaseCounted(2020, { 2018: 50, 2019: 49.5, 2020: 49 }, null)).toBe(
      '2018年、2019年的数值早于基期年（2020年），目前仍计入预测和状态。' +
        '如从2020年起算，请删除2018年、2019年的数值；如基期是2018年，请把基期年改为2018。',
    );
    // A figure kept as typed (not read) is not counted; none before the base year: nothing to say.
    expect(figuresBeforeBaseCounted(2020, { 2019: '约5', 2020: 49 }, null)).toBeNull();
    expect(figuresBeforeBaseCounted(2018, { 2018: 50, 2020: 48 }, null)).toBeNull();
    expect(figuresBeforeBaseCounted(2026, myopia.values, historyYearsFrom(next))).toBeNull();
  });
});
