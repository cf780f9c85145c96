import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_WORKBOOK_ID, openSession, type Session } from '../../../src/app/session';
import { TYPED } from '../../../src/model/history';
import { WorkbookRepository } from '../../../src/store/workbook-repository';

let dbCounter = 0;
const freshName = () => `session-db-${Date.now()}-${(dbCounter += 1)}`;
const opened: Session[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const session of opened.splice(0)) session.repository?.close();
});

/** A tab opening the bare address (no ?workbook=) of a browser that has stored nothing yet. */
async function openTab(name: string): Promise<Session> {
  const session = await openSession(null, name);
  opened.push(session);
  if (!session.repository) throw new Error(`storage failed: ${session.failure?.message}`);
  return session;
}

describe('the plan workbook made on a fresh browser', () => {
  it('two tabs opening at the same moment: one plan workbook, both tabs showing it as stored', async () => {
    const name = freshName();
    const [a, b] = await Promise.all([openTab(name), openTab(name)]);
    const repository = a.repository!;
    expect((await repository.listWorkbooks()).map((w) => w.id)).toEqual([DEFAULT_WORKBOOK_ID]);
    const stored = (await repository.loadWorkbook(DEFAULT_WORKBOOK_ID))!;
    expect(a.workbook).toEqual(stored);
    expect(b.workbook).toEqual(stored);
    // Each page knows the stored state it shows: it was written once, not once by each tab over the other's.
    const storedStamp = repository.storedStamp(stored);
    expect(storedStamp?.revision).toBe(1);
    expect(a.repository!.storedStamp(a.workbook)).toEqual(storedStamp);
    expect(b.repository!.storedStamp(b.workbook)).toEqual(storedStamp);
  });

  it('a figure typed in the first tab is kept when the second tab, which found no workbook, gets to write', async () => {
    const name = freshName();
    // The second tab to write the new workbook is held until the first tab's clerk has typed a figure: both had
    // found none stored, and the late write replaced the workbook, rows and all (the figure gone unsaid).
    const save = WorkbookRepository.prototype.saveWorkbook;
    let writes = 0;
    let typed!: () => void;
    const figureSaved = new Promise<void>((resolve) => (typed = resolve));
    vi.spyOn(WorkbookRepository.prototype, 'saveWorkbook').mockImplementation(async function (
      this: WorkbookRepository,
      ...args: Parameters<WorkbookRepository['saveWorkbook']>
    ) {
      writes += 1;
      if (writes === 2) await figureSaved;
      return save.apply(this, args);
    });
    const tabs = [openTab(name), openTab(name)];
    const first = await Promise.race(tabs);
    const row = first.workbook.indicators[0]!;
    const edited = { ...row, values: { ...row.values, 2024: 1.5 } };
    await first.repository!.saveRowsMerged(
      DEFAULT_WORKBOOK_ID,
      [{ indicator: edited, order: 0 }],
      new Map([[row.code, row]]),
      { at: new Date().toISOString(), clerk: '张丽', sourceOf: () => TYPED },
    );
    typed();
    await Promise.all(tabs);
    const stored = (await first.repository!.loadWorkbook(DEFAULT_WORKBOOK_ID))!;
    expect(stored.indicators[0]?.values[2024]).toBe(1.5);
    // Its history still has it, as the clerk typed it.
    expect((await first.repository!.rowHistory(DEFAULT_WORKBOOK_ID, row.code))[0]).toMatchObject({
      clerk: '张丽',
      after: `1.5 ${row.unit}`,
    });
  });
});
