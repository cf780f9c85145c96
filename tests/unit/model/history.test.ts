import { describe, expect, it } from 'vitest';
import {
  compareRows,
  describeSource,
  undoSource,
  diffRows,
  rowChangeSource,
  fieldText,
  importSources,
  mergeRow,
  mergeWorkbookRows,
} from '../../../src/model/history';
import type { Indicator } from '../../../src/model/indicator';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';

/** A fresh copy of a row of the real plan, by name, with some values. */
function planRow(name: string, values: Indicator['values'] = {}): Indicator {
  const row = LANXI_2021_2025.indicators.find((r) => r.name === name);
  if (!row) throw new Error(`no row ${name}`);
  return { ...structuredClone(row), values: { ...values } };
}

const infant = (values: Indicator['values'] = {}) => planRow('婴儿死亡率', values); // H02, ‰, <5‰
const under5 = (values: Indicator['values'] = {}) => planRow('5岁以下儿童死亡率', values); // H03, ‰
const centres = (values: Indicator['values'] = {}) => planRow('危重新生儿救治中心数量', values); // H11, 家
const breastfeeding = (values: Indicator['values'] = {}) => planRow('0-6个月婴儿纯母乳喂养率', values); // H06, %

describe('undoSource: a step of 撤销 / 重做 says what it took back or did again', () => {
  it.each([
    ['undo', 'remove_row', '撤销删除指标'],
    ['redo', 'remove_row', '重做删除指标'],
    ['undo', 'insert_row', '撤销新增指标'],
    ['undo', 'import', '撤销导入'],
    ['redo', 'import', '重做导入'],
    ['undo', 'change', '撤销修改'],
    ['undo', '', '撤销'],
    ['redo', undefined, '重做'],
  ] as const)('%s of %s: %s', (kind, actionType, words) => {
    expect(describeSource(undoSource(kind, actionType))).toBe(words);
  });
});

describe('rowChangeSource: a row added or deleted whole says so, not 录入', () => {
  it('a typed save that adds a row says 新增指标, one that deletes it 删除指标 (as 撤销删除指标 says)', () => {
    const typed = { kind: 'typed' } as const;
    expect(describeSource(rowChangeSource(typed, undefined, centres()))).toBe('新增指标');
    expect(describeSource(rowChangeSource(typed, centres(), undefined))).toBe('删除指标');
    expect(describeSource(rowChangeSource(typed, centres(), centres({ 2021: 3 })))).toBe('录入');
  });

  it('keeps every other source: an undo, an import, a restore say what they were', () => {
    const undone = undoSource('undo', 'insert_row');
    expect(rowChangeSource(undone, centres(), undefined)).toEqual(undone);
    const imported = { kind: 'import', detail: '卫健局.csv' } as const;
    expect(rowChangeSource(imported, undefined, centres())).toEqual(imported);
    const version = { kind: 'version', detail: '第二稿' } as const;
    expect(rowChangeSource(version, centres(), undefined)).toEqual(version);
  });
});

describe('describeSource', () => {
  it('names where a change came from in Chinese, with the file or version', () => {
    expect(describeSource({ kind: 'typed' })).toBe('录入');
    expect(describeSource({ kind: 'undo', detail: '撤销' })).toBe('撤销');
    expect(describeSource({ kind: 'undo', detail: '重做' })).toBe('重做');
    // Entries saved before undo and redo were told apart.
    expect(describeSource({ kind: 'undo' })).toBe('撤销/重做');
    expect(describeSource({ kind: 'import', detail: '卫健局.csv' })).toBe('导入“卫健局.csv”');
    expect(describeSource({ kind: 'import' })).toBe('导入');
    expect(describeSource({ kind: 'restore', detail: '备份.json' })).toBe('从备份“备份.json”恢复');
    expect(describeSource({ kind: 'version', detail: '2023年中期评估定稿' })).toBe(
      '恢复版本“2023年中期评估定稿”',
    );
    expect(describeSource({ kind: 'other', detail: '合并' })).toBe('合并');
    expect(describeSource({ kind: 'other' })).toBe('其他');
  });

  it('a version whose name has quotes of its own is quoted as Chinese nests them (“…‘…’…”)', () => {
    expect(describeSource({ kind: 'version', detail: '恢复备份“备份.json”前的自动保存' })).toBe(
      '恢复版本“恢复备份‘备份.json’前的自动保存”',
    );
    expect(describeSource({ kind: 'restore', detail: '“终审”备份.json' })).toBe(
      '从备份“‘终审’备份.json”恢复',
    );
  });
});

