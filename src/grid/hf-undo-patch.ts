/**
 * HyperFormula 3.5 walks its whole undo history on every cell write: each write clears the redo stack, and
 * clearing collects the data referenced by every undo entry and by the open batch — also when the redo stack is
 * empty and nothing is discarded. Inside one batch that is quadratic: applying an import of 50,000 cells (one
 * batch, so that one undo takes it back) spent 20 s there. With an empty redo stack there is nothing to clean up,
 * so the walk is skipped; the result is the same. Undo and redo are untouched (tests/unit/grid/hf-undo-patch).
 */
import type { HyperFormula } from 'hyperformula';

interface UndoRedoInternals {
  redoStack: unknown[];
  clearRedoStack(): void;
}

/** Returns false (and changes nothing) when the engine's internals are not what this patch expects. */
export function skipEmptyRedoStackCleanup(engine: HyperFormula): boolean {
  const undoRedo = (engine as unknown as { _crudOperations?: { undoRedo?: Partial<UndoRedoInternals> } })
    ._crudOperations?.undoRedo;
  if (!undoRedo || typeof undoRedo.clearRedoStack !== 'function' || !Array.isArray(undoRedo.redoStack))
    return false;
  const internals = undoRedo as UndoRedoInternals;
  const clear = internals.clearRedoStack.bind(internals);
  internals.clearRedoStack = () => {
    if (internals.redoStack.length > 0) clear();
  };
  return true;
}
