/**
 * npm run import:blogger -- <feed.atom | blog-backup.xml> [--no-download] [--images <folder>]
 *   [--time-zone <IANA zone>] [--language <BCP 47 tag>] [--dry-run] [--max-image-mb 25] [--image-timeout 30]
 * Imports a Blogger export into content/: posts, pages, comments (threaded), labels as tags, authors,
 * and the blog's title, description, language and time zone into src/site.config.ts while it still
 * has the values it shipped with (otherwise the difference is printed). --time-zone and --language
 * give the blog's when the export has no settings entries (a Takeout feed.atom has none); without
 * --language, the language is read from the posts' text (or the site's assumed), and the report says so.
 * The posts' images are downloaded next to each post (--no-download keeps them on Blogger's hosts;
 * the built site's CSP then allows those hosts). Downloads honour HTTP_PROXY, HTTPS_PROXY, NO_PROXY
 * (docs/blogger-import.md, "Behind a proxy").
 * Safe to run again: content/.imports/blogger.json remembers what it wrote, so an unchanged file is
 * left alone, an image already downloaded is not fetched again, and a file an editor has changed
 * since is never overwritten (it is reported). The to-do list (images to describe, images left
 * remote) is written to content/.imports/blogger-report.md.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative } from 'node:path';
import { readCommandLine } from '../src/lib/command-line.ts';
import { resolveContentDir } from '../src/lib/content-dir.ts';
import { SingleBar } from 'cli-progress';
import sharp from 'sharp';
import { z } from 'astro/zod';
import {
  BloggerImportError,
  parseBloggerExport,
  toLanguageTag,
  toTimeZone,
  type BloggerSettings,
} from '../src/lib/blogger/parse.ts';
import { chooseBlogLanguage } from '../src/lib/blogger/language.ts';
import { planImport } from '../src/lib/blogger/plan.ts';
import { compareSettings, writeSettings } from '../src/lib/blogger/settings.ts';
import { DEFAULT_DOWNLOAD_OPTIONS, downloadImages, type ImageOutcome } from '../src/io/image-downloads.ts';
import { findImages } from '../src/lib/blogger/html-to-markdown.ts';
import { folderImageNames, largestImageUrl } from '../src/lib/blogger/image-urls.ts';
import { renderImportReport } from '../src/lib/blogger/report.ts';
import { type LocalImageLookup } from '../src/lib/blogger/plan.ts';
import { listFiles } from '../src/io/files.ts';
import { addFrontmatterField, parseFrontmatter } from '../src/lib/frontmatter.ts';
import { createPostSchema, pageSchema } from '../src/lib/schemas.ts';
import { getPostId, normalizeTagLabel, slugifyTag } from '../src/lib/slugs.ts';
import { defineSiteConfig, SITE } from '../src/site.config.ts';

const USAGE = `Usage: npm run import:blogger -- <feed.atom or backup .xml> [options]

Imports a Blogger export (Google Takeout feed.atom, or Settings > Back up content) into content/.
Running it again changes nothing that is already as the export would write it.

Options:
  --no-download          keep every image at its old address instead of downloading it
  --images <folder>      take the images from your own copies in <folder> (by file name;
                         different files of one name are not guessed between)
  --time-zone <zone>     the blog's time zone when the export has none, e.g. America/Los_Angeles
  --language <tag>       the blog's language, e.g. pt-BR (else the export's setting, else the posts' text)
  --dry-run              say what would change, and write nothing
  --max-image-mb <n>     skip images larger than n megabytes (default 25)
  --image-timeout <s>    give up on an image after s seconds (default 30)
  -h, --help             show this help

Downloads go through HTTP_PROXY / HTTPS_PROXY when set (NO_PROXY lists hosts to reach directly).
Details: docs/blogger-import.md`;
const { values, positionals } = readCommandLine(
  {
    allowPositionals: true,
    options: {
      images: { type: 'string' },
      'time-zone': { type: 'string' },
      language: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      'no-download': { type: 'boolean', default: false },
      'max-image-mb': { type: 'string', default: String(DEFAULT_DOWNLOAD_OPTIONS.maxBytes / 1024 / 1024) },
      'image-timeout': { type: 'string', default: String(DEFAULT_DOWNLOAD_OPTIONS.timeoutMs / 1000) },
    },
  },
  { usage: USAGE, name: 'npm run import:blogger' },
);
const maxImageMb = Number(values['max-image-mb']);
const imageTimeout = Number(values['image-timeout']);
if (!(maxImageMb > 0) || !(imageTimeout > 0)) {
  console.error(`--max-image-mb and --image-timeout take a positive number (megabytes, seconds).\n${USAGE}`);
  process.exit(1);
}
const exportFile = positionals[0];
if (!exportFile) {
  console.error(USAGE);
  process.exit(1);
}
const contentDir = resolveContentDir();
const manifestFile = join(contentDir, '.imports', 'blogger.json');
const show = (file: string) => relative(process.cwd(), file);

interface Manifest {
  files: Record<string, { sha256: string; source: string }>;
  /** Downloaded images by their old address: the file they became, relative to the content folder. */
  images?: Record<string, string>;
  /**
   * The day each entry the export gives no date at all was first imported, by entry id, so a
   * second run on another day writes the same draft again (see ParseOptions.undatedDays).
   */
  undated?: Record<string, string>;
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
  exported = parseBloggerExport(readFileSync(exportFile, 'utf8'), {
    undatedDays: new Map(Object.entries(manifest.undated ?? {})),
  });
} catch (error) {
  if (!(error instanceof BloggerImportError)) throw error;
  console.error(`Cannot import ${exportFile}: ${error.message}\nNothing was written.`);
  process.exit(1);
}

