import { describe, expect, test } from 'vitest';
import { getBloggerArchiveFiles } from '../../src/lib/redirects.ts';

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
