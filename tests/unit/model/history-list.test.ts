import { describe, expect, it } from 'vitest';
import type { ChangeSource, HistoryEntry } from '../../../src/model/history';
import {
  clerkChoices,
  filterHistory,
  historyCount,
  NO_FILTER,
  sourceChoices,
} from '../../../src/model/history-list';
import { localDateTime, serializeHistoryCsv } from '../../../src/io/csv-export';

const TYPED: ChangeSource = { kind: 'typed' };
const HEALTH: ChangeSource = { kind: 'import', detail: '卫健局.csv' };
const EDUCATION: ChangeSource = { kind: 'import', detail: '教育局.csv' };

function entry(
  code: string,
  rowName: string,
  label: string,
  source: ChangeSource,
  clerk: string,
): HistoryEntry {
  return {
    workbookId: 'wb-1',
    code,
    rowName,
    field: label.endsWith('年') ? `v${label.slice(0, 4)}` : 'note',
    label,
    before: '（空）',
    after: '1',
    at: '2026-11-29T01:05:00.000Z',
    source,
    clerk,
  };
}

const history: HistoryEntry[] = [
  entry('H02', '婴儿死亡率', '2025年', HEALTH, '张丽'),
  entry('H03', '5岁以下儿童死亡率', '2025年', HEALTH, '张丽'),
  entry('H02', '婴儿死亡率', '2024年', HEALTH, '张丽'),
  entry('E01', '学前三年毛入园率', '2025年', EDUCATION, '张丽'),
  entry('H02', '婴儿死亡率', '备注', TYPED, '王强'),
  entry('F01', '儿童之家覆盖率', '2025年', TYPED, ''),
];

describe('the whole workbook’s history, narrowed', () => {
  it('offers each clerk and each source with its count, most changes first; no name as （未填姓名）', () => {
    expect(clerkChoices(history)).toEqual([
      { value: '张丽', label: '张丽', count: 4 },
      { value: '', label: '（未填姓名）', count: 1 },
      { value: '王强', label: '王强', count: 1 },
    ]);
    expect(sourceChoices(history).map((c) => [c.label, c.count])).toEqual([
      ['导入“卫健局.csv”', 3],
      ['录入', 2],
      ['导入“教育局.csv”', 1],
    ]);
  });

  it('by the file an import came from: exactly that file’s changes', () => {
    const shown = filterHistory(history, { ...NO_FILTER, source: '导入“卫健局.csv”' });
    expect(shown.map((e) => `${e.code} ${e.label}`)).toEqual(['H02 2025年', 'H03 2025年', 'H02 2024年']);
    expect(historyCount(shown)).toBe('3 处修改，涉及 2 个指标');
  });

  it('by clerk, also the clerk with no name, and both filters at once', () => {
    expect(filterHistory(history, { ...NO_FILTER, clerk: '' }).map((e) => e.code)).toEqual(['F01']);
    expect(
      filterHistory(history, { ...NO_FILTER, clerk: '张丽', source: '导入“教育局.csv”' }).map((e) => e.code),
    ).toEqual(['E01']);
    expect(filterHistory(history, { ...NO_FILTER, clerk: '王强', source: '导入“教育局.csv”' })).toEqual([]);
  });

  it('by a row’s code or name, or by a column (2025 or 2025年)', () => {
    expect(filterHistory(history, { ...NO_FILTER, query: 'h02' })).toHaveLength(3);
    expect(filterHistory(history, { ...NO_FILTER, query: '死亡率' })).toHaveLength(4);
    const in2025 = filterHistory(history, { ...NO_FILTER, query: '2025' });
    expect(in2025.map((e) => e.code)).toEqual(['H02', 'H03', 'E01', 'F01']);
    expect(filterHistory(history, { ...NO_FILTER, query: ' 2025年 ' })).toEqual(in2025);
    expect(filterHistory(history, { ...NO_FILTER, query: '备注' }).map((e) => e.clerk)).toEqual(['王强']);
    expect(filterHistory(history, NO_FILTER)).toEqual(history);
  });
});

describe('the history as a CSV file', () => {
  it('one changed field a line, local time, source and clerk in words, text that Excel would run escaped', () => {
    const csv = serializeHistoryCsv([
      { ...history[0]!, before: '4.6‰', after: '4.1‰' },
      { ...history[5]!, after: '=SUM(A1)' },
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe('时间,代码,指标名称,列,原值,新值,来源,填报人');
    expect(lines[1]).toBe(
      `${localDateTime(history[0]!.at)},H02,婴儿死亡率,2025年,4.6‰,4.1‰,导入“卫健局.csv”,张丽`,
    );
    expect(lines[2]).toContain(",'=SUM(A1),录入,（未填姓名）");
    expect(lines).toHaveLength(3);
  });

  it('writes times in the computer’s own zone, to the minute', () => {
    const at = new Date(2026, 10, 29, 9, 5, 41);
    expect(localDateTime(at.toISOString())).toBe('2026-11-29 09:05');
  });
});
