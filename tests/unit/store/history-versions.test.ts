import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { parseBackup, serializeBackup } from '../../../src/model/backup';
import { describeSource, type ChangeSource, type HistoryEntry } from '../../../src/model/history';
import type { Indicator } from '../../../src/model/indicator';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';
import { keptBeforeRestoring } from '../../../src/model/version-name';
import { workbookFromPlan, type Workbook } from '../../../src/model/workbook';
import { SCHEMA_V2, SCHEMA_V3, SCHEMA_VERSION, type RowRecord } from '../../../src/store/database';
import { describeStorageError } from '../../../src/store/storage-errors';
import { WorkbookRepository, type WriteContext } from '../../../src/store/workbook-repository';

let dbCounter = 0;
const freshName = () => `history-db-${Date.now()}-${(dbCounter += 1)}`;
const opened: WorkbookRepository[] = [];
const undoFaults: (() => void)[] = [];
afterEach(() => {
  for (const undo of undoFaults.splice(0)) undo();
  for (const repository of opened.splice(0)) repository.close();
});

async function open(name: string) {
  const repository = await WorkbookRepository.open(name);
  opened.push(repository);
  return repository;
}

const CREATED = new Date('2026-11-01T00:00:00.000Z');
/** The real plan as a workbook (about 70 rows), optionally with another id. */
const planWorkbook = (id = 'wb-1'): Workbook => workbookFromPlan(LANXI_2021_2025, id, CREATED);

const IMPORT: ChangeSource = { kind: 'import', detail: '卫健局.csv' };
const TYPED: ChangeSource = { kind: 'typed' };

const context = (at: string, clerk = '张丽', source: ChangeSource = TYPED): WriteContext => ({
  at,
  clerk,
  sourceOf: () => source,
});

const rowOf = (workbook: Workbook | undefined, code: string): Indicator => {
  const row = workbook?.indicators.find((r) => r.code === code);
  if (!row) throw new Error(`no row ${code}`);
  return row;
};

/** A row of the workbook as stored, with some values changed, ready for saveRowsMerged. */
const edited = (workbook: Workbook, code: string, values: Indicator['values']) => {
  const order = workbook.indicators.findIndex((r) => r.code === code);
  const row = structuredClone(workbook.indicators[order]!);
  row.values = { ...row.values, ...values };
  return { indicator: row, order };
};

const baseOf = (workbook: Workbook) =>
  new Map(workbook.indicators.map((row) => [row.code, structuredClone(row)]));

/** A plan workbook saved in a fresh database, read back as a tab would see it. */
async function savedPlan(name = freshName()) {
  const repository = await open(name);
  await repository.saveWorkbook(planWorkbook());
  const workbook = (await repository.loadWorkbook('wb-1'))!;
  return { name, repository, workbook };
}

describe('history of a row', () => {
  it('records every changed field of an import with source, clerk and time, newest first', async () => {
    const { repository, workbook } = await savedPlan();
    await repository.saveRowsMerged(
      'wb-1',
      [edited(workbook, 'H02', { 2021: 4.6, 2022: 4.5 })],
      baseOf(workbook),
      context('2026-11-02T08:00:00.000Z', '张丽', IMPORT),
    );
    const afterImport = (await repository.loadWorkbook('wb-1'))!;
    await repository.saveRowsMerged(
      'wb-1',
      [edited(afterImport, 'H02', { 2022: 4.4 })],
      baseOf(afterImport),
      context('2026-11-03T09:30:00.000Z', '王强'),
    );

    const history = await repository.rowHistory('wb-1', 'H02');
    expect(history).toHaveLength(3);
    expect(history[0]).toEqual({
      workbookId: 'wb-1',
      code: 'H02',
      rowName: '婴儿死亡率',
      field: 'v2022',
      label: '2022年',
      before: '4.5‰',
      after: '4.4‰',
      at: '2026-11-03T09:30:00.000Z',
      source: { kind: 'typed' },
      clerk: '王强',
    } satisfies HistoryEntry);
    const imported = {
      workbookId: 'wb-1',
      code: 'H02',
      rowName: '婴儿死亡率',
      before: '（空）',
      at: '2026-11-02T08:00:00.000Z',
      source: { kind: 'import', detail: '卫健局.csv' },
      clerk: '张丽',
    };
    expect(history.slice(1)).toEqual(
      expect.arrayContaining([
        { ...imported, field: 'v2021', label: '2021年', after: '4.6‰' },
        { ...imported, field: 'v2022', label: '2022年', after: '4.5‰' },
      ]),
    );
    // Other rows have no history; an unchanged save records nothing.
    expect(await repository.rowHistory('wb-1', 'H03')).toEqual([]);
    const now = (await repository.loadWorkbook('wb-1'))!;
    await repository.saveRowsMerged(
      'wb-1',
      [edited(now, 'H02', {})],
      baseOf(now),
      context('2026-11-04T00:00:00.000Z'),
    );
    expect(await repository.rowHistory('wb-1', 'H02')).toHaveLength(3);
  });

  it('saveWorkbook with a context records changes; without one records nothing', async () => {
    const { repository, workbook } = await savedPlan();
    expect(await repository.db.history.count()).toBe(0);
    const changed = structuredClone(workbook);
    rowOf(changed, 'H02').values[2021] = 4.6;
    await repository.saveWorkbook(changed, context('2026-11-02T00:00:00.000Z'));
    expect(await repository.rowHistory('wb-1', 'H02')).toEqual([
      expect.objectContaining({ field: 'v2021', before: '（空）', after: '4.6‰', clerk: '张丽' }),
    ]);
    expect(await repository.db.history.count()).toBe(1);
  });
});

