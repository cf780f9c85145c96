import { describe, expect, it } from 'vitest';
import { describeTarget } from '../../../src/grid/columns';
import {
  buildNotices,
  noticeText,
  UNASSIGNED,
  type DepartmentNotice,
} from '../../../src/model/department-notices';
import type { Indicator, Target } from '../../../src/model/indicator';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';
import { buildReport, factsAsOf, type RowFacts } from '../../../src/model/report';
import { defaultProjection, resultsOf } from '../../../src/model/row-results';
import { SAMPLE_LABEL } from '../../../src/model/sample-data';
import { DEFAULT_THRESHOLDS, holdLegend, reportStatusLegend, targetSpecOf } from '../../../src/model/status';

const upper5: Target = { kind: 'upper', comparator: '<', wording: '以下', value: 5 };
const lower95: Target = { kind: 'lower', comparator: '≥', wording: '以上', value: 95 };

const facts = (
  code: string,
  department: string,
  values: Indicator['values'],
  status: RowFacts['status'],
  more: Partial<RowFacts> & { target?: Target; unit?: string; baseYear?: number } = {},
): RowFacts => ({
  indicator: {
    code,
    area: '儿童与健康',
    clause: '',
    name: `指标${code}`,
    unit: more.unit ?? '%',
    target: more.target ?? lower95,
    baseYear: more.baseYear ?? 2020,
    targetYear: 2025,
    department,
    source: '',
    values,
  },
  projected: more.projected ?? null,
  gap: more.gap ?? null,
  status,
  ...(more.fluctuation ? { fluctuation: more.fluctuation } : {}),
  ...(more.trendLeaves ? { trendLeaves: true } : {}),
});

const ORDER = ['市卫健局', '市教育局', '市民政局', '市法院'];

const rows: RowFacts[] = [
  // 市卫健局: one flagged with its 2024 figure in, one with 2024 missing (on track), one flagged and missing.
  facts('H01', '市卫健局', { 2020: 6, 2023: 5.8, 2024: 5.6 }, '需加快', {
    target: upper5,
    unit: '‰',
    projected: 5.3,
    gap: 0.3,
  }),
  facts('H02', '市卫健局', { 2020: 90, 2023: 96 }, '已达标'),
  facts('H03', '市卫健局', { 2020: 80, 2022: 82 }, '进展缓慢', { projected: 85, gap: -10 }),
  // 市教育局: every 2024 figure in, one row swings (波动较大) though on track.
  facts('E01', '市教育局', { 2020: 90, 2024: 96 }, '已达标'),
  facts('E02', '市教育局', { 2020: 80, 2022: 95, 2023: 82, 2024: 96 }, '预计达标', {
    projected: 97,
    gap: 2,
    fluctuation: { flagged: true, evidence: '' },
  }),
  // 市民政局: nothing to say.
  facts('M01', '市民政局', { 2020: 90, 2024: 97 }, '已达标'),
  // An office's own department, after the usual ones: a refused 2024 figure and a row with no figure at all.
  facts('Z01', '乡镇办', { 2023: 96, 2024: '九十六' }, '已达标'),
  facts('Z02', '乡镇办', {}, '数据不足'),
  // No 责任单位.
  facts('X01', '', { 2020: 90 }, '数据不足'),
  facts('X02', '  ', { 2020: 90, 2024: 91 }, '停滞', { projected: 91, gap: -4 }),
];

const report = buildReport('兰溪市儿童发展规划', rows, 2024, 'annual', describeTarget, DEFAULT_THRESHOLDS);
const notices = buildNotices('兰溪市儿童发展规划', report, rows, ORDER, DEFAULT_THRESHOLDS);
const of = (addressee: string): DepartmentNotice => notices.notices.find((n) => n.addressee === addressee)!;

