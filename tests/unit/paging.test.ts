import { describe, expect, it } from 'vitest';
import { pageParam, pageSlice } from '@/lib/paging';

describe('paging', () => {
  it('reads a page number, and anything else as page 1', () => {
    expect(pageParam('3')).toBe(3);
    expect(pageParam(['2', '5'])).toBe(2);
    for (const bad of [undefined, '', '0', '-1', '1.5', 'abc', '99999', '02']) expect(pageParam(bad)).toBe(1);
  });

  it('cuts the requested page and clamps it to the pages that exist', () => {
    const items = Array.from({ length: 23 }, (_, i) => i);
    expect(pageSlice(items, 10, 1)).toEqual({ page: 1, pages: 3, first: 0, items: items.slice(0, 10) });
    expect(pageSlice(items, 10, 3)).toEqual({ page: 3, pages: 3, first: 20, items: [20, 21, 22] });
    expect(pageSlice(items, 10, 9).page).toBe(3);
    expect(pageSlice([], 10, 4)).toEqual({ page: 1, pages: 1, first: 0, items: [] });
  });
});
