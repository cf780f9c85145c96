/**
 * Keeps this page's rows and the stored rows in step, field by field, so that no write is lost when two tabs
 * edit the same workbook: each save is merged with what storage holds now (fields this page did not change
 * keep the other tab's values), and what another tab saved is merged into this page's grid without touching
 * the clerk's own unsaved edits. `base` is the stored state this page last saw, the common start of a merge.
 */
import { diffRows, mergeRow, mergeWorkbookRows, TYPED, type MergeConflict } from '../model/history';
import type { Indicator } from '../model/indicator';
import type { Workbook } from '../model/workbook';
import { WorkbookGoneError } from '../store/storage-errors';
import { sameStamp, type StoredStamp, type WorkbookRepository } from '../store/workbook-repository';
import type { PendingChanges } from './autosave';

/** What row-sync needs of the grid. */
export interface SyncedRows {
  getIndicators(): Indicator[];
  getIndicator(code: string): { indicator: Indicator; order: number } | undefined;
  /** Show rows saved elsewhere: update or append `rows`, remove `removed`; not an undo step, not an edit. */
  applyExternal(rows: Indicator[], removed: string[]): void;
}

export interface RowSync {
  /** Write pending changes; returns the fields where another tab's value was overwritten. */
  write(changes: PendingChanges): Promise<MergeConflict[]>;
  /**
   * Take in what another tab saved (`codes` null: rows were added or removed, read them all). `written`: the stamp
   * that save left (from its announcement), by which this tab may know storage holds its rows again (see `known`).
   */
  pull(codes: string[] | null, written?: StoredStamp | null): Promise<number>;
  /** The stamp this tab's last write left, for its announcement; null before the first. */
  written(): StoredStamp | null;
  /**
   * Of the cells another tab's save wrote over (its conflicts), those whose replaced value is the one this tab
   * saved there last: this tab's figure lost a same-cell race, and its clerk should check which is right.
   * Each is returned once.
   */
  replacedOwn(conflicts: readonly MergeConflict[]): MergeConflict[];
}

/** How many of its own writes of a row a tab keeps to recognise its value (see replacedOwn). */
const OWN_WRITES_KEPT = 4;