describe('各单位预警及补报通知', () => {
  it('a notice of rows that missed by the target year’s own figure heads them as the report does: 未达标', () => {
    const missed = facts('H05', '市卫健局', { 2020: 90, 2025: 93 }, '未达标', { projected: null, gap: -2 });
    const late = facts('H06', '市卫健局', { 2020: 80, 2024: 85 }, '进展缓慢', { projected: 88, gap: -7 });
    const final = buildReport('规划', [missed, late], 2025, 'final', describeTarget, DEFAULT_THRESHOLDS);
    const [health] = buildNotices('规划', final, [missed, late], ORDER, DEFAULT_THRESHOLDS).notices;
    expect(health!.warnings.map((w) => w.status)).toEqual(['未达标', '进展缓慢']);
    // Named as what its rows are: none of them 波动较大.
    expect(health!.heading).toBe('需关注的指标（未达标，或预计达标困难）');
    expect(noticeText({ ...notices, year: 2025 }, health!, { isSample: false, organisation: '' })).toContain(
      '一、需关注的指标（未达标，或预计达标困难），共2项：',
    );
    // A year with no verdict yet keeps the warning's own words; 波动较大 only where a row of the notice is so.
    expect(of('市卫健局').heading).toBe('需关注的指标（预警：预计达标困难）');
    expect(of('市教育局').heading).toBe('需关注的指标（预警：波动较大）');
  });

  it('has one notice per department with something to say, in the usual order, unassigned last', () => {
    expect(notices.title).toBe('兰溪市儿童发展规划各单位预警及补报通知（2024年）');
    expect(notices.notices.map((n) => n.addressee)).toEqual(['市卫健局', '市教育局', '乡镇办', UNASSIGNED]);
    // Departments of the order with no rows are not named; those with rows and nothing to say are.
    expect(notices.quiet).toBe('以下1个单位2024年无预警、无待补报：市民政局。');
    expect(notices.summary).toBe('4个单位需通知：预警4项，2024年数值待补报4项，数值有误待更正1项');
  });

  it('lists exactly the report’s own warnings of the department, as the report words them', () => {
    const health = of('市卫健局');
    expect(health.warnings.map((w) => w.code)).toEqual(['H01', 'H03']);
    // The same objects as the report's warning list: no second set of rules.
    expect(health.warnings[0]).toBe(report.warnings.find((w) => w.code === 'H01'));
    expect(health.warnings[0]).toMatchObject({
      latest: '5.6‰（2024年）',
      target: '<5‰（以下）',
      gap: '高于目标 0.3个千分点',
      status: '需加快',
    });
    expect(of('市教育局').warnings.map((w) => [w.code, w.fluctuation])).toEqual([['E02', '波动较大']]);
    // Every warning of the report is in exactly one notice.
    expect(notices.notices.flatMap((n) => n.warnings.map((w) => w.code)).sort()).toEqual(
      report.warnings.map((w) => w.code).sort(),
    );
  });

  it('lists the rows without the year’s figure: 待补报 with the latest, none at all, or refused', () => {
    expect(of('市卫健局').missing).toEqual([
      expect.objectContaining({
        code: 'H02',
        state: '待补报2024年数值',
        latest: '96%（2023年）',
        noData: false,
      }),
      expect.objectContaining({ code: 'H03', state: '待补报2024年数值', latest: '82%（2022年）' }),
    ]);
    expect(of('市教育局').missing).toEqual([]);
    expect(of('乡镇办').missing).toEqual([
      expect.objectContaining({ code: 'Z01', state: '“九十六”有误，未计入', invalid: true }),
      expect.objectContaining({
        code: 'Z02',
        state: '无监测数据（截至2024年各年均无数值）',
        latest: '',
        noData: true,
      }),
    ]);
    expect(of(UNASSIGNED).missing.map((m) => m.code)).toEqual(['X01']);
    expect(of(UNASSIGNED).warnings.map((w) => w.code)).toEqual(['X02']);
  });

  it('explains the statuses beside the warnings with the report’s own legend (预计达标 beside a gap below target)', () => {
    // 市教育局's only warning is 预计达标 with its figure swinging: the 95 % rule says why that is not a contradiction.
    const education = of('市教育局');
    expect(education.warnings.map((w) => w.status)).toEqual(['预计达标']);
    expect(education.legend).toBe(reportStatusLegend(DEFAULT_THRESHOLDS, false));
    expect(education.legend).toContain(
      '“预计达标”指按趋势预计完成所需进展的95%以上（预测值可能仍略差于目标）',
    );
    expect(noticeText(notices, education, { isSample: false, organisation: '' })).toContain(
      `波动较大\n${education.legend}\n`,
    );
    // Nothing to explain on a notice of missing figures only.
    expect(of('乡镇办').legend).toBe('');
    expect(noticeText(notices, of('乡镇办'), { isSample: false, organisation: '' })).not.toContain(
      '预计达标',
    );
    // The 不升 rule only on the notice that has such a row, as the report adds it only then.
    const hold: Target = {
      kind: 'direction',
      comparator: '不升',
      wording: '上升趋势得到有效控制',
      value: null,
    };
    const held = [
      facts('H09', '市卫健局', { 2020: 10, 2024: 12 }, '进展缓慢', { target: hold }),
      facts('E09', '市教育局', { 2020: 80, 2024: 82 }, '进展缓慢', { projected: 83, gap: -12 }),
    ];
    const r = buildReport('规划', held, 2024, 'annual', describeTarget, DEFAULT_THRESHOLDS);
    const [health, school] = buildNotices('规划', r, held, ORDER, DEFAULT_THRESHOLDS).notices;
    expect(health!.legend).toBe(reportStatusLegend(DEFAULT_THRESHOLDS, true));
    expect(health!.legend).toContain(holdLegend(DEFAULT_THRESHOLDS));
    expect(school!.legend).not.toContain(holdLegend(DEFAULT_THRESHOLDS));
  });

  it('says a row with only a later figure had none up to the notice’s year, not none in any year', () => {
    // The 2024 notice, with the row's 2025 figure in the workbook (the report view hands rows as of 2024).
    const lateOnly = [
      factsAsOf(facts('H05', '市卫健局', { 2025: 4.2 }, '数据不足'), 2024, DEFAULT_THRESHOLDS),
    ];
    const r = buildReport('规划', lateOnly, 2024, 'annual', describeTarget, DEFAULT_THRESHOLDS);
    const [notice] = buildNotices('规划', r, lateOnly, ORDER, DEFAULT_THRESHOLDS).notices;
    expect(notice!.missing).toEqual([
      expect.objectContaining({ code: 'H05', state: '无监测数据（截至2024年各年均无数值）', noData: true }),
    ]);
    expect(notice!.template).toBe(
      '请使用随附的填报模板（市卫健局的指标，CSV 文件），在“2024年”列填写 H05 的数值；' +
        '这些指标截至2024年各年均无数值（无监测数据），此前各年如有数值请一并填写，另存为 CSV 发回。',
    );
  });

  it('does not chase a year before a row’s own base year', () => {
    const early = [facts('N01', '市卫健局', { 2025: 3 }, '数据不足', { baseYear: 2025 })];
    const r = buildReport('规划', early, 2024, 'annual', describeTarget, DEFAULT_THRESHOLDS);
    const n = buildNotices('规划', r, early, ORDER, DEFAULT_THRESHOLDS);
    expect(n.notices).toEqual([]);
    expect(n.summary).toBe('2024年各单位均无预警、无待补报，无需通知');
    expect(n.quiet).toBe('');
  });

  it('counts only what there is to say', () => {
    const flaggedOnly = [
      facts('H01', '市卫健局', { 2020: 6, 2024: 5.8 }, '停滞', { target: upper5, unit: '‰' }),
    ];
    const r = buildReport('规划', flaggedOnly, 2024, 'annual', describeTarget, DEFAULT_THRESHOLDS);
    expect(buildNotices('规划', r, flaggedOnly, ORDER, DEFAULT_THRESHOLDS).summary).toBe(
      '1个单位需通知：预警1项',
    );
    const allMissing = [facts('H01', '市卫健局', {}, '数据不足'), facts('H02', '市卫健局', {}, '数据不足')];
    const r2 = buildReport('规划', allMissing, 2024, 'annual', describeTarget, DEFAULT_THRESHOLDS);
    const n2 = buildNotices('规划', r2, allMissing, ORDER, DEFAULT_THRESHOLDS);
    expect(n2.summary).toBe('1个单位需通知：2024年数值待补报2项');
    // Many rows: counted, not a wall of codes beside the list that names them.
    const many = Array.from({ length: 11 }, (_, i) => facts(`H${10 + i}`, '市卫健局', {}, '数据不足'));
    const r3 = buildReport('规划', many, 2024, 'annual', describeTarget, DEFAULT_THRESHOLDS);
    expect(buildNotices('规划', r3, many, ORDER, DEFAULT_THRESHOLDS).notices[0]!.template).toContain(
      '在“2024年”列填写上列11项指标的数值',
    );
    expect(n2.notices[0]!.template).toBe(
      '请使用随附的填报模板（市卫健局的指标，CSV 文件），在“2024年”列填写 H01、H02 的数值；' +
        '这些指标截至2024年各年均无数值（无监测数据），此前各年如有数值请一并填写，另存为 CSV 发回。',
    );
  });

  it('points to the department’s template with the rows and year to fill', () => {
    expect(of('市卫健局').template).toBe(
      '请使用随附的填报模板（市卫健局的指标，CSV 文件），在“2024年”列填写 H02、H03 的数值，另存为 CSV 发回。',
    );
    expect(of('乡镇办').template).toBe(
      '请使用随附的填报模板（乡镇办的指标，CSV 文件），在“2024年”列填写 Z02 的数值，' +
        '核实并更正 Z01 的2024年数值（只填数字，单位已在“单位”列）；其中1项截至2024年各年均无数值（无监测数据），此前各年如有数值请一并填写，另存为 CSV 发回。',
    );
    expect(of('市教育局').template).toContain('2024年数值已齐全');
    // No template can be exported for rows without a department: the clerk is told what to do first.
    expect(of(UNASSIGNED).template).toContain('请先在表格的“责任单位”列为其指定单位');
  });

  it('gives each notice as plain text for an email, with the sample label and no invented date', () => {
    const text = noticeText(notices, of('市卫健局'), { isSample: true, organisation: '兰溪市妇儿工委办' });
    expect(text.split('\n')).toEqual([
      '兰溪市儿童发展规划各单位预警及补报通知（2024年）',
      `【${SAMPLE_LABEL}：本通知的数值是随机生成的，不是统计数据，不得上报。】`,
      '',
      '市卫健局：',
      '按截至2024年底的监测数据，贵单位负责的指标有下列情况，请核实处理。',
      '',
      '一、需关注的指标（预警：预计达标困难），共2项：',
      '1. H01 指标H01：最新值 5.6‰（2024年）；目标 <5‰（以下）；预测2025年 5.3‰；与目标差距：高于目标 0.3个千分点；状态：需加快',
      '2. H03 指标H03：最新值 82%（2022年）；目标 ≥95%（以上）；预测2025年 85%；与目标差距：低于目标 10个百分点；状态：进展缓慢',
      reportStatusLegend(DEFAULT_THRESHOLDS, false),
      '',
      '二、2024年数值待补报的指标，共2项：',
      '1. H02 指标H02（单位：%）：待补报2024年数值；已有最新值 96%（2023年）',
      '2. H03 指标H03（单位：%）：待补报2024年数值；已有最新值 82%（2022年）',
      '',
      of('市卫健局').template,
      '',
      '兰溪市妇儿工委办',
    ]);
    // A real workbook's notice has no label; a notice with missing figures only starts its list at 一.
    const plain = noticeText(notices, of('乡镇办'), { isSample: false, organisation: '' });
    expect(plain).not.toContain(SAMPLE_LABEL);
    expect(plain).toContain('一、2024年数值待补报或待更正的指标，共2项：');
    expect(plain).not.toMatch(/\d+月\d+日|截止|之前报送/);
    expect(noticeText(notices, of(UNASSIGNED), { isSample: false, organisation: '' })).toContain(
      `${UNASSIGNED}：\n按截至2024年底的监测数据，以下未指定责任单位的指标有下列情况`,
    );
  });

  it('warns of a count as the grid shows it: the whole 家 of its projection, and the status of that figure', () => {
    // The plan's 危重新生儿救治中心数量 with a target of >5 家 and made-up figures 3, 4, 4, 5 家 (2021–2024): a
    // trend of 5.5 家 for 2025, shown as 5 家. It was 预计达标 (from 5.5) beside 5 家, and not warned of.
    const centre = LANXI_2021_2025.indicators.find((row) => row.name === '危重新生儿救治中心数量')!;
    const indicator: Indicator = {
      ...structuredClone(centre),
      target: { kind: 'count', comparator: '>', wording: '以上', value: 5 },
      values: { 2021: 3, 2022: 4, 2023: 4, 2024: 5 },
    };
    const years = [2021, 2022, 2023, 2024];
    const cells = years.map((y) => indicator.values[y] as number);
    const computed = resultsOf(
      defaultProjection('linear', cells, years, 2025),
      cells,
      years,
      targetSpecOf(indicator),
      DEFAULT_THRESHOLDS,
      indicator.unit,
    );
    const row: RowFacts = {
      indicator,
      projected: typeof computed.projected === 'number' ? computed.projected : null,
      gap: typeof computed.gap === 'number' ? computed.gap : null,
      status: computed.status,
    };
    const countReport = buildReport('规划', [row], 2024, 'annual', describeTarget, DEFAULT_THRESHOLDS);
    expect(countReport.warnings).toHaveLength(1);
    expect(countReport.warnings[0]).toMatchObject({ projected: '5 家', status: '需加快' });
    const countNotices = buildNotices('规划', countReport, [row], ORDER, DEFAULT_THRESHOLDS);
    const text = noticeText(countNotices, countNotices.notices[0]!, { isSample: false, organisation: '' });
    expect(text).toContain('预测2025年 5 家；与目标差距：等于目标值（目标不含本数），未达到；状态：需加快');
  });
});
