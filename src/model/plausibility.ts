/**
 * Whether a new figure of a row is implausible beside the row's other figures, as statistical offices check
 * incoming data against the series (DHIS2's min–max and outlier checks): a figure many times, or a small fraction
 * of, the nearest year's is usually a slip — a share given as a ratio (0.95 for 95 %), a rate in the wrong unit
 * (‰ written per 100 or per 10,000), a count in 万, a monthly amount given per year, a digit too many or too few.
 * Such a figure is not refused (a real jump happens): it is questioned (请核实), with the likely cause. A new target
 * value is questioned the same way beside the row's old target and figures (implausibleTarget).
 *
 * Not this module's job: a figure that cannot be one at all (a % over 100, a negative level, a count with
 * decimals) — parseEntry refuses those before they get here. A gross rate (毛入学率) may pass 100 %: past 150 % it is
 * questioned here (pastGrossRateLevel).
 */
import type { CellValue, TargetKind } from './indicator';
import {
  formatDifference,
  formatNumber,
  formatWithUnit,
  GROSS_RATE_QUESTIONED,
  isCountUnit,
  isGrossRate,
  isPercentUnit,
  isPermilleUnit,
  naturalLimits,
} from './entry';

/**
 * How many times (or what fraction of) the nearest year's figure a new one must be to be questioned.
 *
 * Why 5: the slips to catch are factors of 10 or more (‰ ↔ %, ‰ ↔ per 10,000, an extra or missing digit) or
 * of 12 (a yearly amount for a monthly one), 60 (minutes for hours), 100 (a share as a ratio), 10,000 (元 for
 * 万元, a count in 万). A slip arrives on top of the year's real change: a county's rates rest on small numbers
 * (an infant mortality of 5 ‰ on about fifteen deaths) and move by a quarter or even half from one year to the
 * next, so a ‰ figure given in % shows as 1/10 × 1.5 = 1/6.7 of the year before, or 10 / 1.5 = 6.7 times. The cut
 * must stay below that: 5 still catches a factor-10 slip on a real change of up to a doubling or halving.
 * Real changes of 5 times or more in one year are rare for anything but small numbers, which the floors below
 * leave alone; a question is cheap (the figure still goes in), a slip that is not asked about is not.
 */
export const IMPLAUSIBLE_FACTOR = 5;

/**
 * Below this difference (in the row's unit) a change is never questioned, whatever its factor: small numbers
 * move by large factors as a matter of course.
 * - Counts (家, 个, 所, 人次, 起 …): 0 → 3 or 1 → 5 centres is a programme being built, 2 → 9 accidents is chance.
 *   A difference under 10 is a handful of things.
 * - ‰ (mortality, birth defects): a county has some 3,000–5,000 births a year, so 1 ‰ is three to five cases;
 *   0.4 ‰ → 1.1 ‰ is two cases becoming five. A ‰ written as % (1.2 → 0.12) is still caught above 1 ‰.
 * - % : a prevalence under 1 % (0.3 % → 1.2 %) moves by a few children; above, a % given as ‰ or as a ratio
 *   differs by far more than 1 percentage point.
 * - 1/10万 (injury deaths among some 100,000–150,000 children): one death is about 0.7–1 per 100,000, so a
 *   difference under 5 is a few deaths.
 * Other units (万元, 元/月, 小时/天, none) have no floor: their figures are not counts of rare events.
 */
export function changeFloor(unit: string): number {
  const u = unit.trim();
  if (isCountUnit(u)) return 10;
  if (isPermilleUnit(u) || isPercentUnit(u)) return 1;
  if (/^1\/10万$/.test(u)) return 5;
  if (/^1\/万$|^‱$/.test(u)) return 0.5;
  return 0;
}

