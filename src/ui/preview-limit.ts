/**
 * Long lists on screen are drawn a page at a time: a 10,000-row file gives 50,000 changed cells in the import
 * preview, and drawing them all as table rows froze the page for many seconds before the clerk could press 应用;
 * 预警汇总 of a 5,000-row workbook lists thousands of rows. The counts shown are always the full ones; "再显示"
 * draws more.
 */
import { createMemo, createSignal, onCleanup } from 'solid-js';

export const PREVIEW_PAGE = 200;

/**
 * How many items of a list the first frame draws when the list asks for it (the import preview: 200 rows of
 * changed cells took ~40 ms of building, style and layout before the clerk saw the summary above them); the rest
 * of the first page follows just after that frame. More than a screen holds.
 */
export const FIRST_FRAME_ITEMS = 40;

/**
 * A count as zh-CN writes it (49,800), as toLocaleString('zh-CN') gives it: without making the locale's number
 * format, which took a few ms of the import preview's first frame.
 */
export function countText(count: number): string {
  if (!Number.isSafeInteger(count) || count < 0) return count.toLocaleString('zh-CN');
  return String(count).replace(/\B(?=(\d{3})+$)/g, ',');
}

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

/** The limit once the first frame is drawn: the whole first page, or what the clerk asked for meanwhile. */
export function afterFirstFrame(limit: number): number {
  return Math.max(limit, PREVIEW_PAGE);
}

/**
 * Runs `task` once the next frame is drawn (a task queued from a frame's animation callback runs after that
 * frame's paint). Returns what cancels it.
 */
export function afterFrame(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(task);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/** A list drawn a page at a time, for a component. */
export interface Limited<T> {
  shown: () => readonly T[];
  hidden: () => number;
  more: () => void;
}

/** With `firstFrame`, the first frame draws FIRST_FRAME_ITEMS and the rest of the page comes after it. */
export function createLimited<T>(items: () => readonly T[], firstFrame = false): Limited<T> {
  return createLimitedOf(
    () => items().length,
    (limit) => limitList(items(), limit).shown,
    firstFrame,
  );
}

/**
 * createLimited of a list that is not made as a whole to be drawn (the import's changed cells, lazy-cells.ts):
 * `count` says how many items it has, `first(limit)` gives the first `limit` of them.
 */
export function createLimitedOf<T>(
  count: () => number,
  first: (limit: number) => readonly T[],
  firstFrame = false,
): Limited<T> {
  const [limit, setLimit] = createSignal(firstFrame ? FIRST_FRAME_ITEMS : PREVIEW_PAGE);
  if (firstFrame) onCleanup(afterFrame(() => setLimit((current) => afterFirstFrame(current))));
  const shown = createMemo(() => first(limit()));
  return {
    shown,
    hidden: () => Math.max(0, count() - limit()),
    more: () => setLimit(nextLimit(limit(), count())),
  };
}
