import type { ImportPlan } from './csv-import';

/**
 * Files none of whose lines is a row of the workbook, every line a new indicator: most likely another plan's or
 * another workbook's file (the women's plan, A01 …). Not refused — a department may send new indicators under
 * codes of its own — but said before 应用, which put the other plan's rows into this one with only 新增指标 2 项
 * and a hint about a mistyped code to warn.
 */
export function filesOfOnlyNewRows(plan: Pick<ImportPlan, 'files'>): { file: string; rows: number }[] {
  return plan.files
    .filter((f) => f.matchedRows === 0 && (f.sentCodes?.length ?? 0) === 0 && f.newRows.length > 0)
    .map((f) => ({ file: f.file, rows: f.newRows.length }));
}
