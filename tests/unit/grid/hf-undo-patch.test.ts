import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { skipEmptyRedoStackCleanup } from '../../../src/grid/hf-undo-patch';

function engineWithSums(rows: number) {
  const engine = HyperFormula.buildFromArray(
    Array.from({ length: rows }, (_, r) => [r, r * 2, `=A${r + 1}+B${r + 1}`]),
    { licenseKey: 'gpl-v3' },
  );
  expect(skipEmptyRedoStackCleanup(engine)).toBe(true);
  return engine;
}

const at = (engine: HyperFormula, row: number, col: number) => engine.getCellValue({ sheet: 0, row, col });

describe('HyperFormula: skip the redo cleanup when there is nothing to redo', () => {
  it('a batch is undone and redone as one step, formulas recomputed', () => {
    const engine = engineWithSums(50);
    engine.batch(() => {
      for (let r = 0; r < 50; r += 1) engine.setCellContents({ sheet: 0, row: r, col: 0 }, [[100]]);
    });
    expect(at(engine, 49, 2)).toBe(100 + 98);
    engine.undo();
    expect(at(engine, 49, 2)).toBe(49 + 98);
    expect(at(engine, 0, 0)).toBe(0);
    engine.redo();
    expect(at(engine, 0, 2)).toBe(100);
    expect(at(engine, 49, 2)).toBe(198);
  });

  it('a new edit after an undo still drops the redo step', () => {
    const engine = engineWithSums(3);
    engine.setCellContents({ sheet: 0, row: 0, col: 0 }, [[5]]);
    engine.undo();
    expect(engine.isThereSomethingToRedo()).toBe(true);
    engine.setCellContents({ sheet: 0, row: 1, col: 0 }, [[7]]);
    expect(engine.isThereSomethingToRedo()).toBe(false);
    expect(at(engine, 1, 2)).toBe(7 + 2);
    engine.undo();
    expect(at(engine, 1, 2)).toBe(1 + 2);
    expect(at(engine, 0, 2)).toBe(0);
  });

  it('a formula overwritten in a batch comes back on undo', () => {
    const engine = engineWithSums(2);
    engine.batch(() => {
      engine.setCellContents({ sheet: 0, row: 0, col: 2 }, [[1]]);
      engine.setCellContents({ sheet: 0, row: 1, col: 2 }, [['=A2*10']]);
    });
    expect(at(engine, 1, 2)).toBe(10);
    engine.undo();
    expect(engine.getCellFormula({ sheet: 0, row: 0, col: 2 })).toBe('=A1+B1');
    expect(at(engine, 1, 2)).toBe(3);
  });

  it('a large batch of writes stays fast (it was quadratic)', () => {
    const engine = engineWithSums(20_000);
    const start = performance.now();
    engine.batch(() => {
      for (let r = 0; r < 20_000; r += 1) engine.setCellContents({ sheet: 0, row: r, col: 1 }, [[1]]);
    });
    expect(at(engine, 19_999, 2)).toBe(20_000);
    expect(performance.now() - start).toBeLessThan(5_000);
  });

  it('changes nothing on an object that is not an engine with the expected internals', () => {
    expect(skipEmptyRedoStackCleanup({} as HyperFormula)).toBe(false);
  });
});