describe('two tabs saving the same workbook', () => {
  it('edits of different cells of the same row both survive (two connections)', async () => {
    const { name, workbook } = await savedPlan();
    const tabA = await open(name);
    const tabB = await open(name);
    const seenByA = (await tabA.loadWorkbook('wb-1'))!;
    const seenByB = (await tabB.loadWorkbook('wb-1'))!;
    expect(seenByA).toEqual(workbook);

    const a = await tabA.saveRowsMerged(
      'wb-1',
      [edited(seenByA, 'H02', { 2021: 4.6 })],
      baseOf(seenByA),
      context('2026-11-02T08:00:00.000Z', '张丽'),
    );
    expect(a.conflicts).toEqual([]);
    // Tab B still shows the workbook as it was and saves its own cell of the same row.
    const b = await tabB.saveRowsMerged(
      'wb-1',
      [edited(seenByB, 'H02', { 2022: 4.5 })],
      baseOf(seenByB),
      context('2026-11-02T08:01:00.000Z', '王强'),
    );
    expect(b.conflicts).toEqual([]);
    expect(b.rows[0]?.values).toEqual({ 2021: 4.6, 2022: 4.5 });

    const stored = await tabA.loadWorkbook('wb-1');
    expect(rowOf(stored, 'H02').values).toEqual({ 2021: 4.6, 2022: 4.5 });
    // B's save changed only its own cell, so the history shows one change each.
    const history = await tabA.rowHistory('wb-1', 'H02');
    expect(history.map((e) => [e.label, e.before, e.after, e.clerk])).toEqual([
      ['2022年', '（空）', '4.5‰', '王强'],
      ['2021年', '（空）', '4.6‰', '张丽'],
    ]);
  });

  it('a row added in one tab keeps the name another tab gave the workbook and its move to 已删除', async () => {
    const { name } = await savedPlan();
    const tabA = await open(name);
    const tabB = await open(name);
    const seenByA = (await tabA.loadWorkbook('wb-1'))!;
    // Tab B renames the workbook and moves it to 已删除 while tab A has it open.
    await tabB.renameWorkbook('wb-1', '兰溪市儿童发展规划监测（2024年度）');
    await tabB.setDeleted('wb-1', true);
    // Tab A adds a row (a structure save writes the workbook whole).
    const added: Indicator = { ...structuredClone(rowOf(seenByA, 'H02')), code: 'X01', name: '新增指标' };
    await tabA.saveWorkbookMerged(
      { ...seenByA, indicators: [...seenByA.indicators, added] },
      baseOf(seenByA),
      context('2026-11-02T08:00:00.000Z'),
    );
    const stored = (await tabB.listWorkbooks()).find((w) => w.id === 'wb-1')!;
    expect(stored.title).toBe('兰溪市儿童发展规划监测（2024年度）');
    expect(stored.deletedAt).toBeDefined();
    expect(rowOf(await tabB.loadWorkbook('wb-1'), 'X01').name).toBe('新增指标');
  });

  it('a tab that knows what storage holds does not read the rows back to merge; after another tab wrote it does', async () => {
    const { name } = await savedPlan();
    const tabA = await open(name);
    const tabB = await open(name);
    const seenByA = (await tabA.loadWorkbook('wb-1'))!;
    const seenByB = (await tabB.loadWorkbook('wb-1'))!;
    const rowReads = countRowReads();

    const a = await tabA.saveRowsMerged(
      'wb-1',
      [edited(seenByA, 'H02', { 2021: 4.6 })],
      baseOf(seenByA),
      context('2026-11-02T08:00:00.000Z', '张丽'),
      tabA.storedStamp(seenByA),
    );
    expect(rowReads.count).toBe(0);
    expect(a.stamp).not.toBeNull();

    // B's stamp is from before A's save: B reads H02 back and keeps A's value.
    const b = await tabB.saveRowsMerged(
      'wb-1',
      [edited(seenByB, 'H02', { 2021: 4.6, 2022: 4.5 }), edited(seenByB, 'H01', { 2022: 1 })].map((r, i) =>
        i === 0 ? { ...r, indicator: { ...r.indicator, values: { 2022: 4.5 } } } : r,
      ),
      baseOf(seenByB),
      context('2026-11-02T08:01:00.000Z', '王强'),
      tabB.storedStamp(seenByB),
    );
    expect(rowReads.count).toBe(2);
    expect(b.stamp).toBeNull();
    const stored = await tabA.loadWorkbook('wb-1');
    expect(rowOf(stored, 'H02').values).toEqual({ 2021: 4.6, 2022: 4.5 });
    // A's stamp is stale now too: its next save reads back and keeps B's values.
    await tabA.saveRowsMerged(
      'wb-1',
      [edited(seenByA, 'H01', { 2023: 2 })],
      baseOf(seenByA),
      context('2026-11-02T08:02:00.000Z', '张丽'),
      a.stamp,
    );
    expect(rowReads.count).toBe(3);
    expect(rowOf(await tabA.loadWorkbook('wb-1'), 'H01').values).toEqual({ 2022: 1, 2023: 2 });
  });

  it('the same cell: the later save wins, the conflict is returned, the history keeps both values', async () => {
    const { repository, workbook } = await savedPlan();
    const start = baseOf(workbook);
    await repository.saveRowsMerged(
      'wb-1',
      [edited(workbook, 'H02', { 2023: 4.6 })],
      start,
      context('2026-11-02T08:00:00.000Z', '张丽'),
    );
    const later = await repository.saveRowsMerged(
      'wb-1',
      [edited(workbook, 'H02', { 2023: 4.2 })],
      start,
      context('2026-11-02T08:05:00.000Z', '王强'),
    );
    expect(later.conflicts).toEqual([
      { code: 'H02', rowName: '婴儿死亡率', field: 'v2023', label: '2023年', theirs: '4.6‰', mine: '4.2‰' },
    ]);
    expect(rowOf(await repository.loadWorkbook('wb-1'), 'H02').values).toEqual({ 2023: 4.2 });
    const history = await repository.rowHistory('wb-1', 'H02');
    expect(history.map((e) => [e.label, e.before, e.after, e.clerk])).toEqual([
      ['2023年', '4.6‰', '4.2‰', '王强'],
      ['2023年', '（空）', '4.6‰', '张丽'],
    ]);
  });

  it('a structure save keeps a row another tab added and a value another tab typed', async () => {
    const { name, workbook } = await savedPlan();
    const tabA = await open(name);
    const tabB = await open(name);
    const start = baseOf(workbook);

    // Tab A adds a row at the end and types a value in H02.
    const added: Indicator = {
      ...structuredClone(rowOf(workbook, 'H11')),
      code: 'X01',
      name: '乡镇新增：儿童友好公园数',
      unit: '个',
      clause: '',
      source: '',
      values: { 2024: 3 },
    };
    const withRow = structuredClone(workbook);
    withRow.indicators.push(added);
    rowOf(withRow, 'H02').values[2021] = 4.6;
    await tabA.saveWorkbookMerged(withRow, start, context('2026-11-02T08:00:00.000Z', '张丽'));

    // Tab B, which has not seen that, deletes H03.
    const withoutH03 = structuredClone(workbook);
    withoutH03.indicators = withoutH03.indicators.filter((r) => r.code !== 'H03');
    const saved = await tabB.saveWorkbookMerged(
      withoutH03,
      start,
      context('2026-11-02T08:01:00.000Z', '王强'),
    );
    expect(saved.conflicts).toEqual([]);
    expect(saved.rows.at(-1)).toEqual(added);

    const stored = (await tabA.loadWorkbook('wb-1'))!;
    expect(stored.indicators.map((r) => r.code)).toEqual([
      ...workbook.indicators.map((r) => r.code).filter((c) => c !== 'H03'),
      'X01',
    ]);
    expect(rowOf(stored, 'X01')).toEqual(added);
    expect(rowOf(stored, 'H02').values).toEqual({ 2021: 4.6 });
    expect(stored.updatedAt).toBe('2026-11-02T08:01:00.000Z');
    expect((await tabA.rowHistory('wb-1', 'X01')).map((e) => [e.label, e.after, e.clerk])).toEqual([
      ['整行', '新增此行', '张丽'],
    ]);
    expect((await tabA.rowHistory('wb-1', 'H03')).map((e) => [e.label, e.after, e.clerk])).toEqual([
      ['整行', '已删除此行', '王强'],
    ]);
    // B's save did not record A's row or A's value again.
    expect(await tabA.workbookHistory('wb-1')).toHaveLength(3);
  });
});

