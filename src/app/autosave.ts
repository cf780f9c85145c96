/**
 * Debounced autosave: edits are collected and written shortly after the clerk stops typing, and at once when
 * the page is hidden. A failed write keeps the pending edits (nothing is dropped) and is retried on the next
 * edit or flush; the failure is reported, never swallowed.
 */
import type { ChangeSource } from '../model/history';

export type SaveState =
  | { status: 'saved'; at: Date | null }
  | { status: 'pending' }
  | { status: 'saving' }
  | { status: 'error'; error: unknown };

export interface PendingChanges {
  /** Codes of rows whose cells changed. */
  rows: Set<string>;
  /** Rows were added, removed or moved: write the whole workbook. */
  structure: boolean;
  /** Where each row's latest change came from (typed, an import file, …), for the history. */
  sources: Map<string, ChangeSource>;
}

export interface Autosave {
  markRows(codes: Iterable<string>, source?: ChangeSource): void;
  markStructure(): void;
  /**
   * Changes are made now whose rows are marked a moment later (an import's, after the frame that shows them):
   * until the returned function is called (once is enough; again does nothing) they count as unsaved — the header
   * says so and closing the page asks — rather than the last save's 已自动保存 standing over them.
   */
  announce(): () => void;
  flush(): Promise<void>;
  hasPending(): boolean;
  dispose(): void;
}

/** How long a failed save waits before it is tried again without a new edit. */
export const RETRY_DELAY_MS = 5000;

export function makeAutosave(options: {
  delayMs: number;
  write: (changes: PendingChanges) => Promise<void>;
  onState: (state: SaveState) => void;
  /**
   * Whether a failed write is worth trying again by itself (default: always). One that cannot succeed (the workbook
   * deleted for good in another tab) is not: its edits stay pending and are tried with the next edit.
   */
  retries?: (error: unknown) => boolean;
}): Autosave {
  const empty = (): PendingChanges => ({ rows: new Set(), structure: false, sources: new Map() });
  let pending = empty();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> | null = null;

  const isEmpty = () => pending.rows.size === 0 && !pending.structure;

  let lastFailed = false;
  /** When the last write finished (what 'saved' says again when an announcement brings nothing to write). */
  let lastSaved: Date | null = null;
  /** Announced changes whose rows are not marked yet (see announce). */
  let announced = 0;
  /** The last write failed for good: no retry until a new edit. */
  let hopeless = false;

  /**
   * A retry after a failure waits longer (a full disk or a blocked database will not recover in 300 ms); a new
   * edit is written as soon as any edit is, so an edit made once storage works again is saved at once (with the
   * 5 s wait, closing the page soon after lost it).
   */
  const schedule = (retry: boolean) => {
    if (!lastFailed) options.onState({ status: 'pending' });
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(
      () => void flush(),
      retry && lastFailed ? Math.max(options.delayMs, RETRY_DELAY_MS) : options.delayMs,
    );
  };

  async function flush(): Promise<void> {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    // One write at a time, so writes land in the order the edits were made.
    while (running) await running;
    if (isEmpty()) return;
    const batch = pending;
    pending = empty();
    options.onState({ status: 'saving' });
    running = (async () => {
      try {
        await options.write(batch);
        lastFailed = false;
        hopeless = false;
        lastSaved = new Date();
        options.onState(
          isEmpty() && announced === 0 ? { status: 'saved', at: lastSaved } : { status: 'pending' },
        );
      } catch (error) {
        // Put the batch back so the next attempt writes it again.
        for (const code of batch.rows) pending.rows.add(code);
        for (const [code, source] of batch.sources)
          if (!pending.sources.has(code)) pending.sources.set(code, source);
        pending.structure ||= batch.structure;
        lastFailed = true;
        hopeless = options.retries?.(error) === false;
        options.onState({ status: 'error', error });
      }
    })();
    try {
      await running;
    } finally {
      running = null;
    }
    if (!isEmpty() && timer === undefined && !hopeless) schedule(true);
  }

  return {
    markRows(codes, source) {
      for (const code of codes) {
        pending.rows.add(code);
        if (source) pending.sources.set(code, source);
      }
      schedule(false);
    },
    markStructure() {
      pending.structure = true;
      schedule(false);
    },
    announce() {
      announced += 1;
      if (!lastFailed) options.onState({ status: 'pending' });
      let done = false;
      return () => {
        if (done) return;
        done = true;
        announced -= 1;
        // Nothing was marked after all (no cell changed) and nothing else waits: saved, as before the announcement.
        if (announced === 0 && isEmpty() && running === null && !lastFailed)
          options.onState({ status: 'saved', at: lastSaved });
      };
    },
    flush,
    hasPending: () => !isEmpty() || running !== null || announced > 0,
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
