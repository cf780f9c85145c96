import { describe, expect, it } from 'vitest';
import { describeTarget } from '../../../src/grid/columns';
import type { Indicator, Target } from '../../../src/model/indicator';
import {
  seriesTableHeading,
  buildReport,
  describeChange,
  describeGap,
  factsAsOf,
  gapBesideStatus,
  gapShown,
  type RowFacts,
  warningsHeading,
} from '../../../src/model/report';
import { buildNotices, warningInWords } from '../../../src/model/department-notices';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';
import { summarizeByArea } from '../../../src/model/status-summary';
import { DEFAULT_THRESHOLDS, reportStatusLegend } from '../../../src/model/status';

const facts = (
  code: string,
  area: string,
  target: Target,
  values: Indicator['values'],
  status: RowFacts['status'],
  unit = '%',
  projected: number | null = null,
  gap: number | null = null,
): RowFacts => ({
  indicator: {
    code,
    area,
    clause: '',
    name: `指标${code}`,
    unit,
    target,
    baseYear: 2020,
    targetYear: 2025,
    department: code === 'H02' ? '市卫健局' : '',
    source: '',
    values,
  },
  projected,
  gap,
  status,
});

const rows: RowFacts[] = [
  facts(
    'H02',
    '儿童与健康',
    { kind: 'upper', comparator: '<', wording: '以下', value: 5 },
    { 2022: 6, 2023: 5.6 },
    '需加快',
    '‰',
    5.3,
    0.3,
  ),
  facts(
    'E03',
    '儿童与教育',
    { kind: 'lower', comparator: '≥', wording: '以上', value: 97 },
    { 2022: 96, 2023: 97.5 },
    '已达标',
  ),
  facts(
    'C02',
    '儿童与社会环境',
    { kind: 'full', comparator: '=', wording: '应建尽建', value: 100 },
    { 2023: 95 },
    '数据不足',
  ),
  facts(
    'H16',
    '儿童与健康',
    { kind: 'direction', comparator: '↓', wording: '得到有效控制', value: null },
    {},
    '倒退',
  ),
  facts(
    'X01',
    '乡镇自定领域',
    { kind: 'count', comparator: '≥', wording: '至少', value: 1 },
    { 2023: 1, 2022: 0 },
    '已达标',
    '个',
  ),
];

describe('the monitoring report', () => {
  const report = buildReport(
    '兰溪市儿童发展规划',
    rows,
    2023,
    'mid-term',
    describeTarget,
    DEFAULT_THRESHOLDS,
  );

  it('says how many targets are met, and the rate', () => {
    expect(report.title).toBe('兰溪市儿童发展规划中期评估报告（2023年）');
    expect(report.summary).toBe('截至2023年，5项指标中已达标2项，预计达标0项，需关注2项，数据不足1项');
    expect(
      buildReport('兰溪市儿童发展规划', rows, 2023, 'annual', describeTarget, DEFAULT_THRESHOLDS).summary,
    ).toBe('5项指标中已达标2项，达标率40%（其中有量化目标的4项，方向性目标1项；数据不足的1项也计入总数）');
  });

  it('gives no rate while no row can be judged yet (the plan’s workbook before its first figures)', () => {
    const none = rows.map((r) => ({ ...r, status: '数据不足' as const }));
    const summary = buildReport(
      '兰溪市儿童发展规划',
      none,
      2023,
      'annual',
      describeTarget,
      DEFAULT_THRESHOLDS,
    ).summary;
    // 达标率0% read as a real rate: nothing was judged, not nothing met.
    expect(summary).not.toContain('达标率0%');
    expect(summary).toBe(
      '5项指标均数据不足，尚不能计算达标率（其中有量化目标的4项，方向性目标1项）：请先在表格中填写或导入各年数值。',
    );
  });

  it('groups rows by area in plan order, then areas an office added', () => {
    expect(report.areas.map((a) => a.area)).toEqual([
      '儿童与健康',
      '儿童与教育',
      '儿童与社会环境',
      '乡镇自定领域',
    ]);
  });

  it('shows the year value, the change in 个百分点 / 个千分点, the target and the status; missing years as —', () => {
    const health = report.areas[0]!.rows;
    expect(health[0]).toEqual({
      code: 'H02',
      name: '指标H02',
      unit: '‰',
      value: '5.6‰',
      change: '−0.4个千分点',
      // No 2020 figure: compared with the nearest year's, as progress is measured, and said so.
      base: '6‰（2022年）',
      sinceBase: '−0.4个千分点',
      target: '<5‰（以下）',
      status: '需加快',
      // A report of 2023: the target year not over, the status bare.
      statusShown: '需加快',
      statusBasis: '',
      outcome: '暂无2025年数值',
      outcomeNote: '（按趋势需加快）',
    });
    expect(health[1]).toMatchObject({ value: '—', change: '', status: '倒退' });
    expect(report.areas[1]!.rows[0]).toMatchObject({ value: '97.5%', change: '+1.5个百分点' });
    expect(report.areas[2]!.rows[0]).toMatchObject({ change: '', target: '=100%（应建尽建）' });
    expect(report.areas[3]!.rows[0]).toMatchObject({ change: '+1 个' });
  });

  it('lists the warnings with the responsible department, latest value, projection and gap', () => {
    expect(report.warnings.map((w) => w.code)).toEqual(['H02', 'H16']);
    expect(report.warnings[0]).toMatchObject({
      department: '市卫健局',
      latest: '5.6‰（2023年）',
      projected: '5.3‰',
      gap: '高于目标 0.3个千分点',
      status: '需加快',
      fluctuation: '',
    });
    expect(report.warnings[1]).toMatchObject({ department: '（未指定）', latest: '—', gap: '—' });
  });

  it.each([
    [5.6, 6, '‰', '−0.4个千分点'],
    [97.5, 96, '%', '+1.5个百分点'],
    [3, 3, '家', '持平'],
    [3, undefined, '家', ''],
    // Halves round away from zero on either side, as Excel's ROUND: a fall of 0.625 is not a smaller 0.62.
    [5, 5.625, '‰', '−0.63个千分点'],
    [5.625, 5, '‰', '+0.63个千分点'],
    [87.575, 88.2, '%', '−0.63个百分点'],
  ])('change %s vs %s (%s) reads %s', (current, previous, unit, text) => {
    expect(describeChange(current, previous, unit)).toBe(text);
  });
});

