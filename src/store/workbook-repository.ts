/**
 * Reading and writing workbooks, their rows and the settings. Each write is one transaction: all or nothing.
 */
import Dexie from 'dexie';
import {
  diffRows,
  flattenHistory,
  groupHistory,
  mergeRow,
  mergeWorkbookRows,
  rowChangeSource,
  type ChangeSource,
  type HistoryEntry,
  type HistoryGroup,
  type WorkbookMerge,
} from '../model/history';
import { copyIndicator, type Indicator } from '../model/indicator';
import type { NewWorkbook, Workbook } from '../model/workbook';
import { newestFirst } from '../model/stored-time';
import {
  historyRowKey,
  isHistoryBatch,
  WorkbookDatabase,
  type HistoryRecord,
  type HistoryRowRecord,
  type RowRecord,
  type VersionRecord,
  type WorkbookRecord,
} from './database';
import { WorkbookGoneError } from './storage-errors';

/** Rows merged and written per step of one save transaction (see saveRowsMerged). */
const SAVE_PIECE = 500;

/** Who and what a write is, for the history it records. */
export interface WriteContext {
  at: string;
  clerk: string;
  sourceOf(code: string): ChangeSource;
}

/**
 * What a merged write stored: the rows as now saved (other tabs' edits included), any conflicts, which of them
 * differ from this page's rows because another tab changed or added them, and rows another tab deleted.
 */
export type MergedSave = WorkbookMerge;

/**
 * Which stored state of a workbook a page has seen: the count of the workbook's row writes and the time of the
 * last. Every write here bumps the count (of rows, and a rename or a move to 已删除); a page whose stamp still matches knows that storage holds the
 * rows it last read or wrote, and need not read them again before a merged write (see saveRowsMerged).
 */
export interface StoredStamp {
  revision: number | undefined;
  updatedAt: string;
}

/** Whether two stamps name the same stored state (a workbook record is its own stamp). */
export const sameStamp = (a: StoredStamp | null | undefined, b: StoredStamp | null | undefined) =>
  !!a && !!b && a.revision === b.revision && a.updatedAt === b.updatedAt;

const stampOf = (record: WorkbookRecord): StoredStamp => ({
  revision: record.revision,
  updatedAt: record.updatedAt,
});

/** Everything of a workbook's history and versions, for a backup. */
export interface ArchiveData {
  history: HistoryEntry[];
  versions: Omit<VersionRecord, 'id'>[];
}

export class WorkbookRepository {
  constructor(readonly db: WorkbookDatabase) {}

  /** The stamp of each workbook read or written whole here, for the page that holds it (see storedStamp). */
  private readonly stamps = new WeakMap<Workbook, StoredStamp>();

  /** The stored state `workbook` was read as (or written as) by loadWorkbook / saveWorkbook; null if unknown. */
  storedStamp(workbook: Workbook): StoredStamp | null {
    return this.stamps.get(workbook) ?? null;
  }

  static async open(name?: string): Promise<WorkbookRepository> {
    const db = new WorkbookDatabase(name);
    await db.open();
    return new WorkbookRepository(db);
  }

  close(): void {
    this.db.close();
  }

  async listWorkbooks(): Promise<WorkbookRecord[]> {
    return this.db.workbooks.toArray();
  }

  /** Some rows of a workbook, as stored (rows not found are left out). */
  async loadRows(workbookId: string, codes: string[]): Promise<Indicator[]> {
    const rows = await this.db.rows.bulkGet(codes.map((code) => [workbookId, code]));
    return rows.flatMap((row) => (row ? [toIndicator(row)] : []));
  }

  /** Some rows of a workbook and the stamp of the stored state they were read in (null: no workbook record). */
  async loadRowsAt(
    workbookId: string,
    codes: string[],
  ): Promise<{ rows: Indicator[]; stamp: StoredStamp | null }> {
    return this.db.transaction('r', this.db.workbooks, this.db.rows, async () => {
      const record = await this.db.workbooks.get(workbookId);
      return { rows: await this.loadRows(workbookId, codes), stamp: record ? stampOf(record) : null };
    });
  }