export interface ImplausibleFigure {
  year: number;
  value: number;
  /** The year the figure is compared with (the nearest year with a figure) and its figure. */
  neighbourYear: number;
  neighbourValue: number;
  /** value / neighbourValue. */
  factor: number;
  /**
   * Chinese: what is odd and the likely cause, e.g. "2023年为0.95%，是2022年（95%）的约1/100。单位可能有误：2022年约为
   * 95%，本次为0.95，像是把百分数写成了比例（95%应填95）。"
   */
  message: string;
}

/**
 * Whether `value` for `year` is implausible beside the row's other figures (`values`; the year's own figure,
 * text and empty cells are left out). Compared with the nearest year that has a figure (the earlier one when two
 * are as near); not questioned when another year's figure is within the factor of it (then that nearest figure is
 * the odd one), when the figure is 0 or no other year has a figure above 0 (0 is 0 in every unit, and no slip of
 * a digit makes it), or when the difference is below the unit's floor (changeFloor).
 */
export function implausibleFigure(
  unit: string,
  values: Readonly<Record<number, CellValue | null | undefined>>,
  year: number,
  value: number,
  /**
   * The years `values` may hold, when the caller knows them (the workbook's year columns): an import checks tens
   * of thousands of figures, and walking a short list of numbers is several times faster than enumerating keys.
   */
  years?: readonly number[],
  /**
   * The row's target, for a first figure (no other year has one above 0): a department's first return comes
   * when the workbook has no figures yet, and 150‰ for an infant mortality went in unquestioned. See
   * besideTarget.
   */
  target?: RowTarget,
  /** The row's target year (an ImplausibleFigure's neighbourYear when compared with the target). */
  targetYear = 0,
  /** The row's name: a gross rate (毛入学率) is questioned past GROSS_RATE_QUESTIONED, whatever its neighbours. */
  rowName = '',
): ImplausibleFigure | null {
  if (!(value > 0) || !Number.isFinite(value)) return null;
  const gross = pastGrossRateLevel(unit, rowName, `${year}年`, value);
  if (gross !== null)
    // (Compared with the level itself: no year's figure says a gross rate of 160 % is odd, the level does.)
    return {
      year,
      value,
      neighbourYear: year,
      neighbourValue: GROSS_RATE_QUESTIONED,
      factor: value / GROSS_RATE_QUESTIONED,
      message: gross,
    };
  let nearYear = 0;
  let nearValue = 0;
  let nearDistance = Infinity;
  for (const otherYear of years ?? Object.keys(values).map(Number)) {
    const other = values[otherYear];
    // (A 0 tells nothing of the scale: a count or a rate of rare events is 0 in some years.)
    if (otherYear === year || typeof other !== 'number' || !(other > 0)) continue;
    // Another year agrees with it: not questioned.
    if (value < other * IMPLAUSIBLE_FACTOR && value * IMPLAUSIBLE_FACTOR > other) return null;
    const distance = Math.abs(otherYear - year);
    if (distance < nearDistance || (distance === nearDistance && otherYear < nearYear)) {
      nearDistance = distance;
      nearYear = otherYear;
      nearValue = other;
    }
  }
  if (nearDistance === Infinity) return target ? besideTarget(unit, target, targetYear, year, value) : null;
  if (Math.abs(value - nearValue) < changeFloor(unit)) return null;
  // The nearest figure is itself many times the target and this one is not: that one is the odd one (4.4‰ beside
  // 150‰ against 5‰), as when another year agrees.
  if (
    target &&
    besideTarget(unit, target, targetYear, nearYear, nearValue) &&
    !besideTarget(unit, target, targetYear, year, value)
  )
    return null;
  const factor = value / nearValue;
  return {
    year,
    value,
    neighbourYear: nearYear,
    neighbourValue: nearValue,
    factor,
    message: describe(unit, `${year}年`, value, `${nearYear}年`, nearValue, factor, false, '相邻年份'),
  };
}

/**
 * A gross rate's figure past GROSS_RATE_QUESTIONED %: real ones stay near 100 % (children from other places, pupils
 * older than the age), so 160 % is a digit too many or a count. Null for any other figure or row.
 */
