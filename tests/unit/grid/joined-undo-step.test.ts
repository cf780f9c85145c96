import { describe, expect, it } from 'vitest';
import { joinedAction, type UndoAction } from '../../../src/grid/joined-undo-step';

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
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toEqual(['撤销目标', '撤销数值', '完']);
    expect(undone).toBe(1);
    log.length = 0;
    joined.redo(null, () => log.push('完'));
    await Promise.resolve();
    await Promise.resolve();
    expect(log).toEqual(['重做数值', '重做目标', '完']);
  });
});
