import { getCalendarParts } from './dates.ts';

export interface ArchiveMonth<T> {
  year: number;
  month: number;
  posts: T[];
}

export interface ArchiveYear<T> {
  year: number;
  months: ArchiveMonth<T>[];
}

/** Groups posts (already newest first) by year and month of publication in the site's time zone. */
export function groupByYearAndMonth<T extends { pubDate: Date }>(
  posts: readonly T[],
  timeZone: string,
): ArchiveYear<T>[] {
  const years: ArchiveYear<T>[] = [];
  for (const post of posts) {
    const { year, month } = getCalendarParts(post.pubDate, timeZone);
    let yearGroup = years.at(-1);
    if (yearGroup?.year !== year) {
      yearGroup = { year, months: [] };
      years.push(yearGroup);
    }
    let monthGroup = yearGroup.months.at(-1);
    if (monthGroup?.month !== month) {
      monthGroup = { year, month, posts: [] };
      yearGroup.months.push(monthGroup);
    }
    monthGroup.posts.push(post);
  }
  return years;
}
