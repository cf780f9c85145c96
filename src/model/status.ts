/**
 * Status of a target (预警): compares the latest value and the projection with the target, by kind of target,
 * following the UN Statistics Division's progress assessment (CR = (v̂_T − v_b)/(v* − v_b)).
 * Pure: the grid's TARGETSTATUS function and the explanation panel both call `assessStatus`.
 */
import {
  formatDifference,
  formatNumber,
  formatWithUnit,
  isCountUnit,
  naturalLimits,
  withinNaturalLimits,
} from './entry';
import {
  isDirectionComparator,
  lowerIsBetterDirection,
  type Comparator,
  type Indicator,
  type TargetKind,
} from './indicator';
import { linearPredictionInterval, METHOD_LABELS, type Method, type Series } from './projection';
import { roundHalfAway } from './rounding';

/** Every status, from good to bad (the order of the summary's columns). */
export const STATUSES = [
  '达标',
  '已达标',
  '预计达标',
  '需加快',
  '进展缓慢',
  '停滞',
  '倒退',
  '未达标',
  '数据不足',
  '公式有误',
] as const;
export type Status = (typeof STATUSES)[number];

/** Statuses from the most to the least serious, as a clerk sorts them (not knowable yet last). */
export const STATUS_SEVERITY: readonly Status[] = [
  '公式有误',
  '未达标',
  '倒退',
  '停滞',
  '进展缓慢',
  '需加快',
  '预计达标',
  '已达标',
  '达标',
  '数据不足',
];

/** Statuses that need the committee's attention (the "只看需关注" filter and the warning list). */
export const ATTENTION: ReadonlySet<Status> = new Set([
  '未达标',
  '需加快',
  '进展缓慢',
  '停滞',
  '倒退',
  '公式有误',
]);

export interface Thresholds {
  /** CR at or above: 预计达标. */
  onTrack: number;
  /** CR at or above: 需加快. */
  moderate: number;
  /** CR at or above: 进展缓慢. */
  marginal: number;
  /** CR at or above (and below `marginal`): 停滞; below: 倒退. */
  stagnation: number;
  /**
   * Direction-only targets: yearly rate in the desired direction at or above: 预计达标 (UNSD: 2 %). A 不升 (not
   * rising) target rising faster than this: 倒退.
   */
  directionFast: number;
  /**
   * Direction-only targets: at or above: 需加快; above −this: 停滞; else 倒退 (UNSD: 0.5 %). A 不升 target rising
   * no faster than this: 预计达标 (and 达标 over the period in the target year); faster: 需加快.
   */
  directionSlow: number;
  /** Half-width of the band of a "左右" target, in the row's unit. */
  aroundTolerance: number;
  /** Level of the prediction interval for 波动较大. */
  intervalLevel: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  onTrack: 0.95,
  moderate: 0.5,
  marginal: 0.1,
  stagnation: -0.1,
  directionFast: 0.02,
  directionSlow: 0.005,
  aroundTolerance: 2,
  intervalLevel: 0.8,
};

/** Thresholds read from storage: any missing or unusable field falls back to its default. */
export function restoreThresholds(stored: unknown): Thresholds {
  const result = { ...DEFAULT_THRESHOLDS };
  if (!stored || typeof stored !== 'object') return result;
  for (const key of Object.keys(result) as (keyof Thresholds)[]) {
    const value = (stored as Record<string, unknown>)[key];
    if (typeof value === 'number' && Number.isFinite(value)) result[key] = value;
  }
  return result;
}

/** Why a set of thresholds cannot be used, in Chinese; null when they can. */
export function thresholdProblem(t: Thresholds): string | null {
  if (!(t.onTrack > t.moderate && t.moderate > t.marginal && t.marginal > t.stagnation)) {
    return '完成度阈值应从高到低：预计达标 > 需加快 > 进展缓慢 > 停滞。';
  }
  if (!(t.directionFast > t.directionSlow && t.directionSlow > 0)) {
    return '方向性指标的年均变化阈值应满足：预计达标 > 需加快 > 0。';
  }
  if (!(t.aroundTolerance >= 0)) return '“左右”目标的允许偏差不能为负数。';
  if (!(t.intervalLevel > 0 && t.intervalLevel < 1))
    return '预测区间的置信水平应在 0 到 1 之间（如 0.8，即 80%）。';
  return null;
}

export interface TargetSpec {
  kind: TargetKind;
  comparator: Comparator;
  /** Target value; for yearly-change, the change per year (−1); null for direction-only. */
  value: number | null;
  baseYear: number;
  targetYear: number;
  /**
   * The row's unit, for its natural limits: a rate held at 100 % cannot 提高 any further, a count at 0 cannot
   * 减少 (a direction target there is met, not 停滞).
   */
  unit?: string;
  /** The row's name, for its natural limits too: a gross rate (毛入学率) passes 100 % (isGrossRate). */
  name?: string;
}

export interface Assessment {
  status: Status;
  /** Share of required progress expected by the target year. */
  cr: number | null;
  /** Target value at the target year (for yearly-change: v_base + step·(T − base)). */
  targetAtT: number | null;
  latestYear: number | null;
  latest: number | null;
  /**
   * The base value: the base year's own, else that of the year nearest the base year (on a tie the earlier one);
   * `baseValueYear` says which year it is from.
   */
  baseValue: number | null;
  baseValueYear: number | null;
  /** How many years have a figure. */
  valueCount: number;
  /** The first year with a figure. */
  firstYear: number | null;
  projected: number | null;
  /** Target year's value (once in) or projection, minus the target at T (negative = below the target). */
  gap: number | null;
  /**
   * Yearly relative change in the desired direction (direction-only targets; for 不升, downwards: a rise is
   * negative).
   */
  directionRate: number | null;
  /**
   * The target year's own figure, once in: what 达标 / 未达标 rest on and quote (a row whose 目标年 is before the
   * workbook's last year has later figures; `latest` is then not the target year's).
   */
  targetYearValue?: number;
  /**
   * A 不升 target judged in its target year: the years whose trend was judged (from the base year's figure on).
   * From the target year to itself when its figures start there (不升, ↓, ↑): 数据不足, one figure shows no change.
   */
  periodYears?: { from: number; to: number };
  /** The base year already met the target and the projection no longer does (cr is then −1 by convention). */
  slipping?: boolean;
  /** 已达标 now, but the projection at the target year no longer meets the target: the trend needs watching. */
  trendLeaves?: boolean;
  /** A direction target whose value sits at the unit's natural limit (100 % to 提高, 0 to 减少): met there. */
  atLimit?: boolean;
  /**
   * A ↑ row judged by how fast its gap to the unit's upper limit shrinks (`directionRate` is then that rate), since
   * it is larger than the value's own yearly growth (`valueRate`): 99.0 → 99.6 % closes 60 % of the gap to 100 %.
   */
  shortfall?: { limit: number; valueRate: number };
}