describe('named versions', () => {
  it('lists versions newest first; restoring puts the version back and keeps the state before it', async () => {
    const { repository, workbook } = await savedPlan();
    const v1 = await repository.saveVersion('wb-1', '2023年中期评估定稿', '张丽', '2026-11-05T00:00:00.000Z');
    const atV1 = (await repository.loadWorkbook('wb-1'))!;

    await repository.saveRowsMerged(
      'wb-1',
      [edited(workbook, 'H02', { 2023: 4.6 })],
      baseOf(workbook),
      context('2026-11-06T00:00:00.000Z'),
    );
    const v2 = await repository.saveVersion('wb-1', '第二稿', '王强', '2026-11-07T00:00:00.000Z');
    // Then a row is added and H02 changed again.
    const later = (await repository.loadWorkbook('wb-1'))!;
    const current = structuredClone(later);
    rowOf(current, 'H02').values[2023] = 4.1;
    current.indicators.push({ ...structuredClone(rowOf(later, 'H11')), code: 'X01', name: '新增指标' });
    await repository.saveWorkbookMerged(current, baseOf(later), context('2026-11-08T00:00:00.000Z'));
    const beforeRestore = (await repository.loadWorkbook('wb-1'))!;

    const listed = await repository.listVersions('wb-1');
    expect(listed.map((v) => [v.id, v.name, v.clerk, v.createdAt])).toEqual([
      [v2, '第二稿', '王强', '2026-11-07T00:00:00.000Z'],
      [v1, '2023年中期评估定稿', '张丽', '2026-11-05T00:00:00.000Z'],
    ]);
    expect(listed[1]?.workbook).toEqual(atV1);
    expect(rowOf(listed[0]?.workbook, 'H02').values).toEqual({ 2023: 4.6 });

    await repository.restoreVersion(v1, '恢复前（自动保存）', '李明', '2026-11-09T00:00:00.000Z');

    const restored = (await repository.loadWorkbook('wb-1'))!;
    expect(restored).toEqual({ ...atV1, updatedAt: '2026-11-09T00:00:00.000Z' });
    expect(restored.indicators.some((r) => r.code === 'X01')).toBe(false);

    const afterList = await repository.listVersions('wb-1');
    expect(afterList.map((v) => v.name)).toEqual(['恢复前（自动保存）', '第二稿', '2023年中期评估定稿']);
    expect(afterList[0]).toMatchObject({ clerk: '李明', createdAt: '2026-11-09T00:00:00.000Z' });
    expect(afterList[0]?.workbook).toEqual(beforeRestore);

    const source = { kind: 'version', detail: '2023年中期评估定稿' };
    expect((await repository.rowHistory('wb-1', 'H02'))[0]).toEqual({
      workbookId: 'wb-1',
      code: 'H02',
      rowName: '婴儿死亡率',
      field: 'v2023',
      label: '2023年',
      before: '4.1‰',
      after: '（空）',
      at: '2026-11-09T00:00:00.000Z',
      source,
      clerk: '李明',
    });
    expect((await repository.rowHistory('wb-1', 'X01'))[0]).toMatchObject({
      label: '整行',
      after: '已删除此行',
      source,
    });
    const restoreEntries = (await repository.workbookHistory('wb-1')).filter(
      (e) => e.at === '2026-11-09T00:00:00.000Z',
    );
    expect(restoreEntries).toHaveLength(2);

    // The state before the restore can itself be restored.
    await repository.restoreVersion(afterList[0]!.id, '撤销恢复前', '李明', '2026-11-10T00:00:00.000Z');
    expect((await repository.loadWorkbook('wb-1'))?.indicators).toEqual(beforeRestore.indicators);
  });

  it('deleteVersion removes only that version', async () => {
    const { repository } = await savedPlan();
    const v1 = await repository.saveVersion('wb-1', '甲', '', '2026-11-05T00:00:00.000Z');
    await repository.saveVersion('wb-1', '乙', '', '2026-11-06T00:00:00.000Z');
    await repository.deleteVersion(v1);
    expect((await repository.listVersions('wb-1')).map((v) => v.name)).toEqual(['乙']);
  });

  it('versions saved within the same millisecond are listed newest first too (the one saved last on top)', async () => {
    // Two tabs' 保存版本 can share a time to the millisecond: such versions were listed as stored, oldest first.
    const { repository } = await savedPlan();
    const at = '2026-11-05T08:00:00.000Z';
    await repository.saveVersion('wb-1', '甲', '张丽', at);
    await repository.saveVersion('wb-1', '乙', '王强', at);
    await repository.saveVersion('wb-1', '丙', '李明', at);
    expect((await repository.listVersions('wb-1')).map((v) => v.name)).toEqual(['丙', '乙', '甲']);
  });

  it('restoring a version that does not exist fails and changes nothing', async () => {
    const { repository, workbook } = await savedPlan();
    await expect(repository.restoreVersion(999, '恢复前', '', '2026-11-09T00:00:00.000Z')).rejects.toThrow();
    expect(await repository.loadWorkbook('wb-1')).toEqual(workbook);
    expect(await repository.listVersions('wb-1')).toEqual([]);
  });
});

describe('deleting a workbook', () => {
  it('removes its rows, history and versions, and nothing of another workbook', async () => {
    const { repository, workbook } = await savedPlan();
    await repository.saveWorkbook(planWorkbook('wb-2'));
    const other = (await repository.loadWorkbook('wb-2'))!;
    for (const [wb, id] of [
      [workbook, 'wb-1'],
      [other, 'wb-2'],
    ] as const) {
      await repository.saveRowsMerged(
        id,
        [edited(wb, 'H02', { 2021: 4.6 })],
        baseOf(wb),
        context('2026-11-02T00:00:00.000Z'),
      );
      await repository.saveVersion(id, '定稿', '张丽', '2026-11-03T00:00:00.000Z');
    }

    await repository.deleteWorkbook('wb-1');

    expect(await repository.loadWorkbook('wb-1')).toBeUndefined();
    expect(await repository.db.rows.where('workbookId').equals('wb-1').count()).toBe(0);
    expect(await repository.rowHistory('wb-1', 'H02')).toEqual([]);
    expect(await repository.db.history.where('workbookId').equals('wb-1').count()).toBe(0);
    expect(await repository.listVersions('wb-1')).toEqual([]);
    expect(await repository.rowHistory('wb-2', 'H02')).toHaveLength(1);
    expect(await repository.listVersions('wb-2')).toHaveLength(1);
    expect(rowOf(await repository.loadWorkbook('wb-2'), 'H02').values).toEqual({ 2021: 4.6 });
  });
});

