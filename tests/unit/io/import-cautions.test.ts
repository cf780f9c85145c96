import { describe, expect, it } from 'vitest';
import { parseImportFile, planImport } from '../../../src/io/csv-import';
import { filesOfOnlyNewRows } from '../../../src/io/import-cautions';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';
import { workbookFromPlan, yearColumns } from '../../../src/model/workbook';

const workbook = workbookFromPlan(LANXI_2021_2025, 'test', new Date(2026, 0, 1));
const YEARS = yearColumns(workbook);
// Made-up figures.
const read = (name: string, text: string) => parseImportFile(text, name, workbook.indicators, YEARS);

describe('a file none of whose lines is a row of the workbook', () => {
  it('is named, with how many new rows 应用 would add', () => {
    const other = read(
      '妇女规划.csv',
      '代码,指标名称,单位,2024年\r\nA01,妇女参加生育保险比例,%,95\r\nA02,女性就业人员比例,%,45\r\n',
    );
    const own = read(
      '卫健局.csv',
      '代码,指标名称,单位,2024年\r\nH02,婴儿死亡率,‰,3.2\r\nX01,新增的卫健指标,%,55\r\n',
    );
    expect(filesOfOnlyNewRows(planImport([own, other]))).toEqual([{ file: '妇女规划.csv', rows: 2 }]);
  });

  it('is not a return whose lines all match, nor one with no lines at all', () => {
    const own = read('卫健局.csv', '代码,指标名称,单位,2024年\r\nH02,婴儿死亡率,‰,3.2\r\n');
    const empty = read('空表.csv', '代码,指标名称,单位,2024年\r\n');
    expect(filesOfOnlyNewRows(planImport([own, empty]))).toEqual([]);
  });
});
