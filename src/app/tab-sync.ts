/**
 * Two tabs on the same workbook: each tab announces its saves (which rows, or "rows added or removed") on a
 * BroadcastChannel; a tab that hears another tab saved the workbook it shows takes the saved rows in. A tab that
 * deletes a workbook for good says so too, so a tab showing it tells its clerk before anything more is typed.
 */
import type { MergeConflict } from '../model/history';
import type { StoredStamp } from '../store/workbook-repository';

export interface TabSync {
  /**
   * `codes` null: rows were added or removed. `replaced`: cells where this save wrote over a value another tab
   * had saved meanwhile (a same-cell race), so the tab that saved that value can tell its clerk too. `stamp`: the
   * stored state the save left, by which a tab taking its rows in may know it holds all stored rows again.
   */
  announceSave(
    workbookId: string,
    codes: string[] | null,
    replaced?: MergeConflict[],
    stamp?: StoredStamp | null,
  ): void;
  /** The workbook was deleted for good (永久删除) here. */
  announceDeleted(workbookId: string): void;
  /** The workbook was moved to 已删除 here (删除): a tab showing it goes on saving into it, unseen in 工作簿. */
  announceTrashed(workbookId: string): void;
  dispose(): void;
}

const CHANNEL = 'lanxi-children-plan-workbook';

interface SaveMessage {
  tab: string;
  workbookId: string;
  codes: string[] | null;
  replaced?: MergeConflict[];
  stamp?: StoredStamp | null;
  /** Set when the workbook was deleted for good (then `codes` is null and means nothing). */
  deleted?: boolean;
  /** Set when the workbook was moved to 已删除 (then `codes` is null and means nothing). */
  trashed?: boolean;
}

export function makeTabSync(
  workbookId: string,
  onOtherTabSaved: (codes: string[] | null, replaced: MergeConflict[], stamp: StoredStamp | null) => void,
  onDeletedElsewhere: () => void = () => {},
  onTrashedElsewhere: () => void = () => {},
): TabSync {
  if (typeof BroadcastChannel === 'undefined')
    return {
      announceSave: () => {},
      announceDeleted: () => {},
      announceTrashed: () => {},
      dispose: () => {},
    };
  const channel = new BroadcastChannel(CHANNEL);
  // A random id per tab, so a tab ignores its own messages.
  const tab = Math.random().toString(36).slice(2);
  channel.onmessage = (event: MessageEvent<SaveMessage>) => {
    if (event.data?.tab === tab || event.data?.workbookId !== workbookId) return;
    if (event.data.deleted === true) {
      onDeletedElsewhere();
      return;
    }
    if (event.data.trashed === true) {
      onTrashedElsewhere();
      return;
    }
    const replaced = Array.isArray(event.data.replaced) ? event.data.replaced : [];
    onOtherTabSaved(
      Array.isArray(event.data.codes) ? event.data.codes : null,
      replaced,
      stampIn(event.data.stamp),
    );
  };
  return {
    announceSave: (id, codes, replaced = [], stamp = null) =>
      channel.postMessage({ tab, workbookId: id, codes, replaced, stamp } satisfies SaveMessage),
    announceDeleted: (id) =>
      channel.postMessage({ tab, workbookId: id, codes: null, deleted: true } satisfies SaveMessage),
    announceTrashed: (id) =>
      channel.postMessage({ tab, workbookId: id, codes: null, trashed: true } satisfies SaveMessage),
    dispose: () => channel.close(),
  };
}

/** A stamp as another tab sent it, or null if it is not one (a tab of an older build sends none). */
function stampIn(value: unknown): StoredStamp | null {
  if (!value || typeof value !== 'object') return null;
  const { revision, updatedAt } = value as Partial<StoredStamp>;
  if (typeof updatedAt !== 'string' || (revision !== undefined && typeof revision !== 'number')) return null;
  return { revision, updatedAt };
}
