import { describe, expect, it } from 'vitest';
import COUNT_UNITS from '../../../src/model/count-units.json' with { type: 'json' };
import { parseEntry } from '../../../src/model/entry';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';
import { implausibleFigure, implausibleTarget, implausibleYearlyStep } from '../../../src/model/plausibility';

/**
 * For each unit: two years of figures such as a county reports them (made up for the test, not statistics), next
 * year's figure moving as such figures do, and the usual slips in that unit with a word of the cause expected.
 */
const BY_UNIT: Record<
  string,
  { series: Record<number, number>; next: number; slips: [value: number, cause: string][] }
> = {
  '%': {
    series: { 2021: 95.2, 2022: 96.1 },
    next: 96.8,
    slips: [
      [0.968, '比例'],
      [9.68, '漏写了一位数字'],
    ],
  },
  '‰': {
    series: { 2021: 4.8, 2022: 5.1 },
    next: 4.6,
    slips: [
      [0.46, '按百分率（%）填写'],
      [46, '万分率'],
      [460, '每10万人'],
    ],
  },
  '1/10万': {
    series: { 2021: 14.5, 2022: 12.8 },
    next: 13.2,
    slips: [
      [1.32, '每万人'],
      [0.132, '千分率'],
    ],
  },
  万元: { series: { 2021: 25, 2022: 28 }, next: 30, slips: [[300000, '按“元”填写']] },
  '元/月': {
    series: { 2021: 930, 2022: 980 },
    next: 1030,
    slips: [
      [12360, '全年标准'],
      [0.103, '万元'],
    ],
  },
  '小时/天': {
    series: { 2021: 1, 2022: 1.2 },
    next: 1.1,
    slips: [
      [66, '分钟数'],
      [7.7, '每周'],
    ],
  },
  项: { series: { 2021: 1, 2022: 2 }, next: 2, slips: [[20, '多写了一位数字']] },
  家: { series: { 2021: 2, 2022: 3 }, next: 4, slips: [[40, '多写了一位数字']] },
  个: { series: { 2021: 1, 2022: 2 }, next: 3, slips: [[30, '多写了一位数字']] },
  名: { series: { 2021: 15, 2022: 16 }, next: 16, slips: [[160, '多写了一位数字']] },
  人: { series: { 2021: 14, 2022: 11 }, next: 12, slips: [[120, '多写了一位数字']] },
  人次: { series: { 2021: 35, 2022: 28 }, next: 30, slips: [[300, '多写了一位数字']] },
  '次/年': { series: { 2021: 3, 2022: 4 }, next: 4, slips: [[40, '多写了一位数字']] },
  起: {
    series: { 2021: 120, 2022: 98 },
    next: 105,
    slips: [
      [1050, '多写了一位数字'],
      [10, '漏写了一位数字'],
    ],
  },
};

describe('implausibleFigure: every unit of the plan', () => {
  const planUnits = [...new Set(LANXI_2021_2025.indicators.map((row) => row.unit))];

  it('has a case for each unit the plan uses', () => {
    expect(planUnits.filter((unit) => !(unit in BY_UNIT))).toEqual([]);
  });

  it.each(planUnits)('%s: next year’s usual figure is not questioned, the usual slips are', (unit) => {
    const { series, next, slips } = BY_UNIT[unit]!;
    expect(implausibleFigure(unit, series, 2023, next)).toBeNull();
    for (const [value, cause] of slips) {
      // A slip the entry check refuses outright (a % over 100) would not be one to test here.
      expect(parseEntry(String(value), unit)).toMatchObject({ ok: true });
      const odd = implausibleFigure(unit, series, 2023, value);
      expect(odd, `${value} ${unit}`).not.toBeNull();
      expect(odd!.neighbourYear).toBe(2022);
      expect(odd!.neighbourValue).toBe(series[2022]);
      expect(odd!.message).toContain(cause);
    }
  });

  it.each(COUNT_UNITS)(
    'count unit %s: a handful more or fewer is never questioned, a slip of a digit is',
    (unit) => {
      expect(implausibleFigure(unit, { 2022: 0 }, 2023, 3)).toBeNull();
      expect(implausibleFigure(unit, { 2022: 1 }, 2023, 5)).toBeNull();
      expect(implausibleFigure(unit, { 2022: 9 }, 2023, 1)).toBeNull();
      expect(implausibleFigure(unit, { 2022: 2 }, 2023, 9)).toBeNull();
      expect(implausibleFigure(unit, { 2022: 36 }, 2023, 360)?.message).toContain('多写了一位数字');
      // 3 万 people given as 3.
      expect(implausibleFigure(unit, { 2022: 31200 }, 2023, 3)?.message).toContain('以“万”为单位');
    },
  );
});

