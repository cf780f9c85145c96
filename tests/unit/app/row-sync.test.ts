import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PendingChanges } from '../../../src/app/autosave';
import { makeRowSync, type RowSync, type SyncedRows } from '../../../src/app/row-sync';
import type { ChangeSource, MergeConflict } from '../../../src/model/history';
import type { Indicator } from '../../../src/model/indicator';
import { LANXI_2021_2025 } from '../../../src/model/plan/lanxi-2021-2025';
import { workbookFromPlan } from '../../../src/model/workbook';
import { WorkbookRepository } from '../../../src/store/workbook-repository';

let dbCounter = 0;
const freshName = () => `row-sync-db-${Date.now()}-${(dbCounter += 1)}`;
const opened: WorkbookRepository[] = [];
afterEach(() => {
  for (const repository of opened.splice(0)) repository.close();
});

/** A grid in memory: rows as the clerk sees them. Reads are copies, as the real grid's are. */
class FakeGrid implements SyncedRows {
  rows: Indicator[];
  external: { rows: string[]; removed: string[] }[] = [];

  constructor(rows: Indicator[]) {
    this.rows = structuredClone(rows);
  }

  getIndicators(): Indicator[] {
    return structuredClone(this.rows);
  }

  getIndicator(code: string) {
    const order = this.rows.findIndex((row) => row.code === code);
    return order < 0 ? undefined : { indicator: structuredClone(this.rows[order]!), order };
  }

  applyExternal(rows: Indicator[], removed: string[]): void {
    this.external.push({ rows: rows.map((r) => r.code), removed: [...removed] });
    this.rows = this.rows.filter((row) => !removed.includes(row.code));
    for (const row of rows) {
      const at = this.rows.findIndex((r) => r.code === row.code);
      if (at < 0) this.rows.push(structuredClone(row));
      else this.rows[at] = structuredClone(row);
    }
  }

  /** The clerk types a value into a cell. */
  type(code: string, year: number, value: number | string | undefined): void {
    const row = this.row(code);
    if (value === undefined) delete row.values[year];
    else row.values[year] = value;
  }

  row(code: string): Indicator {
    const row = this.rows.find((r) => r.code === code);
    if (!row) throw new Error(`no row ${code} in the grid`);
    return row;
  }

  codes(): string[] {
    return this.rows.map((r) => r.code);
  }
}

interface Tab {
  repository: WorkbookRepository;
  grid: FakeGrid;
  sync: RowSync;
  /** What the tab's clerk was told of rows renumbered while taking in another tab's save (onRecoded). */
  told: MergeConflict[];
}

/** A tab: its own connection to the database, the workbook as it read it, its grid and its row-sync. */
async function openTab(name: string, clerk: string): Promise<Tab> {
  const repository = await WorkbookRepository.open(name);
  opened.push(repository);
  const workbook = await repository.loadWorkbook('wb-1');
  if (!workbook) throw new Error('no workbook');
  const grid = new FakeGrid(workbook.indicators);
  const told: MergeConflict[] = [];
  const sync = makeRowSync({
    repository,
    workbook,
    rows: grid,
    clerk: () => clerk,
    onRecoded: (conflicts) => told.push(...conflicts),
  });
  return { repository, grid, sync, told };
}

/** The real plan saved in a fresh database, and two tabs on it. */
async function twoTabs() {
  const name = freshName();
  const setup = await WorkbookRepository.open(name);
  await setup.saveWorkbook(workbookFromPlan(LANXI_2021_2025, 'wb-1', new Date('2026-11-01T00:00:00Z')));
  setup.close();
  return { a: await openTab(name, '张丽'), b: await openTab(name, '王强') };
}

const rowsChanged = (codes: string[], sources: [string, ChangeSource][] = []): PendingChanges => ({
  rows: new Set(codes),
  structure: false,
  sources: new Map(sources),
});
const structureChanged = (): PendingChanges => ({ rows: new Set(), structure: true, sources: new Map() });