describe('what a printed report must not get wrong', () => {
  const lower65 = { kind: 'lower', comparator: '≥', wording: '以上', value: 65 } as const;

  it('a value kept as typed because it is not valid is marked, never printed as a figure, and counted', () => {
    // 120% on a % row is refused by the workbook and kept as typed; it takes no part in the status.
    const report = buildReport(
      '规划',
      [facts('H06', '儿童与健康', lower65, { 2021: 65, 2022: '120%' }, '已达标')],
      2022,
      'annual',
      describeTarget,
      DEFAULT_THRESHOLDS,
    );
    expect(report.areas[0]!.rows[0]).toMatchObject({ value: '“120%”有误，未计入', change: '' });
    expect(report.invalidNote).toBe(
      '工作簿中有数值有误：2022年 1 个（表中标“有误，未计入”），未计入预测和达标判断：请在工作簿中更正后重新打印。',
    );
    // In the next year's report the cell is not in the table: counted as an earlier year's.
    expect(
      buildReport(
        '规划',
        [facts('H06', '儿童与健康', lower65, { 2021: 65, 2022: '120%', 2023: 66 }, '已达标')],
        2023,
        'annual',
        describeTarget,
        DEFAULT_THRESHOLDS,
      ).invalidNote,
    ).toBe('工作簿中有数值有误：此前各年 1 个，未计入预测和达标判断：请在工作簿中更正后重新打印。');
    expect(buildReport('规划', rows, 2023, 'annual', describeTarget, DEFAULT_THRESHOLDS).invalidNote).toBe(
      '',
    );
  });

  it('without a value for the year, the latest earlier value is shown with its year (the status comes from it)', () => {
    const report = buildReport(
      '规划',
      [facts('H12', '儿童与健康', lower65, { 2021: 91, 2022: 92, 2023: 92.5 }, '已达标')],
      2025,
      'final',
      describeTarget,
      DEFAULT_THRESHOLDS,
    );
    expect(report.areas[0]!.rows[0]).toMatchObject({ value: '92.5%（2023年）', change: '' });
  });

  it('lists rows whose figures swing too much (波动较大) among the warnings, even when on track', () => {
    const swinging: RowFacts = {
      ...facts('H01', '儿童与健康', lower65, { 2020: 70, 2021: 60, 2022: 72, 2023: 61 }, '预计达标'),
      fluctuation: { flagged: true, evidence: '逐年变化方向反复 2 次' },
    };
    const steady: RowFacts = {
      ...facts('E03', '儿童与教育', lower65, { 2022: 70, 2023: 71 }, '已达标'),
      fluctuation: { flagged: false, evidence: '波动在正常范围内' },
    };
    const report = buildReport(
      '规划',
      [swinging, steady],
      2023,
      'annual',
      describeTarget,
      DEFAULT_THRESHOLDS,
    );
    expect(report.warnings.map((w) => [w.code, w.status, w.fluctuation])).toEqual([
      ['H01', '预计达标', '波动较大'],
    ]);
  });

  it('a figure exactly on a strict bound is not called 与目标持平 beside 未达标', () => {
    const below5 = { kind: 'upper', comparator: '<', wording: '以下', value: 5 } as const;
    const onBound = facts('H02', '儿童与健康', below5, { 2020: 6, 2025: 5 }, '未达标', '‰', null, 0);
    const report = buildReport('规划', [onBound], 2025, 'final', describeTarget, DEFAULT_THRESHOLDS);
    expect(report.warnings.map((w) => [w.code, w.gap, w.status])).toEqual([
      ['H02', '等于目标值（目标不含本数），未达到', '未达标'],
    ]);
  });

  it('a figure a hair past an inclusive bound says so (it is not 等于目标值, nor 与目标持平)', () => {
    const atMost5 = { kind: 'upper', comparator: '≤', wording: '以内', value: 5 } as const;
    const hair = facts('H13', '儿童与健康', atMost5, { 2020: 6, 2025: 5.004 }, '未达标', '‰', null, 0.004);
    const report = buildReport('规划', [hair], 2025, 'final', describeTarget, DEFAULT_THRESHOLDS);
    expect(report.warnings.map((w) => w.gap)).toEqual(['高于目标不到 0.01个千分点']);
  });

  it('a projection a hair inside a strict bound is not 与目标持平 (equal to a strict bound would miss it)', () => {
    // The sample's 中期评估: 新生儿死亡率 projected at 2.999‰ against <3‰, printed 3‰ beside 与目标持平 and 预计达标.
    const below3 = { kind: 'upper', comparator: '<', wording: '以下', value: 3 } as const;
    const hair = facts('H01', '儿童与健康', below3, { 2020: 3.9, 2023: 3.3 }, '预计达标', '‰', 2.999, -0.001);
    // Listed for its swings (波动较大), as the sample's row is.
    const swinging = { ...hair, fluctuation: { flagged: true, evidence: '' } };
    const report = buildReport('规划', [swinging], 2023, 'mid-term', describeTarget, DEFAULT_THRESHOLDS);
    expect(report.warnings.map((w) => [w.projected, w.gap])).toEqual([['3‰', '低于目标不到 0.01个千分点']]);
    // An inclusive bound keeps 与目标持平: on it is met.
    const atMost3 = { kind: 'upper', comparator: '≤', wording: '以内', value: 3 } as const;
    expect(
      gapBesideStatus(-0.001, { ...hair.indicator, target: atMost3 }, '预计达标', DEFAULT_THRESHOLDS),
    ).toBe('与目标持平');
  });

  it('lists a row met now whose trend passes the target (预计达标困难), said beside its status', () => {
    const below6 = { kind: 'upper', comparator: '<', wording: '以下', value: 6 } as const;
    const rising = facts(
      'H03',
      '儿童与健康',
      below6,
      { 2020: 5, 2021: 5.3, 2022: 5.6, 2023: 5.9 },
      '已达标',
      '‰',
    );
    const steady = facts('H01', '儿童与健康', below6, { 2020: 5.9, 2021: 5.6, 2022: 5.3 }, '已达标', '‰');
    // As of 2023 (a 中期评估): the facts recomputed for that year say the trend leaves the target.
    const asOf2023 = [rising, steady].map((row) =>
      factsAsOf(
        { ...row, indicator: { ...row.indicator, values: { ...row.indicator.values, 2024: 0 } } },
        2023,
        DEFAULT_THRESHOLDS,
      ),
    );
    const report = buildReport('规划', asOf2023, 2023, 'mid-term', describeTarget, DEFAULT_THRESHOLDS);
    expect(report.warnings.map((w) => [w.code, w.status, w.statusNote])).toEqual([
      ['H03', '已达标', '按趋势将不再达标'],
    ]);
  });

  it.each([
    [0.3, '‰', '高于目标 0.3个千分点'],
    [-2.1, '%', '低于目标 2.1个百分点'],
    [1.42, '家', '高于目标 1.42 家'],
    [-0.004, '%', '与目标持平'],
    [-0.625, '%', '低于目标 0.63个百分点'],
    [0.625, '%', '高于目标 0.63个百分点'],
    [null, '%', '—'],
  ])('gap %s (%s) reads %s', (gap, unit, text) => {
    expect(describeGap(gap, unit)).toBe(text);
  });
});

