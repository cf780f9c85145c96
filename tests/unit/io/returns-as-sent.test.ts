/**
 * Departments' 2024 returns as they really arrive (QA walk): the footer Excel spreads over the table's columns, a
 * figure column without a year in a file without a title, and the whole workbook sent back through Excel's
 * "CSV (逗号分隔)" (GBK, which lacks some characters of the workbook's own notes). Figures are made up.
 */
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes } from '../../../src/io/csv-decode';
import { serializeIndicatorsCsv } from '../../../src/io/csv-export';
import { parseImportFile, type ParsedFile } from '../../../src/io/csv-import';
import type { CellValue, Indicator } from '../../../src/model/indicator';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';
import { workbookFromPlan, yearColumns } from '../../../src/model/workbook';
import { encodeGbk } from '../../e2e/gbk';

const YEARS = yearColumns(workbookFromPlan(LANXI_2021_2025, 'test', new Date(2026, 0, 1)));

function planRows(values: Record<string, Record<number, CellValue>> = {}): Indicator[] {
  return LANXI_2021_2025.indicators.map((row) => ({
    ...structuredClone(row),
    values: { ...values[row.code] },
  }));
}

function read(name: string, bytes: Uint8Array, rows: readonly Indicator[] = planRows()): ParsedFile {
  const decoded = decodeCsvBytes(bytes, name);
  if (!decoded.ok) throw new Error(decoded.message);
  return parseImportFile(decoded.text, name, rows, YEARS, decoded.encoding);
}

const NOTE_REASON = '是表格下方的说明文字（填报人、联系电话、数据来源等），不是指标行，已忽略。';

describe('the 填报单位 / 填报人 / 联系电话 footer, spread by Excel over the table’s columns', () => {
  it('is a note even where a part of it fell in a year column (联系电话 under 2024年)', () => {
    // 教育局, Excel "CSV (逗号分隔)": a merged title, 序号 before the names, the footer's three labels in
    // columns 1, 3 and 5 (the last under 2024年), an empty trailing column.
    const parsed = read(
      '教育局2024.csv',
      encodeGbk(
        [
          '2024年兰溪市儿童发展规划监测数据表（教育局）,,,,,',
          '序号,指标名称,单位,2023年,2024年,',
          '1,高中阶段毛入学率,%,98.6,99.1,',
          ',,,,,',
          '填报单位：兰溪市教育局,,填报人：李四,,联系电话：0579-88888888,',
        ].join('\r\n') + '\r\n',
      ),
    );
    expect(parsed.updates.map((u) => [u.code, u.year, u.newValue])).toEqual([
      ['E06', 2023, 98.6],
      ['E06', 2024, 99.1],
    ]);
    expect(parsed.issues).toEqual([]);
    // It said 本行没有代码也没有指标名称，无法确定是哪个指标 — as if a figure had been lost.
    expect(parsed.ignored.map((r) => [r.line, r.reason])).toEqual([[5, NOTE_REASON]]);
  });

  it('is a note where 填报人 fell in the year column and 填报单位 under the names', () => {
    const parsed = read(
      '卫健局2024.csv',
      encodeGbk(
        [
          '指标名称,单位,2024年,备注',
          '婴儿死亡率,‰,2.3,',
          '填报单位：兰溪市卫健局,,填报人：王五,联系电话：0579-88888888',
        ].join('\r\n'),
      ),
    );
    expect(parsed.updates.map((u) => [u.code, u.year, u.newValue])).toEqual([['H02', 2024, 2.3]]);
    // It said 工作簿中没有名为“填报单位：兰溪市卫健局”的指标：请改用工作簿中的名称…
    expect(parsed.ignored.map((r) => [r.line, r.label, r.reason])).toEqual([
      [3, '填报单位：兰溪市卫健局', NOTE_REASON],
    ]);
    expect(parsed.remarks).toEqual([]);
  });

  it('a line with a figure in a year column is still no note, whatever its first cell says', () => {
    const parsed = read('a.csv', encodeGbk('指标名称,2024年\r\n婴儿死亡率,2.3\r\n注：快报数,4.5\r\n'));
    expect(parsed.ignored.map((r) => r.reason)).not.toContain(NOTE_REASON);
  });
});

