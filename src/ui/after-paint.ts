/**
 * Rows from which building the printed report (or another view over every row) takes long enough — about a
 * second on the office's PCs at 1,000 rows, 10 s or more at 5,000 — that the page says it is working first. A
 * county's workbook (65 rows) stays below it and opens at once, as before.
 */
export const BUSY_NOTICE_FROM_ROWS = 500;

/**
 * Runs `work` once the browser has painted what the page shows now: a notice set just before appears on screen
 * before the work holds the page (a frame callback runs before that frame's paint; a task queued from it runs
 * after it).
 */
export function afterPaint(work: () => void): void {
  requestAnimationFrame(() => setTimeout(work, 0));
}
