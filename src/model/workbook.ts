/**
 * A workbook: one plan's indicators with their values, as the clerk edits them.
 * The period (base year, target year) is data of the workbook; year columns are derived from it.
 */
import type { Indicator, PlanDefinition } from './indicator';

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

/** The first year a row takes a figure for: its own base year, or the workbook's history start if earlier. */
export function firstEntryYear(rowBaseYear: number, workbookHistoryStart: number): number {
  return Math.min(rowBaseYear, workbookHistoryStart);
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