describe('fieldText', () => {
  it('shows values with the row unit, text as typed, and （空） for nothing', () => {
    const row = infant({ 2021: 4.6, 2022: '约5' });
    expect(fieldText(row, 'v2021')).toBe('4.6‰');
    expect(fieldText(row, 'v2022')).toBe('约5');
    expect(fieldText(row, 'v2023')).toBe('（空）');
    expect(fieldText(breastfeeding({ 2021: 98 }), 'v2021')).toBe('98%');
    expect(fieldText(centres({ 2021: 2 }), 'v2021')).toBe('2 家');
    expect(fieldText(undefined, 'v2021')).toBe('（空）');
  });

  it('shows the target in words and the default formula when none is set', () => {
    expect(fieldText(infant(), 'target')).toBe('<5‰（以下）');
    expect(fieldText(infant(), 'projectionFormula')).toBe('（默认公式）');
    expect(fieldText(infant(), 'unit')).toBe('‰');
  });
});

describe('diffRows', () => {
  it('lists exactly the changed year values, labelled by year, with units', () => {
    const before = infant({ 2020: 4.8, 2021: 4.6, 2022: 4.5 });
    const after = infant({ 2020: 4.8, 2021: 4.6, 2023: 4.2 });
    expect(diffRows(before, after)).toEqual([
      { field: 'v2022', label: '2022年', before: '4.5‰', after: '（空）' },
      { field: 'v2023', label: '2023年', before: '（空）', after: '4.2‰' },
    ]);
  });

  it('lists nothing for identical rows', () => {
    expect(diffRows(infant({ 2021: 4.6 }), infant({ 2021: 4.6 }))).toEqual([]);
    expect(diffRows(undefined, undefined)).toEqual([]);
  });

  it('a number and the same digits as text are different values', () => {
    expect(diffRows(infant({ 2021: 4.6 }), infant({ 2021: '4.6x' }))).toEqual([
      { field: 'v2021', label: '2021年', before: '4.6‰', after: '4.6x' },
    ]);
  });

  it('lists definition changes with their Chinese labels: 单位, 目标, 预测公式', () => {
    const before = infant({ 2023: 4.6 });
    const after: Indicator = {
      ...infant({ 2023: 4.6 }),
      unit: '%',
      target: { kind: 'upper', comparator: '<', wording: '以下', value: 4.5 },
      projectionFormula: '=FORECAST.LINEAR(2025, J{r}:M{r}, {2021,2022,2023,2024})',
    };
    expect(diffRows(before, after)).toEqual([
      { field: 'unit', label: '单位', before: '‰', after: '%' },
      { field: 'target', label: '目标', before: '<5‰（以下）', after: '<4.5%（以下）' },
      {
        field: 'projectionFormula',
        label: '预测公式',
        before: '（默认公式）',
        after: '=FORECAST.LINEAR(2025, J{r}:M{r}, {2021,2022,2023,2024})',
      },
    ]);
  });

  it('lists a carried-over target being confirmed, and the confirmation taken back, in words', () => {
    const before = infant();
    const after: Indicator = { ...infant(), previousTargetKept: true };
    expect(diffRows(before, after)).toEqual([
      { field: 'previousTargetKept', label: '沿用上期目标', before: '（空）', after: '已确定' },
    ]);
    expect(diffRows(after, before)).toEqual([
      { field: 'previousTargetKept', label: '沿用上期目标', before: '已确定', after: '（空）' },
    ]);
  });

  it('a target with the same content in another key order is not a change', () => {
    const before = infant();
    const after = infant();
    after.target = { value: 5, wording: '以下', comparator: '<', kind: 'upper' };
    expect(diffRows(before, after)).toEqual([]);
  });

  it('a row added or removed is one 整行 change', () => {
    expect(diffRows(undefined, infant({ 2021: 4.6 }))).toEqual([
      { field: 'row', label: '整行', before: '（无此行）', after: '新增此行' },
    ]);
    expect(diffRows(infant({ 2021: 4.6 }), undefined)).toEqual([
      { field: 'row', label: '整行', before: '（原有此行）', after: '已删除此行' },
    ]);
  });
});

