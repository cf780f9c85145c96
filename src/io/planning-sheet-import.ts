/**
 * A 目标测算表 sent back: the sheet exported from a next plan's report (serializePlanningCsv), in which a department
 * wrote the targets it proposes in 新目标, and in 确定沿用 whether a previous target is kept by decision. Only those
 * two columns are read — the others are the sheet's own figures and words, written for reading — and a proposal is
 * kept only when it reads as a target of its row and differs from the row's target now, or changes its tick.
 */
import { toHalfWidth } from '../model/entry';
import type { Target } from '../model/indicator';
import { describePreviousTarget, periodOrderProblem, targetReversal } from '../model/planning';
import { baseYearBeforeYears, baseYearPastFigures } from '../model/workbook';
import { KEPT_VERDICT, readKeptMark } from '../model/planning-report';
import { describeTarget, parseTargetText } from '../model/target-text';
import { implausibleTarget, implausibleYearlyStep } from '../model/plausibility';
import type { ExistingRow, ImportIssue, ImportQuestion } from './csv-import';

export interface TargetProposal {
  file: string;
  /** Row number as Excel shows it. */
  line: number;
  code: string;
  name: string;
  /** The row's target now, as the grid's 目标 shows it. */
  before: string;
  /** The proposal as the department wrote it ('' when it proposes no new target), and as the grid will show it. */
  written: string;
  after: string;
  /** The new target; null when the line changes only 确定沿用. */
  target: Target | null;
  /**
   * 确定沿用 before and after 应用: after is false whenever the target will no longer be the previous one (a new
   * target takes the tick off, as typing it would).
   */
  keptBefore: boolean;
  keptAfter: boolean;
  /**
   * The row's 责任单位, when the sheet came from another department (named by the file, or the one most of its
   * proposals are for): said in the preview, to be checked with the department that answers for the row.
   */
  otherDepartment?: string;
}

/** How many 确定沿用 ticks proposals put on and take off: said in the preview and in the 已导入 notice alike. */
export function tickChanges(proposals: readonly TargetProposal[]): { on: number; off: number } {
  let on = 0;
  let off = 0;
  for (const t of proposals) {
    if (t.keptAfter && !t.keptBefore) on += 1;
    else if (t.keptBefore && !t.keptAfter) off += 1;
  }
  return { on, off };
}

export interface PlanningSheet {
  proposals: TargetProposal[];
  issues: ImportIssue[];
  /** Proposed targets far from the row's target, previous target or figures: proposed, and to be checked (请核实). */
  questions: ImportQuestion[];
  /** Lines matched to a row of the workbook. */
  matched: number;
}

const key = (text: string | undefined) =>
  toHalfWidth(text ?? '')
    .replace(/[\s\uFEFF]+/g, '')
    .toLowerCase();