function pastGrossRateLevel(unit: string, rowName: string, subject: string, value: number): string | null {
  if (!isPercentUnit(unit) || !isGrossRate(rowName) || value <= GROSS_RATE_QUESTIONED) return null;
  return (
    `${subject}为${formatWithUnit(value, unit)}。毛入园率、毛入学率可以超过100%，但超过${GROSS_RATE_QUESTIONED}%极少见：` +
    '请核实是否填错了数字，或填成了人数。'
  );
}

/** What of a row's target a first figure is compared with (a row's Target will do). */
export interface RowTarget {
  kind: TargetKind;
  value: number | null;
}

/**
 * A row's first figure beside its target level: questioned at IMPLAUSIBLE_FACTOR times the target or more (a ‰
 * given per 10,000 or per 100,000, minutes for hours, a digit too many). Not far below it: the plan's ceilings
 * are national ones, and a county's figures are often well under them (a stunting rate of 0.7 % against < 4 %),
 * as a programme may start far below its floor (8 % against ≥ 50 %). Not for a count (至少1家 is a minimum, not a
 * scale), a direction or a yearly change; nor within the unit's changeFloor of the target.
 */
function besideTarget(
  unit: string,
  target: RowTarget,
  targetYear: number,
  year: number,
  value: number,
): ImplausibleFigure | null {
  const goal = target.value;
  if (typeof goal !== 'number' || !(goal > 0) || isCountUnit(unit.trim())) return null;
  if (target.kind !== 'upper' && target.kind !== 'lower' && target.kind !== 'around') return null;
  const factor = value / goal;
  if (factor < IMPLAUSIBLE_FACTOR || value - goal < changeFloor(unit)) return null;
  return {
    year,
    value,
    neighbourYear: targetYear,
    neighbourValue: goal,
    factor,
    message: describe(unit, `${year}年`, value, '目标', goal, factor, true, '目标'),
  };
}

/**
 * "约48倍", "约9.4倍" / "约1/100": two significant figures, and a power of ten when within a tenth of one (0.97 beside
 * 96.5 is "约1/100", not "约1/99": the slip the clerk is to recognise).
 */
function times(factor: number): string {
  const n = factor >= 1 ? factor : 1 / factor;
  const power = 10 ** Math.round(Math.log10(n));
  const digits = 10 ** (Math.floor(Math.log10(n)) - 1);
  const rounded = Math.abs(n - power) <= power / 10 ? power : Math.round(n / digits) * digits;
  const shown = formatNumber(rounded);
  return factor >= 1 ? `约${shown}倍` : `约1/${shown}`;
}

/** Whether the factor is the slip `by`, give or take the year's real change (within a factor of 2). */
function near(factor: number, by: number): boolean {
  return factor >= by / 2 && factor <= by * 2;
}

/**
 * `subject`: the figure questioned ("2023年", "目标值"); `compared`: what it is compared with ("2022年", the
 * nearest year's figure, about; "目标", "原目标", "上期目标", "2023年实际值": exactly that figure); `neighbours`:
 * how the cause names it ("相邻年份", "目标").
 */
function describe(
  unit: string,
  subject: string,
  value: number,
  compared: string,
  nearValue: number,
  factor: number,
  exact: boolean,
  neighbours: string,
): string {
  const shownNear = formatWithUnit(nearValue, unit);
  const what = `${subject}为${formatWithUnit(value, unit)}，是${compared}（${shownNear}）的${times(factor)}。`;
  const wrongUnit = `单位可能有误：${compared}${exact ? '为' : '约为'}${shownNear}，本次为${formatNumber(value)}`;
  const cause = likelyCause(unit.trim(), value, factor, wrongUnit, neighbours);
  return `${what}${cause}。`;
}

const CHINESE_DIGITS = ['', '一', '两', '三', '四', '五', '六', '七', '八', '九'];

