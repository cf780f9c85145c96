/**
 * Two tabs on the same workbook: each tab announces its saves (which rows, or "rows added or removed") on a
 * BroadcastChannel; a tab that hears another tab saved the workbook it shows takes the saved rows in.
 */
import type { MergeConflict } from '../model/history';

export interface TabSync {
  /**
   * `codes` null: rows were added or removed. `replaced`: cells where this save wrote over a value another tab
   * had saved meanwhile (a same-cell race), so the tab that saved that value can tell its clerk too.
   */
  announceSave(workbookId: string, codes: string[] | null, replaced?: MergeConflict[]): void;
  dispose(): void;
}

const CHANNEL = 'lanxi-children-plan-workbook';

interface SaveMessage {
  tab: string;
  workbookId: string;
  codes: string[] | null;
  replaced?: MergeConflict[];
}

export function makeTabSync(
  workbookId: string,
  onOtherTabSaved: (codes: string[] | null, replaced: MergeConflict[]) => void,
): TabSync {
  if (typeof BroadcastChannel === 'undefined') return { announceSave: () => {}, dispose: () => {} };
  const channel = new BroadcastChannel(CHANNEL);
  // A random id per tab, so a tab ignores its own messages.
  const tab = Math.random().toString(36).slice(2);
  channel.onmessage = (event: MessageEvent<SaveMessage>) => {
    if (event.data?.tab !== tab && event.data?.workbookId === workbookId) {
      const replaced = Array.isArray(event.data.replaced) ? event.data.replaced : [];
      onOtherTabSaved(Array.isArray(event.data.codes) ? event.data.codes : null, replaced);
    }
  };
  return {
    announceSave: (id, codes, replaced = []) =>
      channel.postMessage({ tab, workbookId: id, codes, replaced } satisfies SaveMessage),
    dispose: () => channel.close(),
  };
}
