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

/**
 * `work` over `rows` rows: at once on a small workbook; from BUSY_NOTICE_FROM_ROWS up, `busy(true)` first, the work
 * once that is painted, then `busy(false)` (打印报告, and another report or year in the report's view).
 */
export function withBusyNotice(rows: number, busy: (on: boolean) => void, work: () => void): void {
  if (rows < BUSY_NOTICE_FROM_ROWS) {
    work();
    return;
  }
  busy(true);
  afterPaint(() => {
    work();
    busy(false);
  });
}
