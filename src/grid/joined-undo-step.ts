/**
 * Several steps of the grid's undo stack taken as one (an import's cells and the targets of its 目标测算表: one 应用,
 * one 撤销). Plain functions over Handsontable's step objects, so that the order is tested without a grid.
 */
/** A step of Handsontable's undo stack: it calls back once done (a change of a validated cell, a microtask later). */
export interface UndoAction {
  actionType?: string;
  /** The steps joined into this one (see joinedAction). */
  parts?: readonly UndoAction[];
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
    if (!first) {
      done();
      return;
    }
    // The next step starts once this one has returned: a deleted row's undo calls back from inside the grid's render
    // it started (afterViewRender), and the next row's undo, started there, overflowed the stack. Not a microtask
    // later, though: Handsontable reads its redo stack right after the undo returns, and the joined step must be on
    // it by then (重做 stayed grey).
    let returned = false;
    let calledBack = false;
    first[kind](instance, () => {
      if (returned) run(rest, kind, instance, done);
      else calledBack = true;
    });
    returned = true;
    if (calledBack) run(rest, kind, instance, done);
  };
  return {
    actionType,
    parts,
    undo: (instance, done) => run([...parts].reverse(), 'undo', instance, done),
    redo: (instance, done) => run(parts, 'redo', instance, done),
  };
}

/** The grid's own steps a step of the stack is made of: a joined one's parts, or the step itself. */
export function stepsOf(action: UndoAction): readonly UndoAction[] {
  return action.parts ?? [action];
}
