import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SCHEMA_V1, SCHEMA_VERSION, WorkbookDatabase, type RowRecordV1 } from '../../../src/store/database';
import { WorkbookRepository } from '../../../src/store/workbook-repository';
import { describeStorageError } from '../../../src/store/storage-errors';
import type { Workbook } from '../../../src/model/workbook';
import type { Indicator } from '../../../src/model/indicator';

let dbCounter = 0;
const freshName = () => `test-db-${Date.now()}-${(dbCounter += 1)}`;
const opened: WorkbookRepository[] = [];
afterEach(() => {
  for (const repository of opened.splice(0)) repository.close();
});

const indicator = (code: string, values: Indicator['values'] = {}): Indicator => ({
  code,
  area: '儿童与健康',
  clause: '二（二）1',
  name: code === 'H02' ? '婴儿死亡率' : `指标${code}`,
  unit: '‰',
  target: { kind: 'upper', comparator: '<', wording: '以下', value: 5 },
  baseYear: 2020,
  targetYear: 2025,
  department: '市卫健局',
  source: '新生儿、婴儿和5岁以下儿童死亡率分别控制3‰、5‰和6‰以下',
  values,
});

const workbook = (indicators: Indicator[]): Workbook => ({
  id: 'wb-1',
  title: '测试工作簿',
  baseYear: 2020,
  targetYear: 2025,
  isSample: false,
  indicators,
  createdAt: '2026-11-28T00:00:00.000Z',
  updatedAt: '2026-11-28T00:00:00.000Z',
});

async function open(name: string) {
  const repository = await WorkbookRepository.open(name);
  opened.push(repository);
  return repository;
}

