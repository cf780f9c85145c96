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

/** The year columns of a workbook: from the earliest year any row needs (2018 for 近视率) to the target year. */
export function yearColumns(workbook: Pick<Workbook, 'baseYear' | 'targetYear' | 'indicators'>): number[] {
  let first = workbook.baseYear;
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

/** A code for a row a clerk adds: "X01", "X02", … not used by any row yet. */
export function nextCustomCode(indicators: readonly Pick<Indicator, 'code'>[]): string {
  const used = new Set(indicators.map((row) => row.code));
  for (let n = 1; ; n += 1) {
    const code = `X${String(n).padStart(2, '0')}`;
    if (!used.has(code)) return code;
  }
}