  async loadWorkbook(id: string): Promise<Workbook | undefined> {
    return this.db.transaction('r', this.db.workbooks, this.db.rows, async () => {
      const record = await this.db.workbooks.get(id);
      if (!record) return undefined;
      const rows = await this.db.rows
        .where('[workbookId+order]')
        .between([id, -Infinity], [id, Infinity])
        .toArray();
      const workbook: Workbook = { ...toWorkbook(record), indicators: rows.map(toIndicator) };
      this.stamps.set(workbook, stampOf(record));
      return workbook;
    });
  }

  /**
   * The next write's record of a workbook: its row writes counted one more. `keepStored`: a page saving its rows
   * owns neither the workbook's name nor its move to 已删除 (renameWorkbook / setDeleted, maybe in another tab):
   * the stored ones stay (the page's, read when it opened, put back another tab's rename or deletion).
   */
  private async bumped(workbook: Workbook, updatedAt: string, keepStored = false): Promise<WorkbookRecord> {
    const stored = await this.db.workbooks.get(workbook.id);
    const record: WorkbookRecord = {
      ...toWorkbookRecord({ ...workbook, updatedAt }),
      revision: (stored?.revision ?? 0) + 1,
    };
    if (keepStored && stored) {
      record.title = stored.title;
      if (stored.deletedAt !== undefined) record.deletedAt = stored.deletedAt;
    }
    return record;
  }

  /**
   * The stored workbook `id`, or, when none is stored, `fresh()` stored and returned (the plan or the sample on a
   * browser's first open). Looking and writing are one transaction: two tabs opening a fresh browser at once both
   * found none, and the later write replaced the workbook the first tab was already typing into, figures and all.
   */
  async loadOrCreateWorkbook(id: string, fresh: () => Workbook): Promise<Workbook> {
    // Read first as any open is: a read-write transaction would hold other tabs' saves for as long as a large
    // workbook takes to read.
    const found = await this.loadWorkbook(id);
    if (found) return found;
    return this.db.transaction('rw', this.db.workbooks, this.db.rows, this.db.history, async () => {
      const stored = await this.loadWorkbook(id);
      if (stored) return stored;
      const made = fresh();
      await this.saveWorkbook(made);
      return made;
    });
  }

  /** Replace a workbook and all its rows; with a context, every changed field is recorded in the history. */
  async saveWorkbook(workbook: Workbook, context?: WriteContext): Promise<void> {
    const record = await this.db.transaction(
      'rw',
      this.db.workbooks,
      this.db.rows,
      this.db.history,
      async () => {
        if (context) {
          const stored = await this.storedRows(workbook.id);
          await this.record(workbook.id, stored, workbook.indicators, context);
        }
        const record = await this.bumped(workbook, workbook.updatedAt);
        await this.db.workbooks.put(record);
        await this.db.rows.where('workbookId').equals(workbook.id).delete();
        await this.db.rows.bulkPut(
          workbook.indicators.map((row, order) => toRowRecord(workbook.id, row, order)),
        );
        return record;
      },
    );
    this.stamps.set(workbook, stampOf(record));
  }

  /**
   * Store a new workbook (a copy, a next plan, a page saved as new) under an id made here, which no stored workbook
   * has: one from the time, with -2, -3 … after it when taken (another tab made one in the same millisecond, and it
   * replaced that one, rows and all). Any id the content still carries (the workbook it was copied from) is not used.
   * The check and the write are one transaction, so two tabs cannot both find an id free. Returns the id.
   */
  async saveNewWorkbook(content: NewWorkbook): Promise<string> {
    const made = `wb-${Date.now().toString(36)}`;
    return this.db.transaction('rw', this.db.workbooks, this.db.rows, this.db.history, async () => {
      let id = made;
      for (let n = 2; await this.db.workbooks.get(id); n += 1) id = `${made}-${n}`;
      await this.saveWorkbook({ ...content, id });
      return id;
    });
  }

