import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { decodeCsvBytes } from '../../../src/io/csv-decode';
import { csvFileName, serializeIndicatorsCsv } from '../../../src/io/csv-export';
import { parseImportFile } from '../../../src/io/csv-import';
import type { Indicator } from '../../../src/model/indicator';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';
import { makeNextPlan, nextPlanTitle } from '../../../src/model/planning';
import { makeSampleWorkbook } from '../../../src/model/sample-data';
import { workbookFromPlan, yearColumns } from '../../../src/model/workbook';

const years = yearColumns({ baseYear: 2020, targetYear: 2025, indicators: LANXI_2021_2025.indicators });

describe('全覆盖’s comparator in the CSV file', () => {
  const full = LANXI_2021_2025.indicators.filter((row) => row.target.kind === 'full');

  it('is written so that Excel shows it as it is: no formula, no apostrophe', () => {
    const csv = serializeIndicatorsCsv(full, years);
    const rows = Papa.parse<string[]>(csv.slice(1)).data;
    const column = rows[0]!.indexOf('比较');
    const written = rows
      .slice(1)
      .filter((r) => r.length > 1)
      .map((r) => r[column]);
    expect(written.length).toBe(full.length);
    for (const cell of written) {
      expect(cell).toBe('＝');
      expect(cell).not.toMatch(/^[=+\-@']/);
    }
  });

  it('reads back as "=" when the file comes back', () => {
    const added: Indicator = {
      ...structuredClone(full[0]!),
      code: 'X01',
      name: '村（社区）儿童之家覆盖率（本地新增）',
      values: { 2020: 96, 2021: 98 },
      note: '本地新增',
    };
    expect(added.target).toMatchObject({ kind: 'full', comparator: '=', value: 100 });
    const csv = serializeIndicatorsCsv([added], years);
    const decoded = decodeCsvBytes(new TextEncoder().encode(csv), '回传.csv');
    if (!decoded.ok) throw new Error(decoded.message);
    const fresh = workbookFromPlan(LANXI_2021_2025, 'fresh', new Date()).indicators;
    const parsed = parseImportFile(decoded.text, '回传.csv', fresh, years, decoded.encoding);
    expect(parsed.issues).toEqual([]);
    expect(parsed.newRows.map((r) => r.indicator)).toEqual([added]);
  });
});

describe('the export file’s name', () => {
  const day = new Date(2026, 10, 28);

  it('of the sample next plan says 示例数据 once', () => {
    const sample = makeSampleWorkbook(LANXI_2021_2025, day);
    const next = makeNextPlan(
      sample,
      {
        id: 'n',
        title: nextPlanTitle(sample.title, sample.targetYear, sample.targetYear + 5),
        baseYear: 2025,
        targetYear: 2030,
      },
      day,
    );
    expect(next.isSample).toBe(true);
    const name = csvFileName(next.title, '市卫健局_填报模板', day, true);
    expect(name).toBe('兰溪市儿童发展十五五规划·示例数据_市卫健局_填报模板_2026-11-28.csv');
    expect(name.split('示例数据').length - 1).toBe(1);
    expect(csvFileName(sample.title, '全部指标', day, true).split('示例数据').length - 1).toBe(1);
  });

  it('of a sample workbook renamed without the words still says 示例数据, and a real one never', () => {
    expect(csvFileName('城区试点', '全部指标', day, true)).toBe('城区试点_示例数据_全部指标_2026-11-28.csv');
    expect(csvFileName(LANXI_2021_2025.title, '全部指标', day)).toBe(
      '兰溪市儿童发展十四五规划_全部指标_2026-11-28.csv',
    );
  });
});
