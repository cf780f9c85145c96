import { describe, expect, it } from 'vitest';
import { makeRowCache } from '../../../src/grid/row-cache';

describe('row cache (results the renderers compute per row)', () => {
  it('computes a row once until that row changes; other rows keep theirs', () => {
    const cache = makeRowCache<string>();
    let computed = 0;
    const compute = (text: string) => () => ((computed += 1), text);
    expect(cache.get(3, compute('a'))).toBe('a');
    expect(cache.get(3, compute('b'))).toBe('a');
    expect(cache.get(4, compute('c'))).toBe('c');
    expect(computed).toBe(2);
    cache.forget([3]);
    expect(cache.get(3, compute('d'))).toBe('d');
    expect(cache.get(4, compute('e'))).toBe('c');
    cache.clear();
    expect(cache.get(4, compute('f'))).toBe('f');
    expect(computed).toBe(4);
  });
});