describe('report rows with gaps in the years, and a moving target', () => {
  it('the change is against the latest earlier figure, named, when the previous year has none', () => {
    const centres = facts(
      'H11',
      '儿童与健康',
      { kind: 'count', comparator: '≥', wording: '至少', value: 1 },
      { 2022: 0, 2024: 1 },
      '已达标',
      '家',
    );
    const report = buildReport('规划', [centres], 2024, 'annual', describeTarget, DEFAULT_THRESHOLDS);
    expect(report.areas[0]!.rows[0]!.change).toBe('比2022年 +1 家');
  });

  it('近视率’s yearly target says what it comes to in the report’s year', () => {
    const myopia = facts(
      'H21',
      '儿童与健康',
      {
        kind: 'yearly-change',
        comparator: '≤',
        wording: '每年降低1个百分点以上',
        value: null,
        yearlyStep: -1,
      },
      { 2018: 60, 2023: 56 },
      '需加快',
    );
    myopia.indicator.baseYear = 2018;
    const report = buildReport('规划', [myopia], 2023, 'mid-term', describeTarget, DEFAULT_THRESHOLDS);
    expect(report.areas[0]!.rows[0]!.target).toBe('每年降低1个百分点以上（2023年应≤55%）');
  });
});

describe('the final report, once the target year’s value is in', () => {
  it('prints the actual value’s gap and no projection beside 未达标', () => {
    // 龋患率 ≤25 %: 2025 came in at 26 % while the trend of earlier years pointed below the target.
    const caries = facts(
      'H13',
      '儿童与健康',
      { kind: 'upper', comparator: '≤', wording: '以下', value: 25 },
      { 2020: 28, 2021: 27, 2022: 26, 2023: 25, 2024: 24.5, 2025: 26 },
      '未达标',
      '%',
      24.78,
      1,
    );
    const final = buildReport('规划', [caries], 2025, 'final', describeTarget, DEFAULT_THRESHOLDS);
    expect(final.warnings[0]).toMatchObject({
      latest: '26%（2025年）',
      projected: '2025年已有实际值',
      gap: '高于目标 1个百分点',
      status: '未达标',
    });
  });

  it('prints each reported figure as the grid shows it, not rounded to two decimals', () => {
    // Made-up figures with three and four decimals: 97.995 % against ≥98 % printed as 98% beside 未达标, and
    // 5.8765‰ as 5.88‰ where the grid shows 5.8765‰.
    const enrolment = facts(
      'E06',
      '儿童与教育',
      { kind: 'lower', comparator: '≥', wording: '达到', value: 98 },
      { 2020: 96.125, 2024: 97.5, 2025: 97.995 },
      '未达标',
    );
    const mortality = facts(
      'H03',
      '儿童与健康',
      { kind: 'upper', comparator: '<', wording: '以下', value: 6 },
      { 2020: 6.555, 2024: 5.8765 },
      '已达标',
      '‰',
    );
    const final = buildReport(
      '规划',
      [enrolment, mortality],
      2025,
      'final',
      describeTarget,
      DEFAULT_THRESHOLDS,
    );
    const cells = final.areas.flatMap((area) => area.rows);
    expect(cells.find((r) => r.code === 'E06')).toMatchObject({ value: '97.995%', base: '96.125%' });
    expect(cells.find((r) => r.code === 'H03')).toMatchObject({ value: '5.8765‰（2024年）', base: '6.555‰' });
    expect(final.warnings.find((w) => w.code === 'E06')?.latest).toBe('97.995%（2025年）');
    expect(final.series?.rows.find((r) => r.code === 'H03')?.values).toEqual([
      '6.555',
      '—',
      '—',
      '—',
      '5.8765',
      '—',
    ]);
  });

  it('a report for a past year recomputes the gap from the projection then, held at 100 % for a coverage', () => {
    const coverage = facts(
      'C02',
      '儿童与社会环境',
      { kind: 'full', comparator: '=', wording: '应建尽建', value: 100 },
      { 2020: 92, 2021: 95, 2022: 97, 2023: 98, 2024: 99 },
      '预计达标',
    );
    const asOf2023 = factsAsOf({ ...coverage, method: 'linear' }, 2023, DEFAULT_THRESHOLDS);
    // Linear trend on 92, 95, 97, 98 gives 102.5 % for 2025: a share cannot pass 100 %.
    expect(asOf2023.projected).toBe(100);
    expect(asOf2023.gap).toBe(0);
  });

  it('a report for a past year projects a 0‰ year’s row as the default formula does: linear where GROWTH fails', () => {
    const neonatal = LANXI_2021_2025.indicators.find((row) => row.code === 'H01')!;
    const row: RowFacts = {
      indicator: { ...neonatal, values: { 2021: 0, 2022: 2.5, 2023: 3.5, 2024: 3.2, 2025: 2.9 } },
      projected: null,
      gap: -0.1,
      status: '达标',
    };
    // 2021–2024 by least squares, by hand: 2.3 + 1.06 × (2025 − 2022.5) = 4.95‰ against <3‰.
    const asOf2024 = factsAsOf(
      { ...row, method: 'log-linear', withLinearFallback: true },
      2024,
      DEFAULT_THRESHOLDS,
    );
    expect(asOf2024.projected).toBeCloseTo(4.95, 10);
    expect(asOf2024.gap).toBeCloseTo(1.95, 10);
    expect(asOf2024.status).toBe('倒退');
    // No method of the row's own: the default, with its fallback.
    expect(factsAsOf(row, 2024, DEFAULT_THRESHOLDS).projected).toBeCloseTo(4.95, 10);
    // A clerk's own =GROWTH(…) without IFERROR has no answer there, as in Excel.
    const own = factsAsOf(
      { ...row, method: 'log-linear', withLinearFallback: false },
      2024,
      DEFAULT_THRESHOLDS,
    );
    expect(own.projected).toBeNull();
    expect(own.status).toBe('数据不足');
  });
});

