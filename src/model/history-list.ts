/**
 * The whole workbook's change history as a list the clerk can narrow: by who made the change, where it came from
 * (typed, which import file, which backup or version) and by row or column. Pure.
 *
 * Why: the history of one row answers "who changed this figure"; the office also asks "what did the import of
 * 卫健局's file change", "what did my colleague change while I was away", and rows deleted since are found only here.
 */
import { describeSource, type HistoryEntry } from './history';

export const NO_CLERK = '（未填姓名）';

export const clerkLabel = (clerk: string): string => clerk || NO_CLERK;

/** `null` is "all". `query` matches a row's code or name, or a column ("2025年", "目标"). */
export interface HistoryFilter {
  clerk: string | null;
  source: string | null;
  query: string;
}

export const NO_FILTER: HistoryFilter = { clerk: null, source: null, query: '' };

export interface HistoryChoice {
  value: string;
  label: string;
  count: number;
}

function choices(entries: readonly HistoryEntry[], key: (e: HistoryEntry) => string): HistoryChoice[] {
  const counts = new Map<string, number>();
  for (const entry of entries) counts.set(key(entry), (counts.get(key(entry)) ?? 0) + 1);
  // Most changes first: the import files and clerks that matter most come to the top of the list.
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b, 'zh-CN'))
    .map(([value, count]) => ({ value, label: value, count }));
}

/** Who changed anything, with how many changes each. */
export function clerkChoices(entries: readonly HistoryEntry[]): HistoryChoice[] {
  return choices(entries, (e) => e.clerk).map((c) => ({ ...c, label: clerkLabel(c.value) }));
}

/** Where the changes came from, in words (录入, 导入“卫健局.csv”, …), with how many changes each. */
export function sourceChoices(entries: readonly HistoryEntry[]): HistoryChoice[] {
  return choices(entries, (e) => describeSource(e.source));
}

export function filterHistory(entries: readonly HistoryEntry[], filter: HistoryFilter): HistoryEntry[] {
  const query = filter.query.trim().toLowerCase();
  return entries.filter(
    (e) =>
      (filter.clerk === null || e.clerk === filter.clerk) &&
      (filter.source === null || describeSource(e.source) === filter.source) &&
      (query === '' ||
        e.code.toLowerCase().includes(query) ||
        e.rowName.toLowerCase().includes(query) ||
        e.label.toLowerCase() === query ||
        e.label.toLowerCase() === `${query}年`),
  );
}

/** "128 处修改，涉及 40 个指标". */
export function historyCount(entries: readonly HistoryEntry[]): string {
  const rows = new Set(entries.map((e) => e.code)).size;
  return `${entries.length.toLocaleString('zh-CN')} 处修改，涉及 ${rows.toLocaleString('zh-CN')} 个指标`;
}
