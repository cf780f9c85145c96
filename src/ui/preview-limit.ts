/**
 * Long lists in a preview are drawn a page at a time: a 10,000-row file gives 50,000 changed cells, and drawing
 * them all as table rows froze the page for many seconds before the clerk could press 应用. The counts in the
 * summary are always the full ones; "再显示" draws more.
 */
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
