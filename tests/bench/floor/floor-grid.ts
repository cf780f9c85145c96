/**
 * The floor pages' grid: the app's columns in a bare Handsontable with the app's theme, frozen columns and row
 * height — shared by the cold-start floor (main.ts, with HyperFormula) and the import's floor (floor-import.ts,
 * plain data), so that the two floors differ only in what they measure.
 */
import { zhCN } from 'handsontable/i18n';
import { buildColumns, FROZEN_COLUMNS, type ColumnSpec } from '../../../src/grid/columns';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';
import { yearColumns } from '../../../src/model/workbook';

export function floorColumns(): ColumnSpec[] {
  const plan = LANXI_2021_2025;
  return buildColumns(yearColumns(plan), plan.baseYear, plan.targetYear);
}

/** Every setting of the floor's grid but its data (and, on the cold-start floor, its formula engine). */
export function floorGridSettings(columns: readonly ColumnSpec[]) {
  return {
    columns: columns.map((c) => ({ readOnly: c.readOnly ?? false, width: c.width })),
    colHeaders: columns.map((c) => c.title),
    rowHeaders: true,
    licenseKey: 'non-commercial-and-evaluation',
    language: zhCN.languageCode,
    themeName: 'ht-theme-main',
    fixedColumnsStart: FROZEN_COLUMNS,
    height: '100%',
    width: '100%',
    autoRowSize: false,
    rowHeights: 30,
  };
}