const storedRow = async (tab: Tab, code: string) => {
  const [row] = await tab.repository.loadRows('wb-1', [code]);
  return row;
};

/** A row a clerk adds at the end of the grid (as the grid makes it). */
const newRow = (code: string, name: string, values: Indicator['values'] = {}): Indicator => ({
  code,
  area: '重点实事项目',
  clause: '',
  name,
  unit: '个',
  target: { kind: 'count', comparator: '≥', wording: '至少', value: 1 },
  baseYear: 2020,
  targetYear: 2025,
  department: '市民政局',
  source: '',
  values,
});

describe('row sync between two tabs', () => {
  it('a value A saved shows in B after B pulls that row', async () => {
    const { a, b } = await twoTabs();
    a.grid.type('H02', 2021, 4.6);
    expect(await a.sync.write(rowsChanged(['H02']))).toEqual([]);
    expect((await storedRow(a, 'H02'))?.values).toEqual({ 2021: 4.6 });

    expect(await b.sync.pull(['H02'])).toBe(1);
    expect(b.grid.row('H02').values).toEqual({ 2021: 4.6 });
    expect(b.grid.external).toEqual([{ rows: ['H02'], removed: [] }]);
    // Pulling again changes nothing.
    expect(await b.sync.pull(['H02'])).toBe(0);
    expect(b.grid.external).toHaveLength(1);
  });

  it('B’s unsaved edit of another cell of the same row stays after the pull, and B’s save keeps A’s value', async () => {
    const { a, b } = await twoTabs();
    b.grid.type('H02', 2022, 4.5); // not saved yet
    a.grid.type('H02', 2021, 4.6);
    await a.sync.write(rowsChanged(['H02']));

    await b.sync.pull(['H02']);
    expect(b.grid.row('H02').values).toEqual({ 2021: 4.6, 2022: 4.5 });
    // Stored: only A's value so far.
    expect((await storedRow(b, 'H02'))?.values).toEqual({ 2021: 4.6 });

    expect(await b.sync.write(rowsChanged(['H02']))).toEqual([]);
    expect((await storedRow(a, 'H02'))?.values).toEqual({ 2021: 4.6, 2022: 4.5 });
    const history = await a.repository.rowHistory('wb-1', 'H02');
    expect(history.map((e) => [e.label, e.before, e.after, e.clerk])).toEqual([
      ['2022年', '（空）', '4.5‰', '王强'],
      ['2021年', '（空）', '4.6‰', '张丽'],
    ]);
  });

  it('without a pull, B’s later save of the same row does not undo A’s value, and B then shows it', async () => {
    const { a, b } = await twoTabs();
    a.grid.type('H02', 2021, 4.6);
    await a.sync.write(rowsChanged(['H02']));
    b.grid.type('H02', 2022, 4.5);
    expect(await b.sync.write(rowsChanged(['H02']))).toEqual([]);
    expect((await storedRow(a, 'H02'))?.values).toEqual({ 2021: 4.6, 2022: 4.5 });
    expect(b.grid.row('H02').values).toEqual({ 2021: 4.6, 2022: 4.5 });

    // And A's next save of yet another cell keeps B's value.
    a.grid.type('H02', 2023, 4.4);
    expect(await a.sync.write(rowsChanged(['H02']))).toEqual([]);
    expect((await storedRow(a, 'H02'))?.values).toEqual({ 2021: 4.6, 2022: 4.5, 2023: 4.4 });
    expect(a.grid.row('H02').values).toEqual({ 2021: 4.6, 2022: 4.5, 2023: 4.4 });
  });

  it('a value A cleared stays cleared after B saves another cell of the row', async () => {
    const { a, b } = await twoTabs();
    a.grid.type('H02', 2021, 4.6);
    await a.sync.write(rowsChanged(['H02']));
    await b.sync.pull(['H02']);
    a.grid.type('H02', 2021, undefined);
    await a.sync.write(rowsChanged(['H02']));
    b.grid.type('H02', 2022, 4.5);
    await b.sync.write(rowsChanged(['H02']));
    expect((await storedRow(a, 'H02'))?.values).toEqual({ 2022: 4.5 });
    expect(b.grid.row('H02').values).toEqual({ 2022: 4.5 });
  });

  it('the same cell saved by both: the later save wins and write() returns the conflict', async () => {
    const { a, b } = await twoTabs();
    a.grid.type('H02', 2023, 4.6);
    await a.sync.write(rowsChanged(['H02']));
    b.grid.type('H02', 2023, 4.2);
    expect(await b.sync.write(rowsChanged(['H02']))).toEqual([
      { code: 'H02', rowName: '婴儿死亡率', field: 'v2023', label: '2023年', theirs: '4.6‰', mine: '4.2‰' },
    ]);
    expect((await storedRow(a, 'H02'))?.values).toEqual({ 2023: 4.2 });
    // A takes in B's value when told about B's save.
    expect(await a.sync.pull(['H02'])).toBe(1);
    expect(a.grid.row('H02').values).toEqual({ 2023: 4.2 });
    const history = await a.repository.rowHistory('wb-1', 'H02');
    expect(history.map((e) => [e.before, e.after, e.clerk])).toEqual([
      ['4.6‰', '4.2‰', '王强'],
      ['（空）', '4.6‰', '张丽'],
    ]);
  });

  it('the tab whose value lost a same-cell race recognises it among the other tab’s conflicts, once', async () => {
    const { a, b } = await twoTabs();
    a.grid.type('H02', 2023, 4.6);
    await a.sync.write(rowsChanged(['H02']));
    b.grid.type('H02', 2023, 4.2);
    const conflicts = await b.sync.write(rowsChanged(['H02']));
    await a.sync.pull(['H02']);
    expect(a.sync.replacedOwn(conflicts)).toEqual(conflicts);
    // Told once: the same message heard again says nothing new.
    expect(a.sync.replacedOwn(conflicts)).toEqual([]);
  });

  it('a value the tab did not save itself, or has since changed, is not taken for its own', async () => {
    const { a, b } = await twoTabs();
    a.grid.type('H02', 2023, 4.6);
    await a.sync.write(rowsChanged(['H02']));
    // A changes its figure again; a race B then wins replaced 4.5, not the 4.6 A saved first.
    a.grid.type('H02', 2023, 4.5);
    await a.sync.write(rowsChanged(['H02']));
    const race = [
      { code: 'H02', rowName: '婴儿死亡率', field: 'v2023', label: '2023年', theirs: '4.6‰', mine: '4.2‰' },
    ];
    expect(a.sync.replacedOwn(race)).toEqual([]);
    // B never saved into H02 2023: a conflict over that cell is not B's loss.
    expect(b.sync.replacedOwn([{ ...race[0]!, theirs: '4.5‰' }])).toEqual([]);
    expect(a.sync.replacedOwn([{ ...race[0]!, theirs: '4.5‰' }])).toHaveLength(1);
  });

  it('records each row’s source and the clerk of the tab', async () => {
    const { a } = await twoTabs();
    a.grid.type('H02', 2021, 4.6);
    a.grid.type('H03', 2021, 6.1);
    await a.sync.write(rowsChanged(['H02', 'H03'], [['H02', { kind: 'import', detail: '卫健局.csv' }]]));
    expect((await a.repository.rowHistory('wb-1', 'H02'))[0]).toMatchObject({
      source: { kind: 'import', detail: '卫健局.csv' },
      clerk: '张丽',
      after: '4.6‰',
    });
    expect((await a.repository.rowHistory('wb-1', 'H03'))[0]).toMatchObject({
      source: { kind: 'typed' },
      clerk: '张丽',
    });
  });

  it('a value typed while the save is running is not overwritten when the save finishes', async () => {
    const { a, b } = await twoTabs();
    a.grid.type('H02', 2021, 4.6);
    await a.sync.write(rowsChanged(['H02']));
    b.grid.type('H02', 2022, 4.5);
    const save = b.repository.saveRowsMerged.bind(b.repository);
    b.repository.saveRowsMerged = async (...args) => {
      const result = await save(...args);
      b.grid.type('H02', 2022, 4.3); // the clerk corrects the cell before the save returns
      b.grid.type('H02', 2024, 4.0);
      return result;
    };
    await b.sync.write(rowsChanged(['H02']));
    expect(b.grid.row('H02').values).toEqual({ 2021: 4.6, 2022: 4.3, 2024: 4.0 });
  });

  it('writes and pulls run one at a time, in order', async () => {
    const { a, b } = await twoTabs();
    a.grid.type('H02', 2021, 4.6);
    const first = a.sync.write(rowsChanged(['H02']));
    const pulled = b.sync.pull(['H02']);
    await Promise.all([first, pulled]);
    // B's pull may run before or after A's write (different tabs), but A's own pull runs after A's write.
    a.grid.type('H02', 2022, 4.5);
    const write = a.sync.write(rowsChanged(['H02']));
    const ownPull = a.sync.pull(['H02']);
    await Promise.all([write, ownPull]);
    expect(a.grid.row('H02').values).toEqual({ 2021: 4.6, 2022: 4.5 });
    expect((await storedRow(a, 'H02'))?.values).toEqual({ 2021: 4.6, 2022: 4.5 });
  });
});

