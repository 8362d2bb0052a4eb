/**
 * npm run import:pageviews -- <export.csv> [--thousands-separator .|,] [--page-column NAME] [--views-column NAME]
 * Turns an analytics export (a page column and a views column, under whatever names the tool uses)
 * into content/stats/pageviews.json, the snapshot that ranks popular posts. Old Blogger addresses
 * count for the posts they now redirect to (the posts' redirectFrom). A views column whose dots or
 * commas could be decimals is refused with the lines and the flag to pass (the rule is on
 * parsePageViewsCsv); nothing is written then, and the command exits with 1.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { readCommandLine } from '../src/lib/command-line.ts';
import { resolveContentDir } from '../src/lib/content-dir.ts';
import { parseFrontmatter } from '../src/lib/frontmatter.ts';
import { decodeExport, mapPageViewsToPosts, PageViewsError, parsePageViewsCsv } from '../src/lib/pageviews.ts';
import { getPostId } from '../src/lib/slugs.ts';
import { formatCount } from '../src/lib/text.ts';
import { getPostPath, normalizePath } from '../src/lib/urls.ts';

const USAGE = `Usage: npm run import:pageviews -- <export.csv> [--thousands-separator .|,] [--page-column NAME] [--views-column NAME]

Turns an analytics export (pages and their views) into content/stats/pageviews.json, which ranks
the popular posts. Old Blogger addresses count for the posts they moved to.

Options:
  --thousands-separator . or ,   how the views column groups thousands, when it cannot be told
  --page-column NAME             the page column's header, when the export names it otherwise
                                 (another language: "Seitenpfad und Bildschirmklasse")
  --views-column NAME            the views column's header, likewise ("Aufrufe", "Vues")
  -h, --help                     show this help`;
let file: string | undefined;
let thousandsSeparator: '.' | ',' | undefined;
const { values, positionals } = readCommandLine(
  {
    allowPositionals: true,
    options: {
      'thousands-separator': { type: 'string' },
      'page-column': { type: 'string' },
      'views-column': { type: 'string' },
    },
  },
  { usage: USAGE, name: 'npm run import:pageviews' },
);
try {
  file = positionals[0];
  const given = values['thousands-separator'];
  if (given !== undefined && given !== '.' && given !== ',') {
    throw new Error(`--thousands-separator takes "." or "," (spaces and apostrophes are always read), not "${given}"`);
  }
  thousandsSeparator = given;
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(1);
}
if (!file || !existsSync(file)) {
  console.error(`${file ? `${file} does not exist. ` : ''}${USAGE}`);
  process.exit(1);
}
const contentDir = resolveContentDir();
const postsDir = join(contentDir, 'posts');

// Every address of every post: its own, and the old ones it redirects from.
const postPathByAddress = new Map<string, string>();
for (const entry of readdirSync(postsDir, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.mdx?$/.test(entry.name)) continue;
  const path = join(entry.parentPath, entry.name);
  const data = (parseFrontmatter(readFileSync(path, 'utf8')).data ?? {}) as { redirectFrom?: unknown };
  const postPath = getPostPath(getPostId(relative(postsDir, path), data));
  postPathByAddress.set(postPath, postPath);
  for (const old of Array.isArray(data.redirectFrom) ? data.redirectFrom : []) {
    postPathByAddress.set(normalizePath(String(old)), postPath);
  }
}

let parsed;
try {
  parsed = parsePageViewsCsv(decodeExport(readFileSync(file)), {
    thousandsSeparator,
    fileName: basename(file),
    pageColumn: values['page-column'],
    viewsColumn: values['views-column'],
  });
} catch (error) {
  if (error instanceof PageViewsError) {
    console.error(
      `Cannot read the views in ${file} without guessing:\n${error.problems.map((p) => `- ${p}`).join('\n')}\nNothing was written.`,
    );
  } else {
    console.error(`Cannot read ${file}: ${(error as Error).message}. Nothing was written.`);
  }
  process.exit(1);
}
const { snapshot, unmatched } = mapPageViewsToPosts(parsed.rows, postPathByAddress);
const target = join(contentDir, 'stats', 'pageviews.json');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(snapshot, null, 2)}\n`);

const total = (rows: { views: number }[]) => rows.reduce((sum, row) => sum + row.views, 0);
console.log(
  [
    `Read ${formatCount(parsed.rows.length, 'row')} of ${file} (pages: "${parsed.pathHeader}", views: "${parsed.viewsHeader}"; ${parsed.numberFormat}): ${formatCount(total(parsed.rows), 'view')}.`,
    ...(parsed.nextTableLine
      ? [`Another table starts at line ${parsed.nextTableLine} ("${parsed.nextTableHeader}"); it was left out.`]
      : []),
    `Wrote ${relative(process.cwd(), target)}: ${formatCount(Object.keys(snapshot).length, 'post')}, ${formatCount(
      Object.values(snapshot).reduce((a, b) => a + b, 0),
      'view',
    )}.`,
    unmatched.length
      ? `${formatCount(unmatched.length, 'row')} (${formatCount(total(unmatched), 'view')}) ${unmatched.length === 1 ? 'is not a post and was' : 'are not posts and were'} left out, e.g. ${unmatched
          .slice(0, 3)
          .map((row) => row.path)
          .join(', ')}.`
      : 'Every row matched a post.',
  ].join('\n'),
);