export function makeRowSync(options: {
  repository: WorkbookRepository;
  workbook: Workbook;
  rows: SyncedRows;
  clerk: () => string;
  /** Rows whose cells the clerk changed that are not written yet (see showStored): to be saved. */
  markUnsaved?: (codes: string[]) => void;
  /**
   * New rows of this tab, not yet saved, that took another code while another tab's save was taken in (its new
   * row had the same code): what to tell the clerk, whose row is under another code now. A save of this tab that
   * renumbers says so in its own conflicts.
   */
  onRecoded?: (conflicts: MergeConflict[]) => void;
}): RowSync {
  const { repository, workbook, rows } = options;
  // Shared with the workbook as read from storage, which nothing changes in place.
  const base = new Map(workbook.indicators.map((row) => [row.code, row]));
  /**
   * The stored state at which storage held exactly `base`, every row; null when that is not known (after a pull of
   * some rows, or a write that found another tab had written). While it holds, a save need not read rows back.
   */
  let known: StoredStamp | null = repository.storedStamp(workbook);
  let lastWritten: StoredStamp | null = null;
  /**
   * This tab's own writes of each row, newest last (the row as storage held it, and as written): how it recognises
   * its own value among the ones another tab's save replaced. Only references are kept here; the fields are
   * compared when a conflict comes (diffing each row at every save took ~0.1 s of freeze after a 10,000-row
   * import). The last few writes of a row are enough: a value replaced is one of its latest.
   */
  const ownWrites = new Map<string, { before: Indicator; after: Indicator; reported: Set<string> }[]>();
  const noteOwn = (row: Indicator) => {
    const before = base.get(row.code);
    // A new row has no cell another tab could have saved first.
    if (!before) return;
    const writes = ownWrites.get(row.code) ?? [];
    writes.push({ before, after: row, reported: new Set() });
    if (writes.length > OWN_WRITES_KEPT) writes.shift();
    ownWrites.set(row.code, writes);
  };
  // Writes and pulls run one at a time, in order, so each merges against the state the previous one left.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };

  /**
   * Show `target` (what the grid should hold for these rows) in the grid, keeping what the clerk typed since
   * `seen` (the grid's rows when the write or pull began): a three-way merge again, with `seen` as the start.
   */
  const showStored = (
    seen: readonly Indicator[],
    target: readonly Indicator[],
    removed: string[],
    recoded?: ReadonlyMap<string, string>,
  ) => {
    const seenByCode = new Map(seen.map((row) => [row.code, row]));
    const changed: Indicator[] = [];
    /** A new row of this tab's that another tab's new row of the same code pushed to a new code: new code → old. */
    const movedFrom = new Map([...(recoded ?? [])].map(([from, to]) => [to, from]));
    const unsaved: string[] = [];
    for (const row of target) {
      const from = movedFrom.get(row.code);
      if (from !== undefined) {
        // The clerk's own row, under its new code, as the grid holds it now: what was typed since stays in it.
        const own = rows.getIndicator(from)?.indicator;
        if (!own) continue; // deleted here meanwhile: it stays deleted
        const before = seenByCode.get(from);
        if (before && diffRows(before, own).length > 0) unsaved.push(row.code);
        changed.push({ ...own, code: row.code });
        continue;
      }
      if (recoded?.has(row.code)) {
        // The other tab's row in the place of the clerk's: as stored, nothing of the clerk's row merged into it.
        changed.push(row);
        continue;
      }
      const before = seenByCode.get(row.code);
      const now = rows.getIndicator(row.code)?.indicator;
      if (!now) {
        // New from another tab (a row the clerk deleted meanwhile stays deleted).
        if (!before) changed.push(row);
        continue;
      }
      if (!before) continue; // added here meanwhile: the clerk's own row stays as it is
      const result = mergeRow(before, now, row).row;
      if (diffRows(now, result).length > 0) changed.push(result);
    }
    const gone = removed.filter((code) => rows.getIndicator(code) !== undefined);
    if (changed.length > 0 || gone.length > 0) rows.applyExternal(changed, gone);
    if (unsaved.length > 0) options.markUnsaved?.(unsaved);
    return changed.length + gone.length;
  };

  /**
   * What `known` becomes after a pull read the rows of another tab's save (announced with the stamp `written`) in
   * the stored state `now`. Storage still holds exactly `base` — these rows now included — only if nothing was
   * written since `known`, or the one write since (one revision on) is that save and none came after it; any other
   * write (not yet heard of, a rename, an older build's save without a stamp) may have changed rows not read.
   */
  const reflected = (
    before: StoredStamp | null,
    written: StoredStamp | null,
    now: StoredStamp | null,
  ): StoredStamp | null => {
    if (!before || !now) return null;
    if (sameStamp(before, now)) return before;
    const next = typeof before.revision === 'number' ? before.revision + 1 : undefined;
    return written && written.revision === next && sameStamp(written, now) ? now : null;
  };

  /** The stored state this page now knows; rows come fresh from a merge or from storage, never shared. */
  const setBase = (stored: readonly Indicator[], replaceAll: boolean) => {
    if (replaceAll) base.clear();
    for (const row of stored) base.set(row.code, row);
  };

  return {
    write: (changes) =>
      serial(async () => {
        const context = {
          at: new Date().toISOString(),
          clerk: options.clerk(),
          sourceOf: (code: string) => changes.sources.get(code) ?? TYPED,
        };
        if (changes.structure) {
          const mine = rows.getIndicators();
          // Only the rows whose cells changed (a structure save writes them all; diffing 5,000 is not needed).
          for (const row of mine) if (changes.rows.has(row.code)) noteOwn(row);
          const saved = await repository.saveWorkbookMerged({ ...workbook, indicators: mine }, base, context);
          setBase(saved.rows, true);
          known = saved.stamp;
          lastWritten = saved.stamp;
          showStored(
            mine,
            saved.rows.filter((row) => saved.fromOthers.has(row.code)),
            saved.removedElsewhere,
            saved.recoded,
          );
          return saved.conflicts;
        }
        const changed = [...changes.rows].flatMap((code) => {
          const found = rows.getIndicator(code);
          return found ? [found] : [];
        });
        for (const { indicator } of changed) noteOwn(indicator);
        const saved = await repository.saveRowsMerged(workbook.id, changed, base, context, known);
        setBase(saved.rows, false);
        known = saved.stamp;
        lastWritten = saved.written;
        // Only rows another tab had also changed differ from what this page shows.
        if (saved.fromOthers.size > 0) {
          showStored(
            changed.map((c) => c.indicator),
            saved.rows.filter((row) => saved.fromOthers.has(row.code)),
            [],
          );
        }
        return saved.conflicts;
      }),

    written: () => lastWritten,

    pull: (codes, written = null) =>
      serial(async () => {
        if (codes === null) {
          const mine = rows.getIndicators();
          const loaded = await repository.loadWorkbook(workbook.id);
          // Deleted for good in another tab: merged with no rows, every row the clerk had not changed went from
          // the grid. The page keeps showing them; the failure says what happened.
          if (!loaded) throw new WorkbookGoneError(workbook.id);
          const stored = loaded.indicators;
          let merged = mergeWorkbookRows(base, mine, stored);
          // A new row of this tab's given a new code (another tab's took its code first) takes none the history knows.
          if (merged.recoded)
            merged = mergeWorkbookRows(base, mine, stored, await repository.knownCodes(workbook.id));
          setBase(stored, true);
          known = repository.storedStamp(loaded);
          const shown = showStored(
            mine,
            merged.rows.filter((row) => merged.fromOthers.has(row.code)),
            merged.removedElsewhere,
            merged.recoded,
          );
          const recodedTo = new Set(merged.recoded?.values());
          const renumbered = merged.conflicts.filter((c) => c.note && recodedTo.has(c.code));
          if (renumbered.length > 0) options.onRecoded?.(renumbered);
          return shown;
        }
        // Only the rows the other tab saved are read, here and from storage.
        const mine = codes.flatMap((code) => {
          const found = rows.getIndicator(code);
          return found ? [found.indicator] : [];
        });
        const mineByCode = new Map(mine.map((row) => [row.code, row]));
        const { rows: stored, stamp: now } = await repository.loadRowsAt(workbook.id, codes);
        const target = stored.flatMap((row) => {
          const own = mineByCode.get(row.code);
          if (own) {
            const merged = mergeRow(base.get(row.code), own, row);
            return merged.fromOthers ? [merged.row] : [];
          }
          // Not in this page: new from another tab, or deleted here and not yet saved (it stays deleted).
          return base.has(row.code) ? [] : [row];
        });
        setBase(stored, false);
        known = reflected(known, written, now);
        return showStored(mine, target, []);
      }),

    replacedOwn(conflicts) {
      return conflicts.filter((conflict) => {
        const { field } = conflict;
        if (field === undefined) return false;
        // The newest own write of that field decides: its value, said once.
        const writes = ownWrites.get(conflict.code) ?? [];
        for (let i = writes.length - 1; i >= 0; i -= 1) {
          const write = writes[i]!;
          const change = diffRows(write.before, write.after).find((c) => c.field === field);
          if (!change) continue;
          if (change.after !== conflict.theirs || write.reported.has(field)) return false;
          write.reported.add(field);
          return true;
        }
        return false;
      });
    },
  };
}
