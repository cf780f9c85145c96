/**
 * A target in words, as a clerk reads it in the grid, the report and the change history. Pure.
 */
import { formatNumber } from './entry';
import type { Indicator } from './indicator';

/** The target as a clerk reads it: "＜5‰（以下）", "≥98%（达到）", "每年降低1个百分点（…）", "↓（得到有效控制）". */
export function describeTarget(row: Pick<Indicator, 'target' | 'unit'>): string {
  const { target, unit } = row;
  const wording = target.wording ? `（${target.wording}）` : '';
  if (target.kind === 'direction') return `${target.comparator === '↑' ? '↑ 提高' : '↓ 降低'}${wording}`;
  if (target.kind === 'yearly-change') {
    const step = target.yearlyStep ?? 0;
    const unitText = unit === '%' ? '个百分点' : unit === '‰' ? '个千分点' : unit;
    return `每年${step < 0 ? '降低' : '提高'}${formatNumber(Math.abs(step))}${unitText}`;
  }
  if (target.value === null) return wording;
  const unitText = unit === '%' || unit === '‰' ? unit : unit ? ` ${unit}` : '';
  return `${target.comparator}${formatNumber(target.value)}${unitText}${wording}`;
}
