/**
 * A row whose target year is over without that year's figure (a department late with its 2025 return, read in
 * 2026). Its status is still the earlier years' — a trend, or 已达标 by the latest figure — and in the grid it reads
 * like the period's verdict beside the rows judged by 2025's own figure (已达标 next to 达标). The report says
 * 待补报2025年数值 for such a row (report.ts, outcomeOf); this says the same where the clerk sees the status.
 */
import type { Indicator } from './indicator';
import { seriesOf } from './projection';
import type { Status } from './status';

/** Why the status is not the target year's yet, or null when nothing is overdue (or the status says it already). */
export function overdueFigureNote(
  indicator: Pick<Indicator, 'values' | 'targetYear'>,
  status: Status | null,
  currentYear: number,
): string | null {
  const { targetYear } = indicator;
  if (currentYear <= targetYear || status === '公式有误') return null;
  // A figure in, or an entry refused and marked red on its own cell (the report counts that one 无法判定).
  const entry = indicator.values[targetYear];
  if (entry !== undefined && entry !== null && entry !== '') return null;
  const { years } = seriesOf(indicator, targetYear);
  const first = years[0];
  const latest = years.at(-1);
  if (first === undefined || latest === undefined) return null;
  const basis =
    status === '已达标'
      ? `“已达标”是按${latest}年的数值判断的，不是${targetYear}年的结果；`
      : years.length === 1
        ? `目前只有${latest}年一个数值，无法推算；`
        : `“${status ?? '数据不足'}”是按${first}—${latest}年数值的趋势推算的，不是${targetYear}年的结果；`;
  return `${targetYear}年数值待补报：${basis}收到${targetYear}年数值后，按该数值判定达标或未达标。`;
}
