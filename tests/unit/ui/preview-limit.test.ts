import { describe, expect, it } from 'vitest';
import { limitList, nextLimit, PREVIEW_PAGE } from '../../../src/ui/preview-limit';

describe('preview list limit', () => {
  it('shows a short list whole', () => {
    const items = [1, 2, 3];
    expect(limitList(items, PREVIEW_PAGE)).toEqual({ shown: items, hidden: 0 });
  });

  it('shows the first page of a long list and says how many are left out', () => {
    const items = Array.from({ length: 50_000 }, (_, i) => i);
    const { shown, hidden } = limitList(items, PREVIEW_PAGE);
    expect(shown).toEqual(items.slice(0, PREVIEW_PAGE));
    expect(hidden).toBe(50_000 - PREVIEW_PAGE);
  });

  it('asks for more a few pages at a time, and for the rest when little is left', () => {
    expect(nextLimit(PREVIEW_PAGE, 50_000)).toBe(PREVIEW_PAGE * 6);
    expect(nextLimit(PREVIEW_PAGE, PREVIEW_PAGE * 6 + 10)).toBe(PREVIEW_PAGE * 6 + 10);
    expect(nextLimit(PREVIEW_PAGE, PREVIEW_PAGE + 1)).toBe(PREVIEW_PAGE + 1);
  });
});