describe('backup of history and versions', () => {
  /** A database with two workbooks, each with history and a version, and a setting. */
  async function filled() {
    const { repository, workbook } = await savedPlan();
    await repository.saveWorkbook(planWorkbook('wb-2'));
    const other = (await repository.loadWorkbook('wb-2'))!;
    await repository.saveRowsMerged(
      'wb-1',
      [edited(workbook, 'H02', { 2021: 4.6, 2022: '约5' }), edited(workbook, 'H03', { 2021: 6 })],
      baseOf(workbook),
      context('2026-11-02T08:00:00.000Z', '张丽', IMPORT),
    );
    await repository.saveVersion('wb-1', '2023年中期评估定稿', '张丽', '2026-11-03T00:00:00.000Z');
    await repository.saveRowsMerged(
      'wb-2',
      [edited(other, 'H11', { 2024: 2 })],
      baseOf(other),
      context('2026-11-04T08:00:00.000Z', '王强'),
    );
    await repository.saveVersion('wb-2', '示例', '王强', '2026-11-05T00:00:00.000Z');
    await repository.setSetting('clerkName', '张丽');
    return repository;
  }

  const restoreContext = context('2026-11-20T00:00:00.000Z', '李明', {
    kind: 'restore',
    detail: '备份.json',
  });

  it('exportAll includes history and versions', async () => {
    const repository = await filled();
    const data = await repository.exportAll();
    expect(data.workbooks.map((w) => w.id).sort()).toEqual(['wb-1', 'wb-2']);
    expect(data.history).toHaveLength(4);
    expect(data.history).toContainEqual({
      workbookId: 'wb-1',
      code: 'H02',
      rowName: '婴儿死亡率',
      field: 'v2022',
      label: '2022年',
      before: '（空）',
      after: '约5',
      at: '2026-11-02T08:00:00.000Z',
      source: IMPORT,
      clerk: '张丽',
    });
    expect(data.versions.map((v) => [v.workbookId, v.name])).toEqual([
      ['wb-1', '2023年中期评估定稿'],
      ['wb-2', '示例'],
    ]);
    expect(data.versions[0]).not.toHaveProperty('id');
    expect(data.history[0]).not.toHaveProperty('id');
    expect(data.settings).toEqual({ clerkName: '张丽' });
  });

  it('restoring a backup file into a fresh browser gives the same workbooks, history and versions, once', async () => {
    const source = await filled();
    const data = await source.exportAll();
    const parsed = parseBackup(serializeBackup(data, new Date('2026-11-10T00:00:00.000Z')), '备份.json');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const { workbooks, settings, history, versions } = parsed.backup;

    const target = await open(freshName());
    await target.restore(workbooks, settings, { history, versions }, restoreContext);
    const first = await target.exportAll();
    expect(first.workbooks).toEqual(data.workbooks);
    expect(first.settings).toEqual(data.settings);
    expect(first.versions).toEqual(data.versions);
    // The backup's history is all there, as it was; the only new entries are the restore itself.
    expect(first.history.filter((e) => e.source.kind !== 'restore')).toEqual(data.history);
    const own = first.history.filter((e) => e.source.kind === 'restore');
    expect(own.every((e) => e.label === '整行' && e.after === '新增此行' && e.clerk === '李明')).toBe(true);
    expect(own.every((e) => e.source.detail === '备份.json')).toBe(true);
    expect(own).toHaveLength(data.workbooks.reduce((n, w) => n + w.indicators.length, 0));
    expect(await target.rowHistory('wb-1', 'H02')).toEqual([
      expect.objectContaining({ label: '整行', source: restoreContext.sourceOf('H02') }),
      ...(await source.rowHistory('wb-1', 'H02')),
    ]);

    // The same file restored again adds nothing.
    await target.restore(workbooks, settings, { history, versions }, restoreContext);
    expect(await target.exportAll()).toEqual(first);
    // And restoring into the browser the backup came from doubles nothing either.
    await source.restore(workbooks, settings, { history, versions }, restoreContext);
    expect(await source.exportAll()).toEqual(data);
  });

  it('onto a new PC’s never-edited plan: no empty version kept, each row recorded once as 新增此行', async () => {
    const source = await filled();
    const data = await source.exportAll();
    const parsed = parseBackup(serializeBackup(data, new Date('2026-11-10T00:00:00.000Z')), '备份.json');
    if (!parsed.ok) throw new Error(parsed.message);
    const { workbooks, settings, history, versions } = parsed.backup;
    // The new PC opened the app once: the plan is stored, never edited (created = last changed).
    const target = await open(freshName());
    const fresh = {
      ...planWorkbook('wb-1'),
      createdAt: '2026-11-19T00:00:00.000Z',
      updatedAt: '2026-11-19T00:00:00.000Z',
    };
    await target.saveWorkbook(fresh);
    await target.restore(workbooks, settings, { history, versions }, restoreContext, '恢复备份前的自动保存');
    const after = await target.exportAll();
    expect(after.versions.map((v) => v.name)).not.toContain('恢复备份前的自动保存');
    const own = after.history.filter((e) => e.source.kind === 'restore' && e.workbookId === 'wb-1');
    expect(own.every((e) => e.label === '整行' && e.after === '新增此行')).toBe(true);
    expect(own).toHaveLength(fresh.indicators.length);
    // An edited workbook is still kept as a version before it is replaced.
    await target.saveRowsMerged(
      'wb-1',
      [edited((await target.loadWorkbook('wb-1'))!, 'H02', { 2023: 4.4 })],
      baseOf((await target.loadWorkbook('wb-1'))!),
      context('2026-11-21T00:00:00.000Z'),
    );
    await target.restore(workbooks, settings, { history, versions }, restoreContext, '恢复备份前的自动保存');
    expect((await target.exportAll()).versions.map((v) => v.name)).toContain('恢复备份前的自动保存');
  });

  it('after restoring an older backup from another browser, a row’s history is still newest first', async () => {
    // Browser X (a colleague's): H02's 2022 value imported on 11-05, then backed up.
    const other = await filled();
    const otherWorkbook = (await other.loadWorkbook('wb-1'))!;
    await other.saveRowsMerged(
      'wb-1',
      [edited(otherWorkbook, 'H02', { 2022: 4.9 })],
      baseOf(otherWorkbook),
      context('2026-11-05T00:00:00.000Z', '王强', { kind: 'import', detail: '乡镇汇总.csv' }),
    );
    const backup = await other.exportAll();

    // This browser: the same workbook, H02's 2023 value typed later, on 11-10.
    const { repository, workbook } = await savedPlan();
    await repository.saveRowsMerged(
      'wb-1',
      [edited(workbook, 'H02', { 2023: 4.2 })],
      baseOf(workbook),
      context('2026-11-10T00:00:00.000Z', '张丽'),
    );
    await repository.restore(
      backup.workbooks.filter((w) => w.id === 'wb-1'),
      null,
      { history: backup.history, versions: backup.versions },
      restoreContext,
    );

    const times = (await repository.rowHistory('wb-1', 'H02')).map((e) => e.at);
    expect(times).toEqual([...times].sort().reverse());
  });
});

