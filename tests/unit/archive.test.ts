import { describe, expect, test } from 'vitest';
import { groupByYearAndMonth } from '../../src/lib/archive.ts';

describe('groupByYearAndMonth', () => {
  test('groups by the month in the site zone, not UTC', () => {
    const posts = [
      { pubDate: new Date('2025-05-31T23:30:00Z') }, // 1 June in London
      { pubDate: new Date('2025-05-10T12:00:00Z') },
      { pubDate: new Date('2024-12-01T12:00:00Z') },
    ];
    const years = groupByYearAndMonth(posts, 'Europe/London');
    expect(years.map((y) => [y.year, y.months.map((m) => [m.month, m.posts.length])])).toEqual([
      [
        2025,
        [
          [6, 1],
          [5, 1],
        ],
      ],
      [2024, [[12, 1]]],
    ]);
  });
});
