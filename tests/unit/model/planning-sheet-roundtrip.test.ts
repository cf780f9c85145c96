import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { serializePlanningCsv } from '../../../src/io/csv-export';
import { existingRows, parseImportFile, planImport } from '../../../src/io/csv-import';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';
import { makeNextPlan } from '../../../src/model/planning';
import { buildPlanningReport } from '../../../src/model/planning-report';
import { DEFAULT_THRESHOLDS } from '../../../src/model/status';
import { historyStart, workbookFromPlan, yearColumns } from '../../../src/model/workbook';

// Made-up figures for the test, not statistics.
const old = workbookFromPlan(LANXI_2021_2025, 'old', new Date('2026-01-01T00:00:00Z'));
old.indicators = old.indicators.map((row) =>
  row.name === '婴儿死亡率' ? { ...row, values: { 2020: 6, 2021: 5.7, 2022: 5.5, 2023: 5.2 } } : row,
);
const next = makeNextPlan(old, { id: 'n', title: '草案', baseYear: 2025, targetYear: 2030 }, new Date());
const INFANT = next.indicators.find((r) => r.name === '婴儿死亡率')!;
const PRESCHOOL = next.indicators.find((r) => r.name === '学前教育毛入园率')!;
const MYOPIA = next.indicators.find((r) => r.name === '儿童青少年总体近视率')!;

/** The 目标测算表 file as exported, its lines as cells. */
function exported(): string[][] {
  const sheet = buildPlanningReport(
    '草案',
    next.indicators.map((indicator) => ({ indicator, projected: null }) as never),
    DEFAULT_THRESHOLDS,
  );
  return Papa.parse<string[]>(serializePlanningCsv(sheet, false).replace(/^\uFEFF/, ''), {
    skipEmptyLines: true,
  }).data;
}

function read(lines: string[][], file = '卫健局目标建议.csv') {
  return parseImportFile(
    Papa.unparse(lines, { newline: '\r\n' }),
    file,
    existingRows(next.indicators),
    yearColumns(next),
    'GBK',
    historyStart(next),
  );
}

describe('目标测算表 sent back with proposed targets', () => {
  it('reads 新目标 as the proposed targets of those rows, and nothing else', () => {
    const lines = exported();
    const header = lines[0]!;
    const col = header.indexOf('新目标');
    const lineOf = (code: string) => lines.findIndex((l) => l[1] === code);
    lines[lineOf(INFANT.code)]![col] = '控制在4.5‰以下';
    lines[lineOf(PRESCHOOL.code)]![col] = '98%以上';
    lines[lineOf(MYOPIA.code)]![col] = '在2025年基础上每年降低0.5个百分点以上';
    // A department's own words in 说明 and a figure in 最新值 are not imported.
    lines[lineOf(PRESCHOOL.code)]![header.indexOf('说明')] = '建议适当提高';
    lines[lineOf(PRESCHOOL.code)]![header.indexOf('最新值')] = '97%';
    const parsed = read(lines);
    expect(parsed.issues).toEqual([]);
    expect(parsed.updates).toEqual([]);
    expect(parsed.newRows).toEqual([]);
    expect(parsed.matchedRows).toBe(next.indicators.length);
    const plan = planImport([parsed]);
    // In file order, each at its own line, with the target it replaces.
    expect(plan.targetProposals.map((p) => [p.code, p.line, p.before, p.after])).toEqual([
      [INFANT.code, lineOf(INFANT.code) + 1, '<5‰（以下）', '<4.5‰（控制在…以下）'],
      [MYOPIA.code, lineOf(MYOPIA.code) + 1, '每年降低1个百分点以上', '每年降低0.5个百分点以上'],
      [PRESCHOOL.code, lineOf(PRESCHOOL.code) + 1, '≥97%（保持在…以上）', '≥98%（以上）'],
    ]);
    expect(plan.targetProposals.map((p) => [p.target.value, p.target.yearlyStep ?? null])).toEqual([
      [4.5, null],
      [null, -0.5],
      [98, null],
    ]);
  });

  it('a target kept by decision is written 沿用上期目标（已确定） in 评估, and the sheet sent back leaves the mark alone', () => {
    const FULL = next.indicators.find((r) => r.target.kind === 'full')!;
    const marked = next.indicators.map((r) =>
      r.code === FULL.code ? { ...r, previousTargetKept: true as const } : r,
    );
    const sheet = buildPlanningReport(
      '草案',
      marked.map((indicator) => ({ indicator, projected: null }) as never),
      DEFAULT_THRESHOLDS,
    );
    const lines = Papa.parse<string[]>(serializePlanningCsv(sheet, false).replace(/^\uFEFF/, ''), {
      skipEmptyLines: true,
    }).data;
    const verdictCol = lines[0]!.indexOf('评估');
    expect(lines.find((l) => l[1] === FULL.code)![verdictCol]).toBe('沿用上期目标（已确定）');
    expect(lines.find((l) => l[1] === INFANT.code)![verdictCol]).toBe('沿用上期目标，待确定');
    // Only 新目标 is read: as sent, nothing is proposed, so nothing takes the mark away (nor adds one).
    const parsed = parseImportFile(
      Papa.unparse(lines, { newline: '\r\n' }),
      '目标测算表.csv',
      existingRows(marked),
      yearColumns(next),
      'GBK',
      historyStart(next),
    );
    expect(parsed.issues).toEqual([]);
    expect(planImport([parsed]).targetProposals).toEqual([]);
  });

  it('a sheet sent back unchanged proposes nothing; a target it cannot read is said where it is', () => {
    expect(planImport([read(exported())]).targetProposals).toEqual([]);
    const lines = exported();
    const col = lines[0]!.indexOf('新目标');
    const at = lines.findIndex((l) => l[1] === INFANT.code);
    lines[at]![col] = '尽量低';
    const parsed = read(lines);
    expect(parsed.targetProposals).toEqual([]);
    expect(parsed.issues).toEqual([
      expect.objectContaining({
        line: at + 1,
        column: '新目标',
        message: expect.stringContaining(`${INFANT.code} 婴儿死亡率：新目标未导入`),
      }),
    ]);
  });

  it('two departments proposing different targets for one row: neither is taken, and that is said', () => {
    const a = exported();
    const b = exported();
    const col = a[0]!.indexOf('新目标');
    const at = a.findIndex((l) => l[1] === INFANT.code);
    a[at]![col] = '4.5‰以下';
    b[at]![col] = '4‰以下';
    const plan = planImport([read(a, '甲.csv'), read(b, '乙.csv')]);
    expect(plan.targetProposals).toEqual([]);
    expect(plan.issues.map((i) => i.message)).toEqual([expect.stringContaining('互不相同，未导入')]);
  });

  it('sent back into the 2021–2025 workbook by mistake: refused, and the old plan’s targets stay as they are', () => {
    const lines = exported();
    const col = lines[0]!.indexOf('新目标');
    lines[lines.findIndex((l) => l[1] === INFANT.code)]![col] = '控制在4.5‰以下';
    const parsed = parseImportFile(
      Papa.unparse(lines, { newline: '\r\n' }),
      '卫健局目标建议.csv',
      existingRows(old.indicators),
      yearColumns(old),
    );
    expect(planImport([parsed]).targetProposals).toEqual([]);
    expect(parsed.issues.map((i) => i.message)).toEqual([
      expect.stringContaining('是目标年为2030年的规划的目标测算表，本工作簿的目标年为2025年'),
    ]);
  });
});