describe('restoring a backup keeps what it replaces', () => {
  it('each replaced workbook is first kept as a version, which gives its values back', async () => {
    const { repository, workbook } = await savedPlan();
    const backup = await repository.exportAll();
    // After the backup, H02's 2023 value is typed; then the older backup is restored over it.
    await repository.saveRowsMerged(
      'wb-1',
      [edited(workbook, 'H02', { 2023: 9.9 })],
      baseOf(workbook),
      context('2026-11-10T00:00:00.000Z', '张丽'),
    );
    await repository.restore(
      backup.workbooks,
      null,
      { history: backup.history, versions: backup.versions },
      context('2026-11-20T00:00:00.000Z', '李明', { kind: 'restore', detail: '备份.json' }),
      keptBeforeRestoring({ backupFile: '备份.json' }, new Date('2026-11-20T00:00:00.000Z')),
    );
    const h02 = async () =>
      (await repository.loadWorkbook('wb-1'))!.indicators.find((r) => r.code === 'H02')!.values[2023];
    expect(await h02()).toBeUndefined();
    const names = async () => (await repository.listVersions('wb-1')).map((v) => v.name);
    const first = (await names()).find((name) => name.startsWith('恢复备份“备份.json”前的自动保存（'));
    expect(first, (await names()).join('、')).toBeDefined();
    const kept = (await repository.listVersions('wb-1')).find((v) => v.name === first);
    expect(kept?.workbook.indicators.find((r) => r.code === 'H02')?.values[2023]).toBe(9.9);

    // Restoring that version keeps what it replaces in turn: the name restored from is quoted as Chinese nests
    // quotes, and so is the history's source of the restored value.
    await repository.restoreVersion(
      kept!.id,
      keptBeforeRestoring({ version: first! }, new Date('2026-11-21T00:00:00.000Z')),
      '张丽',
      '2026-11-21T00:00:00.000Z',
    );
    expect(await h02()).toBe(9.9);
    const second = (await names()).find((name) => name.startsWith('恢复“恢复备份‘备份.json’前的自动保存（'));
    expect(second, (await names()).join('、')).toMatch(
      /^恢复“恢复备份‘备份\.json’前的自动保存（[^“”]+）”前的自动保存（[^“”]+）$/,
    );
    const restored = (await repository.rowHistory('wb-1', 'H02'))[0]!;
    expect(describeSource(restored.source)).toBe(`恢复版本“${first!.replace('“', '‘').replace('”', '’')}”`);
  });
});

describe('schema upgrades', () => {
  it('a database written at v2 opens with its rows intact and an empty history', async () => {
    const name = freshName();
    const v2 = new Dexie(name);
    v2.version(2).stores(SCHEMA_V2);
    await v2.open();
    const workbook = planWorkbook();
    const rows: RowRecord[] = workbook.indicators.map((row, order) => ({
      ...structuredClone(row),
      values: (row.code === 'H02' ? { 2020: 4.8, 2021: '约5' } : {}) as Indicator['values'],
      workbookId: 'wb-1',
      order,
    }));
    const { indicators: _rows, ...record } = workbook;
    void _rows;
    await v2.table('workbooks').put(record);
    await v2.table('rows').bulkPut(rows);
    await v2.table('settings').put({ key: 'clerkName', value: '张丽' });
    v2.close();

    const repository = await open(name);
    expect(repository.db.verno).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(5);
    const loaded = (await repository.loadWorkbook('wb-1'))!;
    expect(loaded.indicators).toHaveLength(workbook.indicators.length);
    expect(loaded.indicators.map((r) => r.code)).toEqual(workbook.indicators.map((r) => r.code));
    expect(rowOf(loaded, 'H02').values).toEqual({ 2020: 4.8, 2021: '约5' });
    expect(rowOf(loaded, 'H03')).toEqual(rowOf(workbook, 'H03'));
    expect(await repository.getSetting('clerkName')).toBe('张丽');
    expect(await repository.db.history.count()).toBe(0);
    expect(await repository.listVersions('wb-1')).toEqual([]);

    // The new tables work at once.
    await repository.saveRowsMerged(
      'wb-1',
      [edited(loaded, 'H02', { 2022: 4.5 })],
      baseOf(loaded),
      context('2026-11-02T00:00:00.000Z'),
    );
    expect(await repository.rowHistory('wb-1', 'H02')).toHaveLength(1);
    expect(await repository.saveVersion('wb-1', '升级后', '', '2026-11-02T00:00:00.000Z')).toBeGreaterThan(0);
  });

  it('a database written at v3 (one history record per field) keeps every row’s history, in the same order', async () => {
    const name = freshName();
    const v3 = new Dexie(name);
    v3.version(3).stores(SCHEMA_V3);
    await v3.open();
    const workbook = planWorkbook();
    const { indicators: _rows, ...record } = workbook;
    void _rows;
    await v3.table('workbooks').put(record);
    await v3
      .table('rows')
      .bulkPut(
        workbook.indicators.map((row, order) => ({ ...structuredClone(row), workbookId: 'wb-1', order })),
      );
    const entry = (
      code: string,
      label: string,
      before: string,
      after: string,
      at: string,
      source = TYPED,
    ) => ({
      workbookId: 'wb-1',
      code,
      rowName: rowOf(workbook, code).name,
      field: `v${label.slice(0, 4)}`,
      label,
      before,
      after,
      at,
      source,
      clerk: '张丽',
    });
    // Two saves: an import of two values into H02 and one into H03, then one value typed into H02.
    const v3Entries: HistoryEntry[] = [
      entry('H02', '2021年', '（空）', '5.1‰', '2026-11-01T08:00:00.000Z', IMPORT),
      entry('H02', '2022年', '（空）', '4.9‰', '2026-11-01T08:00:00.000Z', IMPORT),
      entry('H03', '2022年', '（空）', '7.2‰', '2026-11-01T08:00:00.000Z', IMPORT),
      entry('H02', '2023年', '（空）', '4.6‰', '2026-11-02T09:00:00.000Z'),
    ];
    await v3.table('history').bulkAdd(v3Entries);
    v3.close();

    const repository = await open(name);
    expect(repository.db.verno).toBe(SCHEMA_VERSION);
    // One record per row and save.
    expect(await repository.db.history.count()).toBe(3);
    // Newest first; within one save, the field recorded last first (as v3 listed them).
    expect(await repository.rowHistory('wb-1', 'H02')).toEqual([v3Entries[3], v3Entries[1], v3Entries[0]]);
    expect(await repository.rowHistory('wb-1', 'H03')).toEqual([v3Entries[2]]);
    // A backup still lists the history field by field, as before.
    expect((await repository.exportAll()).history).toEqual(v3Entries);
  });

  it('an import of many rows is recorded as one history record, each row found with its own fields', async () => {
    const { repository, workbook } = await savedPlan();
    const rows = workbook.indicators
      .slice(0, 20)
      .map((row) => edited(workbook, row.code, { 2021: 1, 2022: 2, 2023: 3 }));
    await repository.saveRowsMerged(
      'wb-1',
      rows,
      baseOf(workbook),
      context('2026-11-03T00:00:00.000Z', '张丽', IMPORT),
    );
    expect(await repository.db.history.count()).toBe(1);
    expect(await repository.workbookHistory('wb-1')).toHaveLength(60);
    // A row's history holds only its own fields, not the other rows of the record.
    for (const { indicator } of rows)
      expect((await repository.rowHistory('wb-1', indicator.code)).map((e) => e.code)).toEqual([
        indicator.code,
        indicator.code,
        indicator.code,
      ]);
    // Newest first across the import's rows too: the row written last comes first, as one record per row did.
    expect((await repository.workbookHistory('wb-1')).map((e) => e.code).slice(0, 4)).toEqual([
      rows[19]!.indicator.code,
      rows[19]!.indicator.code,
      rows[19]!.indicator.code,
      rows[18]!.indicator.code,
    ]);
    const first = workbook.indicators[0]!;
    expect(
      (await repository.rowHistory('wb-1', first.code)).map((e) => [e.label, e.after, e.source]),
    ).toEqual([
      ['2023年', expect.stringMatching(/^3/), IMPORT],
      ['2022年', expect.stringMatching(/^2/), IMPORT],
      ['2021年', expect.stringMatching(/^1/), IMPORT],
    ]);
  });
});