  /**
   * Write some rows of a workbook, merged field by field with what storage holds now: `base` is what this
   * page last read, so fields another tab saved in the meantime are kept (see mergeRow). Records the history.
   * `known`: the stamp at which storage held exactly `base` (every row); while storage still has that stamp no
   * other write came between, so the rows are not read again (reading 10,000 rows back was a third of an import's
   * save). `stamp` is the new stamp when `known` held, else null (only some rows were read); `written` is the new
   * stamp always (what this write's announcement carries, see RowSync.pull).
   * A workbook no longer stored (deleted for good in another tab) is not written: WorkbookGoneError.
   */
  async saveRowsMerged(
    workbookId: string,
    rows: { indicator: Indicator; order: number }[],
    base: ReadonlyMap<string, Indicator>,
    context: WriteContext,
    known: StoredStamp | null = null,
  ): Promise<MergedSave & { stamp: StoredStamp | null; written: StoredStamp }> {
    return this.db.transaction('rw', this.db.workbooks, this.db.rows, this.db.history, async () => {
      const saved: MergedSave = { rows: [], conflicts: [], fromOthers: new Set(), removedElsewhere: [] };
      const record = await this.db.workbooks.get(workbookId);
      // Deleted for good in another tab: its rows would be stored without a workbook, found by nothing.
      if (!record) throw new WorkbookGoneError(workbookId);
      const unchanged = sameStamp(known, stampOf(record));
      // A piece at a time, still in one transaction (all or nothing): between pieces the page draws and takes
      // keys. Written at once, the 10,000 rows of a large import held the page for seconds.
      for (let start = 0; start < rows.length; start += SAVE_PIECE) {
        const piece = rows.slice(start, start + SAVE_PIECE);
        const stored = unchanged
          ? piece.map(({ indicator }) => base.get(indicator.code))
          : (await this.db.rows.bulkGet(piece.map(({ indicator }) => [workbookId, indicator.code]))).map(
              (record) => (record ? toIndicator(record) : undefined),
            );
        const merged = piece.map(({ indicator }, i) =>
          mergeRow(base.get(indicator.code), indicator, stored[i]),
        );
        await this.record(
          workbookId,
          stored.filter((row) => row !== undefined),
          merged.map((m) => m.row),
          context,
        );
        // mergeRow's rows are copies already: no second copy for the record.
        await this.db.rows.bulkPut(merged.map((m, i) => ({ ...m.row, workbookId, order: piece[i]!.order })));
        for (const m of merged) {
          saved.rows.push(m.row);
          saved.conflicts.push(...m.conflicts);
          if (m.fromOthers) saved.fromOthers.add(m.row.code);
        }
      }
      const stamp: StoredStamp = { revision: (record.revision ?? 0) + 1, updatedAt: context.at };
      await this.db.workbooks.update(workbookId, stamp);
      return { ...saved, stamp: unchanged ? stamp : null, written: stamp };
    });
  }

  /**
   * Write a whole workbook (rows were added or removed), merged with what storage holds now. The stamp returned
   * is that of the rows returned, which storage then holds exactly. A workbook no longer stored: WorkbookGoneError.
   */
  async saveWorkbookMerged(
    workbook: Workbook,
    base: ReadonlyMap<string, Indicator>,
    context: WriteContext,
  ): Promise<MergedSave & { stamp: StoredStamp }> {
    const tables = [this.db.workbooks, this.db.rows, this.db.history, this.db.versions];
    return this.db.transaction('rw', tables, async () => {
      // Deleted for good in another tab: writing would bring it back, unasked, without its history and versions.
      if (!(await this.db.workbooks.get(workbook.id))) throw new WorkbookGoneError(workbook.id);
      const records = await this.storedRecords(workbook.id);
      const stored = records.map(toIndicator);
      let merged = mergeWorkbookRows(base, workbook.indicators, stored);
      // Both tabs added a row under one code (rare): the row given a new code takes none the history knows.
      if (merged.recoded) {
        const known = await this.readHistoryCodes(workbook.id);
        for (const code of await this.readVersionCodes(workbook.id)) known.add(code);
        merged = mergeWorkbookRows(base, workbook.indicators, stored, known);
      }
      const changed = await this.record(workbook.id, stored, merged.rows, context);
      const record = await this.bumped(workbook, context.at, true);
      await this.db.workbooks.put(record);
      // Only rows that changed or moved are written, and only rows that went are deleted: adding or deleting
      // one row of a 5,000-row workbook rewrote every row.
      const storedOrder = new Map(records.map((record) => [record.code, record.order]));
      const kept = new Set(merged.rows.map((row) => row.code));
      const gone = stored
        .filter((row) => !kept.has(row.code))
        .map((row): [string, string] => [workbook.id, row.code]);
      if (gone.length > 0) await this.db.rows.bulkDelete(gone);
      const writes = merged.rows.flatMap((row, order) =>
        changed.has(row.code) || storedOrder.get(row.code) !== order
          ? [toRowRecord(workbook.id, row, order)]
          : [],
      );
      if (writes.length > 0) await this.db.rows.bulkPut(writes);
      // Every stored row was read and storage now holds exactly the merged rows.
      return { ...merged, stamp: stampOf(record) };
    });
  }