describe('implausibleFigure: the cut and what is not questioned', () => {
  it('names the figure, the neighbouring year’s figure and the wrong unit, as a clerk would say it', () => {
    const odd = implausibleFigure('%', { 2021: 94.6, 2022: 95 }, 2023, 0.95);
    expect(odd).toMatchObject({ year: 2023, value: 0.95, neighbourYear: 2022, neighbourValue: 95 });
    expect(odd!.message).toBe(
      '2023年为0.95%，是2022年（95%）的约1/100。单位可能有误：2022年约为95%，本次为0.95，' +
        '像是把百分数写成了比例（95%应填95）。',
    );
  });

  it('a share a tenth of the year before is a digit slip, not a wrong unit (no unit of a share is a tenth of %)', () => {
    expect(implausibleFigure('%', { 2022: 95 }, 2023, 9.5)?.message).toBe(
      '2023年为9.5%，是2022年（95%）的约1/10。可能漏写了一位数字，或小数点位置有误。',
    );
  });

  it('says how many times: a figure 48 times the year before', () => {
    const odd = implausibleFigure('万元', { 2021: 24, 2022: 25 }, 2023, 1200);
    expect(odd?.factor).toBe(48);
    expect(odd?.message).toContain('2023年为1200 万元，是2022年（25 万元）的约48倍');
  });

  it('catches the ‰ ↔ % slip (a factor of 10) even on top of a real change of a quarter either way', () => {
    // True 6.0‰ (up a quarter from 4.8) given in %: 0.6, 1/8 of the year before.
    expect(implausibleFigure('‰', { 2022: 4.8 }, 2023, 0.6)).not.toBeNull();
    // True 3.6‰ (down a quarter) given per 10,000: 36, 7.5 times.
    expect(implausibleFigure('‰', { 2022: 4.8 }, 2023, 36)).not.toBeNull();
    // And on a real change of a half (the cut is 5): 4.8 → true 7.2 given as 0.72, 1/6.7.
    expect(implausibleFigure('‰', { 2022: 4.8 }, 2023, 0.72)).not.toBeNull();
  });

  it('leaves real changes of rates alone, even large ones near zero', () => {
    expect(implausibleFigure('‰', { 2022: 0.4 }, 2023, 1.1)).toBeNull();
    expect(implausibleFigure('‰', { 2022: 0.2 }, 2023, 1.1)).toBeNull();
    expect(implausibleFigure('‰', { 2022: 1.1 }, 2023, 0.2)).toBeNull();
    expect(implausibleFigure('%', { 2022: 0.2 }, 2023, 1.1)).toBeNull();
    expect(implausibleFigure('%', { 2022: 0.3 }, 2023, 1.2)).toBeNull();
    expect(implausibleFigure('1/10万', { 2022: 1.2 }, 2023, 6)).toBeNull();
    expect(implausibleFigure('%', { 2022: 52.3 }, 2023, 13.1)).toBeNull();
    expect(implausibleFigure('万元', { 2022: 25 }, 2023, 110)).toBeNull();
  });

  it('but a rate of 1.2‰ written in % (0.12) is still a slip', () => {
    expect(implausibleFigure('‰', { 2022: 1.2 }, 2023, 0.12)?.message).toContain('按百分率（%）填写');
  });

  it('does not question 0, nor a figure beside zeros only, nor a row without other figures', () => {
    expect(implausibleFigure('起', { 2022: 120 }, 2023, 0)).toBeNull();
    expect(implausibleFigure('万元', { 2021: 0, 2022: 0 }, 2023, 500)).toBeNull();
    expect(implausibleFigure('‰', {}, 2023, 48)).toBeNull();
    expect(implausibleFigure('‰', { 2023: 4.8 }, 2023, 48)).toBeNull();
  });

  it('skips zeros and text when looking for the nearest year', () => {
    const odd = implausibleFigure('人次', { 2020: 40, 2021: 'NA', 2022: 0 }, 2023, 4000);
    expect(odd).toMatchObject({ neighbourYear: 2020, neighbourValue: 40 });
  });

  it('compares with the nearest year, the earlier of two as near', () => {
    expect(implausibleFigure('%', { 2020: 95, 2024: 96 }, 2022, 9.6)).toMatchObject({ neighbourYear: 2020 });
    expect(implausibleFigure('%', { 2018: 95, 2024: 96 }, 2023, 9.6)).toMatchObject({ neighbourYear: 2024 });
  });

  it('does not question a figure another year agrees with: then the nearest figure is the odd one', () => {
    expect(implausibleFigure('%', { 2021: 95, 2022: 0.95 }, 2023, 96)).toBeNull();
    // Correcting the odd figure itself: compared with the other years, not with what it replaces.
    expect(implausibleFigure('%', { 2021: 95, 2022: 0.95, 2023: 96 }, 2022, 95.5)).toBeNull();
  });

  it('a row without a unit: only the factor counts', () => {
    expect(implausibleFigure('', { 2022: 3.1 }, 2023, 31)?.message).toContain('多写了一位数字');
    expect(implausibleFigure('', { 2022: 3.1 }, 2023, 6.2)).toBeNull();
  });
});