/**
 * Make a method of every IndexedDB object store throw (as a full disk would) after `okCalls` calls.
 * Undone after each test, or by calling the returned function.
 */
function failAfter(
  method: 'put' | 'add',
  okCalls: number,
  error: () => Error = () => new DOMException('磁盘已满', 'QuotaExceededError'),
) {
  const proto = (globalThis as unknown as { IDBObjectStore: { prototype: Record<string, unknown> } })
    .IDBObjectStore.prototype;
  const original = proto[method] as (...args: unknown[]) => unknown;
  let calls = 0;
  const state = { failed: 0 };
  proto[method] = function (this: unknown, ...args: unknown[]) {
    calls += 1;
    if (calls > okCalls) {
      state.failed += 1;
      throw error();
    }
    return original.apply(this, args);
  };
  const undo = () => {
    proto[method] = original;
  };
  undoFaults.push(undo);
  return { undo, state };
}

/** Counts the rows read one by one from storage (a merged save reading rows back), until the test ends. */
function countRowReads() {
  const proto = (globalThis as unknown as { IDBObjectStore: { prototype: Record<string, unknown> } })
    .IDBObjectStore.prototype;
  const original = proto.get as (...args: unknown[]) => unknown;
  const counter = { count: 0 };
  proto.get = function (this: { name: string }, ...args: unknown[]) {
    if (this.name === 'rows') counter.count += 1;
    return original.apply(this, args);
  };
  undoFaults.push(() => {
    proto.get = original;
  });
  return counter;
}

