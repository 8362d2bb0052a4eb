/**
 * npm run import:pageviews -- <export.csv>
 * Turns an analytics export (a page column and a views column, under whatever names the tool uses)
 * into content/stats/pageviews.json, the snapshot that ranks popular posts. Old Blogger addresses
 * count for the posts they now redirect to (the posts' redirectFrom).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseFrontmatter } from '../src/lib/frontmatter.ts';
import { mapPageViewsToPosts, parsePageViewsCsv } from '../src/lib/pageviews.ts';
import { getPostId } from '../src/lib/slugs.ts';
import { getPostPath, normalizePath } from '../src/lib/urls.ts';

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.error(`${file ? `${file} does not exist. ` : ''}Usage: npm run import:pageviews -- <export.csv>`);
  process.exit(1);
}
const contentDir = process.env.BLOG_CONTENT_DIR || join(process.cwd(), 'content');
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
  parsed = parsePageViewsCsv(readFileSync(file, 'utf8'));
} catch (error) {
  console.error(`Cannot read ${file}: ${(error as Error).message}. Nothing was written.`);
  process.exit(1);
}
const { snapshot, unmatched } = mapPageViewsToPosts(parsed.rows, postPathByAddress);
const target = join(contentDir, 'stats', 'pageviews.json');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, `${JSON.stringify(snapshot, null, 2)}\n`);

const total = (rows: { views: number }[]) => rows.reduce((sum, row) => sum + row.views, 0);
console.log(
  [
    `Read ${parsed.rows.length} rows of ${file} (pages: "${parsed.pathHeader}", views: "${parsed.viewsHeader}").`,
    `Wrote ${relative(process.cwd(), target)}: ${Object.keys(snapshot).length} posts, ${Object.values(snapshot).reduce((a, b) => a + b, 0)} views.`,
    unmatched.length
      ? `${unmatched.length} rows (${total(unmatched)} views) are not posts and were left out, e.g. ${unmatched
          .slice(0, 3)
          .map((row) => row.path)
          .join(', ')}.`
      : 'Every row matched a post.',
  ].join('\n'),
);
