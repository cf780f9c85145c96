/**
 * 目标测算表: the sheet a committee drafts the next plan's targets from. Per row: the latest figure, the previous
 * period's target, where the trend leads by the new target year, the new target and what is to be said of it
 * (偏保守 / 可能难以实现, or that it is still the previous target, carried over until one is chosen or kept by
 * the committee's decision). Pure.
 */
import { areaTitle, inPlanOrder, type Indicator, type Target } from './indicator';
import { assessAmbition, describePreviousTarget, showPlannedTrend } from './planning';
import { seriesOf } from './projection';
import { showFigure as show, type RowFacts } from './report';
import { describeTarget } from './target-text';
import type { Thresholds } from './status';

export interface PlanningRow {
  code: string;
  name: string;
  /** 责任单位: the sheet goes to every department, and each finds its own rows by it. */
  department: string;
  /** "5.2‰（2023年）", or — without any figure. */
  latest: string;
  /** The previous period's target, or that the row is new in this plan. */
  previous: string;
  /**
   * The row's projection (as the grid shows it) at the new target year; a count in whole units, rounded to the
   * target's worse side (showPlannedTrend: 5.8 家 against ≥ shows 5 家).
   */
  trend: string;
  target: string;
  /** 沿用上期目标，待确定 / 沿用上期目标（已确定）[，偏保守…] / 偏保守 / 可能难以实现 / 已达到新目标 / ''. */
  verdict: string;
  /**
   * 确定沿用 as the sheet's file writes it, for a department to fill in: 已确定 (KEPT_MARK) for a kept target, empty
   * while the previous target waits for a decision, — where there is no previous target to keep (changed, or none).
   */
  keptMark: string;
  /** The figures behind the verdict (assessAmbition's message). */
  note: string;
}

export interface PlanningReport {
  title: string;
  targetYear: number;
  summary: string;
  areas: { area: string; rows: PlanningRow[] }[];
}

/** Whether the new target is still the previous one, as the next plan was made with it. */
export function isCarriedOver(indicator: Indicator): boolean {
  const previous = indicator.previousTarget;
  if (!previous) return false;
  const same = (a: Target, b: Target) =>
    a.kind === b.kind &&
    a.comparator === b.comparator &&
    a.value === b.value &&
    (a.yearlyStep ?? null) === (b.yearlyStep ?? null);
  return same(indicator.target, previous);
}

/**
 * Whether the new target is the previous one by the committee's decision (沿用上期目标，已确定): marked so while
 * still the previous one. A mark left on a target changed since does not count (that row is decided anyway).
 */
export function isKeptTarget(indicator: Indicator): boolean {
  return indicator.previousTargetKept === true && isCarriedOver(indicator);
}

/** 确定沿用 of a kept target, in the grid's cell and in the 目标测算表's file. */
export const KEPT_MARK = '已确定';
/** What a 确定沿用 cell takes as a tick, typed, pasted or written in the sheet sent back (√, 是, 已确定 …). */
const TICK_WORDS = /^(已确定|确定|是|√|✓|✔|☑|true|yes|y|1)$/i;
/** …and as no tick, in the sheet sent back (— is written where nothing can be kept). */
const NO_TICK_WORDS = /^(|否|不|待确定|未确定|×|✗|✘|—|-|－|false|no|n|0)$/i;

/** A 确定沿用 cell read: true (ticked), false (not), or null for words that say neither. */
export function readKeptMark(text: string): boolean | null {
  const word = text.trim();
  if (TICK_WORDS.test(word)) return true;
  if (NO_TICK_WORDS.test(word)) return false;
  return null;
}

/** The verdict of a kept target, and of one still waiting to be chosen. */
export const KEPT_VERDICT = '沿用上期目标（已确定）';
export const CARRIED_VERDICT = '沿用上期目标，待确定';
/** A new target asking the figure to go the other way from the previous one (planning.ts targetReversal). */
export const REVERSED_VERDICT = '方向与上期目标相反';
/** A target met by a figure after the base year (not at it): reached since, not 偏保守. */
export const REACHED_VERDICT = '已达到新目标';