/** The likely slip, by the row's unit and the factor; a digit too many or too few when no unit slip fits. */
function likelyCause(
  unit: string,
  value: number,
  factor: number,
  wrongUnit: string,
  compared: string,
): string {
  const digits = Math.round(Math.log10(factor));
  const count = CHINESE_DIGITS[Math.abs(digits)] ?? String(Math.abs(digits));
  const digitSlip =
    digits !== 0 && near(factor, 10 ** digits)
      ? // (A count has no decimal point to misplace.)
        `可能${digits > 0 ? '多写了' : '漏写了'}${count}位数字${isCountUnit(unit) ? '' : '，或小数点位置有误'}`
      : '';
  const otherwise = digitSlip || `与${compared}相差悬殊，可能填错了数字或单位`;
  if (isPercentUnit(unit)) {
    if (near(factor, 1 / 100)) {
      const percent = formatNumber(value * 100);
      return `${wrongUnit}，像是把百分数写成了比例（${percent}%应填${percent}）`;
    }
    if (near(factor, 10)) return `${wrongUnit}，可能按千分率（‰）填写了，或多写了一位数字`;
    // No unit of a share is a tenth of %: a digit slip, not 单位可能有误.
    if (near(factor, 1 / 10)) return '可能漏写了一位数字，或小数点位置有误';
    return otherwise;
  }
  if (isPermilleUnit(unit)) {
    if (near(factor, 1 / 10)) return `${wrongUnit}，可能按百分率（%）填写了，本行应填千分率（每千人）`;
    if (near(factor, 10)) return `${wrongUnit}，可能按万分率（每万人）填写了，或多写了一位数字`;
    if (near(factor, 100)) return `${wrongUnit}，可能按每10万人填写了，本行应填千分率（每千人）`;
    if (near(factor, 1 / 1000)) return `${wrongUnit}，可能填的是比例，本行应填千分率（每千人）`;
    return otherwise;
  }
  if (unit === '1/10万') {
    if (near(factor, 1 / 10)) return `${wrongUnit}，可能按每万人填写了，本行应填每10万人`;
    if (near(factor, 1 / 100)) return `${wrongUnit}，可能按千分率（‰）填写了，本行应填每10万人`;
    if (near(factor, 1 / 10000)) return `${wrongUnit}，可能按百分率（%）填写了，本行应填每10万人`;
    return otherwise;
  }
  if (isCountUnit(unit)) {
    if (near(factor, 1 / 10000))
      return `${wrongUnit}，可能以“万”为单位填写了，本行应填实际数（如3万应填30000）`;
    return otherwise;
  }
  if (unit === '万元') {
    if (near(factor, 10000)) return `${wrongUnit}，可能按“元”填写了，本行单位为万元`;
    if (near(factor, 10)) return `${wrongUnit}，可能按“千元”填写了，或多写了一位数字`;
    return otherwise;
  }
  if (unit === '元/月') {
    if (factor >= 9 && factor <= 16) return `${wrongUnit}，可能填的是全年标准（元/年），或多写了一位数字`;
    if (near(factor, 1 / 10000)) return `${wrongUnit}，可能按“万元”填写了，本行单位为元/月`;
    return otherwise;
  }
  if (unit === '小时/天') {
    if (factor >= 30 && factor <= 120) return `${wrongUnit}，可能填的是分钟数，本行单位为小时`;
    if (factor >= 5 && factor <= 8) return `${wrongUnit}，可能填的是每周的小时数，本行应填每天`;
    return otherwise;
  }
  return otherwise;
}

/** What a new target value is compared with: the row's own target and figures. */
export interface TargetReferences {
  /** The row's figures by year (text and empty cells are left out). */
  values: Readonly<Record<number, CellValue | null | undefined>>;
  /** The years `values` may hold, when the caller knows them (the workbook's year columns). */
  years?: readonly number[];
  /** The target value the row had before (null or absent: none, as on a direction row). */
  currentTarget?: number | null;
  /** In a plan made from an earlier one: that plan's target value for the row. */
  previousTarget?: number | null;
}