describe('implausibleFigure: a row’s first figure beside its target', () => {
  // The workbook starts without figures: a department's first return has no other year to be compared with.
  const infant = { kind: 'upper', value: 5 } as const;

  it('a first infant mortality of 150‰ (target 5‰) is questioned, with the likely cause', () => {
    const odd = implausibleFigure('‰', {}, 2025, 150, undefined, infant);
    expect(odd?.message).toBe('2025年为150‰，是目标（5‰）的约30倍。与目标相差悬殊，可能填错了数字或单位。');
    expect(implausibleFigure('‰', {}, 2025, 480, undefined, infant)?.message).toContain(
      '可能按每10万人填写了',
    );
  });

  it('a first figure within a factor of 5 of the target, or below it, is not questioned', () => {
    expect(implausibleFigure('‰', {}, 2025, 12, undefined, infant)).toBeNull();
    // The plan's ceilings are national ones: a county's stunting rate of 0.7 % against < 4 % is real.
    expect(implausibleFigure('%', {}, 2025, 0.7, undefined, { kind: 'upper', value: 4 })).toBeNull();
    expect(implausibleFigure('‰', {}, 2025, 0.48, undefined, infant)).toBeNull();
    // A programme starting from little: 8% coverage against a target of 50% or more is real.
    expect(implausibleFigure('%', {}, 2021, 8, undefined, { kind: 'lower', value: 50 })).toBeNull();
    // A count's target is a minimum (至少1家), not a scale.
    expect(implausibleFigure('家', {}, 2025, 12, undefined, { kind: 'count', value: 1 })).toBeNull();
    expect(implausibleFigure('%', {}, 2025, 30, undefined, { kind: 'direction', value: null })).toBeNull();
  });

  it('minutes for hours against a target of 1 hour a day are questioned', () => {
    const hours = { kind: 'lower', value: 1 } as const;
    expect(implausibleFigure('小时/天', {}, 2025, 60, undefined, hours)?.message).toContain('分钟数');
  });

  it('beside a figure that is itself many times the target, a figure near the target is not the odd one', () => {
    // 2024 4.4‰ and 2025 150‰ in one return: 150 is questioned, 4.4 (near the 5‰ target) is not.
    expect(implausibleFigure('‰', { 2025: 150 }, 2024, 4.4, undefined, infant)).toBeNull();
    expect(implausibleFigure('‰', { 2024: 4.4 }, 2025, 150, undefined, infant)).not.toBeNull();
    // A neighbour under the target is no reason: 0.7 % then 7 % (a digit?) against < 4 % is still asked about.
    expect(
      implausibleFigure('%', { 2024: 0.7 }, 2025, 7, undefined, { kind: 'upper', value: 4 }),
    ).not.toBeNull();
  });

  it('a row with another figure is compared with that figure, not with the target', () => {
    expect(implausibleFigure('‰', { 2024: 120 }, 2025, 150, undefined, infant)).toBeNull();
  });
});