// The blog's settings: the export's settings entries, or the flags when the export has none.
const blogSettings: BloggerSettings = { ...exported.settings };
if (values['time-zone'] !== undefined) {
  blogSettings.timeZone = toTimeZone(values['time-zone']);
  if (!blogSettings.timeZone) {
    console.error(
      `Cannot import: --time-zone "${values['time-zone']}" is not a time zone; use an IANA name such as America/Los_Angeles.\nNothing was written.`,
    );
    process.exit(1);
  }
}
if (values.language !== undefined) {
  blogSettings.language = toLanguageTag(values.language);
  if (!blogSettings.language) {
    console.error(
      `Cannot import: --language "${values.language}" is not a language tag; use one such as pt-BR.\nNothing was written.`,
    );
    process.exit(1);
  }
}
// Neither the flag nor the export said the language (Takeout never does): the posts' text says it,
// or the site's is assumed; either way the owner is told.
const languageChoice = chooseBlogLanguage(
  blogSettings.language,
  exported.items.filter((item) => !item.draft),
  SITE.language,
);
blogSettings.language = languageChoice.language;
const siteConfigFile = join(process.cwd(), 'src', 'site.config.ts');
const settingChanges = compareSettings(blogSettings, SITE);
// A value the site's settings would refuse (a language tag its rule does not take) is only shown.
for (const change of settingChanges) {
  if (!change.write) continue;
  try {
    defineSiteConfig({ ...SITE, [change.key]: change.to });
  } catch {
    change.write = false;
  }
}
const written = new Map(settingChanges.filter((c) => c.write).map((c) => [c.key, c.to]));
const siteAfter = {
  language: written.get('language') ?? SITE.language,
  timeZone: written.get('timeZone') ?? SITE.timeZone,
};

/** Whether the site's schema takes a `lang` field: a sample entry passes with and without it. */
function acceptsLang(schema: z.ZodType, sample: Record<string, unknown>): boolean {
  return schema.safeParse(sample).success && schema.safeParse({ ...sample, lang: 'pt-BR' }).success;
}

const slugOf = (path: string, base: string) =>
  getPostId(relative(base, path), parseFrontmatter(readFileSync(join(contentDir, path), 'utf8')).data);
/**
 * Tags of the posts this export's import did not write, by address: imported labels take their
 * spelling. Posts an import of another blog wrote count too (two blogs imported into one site).
 */
const existingTags = new Map<string, string>();
const thisExport = new Set(exported.items.map((item) => item.id));
const notFromThisExport = (path: string) => !thisExport.has(manifest.files[path]?.source ?? '');
for (const path of listCollection('posts', /\.mdx?$/).filter(notFromThisExport)) {
  const { tags } = (parseFrontmatter(readFileSync(join(contentDir, path), 'utf8')).data ?? {}) as { tags?: unknown };
  for (const tag of Array.isArray(tags) ? tags : []) {
    const slug = typeof tag === 'string' ? slugifyTag(tag) : '';
    if (slug && !existingTags.has(slug)) existingTags.set(slug, normalizeTagLabel(tag as string));
  }
}
// The owner's own copies (--images), by file name, case-blind: a camera names many photos IMG_0001.jpg.
const imageIndex = new Map<string, string[]>();
if (values.images) {
  for (const file of readdirSync(values.images, { recursive: true, withFileTypes: true })) {
    if (!file.isFile()) continue;
    const key = file.name.toLowerCase();
    imageIndex.set(key, [...(imageIndex.get(key) ?? []), join(file.parentPath, file.name)]);
  }
}
/** Names that more than one different file in the folder has, with those files, for the report. */
const ambiguousNames = new Map<string, string[]>();
const typeOfFile = (file: string) => extname(file).slice(1).toLowerCase().replace('jpeg', 'jpg');
const folderHashes = new Map<string, string>();
const hashOf = (path: string) =>
  folderHashes.get(path) ?? folderHashes.set(path, sha256(readFileSync(path))).get(path)!;