/**
 * The comparator a target is judged by. A yearly change is met year by year (≤ or ≥ by its step's sign), a
 * direction has an arrow and a bound a sign: a comparator of the other sort there (an arrow on a yearly change, as
 * imports gave new rows before; ≤ on a direction or 不升 on a 上限 row, chosen from the 比较 list) would otherwise
 * never be met or be judged backwards.
 */
export function judgedComparator(
  target: Pick<Indicator['target'], 'kind' | 'comparator' | 'yearlyStep'>,
): Comparator {
  const { kind, comparator } = target;
  if (kind === 'yearly-change' && !['≤', '<', '≥', '>'].includes(comparator))
    return (target.yearlyStep ?? -1) > 0 ? '≥' : '≤';
  if (kind === 'direction' && !isDirectionComparator(comparator))
    return comparator === '<' || comparator === '≤' ? '↓' : '↑';
  // A direction (↓, ↑, 不升) on a bound has no figure to compare with: the bound's own sign, as a new kind gets it
  // (alignTargetToKind). meets() knew no arrow there and a 上限 row at 3.8‰ against 5‰ was 倒退.
  if (isDirectionComparator(comparator)) {
    if (kind === 'upper') return '<';
    if (kind === 'lower' || kind === 'count') return '≥';
    // Judged by their kind whatever 比较 says (meets); named so, the 目标 text reads back.
    if (kind === 'around') return '≈';
    if (kind === 'full') return '=';
  }
  return comparator;
}

export function targetSpecOf(
  indicator: Pick<Indicator, 'target' | 'baseYear' | 'targetYear' | 'unit'> &
    Partial<Pick<Indicator, 'name'>>,
): TargetSpec {
  const { target } = indicator;
  return {
    unit: indicator.unit,
    ...(indicator.name === undefined ? {} : { name: indicator.name }),
    kind: target.kind,
    comparator: judgedComparator(target),
    value:
      target.kind === 'yearly-change'
        ? (target.yearlyStep ?? null)
        : target.kind === 'full'
          ? 100
          : target.value,
    baseYear: indicator.baseYear,
    targetYear: indicator.targetYear,
  };
}

/**
 * How far the row ends from its target at the target year: from the target year's own value once it is in (the
 * verdict is then 达标/未达标 on that value), else from the projection. Negative = below the target.
 */
export function gapAtTarget(spec: TargetSpec, series: Series, projected: number | null): number | null {
  const goal = targetForYear(spec, series, spec.targetYear);
  if (goal === null) return null;
  const basis = valueAt(series, spec.targetYear) ?? projectionAsShown(projected, spec);
  return basis === null ? null : basis - goal;
}

/** The target in force for a given year (only yearly-change targets move). */
export function targetForYear(spec: TargetSpec, series: Series, year: number): number | null {
  if (spec.kind === 'direction') return null;
  if (spec.kind === 'full') return 100;
  if (spec.kind === 'yearly-change') {
    // Without the base year's own figure the line starts from the nearest year's (said in the explanation): a
    // next plan without 2025's figure counts its yearly points from 2024's, a plan without 2018's from 2020's.
    const base = baseOf(series, spec.baseYear);
    if (base === null || spec.value === null) return null;
    return base.value + spec.value * (year - base.year);
  }
  return spec.value;
}

/**
 * The figure progress is measured from: the base year's own, else that of the year nearest the base year (on a
 * tie the earlier one) — in a new plan whose base year 2025 is not yet in, 2024's, not 2020's.
 */
export function baseOf(series: Series, baseYear: number): { year: number; value: number } | null {
  let best: { year: number; value: number } | null = null;
  series.years.forEach((year, i) => {
    const value = series.values[i];
    if (value === undefined) return;
    const distance = Math.abs(year - baseYear);
    const bestDistance = best === null ? Infinity : Math.abs(best.year - baseYear);
    if (distance < bestDistance || (distance === bestDistance && best !== null && year < best.year))
      best = { year, value };
  });
  return best;
}

function valueAt(series: Series, year: number): number | null {
  const index = series.years.indexOf(year);
  return index < 0 ? null : (series.values[index] ?? null);
}

const EPSILON = 1e-9;

/** Whether a value meets a target, keeping "<" and "≤" apart. */
export function meets(value: number, target: number, spec: TargetSpec, thresholds: Thresholds): boolean {
  switch (spec.kind) {
    case 'around':
      return Math.abs(value - target) <= thresholds.aroundTolerance + EPSILON;
    case 'full':
      return value >= 100 - EPSILON;
    default:
      switch (spec.comparator) {
        case '<':
          return value < target;
        case '≤':
          return value <= target + EPSILON;
        case '>':
          return value > target;
        case '≥':
        case '=':
          return value >= target - EPSILON;
        case '≈':
          return Math.abs(value - target) <= thresholds.aroundTolerance + EPSILON;
        default:
          return false;
      }
  }
}

/** Slack for a projection that lands a hair under a whole count (5.9999999999 is 6, not 5). */
const WHOLE_EPSILON = 1e-9;

/**
 * A projected count as every view shows it and its status is judged (预测2025年 and 预测2030年 alike): whole units
 * (a clerk cannot count 5.8 家). Rounded to the target's worse side, which keeps the status honest: for
 * more-is-better (≥, >, ↑) down, since a trend at 5.8 家 means 5 are sure and the sixth is still a decision; for
 * fewer-is-better (≤, <, ↓, 不升, e.g. 例 of a disease) up; to the nearest for a band (≈, 左右) or = (no worse side).
 * So a projection shown never reaches a whole target the trend itself misses. Shares, rates and amounts (%, ‰,
 * per 10万, 万元) are returned as they are; so is a figure typed by the clerk (only projections come here).
 */
export function wholeCountAsShown(
  value: number,
  spec: Pick<TargetSpec, 'kind' | 'comparator' | 'unit'>,
): number {
  if (!isCountUnit(spec.unit ?? '')) return value;
  if (isBand(spec)) return Math.round(value);
  switch (spec.comparator) {
    case '≥':
    case '>':
    case '↑':
      return Math.floor(value + WHOLE_EPSILON);
    case '≤':
    case '<':
    case '↓':
    case '不升':
      // + 0: a projection of 0 is 0, not the −0 Math.ceil gives for −1e-9.
      return Math.ceil(value - WHOLE_EPSILON) + 0;
    default:
      return Math.round(value);
  }
}

/** `wholeCountAsShown` of a projection that may be missing. */
export function projectionAsShown(
  projected: number | null,
  spec: Pick<TargetSpec, 'kind' | 'comparator' | 'unit'>,
): number | null {
  return projected === null ? null : wholeCountAsShown(projected, spec);
}

/**
 * The whole count a target of counts asks for: strictly above 5 家 is 6 家, strictly below 3 例 is 2 例, at least
 * 2.5 次 is 3 次; not a count, or a band, the target itself. Progress towards a count is measured to it: 5 家 is no
 * part of the way past “>5 家” (it read 预计达标, CR 1, beside a trend shown as 5 家).
 */
