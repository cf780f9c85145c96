import { describe, expect, it } from 'vitest';
import {
  afterFirstFrame,
  countText,
  FIRST_FRAME_ITEMS,
  limitList,
  nextLimit,
  PREVIEW_PAGE,
} from '../../../src/ui/preview-limit';

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

describe('the import preview’s first frame', () => {
  it('draws the top of a long list first, then the whole first page', () => {
    const items = Array.from({ length: 50_000 }, (_, i) => i);
    expect(FIRST_FRAME_ITEMS).toBeLessThan(PREVIEW_PAGE);
    expect(limitList(items, FIRST_FRAME_ITEMS).shown).toEqual(items.slice(0, FIRST_FRAME_ITEMS));
    const page = afterFirstFrame(FIRST_FRAME_ITEMS);
    expect(limitList(items, page)).toEqual(limitList(items, PREVIEW_PAGE));
  });

  it('keeps what the clerk asked for before the rest of the page came', () => {
    const asked = nextLimit(FIRST_FRAME_ITEMS, 50_000);
    expect(asked).toBeGreaterThan(PREVIEW_PAGE);
    expect(afterFirstFrame(asked)).toBe(asked);
  });
});

describe('the count of what is left out', () => {
  it('is written as zh-CN writes it', () => {
    for (const n of [0, 7, 999, 1000, 49_800, 123_456, 1_000_000, 12_345_678_901, 1.5, -1200])
      expect(countText(n)).toBe(n.toLocaleString('zh-CN'));
    expect(countText(49_800)).toBe('49,800');
  });
});
