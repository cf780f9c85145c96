import { describe, expect, it } from 'vitest';
import { joinedAction, type UndoAction } from '../../../src/grid/joined-undo-step';

/** Every microtask queued so far, and those they queue, run. */
const settled = () => new Promise((done) => setTimeout(done, 0));

/** A step that notes what it did, and calls back a microtask later when `late` (as a change of 目标 does). */
function step(name: string, log: string[], late = false): UndoAction {
  const finish = (what: string, done: () => void) => {
    const end = () => {
      log.push(what);
      done();
    };
    if (late) queueMicrotask(end);
    else end();
  };
  return {
    actionType: name,
    undo: (_grid, done) => finish(`撤销${name}`, done),
    redo: (_grid, done) => finish(`重做${name}`, done),
  };
}

describe('steps joined into one', () => {
  it('undoes the last first, each after the one after it is done, and redoes from the first; calls back once', async () => {
    const log: string[] = [];
    const joined = joinedAction('import', [step('数值', log), step('目标', log, true)]);
    expect(joined.actionType).toBe('import');
    let undone = 0;
    joined.undo(null, () => {
      undone += 1;
      log.push('完');
    });
    // The targets call back a microtask later: the figures (and rows the import added) wait for them.
    expect(log).toEqual([]);
    await settled();
    expect(log).toEqual(['撤销目标', '撤销数值', '完']);
    expect(undone).toBe(1);
    log.length = 0;
    joined.redo(null, () => log.push('完'));
    await settled();
    expect(log).toEqual(['重做数值', '重做目标', '完']);
  });

  it('starts the next step only once the one before has returned, not inside its call back', async () => {
    // A deleted row's undo calls back from inside the grid's render it started (afterViewRender): the next row's
    // undo, started there, rendered inside that render and called back again — the stack overflowed.
    const log: string[] = [];
    const callsBackInside = (name: string): UndoAction => ({
      actionType: 'remove_row',
      undo: (_grid, done) => {
        log.push(`${name} 开始`);
        done();
        log.push(`${name} 结束`);
      },
      redo: (_grid, done) => done(),
    });
    const joined = joinedAction('remove_row', [callsBackInside('行1'), callsBackInside('行2')]);
    joined.undo(null, () => log.push('完'));
    await settled();
    expect(log).toEqual(['行2 开始', '行2 结束', '行1 开始', '行1 结束', '完']);
  });
});