describe('one figure column without a year, in a file without a title', () => {
  it('asks for the year the figures are of, and names no year of its own', () => {
    // 民政局: 数值(元/月) and no title saying the year. It said 请把该列的列名改为“2023年” — and a clerk who did so
    // put 2024's figures into 2023.
    const parsed = read(
      '民政局2024.csv',
      encodeGbk('序号,指标名称,单位,数值(元/月)\r\n1,城乡居民最低生活保障标准,元/月,1100\r\n'),
    );
    expect(parsed.updates).toEqual([]);
    expect(parsed.issues.map((i) => i.message)).toEqual([
      '第 1 行的“数值(元/月)”列没有写明是哪一年的数值，本文件未导入任何数据：' +
        '请向报送单位确认这些数值是哪一年的，把该列的列名改为该年份（如“2024年”这样的写法）后再导入。',
    ]);
  });
});

describe('the whole workbook exported, opened and saved again in Excel, imported back', () => {
  // Made-up figures on a few rows, and H21's own note (y年目标 = 2018年值 − (y − 2018)) as the plan workbook has it.
  const rows = planRows({
    H02: { 2020: 3.1, 2021: 2.8, 2023: 2.5, 2024: 2.3 },
    H21: { 2018: 55.5, 2023: 52.3, 2024: 51 },
    W01: { 2023: 1020, 2024: 1100 },
  });
  const csv = serializeIndicatorsCsv(rows, YEARS);

  it('saved as “CSV (逗号分隔)” (GBK, CRLF): nothing changes and nothing is listed as the department’s words', () => {
    // GBK has no “−” (U+2212): Excel writes a “?” in its place, as for any character the code page lacks.
    const unmappable = [...csv.slice(1)].filter((ch) => {
      try {
        encodeGbk(ch);
        return false;
      } catch {
        return true;
      }
    });
    expect(new Set(unmappable)).toEqual(new Set(['−']));
    const asExcelSaves = encodeGbk(csv.slice(1).replaceAll('−', '?'));
    const parsed = read('全部指标.csv', asExcelSaves, rows);
    expect(parsed.encoding).toBe('gb18030');
    expect(parsed.updates).toEqual([]);
    expect(parsed.issues).toEqual([]);
    expect(parsed.newRows).toEqual([]);
    // H21's note came back with “?” for “−”: it was listed under 报送单位的说明 as if the department had written it.
    expect(parsed.remarks).toEqual([]);
    expect(parsed.unchanged).toBe(9);
  });

  it('a note the department really changed is still listed, “?” in it or not', () => {
    const edited = csv.slice(1).replaceAll('−', '?').replace('以2018年值为基数', '以2019年值为基数?');
    const parsed = read('全部指标.csv', encodeGbk(edited), rows);
    expect(parsed.remarks?.map((r) => [r.code, r.column])).toEqual([['H21', '备注']]);
  });
});

describe('a department’s own table: headings by area, footnote marks after names', () => {
  it('an area heading over its rows (一、儿童与健康) is said to be one, not an indicator the workbook lacks', () => {
    // 卫健局 and 教育局 rows in one table, grouped under the plan's areas as many offices lay their tables out.
    const parsed = read(
      '汇总表.csv',
      encodeGbk(
        [
          '序号,指标名称,单位,2024年',
          '一,儿童与健康,,',
          '1,婴儿死亡率,‰,2.3',
          '二、儿童与教育,,,',
          '1,高中阶段毛入学率,%,99.1',
          '（三）儿童与福利,,,',
          '1,流浪儿童数量,人,3',
        ].join('\r\n'),
      ),
    );
    expect(parsed.updates.map((u) => [u.code, u.year, u.newValue])).toEqual([
      ['H02', 2024, 2.3],
      ['E06', 2024, 99.1],
      ['W08', 2024, 3],
    ]);
    // It said 工作簿中没有名为“儿童与健康”的指标：请改用工作簿中的名称… and 本行没有代码也没有指标名称.
    const heading = '是分类标题行（领域），不是指标，已忽略。';
    expect(parsed.ignored.map((r) => [r.line, r.label, r.reason])).toEqual([
      [2, '儿童与健康', heading],
      [4, '二、儿童与教育', heading],
      [6, '（三）儿童与福利', heading],
    ]);
  });

  it('an area heading written in the 代码 column is one too (it said 代码 二、儿童与教育 不在本工作簿中)', () => {
    const parsed = read(
      '汇总表.csv',
      encodeGbk(
        ['代码,指标名称,2024年', 'H02,婴儿死亡率,2.3', '二、儿童与教育,,', 'E06,高中阶段毛入学率,99.1'].join(
          '\r\n',
        ),
      ),
    );
    expect(parsed.updates.map((u) => u.code)).toEqual(['H02', 'E06']);
    expect(parsed.ignored.map((r) => [r.line, r.reason])).toEqual([
      [3, '是分类标题行（领域），不是指标，已忽略。'],
    ]);
  });

  it('an area’s name with a figure beside it is no heading', () => {
    const parsed = read('a.csv', encodeGbk('指标名称,2024年\r\n儿童与健康,5\r\n'));
    expect(parsed.ignored.map((r) => r.reason)).not.toContain('是分类标题行（领域），不是指标，已忽略。');
  });

  it('a name with a footnote mark (婴儿死亡率*, 新生儿死亡率①, ※) is the row of that name', () => {
    const parsed = read(
      '卫健局.csv',
      encodeGbk(
        [
          '指标名称,单位,2024年',
          '婴儿死亡率*,‰,2.3',
          '新生儿死亡率①,‰,1.1',
          '5岁以下儿童死亡率※,‰,3.2',
          '12岁儿童龋患率＊,%,22.5',
          '注：*为快报数；①为初步统计数；※含流动人口,,',
        ].join('\r\n'),
      ),
    );
    // They were ignored: 工作簿中没有名为“婴儿死亡率*”的指标（最接近的是 H02 婴儿死亡率）.
    expect(parsed.ignored.map((r) => r.line)).toEqual([6]);
    expect(parsed.updates.map((u) => [u.code, u.year, u.newValue])).toEqual([
      ['H02', 2024, 2.3],
      ['H01', 2024, 1.1],
      ['H03', 2024, 3.2],
      ['H13', 2024, 22.5],
    ]);
  });
});

