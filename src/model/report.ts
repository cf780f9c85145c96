/**
 * The monitoring report (年度监测报告 / 中期评估 / 终期评估) as data: summary line, per-area tables with the
 * change against the previous year, and the warning list. Pure; rendering and printing stay in the UI.
 */
import { formatNumber, formatWithUnit, isPercentUnit, isPermilleUnit } from './entry';
import { AREAS, type Indicator } from './indicator';
import { defaultMethod, project, seriesOf, type Method } from './projection';
import { assessStatus, ATTENTION, targetForYear, targetSpecOf, type Status, type Thresholds } from './status';

export type ReportVariant = 'annual' | 'mid-term' | 'final';

export const REPORT_TITLES: Record<ReportVariant, string> = {
  annual: '年度监测报告',
  'mid-term': '中期评估报告',
  final: '终期评估报告',
};

/** What the grid computed for a row: its projection and status (the one source of truth). */
export interface RowFacts {
  indicator: Indicator;
  projected: number | null;
  gap: number | null;
  status: Status | null;
}

export interface ReportRow {
  code: string;
  name: string;
  unit: string;
  value: string;
  change: string;
  target: string;
  status: Status | '—';
}

export interface ReportArea {
  area: string;
  rows: ReportRow[];
}

export interface WarningRow {
  code: string;
  name: string;
  area: string;
  department: string;
  latest: string;
  target: string;
  projected: string;
  gap: string;
  status: Status;
}

export interface Report {
  title: string;
  year: number;
  summary: string;
  areas: ReportArea[];
  warnings: WarningRow[];
}

const ACHIEVED: ReadonlySet<Status> = new Set(['达标', '已达标']);

/** "+1.2个百分点", "−0.3个千分点", "+2 家"; empty when either year is missing. */
export function describeChange(current: unknown, previous: unknown, unit: string): string {
  if (typeof current !== 'number' || typeof previous !== 'number') return '';
  const delta = Math.round((current - previous) * 100) / 100;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '';
  const size = formatNumber(Math.abs(delta));
  if (delta === 0) return '持平';
  if (isPercentUnit(unit)) return `${sign}${size}个百分点`;
  if (isPermilleUnit(unit)) return `${sign}${size}个千分点`;
  return `${sign}${size}${unit ? ` ${unit}` : ''}`;
}

function show(value: unknown, unit: string): string {
  return typeof value === 'number'
    ? formatWithUnit(Math.round(value * 100) / 100, unit)
    : typeof value === 'string'
      ? value
      : '—';
}

export function buildReport(
  planTitle: string,
  rows: readonly RowFacts[],
  year: number,
  variant: ReportVariant,
  describeTarget: (indicator: Indicator) => string,
): Report {
  const withTarget = rows.filter((r) => r.indicator.target.kind !== 'direction');
  const achieved = rows.filter((r) => r.status !== null && ACHIEVED.has(r.status)).length;
  const rate = rows.length === 0 ? 0 : Math.round((achieved / rows.length) * 1000) / 10;
  const summary =
    `${rows.length}项指标中已达标${achieved}项，达标率${formatNumber(rate)}%` +
    `（其中有量化目标的${withTarget.length}项，方向性目标${rows.length - withTarget.length}项）`;

  const areaNames = [
    ...AREAS,
    ...rows.map((r) => r.indicator.area).filter((a) => !(AREAS as readonly string[]).includes(a)),
  ];
  const areas: ReportArea[] = [];
  for (const area of new Set(areaNames)) {
    const inArea = rows.filter((r) => r.indicator.area === area);
    if (inArea.length === 0) continue;
    areas.push({
      area,
      rows: inArea.map(({ indicator, status }) => ({
        code: indicator.code,
        name: indicator.name,
        unit: indicator.unit,
        value: show(indicator.values[year], indicator.unit),
        change: describeChange(indicator.values[year], indicator.values[year - 1], indicator.unit),
        target: describeTarget(indicator),
        status: status ?? '—',
      })),
    });
  }

  const warnings: WarningRow[] = rows
    .filter((r): r is RowFacts & { status: Status } => r.status !== null && ATTENTION.has(r.status))
    .map(({ indicator, projected, gap, status }) => {
      const latestYear = Object.keys(indicator.values)
        .map(Number)
        .filter((y) => typeof indicator.values[y] === 'number' && y <= year)
        .sort((a, b) => b - a)[0];
      return {
        code: indicator.code,
        name: indicator.name,
        area: indicator.area,
        department: indicator.department || '（未指定）',
        latest:
          latestYear === undefined
            ? '—'
            : `${show(indicator.values[latestYear], indicator.unit)}（${latestYear}年）`,
        target: describeTarget(indicator),
        projected: show(projected, indicator.unit),
        gap: gap === null ? '—' : `${gap > 0 ? '+' : ''}${formatNumber(Math.round(gap * 100) / 100)}`,
        status,
      };
    });

  return { title: `${planTitle}${REPORT_TITLES[variant]}（${year}年）`, year, summary, areas, warnings };
}

/**
 * A row as it stood at the end of `year`: later values are left out and the projection and status are
 * computed again from what was known then (by the row's own method), so a report for 2023 reads as it
 * would have in 2023. Rows with nothing after `year` are returned as the grid computed them.
 */
export function factsAsOf(
  row: RowFacts & { method?: Method | null },
  year: number,
  thresholds: Thresholds,
): RowFacts {
  const hasLater = Object.keys(row.indicator.values).some((y) => Number(y) > year);
  if (!hasLater) return row;
  const values = Object.fromEntries(Object.entries(row.indicator.values).filter(([y]) => Number(y) <= year));
  const indicator: Indicator = { ...row.indicator, values };
  const series = seriesOf(indicator);
  const spec = targetSpecOf(indicator);
  const projection = project(row.method ?? defaultMethod(indicator), series, indicator.targetYear);
  const projected = projection.ok ? projection.value : null;
  const goal = targetForYear(spec, series, indicator.targetYear);
  return {
    indicator,
    projected,
    gap: projected !== null && goal !== null ? projected - goal : null,
    status: assessStatus(spec, series, projected, thresholds).status,
  };
}