  /** Rows of a workbook as stored, in order. */
  private async storedRows(workbookId: string): Promise<Indicator[]> {
    return (await this.storedRecords(workbookId)).map(toIndicator);
  }

  private async storedRecords(workbookId: string): Promise<RowRecord[]> {
    return this.db.rows
      .where('[workbookId+order]')
      .between([workbookId, -Infinity], [workbookId, Infinity])
      .toArray();
  }

  /**
   * Add to the history every field that differs between the stored rows and the rows about to be written.
   * Returns the codes of the rows that differ (added, removed or changed).
   */
  private async record(
    workbookId: string,
    before: readonly Indicator[],
    after: readonly Indicator[],
    context: WriteContext,
  ): Promise<Set<string>> {
    const changed = new Set<string>();
    const beforeByCode = new Map(before.map((row) => [row.code, row]));
    const afterCodes = new Set(after.map((row) => row.code));
    const entries: HistoryRowRecord[] = [];
    const add = (b: Indicator | undefined, a: Indicator | undefined) => {
      const row = (a ?? b)!;
      const changes = diffRows(b, a);
      if (changes.length === 0) return;
      changed.add(row.code);
      entries.push({
        workbookId,
        code: row.code,
        rowName: row.name,
        at: context.at,
        source: rowChangeSource(context.sourceOf(row.code), b, a),
        clerk: context.clerk,
        changes,
      });
    };
    for (const row of after) add(beforeByCode.get(row.code), row);
    for (const row of before) if (!afterCodes.has(row.code)) add(row, undefined);
    // Many rows' history as one record: a record per row of a 10,000-row import was a third of its save.
    if (entries.length > 1)
      await this.db.history.add({
        workbookId,
        at: context.at,
        groups: entries,
        rowKeys: entries.map((entry) => historyRowKey(workbookId, entry.code)),
      });
    else if (entries.length === 1) await this.db.history.add(entries[0]!);
    return changed;
  }

  /** The history of one row, newest first. */
  async rowHistory(workbookId: string, code: string): Promise<HistoryEntry[]> {
    const own = await this.db.history.where('[workbookId+code]').equals([workbookId, code]).toArray();
    const batches = await this.db.history.where('rowKeys').equals(historyRowKey(workbookId, code)).toArray();
    return newestChangesFirst(
      [...own, ...batches],
      (group) => group.workbookId === workbookId && group.code === code,
    );
  }

  /** The history of every row of a workbook (rows deleted since included), newest first. */
  async workbookHistory(workbookId: string): Promise<HistoryEntry[]> {
    return newestChangesFirst(await this.db.history.where('workbookId').equals(workbookId).toArray());
  }

  /**
   * Every row code the workbook's history or its saved versions hold, rows deleted since included: codes a new row
   * must not take (see nextCustomCode).
   */
  async knownCodes(workbookId: string): Promise<Set<string>> {
    return this.db.transaction('r', this.db.history, this.db.versions, async () => {
      const known = await this.readHistoryCodes(workbookId);
      for (const code of await this.readVersionCodes(workbookId)) known.add(code);
      return known;
    });
  }