export function wholeGoal(target: number, spec: Pick<TargetSpec, 'kind' | 'comparator' | 'unit'>): number {
  if (!isCountUnit(spec.unit ?? '') || isBand(spec)) return target;
  switch (spec.comparator) {
    case '>':
      return Math.floor(target + WHOLE_EPSILON) + 1;
    case '≥':
      return Math.ceil(target - WHOLE_EPSILON);
    case '<':
      return Math.ceil(target - WHOLE_EPSILON) - 1;
    case '≤':
      return Math.floor(target + WHOLE_EPSILON);
    default:
      return target;
  }
}

/** Lower is better for upper bounds and downward directions (不升 too: its better side is the lower one). */
function lowerIsBetter(spec: TargetSpec): boolean {
  if (spec.kind === 'upper' || spec.kind === 'yearly-change')
    return spec.kind === 'upper' || (spec.value ?? 0) < 0;
  if (spec.kind === 'direction') return lowerIsBetterDirection(spec.comparator);
  return spec.comparator === '<' || spec.comparator === '≤';
}

export function assessStatus(
  spec: TargetSpec,
  series: Series,
  trend: number | null,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): Assessment {
  // A count is judged by the whole number shown (5.5 家 against >5 家 is 5 家: not 预计达标).
  const projected = projectionAsShown(trend, spec);
  const n = series.values.length;
  const latest = n > 0 ? (series.values[n - 1] ?? null) : null;
  const latestYear = n > 0 ? (series.years[n - 1] ?? null) : null;
  const base = baseOf(series, spec.baseYear);
  const baseValue = base?.value ?? null;
  const targetAtT = targetForYear(spec, series, spec.targetYear);
  const atT = valueAt(series, spec.targetYear);
  const result: Assessment = {
    status: '数据不足',
    cr: null,
    targetAtT,
    latestYear,
    latest,
    baseValue,
    baseValueYear: base?.year ?? null,
    valueCount: n,
    firstYear: n > 0 ? (series.years[0] ?? null) : null,
    projected,
    gap: gapAtTarget(spec, series, projected),
    directionRate: null,
    ...(atT === null ? {} : { targetYearValue: atT }),
  };
  if (latest === null || latestYear === null) return result;

  if (spec.kind === 'direction') return assessDirection(spec, series, result, thresholds);

  // Once the target year's own value is in, the verdict is simply met or not.
  const finalValue = valueAt(series, spec.targetYear);
  if (finalValue !== null && targetAtT !== null) {
    return { ...result, status: meets(finalValue, targetAtT, spec, thresholds) ? '达标' : '未达标' };
  }
  if (targetForYear(spec, series, latestYear) === null) return result;
  if (metNow(spec, series, thresholds)) {
    // 已达标 is the latest value's verdict (DOMAIN); a trend that takes it past the target by the target year
    // (5.0, 5.3, 5.6, 5.9‰ against <6‰) is said beside it, for the plan's 预警 of 预计达标困难.
    return {
      ...result,
      status: '已达标',
      ...(trendLeavesTarget(spec, series, projected, targetAtT, latest, thresholds)
        ? { trendLeaves: true }
        : {}),
    };
  }
  if (n < 2 || projected === null || baseValue === null || targetAtT === null) return result;

  let goal = wholeGoal(targetAtT, spec);
  if (isBand(spec)) {
    // Aim for the nearer edge of the band.
    goal =
      baseValue < targetAtT ? targetAtT - thresholds.aroundTolerance : targetAtT + thresholds.aroundTolerance;
  }
  if (meets(projected, targetAtT, spec, thresholds)) return { ...result, cr: 1, status: '预计达标' };
  const band = isBand(spec);
  const baseInBand = band && meets(baseValue, targetAtT, spec, thresholds);
  if (band && !baseInBand) {
    // A band (保持在90%左右) is reached, not passed: progress is how much nearer the band the trend ends than the
    // base was. A trend that shoots past the band (86.5 → 97.4 for 90 ± 2) ends farther from it than it began —
    // not 预计达标 as "progress towards the nearer edge" made it.
    const outside = (v: number) => Math.max(0, Math.abs(v - targetAtT) - thresholds.aroundTolerance);
    const cr = (outside(baseValue) - outside(projected)) / outside(baseValue);
    return { ...result, cr, status: tierOf(cr, thresholds) };
  }
  const required = goal - baseValue;
  let cr: number;
  const baseTarget = targetForYear(spec, series, spec.baseYear) ?? targetAtT;
  if (spec.kind !== 'yearly-change' && meets(baseValue, baseTarget, spec, thresholds)) {
    // The base already met the target and the projection no longer does: slipping back.
    return { ...result, cr: -1, slipping: true, status: tierOf(-1, thresholds) };
  } else if (Math.abs(required) < EPSILON) {
    // The base already sat on the target: any move away is regression, none is stagnation.
    const away = lowerIsBetter(spec) ? projected - baseValue : baseValue - projected;
    cr = away > EPSILON ? -1 : 0;
  } else {
    cr = (projected - baseValue) / required;
  }
  return { ...result, cr, status: tierOf(cr, thresholds) };
}

/**
 * Whether the latest value meets the target (DOMAIN: 已达标). A yearly-change target tightens each year, so meeting
 * the latest year's own bound is only being on the way (judged by CR); meeting the target year's bound (近视率 at
 * or below value₂₀₁₈ − 7 before 2025) is the target met.
 */
function metNow(spec: TargetSpec, series: Series, thresholds: Thresholds): boolean {
  const latest = series.values.at(-1);
  const latestYear = series.years.at(-1);
  if (latest === undefined || latestYear === undefined) return false;
  const target = targetForYear(spec, series, spec.kind === 'yearly-change' ? spec.targetYear : latestYear);
  return target !== null && meets(latest, target, spec, thresholds);
}

/**
 * Whether a row met now is on course to miss by the target year, beyond its noise: the projection misses and the
 * target lies outside the linear trend's prediction interval (the 波动较大 rule's own interval). A dip at a natural
 * limit (100, 100, 99.5, 100 on a 全覆盖 row) or a count's small swing (2, 1, 1 家 against ≥1) is not a course.
 */
function trendLeavesTarget(
  spec: TargetSpec,
  series: Series,
  projected: number | null,
  targetAtT: number | null,
  latest: number,
  thresholds: Thresholds,
): boolean {
  if (projected === null || targetAtT === null || meets(projected, targetAtT, spec, thresholds)) return false;
  if (atNaturalLimit(latest, spec) || (spec.kind === 'full' && latest >= 100 - EPSILON)) return false;
  const interval = linearPredictionInterval(series, spec.targetYear, thresholds.intervalLevel);
  if (interval === null) return false;
  // Past the target for certain: a 左右 target's whole band, not only its centre, outside the interval.
  const tolerance = isBand(spec) ? thresholds.aroundTolerance : 0;
  return targetAtT + tolerance < interval.low || targetAtT - tolerance > interval.high;
}

