/**
 * A row whose target year is over without that year's figure (a department late with its 2025 return, read in
 * 2026). Its status is still the earlier years' — a trend, or 已达标 by the latest figure — and in the grid it reads
 * like the period's verdict beside the rows judged by 2025's own figure (已达标 next to 达标). The report says
 * 待补报2025年数值 for such a row (report.ts, outcomeOf), and 无法判定 for one whose 2025 entry was refused (待核实, kept
 * as typed): the status is then the earlier years' too. This says so where the clerk sees the status, and gives every
 * warning list (the report's, the departments' notices, 预警汇总) the report's words for such a row.
 */
import type { Indicator } from './indicator';
import { seriesOf } from './projection';
import type { Status } from './status';

interface Overdue {
  targetYear: number;
  /** The target year's entry the workbook refused (kept as typed), or null when the cell is empty. */
  refused: string | null;
  /** The years whose figures the status rests on. */
  years: number[];
}

function overdueOf(
  indicator: Pick<Indicator, 'values' | 'targetYear'>,
  status: Status | null,
  currentYear: number,
): Overdue | null {
  const { targetYear } = indicator;
  if (currentYear <= targetYear || status === '公式有误') return null;
  // A figure in: judged by it. An entry refused (kept as typed, marked red) counts for nothing: the status is the
  // earlier years' as when it is missing, and the report says 无法判定 until it is put right.
  const entry = indicator.values[targetYear];
  if (typeof entry === 'number') return null;
  const refused = typeof entry === 'string' && entry.trim() !== '' ? entry : null;
  const { years } = seriesOf(indicator, targetYear);
  return years.length === 0 ? null : { targetYear, refused, years };
}

/** "2020—2024年" or "2024年": the years a status rests on (已达标 on the latest alone). */
function basisYears(years: number[], status: Status | null): string {
  const latest = years.at(-1) ?? 0;
  return status === '已达标' || years.length === 1 ? `${latest}年` : `${years[0]}—${latest}年`;
}

/**
 * Why the status is not the target year's yet (its figure missing, or refused), or null when the target year is not
 * over, its figure is in, or the status says it already. The whole sentence: the row panel's tag's tooltip and the
 * 状态 cell's.
 */
export function overdueFigureNote(
  indicator: Pick<Indicator, 'values' | 'targetYear'>,
  status: Status | null,
  currentYear: number,
): string | null {
  const overdue = overdueOf(indicator, status, currentYear);
  if (!overdue) return null;
  const { targetYear, refused, years } = overdue;
  const basis =
    status === '已达标'
      ? `“已达标”是按${basisYears(years, status)}的数值判断的，不是${targetYear}年的结果；`
      : years.length === 1
        ? `目前只有${years[0]}年一个数值，无法推算；`
        : `“${status ?? '数据不足'}”是按${basisYears(years, status)}数值的趋势推算的，不是${targetYear}年的结果；`;
  return refused === null
    ? `${targetYear}年数值待补报：${basis}收到${targetYear}年数值后，按该数值判定达标或未达标。`
    : `${targetYear}年数值“${refused}”不是可计算的数值，未计入：${basis}改正${targetYear}年数值后，按该数值判定达标或未达标。`;
}

/**
 * The same, short enough to stand beside the row panel's status badge on its line (a line more under the grid
 * left too few rows above it for a dropdown's list): "2025年数值待补报，状态按2020—2024年数值".
 */
export function overdueFigureTag(
  indicator: Pick<Indicator, 'values' | 'targetYear'>,
  status: Status | null,
  currentYear: number,
): string | null {
  const overdue = overdueOf(indicator, status, currentYear);
  if (!overdue) return null;
  const { targetYear, refused, years } = overdue;
  const what = refused === null ? `${targetYear}年数值待补报` : `${targetYear}年数值有误，未计入`;
  return `${what}，状态按${basisYears(years, status)}数值`;
}

/** The status by the latest figures, said as what it rests on ("按2024年数值已达标", "按趋势需加快"). */
export function latestStatusInWords(
  status: Status | null,
  indicator: Pick<Indicator, 'values' | 'targetYear'>,
  year: number,
): string {
  if (status === null || status === '数据不足') return '数据不足，无法预判';
  if (status === '已达标') return `按${seriesOf(indicator, year).years.at(-1) ?? ''}年数值已达标`;
  if (status === '公式有误') return status;
  return `按趋势${status}`;
}

/** What the 终期评估 calls a row whose target year's figure is still to come once that year is over. */
export const awaitedWords = (targetYear: number): string => `待补报${targetYear}年数值`;

/**
 * A row's status as every list prints it once its target year is over without its figure, in the 终期评估's words
 * for the row (report.ts outcomeOf): "待补报2025年数值" and "（按趋势需加快）" beside it, or for a refused entry
 * "无法判定" and "（2025年数值有误，待核实后判定；按趋势需加快）" — a bare 需加快 beside rows 未达标 by 2025's own figure read
 * as the period's verdict. In two parts, as the 终期评估's table prints them (the second under the first, wrapping).
 * Null when the status is the target year's own (or the year is not over).
 */
export function overdueStatusWords(
  indicator: Pick<Indicator, 'values' | 'targetYear'>,
  status: Status | null,
  currentYear: number,
): [string, string] | null {
  const overdue = overdueOf(indicator, status, currentYear);
  if (!overdue) return null;
  const { targetYear, refused } = overdue;
  const latest = latestStatusInWords(status, indicator, targetYear);
  return refused === null
    ? [awaitedWords(targetYear), `（${latest}）`]
    : ['无法判定', `（${targetYear}年数值有误，待核实后判定；${latest}）`];
}
