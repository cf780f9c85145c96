/**
 * Planning the next period: a new plan from an existing one (indicators copied, old values kept as history
 * and baseline), and the "too timid / out of reach" checks on each new target, with their figures.
 */
import { formatDifference, formatWithUnit, isCountUnit, withinNaturalLimits } from './entry';
import { lowerIsBetterDirection, type Indicator, type Target } from './indicator';
import { defaultMethod, projectByDefault, seriesOf } from './projection';
import {
  bandDrift,
  bandOf,
  baseOf,
  isBand,
  meets,
  targetForYear,
  judgedComparator,
  targetSpecOf,
  wholeCountAsShown,
  wholeGoal,
  type Thresholds,
} from './status';
import type { NewWorkbook, Workbook } from './workbook';
import { roundHalfAway } from './rounding';
import { describeTarget } from './target-text';

export interface NextPlanOptions {
  /** Given where the caller stores the plan itself (tests); 新建下期规划 leaves it to the store's saveNewWorkbook. */
  id?: string;
  title: string;
  baseYear: number;
  targetYear: number;
}

/** A target year not after the base year, said with both years and what to do (设置 a period, a row's own). */
export function periodOrderProblem(baseYear: number, targetYear: number): string {
  return `基期年（${baseYear}年）不早于目标年（${targetYear}年）：目标年应晚于基期年，请改正其中一个年份。`;
}

/** Why a period cannot be used, in Chinese; null when it can. */
export function periodProblem(baseYear: number, targetYear: number): string | null {
  if (!Number.isInteger(baseYear) || !Number.isInteger(targetYear)) return '基期年和目标年应为整数年份。';
  if (baseYear < 1949 || targetYear > 2100) return '年份超出范围（1949—2100）。';
  if (targetYear <= baseYear) return periodOrderProblem(baseYear, targetYear);
  if (targetYear - baseYear > 15) return '规划期不宜超过15年，请核对年份。';
  return null;
}

/**
 * The new plan: every row copied with its values (history and baseline), the new period, and the old target
 * kept as `previousTarget` for comparison. The new target starts as the old one, for the clerk to set.
 * A yearly-change target restarts from the new base year.
 */
export function makeNextPlan(
  source: Workbook,
  options: NextPlanOptions & { id: string },
  now: Date,
): Workbook;
export function makeNextPlan(source: Workbook, options: NextPlanOptions, now: Date): NewWorkbook;
export function makeNextPlan(source: Workbook, options: NextPlanOptions, now: Date): NewWorkbook | Workbook {
  const stamp = now.toISOString();
  const plan: NewWorkbook = {
    title: options.title,
    baseYear: options.baseYear,
    targetYear: options.targetYear,
    isSample: source.isSample,
    createdAt: stamp,
    updatedAt: stamp,
    indicators: source.indicators.map((row) => {
      const copy = structuredClone(row);
      delete copy.projectionFormula;
      // Kept for this period by decision is no decision for the next: every row starts 待确定 again.
      delete copy.previousTargetKept;
      // A yearly-change row's note names its base year ("以2018年值为基数，y年目标 = 2018年值 − (y − 2018)"):
      // it now restarts from the new one.
      if (copy.target.kind === 'yearly-change' && copy.note)
        copy.note = rebaseNote(copy.note, row.baseYear, options.baseYear);
      return {
        ...copy,
        baseYear: options.baseYear,
        targetYear: options.targetYear,
        previousTarget: { ...structuredClone(row.target), targetYear: row.targetYear },
      };
    }),
  };
  return options.id === undefined ? plan : { id: options.id, ...plan };
}

/** The base year named in a yearly-change note ("2018年值", "(y − 2018)") moved to the new base year. */
function rebaseNote(note: string, oldBase: number, newBase: number): string {
  return note
    .replaceAll(`${oldBase}年值`, `${newBase}年值`)
    .replace(new RegExp(`\\(y\\s*[−-]\\s*${oldBase}\\)`, 'g'), (m) =>
      m.replace(String(oldBase), String(newBase)),
    );
}

/**
 * A projection as every view shows it — the grid's 预测 column of the current plan and of a next one, the row panel,
 * the report's warnings and the 目标测算表: a count in whole units to the target's worse side (wholeCountAsShown:
 * 7.36 家 → 7 家 against ≥1 家), anything else to two decimals, with its unit.
 */
