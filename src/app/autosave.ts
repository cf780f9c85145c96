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
        options.onState(isEmpty() ? { status: 'saved', at: new Date() } : { status: 'pending' });
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
    flush,
    hasPending: () => !isEmpty() || running !== null,
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
