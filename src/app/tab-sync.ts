/**
 * Two tabs on the same workbook: each tab announces its saves on a BroadcastChannel; a tab that hears another
 * tab saved the workbook it shows warns the clerk and offers to reload, so no one edits a stale copy unawares.
 */
export interface TabSync {
  announceSave(workbookId: string): void;
  dispose(): void;
}

const CHANNEL = 'lanxi-children-plan-workbook';

export function makeTabSync(workbookId: string, onOtherTabSaved: () => void): TabSync {
  if (typeof BroadcastChannel === 'undefined') return { announceSave: () => {}, dispose: () => {} };
  const channel = new BroadcastChannel(CHANNEL);
  // A random id per tab, so a tab ignores its own messages.
  const tab = Math.random().toString(36).slice(2);
  channel.onmessage = (event: MessageEvent<{ tab: string; workbookId: string }>) => {
    if (event.data?.tab !== tab && event.data?.workbookId === workbookId) onOtherTabSaved();
  };
  return {
    announceSave: (id) => channel.postMessage({ tab, workbookId: id }),
    dispose: () => channel.close(),
  };
}
