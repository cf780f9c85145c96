/**
 * Ctrl+Z (Ctrl+Y, Ctrl+Shift+Z) with nothing to undo (redo): Handsontable does nothing and says nothing. After a
 * reload (设置 saved, the page opened the next morning) the clerk pressed Ctrl+Z to take back a figure she had
 * typed before, saw no change and no word, and could not tell a refused key from a lost edit: she is told.
 */
import type Handsontable from 'handsontable/base';

/** Handsontable's own group of the undo keys (plugins/undoRedo: SHORTCUTS_GROUP). */
const UNDO_REDO_GROUP = 'undoRedo';

export function sayWhenNothingToUndo(hot: Handsontable, say: (kind: 'undo' | 'redo') => void): void {
  const undoRedo = hot.getPlugin('undoRedo');
  // Before Handsontable's own: once its undo has taken the last step, the stack is empty too.
  const when = (kind: 'undo' | 'redo') => () => {
    const available = kind === 'undo' ? undoRedo.isUndoAvailable() : undoRedo.isRedoAvailable();
    if (!available) say(kind);
  };
  hot
    .getShortcutManager()
    .getContext('grid')
    ?.addShortcuts(
      [
        { keys: [['Control/Meta', 'z']], callback: when('undo') },
        {
          keys: [
            ['Control/Meta', 'y'],
            ['Control/Meta', 'Shift', 'z'],
          ],
          callback: when('redo'),
        },
      ],
      {
        group: 'nothingToUndo',
        relativeToGroup: UNDO_REDO_GROUP,
        position: 'before',
        // As Handsontable's: the right Alt of some keyboards comes with Ctrl.
        runOnlyIf: (event?: KeyboardEvent) => !event?.altKey,
      },
    );
}
