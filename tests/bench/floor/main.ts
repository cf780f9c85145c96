/**
 * The benchmark's floor: the plan's 65 rows in Handsontable with HyperFormula, same columns, same formulas
 * (the workbook's custom functions registered, else they would show #NAME?), zh-CN and the same theme — and
 * nothing of the app: no Solid, no storage, no renderers, no validation, no panels. Cold start of the app is
 * compared with cold start of this page (`npm run bench`).
 */
// The same way the app loads Handsontable (the base package), with only the Formulas plugin: the floor.
import Handsontable from 'handsontable/base';
import { Formulas, registerPlugin } from 'handsontable/plugins';
import { registerLanguageDictionary, zhCN } from 'handsontable/i18n';
import 'handsontable/styles/handsontable.min.css';
import 'handsontable/styles/ht-theme-main.min.css';
import { HyperFormula } from 'hyperformula';
import { toGridRow } from '../../../src/grid/columns';
import { registerForecastFunctions } from '../../../src/grid/forecast-functions-plugin';
import { registerPlanFunctions } from '../../../src/grid/plan-functions-plugin';
import type { Indicator } from '../../../src/model/indicator';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';
import { floorColumns, floorGridSettings } from './floor-grid';
import { openImportFloor } from './floor-import';

registerLanguageDictionary(zhCN);
registerPlugin(Formulas);
registerForecastFunctions(HyperFormula);
registerPlanFunctions(HyperFormula);

const plan = LANXI_2021_2025;

/**
 * `?rows=5000`: the floor at scale — the first 55 rows of the plan repeated per generated county with generated
 * values (NOT real statistics; the same shape as the benchmark's 5,000-row workbook), so opening the app's
 * large workbook can be set beside the same rows in bare Handsontable + HyperFormula.
 */
function floorRows(count: number): Indicator[] {
  if (count <= plan.indicators.length) return plan.indicators;
  let seed = 20261128;
  const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0), seed / 2 ** 32);
  const rows: Indicator[] = [];
  for (let county = 0; rows.length < count; county += 1) {
    for (const base of plan.indicators.slice(0, 55)) {
      if (rows.length >= count) break;
      const level = typeof base.target.value === 'number' ? base.target.value : 50;
      const values: Indicator['values'] = {};
      for (const year of [2020, 2021, 2022, 2023, 2024])
        values[year] = Math.round(level * (0.8 + random() * 0.3));
      rows.push({ ...base, code: `K${String(county).padStart(3, '0')}${base.code}`, values });
    }
  }
  return rows;
}

const params = new URLSearchParams(location.search);
if (params.has('import')) {
  // The import's floor (floor-import.ts): its grid is built from the rows the bench sends.
  (window as unknown as { floorImport: typeof openImportFloor }).floorImport = openImportFloor;
} else {
  openPlanFloor();
}

function openPlanFloor(): void {
  const indicators = floorRows(Number(params.get('rows')) || 0);
  const columns = floorColumns();
  const data = indicators.map((row, index) => toGridRow(row, columns, index + 1));
  const container = document.getElementById('grid');
  if (container) {
    const hot = new Handsontable(container, {
      ...floorGridSettings(columns),
      data,
      formulas: { engine: HyperFormula.buildEmpty({ licenseKey: 'gpl-v3' }), sheetName: '规划指标' },
    });
    // For the bench's edit measure: the projection is read from the grid (its column may be out of view here).
    (window as unknown as { floorHot: Handsontable }).floorHot = hot;
    performance.mark('workbook-ready');
  }
}
