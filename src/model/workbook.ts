/**
 * A workbook: one plan's indicators with their values, as the clerk edits them.
 * The period (base year, target year) is data of the workbook; year columns are derived from it.
 */
import { isEmptyValue, type CellValue, type Indicator, type PlanDefinition } from './indicator';

export interface Workbook {
  id: string;
  title: string;
  baseYear: number;
  targetYear: number;
  /** Generated sample values (示例数据) live only in workbooks flagged here, never in the real plan workbook. */
  isSample: boolean;
  indicators: Indicator[];
  createdAt: string;
  updatedAt: string;
}

/** A workbook not yet stored: the store gives it its id (WorkbookRepository.saveNewWorkbook). */
export type NewWorkbook = Omit<Workbook, 'id'>;

/** A next plan made from an earlier one: its rows carry the previous period's target (上期目标). */
export function isNextPlan(workbook: Pick<Workbook, 'indicators'>): boolean {
  return workbook.indicators.some((row) => row.previousTarget !== undefined);
}

/**
 * The first year every row takes a figure for. A plan's rows start at their base year (only 近视率 counts from
 * 2018); a next plan keeps the previous period's years open (2020–2024 for 2025 → 2030): the trend its new targets
 * are chosen against is made of them, and a figure missing when the next plan was made can still be typed or
 * imported.
 */
export function historyStart(workbook: Pick<Workbook, 'baseYear' | 'targetYear' | 'indicators'>): number {
  return isNextPlan(workbook)
    ? workbook.baseYear - (workbook.targetYear - workbook.baseYear)
    : workbook.baseYear;
}

/**
 * The previous period's years a next plan keeps open (historyStart), or null for a plan, which has none: a plan's
 * row takes figures from its own base year only, even when that is later than the workbook's.
 */
export function historyYearsFrom(
  workbook: Pick<Workbook, 'baseYear' | 'targetYear' | 'indicators'>,
): number | null {
  return isNextPlan(workbook) ? historyStart(workbook) : null;
}

/** The earliest year a row holds a figure for (Infinity when it holds none). */
export function earliestFigureYear(values: Readonly<Record<number, CellValue | null | undefined>>): number {
  let earliest = Infinity;
  for (const [key, value] of Object.entries(values)) {
    const year = Number(key);
    if (Number.isInteger(year) && year < earliest && !isEmptyValue(value)) earliest = year;
  }
  return earliest;
}

/**
 * The first year a row takes a figure for. A plan's row (`historyFrom` null): its own base year. A next plan's
 * row: also the previous period's years (`historyFrom`, see historyYearsFrom), and every year from the first one
 * it brought a figure for — 近视率, counted from 2018 in 2021–2025, keeps its 2019 open beside its 2018 figure.
 */
export function firstEntryYear(
  rowBaseYear: number,
  historyFrom: number | null,
  earliestFigure = Infinity,
): number {
  return historyFrom === null ? rowBaseYear : Math.min(rowBaseYear, historyFrom, earliestFigure);
}

/**
 * A plan's row counts its figures from its base year: a base year moved past a year it already holds a figure for
 * would leave that figure in the trend (the default formula reads every year column) though the period starts
 * later. The move is refused — the figure is never dropped unasked — and the clerk told which year to clear first.
 * A next plan's figures before its base year are its history, counted on purpose: nothing to refuse there.
 */
export function baseYearPastFigures(
  baseYear: number,
  values: Readonly<Record<number, CellValue | null | undefined>>,
  historyFrom: number | null,
): string | null {
  if (historyFrom !== null) return null;
  const earliest = earliestFigureYear(values);
  if (earliest >= baseYear) return null;
  return (
    `${earliest}年已有数值，基期年不能晚于${earliest}年（基期以前的数值不计入预测和达标进度）。` +
    `如确需从${baseYear}年起算，请先删除${baseYear}年以前各年的数值，再改基期年。`
  );
}

/**
 * A base year before the workbook's first year column (2017 when its columns start at 2018) has no column for its
 * figure: the columns are laid out when the workbook opens, so the year would appear only after a reload, the edit
 * seeming lost meanwhile. Refused, saying the earliest year the workbook has. `firstYear`: its first year column.
 */
export function baseYearBeforeYears(baseYear: number, firstYear: number): string | null {
  if (baseYear >= firstYear) return null;
  return (
    `本工作簿的年份从${firstYear}年起，基期年不能早于${firstYear}年（没有${baseYear}年的列，无法填写基期数值）。` +
    `请填写${firstYear}年或以后的年份。`
  );
}

/**
 * A plan's row saved before base years were checked against its figures (baseYearPastFigures) may hold a figure
 * before its base year: the projection, the status and 波动 still count it (every figure of the row is read). Said
 * as it is, with what the clerk can do; the saved row is left as it is until she does it. Null when there is none,
 * and in a next plan, whose figures before its base year are its history, counted on purpose.
 */
export function figuresBeforeBaseCounted(
  baseYear: number,
  values: Readonly<Record<number, CellValue | null | undefined>>,
  historyFrom: number | null,
): string | null {
  if (historyFrom !== null) return null;
  const early = Object.keys(values)
    .map(Number)
    .filter((year) => Number.isInteger(year) && year < baseYear && typeof values[year] === 'number')
    .sort((a, b) => a - b);
  if (early.length === 0) return null;
  const years = early.map((year) => `${year}年`).join('、');
  return (
    `${years}的数值早于基期年（${baseYear}年），目前仍计入预测和状态。` +
    `如从${baseYear}年起算，请删除${years}的数值；如基期是${early[0]}年，请把基期年改为${early[0]}。`
  );
}

/** The year columns of a workbook: from the earliest year any row needs (2018 for 近视率) to the target year. */
export function yearColumns(workbook: Pick<Workbook, 'baseYear' | 'targetYear' | 'indicators'>): number[] {
  let first = historyStart(workbook);
  for (const row of workbook.indicators) {
    if (row.baseYear < first) first = row.baseYear;
    for (const key of Object.keys(row.values)) {
      const year = Number(key);
      if (Number.isInteger(year) && year < first) first = year;
    }
  }
  const years: number[] = [];
  for (let y = first; y <= workbook.targetYear; y += 1) years.push(y);
  return years;
}

export function workbookFromPlan(plan: PlanDefinition, id: string, now: Date): Workbook {
  const stamp = now.toISOString();
  return {
    id,
    title: plan.title,
    baseYear: plan.baseYear,
    targetYear: plan.targetYear,
    isSample: false,
    indicators: plan.indicators.map((row) => structuredClone(row)),
    createdAt: stamp,
    updatedAt: stamp,
  };
}

/**
 * A code for a row a clerk adds: "X01", "X02", … used by no row, nor by any code in `known` (the codes the
 * workbook's history and saved versions hold). A deleted row's code is not given again: the history and 与当前比较
 * find rows by their code, and took the deleted row and the new, different one under its code for one row.
 */
export function nextCustomCode(
  indicators: readonly Pick<Indicator, 'code'>[],
  known: ReadonlySet<string> = new Set(),
): string {
  const used = new Set(indicators.map((row) => row.code));
  for (let n = 1; ; n += 1) {
    const code = `X${String(n).padStart(2, '0')}`;
    if (!used.has(code) && !known.has(code)) return code;
  }
}
