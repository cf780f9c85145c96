/**
 * Two tabs on the same workbook: each tab announces its saves (which rows, or "rows added or removed") on a
 * BroadcastChannel; a tab that hears another tab saved the workbook it shows takes the saved rows in.
 */
export interface TabSync {
  /** `codes` null: rows were added or removed. */
  announceSave(workbookId: string, codes: string[] | null): void;
  dispose(): void;
}

const CHANNEL = 'lanxi-children-plan-workbook';

interface SaveMessage {
  tab: string;
  workbookId: string;
  codes: string[] | null;
}

export function makeTabSync(workbookId: string, onOtherTabSaved: (codes: string[] | null) => void): TabSync {
  if (typeof BroadcastChannel === 'undefined') return { announceSave: () => {}, dispose: () => {} };
  const channel = new BroadcastChannel(CHANNEL);
  // A random id per tab, so a tab ignores its own messages.
  const tab = Math.random().toString(36).slice(2);
  channel.onmessage = (event: MessageEvent<SaveMessage>) => {
    if (event.data?.tab !== tab && event.data?.workbookId === workbookId) {
      onOtherTabSaved(Array.isArray(event.data.codes) ? event.data.codes : null);
    }
  };
  return {
    announceSave: (id, codes) => channel.postMessage({ tab, workbookId: id, codes } satisfies SaveMessage),
    dispose: () => channel.close(),
  };
}
