import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../../src/model/indicator';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';
import { overdueFigureNote, overdueFigureTag } from '../../../src/model/overdue-figure';

const row = (code: string, values: Indicator['values']): Indicator => {
  const plan = LANXI_2021_2025.indicators.find((r) => r.code === code)!;
  return { ...plan, values };
};
// Made-up figures (no statistic): 婴儿死亡率 falling towards <5‰, 2025's not sent yet.
const infant = row('H02', { 2020: 5.8, 2021: 5.6, 2022: 5.5, 2023: 5.3, 2024: 5.2 });

describe('a row waiting for its target year’s figure once the plan is over (spring 2026)', () => {
  it('says its status is the trend of the years it has, not 2025’s verdict', () => {
    expect(overdueFigureNote(infant, '需加快', 2026)).toBe(
      '2025年数值待补报：“需加快”是按2020—2024年数值的趋势推算的，不是2025年的结果；' +
        '收到2025年数值后，按该数值判定达标或未达标。',
    );
  });

  it('says 已达标 rests on the latest year’s figure (beside 达标 rows judged by 2025’s own)', () => {
    const workers = row('C03', { 2020: 10, 2024: 13 });
    expect(overdueFigureNote(workers, '已达标', 2026)).toBe(
      '2025年数值待补报：“已达标”是按2024年的数值判断的，不是2025年的结果；' +
        '收到2025年数值后，按该数值判定达标或未达标。',
    );
    expect(overdueFigureNote(row('C03', { 2024: 13 }), '已达标', 2026)).toMatch(
      /^2025年数值待补报：“已达标”是按2024年/,
    );
  });

  it('says a single earlier figure cannot be projected', () => {
    expect(overdueFigureNote(row('H02', { 2023: 5.3 }), '数据不足', 2026)).toBe(
      '2025年数值待补报：目前只有2023年一个数值，无法推算；收到2025年数值后，按该数值判定达标或未达标。',
    );
  });

  it('says nothing while the target year is not over, once its figure is in, or with no figure at all', () => {
    expect(overdueFigureNote(infant, '需加快', 2025)).toBeNull();
    expect(overdueFigureNote(row('H02', { ...infant.values, 2025: 4.9 }), '达标', 2026)).toBeNull();
    expect(overdueFigureNote(row('H02', {}), '数据不足', 2026)).toBeNull();
    expect(overdueFigureNote(infant, '公式有误', 2026)).toBeNull();
  });

  it('says a 2025 entry the workbook refused is not counted, and the status is the earlier years’ (the report: 无法判定)', () => {
    expect(overdueFigureNote(row('H02', { ...infant.values, 2025: '待核实' }), '需加快', 2026)).toBe(
      '2025年数值“待核实”不是可计算的数值，未计入：“需加快”是按2020—2024年数值的趋势推算的，不是2025年的结果；' +
        '改正2025年数值后，按该数值判定达标或未达标。',
    );
  });

  it('has a short form for the row panel’s status line, naming the years the status rests on', () => {
    expect(overdueFigureTag(infant, '需加快', 2026)).toBe('2025年数值待补报，状态按2020—2024年数值');
    expect(overdueFigureTag(row('C03', { 2020: 10, 2024: 13 }), '已达标', 2026)).toBe(
      '2025年数值待补报，状态按2024年数值',
    );
    expect(overdueFigureTag(row('H02', { ...infant.values, 2025: '待核实' }), '需加快', 2026)).toBe(
      '2025年数值有误，未计入，状态按2020—2024年数值',
    );
    expect(overdueFigureTag(infant, '需加快', 2025)).toBeNull();
  });
});