describe('a report for a past year', () => {
  it('leaves out later values and recomputes projection and status from what was known then', () => {
    const row = facts(
      'H02',
      '儿童与健康',
      { kind: 'upper', comparator: '<', wording: '以下', value: 5 },
      { 2020: 7, 2021: 6.6, 2022: 6.2, 2023: 4.8 },
      '已达标',
      '‰',
      4.5,
      -0.5,
    );
    const asOf2022 = factsAsOf(row, 2022, DEFAULT_THRESHOLDS);
    expect(asOf2022.indicator.values).toEqual({ 2020: 7, 2021: 6.6, 2022: 6.2 });
    // Log-linear on 7, 6.6, 6.2 → about 5.1‰ in 2025: not yet met, CR ≈ 0.95.
    expect(asOf2022.projected).toBeCloseTo(6.2 * (6.2 / 7) ** 1.5, 1);
    expect(asOf2022.status).not.toBe('已达标');
    expect(factsAsOf(row, 2023, DEFAULT_THRESHOLDS)).toBe(row);
  });

  it('recomputes a count’s projection in whole units, and its status from them, as the grid does', () => {
    // >5 家 on made-up figures 3, 4, 4, 5 家 (2021–2024): 5.5 家 for 2025 is 5 家, not above 5 (was 预计达标).
    const row = facts(
      'H11',
      '儿童与健康',
      { kind: 'count', comparator: '>', wording: '以上', value: 5 },
      { 2021: 3, 2022: 4, 2023: 4, 2024: 5, 2025: 6 },
      '达标',
      '家',
    );
    const asOf2024 = factsAsOf({ ...row, method: 'linear' }, 2024, DEFAULT_THRESHOLDS);
    expect(asOf2024.projected).toBe(5);
    expect(asOf2024.gap).toBe(0);
    expect(asOf2024.status).toBe('需加快');
    const past = buildReport('规划', [asOf2024], 2024, 'annual', describeTarget, DEFAULT_THRESHOLDS);
    expect(past.warnings[0]).toMatchObject({ projected: '5 家', status: '需加快' });
  });

  it('prints a count’s projection in whole units whatever figure it is given, a rate with its decimals', () => {
    const count = facts(
      'H11',
      '儿童与健康',
      { kind: 'count', comparator: '≥', wording: '至少', value: 10 },
      { 2020: 2, 2023: 5 },
      '需加快',
      '家',
      7.36,
      -2.64,
    );
    const rate = facts(
      'H02',
      '儿童与健康',
      { kind: 'upper', comparator: '<', wording: '以下', value: 5 },
      { 2022: 6, 2023: 5.6 },
      '需加快',
      '‰',
      5.347,
      0.347,
    );
    const printed = buildReport('规划', [count, rate], 2023, 'annual', describeTarget, DEFAULT_THRESHOLDS);
    expect(printed.warnings.map((w) => w.projected)).toEqual(['7 家', '5.35‰']);
  });
});