export interface ImplausibleTarget {
  /** What it was compared with ("原目标", "上期目标", "2023年实际值") and its value. */
  compared: string;
  comparedValue: number;
  factor: number;
  /** Chinese, as for a figure: "目标值为150‰，是原目标（5‰）的约30倍。与原目标相差悬殊，可能填错了数字或单位。" */
  message: string;
}

/**
 * Whether a new target value is implausible beside what the row already has — its target before the edit, the
 * previous plan's target, its figures — as implausibleFigure asks of a figure: 150‰ typed for an infant mortality
 * whose target is 5‰ (per 10,000 or a digit too many), 0.9 for a share of 90 %. Questioned (请核实), not refused:
 * a new plan may set a new level. Not questioned when any of them is within IMPLAUSIBLE_FACTOR of it (a target
 * corrected back after a slip agrees with the figures), when the difference is below the unit's floor
 * (changeFloor: 至少1家 → 至少8家), when it is 0, or when the row has nothing to go by. Said against the old target
 * first, then the previous plan's, then the latest figure. A value the unit cannot take (a share over 100 %) is
 * parseEntry's to refuse.
 */
export function implausibleTarget(
  unit: string,
  value: number,
  references: TargetReferences,
  /** The row's name: a gross rate's target is questioned past GROSS_RATE_QUESTIONED, as its figures are. */
  rowName = '',
): ImplausibleTarget | null {
  if (!(value > 0) || !Number.isFinite(value)) return null;
  const gross = pastGrossRateLevel(unit, rowName, '目标值', value);
  if (gross !== null)
    return {
      compared: `${GROSS_RATE_QUESTIONED}%`,
      comparedValue: GROSS_RATE_QUESTIONED,
      factor: value / GROSS_RATE_QUESTIONED,
      message: gross,
    };
  const { values, years, currentTarget, previousTarget } = references;
  const candidates: [string, number | null | undefined][] = [
    ['原目标', currentTarget],
    ['上期目标', previousTarget],
  ];
  let latestYear = -Infinity;
  for (const year of years ?? Object.keys(values).map(Number)) {
    const figure = values[year];
    if (typeof figure !== 'number' || !(figure > 0)) continue;
    candidates.push([`${year}年实际值`, figure]);
    latestYear = Math.max(latestYear, year);
  }
  const floor = changeFloor(unit);
  const known = candidates.filter((entry): entry is [string, number] => {
    const other = entry[1];
    return typeof other === 'number' && other > 0 && Number.isFinite(other);
  });
  const agrees = ([, other]: [string, number]) =>
    (value < other * IMPLAUSIBLE_FACTOR && value * IMPLAUSIBLE_FACTOR > other) ||
    Math.abs(value - other) < floor;
  if (known.length === 0 || known.some(agrees)) return null;
  // The old target, the previous plan's, then the latest figure (the years are in the list in no set order).
  const named =
    known.find(([label]) => label === '原目标' || label === '上期目标') ??
    known.find(([label]) => label === `${latestYear}年实际值`);
  if (!named) return null;
  const [compared, comparedValue] = named;
  const factor = value / comparedValue;
  return {
    compared,
    comparedValue,
    factor,
    message: describe(unit, '目标值', value, compared, comparedValue, factor, true, compared),
  };
}

export interface StepReferences {
  /** The row's period: the yearly change counts from the base year's figure to the target year. */
  baseYear: number;
  targetYear: number;
  /** The row's figures by year (text and empty cells are left out). */
  values: Readonly<Record<number, CellValue | null | undefined>>;
  years?: readonly number[];
  /** The yearly change the row had before (absent: none). */
  currentStep?: number | null;
  /** The row's name: a gross rate (毛入学率) may pass 100 % (naturalLimits). */
  rowName?: string;
}

