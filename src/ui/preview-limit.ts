/**
 * Long lists on screen are drawn a page at a time: a 10,000-row file gives 50,000 changed cells in the import
 * preview, and drawing them all as table rows froze the page for many seconds before the clerk could press 应用;
 * 预警汇总 of a 5,000-row workbook lists thousands of rows. The counts shown are always the full ones; "再显示"
 * draws more.
 */
import { createMemo, createSignal } from 'solid-js';

export const PREVIEW_PAGE = 200;

/** The items to draw and how many are left out. */
export function limitList<T>(items: readonly T[], limit: number): { shown: readonly T[]; hidden: number } {
  if (items.length <= limit) return { shown: items, hidden: 0 };
  return { shown: items.slice(0, limit), hidden: items.length - limit };
}

/** The next limit when the clerk asks for more: another page, or everything that is left when it is little. */
export function nextLimit(limit: number, total: number): number {
  const next = limit + PREVIEW_PAGE * 5;
  return total - next <= PREVIEW_PAGE ? Math.max(total, limit) : next;
}

/** A list drawn a page at a time, for a component. */
export interface Limited<T> {
  shown: () => readonly T[];
  hidden: () => number;
  more: () => void;
}

export function createLimited<T>(items: () => readonly T[]): Limited<T> {
  const [limit, setLimit] = createSignal(PREVIEW_PAGE);
  const page = createMemo(() => limitList(items(), limit()));
  return {
    shown: () => page().shown,
    hidden: () => page().hidden,
    more: () => setLimit(nextLimit(limit(), items().length)),
  };
}