describe('the evaluations (中期评估, 终期评估) compare with the base year and count what is achieved', () => {
  const lower = (value: number) => ({ kind: 'lower', comparator: '≥', wording: '以上', value }) as const;
  const upper = { kind: 'upper', comparator: '<', wording: '以下', value: 5 } as const;
  const direction = { kind: 'direction', comparator: '↓', wording: '得到有效控制', value: null } as const;
  const myopia: RowFacts = {
    ...facts(
      'H20',
      '儿童与健康',
      { kind: 'yearly-change', comparator: '≤', wording: '每年降低1个百分点以上', value: -1 },
      { 2018: 60, 2020: 58, 2025: 54 },
      '达标',
    ),
  };
  myopia.indicator.baseYear = 2018;
  const final: RowFacts[] = [
    // 2025's own figure decides: 达标 or 未达标, the grid's word, in every part of the report.
    facts('H01', '儿童与健康', upper, { 2020: 6.1, 2024: 5.2, 2025: 4.8 }, '达标', '‰'),
    facts('H02', '儿童与健康', upper, { 2020: 6.5, 2025: 5.4 }, '未达标', '‰'),
    myopia,
    // No 2025 figure yet: counted neither way, its latest status said.
    facts('E01', '儿童与教育', lower(98), { 2020: 97, 2024: 98.5 }, '已达标'),
    facts('E02', '儿童与教育', lower(98), { 2020: 95, 2023: 96 }, '需加快'),
    facts('E03', '儿童与教育', lower(98), {}, '数据不足'),
    facts('S01', '儿童与安全', direction, { 2020: 12, 2025: 10 }, '达标'),
  ];
  const report = buildReport('规划', final, 2025, 'final', describeTarget, DEFAULT_THRESHOLDS);

  it('终期: the summary counts 达标 and 未达标 out of the rows with a 2025 figure, and says what is still missing', () => {
    expect(report.title).toBe('规划终期评估报告（2025年）');
    expect(report.summary).toBe(
      '7项指标中，有2025年数值的4项：达标3项，未达标1项，达标率75%（有量化目标的3项中达标2项，方向性目标的1项中达标1项）；' +
        '待补报2025年数值的2项（其中按最新数值已达标1项），无监测数据（截至2025年各年均无数值）的1项',
    );
  });

  it('终期: each row shows its base value, the change since then and 达标 / 未达标, the grid’s words', () => {
    const rowsByCode = new Map(report.areas.flatMap((a) => a.rows).map((r) => [r.code, r]));
    expect(rowsByCode.get('H01')).toMatchObject({
      base: '6.1‰',
      value: '4.8‰',
      sinceBase: '−1.3个千分点',
      outcome: '达标',
    });
    expect(rowsByCode.get('H02')).toMatchObject({
      sinceBase: '−1.1个千分点',
      outcome: '未达标',
      outcomeNote: '',
    });
    // 近视率's base year is 2018, not the plan's 2020: said beside the figure.
    expect(rowsByCode.get('H20')).toMatchObject({
      base: '60%（2018年）',
      sinceBase: '−6个百分点',
      outcome: '达标',
    });
    // The target year is over: its figure is awaited, the latest status only beside it, said as what it rests on.
    expect(rowsByCode.get('E01')).toMatchObject({
      value: '98.5%（2024年）',
      sinceBase: '+1.5个百分点',
      outcome: '待补报2025年数值',
      outcomeNote: '（按2024年数值已达标）',
    });
    expect(rowsByCode.get('E02')).toMatchObject({
      outcome: '待补报2025年数值',
      outcomeNote: '（按趋势需加快）',
    });
    expect(rowsByCode.get('E03')).toMatchObject({
      base: '—',
      sinceBase: '',
      outcome: '无监测数据',
      outcomeNote: '',
    });
    // A base year holding a refused value: no comparison with another year beside it.
    const refused = buildReport(
      '规划',
      [facts('E09', '儿童与教育', lower(98), { 2020: 'abc', 2021: 97, 2025: 98.5 }, '达标')],
      2025,
      'final',
      describeTarget,
      DEFAULT_THRESHOLDS,
    );
    expect(refused.areas[0]!.rows[0]).toMatchObject({ base: '“abc”有误，未计入', sinceBase: '' });
    // Only the report year's own figure: no base shown.
    const only = buildReport(
      '规划',
      [facts('E09', '儿童与教育', lower(98), { 2025: 98.5 }, '达标')],
      2025,
      'final',
      describeTarget,
      DEFAULT_THRESHOLDS,
    );
    expect(only.areas[0]!.rows[0]).toMatchObject({ base: '—', sinceBase: '' });
    expect(rowsByCode.get('S01')).toMatchObject({ sinceBase: '−2个百分点', outcome: '达标' });
    expect(report.baseYear).toBe(2020);
  });

  it('终期: the count by area adds up, with a 合计 line and the rate out of rows with a 2025 figure', () => {
    expect(report.tally?.headers).toEqual([
      '指标数',
      '达标',
      '未达标',
      '无法判定（数值有误等）',
      '待补报2025年数值（有往年填报）',
      '无监测数据（截至2025年各年均无数值）',
      '达标率（达标 ÷ 已判定的指标）',
    ]);
    // 儿童与教育: E01 and E02 have earlier figures, E03 none at all — two kinds of missing, counted apart.
    expect(report.tally?.rows).toEqual([
      { area: '儿童与健康', cells: ['3', '2', '1', '0', '0', '0', '66.7%'] },
      { area: '儿童与安全', cells: ['1', '1', '0', '0', '0', '0', '100%'] },
      { area: '儿童与教育', cells: ['3', '0', '0', '0', '2', '1', '—'] },
      { area: '合计', cells: ['7', '3', '1', '0', '2', '1', '75%'] },
    ]);
    for (const { cells } of report.tally?.rows ?? [])
      expect(cells.slice(1, 6).reduce((sum, c) => sum + Number(c), 0)).toBe(Number(cells[0]));
  });

  it('终期: quantified and direction-only targets are counted apart, each table adding up to its 合计', () => {
    // S01 (↓ 减少) is judged by its direction; the others have a figure to reach (近视率's moves each year).
    expect(report.summary).toContain('达标率75%（有量化目标的3项中达标2项，方向性目标的1项中达标1项）');
    expect(report.kinds?.headers).toEqual(report.tally?.headers);
    expect(report.kinds?.rows).toEqual([
      { area: '有量化目标', cells: ['6', '2', '1', '0', '2', '1', '66.7%'] },
      { area: '方向性目标', cells: ['1', '1', '0', '0', '0', '0', '100%'] },
      { area: '合计', cells: ['7', '3', '1', '0', '2', '1', '75%'] },
    ]);
    // Both tables add up: each line's counts to its 指标数, each column's lines to its 合计, both 合计 the same.
    for (const table of [report.tally!, report.kinds!]) {
      const lines = table.rows.slice(0, -1);
      const total = table.rows.at(-1)!;
      expect(total.cells).toEqual(report.tally!.rows.at(-1)!.cells);
      for (const { cells } of table.rows)
        expect(cells.slice(1, 6).reduce((sum, c) => sum + Number(c), 0)).toBe(Number(cells[0]));
      for (let column = 0; column < 6; column += 1)
        expect(lines.reduce((sum, line) => sum + Number(line.cells[column]), 0)).toBe(
          Number(total.cells[column]),
        );
    }
  });

  it('终期 speaks of one verdict in one word, the grid’s (达标 / 未达标), in every part, the notices too', () => {
    const notices = buildNotices('规划', report, final, [], DEFAULT_THRESHOLDS);
    const printed = [
      report.summary,
      warningsHeading(report.warnings),
      ...(report.tally?.headers ?? []),
      ...report.areas.flatMap((a) => a.rows.map((r) => `${r.outcome}${r.outcomeNote}`)),
      ...report.warnings.map((w) => w.status),
      ...notices.notices.flatMap((n) => n.warnings.map(warningInWords)),
      reportStatusLegend(DEFAULT_THRESHOLDS, false),
    ].join('\n');
    expect(printed).not.toMatch(/实现/);
    // The grid's statuses of H01 / H02 are the verdicts the tables print.
    const outcomes = new Map(report.areas.flatMap((a) => a.rows).map((r) => [r.code, r.outcome]));
    expect(outcomes.get('H01')).toBe('达标');
    expect(outcomes.get('H02')).toBe('未达标');
    expect(report.warnings.find((w) => w.code === 'H02')?.status).toBe('未达标');
    expect(warningsHeading(report.warnings)).toBe('需关注的指标（未达标，或预计达标困难）');
  });

  it('heads the warning list with only what it holds: 未达标 only when a row of it is 未达标', () => {
    const below5 = { kind: 'upper', comparator: '<', wording: '以下', value: 5 } as const;
    const missed = facts('H01', '儿童与健康', below5, { 2020: 6, 2025: 5.5 }, '未达标', '‰', null, 0.5);
    const late = facts('H02', '儿童与健康', below5, { 2020: 6, 2024: 5.6 }, '需加快', '‰', 5.3, 0.3);
    const swinging: RowFacts = {
      ...facts('H03', '儿童与健康', below5, { 2020: 4, 2022: 2, 2024: 4.5 }, '预计达标', '‰', 4.6, -0.4),
      fluctuation: { flagged: true, evidence: '' },
    };
    const headingOf = (list: RowFacts[], variant: 'annual' | 'final') =>
      warningsHeading(buildReport('规划', list, 2025, variant, describeTarget, DEFAULT_THRESHOLDS).warnings);
    // A 终期评估 without any 2025 figure (the sample workbook's) has no row 未达标: its heading does not say so.
    expect(headingOf([late, swinging], 'final')).toBe('需关注的指标（预警：预计达标困难或波动较大）');
    expect(headingOf([late], 'final')).toBe('需关注的指标（预警：预计达标困难）');
    expect(headingOf([swinging], 'annual')).toBe('需关注的指标（预警：波动较大）');
    expect(headingOf([missed, late, swinging], 'final')).toBe(
      '需关注的指标（未达标，或预计达标困难、波动较大）',
    );
    expect(headingOf([missed], 'final')).toBe('需关注的指标（未达标）');
    // An empty list names nothing it does not hold.
    expect(headingOf([], 'annual')).toBe('需关注的指标');
  });

  it('a row added without a 领域 (新增指标) is headed and counted under （未填领域）, never under a blank', () => {
    const added = facts('X01', '', lower(5), { 2020: 1, 2024: 4 }, '需加快', '个');
    const withAdded = buildReport(
      '规划',
      [...final, added],
      2025,
      'final',
      describeTarget,
      DEFAULT_THRESHOLDS,
    );
    expect(withAdded.areas.map((a) => a.area).at(-1)).toBe('（未填领域）');
    expect(withAdded.tally?.rows.map((r) => r.area)).toEqual([
      '儿童与健康',
      '儿童与安全',
      '儿童与教育',
      '（未填领域）',
      '合计',
    ]);
    const panel = summarizeByArea(
      [...final, added].map((r) => ({ area: r.indicator.area, status: r.status })),
    );
    expect(panel.map((a) => a.area).at(-1)).toBe('（未填领域）');
  });

  it('终期: a row whose 2025 figure is in but gives no verdict (公式有误) is said, not counted as missing', () => {
    const broken = facts('H03', '儿童与健康', upper, { 2020: 6, 2025: 4 }, '公式有误', '‰');
    const withBroken = buildReport(
      '规划',
      [...final, broken],
      2025,
      'final',
      describeTarget,
      DEFAULT_THRESHOLDS,
    );
    expect(withBroken.summary).toBe(
      '8项指标中，有2025年数值的5项：达标3项，未达标1项，无法判定1项（请在表格中核对），达标率75%' +
        '（有量化目标的3项中达标2项，方向性目标的1项中达标1项）；' +
        '待补报2025年数值的2项（其中按最新数值已达标1项），无监测数据（截至2025年各年均无数值）的1项',
    );
    const row = withBroken.areas[0]!.rows.find((r) => r.code === 'H03');
    expect(row).toMatchObject({ outcome: '无法判定', outcomeNote: '（公式有误）' });
  });

  it('终期: a 2025 figure the workbook refused is said to be wrong and counted as 无法判定, not as missing', () => {
    // “待核实” typed in 2025: kept as text; the status still comes from 2024's figure (已达标).
    const unchecked = facts('E04', '儿童与教育', lower(98), { 2020: 97, 2024: 99, 2025: '待核实' }, '已达标');
    const withUnchecked = buildReport(
      '规划',
      [...final, unchecked],
      2025,
      'final',
      describeTarget,
      DEFAULT_THRESHOLDS,
    );
    const row = withUnchecked.areas.flatMap((a) => a.rows).find((r) => r.code === 'E04');
    expect(row).toMatchObject({
      value: '“待核实”有误，未计入',
      outcome: '无法判定',
      outcomeNote: '（2025年数值有误，待核实后判定）',
    });
    expect(withUnchecked.summary).toBe(
      '8项指标中，有2025年数值的5项：达标3项，未达标1项，无法判定1项（请在表格中核对），达标率75%' +
        '（有量化目标的3项中达标2项，方向性目标的1项中达标1项）；' +
        '待补报2025年数值的2项（其中按最新数值已达标1项），无监测数据（截至2025年各年均无数值）的1项',
    );
    expect(withUnchecked.tally?.rows.find((r) => r.area === '儿童与教育')?.cells).toEqual([
      '4',
      '0',
      '0',
      '1',
      '2',
      '1',
      '—',
    ]);
  });

  it('终期: a row with only a refused figure was reported, so it is not 无监测数据', () => {
    const refusedOnly = facts('E05', '儿童与教育', lower(98), { 2023: '约98' }, '数据不足');
    const alone = buildReport('规划', [refusedOnly], 2025, 'final', describeTarget, DEFAULT_THRESHOLDS);
    expect(alone.areas[0]!.rows[0]).toMatchObject({
      outcome: '待补报2025年数值',
      outcomeNote: '（数据不足，无法预判）',
    });
    expect(alone.summary).toBe(
      '1项指标均尚无2025年数值，还不能判定是否达标：有往年填报的1项；请先录入或导入2025年的数值',
    );
  });

  it('终期 before any 2025 figure is in: what is missing, by kind, and what to do', () => {
    const none = buildReport(
      '规划',
      final.filter((r) => !('2025' in r.indicator.values)),
      2025,
      'final',
      describeTarget,
      DEFAULT_THRESHOLDS,
    );
    expect(none.summary).toBe(
      '3项指标均尚无2025年数值，还不能判定是否达标：有往年填报的2项（其中按最新数值已达标1项），' +
        '无监测数据（截至2025年各年均无数值）的1项；请先录入或导入2025年的数值',
    );
  });

  it('终期 of 2024: a row whose only figure is 2025’s had none up to 2024, said so (it has a figure, so not 各年均无数值)', () => {
    const lateOnly = factsAsOf(
      facts('E07', '儿童与教育', lower(98), { 2025: 98.5 }, '达标'),
      2024,
      DEFAULT_THRESHOLDS,
    );
    const early = facts('E02', '儿童与教育', lower(98), { 2020: 95, 2023: 97.5 }, '预计达标');
    const asOf2024 = buildReport(
      '规划',
      [early, lateOnly],
      2024,
      'final',
      describeTarget,
      DEFAULT_THRESHOLDS,
    );
    expect(asOf2024.summary).toBe(
      '2项指标均尚无2025年数值，还不能判定是否达标：有往年填报的1项，' +
        '无监测数据（截至2024年各年均无数值）的1项；终期评估按2025年的数值判定，请将报告年份选为2025年',
    );
    expect(asOf2024.tally?.headers[5]).toBe('无监测数据（截至2024年各年均无数值）');
    expect(asOf2024.areas[0]!.rows.find((r) => r.code === 'E07')).toMatchObject({ outcome: '无监测数据' });
    for (const text of [asOf2024.summary, ...(asOf2024.tally?.headers ?? [])])
      expect(text).not.toContain('（各年均无数值）');
  });

  it('终期 of a year before the target year does not ask for the 2025 figures it leaves out: it says which year to choose', () => {
    const early = buildReport(
      '规划',
      [facts('E02', '儿童与教育', lower(98), { 2020: 95, 2023: 97.5 }, '预计达标')],
      2023,
      'final',
      describeTarget,
      DEFAULT_THRESHOLDS,
    );
    // A report of 2023 reads the workbook as it stood then: a 2025 figure entered now would not change it.
    expect(early.summary).toBe(
      '1项指标均尚无2025年数值，还不能判定是否达标：有往年填报的1项；终期评估按2025年的数值判定，请将报告年份选为2025年',
    );
  });

  it('终期 of a year before the target year: the 2025 figure is not due yet, so the row says it is not in', () => {
    const early = buildReport(
      '规划',
      [facts('E02', '儿童与教育', lower(98), { 2020: 95, 2023: 97.5 }, '预计达标')],
      2024,
      'final',
      describeTarget,
      DEFAULT_THRESHOLDS,
    );
    // The latest status said as what it rests on, as once the figure is overdue: "暂无2025年数值（已达标）" read as
    // if the target were met without the figure.
    expect(early.areas[0]!.rows[0]).toMatchObject({
      outcome: '暂无2025年数值',
      outcomeNote: '（按趋势预计达标）',
    });
    const metEarly = buildReport(
      '规划',
      [facts('E01', '儿童与教育', lower(98), { 2020: 97, 2023: 98.5 }, '已达标')],
      2024,
      'final',
      describeTarget,
      DEFAULT_THRESHOLDS,
    );
    expect(metEarly.areas[0]!.rows[0]).toMatchObject({
      outcome: '暂无2025年数值',
      outcomeNote: '（按2023年数值已达标）',
    });
    const due = buildReport(
      '规划',
      [facts('E02', '儿童与教育', lower(98), { 2020: 95, 2023: 97.5 }, '预计达标')],
      2025,
      'final',
      describeTarget,
      DEFAULT_THRESHOLDS,
    );
    expect(due.areas[0]!.rows[0]).toMatchObject({
      outcome: '待补报2025年数值',
      outcomeNote: '（按趋势预计达标）',
    });
  });

  it('a 左右 target prints its band, and 近视率’s yearly target its figure for the year, in every table', () => {
    const around = {
      ...facts(
        'E02',
        '儿童与教育',
        { kind: 'around', comparator: '≈', wording: '保持在…左右', value: 90 },
        { 2020: 86, 2024: 86.5 },
        '停滞',
        '%',
        86.8,
        -3.2,
      ),
    };
    const myopia2018 = facts(
      'H21',
      '儿童与健康',
      {
        kind: 'yearly-change',
        comparator: '≤',
        wording: '每年降低1个百分点以上',
        value: null,
        yearlyStep: -1,
      },
      { 2018: 55, 2024: 52 },
      '需加快',
      '%',
      51.5,
      3.5,
    );
    myopia2018.indicator.baseYear = 2018;
    const report = buildReport(
      '规划',
      [myopia2018, around],
      2025,
      'final',
      describeTarget,
      DEFAULT_THRESHOLDS,
    );
    const band = '≈90%（保持在…左右，即88%～92%）';
    const moving = '每年降低1个百分点以上（2025年应≤48%）';
    expect(report.areas.flatMap((a) => a.rows).map((r) => r.target)).toEqual([moving, band]);
    // The warning list says of which target its gap is (高于目标 3.5个百分点: above 48 %, not above "每年降低1").
    expect(report.warnings.map((w) => [w.code, w.target, w.gap])).toEqual([
      ['H21', moving, '高于目标 3.5个百分点'],
      ['E02', band, '低于下限 88% 1.2个百分点'],
    ]);
    expect(report.series?.rows.map((r) => r.target)).toEqual([moving, band]);
    // A year before the target year: the area table says the year's bound (49 % in 2024), while the warning
    // list's projection and gap are at 2025 — its target also names 2025's 48 %, or 51.5 % “高于目标 3.5” reads
    // as a sum that does not add up (51.5 − 49 = 2.5); the list says of which year its projection is.
    const annual = buildReport('规划', [myopia2018], 2024, 'annual', describeTarget, DEFAULT_THRESHOLDS);
    expect(annual.areas[0]!.rows[0]!.target).toBe('每年降低1个百分点以上（2024年应≤49%）');
    expect(annual.warnings.map((w) => [w.target, w.projectedYear, w.gap])).toEqual([
      ['每年降低1个百分点以上（2024年应≤49%，2025年应≤48%）', 2025, '高于目标 3.5个百分点'],
    ]);
    // The band is the setting's: a tolerance of 1 gives 89%～91%.
    const narrow = buildReport('规划', [around], 2025, 'final', describeTarget, {
      ...DEFAULT_THRESHOLDS,
      aroundTolerance: 1,
    });
    expect(narrow.areas[0]!.rows[0]!.target).toBe('≈90%（保持在…左右，即89%～91%）');
  });

  it('中期: counts 已达标, 预计达标, 需关注 and 数据不足 by area, adding up to the rows', () => {
    const midTerm = buildReport(
      '规划',
      [
        facts('H01', '儿童与健康', upper, { 2020: 6.1, 2023: 4.9 }, '已达标', '‰'),
        facts('H02', '儿童与健康', upper, { 2020: 6.5, 2023: 5.9 }, '预计达标', '‰'),
        facts('H03', '儿童与健康', upper, { 2020: 6.5, 2023: 6.6 }, '倒退', '‰'),
        facts('E01', '儿童与教育', lower(98), { 2023: 96 }, '数据不足'),
      ],
      2023,
      'mid-term',
      describeTarget,
      DEFAULT_THRESHOLDS,
    );
    expect(midTerm.summary).toBe('截至2023年，4项指标中已达标1项，预计达标1项，需关注1项，数据不足1项');
    expect(midTerm.tally?.rows).toEqual([
      { area: '儿童与健康', cells: ['3', '1', '1', '1', '0'] },
      { area: '儿童与教育', cells: ['1', '0', '0', '0', '1'] },
      { area: '合计', cells: ['4', '1', '1', '1', '1'] },
    ]);
    expect(midTerm.areas[0]!.rows[2]).toMatchObject({ base: '6.5‰', sinceBase: '+0.1个千分点' });
  });

  it('中期: counts direction-only targets apart from quantified ones, the tables adding up', () => {
    const direction = { kind: 'direction', comparator: '↑', wording: '提高', value: null } as const;
    const midTerm = buildReport(
      '规划',
      [
        facts('H01', '儿童与健康', upper, { 2020: 6.1, 2023: 4.9 }, '已达标', '‰'),
        facts('H02', '儿童与健康', upper, { 2020: 6.5, 2023: 5.9 }, '预计达标', '‰'),
        facts('H20', '儿童与健康', direction, { 2020: 60, 2023: 66 }, '预计达标'),
        facts('W03', '儿童与福利', direction, { 2020: 50, 2023: 50.2 }, '停滞'),
      ],
      2023,
      'mid-term',
      describeTarget,
      DEFAULT_THRESHOLDS,
    );
    expect(midTerm.kinds?.rows).toEqual([
      { area: '有量化目标', cells: ['2', '1', '1', '0', '0'] },
      { area: '方向性目标', cells: ['2', '0', '1', '1', '0'] },
      { area: '合计', cells: ['4', '1', '2', '1', '0'] },
    ]);
    expect(midTerm.kinds?.rows.at(-1)).toEqual(midTerm.tally?.rows.at(-1));
  });

  it('the warning list says how its rows add up to the 需关注 count when it also lists rows for other reasons', () => {
    const listed = buildReport(
      '规划',
      [
        facts('H03', '儿童与健康', upper, { 2020: 6.5, 2023: 6.6 }, '倒退', '‰'),
        {
          ...facts('H02', '儿童与健康', upper, { 2020: 7, 2021: 5, 2022: 6.5, 2023: 4.8 }, '预计达标', '‰'),
          fluctuation: { flagged: true, evidence: '' },
        },
        {
          ...facts('E01', '儿童与教育', lower(98), { 2020: 97, 2023: 98.5 }, '已达标'),
          trendLeaves: true,
        },
      ],
      2023,
      'mid-term',
      describeTarget,
      DEFAULT_THRESHOLDS,
    );
    expect(listed.summary).toContain('需关注1项');
    expect(listed.warnings).toHaveLength(3);
    expect(listed.warningsNote).toBe(
      '本表还列出目前已达标、但按趋势到目标年将不再达标的1项（状态下注“按趋势将不再达标”），其状态仍为“已达标”；' +
        '状态为预计达标、但波动较大的1项（“波动”列注明）：这2项不计入“需关注”的项数。本表共3项，其中需关注1项。',
    );
    // Only rows that need attention: nothing to explain.
    expect(buildReport('规划', final, 2025, 'final', describeTarget, DEFAULT_THRESHOLDS).warningsNote).toBe(
      '',
    );
  });

  it('the annual report has no count by area and no table of every year', () => {
    const annual = buildReport('规划', final, 2025, 'annual', describeTarget, DEFAULT_THRESHOLDS);
    expect(annual.tally).toBeNull();
    expect(annual.series).toBeNull();
  });

  it('附表: every row’s figures from the base year to the report’s year, — where missing, 有误 where invalid', () => {
    // From 近视率's base year 2018, cited in its 基期值: its 2018 figure is in the table.
    expect(report.series?.years).toEqual([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    expect(report.series?.rows[0]).toEqual({
      code: 'H01',
      name: '指标H01',
      unit: '‰',
      // 2018 and 2019 are before this row's base year: empty, not "missing".
      values: ['', '', '6.1', '—', '—', '—', '5.2', '4.8'],
      target: '<5‰（以下）',
    });
    expect(report.series?.rows.find((r) => r.code === 'H20')?.values).toEqual([
      '60',
      '—',
      '58',
      '—',
      '—',
      '—',
      '—',
      '54',
    ]);
    const invalid = buildReport(
      '规划',
      [facts('E01', '儿童与教育', lower(98), { 2020: 97, 2021: '九十八' }, '需加快')],
      2022,
      'mid-term',
      describeTarget,
      DEFAULT_THRESHOLDS,
    );
    expect(invalid.series?.rows[0]?.values).toEqual(['97', '有误', '—']);
  });
});

describe('the gap the grid shows beside the status (the same figure the report words)', () => {
  const around90 = facts(
    'E02',
    '儿童与教育',
    { kind: 'around', comparator: '≈', wording: '左右', value: 90 },
    {},
    '需加快',
  );
  it('a 左右 row: its distance outside the band, 0 inside it, the tolerance from 设置', () => {
    expect(gapShown(87.44 - 90, around90.indicator, DEFAULT_THRESHOLDS)).toBeCloseTo(-0.56, 10);
    expect(gapShown(93.5 - 90, around90.indicator, DEFAULT_THRESHOLDS)).toBeCloseTo(1.5, 10);
    expect(gapShown(91 - 90, around90.indicator, DEFAULT_THRESHOLDS)).toBe(0);
    expect(gapShown(88 - 90, around90.indicator, DEFAULT_THRESHOLDS)).toBe(0);
    expect(gapShown(87.44 - 90, around90.indicator, { ...DEFAULT_THRESHOLDS, aroundTolerance: 3 })).toBe(0);
  });
  it('the report words for a 左右 row the figure the grid shows, inside, above and below the band', () => {
    const words = (gap: number) => gapBesideStatus(gap, around90.indicator, '需加快', DEFAULT_THRESHOLDS);
    const shown = (gap: number) => gapShown(gap, around90.indicator, DEFAULT_THRESHOLDS);
    // Below the band (87.44%), on its lower edge, inside, on the centre, on the upper edge, above (93.5%).
    expect([-2.56, -2, -0.7, 0, 2, 3.5].map(shown).map((v) => Math.round(v * 100) / 100)).toEqual([
      -0.56, 0, 0, 0, 0, 1.5,
    ]);
    for (const inside of [-2, -0.7, 0, 2]) expect(words(inside), String(inside)).toBe('在目标范围内');
    expect(words(-2.56)).toBe('低于下限 88% 0.56个百分点');
    // Outside by less than a hundredth: said so, not "0个百分点" (the grid's cell shows 0, its tooltip these words).
    expect(words(2.004)).toBe('高于上限 92% 不到 0.01个百分点');
    expect(words(3.5)).toBe('高于上限 92% 1.5个百分点');
  });
  it('any other row: the gap to its target as it is', () => {
    const [infant] = rows;
    expect(gapShown(0.36, infant!.indicator, DEFAULT_THRESHOLDS)).toBe(0.36);
    expect(gapShown(-2.2, rows[1]!.indicator, DEFAULT_THRESHOLDS)).toBe(-2.2);
  });
});

describe('a 不升 row in the printed report', () => {
  it('a flat 儿童超重（肥胖）率 is 预计达标 and not warned of; the same figures on a ↓ row are 停滞 and warned of', () => {
    const plan = LANXI_2021_2025.indicators;
    const flat = { 2020: 15, 2021: 15.1, 2022: 15, 2023: 15, 2024: 0 };
    const rows = ['H16', 'L03'].map((code) => {
      const indicator = { ...plan.find((r) => r.code === code)!, values: flat };
      // As the report reads a past year: recomputed from the figures known then (2024's left out).
      return factsAsOf({ indicator, projected: null, gap: null, status: null }, 2023, DEFAULT_THRESHOLDS);
    });
    expect(rows.map((r) => r.status)).toEqual(['预计达标', '停滞']);
    const report = buildReport('规划', rows, 2023, 'annual', describeTarget, DEFAULT_THRESHOLDS);
    expect(report.warnings.map((w) => w.code)).toEqual(['L03']);
    expect(report.areas[0]?.rows[0]).toMatchObject({
      code: 'H16',
      target: '不升（上升趋势得到有效控制）',
      status: '预计达标',
    });
  });
});

describe('a ↑ share near 100 % in the printed report', () => {
  it('参保率 99.0, 99.2, 99.4, 99.6 % is 预计达标 and not warned of; the same rise at 30 % is 停滞 as before', () => {
    const w03 = LANXI_2021_2025.indicators.find((r) => r.code === 'W03')!;
    const rows = [
      { ...w03, values: { 2020: 99, 2021: 99.2, 2022: 99.4, 2023: 99.6, 2024: 0 } },
      { ...w03, code: 'W03b', values: { 2020: 30, 2021: 30.04, 2022: 30.08, 2023: 30.12, 2024: 0 } },
    ].map((indicator) =>
      // As the report reads a past year: recomputed from the figures known then (2024's left out).
      factsAsOf({ indicator, projected: null, gap: null, status: null }, 2023, DEFAULT_THRESHOLDS),
    );
    expect(rows.map((r) => r.status)).toEqual(['预计达标', '停滞']);
    const report = buildReport('规划', rows, 2023, 'annual', describeTarget, DEFAULT_THRESHOLDS);
    expect(report.warnings.map((w) => w.code)).toEqual(['W03b']);
  });
});

describe('the evaluations’ appendix heading names its years', () => {
  it('a span of years as 2018—2025年, a single year as 2025年 (it read 2025—2025年 at a next plan’s base year)', () => {
    expect(seriesTableHeading({ years: [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025], rows: [] })).toBe(
      '附表：各指标历年数值（2018—2025年）',
    );
    expect(seriesTableHeading({ years: [2025], rows: [] })).toBe('附表：各指标历年数值（2025年）');
  });
});
