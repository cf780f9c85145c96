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
 * A time this far past the clock is no time yet: a hand-edited one (2099-01-01). A day's grace, because a
 * colleague's computer whose clock runs a few minutes or hours ahead writes honest times a little in the future.
 */
const CLOCK_GRACE_MS = 86_400_000;

/** Whether a stored time is later than `now` by more than a clock's drift: edited by hand, not a time that was. */
export const isFutureTime = (time: number, now: Date): boolean => time > now.getTime() + CLOCK_GRACE_MS;

/**
 * The last-backup time to record when a backup made at `createdAt` is restored (it is a backup of what the browser
 * then holds), or undefined to keep `recorded`: only a readable time later than the recorded one counts.
 * `now` and `fromFile` (the recorded time is the one the file's settings just brought): a time past now is no
 * backup made yet, and a file's record of a backup after the file itself was made was edited by hand — neither is
 * kept, so the reminder does not count from a time that never was. (Without `now`, times are taken as they are.)
 */
export function laterBackupTime(
  recorded: string | undefined,
  createdAt: string,
  now?: Date,
  fromFile = false,
): string | undefined {
  const restored = timeOf(createdAt);
  if (Number.isNaN(restored) || (now !== undefined && isFutureTime(restored, now))) return undefined;
  const last = recorded === undefined ? NaN : timeOf(recorded);
  const untrue = (now !== undefined && isFutureTime(last, now)) || (fromFile && last > restored);
  return Number.isNaN(last) || untrue || last < restored ? createdAt : undefined;
}