describe('a write failing midway leaves the workbook as before', () => {
  const restoreContext = () =>
    context('2026-11-20T00:00:00.000Z', '李明', { kind: 'restore', detail: '备份.json' });

  /** A workbook with some history already, and what it holds. */
  async function withHistory() {
    const { repository, workbook } = await savedPlan();
    await repository.saveRowsMerged(
      'wb-1',
      [edited(workbook, 'H02', { 2021: 4.6 })],
      baseOf(workbook),
      context('2026-11-02T00:00:00.000Z'),
    );
    await repository.saveVersion('wb-1', '定稿', '张丽', '2026-11-02T01:00:00.000Z');
    const stored = (await repository.loadWorkbook('wb-1'))!;
    const snapshot = async () => ({
      workbook: await repository.loadWorkbook('wb-1'),
      rows: await repository.db.rows.toArray(),
      history: await repository.db.history.toArray(),
      versions: await repository.db.versions.toArray(),
    });
    return { repository, stored, before: await snapshot(), snapshot };
  }

  /** An import of 卫健局.csv that fills 2023 for every row of the workbook. */
  const importAll = (workbook: Workbook) =>
    workbook.indicators.map((row, order) => ({
      indicator: { ...structuredClone(row), values: { ...row.values, 2023: 10 + order } },
      order,
    }));

  it('saveRowsMerged of many rows: a full disk on the 20th row writes nothing, and a retry writes all', async () => {
    const { repository, stored, before, snapshot } = await withHistory();
    const entriesBefore = (await repository.workbookHistory('wb-1')).length;
    const rows = importAll(stored);
    expect(rows.length).toBeGreaterThan(40);
    const fault = failAfter('put', 20);

    const error = await repository
      .saveRowsMerged('wb-1', rows, baseOf(stored), context('2026-11-03T00:00:00.000Z', '张丽', IMPORT))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(fault.state.failed).toBeGreaterThan(0);
    expect(error).not.toBeNull();
    expect(describeStorageError(error, 'write').kind).toBe('quota');
    expect(await snapshot()).toEqual(before);

    fault.undo();
    await repository.saveRowsMerged(
      'wb-1',
      rows,
      baseOf(stored),
      context('2026-11-03T00:00:00.000Z', '张丽', IMPORT),
    );
    const after = (await repository.loadWorkbook('wb-1'))!;
    expect(after.indicators.map((r) => r.values[2023])).toEqual(rows.map((r) => r.indicator.values[2023]));
    const h02 = stored.indicators.findIndex((r) => r.code === 'H02');
    expect(rowOf(after, 'H02').values).toEqual({ 2021: 4.6, 2023: 10 + h02 });
    expect(await repository.workbookHistory('wb-1')).toHaveLength(entriesBefore + rows.length);
  });

  it.each([
    ['read back to merge', false],
    ['not read back (the page knows what storage holds, as after opening it)', true],
  ])(
    'saveRowsMerged of 1,500 rows, piece by piece, %s: a full disk in a late piece writes nothing',
    async (_, known) => {
      // A prefecture's workbook: the plan's rows repeated under new codes.
      const repository = await open(freshName());
      const plan = planWorkbook();
      const indicators = Array.from({ length: 1500 }, (_, i) => ({
        ...structuredClone(plan.indicators[i % plan.indicators.length]!),
        code: `C${String(i).padStart(4, '0')}`,
      }));
      await repository.saveWorkbook({ ...plan, indicators });
      const stored = (await repository.loadWorkbook('wb-1'))!;
      const before = {
        rows: await repository.db.rows.toArray(),
        history: (await repository.workbookHistory('wb-1')).length,
      };
      const rows = importAll(stored);
      const stamp = known ? repository.storedStamp(stored) : null;
      const rowReads = countRowReads();
      // Past the first pieces: they were written in the transaction when the disk fills up.
      const fault = failAfter('put', 1200);
      await expect(
        repository.saveRowsMerged(
          'wb-1',
          rows,
          baseOf(stored),
          context('2026-11-03T00:00:00.000Z', '张丽', IMPORT),
          stamp,
        ),
      ).rejects.toThrow();
      expect(fault.state.failed).toBeGreaterThan(0);
      if (known) expect(rowReads.count).toBe(0);
      else expect(rowReads.count).toBeGreaterThan(1200);
      expect(await repository.db.rows.toArray()).toEqual(before.rows);
      expect(await repository.workbookHistory('wb-1')).toHaveLength(before.history);
      expect(await repository.loadWorkbook('wb-1')).toEqual(stored);

      fault.undo();
      // Nothing was written: the page's stamp still holds, and the retry writes every row.
      const saved = await repository.saveRowsMerged(
        'wb-1',
        rows,
        baseOf(stored),
        context('2026-11-03T00:00:00.000Z', '张丽', IMPORT),
        stamp,
      );
      expect(saved.stamp === null).toBe(!known);
      const after = (await repository.loadWorkbook('wb-1'))!;
      expect(after.indicators.map((r) => r.values[2023])).toEqual(rows.map((r) => r.indicator.values[2023]));
      expect(await repository.workbookHistory('wb-1')).toHaveLength(before.history + 1500);
    },
  );

  it('saveRowsMerged: the history failing to write keeps the rows as before', async () => {
    const { repository, stored, before, snapshot } = await withHistory();
    // The history of the first piece of rows is one record: its write fails.
    failAfter('add', 0);
    await expect(
      repository.saveRowsMerged(
        'wb-1',
        importAll(stored),
        baseOf(stored),
        context('2026-11-03T00:00:00.000Z', '张丽', IMPORT),
      ),
    ).rejects.toThrow();
    expect(await snapshot()).toEqual(before);
  });

  it('saveWorkbookMerged (an import adding rows): a failure after the old rows were cleared loses no row', async () => {
    const { repository, stored, before, snapshot } = await withHistory();
    const imported = structuredClone(stored);
    for (const [i, row] of imported.indicators.entries()) row.values[2023] = i;
    imported.indicators.push({ ...structuredClone(rowOf(stored, 'H11')), code: 'X01', name: '乡镇新增指标' });
    const fault = failAfter('put', 30);

    const error = await repository
      .saveWorkbookMerged(imported, baseOf(stored), context('2026-11-03T00:00:00.000Z', '张丽', IMPORT))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(fault.state.failed).toBeGreaterThan(0);
    expect(describeStorageError(error, 'write').kind).toBe('quota');
    const now = await snapshot();
    expect(now.workbook).toEqual(before.workbook);
    expect(now).toEqual(before);

    fault.undo();
    const saved = await repository.saveWorkbookMerged(
      imported,
      baseOf(stored),
      context('2026-11-03T00:00:00.000Z', '张丽', IMPORT),
    );
    expect(saved.conflicts).toEqual([]);
    expect((await repository.loadWorkbook('wb-1'))?.indicators).toEqual(imported.indicators);
    expect(await repository.rowHistory('wb-1', 'X01')).toEqual([
      expect.objectContaining({ label: '整行', after: '新增此行', source: IMPORT }),
    ]);
  });

  it('saveWorkbookMerged writes only the rows that changed or moved, and the workbook reads back exactly', async () => {
    const { repository, stored } = await withHistory();
    // A row deleted in the middle, one value changed, a row added at the end.
    const edited = structuredClone(stored);
    const middle = Math.floor(edited.indicators.length / 2);
    const [deleted] = edited.indicators.splice(middle, 1);
    edited.indicators[0]!.values[2024] = 7;
    edited.indicators.push({ ...structuredClone(rowOf(stored, 'H11')), code: 'X01', name: '乡镇新增指标' });
    // Count the rows written (IndexedDB puts), as failAfter does, without failing.
    const proto = (globalThis as unknown as { IDBObjectStore: { prototype: Record<string, unknown> } })
      .IDBObjectStore.prototype;
    const original = proto.put as (...args: unknown[]) => unknown;
    const calls = { put: 0 };
    proto.put = function (this: unknown, ...args: unknown[]) {
      calls.put += 1;
      return original.apply(this, args);
    };
    undoFaults.push(() => (proto.put = original));
    await repository.saveWorkbookMerged(edited, baseOf(stored), context('2026-11-04T00:00:00.000Z'));
    proto.put = original;
    // The rows below the deleted one moved up, the first row changed, X01 is new; the workbook record is one put.
    const rowsBelow = stored.indicators.length - middle - 1;
    expect(calls.put).toBe(rowsBelow + 1 + 1 + 1);
    const after = (await repository.loadWorkbook('wb-1'))!;
    expect(after.indicators).toEqual(edited.indicators);
    expect(after.indicators.some((r) => r.code === deleted!.code)).toBe(false);
    expect(await repository.db.rows.count()).toBe(edited.indicators.length);
  });

  it('a failure that is not a full disk is a plain write failure, and still changes nothing', async () => {
    const { repository, stored, before, snapshot } = await withHistory();
    failAfter('put', 3, () => new Error('disk error'));
    const error = await repository
      .saveRowsMerged('wb-1', importAll(stored), baseOf(stored), context('2026-11-03T00:00:00.000Z'))
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(describeStorageError(error, 'write').kind).toBe('write');
    expect(await snapshot()).toEqual(before);
  });

  it('a row hook failing on the 10th row of an import writes nothing', async () => {
    const { repository, stored, before, snapshot } = await withHistory();
    let seen = 0;
    const hook = () => {
      seen += 1;
      if (seen === 10) throw new DOMException('磁盘已满', 'QuotaExceededError');
    };
    repository.db.rows.hook('updating', hook);
    undoFaults.push(() => repository.db.rows.hook('updating').unsubscribe(hook));
    await expect(
      repository.saveRowsMerged(
        'wb-1',
        importAll(stored),
        baseOf(stored),
        context('2026-11-03T00:00:00.000Z', '张丽', IMPORT),
      ),
    ).rejects.toBeDefined();
    expect(seen).toBeGreaterThanOrEqual(10);
    expect(await snapshot()).toEqual(before);
  });

  it('restoreVersion failing midway keeps the workbook, its versions and history as before', async () => {
    const { repository, stored, before, snapshot } = await withHistory();
    const versionId = (await repository.listVersions('wb-1'))[0]!.id;
    // Change the workbook after the version, so the restore has something to write.
    await repository.saveRowsMerged(
      'wb-1',
      importAll(stored),
      baseOf(stored),
      context('2026-11-03T00:00:00.000Z', '张丽', IMPORT),
    );
    const changed = await snapshot();
    expect(changed).not.toEqual(before);
    failAfter('put', 10);
    await expect(
      repository.restoreVersion(versionId, '恢复前', '张丽', '2026-11-04T00:00:00.000Z'),
    ).rejects.toBeDefined();
    expect(await snapshot()).toEqual(changed);
  });

  it('restoring a backup failing midway changes nothing', async () => {
    const { repository, stored, before, snapshot } = await withHistory();
    const data = await repository.exportAll();
    const backupWorkbook = structuredClone(data.workbooks[0]!);
    for (const row of backupWorkbook.indicators) row.values[2024] = 1;
    expect(stored.id).toBe(backupWorkbook.id);
    failAfter('put', 10);
    await expect(
      repository.restore(
        [backupWorkbook],
        { clerkName: '李明' },
        { history: data.history, versions: data.versions },
        restoreContext(),
      ),
    ).rejects.toBeDefined();
    expect(await snapshot()).toEqual(before);
    expect(await repository.getSetting('clerkName')).toBeUndefined();
  });
});