/** A value at its unit's natural limit on the side the target wants (100 % to rise, 0 to fall): it can go no further. */
function atNaturalLimit(value: number, spec: TargetSpec): boolean {
  const limits = naturalLimits(spec.unit ?? '', spec.name);
  return lowerIsBetter(spec) ? value <= limits.low + EPSILON : value >= limits.high - EPSILON;
}

/**
 * A threshold as a status rule tests it: `cr ≥ 0.5` is 需加快 or better, `rate > −0.5 %` 停滞 or better. A figure
 * printed beside a status is kept on the same side of each cut as the exact one (`percentBesideThresholds`), so
 * the rule and the printed figure read the cut the same way.
 */
export interface Cut {
  comparator: '≥' | '>' | '≤' | '<';
  value: number;
}

/**
 * How near a cut a share counts as on it. Figures exactly on a cut (5 → 4.9 %: a fall of 2 %; 8 → 8.04: a rise
 * of 0.5 %) come out of ln and exp a few 1e-16 off it (0.019999999999999796), which read 需加快 beside 年均下降
 * 1.999999%. No real share is decided by less than this.
 */
const CUT_EPSILON = 1e-9;

export function passesCut(x: number, cut: Cut): boolean {
  switch (cut.comparator) {
    case '≥':
      return x >= cut.value - CUT_EPSILON;
    case '>':
      return x > cut.value + CUT_EPSILON;
    case '≤':
      return x <= cut.value + CUT_EPSILON;
    case '<':
      return x < cut.value - CUT_EPSILON;
  }
}

/** The CR tiers, best first: a CR passing a cut has the status beside it (DOMAIN: 预计达标 CR ≥ 0.95 …); none: 倒退. */
export function crCuts(t: Thresholds): readonly [Cut, Status][] {
  return [
    [{ comparator: '≥', value: t.onTrack }, '预计达标'],
    [{ comparator: '≥', value: t.moderate }, '需加快'],
    [{ comparator: '≥', value: t.marginal }, '进展缓慢'],
    [{ comparator: '≥', value: t.stagnation }, '停滞'],
  ];
}

/**
 * The tiers of a direction-only target by its yearly rate in the desired direction, best first: ≥ 2 % 预计达标,
 * ≥ 0.5 % 需加快, within ± 0.5 % (above −0.5 %) 停滞; none: 倒退.
 */
export function directionCuts(t: Thresholds): readonly [Cut, Status][] {
  return [
    [{ comparator: '≥', value: t.directionFast }, '预计达标'],
    [{ comparator: '≥', value: t.directionSlow }, '需加快'],
    [{ comparator: '>', value: -t.directionSlow }, '停滞'],
  ];
}

/** 不升 targets, by the yearly rise (positive = rising): no faster than the slow cut, on track; than the fast one, 需加快. */
export function holdCuts(t: Thresholds): readonly [Cut, Status][] {
  return [
    [{ comparator: '≤', value: t.directionSlow }, '预计达标'],
    [{ comparator: '≤', value: t.directionFast }, '需加快'],
  ];
}

function tierBy(x: number, tiers: readonly [Cut, Status][]): Status {
  return tiers.find(([cut]) => passesCut(x, cut))?.[1] ?? '倒退';
}

function tierOf(cr: number, t: Thresholds): Status {
  return tierBy(cr, crCuts(t));
}

function assessDirection(spec: TargetSpec, series: Series, result: Assessment, t: Thresholds): Assessment {
  const n = series.values.length;
  const down = spec.comparator === '↓';
  const finalValue = valueAt(series, spec.targetYear);
  const base = result.baseValue;
  // At the unit's limit a rate cannot 提高 (100 %) nor a count 减少 (0) any further: kept there, the target is met
  // (a 参保率 of 100 % every year was 未达标 / 停滞).
  const atLimit = (v: number) => atNaturalLimit(v, spec);
  if (finalValue !== null && atLimit(finalValue)) return { ...result, status: '达标', atLimit: true };
  if (spec.comparator === '不升') return assessHold(spec, series, result, t);
  // Figures that start in the target year: the year standing in for the base is the target year itself, whose
  // figure was compared with itself (未达标, “与最近的2023年 15% 相比”); later years are no part of the period.
  if (finalValue !== null && result.baseValueYear === spec.targetYear)
    return { ...result, periodYears: { from: spec.targetYear, to: spec.targetYear } };
  if (finalValue !== null && base !== null && n >= 2) {
    const improved = down ? finalValue < base : finalValue > base;
    return { ...result, status: improved ? '达标' : '未达标' };
  }
  const latest = result.latest;
  if (finalValue === null && latest !== null && atLimit(latest))
    return { ...result, status: '已达标', atLimit: true };
  if (n < 2) return result;
  const rate = yearlyRate(series);
  if (rate === null) return result;
  const inDesired = down ? -rate : rate;
  const gap = down ? null : shortfallRate(series, spec);
  if (gap !== null && inDesired >= 0 && gap.rate > inDesired) {
    return {
      ...result,
      directionRate: gap.rate,
      shortfall: { limit: gap.limit, valueRate: inDesired },
      status: tierBy(gap.rate, directionCuts(t)),
    };
  }
  return { ...result, directionRate: inDesired, status: tierBy(inDesired, directionCuts(t)) };
}

/**
 * How fast a rising share closes its gap to the unit's upper limit (100 %, 1000 ‰): the yearly rate at which
 * limit − value shrinks, by the same fit as `yearlyRate` (the AARR of the uncovered share, as WHO/UNICEF measure
 * coverage near 100 %). Near the limit a value's own growth says little — 99.0 → 99.6 % grows 0.2 % a year while
 * closing 60 % of what was left — so a ↑ row is credited with the larger of the two. Null without an upper limit,
 * or when a value lies past it (a gap below zero measures nothing).
 */
function shortfallRate(series: Series, spec: TargetSpec): { rate: number; limit: number } | null {
  const limit = naturalLimits(spec.unit ?? '', spec.name).high;
  if (!Number.isFinite(limit) || series.values.some((v) => v > limit)) return null;
  const rate = yearlyRate({ years: series.years, values: series.values.map((v) => limit - v) });
  return rate === null ? null : { rate: -rate, limit };
}

/**
 * 不升 (上升趋势得到有效控制, 控制在较低水平): the plan asks that the figure not rise, not that it fall, so a flat
 * series is on track, not 停滞. With r the yearly rate (positive = rising): 预计达标 while r ≤ the 需加快 cut (0.5 %),
 * 需加快 up to the 预计达标 cut (2 %), 倒退 beyond it. In the target year the trend of the period — from the base
 * year's figure to the target year's — decides 达标 (r ≤ 0.5 %) or 未达标, not the target year's figure against the
 * base's: one year's noise (15.0 → 15.1 %) is no rising trend.
 */