describe('workbook storage', () => {
  it('round-trips a workbook exactly: numbers, invalid text, Chinese names, order', async () => {
    const name = freshName();
    const original = workbook([
      indicator('H02', { 2020: 4.8, 2021: 'abc', 2023: 3.9 }),
      { ...indicator('X01'), name: '乡镇新增：儿童友好公园数', unit: '个', note: '本地新增' },
      indicator('H01'),
    ]);
    const repository = await open(name);
    await repository.saveWorkbook(original);
    repository.close();

    const reopened = await open(name);
    const loaded = await reopened.loadWorkbook('wb-1');
    expect(loaded).toEqual(original);
    expect(loaded?.indicators.map((r) => r.code)).toEqual(['H02', 'X01', 'H01']);
  });

  it('a new workbook gets its id from the store: two made in the same millisecond, in two tabs, are both kept', async () => {
    // New ids are made from the time: the second workbook of a millisecond took the first one's id and replaced it.
    const name = freshName();
    const [tabA, tabB] = [await open(name), await open(name)];
    const copy = { ...workbook([indicator('H02', { 2021: 4.6 })]), title: '测试工作簿（副本）' };
    const plan = { ...workbook([indicator('H01'), indicator('H03')]), title: '新规划草案' };
    const now = vi.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-12-01T02:00:00.000Z'));
    const ids = await Promise.all([tabA.saveNewWorkbook(copy), tabB.saveNewWorkbook(plan)]);
    now.mockRestore();
    expect(new Set(ids).size).toBe(2);
    const [storedCopy, storedPlan] = await Promise.all(ids.map((id) => tabA.loadWorkbook(id)));
    expect(storedCopy).toEqual({ ...copy, id: ids[0] });
    // The id the content carried (the workbook it was copied from) is not the new one's.
    expect(ids).not.toContain('wb-1');
    expect(storedPlan).toEqual({ ...plan, id: ids[1] });
    expect((await tabA.listWorkbooks()).map((w) => w.title).sort()).toEqual([
      '新规划草案',
      '测试工作簿（副本）',
    ]);
  });

  it('saves single rows without touching the others', async () => {
    const repository = await open(freshName());
    await repository.saveWorkbook(workbook([indicator('H01'), indicator('H02')]));
    await repository.saveRowsMerged(
      'wb-1',
      [{ indicator: indicator('H02', { 2024: 4.1 }), order: 1 }],
      new Map([['H02', indicator('H02')]]),
      { at: '2026-11-29T00:00:00Z', clerk: '', sourceOf: () => ({ kind: 'typed' }) },
    );
    const loaded = await repository.loadWorkbook('wb-1');
    expect(loaded?.indicators[1]?.values).toEqual({ 2024: 4.1 });
    expect(loaded?.indicators[0]?.values).toEqual({});
    expect(loaded?.updatedAt).toBe('2026-11-29T00:00:00Z');
  });

  it('keeps a row’s 沿用上期目标（已确定） mark, in its history and in a version put back after it was taken away', async () => {
    const name = freshName();
    const carried: Indicator = {
      ...indicator('H02'),
      baseYear: 2025,
      targetYear: 2030,
      previousTarget: { kind: 'upper', comparator: '<', wording: '以下', value: 5, targetYear: 2025 },
    };
    const kept: Indicator = { ...carried, previousTargetKept: true };
    const repository = await open(name);
    await repository.saveWorkbook(workbook([carried]));
    const context = {
      at: '2026-11-30T09:00:00Z',
      clerk: '张丽',
      sourceOf: () => ({ kind: 'typed' as const }),
    };
    await repository.saveRowsMerged(
      'wb-1',
      [{ indicator: kept, order: 0 }],
      new Map([['H02', carried]]),
      context,
    );
    const versionId = await repository.saveVersion('wb-1', '目标初定', '张丽', '2026-11-30T09:01:00Z');
    repository.close();

    const reopened = await open(name);
    expect((await reopened.loadWorkbook('wb-1'))?.indicators[0]?.previousTargetKept).toBe(true);
    expect(await reopened.rowHistory('wb-1', 'H02')).toEqual([
      expect.objectContaining({ label: '沿用上期目标', before: '（空）', after: '已确定', clerk: '张丽' }),
    ]);
    await reopened.saveRowsMerged('wb-1', [{ indicator: carried, order: 0 }], new Map([['H02', kept]]), {
      ...context,
      at: '2026-11-30T09:02:00Z',
    });
    expect((await reopened.loadWorkbook('wb-1'))?.indicators[0]?.previousTargetKept).toBeUndefined();
    await reopened.restoreVersion(versionId, '恢复前', '张丽', '2026-11-30T09:03:00Z');
    expect((await reopened.loadWorkbook('wb-1'))?.indicators[0]?.previousTargetKept).toBe(true);
  });

  it('replacing a workbook removes deleted rows', async () => {
    const repository = await open(freshName());
    await repository.saveWorkbook(workbook([indicator('H01'), indicator('H02'), indicator('H03')]));
    await repository.saveWorkbook(workbook([indicator('H01'), indicator('H03')]));
    const loaded = await repository.loadWorkbook('wb-1');
    expect(loaded?.indicators.map((r) => r.code)).toEqual(['H01', 'H03']);
  });

  it('keeps settings', async () => {
    const repository = await open(freshName());
    expect(await repository.getSetting('handsontableLicenseKey')).toBeUndefined();
    await repository.setSetting('handsontableLicenseKey', 'abc-123');
    expect(await repository.getSetting('handsontableLicenseKey')).toBe('abc-123');
  });

  it('opens a database written by schema v1 and upgrades its rows', async () => {
    const name = freshName();
    const v1 = new Dexie(name);
    v1.version(1).stores(SCHEMA_V1);
    await v1.open();
    const { values: _ignored, ...definition } = indicator('H02');
    void _ignored;
    const rows: RowRecordV1[] = [
      {
        ...definition,
        workbookId: 'wb-1',
        values: { '2020': '4.8', '2021': '5‰', '2022': 'abc', '2023': '' },
      },
      { ...definition, code: 'H03', workbookId: 'wb-1', values: {} },
    ];
    await v1.table('workbooks').put({
      id: 'wb-1',
      title: '旧版工作簿',
      baseYear: 2020,
      targetYear: 2025,
      isSample: false,
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:00.000Z',
    });
    await v1.table('rows').bulkPut(rows);
    v1.close();

    const repository = await open(name);
    expect(repository.db.verno).toBe(SCHEMA_VERSION);
    const loaded = await repository.loadWorkbook('wb-1');
    expect(loaded?.title).toBe('旧版工作簿');
    expect(loaded?.indicators.map((r) => r.code)).toEqual(['H02', 'H03']);
    // Text read as numbers in the row's unit; unreadable text kept as typed; empty dropped.
    expect(loaded?.indicators[0]?.values).toEqual({ 2020: 4.8, 2021: 5, 2022: 'abc' });
    await repository.setSetting('clerkName', '张三');
    expect(await repository.getSetting('clerkName')).toBe('张三');
  });

  it('a workbook another tab deleted for good is not written again: no orphan rows, no history, an error', async () => {
    const name = freshName();
    const tab = await open(name);
    await tab.saveWorkbook(workbook([indicator('H01'), indicator('H02')]));
    const read = (await tab.loadWorkbook('wb-1'))!;
    const base = new Map(read.indicators.map((row) => [row.code, row]));
    const known = tab.storedStamp(read);
    // Another tab: 工作簿 → 已删除 → 永久删除.
    const other = await open(name);
    await other.deleteWorkbook('wb-1');

    const context = { at: '2026-11-29T00:00:00Z', clerk: '', sourceOf: () => ({ kind: 'typed' }) as const };
    for (const stamp of [known, null]) {
      const save = tab.saveRowsMerged(
        'wb-1',
        [{ indicator: indicator('H02', { 2024: 4.1 }), order: 1 }],
        base,
        context,
        stamp,
      );
      await expect(save).rejects.toMatchObject({ name: 'WorkbookGoneError' });
    }
    await expect(
      tab.saveWorkbookMerged(workbook([indicator('H01'), indicator('H02', { 2024: 4.1 })]), base, context),
    ).rejects.toMatchObject({ name: 'WorkbookGoneError' });
    // 保存版本 of it: said as the workbook gone, not as a failed write.
    await expect(tab.saveVersion('wb-1', '定稿', '', context.at)).rejects.toMatchObject({
      name: 'WorkbookGoneError',
    });
    expect(await other.db.rows.count()).toBe(0);
    expect(await other.db.history.count()).toBe(0);
    expect(await other.listWorkbooks()).toEqual([]);
    const failure = describeStorageError(
      await tab.saveRowsMerged('wb-1', [], base, context).catch((e) => e),
      'write',
    );
    expect(failure.kind).toBe('gone');
    expect(failure.message).toContain('另一个窗口');
    expect(failure.message).toContain('永久删除');
    expect(failure.message).toContain('另存为新工作簿');
    expect(failure.message).toContain('导出CSV');
  });

  it('the current schema is the latest version declared', () => {
    const db = new WorkbookDatabase(freshName());
    expect(db.verno).toBe(SCHEMA_VERSION);
    db.close();
  });
});

describe('storage failures in Chinese', () => {
  it.each([
    [new DOMException('x', 'QuotaExceededError'), 'write', 'quota', '存储空间已满'],
    [new Error('IndexedDB API missing'), 'open', 'unavailable', '无痕'],
    [new Error('disk error'), 'write', 'write', '保存到浏览器存储失败'],
  ] as const)('%s during %s is a %s failure', (error, during, kind, fragment) => {
    const failure = describeStorageError(error, during);
    expect(failure.kind).toBe(kind);
    expect(failure.message).toContain(fragment);
    expect(failure.message).toContain('导出CSV');
  });

  it.each([
    [new DOMException('x', 'QuotaExceededError'), 'quota', '存储空间已满'],
    [new Error('disk error'), 'write', '写入浏览器存储失败'],
  ] as const)(
    'a step the clerk asked for (%s) is said as not done, with nothing changed',
    (error, kind, fragment) => {
      const failure = describeStorageError(error, 'write', '恢复备份');
      expect(failure.kind).toBe(kind);
      expect(failure.message).toMatch(/^恢复备份没有完成，浏览器中的数据没有改变：/);
      expect(failure.message).toContain(fragment);
      expect(failure.message).not.toContain('最近的修改');
    },
  );
});