/** "每年降低1个百分点", "每年提高2 家": a yearly change as the plan words it. */
function stepWords(step: number, unit: string): string {
  return `每年${step < 0 ? '降低' : '提高'}${formatDifference(Math.abs(step), unit)}`;
}

/** How the unit's range is named: 百分比 (0—100%), 千分率 (0—1000‰), a rate per so many. */
function rangeName(unit: string): string {
  if (isPercentUnit(unit)) return '百分比';
  if (isPermilleUnit(unit)) return '千分率';
  return `单位 ${unit.trim()} 的数值`;
}

/**
 * Whether a new 每年变化 (the yearly step of a 逐年变化 target) is implausible, as implausibleTarget asks of a 目标值:
 * questioned (请核实), not refused. Asked in this order:
 * - over the row's period the step would move the figure by more than the unit's whole range (每年降低30个百分点
 *   on a % row over 2018—2025: 210 points of a range of 100) — a digit too many, or the target value typed here;
 * - from the base year's figure, the target it gives for the target year is outside the unit's range (below 0,
 *   above 100 %);
 * - it is IMPLAUSIBLE_FACTOR times the row's old step or more, or that fraction of it or less (beyond the unit's
 *   floor, changeFloor): −10 for −1.
 * A step of 0, a unit without a range and nothing to go by leave it alone.
 */
export function implausibleYearlyStep(unit: string, step: number, references: StepReferences): string | null {
  if (step === 0 || !Number.isFinite(step)) return null;
  const { baseYear, targetYear, values, currentStep, rowName = '' } = references;
  const said = `每年变化为${stepWords(step, unit)}`;
  const { low, high } = naturalLimits(unit, rowName);
  // (A period that cannot be one — a year left empty, read as 0, or back to front — says nothing of the step.)
  const years = targetYear - baseYear;
  const period = Number.isInteger(years) && years > 0 && years <= 50;
  if (Number.isFinite(high) && Number.isFinite(low) && period) {
    const total = Math.abs(step) * years;
    if (total > high - low) {
      const range = `${formatNumber(low)}—${formatWithUnit(high, unit)}`;
      return (
        `${said}，${baseYear}—${targetYear}年共${years}年累计${step < 0 ? '降低' : '提高'}` +
        `${formatDifference(total, unit)}，超过${rangeName(unit)}的全部范围（${range}）。` +
        '可能多写了一位数字，或把目标值填进了每年变化。'
      );
    }
  }
  const base = values[baseYear];
  if (typeof base === 'number' && Number.isFinite(base) && period) {
    const reached = base + step * years;
    const outside =
      reached < low
        ? `低于 ${formatNumber(low)}`
        : reached > high
          ? `高于 ${formatWithUnit(high, unit)}`
          : '';
    if (outside)
      return (
        `${said}，按${baseYear}年的${formatWithUnit(base, unit)}计，${targetYear}年的目标将为 ` +
        `${formatWithUnit(reached, unit)}，${outside}。请核对每年变化和单位（每年降低${formatDifference(1, unit)}应填 -1）。`
      );
  }
  if (typeof currentStep === 'number' && currentStep !== 0 && Number.isFinite(currentStep)) {
    const factor = Math.abs(step / currentStep);
    const farOff = factor >= IMPLAUSIBLE_FACTOR || factor * IMPLAUSIBLE_FACTOR <= 1;
    if (farOff && Math.abs(Math.abs(step) - Math.abs(currentStep)) >= changeFloor(unit)) {
      const digits = Math.round(Math.log10(factor));
      const count = CHINESE_DIGITS[Math.abs(digits)] ?? String(Math.abs(digits));
      const cause =
        digits !== 0 && near(factor, 10 ** digits)
          ? `可能${digits > 0 ? '多写了' : '漏写了'}${count}位数字，或小数点位置有误`
          : '与原每年变化相差悬殊，可能填错了数字或单位';
      return `${said}，是原每年变化（${stepWords(currentStep, unit)}）的${times(factor)}。${cause}。`;
    }
  }
  return null;
}
