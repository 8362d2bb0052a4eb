import { describe, expect, test } from 'vitest';
import { isPostVisible, sortNewestFirst } from '../../src/lib/visibility.ts';

describe('isPostVisible', () => {
  const now = new Date('2025-06-01T12:00:00Z');
  const prod = { now, includeUnpublished: false };

  test('shows a published post dated in the past', () => {
    expect(isPostVisible({ draft: false, pubDate: new Date('2025-05-01') }, prod)).toBe(true);
  });

  test('hides drafts and future posts in production', () => {
    expect(isPostVisible({ draft: true, pubDate: new Date('2025-05-01') }, prod)).toBe(false);
    expect(isPostVisible({ draft: false, pubDate: new Date('2025-06-01T12:00:01Z') }, prod)).toBe(false);
  });

  test('shows both in dev, for the editor to preview', () => {
    expect(isPostVisible({ draft: true, pubDate: new Date('2999-01-01') }, { now, includeUnpublished: true })).toBe(
      true,
    );
  });

  test('sortNewestFirst orders by date, then slug', () => {
    const sorted = sortNewestFirst([
      { slug: 'b', pubDate: new Date('2025-01-01') },
      { slug: 'c', pubDate: new Date('2025-03-01') },
      { slug: 'a', pubDate: new Date('2025-01-01') },
    ]);
    expect(sorted.map((p) => p.slug)).toEqual(['c', 'a', 'b']);
  });
});