export function buildPlanningReport(
  planTitle: string,
  rows: readonly RowFacts[],
  thresholds: Thresholds,
): PlanningReport {
  const targetYear = rows[0]?.indicator.targetYear ?? 0;
  let carried = 0;
  let kept = 0;
  let timid = 0;
  let farOff = 0;
  let leaving = 0;
  let reversed = 0;
  let added = 0;
  let addedWithoutTarget = 0;
  const byArea = new Map<string, PlanningRow[]>();
  for (const { indicator, projected } of rows) {
    const series = seriesOf(indicator);
    const latestYear = series.years.at(-1);
    const ambition = assessAmbition(indicator, thresholds);
    let verdict = '';
    // A row the office added has no previous target: counted apart, and said when its target is still empty.
    const noTarget =
      indicator.target.value === null &&
      indicator.target.kind !== 'direction' &&
      indicator.target.kind !== 'full' &&
      indicator.target.kind !== 'yearly-change';
    if (!indicator.previousTarget) {
      added += 1;
      if (noTarget) addedWithoutTarget += 1;
    }
    // A kept target is judged as any decided one: the committee may keep a target the trend already meets.
    const keptNow = isKeptTarget(indicator);
    if (keptNow) kept += 1;
    if (!indicator.previousTarget && noTarget) {
      verdict = '新增指标，目标待定';
    } else if (isCarriedOver(indicator) && !keptNow) {
      verdict = CARRIED_VERDICT;
      carried += 1;
    } else if (ambition.flag === 'reversed') {
      verdict = REVERSED_VERDICT;
      reversed += 1;
    } else if (ambition.flag === 'timid') {
      verdict = '偏保守';
      // (Counted among the decided rows only: the summary gives them in brackets after those.)
      if (indicator.previousTarget) timid += 1;
    } else if (ambition.flag === 'leaves-band') {
      verdict = '按趋势将越出范围';
      if (indicator.previousTarget) leaving += 1;
    } else if (ambition.flag === 'out-of-reach') {
      verdict = '可能难以实现';
      if (indicator.previousTarget) farOff += 1;
    } else if (ambition.flag === 'reached') {
      verdict = REACHED_VERDICT;
    }
    if (keptNow) verdict = verdict ? `${KEPT_VERDICT}，${verdict}` : KEPT_VERDICT;
    const line: PlanningRow = {
      code: indicator.code,
      name: indicator.name,
      department: indicator.department,
      latest:
        latestYear === undefined ? '—' : `${show(series.values.at(-1), indicator.unit)}（${latestYear}年）`,
      previous: indicator.previousTarget
        ? describePreviousTarget(indicator.previousTarget, indicator.unit)
        : '（本期新增指标）',
      trend: projected === null ? '—' : showPlannedTrend(projected, indicator),
      target: describeTarget(indicator),
      verdict,
      keptMark: keptNow ? KEPT_MARK : isCarriedOver(indicator) ? '' : '—',
      note: ambition.message,
    };
    const area = areaTitle(indicator.area);
    const list = byArea.get(area);
    if (list) list.push(line);
    else byArea.set(area, [line]);
  }
  const areas = inPlanOrder([...byArea.keys()]).map((area) => ({ area, rows: byArea.get(area) ?? [] }));
  // Rows of the previous plan whose target has been changed or kept by decision; the office's new rows are
  // counted apart.
  const decided = rows.length - added - carried;
  const among = [
    ...(kept > 0 ? [`确定沿用上期目标${kept}项`] : []),
    ...(reversed > 0 ? [`${REVERSED_VERDICT}${reversed}项`] : []),
    ...(timid + farOff + leaving > 0
      ? [`偏保守${timid}项，可能难以实现${farOff}项` + (leaving > 0 ? `，按趋势将越出范围${leaving}项` : '')]
      : []),
  ];
  const summary =
    `${rows.length}项指标中，已设定新目标的${decided}项` +
    (among.length > 0 ? `（其中${among.join('，')}）` : '') +
    `，仍沿用上期目标、待确定的${carried}项` +
    (added > 0
      ? `；本期新增指标${added}项${addedWithoutTarget > 0 ? `（其中目标待定${addedWithoutTarget}项）` : ''}`
      : '');
  return { title: `${planTitle}目标测算表`, targetYear, summary, areas };
}