/** How many times the tab reads rows from storage while it saves `codes` (a merging save reads them first). */
const readsWhileSaving = async (tab: Tab, codes: string[]) => {
  const spy = vi.spyOn(tab.repository.db.rows, 'bulkGet');
  try {
    await tab.sync.write(rowsChanged(codes));
    return spy.mock.calls.length;
  } finally {
    spy.mockRestore();
  }
};

describe('after taking in another tab’s save, a save reads rows back only when storage may differ', () => {
  it('B took in A’s save: B’s next saves skip the read-back and still keep A’s figures', async () => {
    const { a, b } = await twoTabs();
    a.grid.type('H02', 2021, 4.6);
    await a.sync.write(rowsChanged(['H02']));
    expect(await b.sync.pull(['H02'], a.sync.written())).toBe(1);

    b.grid.type('H03', 2021, 6.1);
    expect(await readsWhileSaving(b, ['H03'])).toBe(0);
    await a.sync.pull(['H03'], b.sync.written());
    // The row A saved: B's base has A's figure, so A's 4.6 stays without reading the row back.
    b.grid.type('H02', 2022, 4.5);
    expect(await readsWhileSaving(b, ['H02'])).toBe(0);
    await a.sync.pull(['H02'], b.sync.written());
    expect((await storedRow(a, 'H02'))?.values).toEqual({ 2021: 4.6, 2022: 4.5 });
    expect((await storedRow(a, 'H03'))?.values).toEqual({ 2021: 6.1 });

    // A took in both of B's saves: it skips too, and keeps B's figures.
    a.grid.type('H02', 2023, 4.4);
    expect(await readsWhileSaving(a, ['H02'])).toBe(0);
    expect((await storedRow(a, 'H02'))?.values).toEqual({ 2021: 4.6, 2022: 4.5, 2023: 4.4 });
    expect(a.grid.row('H02').values).toEqual({ 2021: 4.6, 2022: 4.5, 2023: 4.4 });
    await b.sync.pull(['H02'], a.sync.written());
    b.grid.type('H03', 2022, 5.9);
    expect(await readsWhileSaving(b, ['H03'])).toBe(0);
    expect((await storedRow(a, 'H03'))?.values).toEqual({ 2021: 6.1, 2022: 5.9 });
    expect(b.grid.row('H02').values).toEqual({ 2021: 4.6, 2022: 4.5, 2023: 4.4 });
  });

  it('another write between (not yet heard of), a rename, or a save without a stamp: the next save reads back', async () => {
    const { a, b } = await twoTabs();
    a.grid.type('H02', 2021, 4.6);
    await a.sync.write(rowsChanged(['H02']));
    const first = a.sync.written();
    a.grid.type('H03', 2021, 6.1);
    await a.sync.write(rowsChanged(['H03']));
    // B hears of A's first save only; A's second (H03) is still on its way.
    await b.sync.pull(['H02'], first);
    b.grid.type('H03', 2022, 5.9);
    expect(await readsWhileSaving(b, ['H03'])).toBe(1);
    expect((await storedRow(a, 'H03'))?.values).toEqual({ 2021: 6.1, 2022: 5.9 });

    // A rename in between (工作簿 → 重命名) changes the record: read back. Within the same millisecond as the save
    // before it too (the clock held still here: a rename kept the save's stamp then, and was taken for no write).
    const { a: c, b: d } = await twoTabs();
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-30T08:00:00.000Z') });
    try {
      c.grid.type('H02', 2021, 4.6);
      await c.sync.write(rowsChanged(['H02']));
      await c.repository.renameWorkbook('wb-1', '改名后的工作簿');
    } finally {
      vi.useRealTimers();
    }
    await d.sync.pull(['H02'], c.sync.written());
    d.grid.type('H03', 2021, 6.0);
    expect(await readsWhileSaving(d, ['H03'])).toBe(1);

    // A message without a stamp (a tab of an older build): read back.
    const { a: e, b: f } = await twoTabs();
    e.grid.type('H04', 2021, 5.2);
    await e.sync.write(rowsChanged(['H04']));
    await f.sync.pull(['H04']);
    f.grid.type('H05', 2021, 1);
    expect(await readsWhileSaving(f, ['H05'])).toBe(1);
  });
});

