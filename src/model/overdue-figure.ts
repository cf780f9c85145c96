/**
 * A row whose target year is over without that year's figure (a department late with its 2025 return, read in
 * 2026). Its status is still the earlier years' — a trend, or 已达标 by the latest figure — and in the grid it reads
 * like the period's verdict beside the rows judged by 2025's own figure (已达标 next to 达标). The report says
 * 待补报2025年数值 for such a row (report.ts, outcomeOf), and 无法判定 for one whose 2025 entry was refused (待核实, kept
 * as typed): the status is then the earlier years' too. This says so where the clerk sees the status.
 */
import type { Indicator } from './indicator';
import { seriesOf } from './projection';
import type { Status } from './status';

/**
 * Why the status is not the target year's yet (its figure missing, or refused), or null when the target year is not
 * over, its figure is in, or the status says it already.
 */
export function overdueFigureNote(
  indicator: Pick<Indicator, 'values' | 'targetYear'>,
  status: Status | null,
  currentYear: number,
): string | null {
  const { targetYear } = indicator;
  if (currentYear <= targetYear || status === '公式有误') return null;
  // A figure in: judged by it. An entry refused (kept as typed, marked red) counts for nothing: the status is the
  // earlier years' as when it is missing, and the report says 无法判定 until it is put right.
  const entry = indicator.values[targetYear];
  if (typeof entry === 'number') return null;
  const refused = typeof entry === 'string' && entry.trim() !== '' ? entry : null;
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
  return refused === null
    ? `${targetYear}年数值待补报：${basis}收到${targetYear}年数值后，按该数值判定达标或未达标。`
    : `${targetYear}年数值“${refused}”不是可计算的数值，未计入：${basis}改正${targetYear}年数值后，按该数值判定达标或未达标。`;
}
