import { describe, expect, it } from 'vitest';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';
import { makeNextPlan } from '../../../src/model/planning';
import { buildPlanningReport, isCarriedOver, isKeptTarget } from '../../../src/model/planning-report';
import type { RowFacts } from '../../../src/model/report';
import { DEFAULT_THRESHOLDS } from '../../../src/model/status';
import { workbookFromPlan } from '../../../src/model/workbook';

const old = workbookFromPlan(LANXI_2021_2025, 'old', new Date(2026, 0, 1));
const INFANT = old.indicators.find((r) => r.name === '婴儿死亡率')!;
INFANT.values = { 2020: 6, 2021: 5.7, 2022: 5.5, 2023: 5.2, 2024: 5 };
const HIGH_SCHOOL = old.indicators.find((r) => r.name === '高中阶段毛入学率')!;
HIGH_SCHOOL.values = { 2020: 95, 2021: 95.1, 2022: 95.2, 2023: 95.3, 2024: 95.4 };
const next = makeNextPlan(old, { id: 'n', title: '十五五', baseYear: 2025, targetYear: 2030 }, new Date());

const facts = (code: string, projected: number | null = null): RowFacts => ({
  indicator: next.indicators.find((r) => r.code === code)!,
  projected,
  gap: null,
  status: null,
});