describe('implausibleTarget: a new 目标值 beside the row’s own target and figures', () => {
  // Made-up figures for the test, not statistics.
  it('婴儿死亡率: 150‰ typed for the target of 5‰ is questioned, naming the field, the old target and the cause', () => {
    const odd = implausibleTarget('‰', 150, { values: {}, currentTarget: 5 });
    expect(odd?.message).toBe(
      '目标值为150‰，是原目标（5‰）的约30倍。与原目标相差悬殊，可能填错了数字或单位。',
    );
    // Per 100,000 written on a ‰ row: the unit's likely slip is said.
    expect(implausibleTarget('‰', 450, { values: {}, currentTarget: 4.5 })?.message).toContain(
      '可能按每10万人填写了',
    );
    // A share written as a ratio.
    expect(implausibleTarget('%', 0.9, { values: {}, currentTarget: 90 })?.message).toContain(
      '像是把百分数写成了比例',
    );
  });

  it('is compared with the previous plan’s target and with the row’s figures when there is no target to go by', () => {
    expect(implausibleTarget('‰', 45, { values: {}, previousTarget: 4.5 })?.message).toBe(
      '目标值为45‰，是上期目标（4.5‰）的约10倍。单位可能有误：上期目标为4.5‰，本次为45，可能按万分率（每万人）填写了，或多写了一位数字。',
    );
    expect(
      implausibleTarget('‰', 40, { values: { 2022: 4.1, 2023: 3.9 }, years: [2022, 2023] })?.message,
    ).toBe(
      '目标值为40‰，是2023年实际值（3.9‰）的约10倍。单位可能有误：2023年实际值为3.9‰，本次为40，可能按万分率（每万人）填写了，或多写了一位数字。',
    );
  });

  it('a target that any of them agrees with is not questioned: a new ambition is not a slip', () => {
    expect(implausibleTarget('‰', 4.5, { values: {}, currentTarget: 5 })).toBeNull();
    expect(implausibleTarget('%', 95, { values: { 2023: 92 }, currentTarget: 90 })).toBeNull();
    // Corrected back after a slip: the old (slipped) target is far off, the figures agree.
    expect(implausibleTarget('‰', 4.5, { values: { 2023: 4.8 }, currentTarget: 150 })).toBeNull();
    expect(implausibleTarget('%', 60, { values: {}, currentTarget: 10, previousTarget: 50 })).toBeNull();
  });

  it('leaves small numbers, zero and rows with nothing to go by alone', () => {
    // 至少1家 → 至少8家: a handful of things.
    expect(implausibleTarget('家', 8, { values: {}, currentTarget: 1 })).toBeNull();
    // Below the unit’s floor: 0.3‰ → 0.05‰ is a rare event's rate.
    expect(implausibleTarget('‰', 0.05, { values: {}, currentTarget: 0.3 })).toBeNull();
    expect(implausibleTarget('%', 0, { values: {}, currentTarget: 90 })).toBeNull();
    expect(implausibleTarget('%', 90, { values: {} })).toBeNull();
    expect(
      implausibleTarget('%', 90, { values: { 2023: 0, 2024: '待统计' }, currentTarget: null }),
    ).toBeNull();
  });
});

describe('implausibleYearlyStep: a new 每年变化 beside the unit’s range, the row’s base figure and its old step', () => {
  // Made-up figures for the test, not statistics.
  const period = { baseYear: 2018, targetYear: 2025, values: {} };

  it('每年降低30个百分点 on a % row over 7 years would take away more than the whole range: questioned', () => {
    expect(implausibleYearlyStep('%', -30, { ...period, currentStep: -1 })).toBe(
      '每年变化为每年降低30个百分点，2018—2025年共7年累计降低210个百分点，超过百分比的全部范围（0—100%）。' +
        '可能多写了一位数字，或把目标值填进了每年变化。',
    );
    // A step bigger than the range itself.
    expect(implausibleYearlyStep('‰', 1500, period)).toContain('超过千分率的全部范围（0—1000‰）');
  });

  it('a gross rate (毛入学率) may pass 100 %: a step taking it to 103 % is not questioned; any other % row’s is', () => {
    const from98 = { ...period, baseYear: 2020, values: { 2020: 98 }, years: [2020] };
    expect(implausibleYearlyStep('%', 1, { ...from98, rowName: '高中阶段毛入学率' })).toBeNull();
    expect(implausibleYearlyStep('%', 1, { ...from98, rowName: '普惠性幼儿园覆盖率' })).toContain(
      '高于 100%',
    );
  });

  it('a step that would take the target below zero from the base year’s figure is questioned', () => {
    expect(implausibleYearlyStep('%', -8, { ...period, values: { 2018: 40 }, years: [2018] })).toBe(
      '每年变化为每年降低8个百分点，按2018年的40%计，2025年的目标将为 -16%，低于 0。' +
        '请核对每年变化和单位（每年降低1个百分点应填 -1）。',
    );
  });

  it('a step many times the row’s old step is questioned as a far-off 目标值 is', () => {
    expect(implausibleYearlyStep('%', -10, { ...period, currentStep: -1 })).toBe(
      '每年变化为每年降低10个百分点，是原每年变化（每年降低1个百分点）的约10倍。可能多写了一位数字，或小数点位置有误。',
    );
  });

  it('a plausible step is not questioned, nor one with nothing to go by', () => {
    expect(implausibleYearlyStep('%', -1, { ...period, values: { 2018: 40 }, currentStep: -1 })).toBeNull();
    expect(implausibleYearlyStep('%', -2, { ...period, currentStep: -1 })).toBeNull();
    expect(implausibleYearlyStep('%', -1.5, period)).toBeNull();
    expect(implausibleYearlyStep('家', 2, period)).toBeNull();
    expect(implausibleYearlyStep('%', 0, { ...period, currentStep: -1 })).toBeNull();
    // A base year left empty (read as 0) is no period of 2025 years.
    expect(implausibleYearlyStep('%', -1, { ...period, baseYear: 0 })).toBeNull();
  });
});