describe('mergeRow (this tab = mine, other tab saved = stored)', () => {
  it('keeps the other tab’s field where this tab did not change it', () => {
    const base = infant({ 2020: 4.8 });
    const mine = infant({ 2020: 4.8, 2022: 4.5 });
    const stored = infant({ 2020: 4.8, 2021: 4.6 });
    const { row, conflicts } = mergeRow(base, mine, stored);
    expect(row.values).toEqual({ 2020: 4.8, 2021: 4.6, 2022: 4.5 });
    expect(conflicts).toEqual([]);
  });

  it('keeps the other tab’s definition change (note) next to this tab’s value', () => {
    const base = infant();
    const mine = infant({ 2023: 4.2 });
    const stored = { ...infant(), note: '卫健局口径' };
    const { row, conflicts } = mergeRow(base, mine, stored);
    expect(row).toEqual({ ...infant({ 2023: 4.2 }), note: '卫健局口径' });
    expect(conflicts).toEqual([]);
  });

  it('this tab’s value wins where both changed the same field, and the conflict names both', () => {
    const base = infant({ 2023: 4.9 });
    const mine = infant({ 2023: 4.2 });
    const stored = infant({ 2023: 4.6 });
    const { row, conflicts } = mergeRow(base, mine, stored);
    expect(row.values).toEqual({ 2023: 4.2 });
    expect(conflicts).toEqual([
      { code: 'H02', rowName: '婴儿死亡率', field: 'v2023', label: '2023年', theirs: '4.6‰', mine: '4.2‰' },
    ]);
  });

  it('the same value typed on both sides is no conflict', () => {
    const { row, conflicts } = mergeRow(infant(), infant({ 2023: 4.6 }), infant({ 2023: 4.6 }));
    expect(row.values).toEqual({ 2023: 4.6 });
    expect(conflicts).toEqual([]);
  });

  it('a value this tab deleted stays deleted; the other tab’s other values stay', () => {
    const base = infant({ 2021: 4.6, 2022: 4.5 });
    const mine = infant({ 2022: 4.5 }); // 2021 cleared here
    const stored = infant({ 2021: 4.6, 2022: 4.5, 2023: 4.2 });
    const { row, conflicts } = mergeRow(base, mine, stored);
    expect(row.values).toEqual({ 2022: 4.5, 2023: 4.2 });
    expect(Object.keys(row.values)).not.toContain('2021');
    expect(conflicts).toEqual([]);
  });

  it('a value the other tab deleted stays deleted when this tab did not touch it', () => {
    const base = infant({ 2021: 4.6, 2022: 4.5 });
    const mine = infant({ 2021: 4.6, 2022: 4.5, 2024: 4.0 });
    const stored = infant({ 2022: 4.5 }); // 2021 cleared there
    const { row, conflicts } = mergeRow(base, mine, stored);
    expect(row.values).toEqual({ 2022: 4.5, 2024: 4.0 });
    expect(conflicts).toEqual([]);
  });

  it('deleting a value the other tab changed is a conflict, and the deletion wins', () => {
    const base = infant({ 2021: 4.6 });
    const mine = infant();
    const stored = infant({ 2021: 4.7 });
    const { row, conflicts } = mergeRow(base, mine, stored);
    expect(row.values).toEqual({});
    expect(conflicts).toEqual([
      { code: 'H02', rowName: '婴儿死亡率', field: 'v2021', label: '2021年', theirs: '4.7‰', mine: '（空）' },
    ]);
  });

  it('targets equal up to key order are no change and no conflict', () => {
    const base = infant();
    const mine = infant({ 2023: 4.2 });
    mine.target = { value: 5, comparator: '<', wording: '以下', kind: 'upper' };
    const stored = infant();
    stored.target = { wording: '以下', kind: 'upper', value: 4.5, comparator: '<' };
    const { row, conflicts } = mergeRow(base, mine, stored);
    // This tab did not really change the target, so the other tab's new target is kept.
    expect(row.target).toEqual({ kind: 'upper', comparator: '<', wording: '以下', value: 4.5 });
    expect(row.values).toEqual({ 2023: 4.2 });
    expect(conflicts).toEqual([]);
  });

  it('does not share objects with its inputs', () => {
    const stored = infant({ 2021: 4.6 });
    const { row } = mergeRow(infant(), infant({ 2022: 4.5 }), stored);
    row.values[2021] = 1;
    row.target.value = 1;
    expect(stored.values[2021]).toBe(4.6);
    expect(stored.target.value).toBe(5);
  });

  it('with no stored row (deleted elsewhere) this tab’s row is kept whole', () => {
    const mine = infant({ 2023: 4.2 });
    expect(mergeRow(infant(), mine, undefined)).toEqual({ row: mine, conflicts: [], fromOthers: false });
  });
});

