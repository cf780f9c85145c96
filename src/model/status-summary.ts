/**
 * Counts of each status per area, for the summary panel and the report.
 */
import { AREAS, areaTitle } from './indicator';
import { STATUSES, type Status } from './status';

export interface AreaSummary {
  area: string;
  total: number;
  counts: Record<Status, number>;
}

export function summarizeByArea(rows: readonly { area: string; status: Status | null }[]): AreaSummary[] {
  const byArea = new Map<string, AreaSummary>();
  const ordered = [
    ...AREAS,
    ...rows.map((r) => r.area).filter((a) => !(AREAS as readonly string[]).includes(a)),
  ];
  for (const area of ordered) {
    if (byArea.has(area)) continue;
    byArea.set(area, {
      area: areaTitle(area),
      total: 0,
      counts: Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>,
    });
  }
  for (const row of rows) {
    const summary = byArea.get(row.area);
    if (!summary) continue;
    summary.total += 1;
    summary.counts[row.status ?? '数据不足'] += 1;
  }
  return [...byArea.values()].filter((s) => s.total > 0);
}