/**
 * The owner's copy of an image, found by its name (folderImageNames), the same case first. Files of
 * the same name with the same bytes are one photo; different photos of that name are not guessed
 * between: the image is downloaded from its address instead, and the report says why.
 */
const fromFolder = (url: string): string | undefined => {
  for (const name of folderImageNames(url)) {
    const named = imageIndex.get(name.toLowerCase()) ?? [];
    const sameCase = named.filter((path) => basename(path) === name);
    const candidates = sameCase.length > 0 ? sameCase : named;
    if (candidates.length === 0) continue;
    if (new Set(candidates.map(hashOf)).size === 1) return candidates[0];
    ambiguousNames.set(name, candidates);
    return undefined;
  }
  return undefined;
};

// Images: each post's (full-size) images are downloaded into a staging folder first, one file per
// address, so an interrupted run keeps what it fetched; the plan then copies them next to the posts.
const stagingDir = join(contentDir, '.imports', 'blogger-downloads');
const stagedFile = (url: string) => {
  const prefix = sha256(url).slice(0, 24);
  const found = existsSync(stagingDir)
    ? readdirSync(stagingDir).find((name) => name.startsWith(`${prefix}.`))
    : undefined;
  return found ? join(stagingDir, found) : undefined;
};
/** A copy placed by an earlier run that is still as it was written. */
const placedFile = (url: string) => {
  const path = manifest.images?.[url];
  const target = path ? join(contentDir, path) : undefined;
  if (!path || !target || !existsSync(target)) return undefined;
  return manifest.files[path]?.sha256 === sha256(readFileSync(target)) ? target : undefined;
};
const toDownload = new Set<string>();
for (const item of exported.items) {
  for (const image of findImages(item.html)) {
    const url = image.source;
    if (/^https?:\/\//i.test(url) && !fromFolder(url)) toDownload.add(largestImageUrl(url));
  }
}
let outcomes = new Map<string, ImageOutcome>();
if (!values['no-download'] && toDownload.size > 0) {
  // A bar on a terminal; nothing in a log or a test.
  const bar = process.stderr.isTTY
    ? new SingleBar({ format: 'Images {bar} {value}/{total}', stream: process.stderr, hideCursor: true })
    : undefined;
  bar?.start(toDownload.size, 0);
  mkdirSync(stagingDir, { recursive: true });
  outcomes = await downloadImages(toDownload, {
    ...DEFAULT_DOWNLOAD_OPTIONS,
    maxBytes: maxImageMb * 1024 * 1024,
    timeoutMs: imageTimeout * 1000,
    alreadyHave: (url) => Boolean(placedFile(url) ?? stagedFile(url)),
    onDownloaded: (url, image) =>
      writeFileSync(join(stagingDir, `${sha256(url).slice(0, 24)}.${image.type}`), image.bytes),
    onProgress: (done) => bar?.update(done),
  });
  bar?.stop();
}
const localFile = (image: { source: string }) => {
  // Downloads are named by the largest size's address: the same photo at two sizes is one file.
  const url = largestImageUrl(image.source);
  return fromFolder(image.source) ?? placedFile(url) ?? stagedFile(url);
};
// Each local file's size in pixels (read by sharp, which the site's image step uses too), so an
// image the old post showed smaller keeps that width.
const sizes = new Map<string, { width: number; height: number }>();
for (const item of exported.items) {
  for (const image of findImages(item.html)) {
    const file = localFile(image);
    if (!file || sizes.has(file)) continue;
    try {
      const { width, height, autoOrient } = await sharp(file).metadata();
      const shown = autoOrient ?? { width, height };
      if (shown.width && shown.height) sizes.set(file, { width: shown.width, height: shown.height });
    } catch {
      // A file sharp cannot read keeps no size; the build reports it like any broken image.
    }
  }
}
const localImage: LocalImageLookup = (image) => {
  const local = localFile(image);
  return local ? { from: local, type: typeOfFile(local), ...sizes.get(local) } : undefined;
};

const langFields = {
  posts: acceptsLang(createPostSchema({ image: z.string(), author: z.string(), timeZone: 'UTC' }), {
    title: 'T',
    description: 'D',
    pubDate: '2020-01-01',
    author: 'a',
    kind: 'article',
  }),
  pages: acceptsLang(pageSchema('UTC'), { title: 'T', description: 'D' }),
};

const plan = planImport(exported, {
  takenPostSlugs: new Set(
    listCollection('posts', /\.mdx?$/)
      .filter(notFromThisExport)
      .map((p) => slugOf(p, 'posts')),
  ),
  takenPageSlugs: new Set(
    listCollection('pages', /\.mdx?$/)
      .filter(notFromThisExport)
      .map((p) => slugOf(p, 'pages')),
  ),
  existingAuthors: new Set(listCollection('authors', /\.ya?ml$/).map((p) => basename(p).replace(/\.ya?ml$/, ''))),
  localImage,
  existingTags,
  site: siteAfter,
  blogLanguage: blogSettings.language,
  blogTimeZone: blogSettings.timeZone,
  langField: langFields,
});

if (languageChoice.note) plan.warnings.unshift(languageChoice.note);
for (const [name, paths] of ambiguousNames) {
  plan.warnings.push(
    `${paths.length} different files in ${values.images} are named "${name}" (${paths
      .map((path) => relative(values.images!, path))
      .sort()
      .join(
        ', ',
      )}), and a name alone cannot tell which one the post showed: the image was ${values['no-download'] ? 'left at its address on Blogger' : 'taken from its address instead'}; to use your copy, keep only that file of the name in the folder and import again`,
  );
}
// A video whose picture failed to download still plays (its player shows a plain box); worth a
// note, since running the import again may fetch it. Not with --no-download, which asked for none.
for (const poster of plan.postersMissing) {
  const outcome = outcomes.get(poster.source);
  if (outcome?.ok !== false) continue;
  plan.notes.push(
    `${poster.entry}: a video's picture (${poster.source}) could not be downloaded (${outcome.reason}), so its player shows the video's title on a plain box; run the import again to try again`,
  );
}

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
for (const item of exported.items) {
  if (item.datedByImport) (manifest.undated ??= {})[item.id] = item.published;
}
for (const copy of plan.copies) {
  place(copy.to, readFileSync(copy.from), copy.url);
  if (copy.url.includes('://')) (manifest.images ??= {})[copy.url] = copy.to;
}
const reportFile = join(contentDir, '.imports', 'blogger-report.md');
const remoteReason = (source: string): string => {
  if (values['no-download']) return 'not downloaded (--no-download)';
  const outcome = outcomes.get(largestImageUrl(source));
  if (outcome && outcome.ok === false) return outcome.reason;
  return /^https?:|^\/\//i.test(source) ? 'not downloaded' : 'not a web address';
};
const report = renderImportReport(plan, remoteReason);
// The site settings the blog had, where the site still has the values it shipped with.
const settingLines: string[] = [];
if (settingChanges.some((c) => c.write)) {
  const before = readFileSync(siteConfigFile, 'utf8');
  let after = writeSettings(
    before,
    settingChanges.filter((c) => c.write),
  );
  try {
    // Formatted as the project formats it, so `npm run check` stays clean; not without its config.
    const prettier = await import('prettier');
    const config = await prettier.resolveConfig(siteConfigFile);
    if (config) after = await prettier.format(after, { ...config, filepath: siteConfigFile });
  } catch {
    // Without Prettier the file is still valid TypeScript, only perhaps wrapped differently.
  }
  if (!values['dry-run']) writeFileSync(siteConfigFile, after);
  outcome.updated.push(show(siteConfigFile));
}
// The site's language became the blog's: the posts and pages already here that name no language
// (the site's own, another blog's import) were written in the old one, and say so from now on.
const keptLanguage: string[] = [];
if (siteAfter.language !== SITE.language) {
  const collections = [...(langFields.posts ? ['posts'] : []), ...(langFields.pages ? ['pages'] : [])];
  for (const path of collections.flatMap((name) => listCollection(name, /\.mdx?$/)).filter(notFromThisExport)) {
    const file = join(contentDir, path);
    const before = readFileSync(file, 'utf8');
    const after = addFrontmatterField(before, 'lang', SITE.language);
    if (after === undefined) continue;
    if (!values['dry-run']) writeFileSync(file, after);
    // A file an earlier import wrote stays that import's, unchanged by an editor.
    const entry = manifest.files[path];
    if (entry?.sha256 === sha256(before)) entry.sha256 = sha256(after);
    keptLanguage.push(show(file));
    outcome.updated.push(show(file));
  }
}
for (const change of settingChanges) {
  settingLines.push(
    change.write
      ? `    - ${change.key}: "${change.from}" → "${change.to}" (written to src/site.config.ts)`
      : `    - ${change.key}: the blog had "${change.to}", the site has "${change.from}"; set ${change.key}: '${change.to}' in src/site.config.ts if you want the blog's`,
  );
}

if (!values['dry-run']) {
  mkdirSync(dirname(manifestFile), { recursive: true });
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(reportFile, report);
  // Staged downloads now placed next to their posts are not needed again.
  for (const copy of plan.copies) if (copy.from.startsWith(stagingDir)) rmSync(copy.from, { force: true });
  if (existsSync(stagingDir) && readdirSync(stagingDir).length === 0) rmSync(stagingDir, { recursive: true });
}

function describeImages(): string {
  const downloaded = [...outcomes.values()].filter((outcome) => outcome.ok === true).length;
  const kept = [...outcomes.values()].filter((outcome) => outcome.ok === 'kept').length;
  const folderFiles = new Set([...imageIndex.values()].flat());
  const fromFolderCount = plan.copies.filter((copy) => folderFiles.has(copy.from)).length;
  return [
    `${downloaded} downloaded`,
    ...(kept ? [`${kept} already downloaded`] : []),
    ...(fromFolderCount ? [`${fromFolderCount} copied in from ${values.images}`] : []),
    `${plan.remoteImages.length} left at their remote address (allowed by the site's CSP)`,
    `${plan.altToDo.length} without a description`,
  ].join(', ');
}

const { counts } = plan;
const lines = [
  `Blogger import of ${exportFile} (${exported.format === 'takeout' ? 'Google Takeout feed.atom' : 'Blogger "Back up content" file'})${values['dry-run'] ? ' — dry run, nothing written' : ''}`,
  `  posts:    ${counts.posts}${counts.drafts ? ` (${counts.drafts} as drafts)` : ''}`,
  `  pages:    ${counts.pages}${counts.pageDrafts ? ` (${counts.pageDrafts} as drafts)` : ''}`,
  `  embeds:   ${counts.embeds} kept`,
  `  comments: ${counts.comments}`,
  `  labels:   ${counts.labels} (as tags)`,
  `  authors:  ${counts.authors} new`,
  `  images:   ${describeImages()}`,
  `  files:    ${outcome.created.length} created, ${outcome.updated.length} updated, ${outcome.unchanged} unchanged, ${outcome.kept.length} kept as edited`,
];
const remote = plan.remoteImages.map(
  (image) =>
    `${image.entry}: the image ${image.source} stays at ${image.src}: ${remoteReason(image.source)}${image.sized ? '' : '; its size is unknown, so the page shifts when it loads'}`,
);
if (remote.length > 0) lines.push(`  images left remote: ${remote.length}`, ...remote.map((line) => `    - ${line}`));
if (plan.altToDo.length > 0) {
  lines.push(
    `  to do: ${plan.altToDo.length} image(s) have no description; the posts are marked altTextPending: true, and the list is in ${show(reportFile)}`,
  );
}
if (plan.skipped.length > 0) {
  lines.push(`  skipped:  ${plan.skipped.length}`, ...plan.skipped.map((s) => `    - ${s.id}: ${s.reason}`));
}
if (settingLines.length > 0) lines.push('  settings:', ...settingLines);
if (keptLanguage.length > 0) {
  lines.push(
    `  language: ${keptLanguage.length} post(s) and page(s) that were here before keep their language: lang: ${SITE.language} added to each`,
    ...keptLanguage.map((file) => `    - ${file}`),
  );
}
if (plan.dateShifts.length > 0) {
  lines.push(
    `  dates:    ${plan.dateShifts.length} post(s) would show another day than Blogger showed, in the site's time zone ${siteAfter.timeZone}${blogSettings.timeZone ? `; the blog used ${blogSettings.timeZone}` : '; pass --time-zone with the blog’s time zone'}`,
    ...plan.dateShifts.map((d) => `    - ${d}`),
  );
}
if (plan.errors.length > 0) lines.push(`  errors:   ${plan.errors.length}`, ...plan.errors.map((e) => `    - ${e}`));
const warnings = [...outcome.kept, ...plan.warnings];
if (warnings.length > 0) lines.push(`  warnings: ${warnings.length}`, ...warnings.map((w) => `    - ${w}`));
if (plan.notes.length > 0) lines.push(`  notes:    ${plan.notes.length}`, ...plan.notes.map((n) => `    - ${n}`));
if (outcome.created.length + outcome.updated.length === 0) {
  lines.push('Nothing changed: every file is already as this export would write it.');
}
console.log(lines.join('\n'));
