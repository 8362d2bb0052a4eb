/**
 * npm run new -- "Post title" [--review] [--slug my-slug]
 * Creates content/posts/<slug>/index.md as a draft dated today, never overwriting anything.
 * With a terminal it asks for what is missing; without one (CI) it needs the title.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { readCommandLine } from '../src/lib/command-line.ts';
import { resolveContentDir } from '../src/lib/content-dir.ts';
import { toIsoCalendarDate } from '../src/lib/dates.ts';
import { parseFrontmatter } from '../src/lib/frontmatter.ts';
import { renderNewPost, slugFromAnyTitle, type PostKind } from '../src/lib/new-post.ts';
import { getPostId, isSlug } from '../src/lib/slugs.ts';
import { getPostPath, toAbsoluteUrl } from '../src/lib/urls.ts';
import { SITE } from '../src/site.config.ts';

const USAGE = `Usage: npm run new -- "Post title" [--review] [--slug my-post-slug]

Creates content/posts/<slug>/index.md as a draft dated today, never overwriting a file. In a
terminal, it asks for what is missing.

Options:
  --review           a review (rating, visit date...) instead of an article
  --slug <slug>      the post's address, instead of one made from the title
  -h, --help         show this help`;
const contentDir = resolveContentDir();
const postsDir = join(contentDir, 'posts');

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** The file that already publishes at `slug`, if any: by file or folder name, or by a slug: field. */
function findPostWithSlug(slug: string): string | undefined {
  const files = readdirSync(postsDir, { recursive: true, withFileTypes: true }).filter(
    (entry) => entry.isFile() && /\.mdx?$/i.test(entry.name),
  );
  for (const entry of files) {
    const file = join(entry.parentPath, entry.name);
    const { data } = parseFrontmatter(readFileSync(file, 'utf8'));
    if (getPostId(relative(postsDir, file), data) === slug) return relative(process.cwd(), file);
  }
  return undefined;
}

const { values, positionals } = readCommandLine(
  {
    allowPositionals: true,
    options: {
      review: { type: 'boolean', default: false },
      slug: { type: 'string' },
    },
  },
  { usage: USAGE, name: 'npm run new' },
);

const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
const prompt = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
let title = positionals.join(' ').trim();
let kind: PostKind = values.review ? 'review' : 'article';
let description: string | undefined;
let tags: string[] = [];
let asked = false;
if (prompt) {
  // Ctrl-D or Ctrl-C at a question cancels, with nothing written.
  prompt.on('close', () => {
    if (!asked) fail('\nCancelled; nothing was written.');
  });
  if (!title) title = (await prompt.question('Title of the new post: ')).trim();
  if (!values.review) {
    const answer = await prompt.question('Is it a review of a therapist or business? (y/N) ');
    if (/^y/i.test(answer.trim())) kind = 'review';
  }
  description = (await prompt.question('One-sentence description (Enter to fill in later): ')).trim();
  tags = (await prompt.question('Tags, separated by commas (Enter for none): '))
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
  asked = true;
  prompt.close();
}
if (!title) fail(`A new post needs a title.\n${USAGE}`);

const slug = values.slug ?? slugFromAnyTitle(title);
if (!slug) {
  fail(`"${title}" has no letter or digit to make an address from; give one: --slug my-first-post`);
}
if (!isSlug(slug)) {
  fail(
    `"${slug}" cannot be a slug: use lowercase letters (of any script), digits and single hyphens, e.g. --slug my-first-post or --slug 按摩入门`,
  );
}
const taken = findPostWithSlug(slug);
if (taken) fail(`The slug "${slug}" is taken by ${taken}. Choose another title, or pass --slug another-slug.`);

const folder = join(postsDir, slug);
const file = join(folder, 'index.md');
mkdirSync(folder, { recursive: true });
try {
  // "wx" refuses to write over a file that exists, even one created a moment ago.
  writeFileSync(
    file,
    renderNewPost({
      title,
      kind,
      today: toIsoCalendarDate(new Date(), SITE.timeZone),
      author: SITE.defaultAuthor,
      description,
      tags,
    }),
    { flag: 'wx' },
  );
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === 'EEXIST')
    fail(`${relative(process.cwd(), file)} already exists; nothing was written.`);
  throw error;
}

console.log(`Created ${relative(process.cwd(), file)} (a draft ${kind}).`);
// As a reader sees it in the address bar (按摩入门, not %E6%8C%89...).
console.log(`Its address once published: ${decodeURI(toAbsoluteUrl(getPostPath(slug), SITE.url))}`);
console.log(`Preview it now with npm run dev, at http://localhost:4321${getPostPath(slug)}`);
console.log(
  'To publish it, set draft: false, replace every TODO and write the text (a review also needs its rating and visit date).',
);