export function showPlannedTrend(value: number, indicator: Pick<Indicator, 'unit' | 'target'>): string {
  return formatWithUnit(roundHalfAway(wholeCountAsPlanned(value, indicator), 2), indicator.unit);
}

/** wholeCountAsShown for a row: its unit and the comparator its target is judged by. */
function wholeCountAsPlanned(value: number, indicator: Pick<Indicator, 'unit' | 'target'>): number {
  return wholeCountAsShown(value, {
    unit: indicator.unit,
    kind: indicator.target.kind,
    comparator: judgedComparator(indicator.target),
  });
}

/**
 * Which way a target asks its figure to go: down for 以下 / 以内 / ↓ / 不升 / 每年降低, up for 以上 / 全覆盖 / ↑ /
 * 每年提高; null for a band (左右) or an exact count, which ask neither.
 */
function askedDirection(target: Target): 'up' | 'down' | null {
  if (target.kind === 'full') return 'up';
  if (target.kind === 'yearly-change') {
    const step = target.yearlyStep ?? 0;
    return step < 0 ? 'down' : step > 0 ? 'up' : null;
  }
  if (target.kind === 'direction') return lowerIsBetterDirection(target.comparator) ? 'down' : 'up';
  if (target.comparator === '<' || target.comparator === '≤') return 'down';
  if (target.comparator === '>' || target.comparator === '≥') return 'up';
  return null;
}

/**
 * A new target that asks the figure to go the other way from the previous period's target (婴儿死亡率 <5‰ → 4.5‰以上:
 * 以上 written for 以下), in Chinese with both targets and what to check; null when it does not (or either asks no
 * direction, or the row is new). The same indicator does not change its better side from one plan to the next:
 * judged as written, such a target read as met (偏保守) by a death rate that is merely high enough.
 */
export function targetReversal(
  indicator: Pick<Indicator, 'target' | 'unit' | 'previousTarget'>,
): string | null {
  const previous = indicator.previousTarget;
  if (!previous) return null;
  const was = askedDirection(previous);
  const now = askedDirection(indicator.target);
  if (was === null || now === null || was === now) return null;
  return (
    `新目标 ${describeTarget(indicator)}要求${now === 'up' ? '不低于目标值' : '不高于目标值'}，` +
    `与上期目标 ${describePreviousTarget(previous, indicator.unit)}的方向（${was === 'up' ? '提高' : '降低'}）相反：` +
    '请核对“以上”“以下”是否写反；确需改变方向的，请核实指标的统计口径。'
  );
}

/**
 * 偏保守 (met around the base year); 可能难以实现; a 左右 band the trend runs out of by the target year (it must slow
 * or turn); 已达到 (met by a figure after the base year, not at it: no sign of a timid target).
 */
export type AmbitionFlag = 'timid' | 'out-of-reach' | 'leaves-band' | 'reached' | 'reversed';

export interface Ambition {
  flag: AmbitionFlag | null;
  /** Chinese, with the figures. */
  message: string;
  /** Projection by the row's default method at the new target year. */
  trendAtTarget: number | null;
  requiredPace: number | null;
  bestPace: number | null;
}

/** How many times the best yearly pace seen so far a target may require before it is "out of reach". */
export const OUT_OF_REACH_FACTOR = 3;

