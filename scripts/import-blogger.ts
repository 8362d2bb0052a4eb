/**
 * npm run import:blogger -- <feed.atom | blog-backup.xml> [--images <folder>] [--dry-run]
 * Imports a Blogger export into content/: posts, pages, comments (threaded), labels as tags, authors.
 * Safe to run again: content/.imports/blogger.json remembers what it wrote, so an unchanged file is
 * left alone, and a file an editor has changed since is never overwritten (it is reported).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { BloggerImportError, parseBloggerExport } from '../src/lib/blogger/parse.ts';
import { planImport } from '../src/lib/blogger/plan.ts';
import { listFiles } from '../src/lib/files.ts';
import { parseFrontmatter } from '../src/lib/frontmatter.ts';
import { getPostId } from '../src/lib/slugs.ts';

const USAGE = 'Usage: npm run import:blogger -- <feed.atom or backup .xml> [--images <folder>] [--dry-run]';
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { images: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
});
const exportFile = positionals[0];
if (!exportFile) {
  console.error(USAGE);
  process.exit(1);
}
const contentDir = process.env.BLOG_CONTENT_DIR || join(process.cwd(), 'content');
const manifestFile = join(contentDir, '.imports', 'blogger.json');
const show = (file: string) => relative(process.cwd(), file);

interface Manifest {
  files: Record<string, { sha256: string; source: string }>;
}
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const manifest: Manifest = existsSync(manifestFile)
  ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest)
  : { files: {} };

/** Files of a content collection, as paths relative to the content folder. */
const listCollection = (collection: string, pattern: RegExp) =>
  listFiles(join(contentDir, collection), pattern).map((file) => `${collection}/${file}`);

// Everything is read, parsed and planned before anything is written.
if (!existsSync(exportFile)) {
  console.error(`Cannot import: ${exportFile} does not exist.\n${USAGE}`);
  process.exit(1);
}
let exported;
try {
  exported = parseBloggerExport(readFileSync(exportFile, 'utf8'));
} catch (error) {
  if (!(error instanceof BloggerImportError)) throw error;
  console.error(`Cannot import ${exportFile}: ${error.message}\nNothing was written.`);
  process.exit(1);
}

const notImported = (path: string) => !manifest.files[path];
const slugOf = (path: string, base: string) =>
  getPostId(relative(base, path), parseFrontmatter(readFileSync(join(contentDir, path), 'utf8')).data);
const imageIndex = new Map<string, string>();
if (values.images) {
  for (const file of readdirSync(values.images, { recursive: true, withFileTypes: true })) {
    if (file.isFile()) imageIndex.set(file.name, join(file.parentPath, file.name));
  }
}
const plan = planImport(exported, {
  takenPostSlugs: new Set(
    listCollection('posts', /\.mdx?$/)
      .filter(notImported)
      .map((p) => slugOf(p, 'posts')),
  ),
  takenPageSlugs: new Set(
    listCollection('pages', /\.mdx?$/)
      .filter(notImported)
      .map((p) => slugOf(p, 'pages')),
  ),
  existingAuthors: new Set(listCollection('authors', /\.ya?ml$/).map((p) => basename(p).replace(/\.ya?ml$/, ''))),
  findLocalImage: values.images
    ? (url) => imageIndex.get(decodeURIComponent(new URL(url, 'https://x.invalid').pathname.split('/').pop() ?? ''))
    : undefined,
});

const outcome = { created: [] as string[], updated: [] as string[], unchanged: 0, kept: [] as string[] };
function place(path: string, data: string | Buffer, source: string): void {
  const target = join(contentDir, path);
  const wanted = sha256(data);
  if (existsSync(target)) {
    const current = sha256(readFileSync(target));
    if (current === wanted) {
      outcome.unchanged += 1;
      manifest.files[path] = { sha256: wanted, source };
      return;
    }
    if (manifest.files[path]?.sha256 !== current) {
      outcome.kept.push(
        `${show(target)}: ${manifest.files[path] ? 'changed by an editor since the last import' : 'exists and was not written by the importer'}; left as it is`,
      );
      return;
    }
    outcome.updated.push(show(target));
  } else {
    outcome.created.push(show(target));
  }
  if (!values['dry-run']) {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, data);
  }
  manifest.files[path] = { sha256: wanted, source };
}
for (const file of plan.files) place(file.path, file.text, file.source);
for (const copy of plan.copies) place(copy.to, readFileSync(copy.from), copy.from);
if (!values['dry-run']) {
  mkdirSync(dirname(manifestFile), { recursive: true });
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
}

const { counts } = plan;
const lines = [
  `Blogger import of ${exportFile} (${exported.format === 'takeout' ? 'Google Takeout feed.atom' : 'Blogger "Back up content" file'})${values['dry-run'] ? ' — dry run, nothing written' : ''}`,
  `  posts:    ${counts.posts}${counts.drafts ? ` (${counts.drafts} as drafts)` : ''}`,
  `  pages:    ${counts.pages}`,
  `  comments: ${counts.comments}`,
  `  labels:   ${counts.labels} (as tags)`,
  `  authors:  ${counts.authors} new`,
  `  images:   ${plan.copies.length} copied in`,
  `  files:    ${outcome.created.length} created, ${outcome.updated.length} updated, ${outcome.unchanged} unchanged, ${outcome.kept.length} kept as edited`,
];
if (plan.skipped.length > 0) {
  lines.push(`  skipped:  ${plan.skipped.length}`, ...plan.skipped.map((s) => `    - ${s.id}: ${s.reason}`));
}
const warnings = [...outcome.kept, ...plan.warnings];
if (warnings.length > 0) lines.push(`  warnings: ${warnings.length}`, ...warnings.map((w) => `    - ${w}`));
if (outcome.created.length + outcome.updated.length === 0) {
  lines.push('Nothing changed: every file is already as this export would write it.');
}
console.log(lines.join('\n'));