describe('目标测算表: the sheet the next plan’s targets are drafted from', () => {
  it('a target still the previous one is said to be carried over, waiting to be chosen', () => {
    const infant = next.indicators.find((r) => r.code === INFANT.code)!;
    expect(isCarriedOver(infant)).toBe(true);
    const sheet = buildPlanningReport('十五五', [facts(INFANT.code, 3.9)], DEFAULT_THRESHOLDS);
    expect(sheet.title).toBe('十五五目标测算表');
    expect(sheet.areas[0]!.rows[0]).toMatchObject({
      code: INFANT.code,
      latest: '5‰（2024年）',
      previous: '<5‰（2025年）',
      trend: '3.9‰',
      target: '<5‰（以下）',
      verdict: '沿用上期目标，待确定',
    });
    expect(sheet.summary).toBe('1项指标中，已设定新目标的0项，仍沿用上期目标、待确定的1项');
  });

  it('a carried-over target the committee decided to keep reads as decided, and is counted among the decided rows', () => {
    // 全覆盖 targets are rightly kept as they are.
    const full = next.indicators.find((r) => r.target.kind === 'full')!;
    const kept = { ...full, previousTargetKept: true as const };
    expect(isCarriedOver(kept)).toBe(true);
    expect(isKeptTarget(kept)).toBe(true);
    expect(isKeptTarget(full)).toBe(false);
    const sheet = buildPlanningReport(
      '十五五',
      [{ ...facts(full.code), indicator: kept }, facts(HIGH_SCHOOL.code, 96)],
      DEFAULT_THRESHOLDS,
    );
    const lines = sheet.areas.flatMap((a) => a.rows);
    expect(lines.find((l) => l.code === full.code)!.verdict).toBe('沿用上期目标（已确定）');
    expect(lines.find((l) => l.code === HIGH_SCHOOL.code)!.verdict).toBe('沿用上期目标，待确定');
    expect(sheet.summary).toBe(
      '2项指标中，已设定新目标的1项（其中确定沿用上期目标1项），仍沿用上期目标、待确定的1项',
    );
  });

  it('a new target met only after the base year reads 已达到新目标, not 偏保守, and is not counted as 偏保守', () => {
    // Made-up figures: 2025 at 5.1‰ misses <5‰, 2027 at 4.6‰ meets it.
    const infant = next.indicators.find((r) => r.code === INFANT.code)!;
    const later = {
      ...infant,
      target: { ...infant.target, value: 4.8 },
      values: { ...infant.values, 2025: 5.1, 2026: 4.9, 2027: 4.6 },
    };
    const sheet = buildPlanningReport(
      '十五五',
      [{ ...facts(INFANT.code, 4), indicator: later }],
      DEFAULT_THRESHOLDS,
    );
    const line = sheet.areas[0]!.rows[0]!;
    expect(line.verdict).toBe('已达到新目标');
    expect(line.note).toBe(
      '2027年已为 4.6‰，提前达到新目标 <4.8‰；2025年为 5.1‰，尚未达到，目标并不偏保守，需保持至2030年。',
    );
    expect(sheet.summary).toBe('1项指标中，已设定新目标的1项，仍沿用上期目标、待确定的0项');
  });

  it('a kept target that is already met says so beside 已确定, and is counted as 偏保守', () => {
    const infant = next.indicators.find((r) => r.code === INFANT.code)!;
    // Kept at <5.5‰ (made-up test figures): the trend is already under it by the base year.
    const old55 = { ...infant.target, value: 5.5 };
    const kept = {
      ...infant,
      target: old55,
      previousTarget: { ...old55, targetYear: 2025 },
      previousTargetKept: true as const,
    };
    const sheet = buildPlanningReport(
      '十五五',
      [{ ...facts(INFANT.code, 3.9), indicator: kept }],
      DEFAULT_THRESHOLDS,
    );
    expect(sheet.areas[0]!.rows[0]!.verdict).toBe('沿用上期目标（已确定），偏保守');
    expect(sheet.summary).toBe(
      '1项指标中，已设定新目标的1项（其中确定沿用上期目标1项，偏保守1项，可能难以实现0项），仍沿用上期目标、待确定的0项',
    );
  });

  it('a mark left on a row whose target has since been changed does not make it read as kept', () => {
    const infant = next.indicators.find((r) => r.code === INFANT.code)!;
    const changed = { ...infant, target: { ...infant.target, value: 4 }, previousTargetKept: true as const };
    expect(isKeptTarget(changed)).toBe(false);
    const sheet = buildPlanningReport(
      '十五五',
      [{ ...facts(INFANT.code, 3.9), indicator: changed }],
      DEFAULT_THRESHOLDS,
    );
    expect(sheet.areas[0]!.rows[0]!.verdict).not.toContain('沿用上期目标');
    expect(sheet.summary).not.toContain('确定沿用');
  });

  it('a new target turned round against the previous one (婴儿死亡率 4.5‰以上) is said, and counted apart', () => {
    const infant = next.indicators.find((r) => r.code === INFANT.code)!;
    const reversed = {
      ...infant,
      target: { kind: 'lower' as const, comparator: '≥' as const, wording: '以上', value: 4.5 },
    };
    const sheet = buildPlanningReport(
      '十五五',
      [{ ...facts(INFANT.code, 3.9), indicator: reversed }],
      DEFAULT_THRESHOLDS,
    );
    const line = sheet.areas[0]!.rows[0]!;
    expect(line.verdict).toBe('方向与上期目标相反');
    expect(line.note).toContain('与上期目标 <5‰（2025年）的方向（降低）相反');
    expect(sheet.summary).toBe(
      '1项指标中，已设定新目标的1项（其中方向与上期目标相反1项），仍沿用上期目标、待确定的0项',
    );
  });

  it('a new target is judged: too timid when the trend already meets it, out of reach beyond any pace seen', () => {
    const rows = [
      {
        ...facts(INFANT.code, 3.9),
        indicator: { ...facts(INFANT.code).indicator, target: { ...INFANT.target, value: 5.5 } },
      },
      {
        ...facts(HIGH_SCHOOL.code, 98),
        indicator: { ...facts(HIGH_SCHOOL.code).indicator, target: { ...HIGH_SCHOOL.target, value: 99.9 } },
      },
      facts(next.indicators.find((r) => r.name === '新生儿死亡率')!.code),
    ];
    const sheet = buildPlanningReport('十五五', rows, DEFAULT_THRESHOLDS);
    const lines = sheet.areas.flatMap((a) => a.rows);
    expect(lines.map((l) => [l.code, l.verdict])).toEqual(
      expect.arrayContaining([
        [INFANT.code, '偏保守'],
        [HIGH_SCHOOL.code, '可能难以实现'],
      ]),
    );
    expect(lines.find((l) => l.code === INFANT.code)!.note).toContain('目标偏保守');
    expect(sheet.summary).toBe(
      '3项指标中，已设定新目标的2项（其中偏保守1项，可能难以实现1项），仍沿用上期目标、待确定的1项',
    );
  });

  it('a 左右 band the trend runs out of is said so, even when the new target is set', () => {
    const band = next.indicators.find((r) => r.target.kind === 'around')!;
    const row: RowFacts = {
      indicator: {
        ...band,
        target: { ...band.target, value: 91 },
        values: { 2020: 86.5, 2021: 88, 2022: 91.2, 2023: 93.5, 2024: 94.8, 2025: 91 },
      },
      projected: 97.4,
      gap: null,
      status: null,
    };
    const sheet = buildPlanningReport('十五五', [row], DEFAULT_THRESHOLDS);
    expect(sheet.areas[0]!.rows[0]).toMatchObject({ verdict: '按趋势将越出范围' });
    expect(sheet.areas[0]!.rows[0]!.note).toContain('将超出范围');
    // And counted in the summary the committee reads first, beside 偏保守 and 可能难以实现 (it was left out: one
    // decided target with a warning read as a clean sheet).
    expect(sheet.summary).toBe(
      '1项指标中，已设定新目标的1项（其中偏保守0项，可能难以实现0项，按趋势将越出范围1项），仍沿用上期目标、待确定的0项',
    );
  });

  it('a count’s trend is shown in whole units, rounded to its target’s worse side; a rate keeps its decimals', () => {
    const byName = (name: string) => next.indicators.find((r) => r.name === name)!;
    const row = (indicator: RowFacts['indicator'], projected: number): RowFacts => ({
      indicator,
      projected,
      gap: null,
      status: null,
    });
    const centre = byName('危重新生儿救治中心数量'); // ≥1 家
    const homes = byName('孤残儿童养护和残疾儿童康复专业服务机构数量'); // ↑ 家
    const runaways = byName('流浪儿童数量'); // ↓ 人
    const sheet = buildPlanningReport(
      '十五五',
      [
        row({ ...centre, values: { 2020: 1, 2021: 1, 2022: 2, 2023: 3 } }, 5.8),
        row({ ...homes, values: { 2020: 2, 2023: 4 } }, 6.9999999999),
        row({ ...runaways, values: { 2020: 9, 2023: 5 } }, 2.2),
        facts(INFANT.code, 3.86),
      ],
      DEFAULT_THRESHOLDS,
    );
    const line = (code: string) => sheet.areas.flatMap((a) => a.rows).find((l) => l.code === code)!;
    // 5.8 家 towards “at least”: 5 are sure, the sixth is still a decision. A hair under 7 is 7.
    expect(line(centre.code).trend).toBe('5 家');
    expect(line(homes.code).trend).toBe('7 家');
    // Fewer is better: 2.2 children projected means up to 3 may still be counted.
    expect(line(runaways.code).trend).toBe('3 人');
    expect(line(INFANT.code).trend).toBe('3.86‰');
    // The assessment beside it says the trend in whole units too (it said “已为 4.5 家”).
    expect(line(centre.code).note).toMatch(/^目标偏保守：按趋势2025年已为 4 家，/);
  });

  it('a row added in the next plan says so instead of a previous target', () => {
    const added: RowFacts = {
      ...facts(INFANT.code),
      indicator: { ...facts(INFANT.code).indicator, code: 'X01', previousTarget: undefined },
    };
    const sheet = buildPlanningReport('十五五', [added], DEFAULT_THRESHOLDS);
    expect(sheet.areas[0]!.rows[0]!.previous).toBe('（本期新增指标）');
    expect(sheet.areas[0]!.rows[0]!.verdict).not.toContain('沿用上期目标');
    expect(sheet.summary).toBe('1项指标中，已设定新目标的0项，仍沿用上期目标、待确定的0项；本期新增指标1项');
    // A row added with no target yet, and no area: said so, apart from the decided ones.
    const empty: RowFacts = {
      ...added,
      indicator: {
        ...added.indicator,
        code: 'X02',
        area: '',
        target: { kind: 'lower', comparator: '≥', wording: '', value: null },
      },
    };
    const withEmpty = buildPlanningReport('十五五', [facts(INFANT.code), empty], DEFAULT_THRESHOLDS);
    expect(withEmpty.summary).toBe(
      '2项指标中，已设定新目标的0项，仍沿用上期目标、待确定的1项；本期新增指标1项（其中目标待定1项）',
    );
    const emptyArea = withEmpty.areas.find((a) => a.area === '（未填领域）');
    expect(emptyArea?.rows[0]).toMatchObject({ code: 'X02', verdict: '新增指标，目标待定' });
  });
});