export function assessAmbition(indicator: Indicator, thresholds: Thresholds): Ambition {
  const spec = targetSpecOf(indicator);
  const series = seriesOf(indicator);
  const f = (v: number) => formatWithUnit(roundHalfAway(v, 2), indicator.unit);
  /** A trend's figure: a count in whole units, rounded to the target's worse side (wholeCountAsPlanned). */
  const trendFigure = (v: number) => f(wholeCountAsPlanned(v, indicator));
  /** A yearly change: 个百分点 for a rate in %, as the plan writes it. */
  const pace = (v: number) => formatDifference(roundHalfAway(v, 2), indicator.unit);
  const projection = projectByDefault(defaultMethod(indicator), series, indicator.targetYear);
  const trendAtTarget = projection.ok
    ? withinNaturalLimits(projection.value, indicator.unit, indicator.name)
    : null;
  const none = { trendAtTarget, requiredPace: null, bestPace: null };
  // Turned round against the previous target: said before anything is judged against it.
  const reversal = targetReversal(indicator);
  if (reversal !== null) return { flag: 'reversed', message: reversal, ...none };
  if (spec.kind === 'direction') return { flag: null, message: '方向性目标，无数值可比。', ...none };
  const target = targetForYear(spec, series, indicator.targetYear);
  const latest = series.values.at(-1);
  const latestYear = series.years.at(-1);
  if (latest === undefined || latestYear === undefined) {
    return { flag: null, message: '没有历史数值，无法判断目标高低。', ...none };
  }
  if (target === null) return { flag: null, message: '目标没有数值，无法判断目标高低。', ...none };
  // A yearly-change target comes from the base value (without the base year's own, the nearest year's stands in),
  // and is said as the figure it comes to: 每年降低1个百分点 alone read as the old plan's, counted from 2018.
  const base = baseOf(series, indicator.baseYear);
  const standIn =
    spec.kind === 'yearly-change' && base !== null
      ? `${base.year !== indicator.baseYear ? `基期${indicator.baseYear}年无数值，以最近的` : '以'}${base.year}年 ${f(base.value)} 为基数，${indicator.targetYear}年目标为 ${f(target)}（${f(base.value)} ${(spec.value ?? 0) < 0 ? '−' : '+'} ${pace(Math.abs((spec.value ?? 0) * (indicator.targetYear - base.year)))}）；`
      : '';
  const band = isBand(spec) ? bandOf(target, indicator.unit, thresholds) : null;

  // Too timid: the trend already meets the new target by the base year (or the latest value already does). Not
  // for a band (保持在90%左右): being in it is the aim, and a band is not raised by being met.
  const atBase = projectByDefault(defaultMethod(indicator), series, indicator.baseYear);
  const baseActual = series.years.includes(indicator.baseYear);
  const baseValue = baseActual
    ? (series.values[series.years.indexOf(indicator.baseYear)] ?? null)
    : atBase.ok
      ? withinNaturalLimits(atBase.value, indicator.unit, indicator.name)
      : null;
  // The base year's own figure is said as a figure; only a year without one is the trend's (按趋势…约为).
  const baseSaid = (v: number, already = '') =>
    baseActual
      ? `${indicator.baseYear}年${already}为 ${f(v)}`
      : `按趋势${indicator.baseYear}年${already}为 ${trendFigure(v)}`;
  // A count is judged as the sheet shows it, in whole units: a trend of 5.5 家 is 5 sure, not above a target of >5 家.
  const counted = isCountUnit(indicator.unit);
  const asPlanned = (v: number) => (counted ? wholeCountAsPlanned(v, indicator) : v);
  // Met now, but the trend passes the target again by the target year (生长迟缓率 3.8 % against <4.5 %, rising to
  // 5.7 % by 2030): the target is not too timid, it is one to hold. Said, not flagged 偏保守 beside the trend.
  const metNow =
    spec.kind !== 'full' &&
    ((baseValue !== null && meets(asPlanned(baseValue), target, spec, thresholds)) ||
      meets(latest, target, spec, thresholds));
  if (
    !band &&
    metNow &&
    trendAtTarget !== null &&
    !meets(asPlanned(trendAtTarget), target, spec, thresholds)
  ) {
    const lowerIsBetter = spec.comparator === '<' || spec.comparator === '≤';
    return {
      flag: null,
      message:
        `${standIn}${
          meets(latest, target, spec, thresholds)
            ? `${latestYear}年为 ${f(latest)}`
            : baseSaid(baseValue ?? latest)
        }，已达到新目标 ${spec.comparator}${f(target)}，` +
        `但按趋势${indicator.targetYear}年约为 ${trendFigure(trendAtTarget)}，将${lowerIsBetter ? '高于' : '低于'}目标：` +
        `目标并不偏保守，需防止${lowerIsBetter ? '回升' : '回落'}。`,
      ...none,
    };
  }
  if (
    !band &&
    spec.kind !== 'full' &&
    baseValue !== null &&
    meets(asPlanned(baseValue), target, spec, thresholds)
  ) {
    return {
      flag: 'timid',
      message: `${standIn}目标偏保守：${baseSaid(baseValue, '已')}，已达到新目标 ${spec.comparator}${f(target)}。`,
      ...none,
    };
  }
  if (meets(latest, target, spec, thresholds)) {
    if (band) {
      // In the band now: what matters is whether the trend stays in it.
      const drift = bandDrift(trendAtTarget, band, indicator.unit);
      const head = `${latestYear}年为 ${f(latest)}，已在 ${band.text}的范围内`;
      return {
        flag: drift ? 'leaves-band' : null,
        message: drift
          ? `${head}，但按趋势${indicator.targetYear}年为 ${trendFigure(trendAtTarget ?? 0)}，${drift}。`
          : `${head}${trendAtTarget === null ? '' : `，按趋势${indicator.targetYear}年约为 ${trendFigure(trendAtTarget)}，仍在范围内`}；保持即可。`,
        ...none,
      };
    }
    // Met only by a figure after the base year (the base year's own, or its trend, fell short): the target was not
    // 偏保守 when set — that is being met around the base year — it has been reached since, and is to be held.
    if (spec.kind !== 'full' && latestYear > indicator.baseYear) {
      const ahead = latestYear < indicator.targetYear;
      return {
        flag: 'reached',
        message:
          `${standIn}${latestYear}年已为 ${f(latest)}，${ahead ? '提前达到' : '已达到'}新目标 ${spec.comparator}${f(target)}；` +
          (baseValue === null
            ? `基期${indicator.baseYear}年无数值可比，无法判断是否偏保守`
            : `${baseSaid(baseValue)}，尚未达到，目标并不偏保守`) +
          `${ahead ? `，需保持至${indicator.targetYear}年` : ''}。`,
        ...none,
      };
    }
    return {
      flag: spec.kind === 'full' ? null : 'timid',
      message:
        spec.kind === 'full'
          ? `${latestYear}年已为 ${f(latest)}，保持全覆盖即可。`
          : `${standIn}目标偏保守：${latestYear}年已为 ${f(latest)}，已达到新目标 ${spec.comparator}${f(target)}。`,
      ...none,
    };
  }

  // Out of reach needs a history to compare with: one value has no pace at all.
  if (series.values.length < 2) {
    return {
      flag: null,
      message: `只有 ${latestYear}年 一个数值，无法判断新目标能否实现：至少需要两年的数值。`,
      ...none,
    };
  }

  // Out of reach: the yearly pace required from the latest value exceeds several times the best pace so far. A
  // band is reached at its nearer edge.
  const goal = band ? (latest < band.low ? band.low : band.high) : wholeGoal(target, spec);
  const years = indicator.targetYear - latestYear;
  const requiredPace = years > 0 ? Math.abs(goal - latest) / years : null;
  const wantUp = goal > latest;
  let bestPace: number | null = null;
  for (let i = 1; i < series.values.length; i += 1) {
    const span = (series.years[i] ?? 0) - (series.years[i - 1] ?? 0);
    const change = ((series.values[i] ?? 0) - (series.values[i - 1] ?? 0)) / span;
    const inDirection = wantUp ? change : -change;
    if (inDirection > 0 && (bestPace === null || inDirection > bestPace)) bestPace = inDirection;
  }
  // Things counted one by one (家, 个) grow by decisions, not by a trend: what is needed is said in whole units
  // (到2030年需增加 1 家), not as a fraction a year (需每年提高 0.14 家).
  const direction = counted ? (wantUp ? '增加' : '减少') : wantUp ? '提高' : '下降';
  const needed = counted
    ? `到${indicator.targetYear}年需${direction} ${f(Math.abs(goal - latest))}`
    : `需每年${direction} ${pace(requiredPace ?? 0)}`;
  // "（至 88%）": for a band, the edge to reach, after where the value stands against it.
  const where = band
    ? `${latestYear}年为 ${f(latest)}，${wantUp ? '低于' : '高于'} ${band.text}的范围；`
    : '';
  const edge = band ? `（至 ${f(goal)}）` : '';
  if (requiredPace !== null && (bestPace === null || requiredPace > OUT_OF_REACH_FACTOR * bestPace)) {
    const best =
      bestPace === null ? `历史上从未${direction}过` : `历史最快每年${direction} ${pace(bestPace)}`;
    return {
      flag: 'out-of-reach',
      message: `可能难以实现：${standIn}${where}自${latestYear}年起${needed}${edge}，${best}。`,
      trendAtTarget,
      requiredPace,
      bestPace,
    };
  }
  const trendText =
    trendAtTarget === null ? '' : `按趋势${indicator.targetYear}年约为 ${trendFigure(trendAtTarget)}；`;
  // A trend that runs past the whole band must slow, not keep its pace.
  let overshoot = '';
  if (band && trendAtTarget !== null) {
    if (wantUp && trendAtTarget > band.high) overshoot = `；但按趋势将越过上限 ${f(band.high)}，上升需放缓`;
    if (!wantUp && trendAtTarget < band.low) overshoot = `；但按趋势将越过下限 ${f(band.low)}，下降需放缓`;
  }
  return {
    flag: overshoot ? 'leaves-band' : null,
    message: `${standIn}${where}${trendText}${needed}${edge}${bestPace === null ? '' : `，历史最快${counted ? `每年${direction}` : ''} ${pace(bestPace)}`}${overshoot}。`,
    trendAtTarget,
    requiredPace,
    bestPace,
  };
}

