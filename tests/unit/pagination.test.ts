import { describe, expect, test } from 'vitest';
import { paginateItems } from '../../src/lib/pagination.ts';

describe('paginateItems', () => {
  test('splits into pages and reports the last page', () => {
    const pages = paginateItems([1, 2, 3, 4, 5], 2);
    expect(pages.map((p) => p.items)).toEqual([[1, 2], [3, 4], [5]]);
    expect(pages.every((p) => p.lastPage === 3)).toBe(true);
  });

  test('always has one page, even with nothing to show', () => {
    expect(paginateItems([], 10)).toEqual([{ items: [], currentPage: 1, lastPage: 1 }]);
  });
});