/** Our export escapes a leading = + - @ with ' (csv-export escapeFormula): taken off again. */
const cell = (text: string | undefined) => (text ?? '').trim().replace(/^'(?=[=+\-@])/, '');

function sameTarget(a: Target, b: Target): boolean {
  return (
    a.kind === b.kind &&
    a.comparator === b.comparator &&
    a.value === b.value &&
    (a.yearlyStep ?? null) === (b.yearlyStep ?? null)
  );
}

/**
 * The sheet's lines read, or null when the file is not a 目标测算表 (no header with 代码 and 新目标 among its first
 * lines): such a file is read as any other.
 */
export function readPlanningSheet(
  rows: readonly string[][],
  file: string,
  byCode: ReadonlyMap<string, readonly ExistingRow[]>,
  targetYear: number,
  /** The workbook's year columns, and its history years' start (model/workbook historyYearsFrom; null in a plan). */
  years: readonly number[] = [],
  historyFrom: number | null = null,
): PlanningSheet | null {
  const headerIndex = rows.slice(0, 5).findIndex((row) => {
    const keys = row.map(key);
    return keys.includes('新目标') && keys.includes('代码');
  });
  if (headerIndex < 0) return null;
  const header = (rows[headerIndex] ?? []).map(key);
  const codeCol = header.indexOf('代码');
  const nameCol = header.indexOf('指标');
  const targetCol = header.indexOf('新目标');
  // A sheet exported before 确定沿用 was in it has no such column: its ticks are left as they are.
  const keptCol = header.indexOf('确定沿用');
  const verdictCol = header.indexOf('评估');
  const sheet: PlanningSheet = { proposals: [], issues: [], questions: [], matched: 0 };
  const issue = (line: number, column: string | null, message: string) =>
    sheet.issues.push({ file, line, column, message });
  // The sheet names its target year (按趋势2030年): sent back into another plan's workbook — the old plan's, opened by
  // mistake — its proposals would replace that plan's targets.
  const trendHeader = (rows[headerIndex] ?? []).find((h) => /^按趋势\d{4}年$/.test(key(h)));
  const sheetYear = trendHeader ? Number(/\d{4}/.exec(key(trendHeader))?.[0]) : null;
  if (sheetYear !== null && sheetYear !== targetYear) {
    issue(
      headerIndex + 1,
      trendHeader?.trim() ?? null,
      `本文件是目标年为${sheetYear}年的规划的目标测算表，本工作簿的目标年为${targetYear}年，未导入任何目标：` +
        `请打开${sheetYear}年为目标年的规划工作簿后再导入。`,
    );
    return sheet;
  }
  const baseYearProblem = (baseYear: number, row: ExistingRow): string | null => {
    if (baseYear >= row.targetYear) return periodOrderProblem(baseYear, row.targetYear);
    if (baseYear > row.baseYear) return baseYearPastFigures(baseYear, row.values, historyFrom);
    const firstColumn = years[0];
    return firstColumn === undefined ? null : baseYearBeforeYears(baseYear, firstColumn);
  };
  const seen = new Map<string, number>();
  rows.forEach((row, index) => {
    if (index <= headerIndex || row.every((c) => c.trim() === '')) return;
    const line = index + 1;
    const code = toHalfWidth(cell(row[codeCol])).replace(/\s+/g, '').toUpperCase();
    const written = cell(row[targetCol]);
    const existing = code ? byCode.get(code)?.[0] : undefined;
    if (!existing) {
      // A line without a code, or a new indicator written in: this sheet proposes targets of the workbook's rows.
      // Most often a row the office removed from the plan after sending the sheet: named, and said as such (it
      // read as a new indicator to add).
      const named = nameCol >= 0 ? cell(row[nameCol]) : '';
      if (written !== '')
        issue(
          line,
          '代码',
          `代码“${code || '（空）'}”${named ? `（${named}）` : ''}不是本工作簿的指标（可能已从本工作簿删除，或代码有误），` +
            `该行的新目标“${written}”未导入：已删除的指标无需处理；代码有误的，请核对后重新导入；` +
            '新增指标请在表格中“新增指标”后填写。',
        );
      return;
    }
    const first = seen.get(existing.code);
    if (first !== undefined) {
      issue(line, '代码', `${existing.code} 在第 ${first} 行已出现，本行未导入：请删去重复的行后再导入。`);
      return;
    }
    seen.set(existing.code, line);
    sheet.matched += 1;
    const before = describeTarget(existing);
    // Left empty, or as the sheet was sent: no new target.
    let target: Target | null = null;
    if (written !== '' && written !== before) {
      const read = parseTargetText(written, existing.unit, existing.name);
      if (!read.ok) {
        issue(line, '新目标', `${existing.code} ${existing.name}：新目标未导入，${read.message}`);
        return;
      }
      // The base year a "在…年基础上" names, refused as the grid refuses it typed into 目标: said here at its line,
      // not listed as a proposal that 应用 would then leave unwritten.
      const baseProblem = read.baseYear === undefined ? null : baseYearProblem(read.baseYear, existing);
      if (baseProblem !== null) {
        issue(line, '新目标', `${existing.code} ${existing.name}：新目标未导入，${baseProblem}`);
        return;
      }
      // 以上 written for 以下: the grid flags such a target typed there (目标评估 ⚠ 方向相反); from a department's
      // sheet it is refused, as a slip to be checked with them, rather than written into 目标 by 应用.
      const reversal = targetReversal({ ...existing, target: read.target });
      if (reversal !== null) {
        issue(line, '新目标', `${existing.code} ${existing.name}：新目标未导入，${reversal}`);
        return;
      }
      if (!sameTarget(read.target, existing.target)) target = read.target;
      // A digit too many (控制在45‰以下 for 4.5‰), 每年降低15个百分点: questioned as typed into 目标 in the grid
      // (taken, and to be checked with the department), not written in unsaid.
      const odd = target ? implausibleProposal(target, read.baseYear, existing, years) : null;
      if (odd && target)
        sheet.questions.push({
          file,
          line,
          column: '新目标',
          code: existing.code,
          name: existing.name,
          value: target.kind === 'yearly-change' ? (target.yearlyStep ?? 0) : (target.value ?? 0),
          message: `${existing.code} ${existing.name}（新目标“${written}”）：${odd}`,
        });
    }
    const after = target ? describeTarget({ target, unit: existing.unit }) : before;
    const previous = existing.previousTarget;
    const keptBefore =
      existing.previousTargetKept === true && previous !== undefined && sameTarget(existing.target, previous);
    const carriedAfter = previous !== undefined && sameTarget(target ?? existing.target, previous);
    let wanted = keptBefore;
    if (keptCol >= 0) {
      const mark = cell(row[keptCol]);
      const ticked = readKeptMark(mark);
      if (ticked === null) {
        issue(
          line,
          '确定沿用',
          `${existing.code} ${existing.name}：“确定沿用”中的“${mark}”无法识别，本行未导入：` +
            '研究决定沿用上期目标的填“已确定”（或“是”“√”），否则留空。',
        );
        return;
      }
      // Only a tick the department changed is its decision: left as the sheet was sent (its 评估 says whether
      // the row was kept then), it leaves the workbook's own — which the office may have ticked since.
      const sentKept = verdictCol >= 0 ? cell(row[verdictCol]).startsWith(KEPT_VERDICT) : keptBefore;
      if (ticked !== sentKept) wanted = ticked;
      if (ticked && ticked !== sentKept && !carriedAfter) {
        issue(
          line,
          '确定沿用',
          previous === undefined
            ? `${existing.code} ${existing.name}：本期新增的指标没有上期目标可沿用，“确定沿用”应留空，本行未导入。`
            : `${existing.code} ${existing.name}：填了“确定沿用”，但新目标“${after}”与上期目标` +
                `“${describePreviousTarget(previous, existing.unit)}”不同，本行未导入：` +
                '沿用上期目标的请把新目标改回上期目标，采用新目标的请清空“确定沿用”。',
        );
        return;
      }
    }
    const keptAfter = wanted && carriedAfter;
    if (target === null && keptAfter === keptBefore) return;
    const name = nameCol >= 0 ? cell(row[nameCol]) : '';
    sheet.proposals.push({
      file,
      line,
      code: existing.code,
      name: name || existing.name,
      before,
      written: target ? written : '',
      after,
      target,
      keptBefore,
      keptAfter,
    });
  });
  markOtherDepartments(sheet.proposals, file, byCode);
  return sheet;
}

/** What implausibleTarget or implausibleYearlyStep says of a proposed target on its row, or null. */
function implausibleProposal(
  target: Target,
  namedBaseYear: number | undefined,
  row: ExistingRow,
  years: readonly number[],
): string | null {
  if (target.kind === 'yearly-change')
    return target.yearlyStep === undefined
      ? null
      : implausibleYearlyStep(row.unit, target.yearlyStep, {
          baseYear: namedBaseYear ?? row.baseYear,
          targetYear: row.targetYear,
          values: row.values,
          years: [...years],
          currentStep: row.target.yearlyStep ?? null,
          rowName: row.name,
        });
  if (target.value === null || target.kind === 'direction') return null;
  return (
    implausibleTarget(
      row.unit,
      target.value,
      {
        values: row.values,
        years: [...years],
        currentTarget: row.target.value,
        previousTarget: row.previousTarget?.value ?? null,
      },
      row.name,
    )?.message ?? null
  );
}

/**
 * The department a sheet sent back comes from: the one of the proposals' rows that the file's name names (in full,
 * or without its 市: 卫健局目标建议.csv), else the one more than half of the proposals are for. Each proposal for a
 * row another department answers for is marked with that department: every department is sent the whole sheet,
 * and 卫健局 proposing 学前教育毛入园率's target went in unsaid.
 */
function markOtherDepartments(
  proposals: TargetProposal[],
  file: string,
  byCode: ReadonlyMap<string, readonly ExistingRow[]>,
): void {
  const departmentOf = (p: TargetProposal) => byCode.get(p.code)?.[0]?.department ?? '';
  const departments = proposals.map(departmentOf).filter((d) => d !== '');
  const named = new Set(
    departments.filter((d) => {
      const short = d.replace(/^市/, '');
      return file.includes(d) || (short.length >= 2 && file.includes(short));
    }),
  );
  let sender = named.size === 1 ? [...named][0] : undefined;
  if (sender === undefined) {
    const counts = new Map<string, number>();
    for (const d of departments) counts.set(d, (counts.get(d) ?? 0) + 1);
    const [most, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    if (most && count * 2 > proposals.length) sender = most;
  }
  if (sender === undefined) return;
  for (const proposal of proposals) {
    const department = departmentOf(proposal);
    // A row without a 责任单位 is nobody else's.
    if (department && department !== sender) proposal.otherDepartment = department;
  }
}