function assessHold(spec: TargetSpec, series: Series, result: Assessment, t: Thresholds): Assessment {
  const n = series.values.length;
  const latest = result.latest;
  const finalValue = valueAt(series, spec.targetYear);
  if (finalValue === null && latest !== null && atNaturalLimit(latest, spec))
    return { ...result, status: '已达标', atLimit: true };
  if (n < 2) return result;
  if (finalValue !== null) {
    const from = result.baseValueYear ?? series.years[0] ?? spec.targetYear;
    const keep = series.years.map((year) => year >= from && year <= spec.targetYear);
    const period: Series = {
      years: series.years.filter((_, i) => keep[i]),
      values: series.values.filter((_, i) => keep[i]),
    };
    // Figures that start in the target year leave one figure for the period: whether it rose cannot be judged (the
    // years after it are no part of the period; judged by them, it read "2025—2025年年均变化 …：未达标").
    if (period.values.length < 2)
      return { ...result, periodYears: { from: spec.targetYear, to: spec.targetYear } };
    const rate = yearlyRate(period);
    if (rate === null) return result;
    return {
      ...result,
      directionRate: -rate,
      periodYears: { from, to: spec.targetYear },
      status: tierBy(rate, holdCuts(t)) === '预计达标' ? '达标' : '未达标',
    };
  }
  const rate = yearlyRate(series);
  if (rate === null) return result;
  const status = tierBy(rate, holdCuts(t));
  return { ...result, directionRate: -rate, status };
}

/** What a direction target's period is asked about, as the explanations say it. */
const DIRECTION_WORDS: Partial<Record<string, string>> = { 不升: '上升', '↓': '下降', '↑': '提高' };

/** Yearly relative change: from the log-linear fit when all values are positive, else the linear slope over the mean. */
export function yearlyRate(series: Series): number | null {
  const { years, values } = series;
  if (values.length < 2) return null;
  const xs = years;
  const n = xs.length;
  const meanX = xs.reduce((a, b) => a + b, 0) / n;
  const positive = values.every((v) => v > 0);
  const ys = positive ? values.map(Math.log) : values;
  const meanY = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  xs.forEach((x, i) => {
    sxx += (x - meanX) ** 2;
    sxy += (x - meanX) * ((ys[i] ?? 0) - meanY);
  });
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  if (positive) return Math.exp(slope) - 1;
  const mean = values.reduce((a, b) => a + b, 0) / n;
  return mean === 0 ? null : slope / Math.abs(mean);
}

export interface Fluctuation {
  flagged: boolean;
  /** What the flag rests on, in Chinese, shown next to it. */
  evidence: string;
  /** The linear trend's prediction interval at the target year, held within the unit's natural limits. */
  interval: { low: number; high: number } | null;
  reversals: number;
}

/**
 * 波动较大: noise-aware. Flagged when the 80 % prediction interval of the linear projection at the target year
 * contains the target (the trend cannot tell hit from miss), or when year-on-year changes reverse direction
 * at least twice.
 */
export function assessFluctuation(
  spec: TargetSpec,
  series: Series,
  unit: string,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): Fluctuation {
  const reversals = countReversals(series.values);
  const raw = linearPredictionInterval(series, spec.targetYear, thresholds.intervalLevel);
  // Shown within the unit's natural limits: no −0.02‰, no 107.61 % (the projection is held there too).
  const limits = naturalLimits(unit, spec.name);
  const interval = raw
    ? {
        low: withinNaturalLimits(raw.low, unit, spec.name),
        high: withinNaturalLimits(raw.high, unit, spec.name),
      }
    : null;
  const heldLow = raw !== null && interval !== null && interval.low !== raw.low;
  const heldHigh = raw !== null && interval !== null && interval.high !== raw.high;
  const f = (v: number) => formatWithUnit(round(v), unit);
  const target = targetForYear(spec, series, spec.targetYear);
  const level = `${roundHalfAway(thresholds.intervalLevel * 100, 0)}%`;
  const parts: string[] = [];
  let flagged = false;
  // Only where the outcome is still open: a target already met, or the target year already in, is not a forecast.
  const open = valueAt(series, spec.targetYear) === null && !metNow(spec, series, thresholds);
  if (raw && target !== null && open) {
    // The flag's reason is the linear trend's own interval: held at a natural limit it contains a target within
    // the limits exactly when the trend's interval does, and an interval wholly past a limit (107.61%～109.67%)
    // is certain to pass the target, not uncertain — so the flag is decided on the trend's interval.
    // A 左右 target is hit inside its band: the trend cannot tell hit from miss when the interval holds an edge of
    // the band (87.6%～89.42% against 90%±2 holds 88%), not when it holds the centre — one wholly inside the band
    // is a hit, whatever it holds.
    const band = isBand(spec) ? bandOf(target, unit, thresholds) : null;
    const edges = band ? [band.low, band.high] : [target];
    // Figures all on the trend line (95, 96, 97, 98 %) leave an interval of no width: a target exactly where the
    // line ends is then certain, not uncertain — such a row read 波动较大 beside figures that never swing.
    const scatterless = raw.high - raw.low <= EPSILON * Math.max(1, Math.abs(raw.center));
    const onLine = edges.find((e) => raw.low <= e && e <= raw.high);
    const edge = scatterless ? undefined : onLine;
    const contains = edge !== undefined;
    const held = [
      heldLow ? `以 ${f(limits.low)} 为下限` : '',
      heldHigh ? `以 ${f(limits.high)} 为上限` : '',
    ].filter(Boolean);
    const cut = held.length > 0 ? `（${held.join('、')}）` : '';
    const low = interval?.low ?? raw.low;
    const high = interval?.high ?? raw.high;
    const goal = !band
      ? `目标 ${formatWithUnit(round(target), unit)}`
      : edge === undefined
        ? `目标范围 ${f(band.low)}～${f(band.high)} 的上下限`
        : `目标范围${edge === band.low ? '下限' : '上限'} ${f(edge)}`;
    const pastLimit = raw.low > limits.high || raw.high < limits.low;
    parts.push(
      // The interval is the linear trend's (DOMAIN: noise-aware rule): named so, since the projection shown may
      // come from another method (log-linear) and lie outside it.
      pastLimit
        ? // Wholly past a limit (107.61%～109.67%): the interval is the limit itself, and the outcome certain.
          `按线性趋势，${spec.targetYear}年${level}预测区间全部超出${raw.low > limits.high ? '上限' : '下限'}，按 ${f(low)} 计，` +
            `${meets(low, target, spec, thresholds) ? '可达到' : '不符合'}${goal}`
        : scatterless && onLine !== undefined
          ? `按线性趋势，${spec.targetYear}年预计为 ${f(low)}${cut}，正好是${band ? `目标范围${onLine === band.low ? '下限' : '上限'} ${f(onLine)}` : goal}；各年数值都在趋势线上，没有波动`
          : `按线性趋势，${spec.targetYear}年${level}预测区间 ${f(low)}～${f(high)}${cut}` +
            `${contains ? '，包含' : '，不含'}${goal}`,
    );
    if (contains) flagged = true;
  }
  if (reversals >= 2) {
    // Reversals are shown either way; they raise the flag only while the outcome is open.
    if (open) flagged = true;
    // Why no warning, as it is: the target year's own figure is in, or the latest figure meets the target now —
    // not 结果已定 for a row met in 2024 whose trend may still miss.
    const why = valueAt(series, spec.targetYear) !== null ? `${spec.targetYear}年已有实际值` : '目前已达标';
    parts.push(`逐年变化方向反复 ${reversals} 次${open ? '' : `（${why}，不作波动预警）`}`);
  }
  if (parts.length === 0)
    parts.push(series.values.length < 3 ? '数据少于3年，无法判断波动' : '波动在正常范围内');
  return { flagged, evidence: parts.join('；'), interval, reversals };
}

