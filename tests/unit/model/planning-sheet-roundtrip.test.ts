import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { serializePlanningCsv } from '../../../src/io/csv-export';
import { existingRows, parseImportFile, planImport } from '../../../src/io/csv-import';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';
import type { Indicator } from '../../../src/model/indicator';
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

function read(lines: string[][], file = '卫健局目标建议.csv', rows: Indicator[] = next.indicators) {
  return parseImportFile(
    Papa.unparse(lines, { newline: '\r\n' }),
    file,
    existingRows(rows),
    yearColumns(next),
    'GBK',
    historyStart(next),
  );
}

/** The sheet of `rows` as exported, its lines as cells. */
function exportedOf(rows: Indicator[]): string[][] {
  const sheet = buildPlanningReport(
    '草案',
    rows.map((indicator) => ({ indicator, projected: null }) as never),
    DEFAULT_THRESHOLDS,
  );
  return Papa.parse<string[]>(serializePlanningCsv(sheet, false).replace(/^\uFEFF/, ''), {
    skipEmptyLines: true,
  }).data;
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
    expect(plan.targetProposals.map((p) => [p.target?.value, p.target?.yearlyStep ?? null])).toEqual([
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

  it('a new target turned round against the previous one (4.5‰以上 for 婴儿死亡率) is not imported, and said where', () => {
    const lines = exported();
    const col = lines[0]!.indexOf('新目标');
    const at = lines.findIndex((l) => l[1] === INFANT.code);
    const other = lines.findIndex((l) => l[1] === PRESCHOOL.code);
    lines[at]![col] = '4.5‰以上';
    lines[other]![col] = '98%以上';
    const parsed = read(lines);
    expect(parsed.targetProposals?.map((p) => p.code)).toEqual([PRESCHOOL.code]);
    expect(parsed.issues).toEqual([
      {
        file: '卫健局目标建议.csv',
        line: at + 1,
        column: '新目标',
        message:
          `${INFANT.code} 婴儿死亡率：新目标未导入，新目标 ≥4.5‰（以上）要求不低于目标值，与上期目标 <5‰（2025年）的方向（降低）相反：` +
          '请核对“以上”“以下”是否写反；确需改变方向的，请核实指标的统计口径。',
      },
    ]);
  });

  it('a department’s sheet proposing a target for a row another department answers for: that proposal says whose row it is', () => {
    const lines = exported();
    const header = lines[0]!;
    expect(header.indexOf('责任单位')).toBe(header.indexOf('指标') + 1);
    const col = header.indexOf('新目标');
    const lineOf = (code: string) => lines.findIndex((l) => l[1] === code);
    expect(lines[lineOf(PRESCHOOL.code)]![header.indexOf('责任单位')]).toBe('市教育局');
    lines[lineOf(INFANT.code)]![col] = '控制在4.5‰以下';
    lines[lineOf(PRESCHOOL.code)]![col] = '98%以上';
    // Named by the file (卫健局…): its own row is its proposal; 学前教育毛入园率 is 市教育局's.
    const named = planImport([read(lines, '卫健局目标建议.csv')]).targetProposals;
    expect(named.map((p) => [p.code, p.otherDepartment ?? null])).toEqual([
      [INFANT.code, null],
      [PRESCHOOL.code, '市教育局'],
    ]);
    // A name that names no department: the department most of the proposals are for is taken as the sender.
    const NEWBORN = next.indicators.find((r) => r.name === '新生儿死亡率')!;
    lines[lineOf(NEWBORN.code)]![col] = '控制在2.5‰以下';
    const unnamed = planImport([read(lines, '目标建议（回复）.csv')]).targetProposals;
    expect(unnamed.map((p) => [p.code, p.otherDepartment ?? null])).toEqual([
      [NEWBORN.code, null],
      [INFANT.code, null],
      [PRESCHOOL.code, '市教育局'],
    ]);
    // A sheet exported before it had 责任单位 reads as before (columns are found by their headers).
    const older = lines.map((l) => l.filter((_, i) => i !== header.indexOf('责任单位')));
    expect(planImport([read(older, '卫健局目标建议.csv')]).targetProposals.map((p) => p.code)).toEqual([
      NEWBORN.code,
      INFANT.code,
      PRESCHOOL.code,
    ]);
    // One proposal, from a file naming nobody: whose it is cannot be told, and nothing is said.
    const one = exported();
    one[lineOf(PRESCHOOL.code)]![col] = '98%以上';
    expect(planImport([read(one, '目标建议.csv')]).targetProposals[0]!.otherDepartment).toBeUndefined();
  });

  it('a proposed target far from the previous one or the figures is proposed and questioned (请核实), as typed in the grid', () => {
    const lines = exported();
    const col = lines[0]!.indexOf('新目标');
    const lineOf = (code: string) => lines.findIndex((l) => l[1] === code);
    // A digit too many (45‰ for 4.5‰, against <5‰ and figures of 5.2‰); 每年降低15个百分点 on 近视率 (was 1).
    lines[lineOf(INFANT.code)]![col] = '控制在45‰以下';
    lines[lineOf(MYOPIA.code)]![col] = '每年降低15个百分点';
    lines[lineOf(PRESCHOOL.code)]![col] = '98%以上';
    const parsed = read(lines);
    expect(parsed.issues).toEqual([]);
    expect(parsed.targetProposals?.map((p) => p.code)).toEqual([INFANT.code, MYOPIA.code, PRESCHOOL.code]);
    expect(parsed.questions).toEqual([
      expect.objectContaining({
        file: '卫健局目标建议.csv',
        line: lineOf(INFANT.code) + 1,
        column: '新目标',
        code: INFANT.code,
        value: 45,
        message: `${INFANT.code} 婴儿死亡率（新目标“控制在45‰以下”）：目标值为45‰，是原目标（5‰）的约10倍。单位可能有误：原目标为5‰，本次为45，可能按万分率（每万人）填写了，或多写了一位数字。`,
      }),
      expect.objectContaining({
        line: lineOf(MYOPIA.code) + 1,
        column: '新目标',
        code: MYOPIA.code,
        value: -15,
        message: expect.stringContaining(
          '（新目标“每年降低15个百分点”）：每年变化为每年降低15个百分点，是原每年变化（',
        ),
      }),
    ]);
  });

  it('a row removed from the plan after the sheet was sent: its line is said by name, as removed or a wrong code', () => {
    const lines = exported();
    const REMOVED = next.indicators.at(-1)!;
    const at = lines.findIndex((l) => l[1] === REMOVED.code);
    const kept = next.indicators.filter((r) => r.code !== REMOVED.code);
    const parsed = read(lines, '卫健局目标建议.csv', kept);
    expect(parsed.targetProposals).toEqual([]);
    // It read 新增指标请在表格中“新增指标”后填写 alone: as if the office had to add the row it had just removed.
    expect(parsed.issues).toEqual([
      {
        file: '卫健局目标建议.csv',
        line: at + 1,
        column: '代码',
        message:
          `代码“${REMOVED.code}”（${REMOVED.name}）不是本工作簿的指标（可能已从本工作簿删除，或代码有误），` +
          `该行的新目标“${lines[at]![lines[0]!.indexOf('新目标')]!.replace(/^'/, '')}”未导入：已删除的指标无需处理；` +
          '代码有误的，请核对后重新导入；新增指标请在表格中“新增指标”后填写。',
      },
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

describe('目标测算表 sent back: 确定沿用 goes both ways', () => {
  const FULL = next.indicators.filter((r) => r.target.kind === 'full');
  const KEPT = FULL[0]!;
  const TO_KEEP = FULL[1]!;
  const ALSO = FULL[2]!;
  const CHANGED = PRESCHOOL;
  /** KEPT ticked, CHANGED's target no longer the previous one, everything else 待确定. */
  const rows: Indicator[] = next.indicators.map((r) =>
    r.code === KEPT.code
      ? { ...r, previousTargetKept: true as const }
      : r.code === CHANGED.code
        ? { ...r, target: { ...r.target, value: 98 } }
        : r,
  );
  const sheet = () => exportedOf(rows);
  const at = (lines: string[][], code: string) => lines.findIndex((l) => l[1] === code);

  it('the exported sheet has a 确定沿用 column: 已确定, empty while 待确定, — where no previous target is kept', () => {
    const lines = sheet();
    expect(lines[0]).toEqual([
      '领域',
      '代码',
      '指标',
      '责任单位',
      '最新值',
      '上期目标',
      '按趋势2030年',
      '新目标',
      '确定沿用',
      '评估',
      '说明',
    ]);
    const col = lines[0]!.indexOf('确定沿用');
    expect(lines[at(lines, KEPT.code)]![col]).toBe('已确定');
    expect(lines[at(lines, TO_KEEP.code)]![col]).toBe('');
    expect(lines[at(lines, CHANGED.code)]![col]).toBe('—');
  });

  it('ticks a department puts on, in the words the grid takes, and one it takes off, are proposed (nothing else)', () => {
    const lines = sheet();
    const col = lines[0]!.indexOf('确定沿用');
    lines[at(lines, TO_KEEP.code)]![col] = '√';
    lines[at(lines, ALSO.code)]![col] = '是';
    lines[at(lines, KEPT.code)]![col] = '';
    const parsed = read(lines, '卫健局目标建议.csv', rows);
    expect(parsed.issues).toEqual([]);
    const plan = planImport([parsed]);
    expect(
      plan.targetProposals.map((p) => [p.code, p.line, p.target, p.keptBefore, p.keptAfter]).sort(),
    ).toEqual(
      [
        [KEPT.code, at(lines, KEPT.code) + 1, null, true, false],
        [TO_KEEP.code, at(lines, TO_KEEP.code) + 1, null, false, true],
        [ALSO.code, at(lines, ALSO.code) + 1, null, false, true],
      ].sort(),
    );
  });

  it('a new target on a ticked row takes the tick off, and the proposal says so', () => {
    const lines = sheet();
    lines[at(lines, KEPT.code)]![lines[0]!.indexOf('新目标')] = '95%以上';
    const plan = planImport([read(lines, '卫健局目标建议.csv', rows)]);
    expect(plan.issues).toEqual([]);
    expect(plan.targetProposals.map((p) => [p.code, p.after, p.keptBefore, p.keptAfter])).toEqual([
      [KEPT.code, '≥95%（以上）', true, false],
    ]);
  });

  it('a tick left as the sheet was sent changes nothing, even when the workbook was ticked since', () => {
    // Sent before the committee ticked TO_KEEP in the grid: the department's empty cell is no decision.
    const sentBefore = sheet();
    const since = rows.map((r) =>
      r.code === TO_KEEP.code ? { ...r, previousTargetKept: true as const } : r,
    );
    expect(planImport([read(sentBefore, '卫健局目标建议.csv', since)]).targetProposals).toEqual([]);
  });

  it('a 确定沿用 it cannot read, or a tick beside a new target, is said where it is and its line is not imported', () => {
    const lines = sheet();
    const col = lines[0]!.indexOf('确定沿用');
    const targetCol = lines[0]!.indexOf('新目标');
    lines[at(lines, TO_KEEP.code)]![col] = '同意';
    lines[at(lines, TO_KEEP.code)]![targetCol] = '95%以上';
    lines[at(lines, ALSO.code)]![col] = '已确定';
    lines[at(lines, ALSO.code)]![targetCol] = '95%以上';
    const parsed = read(lines, '卫健局目标建议.csv', rows);
    expect(parsed.targetProposals).toEqual([]);
    expect(parsed.issues).toEqual([
      {
        file: '卫健局目标建议.csv',
        line: at(lines, TO_KEEP.code) + 1,
        column: '确定沿用',
        message:
          `${TO_KEEP.code} ${TO_KEEP.name}：“确定沿用”中的“同意”无法识别，本行未导入：` +
          '研究决定沿用上期目标的填“已确定”（或“是”“√”），否则留空。',
      },
      {
        file: '卫健局目标建议.csv',
        line: at(lines, ALSO.code) + 1,
        column: '确定沿用',
        message:
          `${ALSO.code} ${ALSO.name}：填了“确定沿用”，但新目标“≥95%（以上）”与上期目标“=100%（${ALSO.targetYear - 5}年）”不同，本行未导入：` +
          '沿用上期目标的请把新目标改回上期目标，采用新目标的请清空“确定沿用”。',
      },
    ]);
  });

  it('two files that disagree on a tick take neither, and say which lines to settle', () => {
    const a = sheet();
    const b = sheet();
    const col = a[0]!.indexOf('确定沿用');
    a[at(a, TO_KEEP.code)]![col] = '是';
    const plan = planImport([read(a, '甲.csv', rows), read(b, '乙.csv', rows)]);
    // 乙 left the sheet as sent: it proposes nothing, so 甲's tick stands.
    expect(plan.targetProposals.map((p) => [p.code, p.keptAfter])).toEqual([[TO_KEEP.code, true]]);
    b[at(b, TO_KEEP.code)]![b[0]!.indexOf('新目标')] = '95%以上';
    const disagreeing = planImport([read(a, '甲.csv', rows), read(b, '乙.csv', rows)]);
    expect(disagreeing.targetProposals).toEqual([]);
    expect(disagreeing.issues).toEqual([
      expect.objectContaining({
        file: '甲.csv',
        line: at(a, TO_KEEP.code) + 1,
        column: '新目标',
        message: expect.stringContaining(
          `“甲.csv”第 ${at(a, TO_KEEP.code) + 1} 行为“=100%（全覆盖）”（确定沿用），“乙.csv”第 ${at(b, TO_KEEP.code) + 1} 行为“95%以上”，互不相同，未导入`,
        ),
      }),
    ]);
  });
});

describe('目标测算表: a base year the grid would refuse', () => {
  it('“在…年基础上” before the workbook’s first year column is not proposed, and said at its line and column', () => {
    const lines = exported();
    const col = lines[0]!.indexOf('新目标');
    const lineOf = (code: string) => lines.findIndex((l) => l[1] === code);
    const first = yearColumns(next)[0]!;
    lines[lineOf(MYOPIA.code)]![col] = `在${first - 1}年基础上每年降低0.5个百分点以上`;
    lines[lineOf(INFANT.code)]![col] = '控制在4.5‰以下';
    const parsed = read(lines);
    const plan = planImport([parsed]);
    expect(plan.targetProposals.map((p) => p.code)).toEqual([INFANT.code]);
    expect(parsed.issues.map((i) => [i.file, i.line, i.column, i.message])).toEqual([
      [
        '卫健局目标建议.csv',
        lineOf(MYOPIA.code) + 1,
        '新目标',
        `${MYOPIA.code} ${MYOPIA.name}：新目标未导入，本工作簿的年份从${first}年起，基期年不能早于${first}年` +
          `（没有${first - 1}年的列，无法填写基期数值）。请填写${first}年或以后的年份。`,
      ],
    ]);
  });
});