  /**
   * The codes the workbook's history holds, read from its indexes alone, not its records: cheap enough to wait for
   * when a workbook opens. (Every row deleted is in it; see versionCodes for rows only a version may hold.)
   */
  async historyCodes(workbookId: string): Promise<Set<string>> {
    return this.db.transaction('r', this.db.history, () => this.readHistoryCodes(workbookId));
  }

  /**
   * The codes the workbook's saved versions hold. Each version is read whole (a 5,000-row workbook's version is
   * megabytes), so a workbook opens without waiting for it: see openSession.
   */
  async versionCodes(workbookId: string): Promise<Set<string>> {
    return this.db.transaction('r', this.db.versions, () => this.readVersionCodes(workbookId));
  }

  private async readHistoryCodes(workbookId: string): Promise<Set<string>> {
    const known = new Set<string>();
    const single = await this.db.history
      .where('[workbookId+code]')
      .between([workbookId, Dexie.minKey], [workbookId, Dexie.maxKey])
      .keys();
    for (const key of single) if (Array.isArray(key)) known.add(String(key[1]));
    const prefix = historyRowKey(workbookId, '');
    const batched = await this.db.history
      .where('rowKeys')
      .between(prefix, `${prefix}\uffff`, true, true)
      .keys();
    for (const key of batched) known.add(String(key).slice(prefix.length));
    return known;
  }

  private async readVersionCodes(workbookId: string): Promise<Set<string>> {
    const known = new Set<string>();
    await this.db.versions
      .where('workbookId')
      .equals(workbookId)
      .each((version) => {
        for (const row of version.workbook.indicators) known.add(row.code);
      });
    return known;
  }

  /** Keep the stored workbook as a named version; returns its id. */
  async saveVersion(workbookId: string, name: string, clerk: string, at: string): Promise<number> {
    return this.db.transaction('rw', this.db.workbooks, this.db.rows, this.db.versions, async () => {
      const workbook = await this.loadWorkbook(workbookId);
      if (!workbook) throw new WorkbookGoneError(workbookId);
      return this.db.versions.add({ workbookId, name, createdAt: at, clerk, workbook });
    });
  }

  /**
   * The versions of a workbook, newest first. Of versions saved within the same millisecond (two tabs, or a clock
   * held still) the one stored last comes first: by time alone they kept storage's order, oldest first.
   */
  async listVersions(workbookId: string): Promise<(VersionRecord & { id: number })[]> {
    const versions = await this.db.versions.where('workbookId').equals(workbookId).toArray();
    return (versions as (VersionRecord & { id: number })[]).sort(
      (a, b) => newestFirst(a.createdAt, b.createdAt) || b.id - a.id,
    );
  }

  async deleteVersion(id: number): Promise<void> {
    await this.db.versions.delete(id);
  }

  /**
   * Put a version back in place of the workbook, in one transaction: the current state is first kept as a
   * version of its own (`keepAs`), and every field the restore changes is recorded in the history.
   */
  async restoreVersion(id: number, keepAs: string, clerk: string, at: string): Promise<void> {
    await this.db.transaction(
      'rw',
      [this.db.workbooks, this.db.rows, this.db.versions, this.db.history],
      async () => {
        const version = await this.db.versions.get(id);
        if (!version) throw new Error(`version ${id} not found`);
        const current = await this.loadWorkbook(version.workbookId);
        if (current) {
          await this.db.versions.add({
            workbookId: current.id,
            name: keepAs,
            createdAt: at,
            clerk,
            workbook: current,
          });
        }
        const source: ChangeSource = { kind: 'version', detail: version.name };
        await this.saveWorkbook(
          {
            ...version.workbook,
            id: version.workbookId,
            createdAt: current?.createdAt ?? version.workbook.createdAt,
            updatedAt: at,
          },
          { at, clerk, sourceOf: () => source },
        );
      },
    );
  }

