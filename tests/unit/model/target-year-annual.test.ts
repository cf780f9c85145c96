/**
 * The plan's target year (2025) in the annual report and every warning list: the same words as the 终期评估 — rows
 * judged 达标 / 未达标 by 2025's own figure counted apart from those still resting on an earlier year (待补报2025年数值),
 * and such a row listed as the 终期评估's table words it. Every figure is made up (no statistic).
 */
import { describe, expect, it } from 'vitest';
import { describeTarget } from '../../../src/grid/columns';
import type { Indicator, Target } from '../../../src/model/indicator';
import { buildReport, type RowFacts } from '../../../src/model/report';
import { buildNotices, noticeText, warningInWords } from '../../../src/model/department-notices';
import { DEFAULT_THRESHOLDS } from '../../../src/model/status';

const upper = { kind: 'upper', comparator: '<', wording: '以下', value: 5 } as const;
const lower = (value: number): Target => ({ kind: 'lower', comparator: '≥', wording: '以上', value });

const facts = (
  code: string,
  target: Target,
  values: Indicator['values'],
  status: RowFacts['status'],
  extra: Partial<RowFacts> = {},
): RowFacts => ({
  indicator: {
    code,
    area: '儿童与健康',
    clause: '',
    name: `指标${code}`,
    unit: target === upper ? '‰' : '%',
    target,
    baseYear: 2020,
    targetYear: 2025,
    department: '市卫健局',
    source: '',
    values,
  },
  projected: null,
  gap: null,
  status,
  ...extra,
});

const rows: RowFacts[] = [
  // Judged by 2025's own figure.
  facts('H01', upper, { 2020: 6.1, 2024: 5.2, 2025: 4.8 }, '达标'),
  facts('H02', lower(98), { 2020: 95, 2025: 98.5 }, '达标'),
  facts('H03', upper, { 2020: 6.5, 2024: 5.8, 2025: 5.4 }, '未达标', { gap: 0.4 }),
  // 2025's figure not sent: the status is the earlier years'.
  facts('H04', lower(98), { 2020: 97, 2024: 98.5 }, '已达标'),
  facts('H05', upper, { 2020: 5.8, 2022: 5.5, 2024: 5.2 }, '需加快', { projected: 5.1, gap: 0.1 }),
  facts('H06', lower(98), { 2020: 94, 2023: 96, 2024: 97.5 }, '预计达标', {
    projected: 98.2,
    gap: 0.2,
    fluctuation: { flagged: true, evidence: '' },
  }),
];

const report = (year: number, variant: 'annual' | 'final' = 'annual', readInYear?: number) =>
  buildReport('规划', rows, year, variant, describeTarget, DEFAULT_THRESHOLDS, readInYear);

describe('the annual report of the target year counts as the 终期评估 does', () => {
  it('counts 未达标 and says apart the rows judged by 2025’s figure and those 待补报, in the 终期评估’s words', () => {
    const annual = report(2025).summary;
    expect(annual).toBe(
      '6项指标中，有2025年数值的3项：达标2项，未达标1项，达标率66.7%；' +
        '待补报2025年数值的3项（其中按最新数值已达标1项）',
    );
    // Not the 10 of "已达标" by adding 达标 and a 已达标 resting on 2024's figure, with 未达标 unsaid.
    expect(annual).not.toMatch(/已达标3项/);
    expect(annual).toBe(report(2025, 'final').summary);
  });

  it('a year before the target year keeps its summary: 已达标 and the rate', () => {
    // The rows without a 2025 figure, as they stood at the end of 2024.
    const before = buildReport('规划', rows.slice(3), 2024, 'annual', describeTarget, DEFAULT_THRESHOLDS);
    expect(before.summary).toBe('3项指标中已达标1项，达标率33.3%（其中有量化目标的3项，方向性目标0项）');
  });
});