export function countReversals(values: readonly number[]): number {
  let reversals = 0;
  let previousSign = 0;
  for (let i = 1; i < values.length; i += 1) {
    const sign = Math.sign((values[i] ?? 0) - (values[i - 1] ?? 0));
    if (sign === 0) continue;
    if (previousSign !== 0 && sign !== previousSign) reversals += 1;
    previousSign = sign;
  }
  return reversals;
}

const round = (v: number) => roundHalfAway(v, 2);

/**
 * A share in percent, rounded to `decimals` places but never onto the other side of a cut: a CR of 0.4967 read
 * "50%" beside 进展缓慢 while 需加快 starts at 50 %, a yearly rate of −0.499 % read "−0.5%" beside 停滞 while
 * −0.5 % itself is 倒退. Each cut is tested as its rule tests it (≥, >, ≤, <). More places are shown until every
 * cut falls on the same side as the exact share; after four more, the figure is cut towards the share's own side.
 */
export function percentBesideThresholds(share: number, cuts: readonly Cut[], decimals = 0): number {
  const percent = share * 100;
  // The printed figure against a cut in percent, allowing for the float error of cut × 100 (0.07 × 100).
  const passesShown = (shown: number, { comparator, value }: Cut) => {
    const at = value * 100;
    if (Math.abs(shown - at) <= 1e-9) return comparator === '≥' || comparator === '≤';
    return passesCut(shown, { comparator, value: at });
  };
  const sameSide = (shown: number) => cuts.every((cut) => passesShown(shown, cut) === passesCut(share, cut));
  for (let places = decimals; places <= decimals + 4; places += 1) {
    const shown = roundHalfAway(percent, places);
    if (sameSide(shown)) return shown;
  }
  const scale = 10 ** (decimals + 4);
  // Rounded up past a cut the share is below (on either sort of cut): cut down instead; else up.
  const rounded = roundHalfAway(percent, decimals + 4);
  const upward = (cut: Cut) => cut.comparator === '≥' || cut.comparator === '>';
  const below = cuts.some(
    (cut) => passesCut(share, cut) !== upward(cut) && passesShown(rounded, cut) === upward(cut),
  );
  return (below ? Math.floor(percent * scale) : Math.ceil(percent * scale)) / scale;
}

/** Whether a target is a band (保持在90%左右): met within ± the tolerance, neither above nor below. */
export function isBand(spec: Pick<TargetSpec, 'kind' | 'comparator'>): boolean {
  return spec.kind === 'around' || spec.comparator === '≈';
}

/** A band's edges and how a clerk reads it: "90%±2（88%～92%）". */
export function bandOf(
  centre: number,
  unit: string,
  thresholds: Thresholds,
): { low: number; high: number; text: string } {
  const f = (v: number) => formatWithUnit(round(v), unit);
  const tolerance = thresholds.aroundTolerance;
  const low = centre - tolerance;
  const high = centre + tolerance;
  return { low, high, text: `${f(centre)}±${formatNumber(round(tolerance))}（${f(low)}～${f(high)}）` };
}

/**
 * Where a trend ends against a band, for a value already in it: nothing when it stays in; else which edge it
 * passes and which way the value must move ("将超出范围（高于上限 92%），需放缓上升、控制在 92% 以内").
 */
export function bandDrift(
  trend: number | null,
  band: { low: number; high: number },
  unit: string,
): string | null {
  const f = (v: number) => formatWithUnit(round(v), unit);
  if (trend === null) return null;
  if (trend > band.high + EPSILON)
    return `将超出范围（高于上限 ${f(band.high)}），需放缓上升、控制在 ${f(band.high)} 以内`;
  if (trend < band.low - EPSILON)
    return `将超出范围（低于下限 ${f(band.low)}），需止住下降、保持在 ${f(band.low)} 以上`;
  return null;
}