export function describePreviousTarget(
  target: (Target & { targetYear: number }) | undefined,
  unit: string,
): string {
  if (!target) return '—';
  if (target.kind === 'direction') return `${target.comparator}（${target.wording}，${target.targetYear}年）`;
  if (target.kind === 'yearly-change')
    return `每年${(target.yearlyStep ?? 0) < 0 ? '降低' : '提高'}${formatDifference(Math.abs(target.yearlyStep ?? 0), unit)}${/以上$/.test(target.wording) ? '以上' : ''}（${target.targetYear}年）`;
  return `${target.comparator}${target.value === null ? '' : formatWithUnit(target.value, unit)}（${target.targetYear}年）`;
}

const CHINESE_DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** "十四五" for a plan ending in 2025, "十五五" for 2030: the national five-year plan a period belongs to. */
export function fiveYearPlanName(baseYear: number, targetYear: number): string | null {
  const n = (targetYear - 1955) / 5;
  if (targetYear - baseYear !== 5 || !Number.isInteger(n) || n < 11 || n > 19) return null;
  return `十${CHINESE_DIGITS[n - 10] ?? ''}五`;
}

/**
 * The default title of the next plan: the period and the five-year-plan name moved on, e.g. 十四五 → 十五五. The
 * period is replaced where it stands (words after it — a sample's ·示例数据 label, 草案 — stay after it), or added.
 */