describe('a row whose target year is over without its figure is listed as the 终期评估 words it', () => {
  const statusOf = (list: ReturnType<typeof report>, code: string) => {
    const warning = list.warnings.find((w) => w.code === code);
    return warning && `${warning.statusShown}${warning.statusBasis}`;
  };

  it('the report’s 需关注 list of 2025 (annual and 终期): 待补报2025年数值 with the trend beside it', () => {
    for (const variant of ['annual', 'final'] as const) {
      const list = report(2025, variant);
      expect(statusOf(list, 'H05')).toBe('待补报2025年数值（按趋势需加快）');
      expect(statusOf(list, 'H06')).toBe('待补报2025年数值（按趋势预计达标）');
      // Judged by its 2025 figure: the verdict alone.
      expect(statusOf(list, 'H03')).toBe('未达标');
      // The 终期评估's own table says the same of the row.
      const table = list.areas.flatMap((a) => a.rows).find((r) => r.code === 'H05')!;
      expect(`${table.outcome}${table.outcomeNote}`).toBe('待补报2025年数值（按趋势需加快）');
    }
  });

  it('the annual report’s own table of 2025 says the same of the row, its 状态 column the verdict or 待补报', () => {
    const line = (code: string) => {
      const row = report(2025)
        .areas.flatMap((a) => a.rows)
        .find((r) => r.code === code)!;
      return `${row.statusShown}${row.statusBasis}`;
    };
    expect(line('H05')).toBe('待补报2025年数值（按趋势需加快）');
    expect(line('H04')).toBe('待补报2025年数值（按2024年数值已达标）');
    expect(line('H03')).toBe('未达标');
    const earlier = report(2024)
      .areas.flatMap((a) => a.rows)
      .find((r) => r.code === 'H05')!;
    expect(`${earlier.statusShown}${earlier.statusBasis}`).toBe('需加快');
  });

  it('before the target year is over the status is bare (a 2024 report; 预警汇总 read during 2025)', () => {
    expect(statusOf(report(2024), 'H05')).toBe('需加快');
    // 预警汇总 takes every figure (its year the target year) and is read today.
    expect(statusOf(report(2025, 'annual', 2025), 'H05')).toBe('需加快');
    expect(statusOf(report(2025, 'annual', 2026), 'H05')).toBe('待补报2025年数值（按趋势需加快）');
  });

  it('a row 已达标 by 2024’s figure whose trend leaves the target says both', () => {
    const leaving = facts('H07', lower(98), { 2020: 99, 2024: 98.2 }, '已达标', { trendLeaves: true });
    const list = buildReport('规划', [leaving], 2025, 'annual', describeTarget, DEFAULT_THRESHOLDS);
    const [warning] = list.warnings;
    expect(warning).toMatchObject({ statusShown: '待补报2025年数值', statusBasis: '（按2024年数值已达标）' });
    expect(warningInWords(warning!)).toContain(
      '状态：待补报2025年数值（按2024年数值已达标，按趋势将不再达标）',
    );
  });

  it('a 2025 entry the workbook refused: 无法判定 as the 终期评估 says, with the trend the row is listed for', () => {
    const refused = facts('H08', upper, { 2020: 5.8, 2022: 5.5, 2024: 5.2, 2025: '待核实' }, '需加快');
    const [warning] = buildReport(
      '规划',
      [refused],
      2025,
      'annual',
      describeTarget,
      DEFAULT_THRESHOLDS,
    ).warnings;
    expect(`${warning!.statusShown}${warning!.statusBasis}`).toBe(
      '无法判定（2025年数值有误，待核实后判定；按趋势需加快）',
    );
  });

  it('the department’s notice of 2025 words the row the same, printed and copied', () => {
    const list = report(2025);
    const notices = buildNotices('规划', list, rows, ['市卫健局'], DEFAULT_THRESHOLDS);
    const [health] = notices.notices;
    const text = noticeText(notices, health!, { isSample: false, organisation: '' });
    expect(text).toContain('状态：待补报2025年数值（按趋势需加快）');
    expect(text).not.toMatch(/状态：需加快/);
    // A notice of 2024 keeps the bare status.
    const earlier = buildNotices('规划', report(2024), rows, ['市卫健局'], DEFAULT_THRESHOLDS);
    expect(noticeText(earlier, earlier.notices[0]!, { isSample: false, organisation: '' })).toContain(
      '状态：需加快',
    );
  });
});