describe('mergeWorkbookRows', () => {
  const baseOf = (rows: Indicator[]) => new Map(rows.map((r) => [r.code, structuredClone(r)]));

  it('appends rows another tab added, keeping this tab’s order', () => {
    const base = baseOf([infant(), under5()]);
    const mine = [under5(), infant({ 2021: 4.6 })]; // moved here
    const added: Indicator = { ...centres(), code: 'X01', name: '乡镇新增：儿童友好公园数', unit: '个' };
    const stored = [infant(), under5(), added];
    const { rows, conflicts } = mergeWorkbookRows(base, mine, stored);
    expect(rows.map((r) => r.code)).toEqual(['H03', 'H02', 'X01']);
    expect(rows[1]?.values).toEqual({ 2021: 4.6 });
    expect(rows[2]).toEqual(added);
    expect(conflicts).toEqual([]);
  });

  it('a new row of the code another tab’s new row was stored under first: that one keeps it, this one takes the next', () => {
    const base = baseOf([infant()]);
    const theirs: Indicator = { ...centres(), code: 'X01', name: '乡镇新增：儿童友好公园数', unit: '个' };
    const ours: Indicator = {
      ...centres({ 2024: 12 }),
      code: 'X01',
      name: '乡镇新增：儿童之家覆盖数',
      unit: '个',
    };
    const { rows, conflicts, fromOthers, recoded } = mergeWorkbookRows(
      base,
      [infant(), ours],
      [infant(), theirs],
    );
    expect(rows).toEqual([infant(), theirs, { ...ours, code: 'X02' }]);
    expect([...fromOthers]).toEqual(['X01', 'X02']);
    expect(recoded).toEqual(new Map([['X01', 'X02']]));
    expect(conflicts.map((c) => [c.code, c.note])).toEqual([
      [
        'X02',
        '另一窗口也新增了代码为 X01 的一行“乡镇新增：儿童友好公园数”并先保存；本窗口新增的“乡镇新增：儿童之家覆盖数”已改用代码 X02，数值都已保留',
      ],
    ]);
  });

  it('the code such a row takes instead is none a deleted row of the history had (X02 was deleted)', () => {
    const base = baseOf([infant()]);
    const theirs: Indicator = { ...centres(), code: 'X01', name: '乡镇新增：儿童友好公园数', unit: '个' };
    const ours: Indicator = { ...centres(), code: 'X01', name: '乡镇新增：儿童之家覆盖数', unit: '个' };
    const { rows, recoded } = mergeWorkbookRows(
      base,
      [infant(), ours],
      [infant(), theirs],
      new Set(['X01', 'X02']),
    );
    expect(recoded).toEqual(new Map([['X01', 'X03']]));
    expect(rows.map((r) => r.code)).toEqual(['H02', 'X01', 'X03']);
  });

  it('a row another tab deleted stays deleted when untouched here', () => {
    const base = baseOf([infant(), under5()]);
    const { rows } = mergeWorkbookRows(base, [infant(), under5()], [infant()]);
    expect(rows.map((r) => r.code)).toEqual(['H02']);
  });

  it('a row another tab deleted is kept when edited here', () => {
    const base = baseOf([infant(), under5()]);
    const { rows } = mergeWorkbookRows(base, [infant(), under5({ 2022: 6.1 })], [infant()]);
    expect(rows.map((r) => r.code)).toEqual(['H02', 'H03']);
    expect(rows[1]?.values).toEqual({ 2022: 6.1 });
  });

  it('a row this tab deleted stays deleted, even if the other tab edited it', () => {
    const base = baseOf([infant(), under5()]);
    const { rows } = mergeWorkbookRows(base, [infant()], [infant(), under5({ 2021: 6 })]);
    expect(rows.map((r) => r.code)).toEqual(['H02']);
  });

  it('merges each row field by field and collects conflicts', () => {
    const base = baseOf([infant({ 2023: 4.9 }), under5()]);
    const mine = [infant({ 2023: 4.2 }), under5({ 2021: 6 })];
    const stored = [infant({ 2023: 4.6, 2024: 4.0 }), under5({ 2022: 5.9 })];
    const { rows, conflicts } = mergeWorkbookRows(base, mine, stored);
    expect(rows.map((r) => r.values)).toEqual([
      { 2023: 4.2, 2024: 4.0 },
      { 2021: 6, 2022: 5.9 },
    ]);
    expect(conflicts).toEqual([
      { code: 'H02', rowName: '婴儿死亡率', field: 'v2023', label: '2023年', theirs: '4.6‰', mine: '4.2‰' },
    ]);
  });
});

