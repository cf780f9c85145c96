/**
 * Several steps of the grid's undo stack taken as one (an import's cells and the targets of its 目标测算表: one 应用,
 * one 撤销). Plain functions over Handsontable's step objects, so that the order is tested without a grid.
 */
/** A step of Handsontable's undo stack: it calls back once done (a change of a validated cell, a microtask later). */
export interface UndoAction {
  actionType?: string;
  undo(instance: unknown, done: () => void): void;
  redo(instance: unknown, done: () => void): void;
}

/**
 * Steps taken as one: undone from the last to the first, each once the one after it has called back (a row the
 * import added is removed only after the targets written into it are put back), and redone from the first.
 */
export function joinedAction(actionType: string, parts: readonly UndoAction[]): UndoAction {
  const run = (steps: readonly UndoAction[], kind: 'undo' | 'redo', instance: unknown, done: () => void) => {
    const [first, ...rest] = steps;
    if (!first) done();
    else first[kind](instance, () => run(rest, kind, instance, done));
  };
  return {
    actionType,
    undo: (instance, done) => run([...parts].reverse(), 'undo', instance, done),
    redo: (instance, done) => run(parts, 'redo', instance, done),
  };
}