describe('a unit column that writes the row’s unit without its “per”', () => {
  it('小时 on 学生每天校内体育活动时间 (小时/天), 元 on 元/月, 次 on 次/年 are the row’s unit, as typed in the grid', () => {
    const parsed = read(
      '教育局.csv',
      encodeGbk(
        [
          '指标名称,单位,2024年',
          '学生每天校内体育活动时间,小时,1.2',
          '城乡居民最低生活保障标准,元,1100',
          '公共文化设施家庭教育指导和亲子活动次数,次,4',
        ].join('\r\n'),
      ),
    );
    // Each line was refused: 文件中的单位是“小时”，工作簿中是“小时/天”，本行未导入：请换算为“小时/天”… — nothing to convert.
    expect(parsed.issues).toEqual([]);
    expect(parsed.updates.map((u) => [u.code, u.year, u.newValue])).toEqual([
      ['H17', 2024, 1.2],
      ['W01', 2024, 1100],
      ['F01', 2024, 4],
    ]);
  });

  it('another unit is still refused: 分钟 on 小时/天, 万元 on 元/月', () => {
    const parsed = read(
      'a.csv',
      encodeGbk(
        [
          '指标名称,单位,2024年',
          '学生每天校内体育活动时间,分钟,72',
          '城乡居民最低生活保障标准,万元,0.11',
        ].join('\r\n'),
      ),
    );
    expect(parsed.updates).toEqual([]);
    expect(parsed.issues.map((i) => i.message)).toEqual([
      'H17 学生每天校内体育活动时间：文件中的单位是“分钟”，工作簿中是“小时/天”，本行未导入：请换算为“小时/天”并改正单位后再导入。',
      'W01 城乡居民最低生活保障标准：文件中的单位是“万元”，工作簿中是“元/月”，本行未导入：请换算为“元/月”并改正单位后再导入。',
    ]);
  });
});