describe('compareRows', () => {
  it('lists the differing cells between two states, with rows only in one of them', () => {
    const version = [infant({ 2021: 4.6 }), under5({ 2021: 6 }), centres()];
    const now = [infant({ 2021: 4.4 }), under5({ 2021: 6 }), breastfeeding({ 2021: 98 })];
    expect(compareRows(version, now)).toEqual([
      {
        code: 'H02',
        rowName: '婴儿死亡率',
        field: 'v2021',
        label: '2021年',
        before: '4.6‰',
        after: '4.4‰',
      },
      {
        code: 'H11',
        rowName: '危重新生儿救治中心数量',
        field: 'row',
        label: '整行',
        before: '（原有此行）',
        after: '已删除此行',
      },
      {
        code: 'H06',
        rowName: '0-6个月婴儿纯母乳喂养率',
        field: 'row',
        label: '整行',
        before: '（无此行）',
        after: '新增此行',
      },
    ]);
  });

  it('lists nothing for equal states, whatever the row order', () => {
    expect(compareRows([infant(), under5()], [under5(), infant()])).toEqual([]);
  });
});

describe('mergeRow tells whether another tab changed the row', () => {
  it('fromOthers only when a field this tab left alone was changed by the other tab', () => {
    const base = infant({ 2021: 4.6 });
    expect(mergeRow(base, infant({ 2021: 4.6, 2022: 4.5 }), base).fromOthers).toBe(false);
    expect(
      mergeRow(base, infant({ 2021: 4.6, 2022: 4.5 }), infant({ 2021: 4.6, 2023: 4.1 })).fromOthers,
    ).toBe(true);
    // Both typed the same value: nothing of the other tab's differs from this tab's row.
    expect(mergeRow(base, infant({ 2021: 4.7 }), infant({ 2021: 4.7 })).fromOthers).toBe(false);
  });
});

describe('importSources (which file each imported row came from)', () => {
  it('groups rows by their file; a row two files changed names both', () => {
    const groups = [
      ...importSources([
        { code: 'H01', file: '卫健局.csv' },
        { code: 'H01', file: '卫健局.csv' },
        { code: 'H02', file: '卫健局.csv' },
        { code: 'E01', file: '教育局.csv' },
        { code: 'H02', file: '统计局.csv' },
      ]),
    ].map(([source, codes]) => [describeSource(source), codes]);
    expect(groups).toEqual([
      ['导入“卫健局.csv”', ['H01']],
      ['导入“卫健局.csv、统计局.csv”', ['H02']],
      ['导入“教育局.csv”', ['E01']],
    ]);
  });
});
