import { describe, expect, test } from 'vitest';
import { getBloggerArchiveFiles, getContentRedirectLists, mergeRedirects } from '../../src/lib/redirects.ts';

describe('Blogger’s older archive pages (/YYYY_MM_DD_archive.html) a post was listed on', () => {
  test.each([
    // Wednesday 1 December 2021: its month and day are one page; its week began on Sunday 28 or Monday 29 November.
    [2021, 12, 1, ['/2021_12_01_archive.html'], ['/2021_11_28_archive.html', '/2021_11_29_archive.html']],
    // A Sunday: the Sunday week is its own day; the Monday week began six days before.
    [
      2024,
      9,
      15,
      ['/2024_09_01_archive.html', '/2024_09_15_archive.html'],
      ['/2024_09_15_archive.html', '/2024_09_09_archive.html'],
    ],
    // A Monday on 1 January: the Sunday week began in the year before.
    [2024, 1, 1, ['/2024_01_01_archive.html'], ['/2023_12_31_archive.html', '/2024_01_01_archive.html']],
    // 29 February of a leap year, a Thursday.
    [
      2024,
      2,
      29,
      ['/2024_02_01_archive.html', '/2024_02_29_archive.html'],
      ['/2024_02_25_archive.html', '/2024_02_26_archive.html'],
    ],
    // A year before 1000 keeps four digits.
    [999, 3, 2, ['/0999_03_01_archive.html', '/0999_03_02_archive.html'], expect.any(Array)],
  ])('%i-%i-%i', (year, month, day, exact, week) => {
    expect(getBloggerArchiveFiles(year, month, day)).toEqual({ exact, week });
  });
});

describe('every old address of the content, as the build writes it and the link check counts it', () => {
  const fromBlogger = {
    path: '/posts/shiatsu-at-home/',
    filePath: '/posts/2019-shiatsu-at-home/',
    redirectFrom: ['/2019/05/shiatsu-at-home.html'],
    tags: [
      { label: 'Shiatsu', slug: 'shiatsu' },
      { label: 'C++ & Ölmassage', slug: 'c-plus-plus-olmassage' },
    ],
    // "shiatsu " merged into Shiatsu; a label of a no-break space was no tag.
    oldLabels: { 'shiatsu ': 'Shiatsu', '\u00a0': '' },
    // 23:30 on 31 May in UTC is 1 June in Tokyo.
    pubDate: new Date('2019-05-31T23:30:00Z'),
    feedId: 'tag:blogger.com,1999:blog-123.post-456',
  };
  const ownPost = {
    path: '/posts/foot-soak/',
    redirectFrom: [],
    tags: [{ label: 'Shiatsu', slug: 'shiatsu' }],
    oldLabels: { '\u00a0': '' },
    pubDate: new Date('2024-02-29T12:00:00Z'),
  };
  const undated = { path: '/posts/no-date/', redirectFrom: ['/old-no-date.html'], tags: [], oldLabels: {} };
  const lists = getContentRedirectLists(
    [ownPost, fromBlogger, undated],
    [{ path: '/about/', redirectFrom: ['/p/about.html'] }],
    'Asia/Tokyo',
  );
  const merged = mergeRedirects(lists, new Set(['/posts/foot-soak/']));
  const to = (from: string) => merged.find((redirect) => redirect.from === from)?.to;

  test('a post’s and a page’s redirectFrom and a post’s file-name address lead to them', () => {
    expect(to('/2019/05/shiatsu-at-home.html')).toBe('/posts/shiatsu-at-home/');
    expect(to('/posts/2019-shiatsu-at-home/')).toBe('/posts/shiatsu-at-home/');
    expect(to('/p/about.html')).toBe('/about/');
    expect(to('/old-no-date.html')).toBe('/posts/no-date/');
  });

  test('label addresses: each tag as written, each merged old label, and a label that was no tag', () => {
    expect(to('/search/label/Shiatsu')).toBe('/tags/shiatsu/');
    expect(to('/search/label/C++ & Ölmassage')).toBe('/tags/c-plus-plus-olmassage/');
    expect(to('/search/label/shiatsu ')).toBe('/tags/shiatsu/');
    // Two posts had the no-break-space label: it leads to the list of tags, not to one of them.
    expect(to('/search/label/\u00a0')).toBe('/tags/');
    expect(to('/search/label/')).toBe('/tags/');
  });

  test('archive addresses come from each post’s date in the site’s time zone; Blogger’s older ones only for Blogger’s posts', () => {
    expect(to('/2019/06/')).toBe('/archive/#2019-06');
    expect(to('/2019/05/')).toBeUndefined();
    expect(to('/2019_06_01_archive.html')).toBe('/archive/#2019-06');
    expect(to('/2024/02/')).toBe('/archive/#2024-02');
    expect(merged.some((redirect) => redirect.from.startsWith('/2024_'))).toBe(false);
  });

  test('a real page is never redirected, and a post without a readable date has no archive address', () => {
    expect(to('/posts/foot-soak/')).toBeUndefined();
    expect(merged.filter((redirect) => redirect.to === '/posts/no-date/').map((redirect) => redirect.from)).toEqual([
      '/old-no-date.html',
    ]);
  });
});
