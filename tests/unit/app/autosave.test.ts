import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeAutosave, RETRY_DELAY_MS, type PendingChanges, type SaveState } from '../../../src/app/autosave';

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('writes a burst of edits once, shortly after the last one', async () => {
    const writes: PendingChanges[] = [];
    const autosave = makeAutosave({
      delayMs: 300,
      write: async (c) => void writes.push(c),
      onState: () => {},
    });
    autosave.markRows(['H01']);
    await vi.advanceTimersByTimeAsync(200);
    autosave.markRows(['H02', 'H01']);
    await vi.advanceTimersByTimeAsync(299);
    expect(writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(10);
    expect(writes).toHaveLength(1);
    expect([...(writes[0]?.rows ?? [])].sort()).toEqual(['H01', 'H02']);
  });

  it('flush writes at once (page hidden)', async () => {
    const writes: PendingChanges[] = [];
    const autosave = makeAutosave({
      delayMs: 300,
      write: async (c) => void writes.push(c),
      onState: () => {},
    });
    autosave.markStructure();
    await autosave.flush();
    expect(writes).toEqual([{ rows: new Set(), structure: true, sources: new Map() }]);
    expect(autosave.hasPending()).toBe(false);
  });

  it('keeps the edits after a failed write, reports it, and writes them on retry', async () => {
    const disk = withDisk();
    const { autosave, states, writes } = disk;
    autosave.markRows(['H01']);
    await autosave.flush();
    expect(states).toContain('error');
    expect(autosave.hasPending()).toBe(true);
    disk.full = false;
    autosave.markRows(['H02']);
    await autosave.flush();
    expect([...(writes[0]?.rows ?? [])].sort()).toEqual(['H01', 'H02']);
    expect(states.at(-1)).toBe('saved');
  });

  it('retries a failed save after a while, but writes a new edit as soon as any edit', async () => {
    const disk = withDisk();
    const { autosave, writes } = disk;
    autosave.markRows(['H08']);
    await vi.advanceTimersByTimeAsync(300);
    // Failed: the retry waits RETRY_DELAY_MS, not 300 ms.
    disk.full = false;
    await vi.advanceTimersByTimeAsync(1000);
    expect(writes).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(RETRY_DELAY_MS);
    expect([...(writes[0]?.rows ?? [])]).toEqual(['H08']);

    // Failed again; the clerk frees space and types: written 300 ms later, with the edit that failed.
    disk.full = true;
    autosave.markRows(['H09']);
    await vi.advanceTimersByTimeAsync(300);
    expect(writes).toHaveLength(1);
    disk.full = false;
    autosave.markRows(['H10']);
    await vi.advanceTimersByTimeAsync(300);
    expect([...(writes[1]?.rows ?? [])].sort()).toEqual(['H09', 'H10']);
  });

  it('a write that can never succeed (the workbook deleted for good) is not retried by itself; its edits stay pending', async () => {
    let attempts = 0;
    const states: SaveState['status'][] = [];
    const autosave = makeAutosave({
      delayMs: 0,
      write: async () => {
        attempts += 1;
        throw Object.assign(new Error('gone'), { name: 'WorkbookGoneError' });
      },
      retries: (error) => (error as Error).name !== 'WorkbookGoneError',
      onState: (s) => states.push(s.status),
    });
    autosave.markRows(['H01']);
    await vi.advanceTimersByTimeAsync(RETRY_DELAY_MS * 5);
    expect(attempts).toBe(1);
    expect(states.at(-1)).toBe('error');
    expect(autosave.hasPending()).toBe(true);
    // A new edit is tried (and said) again, with the edit that failed.
    autosave.markRows(['H02']);
    await vi.advanceTimersByTimeAsync(RETRY_DELAY_MS * 5);
    expect(attempts).toBe(2);
    expect(autosave.hasPending()).toBe(true);
  });

  it('an import applied but not yet marked (its rows are, after the frame that shows them) is unsaved at once', async () => {
    const states: SaveState['status'][] = [];
    const writes: PendingChanges[] = [];
    const autosave = makeAutosave({
      delayMs: 0,
      write: async (c) => void writes.push(c),
      onState: (state) => states.push(state.status),
    });
    autosave.markRows(['H01']);
    await autosave.flush();
    expect(states.at(-1)).toBe('saved');
    // 应用: the header must not go on saying 已自动保存, and closing the page must ask.
    const marked = autosave.announce();
    expect(states.at(-1)).toBe('pending');
    expect(autosave.hasPending()).toBe(true);
    // A flush meanwhile (the page hidden) finds nothing yet: still unsaved.
    await autosave.flush();
    expect(autosave.hasPending()).toBe(true);
    autosave.markRows(['H02', 'H03']);
    marked();
    await autosave.flush();
    expect([...(writes.at(-1)?.rows ?? [])].sort()).toEqual(['H02', 'H03']);
    expect(autosave.hasPending()).toBe(false);
    expect(states.at(-1)).toBe('saved');
  });

  it('an announced import that marks nothing (no cell changed) is saved as before', async () => {
    const states: SaveState[] = [];
    const autosave = makeAutosave({ delayMs: 0, write: async () => {}, onState: (s) => states.push(s) });
    autosave.markRows(['H01']);
    await autosave.flush();
    const savedAt = states.at(-1);
    const marked = autosave.announce();
    marked();
    marked(); // called twice (the frame and the 200 ms timer): counted once
    expect(autosave.hasPending()).toBe(false);
    expect(states.at(-1)).toEqual(savedAt);
    // A second release of one announcement never hides another's.
    const other = autosave.announce();
    marked();
    expect(autosave.hasPending()).toBe(true);
    other();
    expect(autosave.hasPending()).toBe(false);
  });
});

/** An autosave writing to a disk that starts full (`full = false` makes room); its states and writes. */
function withDisk() {
  const disk = {
    full: true,
    states: [] as SaveState['status'][],
    writes: [] as PendingChanges[],
    autosave: null as unknown as ReturnType<typeof makeAutosave>,
  };
  disk.autosave = makeAutosave({
    delayMs: 300,
    write: async (c) => {
      if (disk.full) throw new DOMException('full', 'QuotaExceededError');
      disk.writes.push(c);
    },
    onState: (s) => disk.states.push(s.status),
  });
  return disk;
}