describe('a year merged over columns of its own, named in the row below', () => {
  it('“2024年” over 目标值 and 完成值: the 完成值 is the year’s figure, the target is said and not read', () => {
    // As Excel saves merged cells: the year over its first column, the row below naming each.
    const parsed = read(
      '卫健局.csv',
      encodeGbk(
        ['指标名称,单位,2024年,', ',,目标值,完成值', '婴儿死亡率,‰,5,2.3', '新生儿死亡率,‰,3,1.1'].join(
          '\r\n',
        ),
      ),
    );
    // The target went in as 2024's figure (婴儿死亡率 5‰, 新生儿死亡率 3‰) and the figures were dropped.
    expect(parsed.updates.map((u) => [u.code, u.year, u.newValue, u.line])).toEqual([
      ['H02', 2024, 2.3, 3],
      ['H01', 2024, 1.1, 4],
    ]);
    expect(parsed.issues.map((i) => [i.line, i.column, i.message])).toEqual([
      [
        2,
        '2024年目标值',
        '列“2024年目标值”不是 2024 年的实际数值（列名中写的是“目标值”），该列未导入：' +
          '如确是该年的实际数值，请把列名改为“2024年”后再导入。',
      ],
    ]);
    // The row of names is part of the header, not a line without code or name.
    expect(parsed.ignored).toEqual([]);
  });

  it('the two-row header repeated lower down after a page break is a repeated header, not an ignored line', () => {
    const parsed = read(
      '卫健局.csv',
      encodeGbk(
        [
          '指标名称,单位,2024年,',
          ',,目标值,完成值',
          '婴儿死亡率,‰,5,2.3',
          '',
          '指标名称,单位,2024年,',
          ',,目标值,完成值',
          '新生儿死亡率,‰,3,1.1',
        ].join('\r\n'),
      ),
    );
    expect(parsed.updates.map((u) => [u.code, u.year, u.newValue, u.line])).toEqual([
      ['H02', 2024, 2.3, 3],
      ['H01', 2024, 1.1, 7],
    ]);
    // Its row of names (line 6) was listed as a line without code or name.
    expect(parsed.ignored).toEqual([]);
    expect(parsed.issues.map((i) => i.line)).toEqual([2]);
  });

  it('the two-row header again after another table ends that table, its row of names no line of figures', () => {
    const parsed = read(
      '卫健局.csv',
      encodeGbk(
        [
          '指标名称,单位,2024年,',
          ',,目标值,完成值',
          '婴儿死亡率,‰,5,2.3',
          '单位,指标名称,2024年,',
          '‰,新生儿死亡率,3',
          '指标名称,单位,2024年,',
          ',,目标值,完成值',
          '新生儿死亡率,‰,3,1.1',
        ].join('\r\n'),
      ),
    );
    expect(parsed.updates.map((u) => [u.code, u.newValue, u.line])).toEqual([
      ['H02', 2.3, 3],
      ['H01', 1.1, 8],
    ]);
    expect(parsed.ignored).toEqual([]);
    expect(parsed.issues.map((i) => i.line)).toEqual([2, 4]);
    expect(parsed.issues[1]?.message).toContain('这张表的 1 行未导入');
  });

  it('two years side by side, each over 目标 and 实际, and a 数值 / 单位 pair', () => {
    const parsed = read(
      '民政局.csv',
      encodeGbk(['指标名称,2023年,,2024年,', ',目标,实际,目标,实际', '婴儿死亡率,5,2.5,5,2.3'].join('\r\n')),
    );
    expect(parsed.updates.map((u) => [u.code, u.year, u.newValue])).toEqual([
      ['H02', 2023, 2.5],
      ['H02', 2024, 2.3],
    ]);
    expect(parsed.issues.map((i) => i.column)).toEqual(['2023年目标', '2024年目标']);

    const units = read(
      '民政局.csv',
      encodeGbk(['指标名称,2024年,', ',数值,单位', '城乡居民最低生活保障标准,1100,元/月'].join('\r\n')),
    );
    expect(units.updates.map((u) => [u.code, u.year, u.newValue])).toEqual([['W01', 2024, 1100]]);
    expect(units.issues).toEqual([]);
    expect(units.ignored).toEqual([]);
  });

  it('a line of figures right under the header is data, not names', () => {
    const parsed = read(
      'a.csv',
      encodeGbk(['代码,指标名称,2023年,2024年', 'H02,婴儿死亡率,2.5,2.3'].join('\r\n')),
    );
    expect(parsed.updates.map((u) => [u.code, u.year, u.newValue])).toEqual([
      ['H02', 2023, 2.5],
      ['H02', 2024, 2.3],
    ]);
  });
});