  async renameWorkbook(id: string, title: string): Promise<void> {
    // The revision is counted on too: a rename in the same millisecond as a save kept that save's stamp, and a tab
    // told of the save took storage for unchanged since (see RowSync.pull).
    await this.db.transaction('rw', this.db.workbooks, async () => {
      const record = await this.db.workbooks.get(id);
      if (!record) return;
      await this.db.workbooks.update(id, {
        title,
        updatedAt: new Date().toISOString(),
        revision: (record.revision ?? 0) + 1,
      });
    });
  }

  /** Move a workbook to 已删除 (recoverable), or bring it back. */
  async setDeleted(id: string, deleted: boolean): Promise<void> {
    await this.db.transaction('rw', this.db.workbooks, async () => {
      const record = await this.db.workbooks.get(id);
      if (!record) return;
      if (deleted) record.deletedAt = new Date().toISOString();
      else delete record.deletedAt;
      // A write of the record as any other (see renameWorkbook): tabs holding its stamp read rows back after it.
      record.revision = (record.revision ?? 0) + 1;
      await this.db.workbooks.put(record);
    });
  }

  /** Remove a workbook and all its rows, in one transaction. */
  async deleteWorkbook(id: string): Promise<void> {
    await this.db.transaction(
      'rw',
      [this.db.workbooks, this.db.rows, this.db.history, this.db.versions],
      async () => {
        await this.db.rows.where('workbookId').equals(id).delete();
        await this.db.history.where('workbookId').equals(id).delete();
        await this.db.versions.where('workbookId').equals(id).delete();
        await this.db.workbooks.delete(id);
      },
    );
  }

  /** Everything, for a backup: all workbooks (deleted ones too) with their rows, settings, history, versions. */
  async exportAll(): Promise<{ workbooks: Workbook[]; settings: Record<string, unknown> } & ArchiveData> {
    const tables = [this.db.workbooks, this.db.rows, this.db.settings, this.db.history, this.db.versions];
    return this.db.transaction('r', tables, async () => {
      const workbooks: Workbook[] = [];
      for (const record of await this.db.workbooks.toArray()) {
        const workbook = await this.loadWorkbook(record.id);
        if (workbook) workbooks.push(workbook);
      }
      const settings = Object.fromEntries((await this.db.settings.toArray()).map((s) => [s.key, s.value]));
      const history = flattenHistory(storedGroups(await this.db.history.toArray()).map((g) => g.group));
      const versions = (await this.db.versions.toArray()).map((v) => {
        // eslint-disable-next-line @typescript-eslint/no-unused-vars
        const { id, ...version } = v;
        return version;
      });
      return { workbooks, settings, history, versions };
    });
  }

  /**
   * Put the chosen workbooks (and settings) of a backup in place, all in one transaction: all or nothing.
   * Each restored workbook's history and versions from the file are added to those in the browser (none is
   * dropped or doubled), and the fields the restore changes are recorded with the backup file as source.
   */
  async restore(
    workbooks: Workbook[],
    settings: Record<string, unknown> | null,
    archive: ArchiveData,
    context: WriteContext,
    /** Each workbook the restore replaces is first kept as a version of this name (as 恢复此版本 does). */
    keepAs?: string,
  ): Promise<void> {
    const tables = [this.db.workbooks, this.db.rows, this.db.settings, this.db.history, this.db.versions];
    await this.db.transaction('rw', tables, async () => {
      // A workbook never edited here (the plan as first opened on a new PC) holds nothing to keep: it is replaced
      // as if absent — no version of it (that was an empty one), and each row recorded once as 新增此行 from the
      // file, as for a workbook the browser lacks (every cell was recorded as changed: （空）→4.2‰ …).
      const untouched = new Set<string>();
      for (const workbook of workbooks) {
        const record = await this.db.workbooks.get(workbook.id);
        if (record && record.createdAt === record.updatedAt) untouched.add(workbook.id);
      }
      if (keepAs) {
        for (const workbook of workbooks) {
          const current = untouched.has(workbook.id) ? undefined : await this.loadWorkbook(workbook.id);
          if (current)
            await this.db.versions.add({
              workbookId: current.id,
              name: keepAs,
              createdAt: context.at,
              clerk: context.clerk,
              workbook: current,
            });
        }
      }
      const restored = new Set(workbooks.map((w) => w.id));
      const knownEntries = new Set(
        flattenHistory(storedGroups(await this.db.history.toArray()).map((g) => g.group)).map(historyKey),
      );
      const entries = archive.history.filter(
        (e) => restored.has(e.workbookId) && !knownEntries.has(historyKey(e)),
      );
      if (entries.length > 0) await this.db.history.bulkAdd(groupHistory(entries));
      const knownVersions = new Set((await this.db.versions.toArray()).map(versionKey));
      const versions = archive.versions.filter(
        (v) => restored.has(v.workbookId) && !knownVersions.has(versionKey(v)),
      );
      if (versions.length > 0) await this.db.versions.bulkAdd(versions);
      for (const workbook of workbooks) {
        if (untouched.has(workbook.id)) await this.db.rows.where('workbookId').equals(workbook.id).delete();
        await this.saveWorkbook(workbook, context);
      }
      if (settings)
        await this.db.settings.bulkPut(Object.entries(settings).map(([key, value]) => ({ key, value })));
    });
  }

