/**
 * The benchmark's floor: the plan's 65 rows in Handsontable with HyperFormula, same columns, same formulas
 * (the workbook's custom functions registered, else they would show #NAME?), zh-CN and the same theme — and
 * nothing of the app: no Solid, no storage, no renderers, no validation, no panels. Cold start of the app is
 * compared with cold start of this page (`npm run bench`).
 */
import Handsontable from 'handsontable';
import { registerLanguageDictionary, zhCN } from 'handsontable/i18n';
import 'handsontable/styles/handsontable.min.css';
import 'handsontable/styles/ht-theme-main.min.css';
import { HyperFormula } from 'hyperformula';
import { buildColumns, FROZEN_COLUMNS, toGridRow } from '../../../src/grid/columns';
import { registerForecastFunctions } from '../../../src/grid/forecast-functions-plugin';
import { registerPlanFunctions } from '../../../src/grid/plan-functions-plugin';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';
import { yearColumns } from '../../../src/model/workbook';

registerLanguageDictionary(zhCN);
registerForecastFunctions(HyperFormula);
registerPlanFunctions(HyperFormula);

const plan = LANXI_2021_2025;
const columns = buildColumns(yearColumns(plan), plan.baseYear, plan.targetYear);
const data = plan.indicators.map((row, index) => toGridRow(row, columns, index + 1));
const container = document.getElementById('grid');
if (container) {
  new Handsontable(container, {
    data,
    formulas: { engine: HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' }), sheetName: '规划指标' },
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
  });
  performance.mark('workbook-ready');
}
