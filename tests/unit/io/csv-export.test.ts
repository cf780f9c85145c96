import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { decodeCsvBytes } from '../../../src/io/csv-decode';
import { csvFileName, serializeIndicatorsCsv, serializePlanningCsv } from '../../../src/io/csv-export';
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

describe('目标测算表 as CSV', () => {
  const sheet = {
    title: '十五五目标测算表',
    targetYear: 2030,
    summary: '',
    areas: [
      {
        area: '儿童与健康',
        rows: [
          {
            code: 'H02',
            name: '=婴儿死亡率',
            department: '市卫健局',
            latest: '4.9‰（2025年）',
            previous: '<5‰（2025年）',
            trend: '3.93‰',
            target: '<4‰（以下）',
            verdict: '',
            keptMark: '',
            note: '按趋势2030年约为 3.93‰，需每年下降 0.18个千分点',
          },
        ],
      },
    ],
  };

  it('writes each line of the sheet under its headers, text escaped, a sample sheet labelled first', () => {
    const rows = Papa.parse<string[]>(serializePlanningCsv(sheet, false).replace(/^\uFEFF/, '')).data;
    // 责任单位 beside the name: the whole sheet goes to every department, which finds its own rows by it (without it,
    // 卫健局 could not tell its rows from 教育局's).
    expect(rows).toEqual([
      [
        '领域',
        '代码',
        '指标',
        '责任单位',
        '最新值',
        '上期目标',
        '按趋势2030年',
        '新目标',
        '确定沿用',
        '评估',
        '说明',
      ],
      [
        '儿童与健康',
        'H02',
        "'=婴儿死亡率",
        '市卫健局',
        '4.9‰（2025年）',
        '<5‰（2025年）',
        '3.93‰',
        '<4‰（以下）',
        '',
        '',
        '按趋势2030年约为 3.93‰，需每年下降 0.18个千分点',
      ],
    ]);
    const sample = Papa.parse<string[]>(serializePlanningCsv(sheet, true).replace(/^\uFEFF/, '')).data;
    expect(sample[0]![0]).toMatch(/^示例数据（模拟，非真实统计）/);
    expect(sample[1]![0]).toBe('领域');
  });
});