export function nextPlanTitle(title: string, baseYear: number, targetYear: number): string {
  const period = `（${baseYear + 1}—${targetYear}年）`;
  const name = fiveYearPlanName(baseYear, targetYear);
  const renamed = name ? title.replace(/十[一二三四五六七八九]五/, name) : title;
  const written = /（\d{4}\s*[—–-]\s*\d{4}年?）/;
  return written.test(renamed) ? renamed.replace(written, period).trim() : `${renamed.trim()}${period}`;
}

/**
 * What an import into a next plan leaves undone: figures of the previous period's years (2025 and before, in a
 * 2026–2030 plan made from 2021–2025) changed here only. The previous plan's workbook keeps its own copies, and its
 * 终期评估 and reports still use them — a department's revised 2025 figure sent with its 2026 return reached the
 * new workbook alone, unsaid. Empty when the workbook is no next plan or no such figure changed.
 */
export function previousPeriodNote(
  updates: readonly { year: number }[],
  indicators: readonly Pick<Indicator, 'previousTarget'>[],
): string {
  let lastYear = 0;
  for (const row of indicators)
    if (row.previousTarget && row.previousTarget.targetYear > lastYear)
      lastYear = row.previousTarget.targetYear;
  if (lastYear === 0) return '';
  let count = 0;
  for (const update of updates) if (update.year <= lastYear) count += 1;
  if (count === 0) return '';
  return (
    `其中 ${count} 个为${lastYear}年及以前的数值，只写入了本工作簿：上期规划工作簿的终期评估和报告仍用其中原有的数值。` +
    `如上期也要更新，请在“工作簿”中打开上期规划工作簿，把同一文件再导入一次。`
  );
}