  async getSetting<T>(key: string): Promise<T | undefined> {
    const record = await this.db.settings.get(key);
    return record?.value as T | undefined;
  }

  async setSetting(key: string, value: unknown): Promise<void> {
    await this.db.settings.put({ key, value });
  }
}

/** A workbook's record as the page sees it (without the storage's write count). */
function toWorkbook(record: WorkbookRecord): Omit<Workbook, 'indicators'> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { revision, ...workbook } = record;
  return workbook;
}

function toWorkbookRecord(workbook: Workbook): WorkbookRecord {
  const { id, title, baseYear, targetYear, isSample, createdAt, updatedAt } = workbook;
  return { id, title, baseYear, targetYear, isSample, createdAt, updatedAt };
}

function toRowRecord(workbookId: string, indicator: Indicator, order: number): RowRecord {
  return { ...copyIndicator(indicator), workbookId, order };
}

const historyKey = (e: HistoryEntry) => [e.workbookId, e.code, e.field, e.at, e.after].join('\u0000');
const versionKey = (v: Pick<VersionRecord, 'workbookId' | 'name' | 'createdAt'>) =>
  [v.workbookId, v.name, v.createdAt].join('\u0000');

/**
 * Stored records as groups (one row, one save), in the order written: by record id, a batch's rows in their order.
 * `keep` picks the groups wanted (a batch holds other rows too).
 */
function storedGroups(
  records: readonly HistoryRecord[],
  keep: (group: HistoryGroup) => boolean = () => true,
): { group: HistoryGroup; id: number; sub: number }[] {
  const groups: { group: HistoryGroup; id: number; sub: number }[] = [];
  for (const record of [...records].sort((a, b) => (a.id ?? 0) - (b.id ?? 0))) {
    if (isHistoryBatch(record)) {
      record.groups.forEach((group, sub) => {
        if (keep(group)) groups.push({ group, id: record.id ?? 0, sub });
      });
    } else {
      const { id, ...group } = record;
      if (keep(group)) groups.push({ group, id: id ?? 0, sub: 0 });
    }
  }
  return groups;
}

/**
 * Stored groups as entries, newest first. By time, not by storage order: a restored backup adds older entries after
 * newer ones. Within a save, the row written last and the field recorded last come first, as they did when each
 * field was a record of its own.
 */
function newestChangesFirst(
  records: HistoryRecord[],
  keep?: (group: HistoryGroup) => boolean,
): HistoryEntry[] {
  return storedGroups(records, keep)
    .sort((a, b) => newestFirst(a.group.at, b.group.at) || b.id - a.id || b.sub - a.sub)
    .flatMap(({ group }) => flattenHistory([group]).reverse());
}

function toIndicator(record: RowRecord): Indicator {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { workbookId, order, ...indicator } = record;
  return indicator;
}