/** A plain-Chinese reason for the status, e.g. "按对数线性趋势，2025年预计为5.6‰，高于目标5‰，需年均下降…". */
export function explainStatus(
  spec: TargetSpec,
  assessment: Assessment,
  unit: string,
  method: Method | null,
  thresholds: Thresholds = DEFAULT_THRESHOLDS,
): string {
  const a = assessment;
  const f = (v: number) => formatWithUnit(round(v), unit);
  const T = spec.targetYear;
  const methodText = method ? `按${METHOD_LABELS[method]}` : '按预测公式';
  // A base value from another year than the base year says so wherever it is used.
  const standIn =
    a.baseValue !== null && a.baseValueYear !== null && a.baseValueYear !== spec.baseYear
      ? { year: a.baseValueYear, value: a.baseValue }
      : null;
  const baseNote = standIn
    ? `基期${spec.baseYear}年无数值，以最近的${standIn.year}年 ${f(standIn.value)} 为基数`
    : '';
  // A yearly-change target is itself computed from the base value.
  const targetNote =
    standIn && spec.kind === 'yearly-change' && spec.value !== null
      ? `（${baseNote}，${T}年目标 = ${f(standIn.value)} ${spec.value < 0 ? '−' : '+'} ${formatDifference(round(Math.abs(spec.value * (T - standIn.year))), unit)}）`
      : '';
  const band = isBand(spec) && a.targetAtT !== null ? bandOf(a.targetAtT, unit, thresholds) : null;
  switch (a.status) {
    case '公式有误':
      return '预测公式有误，状态无法计算。请检查或点“恢复默认公式”。';
    case '数据不足': {
      if (a.latest === null) return '还没有填写任何年份的数值。';
      if (a.periodYears && a.periodYears.from === a.periodYears.to) {
        const later = a.latestYear !== null && a.latestYear > T ? `（${T}年以后的数值不计入）` : '';
        return (
          `${spec.baseYear}—${T}年只有${T}年一个数值（${f(a.targetYearValue ?? 0)}）${later}，` +
          `无法判断期间是否${DIRECTION_WORDS[spec.comparator] ?? '上升'}，不能判定达标与否。`
        );
      }
      if (a.valueCount < 2)
        return `只有 ${a.latestYear}年 一个数值（${f(a.latest)}），至少需要两年的数值才能预测趋势。`;
      const have = `已有 ${a.valueCount} 年的数值（${a.firstYear}—${a.latestYear}年）`;
      if (spec.kind !== 'direction' && a.targetAtT === null) return `${have}，但目标没有数值，无法判断进展。`;
      return `${have}，但${methodText}得不出${T}年的预测值，无法判断进展。`;
    }
    case '达标':
    case '未达标': {
      // The figure the verdict rests on: the target year's, not a later year's.
      const atT = a.targetYearValue ?? a.latest ?? 0;
      if (spec.kind === 'direction' && a.atLimit)
        return `${T}年为 ${f(atT)}，${limitReached(spec, unit)}，达标。`;
      if (spec.kind === 'direction' && spec.comparator === '不升') {
        const period = a.periodYears ? `${a.periodYears.from}—${a.periodYears.to}年` : '';
        const base = standIn
          ? `基期${spec.baseYear}年无数值，最近的${standIn.year}年为 ${f(standIn.value)}`
          : `基期为 ${f(a.baseValue ?? 0)}`;
        const rule = a.status === '达标' ? '年均上升不超过' : '年均上升应不超过';
        return (
          `${period}${holdTrend(a, thresholds)}（不升：${rule} ${round(thresholds.directionSlow * 100)}%）；` +
          `${T}年为 ${f(atT)}，${base}：${a.status}。`
        );
      }
      if (spec.kind === 'direction') {
        const base = standIn
          ? `基期${spec.baseYear}年无数值，与最近的${standIn.year}年 ${f(standIn.value)} 相比`
          : `基期为 ${f(a.baseValue ?? 0)}`;
        return `${T}年为 ${f(atT)}，${base}，${a.status === '达标' ? '已按要求' : '未按要求'}${spec.comparator === '↓' ? '下降' : '提高'}。`;
      }
      if (band) return `${T}年实际为 ${f(atT)}，目标 ${band.text}，${a.status}。`;
      return `${T}年实际为 ${f(atT)}，目标 ${spec.comparator}${f(a.targetAtT ?? 0)}${targetNote}，${a.status}。`;
    }
    case '已达标': {
      if (spec.kind === 'direction')
        return `${a.latestYear}年为 ${f(a.latest ?? 0)}，${limitReached(spec, unit)}，已达标；请保持。`;
      if (band) {
        // In the band now, but a trend that leaves it by the target year needs acting on, not keeping.
        const drift = bandDrift(a.projected, band, unit);
        const head = `${a.latestYear}年为 ${f(a.latest ?? 0)}，在 ${band.text}的范围内`;
        return drift
          ? `${head}；但${methodText}，${T}年预计为 ${f(a.projected ?? 0)}，${drift}。`
          : `${head}，已达标；请保持。`;
      }
      const reached =
        spec.kind === 'yearly-change'
          ? `${a.latestYear}年为 ${f(a.latest ?? 0)}，已达到${T}年的目标 ${spec.comparator}${f(a.targetAtT ?? 0)}${bracketed(targetNote, ownYearBound(spec, a, unit))}`
          : `${a.latestYear}年为 ${f(a.latest ?? 0)}，已达到目标 ${spec.comparator}${f(a.targetAtT ?? 0)}`;
      if (a.trendLeaves && a.projected !== null) {
        const side = lowerIsBetter(spec) ? '高于' : '低于';
        return `${reached}；但${methodText}，${T}年预计为 ${f(a.projected)}，将${side}目标，需关注、防止回落。`;
      }
      return `${reached}；请保持。`;
    }
    default:
      break;
  }
  if (spec.kind === 'direction' && spec.comparator === '不升') {
    const slow = `${round(thresholds.directionSlow * 100)}%`;
    const fast = `${round(thresholds.directionFast * 100)}%`;
    const rule =
      a.status === '预计达标'
        ? `年均上升不超过 ${slow} 为预计达标`
        : a.status === '需加快'
          ? `年均上升不超过 ${slow} 为预计达标，超过 ${fast} 为倒退`
          : `年均上升超过 ${fast} 为倒退`;
    return `按趋势，${holdTrend(a, thresholds)}（不升：${rule}）：${a.status}。`;
  }
  if (spec.kind === 'direction') {
    const rate = a.directionRate ?? 0;
    const rateCuts = directionCuts(thresholds).map(([cut]) => cut);
    const shown = percentBesideThresholds(rate, rateCuts, 2);
    const fast = `${round(thresholds.directionFast * 100)}%`;
    if (a.shortfall) {
      // Judged by the gap to the limit: both rates are said, so 0.2 % a year beside 预计达标 is not a puzzle.
      const own = percentBesideThresholds(a.shortfall.valueRate, rateCuts, 2);
      return (
        `按趋势，距 ${formatWithUnit(a.shortfall.limit, unit)} 的差距年均缩小 ${shown}%` +
        `（数值本身年均提高 ${own}%，按两者中较大者计；≥${fast} 为预计达标）：${a.status}。`
      );
    }
    const wanted = spec.comparator === '↓' ? '下降' : '提高';
    // Moving the wrong way reads as what happens and what was wanted: "年均上升 8.33%（应下降）".
    const moved =
      rate >= 0
        ? `年均${wanted} ${Math.abs(shown)}%`
        : `年均${spec.comparator === '↓' ? '上升' : '下降'} ${Math.abs(shown)}%（应${wanted}）`;
    return `按趋势，${moved}（${wanted}≥${fast} 为预计达标）：${a.status}。`;
  }
  const projected = a.projected;
  const target = a.targetAtT;
  if (projected === null || target === null) return `${methodText}无法得出预测值。`;
  // A trend held at its unit's limit says so (the formula alone would give e.g. 102.5 %).
  const limits = naturalLimits(unit, spec.name);
  // (Only the upper limit: a projection of exactly 0 is as often a row of zeros as a trend held at 0.)
  const limit = projected === limits.high ? `（以 ${f(limits.high)} 为上限）` : '';
  let text: string;
  let goal = wholeGoal(target, spec);
  if (band) {
    const inBand = projected >= band.low - EPSILON && projected <= band.high + EPSILON;
    const where = inBand ? '在' : projected > band.high ? '高于' : '低于';
    text = `${methodText}，${T}年预计为 ${f(projected)}${limit}，${where} ${band.text}的范围${inBand ? '内' : ''}`;
    if (a.status === '预计达标')
      return inBand ? `${text}，预计可以达标。` : onTrackShort(text, a, thresholds);
    // The value must reach the nearer edge of the band, not its centre.
    if (a.latest !== null)
      goal = a.latest < band.low ? band.low : a.latest > band.high ? band.high : a.latest;
  } else {
    const side = projected > target ? '高于' : projected < target ? '低于' : '等于';
    text = `${methodText}，${T}年预计为 ${f(projected)}${limit}，${side}目标 ${f(target)}${targetNote}`;
    if (a.status === '预计达标')
      return meets(projected, target, spec, thresholds)
        ? `${text}，预计可以达标。`
        : onTrackShort(text, a, thresholds);
  }
  if (a.latest !== null && a.latestYear !== null && a.latestYear < T) {
    const years = T - a.latestYear;
    const perYear = (goal - a.latest) / years;
    if (band) {
      text += `；要进入范围，自${a.latestYear}年起需年均${perYear < 0 ? '下降' : '提高'} ${formatDifference(round(Math.abs(perYear)), unit)}（至 ${f(goal)}）`;
      // A trend that rises (falls) past the whole band must slow, not speed up.
      if (perYear > 0 && projected > band.high) text += `，但按趋势将越过上限 ${f(band.high)}，上升需放缓`;
      if (perYear < 0 && projected < band.low) text += `，但按趋势将越过下限 ${f(band.low)}，下降需放缓`;
    } else {
      text += `；要达标，自${a.latestYear}年起需年均${perYear < 0 ? '下降' : '提高'} ${formatDifference(round(Math.abs(perYear)), unit)}`;
    }
  }
  if (a.slipping) {
    const met = band ? '在范围内' : '已达到目标';
    const lost = band ? '按趋势将离开范围' : '按趋势将不再达标';
    text += standIn
      ? `（基期${spec.baseYear}年无数值；最近的${standIn.year}年 ${f(standIn.value)} ${met}，${lost}）`
      : `（基期${spec.baseYear}年${met}，${lost}）`;
  } else if (band && a.cr !== null && a.cr < 0 && a.baseValue !== null) {
    // A share below zero of the way to a band ("-1400%") says nothing: the distances say it.
    const outside = (v: number) => Math.max(0, Math.abs(v - target) - thresholds.aroundTolerance);
    const from = standIn ? `${standIn.year}年` : `基期${spec.baseYear}年`;
    text += `（${standIn ? `${baseNote}计；` : ''}${from}距范围 ${formatDifference(round(outside(a.baseValue)), unit)}，${T}年将距 ${formatDifference(round(outside(projected)), unit)}，离范围更远）`;
  } else if (a.cr !== null) {
    const from = standIn && !targetNote ? `${baseNote}计，` : '';
    const cuts = crCuts(thresholds).map(([cut]) => cut);
    text += `（${from}预计完成所需进展的 ${percentBesideThresholds(a.cr, cuts)}%）`;
  }
  return `${text}：${a.status}。`;
}

