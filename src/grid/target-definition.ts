/**
 * The cells that define a row's target, as the grid reads them: 每年变化 in the row's unit, the comparator and
 * value a new kind of target brings along, and what the 目标 cell says while a definition cell holds a slip.
 * Pure: no Handsontable import, so it is tested in Node.
 */
import { isPercentUnit, isPermilleUnit, parseEntry, toHalfWidth, type EntryResult } from '../model/entry';
import {
  isDirectionComparator,
  lowerIsBetterDirection,
  type Comparator,
  type Target,
} from '../model/indicator';

/** How a yearly change may be written on a row of this unit, besides the bare number (longest first). */
function stepUnits(unit: string): string[] {
  const trimmed = unit.trim();
  if (isPercentUnit(trimmed)) return ['个百分点', '%'];
  if (isPermilleUnit(trimmed)) return ['个千分点', '‰'];
  // A rate per 100,000 as the grid writes it: "−0.5/10万".
  if (/^1\/\d*[万千百亿]?$/.test(trimmed)) return [trimmed, trimmed.slice(1)];
  return trimmed ? [trimmed] : [];
}

/**
 * 每年变化 as a clerk types it: "-1", "-1个百分点" or "-1%" on a % row, "-0.2‰" on a ‰ row, "2 家" on a 家 row.
 * A change may be negative (a falling target), so it is not held to the unit's range as a figure is; a wrong
 * unit ("-1%" on a ‰ row) is refused with the year cells' message.
 */
export function parseYearlyStep(input: unknown, unit: string): EntryResult {
  if (typeof input !== 'string') return parseEntry(input, '');
  // "−1" as the grid writes a fall (the minus sign, not the hyphen).
  const text = toHalfWidth(input).trim().replace(/^[−–]/, '-');
  const notANumber = (): EntryResult => ({
    ok: false,
    raw: input,
    message:
      `“${input}”不是数字：“每年变化”应填写每年的变化量${unit ? `（单位 ${unit}）` : ''}，` +
      '每年降低填负数，如 -1；没有请留空。',
  });
  for (const suffix of stepUnits(unit)) {
    if (!text.endsWith(suffix)) continue;
    const result = parseEntry(text.slice(0, -suffix.length).trim(), '');
    return result.ok && result.value !== null ? result : notANumber();
  }
  const plain = parseEntry(text, '');
  if (plain.ok) return plain;
  // Written with another unit: said as a year cell says it.
  const withUnit = parseEntry(text, unit);
  if (!withUnit.ok && withUnit.message.includes('的单位是'))
    return { ok: false, raw: input, message: withUnit.message };
  return notANumber();
}

const RISING: ReadonlySet<Comparator> = new Set(['≥', '>']);
const FALLING: ReadonlySet<Comparator> = new Set(['<', '≤']);

/**
 * The target once its kind is `target.kind`: the comparator, value and yearly change made to agree with how the
 * status is judged for that kind (src/model/status.ts), as the plan's own rows of the kind are written.
 * - 全覆盖 is judged against 100: comparator "=", value 100 (the plan's 应建尽建 rows);
 * - 方向性 has no value, its comparator is the direction (↑/↓/不升), taken from the old comparator where it says one;
 * - 逐年变化 is judged by its yearly change; no value, comparator ≤ for a fall and ≥ for a rise;
 * - 上限 takes < or ≤, 下限 and 数量 ≥ or >, 左右 ≈ (keeping the old one when it already is one of those).
 * Only 逐年变化 keeps a yearly change; the wording (the plan's words) is left to the clerk.
 */
export function alignTargetToKind(target: Target): Target {
  const { kind, comparator } = target;
  const aligned: Target = { ...target };
  if (kind !== 'yearly-change') delete aligned.yearlyStep;
  switch (kind) {
    case 'full':
      aligned.comparator = '=';
      aligned.value = 100;
      break;
    case 'direction':
      aligned.comparator = isDirectionComparator(comparator)
        ? comparator
        : FALLING.has(comparator)
          ? '↓'
          : '↑';
      aligned.value = null;
      break;
    case 'yearly-change': {
      const step = target.yearlyStep;
      const falling =
        step !== undefined && step !== 0
          ? step < 0
          : FALLING.has(comparator) || lowerIsBetterDirection(comparator);
      if (falling) aligned.comparator = FALLING.has(comparator) ? comparator : '≤';
      else aligned.comparator = RISING.has(comparator) ? comparator : '≥';
      aligned.value = null;
      break;
    }
    case 'upper':
      if (!FALLING.has(comparator)) aligned.comparator = '<';
      break;
    case 'lower':
    case 'count':
      if (!RISING.has(comparator)) aligned.comparator = '≥';
      break;
    case 'around':
      aligned.comparator = '≈';
      break;
  }
  return aligned;
}

/**
 * What the 目标 cell says while definition cells hold entries that cannot be read: the target shown (and used for
 * 状态 and 与目标差距) is the last good one. `titles` are the columns with the slip ("目标值").
 */
export function staleTargetNote(titles: readonly string[], previousTarget: string): string {
  return `${titles.join('、')}有误，仍按 ${previousTarget || '原目标'} 计算`;
}
