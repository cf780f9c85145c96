import { describe, expect, it } from 'vitest';
import { makeInvalidCellCounter } from '../../../src/grid/invalid-cells';

/** A grid of rows, each with its number of invalid cells, and a count of how many rows were read. */
function fakeGrid(counts: number[]) {
  const reads: number[] = [];
  return {
    counts,
    reads,
    countRow: (row: number) => {
      reads.push(row);
      return counts[row] ?? 0;
    },
  };
}

describe('invalid cell counter', () => {
  it('counts every row the first time', () => {
    const grid = fakeGrid([0, 2, 1]);
    const counter = makeInvalidCellCounter();
    expect(counter.total(3, grid.countRow)).toBe(3);
    expect(grid.reads).toEqual([0, 1, 2]);
  });

  it('after an edit recounts only the rows marked', () => {
    const grid = fakeGrid([0, 2, 1, 0]);
    const counter = makeInvalidCellCounter();
    counter.total(4, grid.countRow);
    grid.reads.length = 0;
    grid.counts[1] = 0;
    grid.counts[3] = 4;
    counter.markRows([1, 3]);
    expect(counter.total(4, grid.countRow)).toBe(5);
    expect(grid.reads.sort()).toEqual([1, 3]);
    grid.reads.length = 0;
    expect(counter.total(4, grid.countRow)).toBe(5);
    expect(grid.reads).toEqual([]);
  });

  it('after most rows changed at once (an import) counts them all again, to the right total', () => {
    const grid = fakeGrid([1, 0, 2, 0]);
    const counter = makeInvalidCellCounter();
    counter.total(4, grid.countRow);
    grid.counts.splice(0, 4, 0, 3, 2, 1);
    counter.markRows([0, 1, 3]);
    grid.reads.length = 0;
    expect(counter.total(4, grid.countRow)).toBe(6);
    expect(grid.reads).toEqual([0, 1, 2, 3]);
    counter.markRows([2]);
    grid.counts[2] = 0;
    expect(counter.total(4, grid.countRow)).toBe(4);
  });

  it('counts everything again after a reset or when the number of rows changed', () => {
    const grid = fakeGrid([1, 1]);
    const counter = makeInvalidCellCounter();
    counter.total(2, grid.countRow);
    grid.counts.push(3);
    expect(counter.total(3, grid.countRow)).toBe(5);
    grid.counts.splice(0, 1);
    counter.reset();
    grid.reads.length = 0;
    expect(counter.total(2, grid.countRow)).toBe(4);
    expect(grid.reads).toEqual([0, 1]);
  });

  it('ignores marks before the first count and rows out of range', () => {
    const grid = fakeGrid([2]);
    const counter = makeInvalidCellCounter();
    counter.markRows([0, 7]);
    expect(counter.total(1, grid.countRow)).toBe(2);
    counter.markRows([7, -1]);
    expect(counter.total(1, grid.countRow)).toBe(2);
  });
});