describe('a figure with a word about it in brackets', () => {
  it('2.3（快报）, 98.5%（初步）: the figure goes in, the words are listed as the department’s', () => {
    const parsed = read(
      '卫健局.csv',
      encodeGbk(
        ['指标名称,单位,2024年', '婴儿死亡率,‰,2.3（快报）', '新生儿访视率,%,98.5%(初步)'].join('\r\n'),
      ),
    );
    // Each was refused: “2.3（快报）”不是数字：请填写数字（单位 ‰）.
    expect(parsed.issues).toEqual([]);
    expect(parsed.updates.map((u) => [u.code, u.year, u.newValue])).toEqual([
      ['H02', 2024, 2.3],
      ['H10', 2024, 98.5],
    ]);
    expect(parsed.remarks?.map((r) => [r.line, r.column, r.code, r.text])).toEqual([
      [2, '2024年', 'H02', '2.3（快报）（数值已导入，括号中的文字未导入）'],
      [3, '2024年', 'H10', '98.5%(初步)（数值已导入，括号中的文字未导入）'],
    ]);
  });

  it('约1.1, 1.1左右, 约 98%: an estimate is read, its word listed as the department’s (not dropped)', () => {
    const parsed = read(
      '卫健局.csv',
      encodeGbk(
        [
          '指标名称,单位,2024年',
          '婴儿死亡率,‰,约1.1',
          '新生儿死亡率,‰,1.1左右',
          '新生儿访视率,%,约 98%',
        ].join('\r\n'),
      ),
    );
    // Each was refused: “约1.1”不是数字：请填写数字（单位 ‰）.
    expect(parsed.issues).toEqual([]);
    expect(parsed.updates.map((u) => [u.code, u.year, u.newValue])).toEqual([
      ['H02', 2024, 1.1],
      ['H01', 2024, 1.1],
      ['H10', 2024, 98],
    ]);
    expect(parsed.remarks?.map((r) => [r.line, r.column, r.code, r.text])).toEqual([
      [2, '2024年', 'H02', '约1.1（数值已导入，“约”未导入）'],
      [3, '2024年', 'H01', '1.1左右（数值已导入，“左右”未导入）'],
      [4, '2024年', 'H10', '约 98%（数值已导入，“约”未导入）'],
    ]);
  });

  it('a forecast or a target in brackets is no figure of the year: refused as before', () => {
    const parsed = read(
      'a.csv',
      encodeGbk(
        [
          '指标名称,单位,2024年',
          '婴儿死亡率,‰,2.3（预计）',
          '新生儿死亡率,‰,3（目标）',
          '新生儿访视率,%,98.5（2023年）',
        ].join('\r\n'),
      ),
    );
    expect(parsed.updates).toEqual([]);
    expect(parsed.issues.map((i) => i.line)).toEqual([2, 3, 4]);
  });

  it('an estimate of the year’s figure (估计, 估算, 初步, 快报) is read as 约 is; 预计, 预测, 预估, 目标 are refused saying why', () => {
    // “1.1（估计）” was refused as a forecast (不是数字) while “约1.1” was read.
    const estimates = ['1.1（估计）', '1.1（估算）', '1.1（初步）', '1.1（快报）', '约1.1'];
    const forecasts = ['1.1（预计）', '1.1（预测）', '1.1（预估）', '1.1（目标）'];
    const parsed = read(
      '卫健局.csv',
      encodeGbk(
        ['代码,2024年', ...[...estimates, ...forecasts].map((text, i) => `H0${i + 1},${text}`)].join('\r\n'),
      ),
    );
    expect(parsed.updates.map((u) => [u.code, u.year, u.newValue])).toEqual(
      estimates.map((_, i) => [`H0${i + 1}`, 2024, 1.1]),
    );
    expect(parsed.remarks?.map((r) => [r.line, r.text])).toEqual([
      [2, '1.1（估计）（数值已导入，括号中的文字未导入）'],
      [3, '1.1（估算）（数值已导入，括号中的文字未导入）'],
      [4, '1.1（初步）（数值已导入，括号中的文字未导入）'],
      [5, '1.1（快报）（数值已导入，括号中的文字未导入）'],
      [6, '约1.1（数值已导入，“约”未导入）'],
    ]);
    expect(parsed.issues.map((i) => [i.line, i.column])).toEqual([
      [7, '2024年'],
      [8, '2024年'],
      [9, '2024年'],
      [10, '2024年'],
    ]);
    forecasts.forEach((text, i) => {
      const word = text.slice(4, 6);
      expect(parsed.issues[i]?.message).toContain(
        `“${text}”括号中写的是“${word}”：预计数、预测数和目标都不是本年的实际数值，请填写本年的实际数值（单位 `,
      );
      expect(parsed.issues[i]?.message).toContain('可写作“1.1（估计）”“约1.1”“1.1（快报）”');
      expect(parsed.issues[i]?.message).toContain('该单元格未导入');
    });
  });
});
