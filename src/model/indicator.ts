/**
 * The workbook's domain types: an indicator (one quantified target of a plan) and its values by year.
 * Pure: imports nothing of the app, no UI, storage or grid library.
 */

/** The areas (领域) of the plan, plus its key projects (重点实事项目). */
export const AREAS = [
  '儿童与家庭',
  '儿童与健康',
  '儿童与安全',
  '儿童与教育',
  '儿童与福利',
  '儿童与法律保护',
  '儿童与社会环境',
  '重点实事项目',
] as const;
export type Area = (typeof AREAS)[number];

/**
 * The plan's area a clerk's text names: as listed, or without its 儿童与 (健康 for 儿童与健康, as offices head their
 * tables). Undefined for any other text: the grid takes no other area, and marks such a row for correction.
 */
export function planArea(text: string): Area | undefined {
  const clean = text.replace(/\s+/g, '');
  return AREAS.find((area) => area === clean || area === `儿童与${clean}`);
}

/**
 * How a row without a 领域 is headed in 预警汇总, the reports and the 目标测算表: a row added with 新增指标 starts
 * without one, and a blank heading reads as a slip of the layout.
 */
export const NO_AREA = '（未填领域）';

export function areaTitle(area: string): string {
  return area.trim() === '' ? NO_AREA : area;
}

/** Areas as the plan orders them, then any an office added, each once (the reports' order). */
export function inPlanOrder(areas: readonly string[]): string[] {
  const present = new Set(areas);
  return [...new Set([...AREAS, ...areas])].filter((area) => present.has(area));
}

/**
 * Kind of target, each with its own comparison rule.
 * - upper: 控制在…以下 / 以内
 * - lower: …以上 / 达到… / 保持在…以上
 * - around: 保持在…左右
 * - full: 应建尽建 / 全覆盖 / 应援尽援 (means 100 %)
 * - count: 至少设有1家 / 建成至少1个
 * - yearly-change: 在2018年基础上每年降低1个百分点以上
 * - direction: 提高 / 减少 / 得到有效控制 / 上升趋势得到有效控制 / 控制在较低水平 (no number)
 */
export const TARGET_KINDS = [
  'upper',
  'lower',
  'around',
  'full',
  'count',
  'yearly-change',
  'direction',
] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const TARGET_KIND_LABELS: Record<TargetKind, string> = {
  upper: '上限',
  lower: '下限',
  around: '左右',
  full: '全覆盖',
  count: '数量',
  'yearly-change': '逐年变化',
  direction: '方向性',
};

/**
 * Comparator against the target value. "<" and "≤" differ at the boundary, so the plan's wording decides:
 * 以下 → "<", 以内 → "≤", 以上/达到 → "≥", 左右 → "≈", 全覆盖 → "=", direction-only → "↓" (降低, 减少, 得到有效控制),
 * "↑" (提高, 增加) or "不升" (上升趋势得到有效控制, 控制在较低水平: the figure must not rise; a fall is not asked).
 */
export type Comparator = '<' | '≤' | '≥' | '>' | '≈' | '=' | '↓' | '↑' | '不升';

/** Every comparator, as the 比较 list offers them: signs, then the directions (不升: the figure must not rise). */
export const COMPARATORS: readonly Comparator[] = ['<', '≤', '≥', '>', '≈', '=', '↓', '↑', '不升'];

export function isComparator(text: string): text is Comparator {
  return (COMPARATORS as readonly string[]).includes(text);
}

/** The comparators of a direction-only target. */
export const DIRECTION_COMPARATORS: readonly Comparator[] = ['↓', '↑', '不升'];

export function isDirectionComparator(comparator: string): boolean {
  return (DIRECTION_COMPARATORS as readonly string[]).includes(comparator);
}

/** A direction whose better side is the lower one: ↓, and 不升 (the figure must not rise). */
export function lowerIsBetterDirection(comparator: Comparator): boolean {
  return comparator === '↓' || comparator === '不升';
}

export interface Target {
  kind: TargetKind;
  comparator: Comparator;
  /** The plan's own wording of the comparison, e.g. "以下", "以内", "以上", "左右", "应建尽建", "每年降低…以上", "得到有效控制". */
  wording: string;
  /** Target value in the row's unit (5‰ is 5 with unit ‰). null for direction-only targets. */
  value: number | null;
  /**
   * For yearly-change targets: the change per year in the unit (−1 means one percentage point less each year).
   * The target for year y is value(baseYear) + step × (y − baseYear).
   */
  yearlyStep?: number;
}

/** A value cell: a number in the row's unit, or the text as typed when it could not be read as a number. */
export type CellValue = number | string;

/**
 * A cell or field holding nothing: never written, cleared (null), or an empty text. 0, a space and "—" are
 * something. The history (a change from "" to null is no change) and the CSV import (a year with no figure yet)
 * both ask it.
 */
export function isEmptyValue(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}

export interface Indicator {
  /** Stable code used in CSV files and formulas, e.g. "H01". */
  code: string;
  area: Area | string;
  /** Clause of the plan, e.g. "二（二）1". Empty for rows a clerk added. */
  clause: string;
  name: string;
  /** Unit: "‰", "%", "家", "个", "名", "次/年" … */
  unit: string;
  target: Target;
  /** First year with a value cell for this row (usually the plan's base year; 2018 for 近视率). */
  baseYear: number;
  targetYear: number;
  /** 责任单位: the responsible department (editable default). */
  department: string;
  /** The sentence of the plan the target comes from, verbatim. Empty for rows a clerk added. */
  source: string;
  /** Values by year. A missing year has no key. */
  values: Record<number, CellValue>;
  /** Free note (e.g. 指标解释, or why a row was added). */
  note?: string;
  /**
   * The clerk's own projection formula, when it differs from the row's default; references to the row itself
   * are stored as "{r}" (e.g. "=FORECAST.LINEAR(2025, J{r}:M{r}, {2022,2023,2024,2025})").
   */
  projectionFormula?: string;
  /** In a plan made from an earlier one: that plan's target for this row, for comparison. */
  previousTarget?: Target & { targetYear: number };
  /**
   * In a next plan: the committee decided to keep the previous target (沿用上期目标，已确定) rather than it being
   * still the one the plan was made with, waiting to be chosen. Only read while the target equals the previous
   * one (isKeptTarget); absent, not false, when not decided, so rows and backups made before it read alike.
   */
  previousTargetKept?: true;
}

/**
 * A deep copy of an indicator. Its shape is known (plain fields, the target, the values, the previous target),
 * so this is many times faster than structuredClone, which counted when a save reads 10,000 rows.
 */
export function copyIndicator(indicator: Indicator): Indicator {
  const copy: Indicator = { ...indicator, target: { ...indicator.target }, values: { ...indicator.values } };
  if (indicator.previousTarget) copy.previousTarget = { ...indicator.previousTarget };
  return copy;
}

/** A plan as issued: its period and its targets. The period is data; no year is hard-coded elsewhere. */
export interface PlanDefinition {
  id: string;
  title: string;
  /** Year of the baseline values (2020 for the 2021–2025 plan). */
  baseYear: number;
  targetYear: number;
  indicators: Indicator[];
}