describe('a workbook another tab deleted for good', () => {
  it('B’s save is refused with WorkbookGoneError, nothing is stored, and B’s grid keeps every row and edit', async () => {
    const { a, b } = await twoTabs();
    const rowsBefore = b.grid.codes();
    await a.repository.deleteWorkbook('wb-1');
    b.grid.type('H02', 2021, 4.6);
    await expect(b.sync.write(rowsChanged(['H02']))).rejects.toMatchObject({ name: 'WorkbookGoneError' });
    b.grid.rows.push(newRow('X01', '乡镇新增：儿童友好公园数', { 2024: 3 }));
    await expect(b.sync.write(structureChanged())).rejects.toMatchObject({ name: 'WorkbookGoneError' });
    // Told of a structure save just before the deletion, B reads the workbook: it is gone, not empty.
    await expect(b.sync.pull(null)).rejects.toMatchObject({ name: 'WorkbookGoneError' });
    expect(b.grid.codes()).toEqual([...rowsBefore, 'X01']);
    expect(b.grid.row('H02').values).toEqual({ 2021: 4.6 });
    expect(b.grid.external).toEqual([]);
    expect(await a.repository.db.rows.count()).toBe(0);
    expect(await a.repository.listWorkbooks()).toEqual([]);
  });
});

describe('row sync of added and removed rows', () => {
  it('a row A added is appended in B after B pulls all rows', async () => {
    const { a, b } = await twoTabs();
    const added = newRow('X01', '乡镇新增：儿童友好公园数', { 2024: 3 });
    a.grid.rows.push(structuredClone(added));
    expect(await a.sync.write(structureChanged())).toEqual([]);

    expect(await b.sync.pull(null)).toBe(1);
    expect(b.grid.codes()).toEqual(a.grid.codes());
    expect(b.grid.codes().at(-1)).toBe('X01');
    expect(b.grid.row('X01')).toEqual(added);
    expect(b.grid.external).toEqual([{ rows: ['X01'], removed: [] }]);
  });

  it('a row A deleted goes from B, unless B has edited it', async () => {
    const { a, b } = await twoTabs();
    a.grid.rows = a.grid.rows.filter((r) => r.code !== 'H03' && r.code !== 'H04');
    await a.sync.write(structureChanged());
    b.grid.type('H04', 2022, 1.2); // B's unsaved edit of a row A deleted

    await b.sync.pull(null);
    expect(b.grid.codes()).not.toContain('H03');
    expect(b.grid.codes()).toContain('H04');
    expect(b.grid.row('H04').values).toEqual({ 2022: 1.2 });
    expect(b.grid.external).toEqual([{ rows: [], removed: ['H03'] }]);

    // B's save then keeps its edited row.
    await b.sync.write(rowsChanged(['H04']));
    const stored = await b.repository.loadWorkbook('wb-1');
    expect(stored?.indicators.map((r) => r.code)).not.toContain('H03');
    expect(stored?.indicators.find((r) => r.code === 'H04')?.values).toEqual({ 2022: 1.2 });
  });

  it('B’s structure save keeps the row A added and A’s values, and removes B’s deleted row', async () => {
    const { a, b } = await twoTabs();
    a.grid.rows.push(newRow('X01', '乡镇新增：儿童友好公园数', { 2024: 3 }));
    a.grid.type('H02', 2021, 4.6);
    await a.sync.write(structureChanged());

    b.grid.rows = b.grid.rows.filter((r) => r.code !== 'H03');
    b.grid.type('H02', 2022, 4.5);
    expect(await b.sync.write(structureChanged())).toEqual([]);

    const stored = (await b.repository.loadWorkbook('wb-1'))!;
    expect(stored.indicators.map((r) => r.code)).toEqual(a.grid.codes().filter((code) => code !== 'H03'));
    expect(stored.indicators.find((r) => r.code === 'H02')?.values).toEqual({ 2021: 4.6, 2022: 4.5 });
    // B's grid now shows what was saved.
    expect(b.grid.codes()).toEqual(stored.indicators.map((r) => r.code));
    expect(b.grid.row('H02').values).toEqual({ 2021: 4.6, 2022: 4.5 });
  });

  it('a new row not yet saved, renumbered when another tab’s new row of the same code is taken in: its clerk is told', async () => {
    const { a, b } = await twoTabs();
    a.grid.rows.push(newRow('X01', '乡镇新增：儿童友好公园数', { 2024: 3 }));
    await a.sync.write(structureChanged());
    // B added its own X01 and hears of A's save before its own save has begun.
    b.grid.rows.push(newRow('X01', '乡镇新增：儿童之家覆盖数', { 2024: 12 }));
    await b.sync.pull(null);
    expect(b.grid.row('X01')).toMatchObject({ name: '乡镇新增：儿童友好公园数', values: { 2024: 3 } });
    expect(b.grid.row('X02')).toMatchObject({ name: '乡镇新增：儿童之家覆盖数', values: { 2024: 12 } });
    // Its row is under another code now: said, as when its own save renumbers it.
    expect(b.told).toEqual([
      expect.objectContaining({
        code: 'X02',
        note:
          '另一窗口也新增了代码为 X01 的一行“乡镇新增：儿童友好公园数”并先保存；' +
          '本窗口新增的“乡镇新增：儿童之家覆盖数”已改用代码 X02，数值都已保留',
      }),
    ]);
  });

  it.each(['write', 'pull'] as const)(
    'a new row renumbered (on %s) takes no code of a row deleted before: X02’s history stays X02’s alone',
    async (when) => {
      const { a, b } = await twoTabs();
      a.grid.rows.push(newRow('X01', '乡镇新增：儿童友好公园数', { 2024: 3 }), newRow('X02', '临时行'));
      await a.sync.write(structureChanged());
      a.grid.rows = a.grid.rows.filter((r) => r.code !== 'X02');
      await a.sync.write(structureChanged());
      // B, which never saw A's rows, adds its own X01.
      b.grid.rows.push(newRow('X01', '乡镇新增：儿童之家覆盖数', { 2024: 12 }));
      const said =
        when === 'write' ? await b.sync.write(structureChanged()) : (await b.sync.pull(null), b.told);
      expect(said.map((c) => c.code)).toEqual(['X03']);
      expect(b.grid.row('X03')).toMatchObject({ name: '乡镇新增：儿童之家覆盖数', values: { 2024: 12 } });
      expect(b.grid.codes()).not.toContain('X02');
    },
  );

  it('a row B deleted (not yet saved) stays deleted when A’s edit of that row is pulled', async () => {
    const { a, b } = await twoTabs();
    b.grid.rows = b.grid.rows.filter((r) => r.code !== 'H03'); // B's deletion waits for autosave
    a.grid.type('H03', 2021, 6.1);
    await a.sync.write(rowsChanged(['H03']));

    await b.sync.pull(['H03']); // A's save is announced with its row codes
    expect(b.grid.codes()).not.toContain('H03');
    await b.sync.write(structureChanged());
    expect(await storedRow(a, 'H03')).toBeUndefined();
  });

  it('rows both tabs added before seeing each other (same new code X01): both kept, each with its own figures, in both tabs', async () => {
    const { a, b } = await twoTabs();
    // Each grid numbers its new row from its own rows, so both are X01.
    a.grid.rows.push(newRow('X01', '乡镇新增：儿童友好公园数', { 2024: 3 }));
    await a.sync.write(structureChanged());
    b.grid.rows.push(newRow('X01', '乡镇新增：儿童之家覆盖数', { 2024: 12 }));
    const conflicts = await b.sync.write(structureChanged());
    // A saved first: its row keeps X01; B's own row takes X02, and B's clerk is told.
    expect(conflicts).toEqual([
      expect.objectContaining({
        code: 'X02',
        note:
          '另一窗口也新增了代码为 X01 的一行“乡镇新增：儿童友好公园数”并先保存；' +
          '本窗口新增的“乡镇新增：儿童之家覆盖数”已改用代码 X02，数值都已保留',
      }),
    ]);
    const byCode = async () =>
      Object.fromEntries(
        (await b.repository.loadWorkbook('wb-1'))!.indicators
          .filter((r) => r.code.startsWith('X'))
          .map((r) => [r.code, [r.name, r.values]]),
      );
    expect(await byCode()).toEqual({
      X01: ['乡镇新增：儿童友好公园数', { 2024: 3 }],
      X02: ['乡镇新增：儿童之家覆盖数', { 2024: 12 }],
    });
    expect(b.grid.row('X01')).toMatchObject({ name: '乡镇新增：儿童友好公园数', values: { 2024: 3 } });
    expect(b.grid.row('X02')).toMatchObject({ name: '乡镇新增：儿童之家覆盖数', values: { 2024: 12 } });
    const stored = (await b.repository.loadWorkbook('wb-1'))!.indicators.map((r) => r.code);
    expect(b.grid.codes()).toEqual(stored);

    // A hears of B's save: its own row is where it was, B's is added.
    await a.sync.pull(null);
    expect(a.grid.codes()).toEqual(stored);
    expect(a.grid.row('X01')).toMatchObject({ name: '乡镇新增：儿童友好公园数', values: { 2024: 3 } });
    expect(a.grid.row('X02')).toMatchObject({ name: '乡镇新增：儿童之家覆盖数', values: { 2024: 12 } });
    // Later saves of either tab keep both rows as they are.
    a.grid.type('X01', 2025, 4);
    await a.sync.write(rowsChanged(['X01']));
    b.grid.type('X02', 2025, 13);
    await b.sync.write(rowsChanged(['X02']));
    expect(await byCode()).toEqual({
      X01: ['乡镇新增：儿童友好公园数', { 2024: 3, 2025: 4 }],
      X02: ['乡镇新增：儿童之家覆盖数', { 2024: 12, 2025: 13 }],
    });
  });

  it('two fresh rows alike (新增指标 in both tabs at once) stay two rows, each filled in by its own tab', async () => {
    const { a, b } = await twoTabs();
    a.grid.rows.push(newRow('X01', '新增指标（请填写名称）'));
    await a.sync.write(structureChanged());
    b.grid.rows.push(newRow('X01', '新增指标（请填写名称）'));
    await b.sync.write(structureChanged());
    await a.sync.pull(null);
    expect(a.grid.codes()).toEqual(b.grid.codes());
    expect(b.grid.codes().slice(-2)).toEqual(['X01', 'X02']);
    a.grid.row('X01').name = '乡镇新增：儿童友好公园数';
    a.grid.type('X01', 2024, 3);
    await a.sync.write(rowsChanged(['X01']));
    b.grid.row('X02').name = '乡镇新增：儿童之家覆盖数';
    b.grid.type('X02', 2024, 12);
    await b.sync.write(rowsChanged(['X02']));
    const [park, home] = await a.repository.loadRows('wb-1', ['X01', 'X02']);
    expect(park).toMatchObject({ name: '乡镇新增：儿童友好公园数', values: { 2024: 3 } });
    expect(home).toMatchObject({ name: '乡镇新增：儿童之家覆盖数', values: { 2024: 12 } });
  });

  it('a figure typed into the own new row while its save moves it to X02 stays in it, and is saved', async () => {
    const name = freshName();
    const setup = await WorkbookRepository.open(name);
    await setup.saveWorkbook(workbookFromPlan(LANXI_2021_2025, 'wb-1', new Date('2026-11-01T00:00:00Z')));
    setup.close();
    const a = await openTab(name, '张丽');
    const repository = await WorkbookRepository.open(name);
    opened.push(repository);
    const workbook = (await repository.loadWorkbook('wb-1'))!;
    const grid = new FakeGrid(workbook.indicators);
    const unsaved: string[][] = [];
    const b = makeRowSync({
      repository,
      workbook,
      rows: grid,
      clerk: () => '王强',
      markUnsaved: (codes) => unsaved.push(codes),
    });
    a.grid.rows.push(newRow('X01', '乡镇新增：儿童友好公园数', { 2024: 3 }));
    await a.sync.write(structureChanged());
    grid.rows.push(newRow('X01', '乡镇新增：儿童之家覆盖数', { 2024: 12 }));
    const save = repository.saveWorkbookMerged.bind(repository);
    repository.saveWorkbookMerged = async (...args) => {
      const result = await save(...args);
      grid.type('X01', 2025, 13); // typed while the save runs
      return result;
    };
    await b.write(structureChanged());
    expect(grid.row('X02')).toMatchObject({
      name: '乡镇新增：儿童之家覆盖数',
      values: { 2024: 12, 2025: 13 },
    });
    expect(grid.row('X01')).toMatchObject({ name: '乡镇新增：儿童友好公园数', values: { 2024: 3 } });
    expect(unsaved).toEqual([['X02']]);
    await b.write(rowsChanged(['X02', 'X01']));
    const [park, home] = await repository.loadRows('wb-1', ['X01', 'X02']);
    expect(park).toMatchObject({ name: '乡镇新增：儿童友好公园数', values: { 2024: 3 } });
    expect(home).toMatchObject({ name: '乡镇新增：儿童之家覆盖数', values: { 2024: 12, 2025: 13 } });
  });

  it('a figure A types into its new row before hearing of B’s save (same code X01) stays in A’s row', async () => {
    for (const pullFirst of [false, true]) {
      const { a, b } = await twoTabs();
      a.grid.rows.push(newRow('X01', '乡镇新增：儿童友好公园数', { 2024: 3 }));
      await a.sync.write(structureChanged());
      b.grid.rows.push(newRow('X01', '乡镇新增：儿童之家覆盖数', { 2024: 12 }));
      await b.sync.write(structureChanged());
      // A types into its row and saves, before (or after) B's announcement arrives.
      a.grid.type('X01', 2025, 4);
      if (pullFirst) await a.sync.pull(null);
      await a.sync.write(rowsChanged(['X01']));
      const stored = (await a.repository.loadWorkbook('wb-1'))!.indicators;
      const byName = (name: string) => stored.filter((r) => r.name === name).map((r) => r.values);
      // The 4 typed for the park row is the park row's, never the other row's.
      expect(byName('乡镇新增：儿童友好公园数')).toEqual([{ 2024: 3, 2025: 4 }]);
      expect(byName('乡镇新增：儿童之家覆盖数')).toEqual([{ 2024: 12 }]);
      await a.sync.pull(null);
      expect(a.grid.codes()).toEqual(stored.map((r) => r.code));
    }
  });
});
