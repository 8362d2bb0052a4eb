import { parse } from 'csv-parse/sync';
import { normalizePath } from './urls.ts';

/** Header names analytics tools use for the page column (GA4, Universal Analytics, Plausible, Matomo...). */
const PATH_HEADERS = [
  'page path and screen class',
  'page path',
  'pagepath',
  'page',
  'path',
  'pathname',
  'page url',
  'url',
  'landing page',
  'page location',
  'entry page',
  'label',
];
/** ...and for the views column, best first. */
const VIEW_HEADERS = [
  'views',
  'pageviews',
  'page views',
  'screenpageviews',
  'nb_hits',
  'hits',
  'visits',
  'visitors',
  'unique pageviews',
];

export interface PageViewRows {
  pathHeader: string;
  viewsHeader: string;
  rows: { path: string; views: number }[];
}

const normalizeHeader = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, ' ');

/**
 * Reads an analytics CSV export: finds the page and views columns by their usual names (skipping
 * comment and preamble lines), and reads "1,234" and "1 234" as numbers. Throws a plain message
 * when it cannot find both columns.
 */
export function parsePageViewsCsv(text: string): PageViewRows {
  const records = parse(text, {
    bom: true,
    comment: '#',
    relax_column_count: true,
    skip_empty_lines: true,
    trim: true,
  }) as string[][];
  for (let index = 0; index < records.length; index += 1) {
    const headers = records[index]!.map(normalizeHeader);
    const pathColumn = PATH_HEADERS.map((name) => headers.indexOf(name)).find((i) => i >= 0);
    const viewsColumn = VIEW_HEADERS.map((name) => headers.indexOf(name)).find((i) => i >= 0);
    if (pathColumn === undefined || viewsColumn === undefined) continue;
    const rows = records.slice(index + 1).flatMap((record) => {
      const path = record[pathColumn]?.trim();
      const views = Number((record[viewsColumn] ?? '').replace(/[,\s\u00a0]/g, ''));
      return path && Number.isFinite(views) && views >= 0 ? [{ path, views: Math.round(views) }] : [];
    });
    return { pathHeader: records[index]![pathColumn]!, viewsHeader: records[index]![viewsColumn]!, rows };
  }
  throw new Error(
    `no column of pages and views was found; the export needs a header row with a page column (${PATH_HEADERS.slice(0, 4).join(', ')}...) and a views column (${VIEW_HEADERS.slice(0, 3).join(', ')}...)`,
  );
}

/**
 * Totals views per post: a row counts for a post when its path is the post's address or one of its
 * old addresses (redirectFrom). Returns the snapshot (post path → views) and the rows that matched
 * no post.
 */
export function mapPageViewsToPosts(
  rows: readonly { path: string; views: number }[],
  postPathByAddress: ReadonlyMap<string, string>,
): { snapshot: Record<string, number>; unmatched: { path: string; views: number }[] } {
  const totals = new Map<string, number>();
  const unmatched: { path: string; views: number }[] = [];
  for (const row of rows) {
    const postPath = postPathByAddress.get(normalizePath(row.path));
    if (postPath) totals.set(postPath, (totals.get(postPath) ?? 0) + row.views);
    else unmatched.push(row);
  }
  const snapshot = Object.fromEntries([...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
  return { snapshot, unmatched };
}
