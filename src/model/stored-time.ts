/**
 * Times as stored (a backup's createdAt, a change's at, a version's createdAt, the last backup): ISO text, but a
 * backup written elsewhere may carry another offset (…+08:00) and a clerk may have edited one by hand. Compared as
 * text, 2026-11-29T10:00:00+08:00 came after 2026-11-29T05:00:00.000Z though it is three hours earlier; read by
 * `new Date`, text that is no time showed “Invalid Date” and counted “NaN 天”.
 */
import { quoted } from './quote';

/** Milliseconds since 1970; NaN when the text is no time (empty, or edited into another thing). */
export const timeOf = (text: string): number => (text.trim() === '' ? NaN : Date.parse(text));

/**
 * Newest first, for `sort`: by time; a time that cannot be read goes last (where it belongs is unknown), and such
 * times keep their text order among themselves.
 */
export function newestFirst(a: string, b: string): number {
  // (Most pairs a history sorts are the same group's one time: no parsing for those.)
  if (a === b) return 0;
  const [x, y] = [timeOf(a), timeOf(b)];
  if (Number.isNaN(x) || Number.isNaN(y)) {
    if (!Number.isNaN(x)) return -1;
    if (!Number.isNaN(y)) return 1;
    return b.localeCompare(a);
  }
  return y - x;
}

/** A stored time as the clerk reads it: what cannot be read is said so, with the text as it stands. */
export function shownTime(text: string): string {
  if (text.trim() === '') return '未知';
  const time = timeOf(text);
  return Number.isNaN(time) ? `无法识别的时间${quoted(text)}` : new Date(time).toLocaleString('zh-CN');
}

/**
 * The last-backup time to record when a backup made at `createdAt` is restored (it is a backup of what the browser
 * then holds), or undefined to keep `recorded`: only a readable time later than the recorded one counts.
 */
export function laterBackupTime(recorded: string | undefined, createdAt: string): string | undefined {
  const restored = timeOf(createdAt);
  if (Number.isNaN(restored)) return undefined;
  const last = recorded === undefined ? NaN : timeOf(recorded);
  return Number.isNaN(last) || last < restored ? createdAt : undefined;
}