describe('history of the whole workbook', () => {
  it('a row added and deleted says 新增指标 and 删除指标, and its code stays known for the next new row', async () => {
    const { repository, workbook } = await savedPlan();
    await repository.saveWorkbook(planWorkbook('wb-2'));
    const withX01 = structuredClone(workbook);
    withX01.indicators.push({
      ...structuredClone(rowOf(workbook, 'H11')),
      code: 'X01',
      name: '乡镇儿童友好公园数',
    });
    await repository.saveWorkbookMerged(withX01, baseOf(workbook), context('2026-11-02T08:00:00.000Z'));
    const added = (await repository.loadWorkbook('wb-1'))!;
    await repository.saveRowsMerged(
      'wb-1',
      [edited(added, 'X01', { 2021: 3 })],
      baseOf(added),
      context('2026-11-02T08:01:00.000Z'),
    );
    const typed = (await repository.loadWorkbook('wb-1'))!;
    const withoutX01 = { ...typed, indicators: typed.indicators.filter((r) => r.code !== 'X01') };
    await repository.saveWorkbookMerged(withoutX01, baseOf(typed), context('2026-11-02T08:02:00.000Z'));

    const history = await repository.rowHistory('wb-1', 'X01');
    expect(history.map((e) => [e.label, e.before, e.after, describeSource(e.source)])).toEqual([
      ['整行', '（原有此行）', '已删除此行', '删除指标'],
      ['2021年', '（空）', '3 家', '录入'],
      ['整行', '（无此行）', '新增此行', '新增指标'],
    ]);
    const known = await repository.knownCodes('wb-1');
    expect(known.has('X01')).toBe(true);
    expect(known.has('H02')).toBe(false); // never changed: no history, no version
    expect(await repository.knownCodes('wb-2')).toEqual(new Set());
  });

  it('a code only a saved version holds is known too', async () => {
    const { repository, workbook } = await savedPlan();
    // Written without a history (as an older build's workbook was): only the version keeps X05.
    const withX05 = structuredClone(workbook);
    withX05.indicators.push({ ...structuredClone(rowOf(workbook, 'H11')), code: 'X05' });
    await repository.saveWorkbook(withX05);
    await repository.saveVersion('wb-1', '第二稿', '张丽', '2026-11-05T00:00:00.000Z');
    await repository.saveWorkbook(workbook);
    const known = await repository.knownCodes('wb-1');
    expect(known.has('X05')).toBe(true);
    expect(known.has('H02')).toBe(true); // in the version too
    // Opening waits for the history's codes only; the versions' come after (see openSession).
    expect((await repository.historyCodes('wb-1')).has('X05')).toBe(false);
    expect((await repository.versionCodes('wb-1')).has('X05')).toBe(true);
  });

  it('holds every row’s changes newest first, rows deleted since too, and no other workbook’s', async () => {
    const { repository, workbook } = await savedPlan();
    await repository.saveWorkbook(planWorkbook('wb-2'));
    await repository.saveRowsMerged(
      'wb-1',
      [edited(workbook, 'H02', { 2025: 4.1 }), edited(workbook, 'H03', { 2025: 5.2 })],
      baseOf(workbook),
      context('2026-11-02T08:00:00.000Z', '张丽', IMPORT),
    );
    const other = (await repository.loadWorkbook('wb-2'))!;
    await repository.saveRowsMerged(
      'wb-2',
      [edited(other, 'H02', { 2025: 9 })],
      baseOf(other),
      context('2026-11-02T09:00:00.000Z'),
    );
    const withoutH03 = (await repository.loadWorkbook('wb-1'))!;
    withoutH03.indicators = withoutH03.indicators.filter((r) => r.code !== 'H03');
    await repository.saveWorkbook(withoutH03, context('2026-11-03T10:00:00.000Z', '王强'));

    const history = await repository.workbookHistory('wb-1');
    const seen = history.map((e) => [e.at.slice(0, 10), e.code, e.label, e.before, e.after, e.clerk]);
    expect(seen).toHaveLength(3);
    expect(seen[0]).toEqual(['2026-11-03', 'H03', '整行', '（原有此行）', '已删除此行', '王强']);
    expect(seen.slice(1)).toEqual(
      expect.arrayContaining([
        ['2026-11-02', 'H02', '2025年', '（空）', '4.1‰', '张丽'],
        ['2026-11-02', 'H03', '2025年', '（空）', '5.2‰', '张丽'],
      ]),
    );
    expect(history[1]?.source).toEqual(IMPORT);
    expect(new Set(history.map((e) => e.workbookId))).toEqual(new Set(['wb-1']));
    expect(await repository.workbookHistory('wb-3')).toEqual([]);
  });
});

describe('times from a backup written in another time zone', () => {
  // 2026-11-29T10:00:00+08:00 is 02:00 UTC: earlier than 05:00 UTC, though later as text.
  const EARLIER = '2026-11-29T10:00:00+08:00';
  const LATER = '2026-11-29T05:00:00.000Z';

  it('lists versions newest first by time, not by text', async () => {
    const { repository } = await savedPlan();
    await repository.saveVersion('wb-1', '北京时间写的版本', '张丽', EARLIER);
    await repository.saveVersion('wb-1', '较晚的版本', '张丽', LATER);
    expect((await repository.listVersions('wb-1')).map((v) => v.name)).toEqual([
      '较晚的版本',
      '北京时间写的版本',
    ]);
  });

  it('lists changes newest first by time, not by text; a time that cannot be read comes last', async () => {
    const { repository, workbook } = await savedPlan();
    await repository.saveRowsMerged(
      'wb-1',
      [edited(workbook, 'H02', { 2021: 4.6 })],
      baseOf(workbook),
      context(LATER),
    );
    const second = (await repository.loadWorkbook('wb-1'))!;
    await repository.saveRowsMerged(
      'wb-1',
      [edited(second, 'H03', { 2021: 6 })],
      baseOf(second),
      context(EARLIER),
    );
    const third = (await repository.loadWorkbook('wb-1'))!;
    await repository.saveRowsMerged(
      'wb-1',
      [edited(third, 'H04', { 2021: 7 })],
      baseOf(third),
      context('手改的时间'),
    );
    expect((await repository.workbookHistory('wb-1')).map((e) => e.code)).toEqual(['H02', 'H03', 'H04']);
  });
});