/**
 * 预计达标 beside a projection that still falls short of the target (64.81 % against ≥65 %): the rule that makes it
 * on track is said — "低于目标 65%，预计可以达标" read as a contradiction to the clerk and the director.
 */
function onTrackShort(text: string, a: Assessment, thresholds: Thresholds): string {
  if (a.cr === null) return `${text}，预计可以达标。`;
  const cuts = crCuts(thresholds).map(([cut]) => cut);
  const share = percentBesideThresholds(a.cr, cuts);
  return (
    `${text}，但预计完成所需进展的 ${share}%` +
    `（达到 ${round(thresholds.onTrack * 100)}% 即为预计达标）：预计达标。`
  );
}

/**
 * A yearly-change target's bound for the latest year itself, beside the target year's it already meets:
 * "2023年本年应≤45%". Empty when the latest year is the target year or the bound cannot be computed.
 */
function ownYearBound(spec: TargetSpec, a: Assessment, unit: string): string {
  if (spec.value === null || a.baseValue === null || a.baseValueYear === null || a.latestYear === null)
    return '';
  if (a.latestYear >= spec.targetYear) return '';
  const bound = a.baseValue + spec.value * (a.latestYear - a.baseValueYear);
  return `${a.latestYear}年本年应${spec.comparator}${formatWithUnit(round(bound), unit)}`;
}

/** A note added inside an existing bracketed note ("（…，2025年目标 = …；2023年本年应≤44%）"), else bracketed. */
function bracketed(note: string, more: string): string {
  if (!more) return note;
  return note.endsWith('）') ? `${note.slice(0, -1)}；${more}）` : `${note}（${more}）`;
}

/**
 * What the statuses mean, printed under the report's warnings: the share of progress for numeric targets, the yearly
 * rate for ↑/↓ directions, how the target year decides, counts in whole units, and the 不升 rule when the report has
 * such a row. One string: JSX line breaks would put spaces between Chinese words.
 */
export function reportStatusLegend(t: Thresholds, withHold: boolean): string {
  return (
    `状态按联合国统计司的进展评估方法：“预计达标”指按趋势预计完成所需进展的${round(t.onTrack * 100)}%以上` +
    `（预测值可能仍略差于目标），提高、降低等方向性目标指年均变化达到${round(t.directionFast * 100)}%以上；` +
    '“已达标”指最新数值已达到目标；目标年的数值填报后，有数值目标的指标按该数值判定“达标”或“未达标”，' +
    '方向性目标按该数值与基期相比判定。' +
    // The grid's formula gives 5.5 家 where every table prints 5 家: said once, where the statuses are explained.
    '家、个、人等计数指标的预测值按不利于达标的一侧取整数（如按趋势为5.5家、目标为“至少”时计为5家），状态按该整数判定。' +
    (withHold ? holdLegend(t) : '')
  );
}

/**
 * The printed report's legend for 不升 rows, its figure as each row's explanation prints it (0.25 %, not 0.3 %).
 */
export function holdLegend(thresholds: Thresholds): string {
  return (
    '目标为“不升”（如上升趋势得到有效控制、控制在较低水平）的指标不要求下降：' +
    `年均上升不超过${round(thresholds.directionSlow * 100)}%即为预计达标，目标年按期间趋势判定达标。`
  );
}

/** "已是上限 100%，无法再提高": why a direction target at its unit's limit counts as met. */
function limitReached(spec: TargetSpec, unit: string): string {
  const limits = naturalLimits(unit, spec.name);
  if (spec.comparator === '不升') return `已是下限 ${formatWithUnit(limits.low, unit)}，未上升`;
  const down = spec.comparator === '↓';
  const edge = formatWithUnit(down ? limits.low : limits.high, unit);
  return down ? `已是下限 ${edge}，无法再下降` : `已是上限 ${edge}，无法再提高`;
}

/**
 * What a 不升 target was judged by: "年均变化 +0.2%，未呈上升趋势" (≤ the 0.5 % cut), "…，呈上升趋势" (up to 2 %),
 * "…，上升较快" (beyond). The figure never rounds across a cut.
 */
function holdTrend(a: Assessment, thresholds: Thresholds): string {
  const rise = -(a.directionRate ?? 0);
  const shown = percentBesideThresholds(
    rise,
    holdCuts(thresholds).map(([cut]) => cut),
    2,
  );
  const sign = shown > 0 ? '+' : shown < 0 ? '−' : '';
  // Worded by the same cuts that give the status (holdCuts), so words and status never disagree.
  const tier = tierBy(rise, holdCuts(thresholds));
  const trend = tier === '预计达标' ? '未呈上升趋势' : tier === '需加快' ? '呈上升趋势' : '上升较快';
  return `年均变化 ${sign}${Math.abs(shown)}%，${trend}`;
}
