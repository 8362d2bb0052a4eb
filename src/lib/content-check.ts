import parseSrcset from '@prettier/parse-srcset';
import { Parser } from 'htmlparser2';
import type { Image, Link, Nodes, Root } from 'mdast';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { z } from 'astro/zod';
import { parseDataFile, parseFrontmatter, type ParsedFrontmatter } from './frontmatter.ts';
import { authorSchema, commentSchema, createPostSchema, createVideoSchema, pageSchema } from './schemas.ts';
import { getPostId, getTagKey, MAX_TAG_SLUG_BYTES, normalizeTagLabel, slugifyTag } from './slugs.ts';
import { describeUnknownField, findUnknownFields } from './unknown-fields.ts';
import {
  describeUrlProblem,
  getPostPath,
  getTagPath,
  isCodeUrl,
  judgeUrl,
  normalizePath,
  URL_ATTRIBUTES,
  type UrlUse,
} from './urls.ts';

/** One problem in one file: printed as "file:line: field: message". */
export interface Problem {
  file: string;
  line?: number | undefined;
  field?: string | undefined;
  message: string;
  /**
   * Errors stop the build; notices are printed and the build goes on; to-dos (images an imported
   * post still owes a description) are counted in one summary line.
   */
  severity: 'error' | 'notice' | 'todo';
}

/** A content file as read from disk: its path relative to the repository, and its text. */
export interface SourceFile {
  path: string;
  /** Path relative to its collection folder, e.g. "my-post/index.md". */
  entry: string;
  text: string;
}

export interface ContentInput {
  posts: SourceFile[];
  comments: SourceFile[];
  /** The files in content/authors/, content/pages/ and content/videos/ (checked when given). */
  authors?: SourceFile[] | undefined;
  pages?: SourceFile[] | undefined;
  videos?: SourceFile[] | undefined;
  /** Ids of the files in content/authors/. */
  authorIds: string[];
  /** Ids of the files in content/pages/. */
  pageIds: string[];
  /** Files the site settings name in public/ (favicon, logo), by setting: checked to exist. */
  settingsFiles?: Record<string, string | undefined> | undefined;
  /** Slugs the site settings pin to the top of popular posts. */
  pinned: string[];
  timeZone: string;
  /** Whether a file exists, for a path relative to the repository. */
  fileExists(path: string): boolean;
  /** Site paths that are always there (/, /archive/, /rss.xml, files in public/ ...). */
  staticPaths: ReadonlySet<string>;
}

export function formatProblem({ file, line, field, message }: Problem): string {
  return `${file}${line ? `:${line}` : ''}: ${field ? `${field}: ` : ''}${message}`;
}

/** Memoises a schema factory by time zone: building a zod schema costs more than using it. */
function perTimeZone<T>(make: (timeZone: string) => T): (timeZone: string) => T {
  const made = new Map<string, T>();
  return (timeZone) => {
    if (!made.has(timeZone)) made.set(timeZone, make(timeZone));
    return made.get(timeZone)!;
  };
}

const heroImagePath = z.string();
const authorId = z.string();
const postSchema = perTimeZone((timeZone) => createPostSchema({ image: heroImagePath, author: authorId, timeZone }));
const commentFileSchema = perTimeZone(commentSchema);
const pageFileSchema = perTimeZone(pageSchema);
const videoFileSchema = perTimeZone((timeZone) => createVideoSchema(heroImagePath, timeZone));

interface CheckedPost {
  file: SourceFile;
  id: string;
  draft: boolean;
  fm: ParsedFrontmatter;
}

/** One tag as written in one post: where, and the address it makes. */
interface TagUse {
  file: string;
  line: number;
  label: string;
  key: string;
  slug: string;
}

/** The tags of a post as written (the raw list, so each keeps its line), skipping what the schema reports. */
function findTagUses(post: CheckedPost): TagUse[] {
  const tags = (post.fm.data as { tags?: unknown } | null)?.tags;
  if (!Array.isArray(tags)) return [];
  return tags.flatMap((raw: unknown, index) => {
    if (typeof raw !== 'string' && typeof raw !== 'number') return [];
    const label = normalizeTagLabel(String(raw));
    if (!label) return [];
    const line = post.fm.lineOf(['tags', index]);
    return [{ file: post.file.path, line, label, key: getTagKey(label), slug: slugifyTag(label) }];
  });
}

const quote = (label: string) => JSON.stringify(label);

/**
 * Tag addresses an editor must fix: a tag with nothing to make an address from, one too long for a
 * file name, and two different tags (keys that differ by more than case, spacing or Unicode form)
 * that would share one address, within a post or across posts. Each use is reported at its line.
 */
function checkTagAddresses(uses: readonly TagUse[]): Problem[] {
  const problems: Problem[] = [];
  for (const use of uses) {
    if (!use.slug) {
      problems.push({
        file: use.file,
        line: use.line,
        field: 'tags',
        message: `${quote(use.label)} cannot be used as a tag: it has no letter, digit, symbol or emoji to make its address from; write it as a word (e.g. "notes") or remove it`,
        severity: 'error',
      });
    } else if (new TextEncoder().encode(use.slug).length > MAX_TAG_SLUG_BYTES) {
      problems.push({
        file: use.file,
        line: use.line,
        field: 'tags',
        message: `${quote(use.label)} is too long to be a tag: its address would not fit in a file name; shorten it to a few words`,
        severity: 'error',
      });
    }
  }
  for (const [slug, same] of Map.groupBy(
    uses.filter((use) => use.slug),
    (use) => use.slug,
  )) {
    const keys = new Set(same.map((use) => use.key));
    if (keys.size < 2) continue;
    for (const use of same) {
      const others = same.filter((other) => other.key !== use.key);
      const shown = others.slice(0, 3).map((other) => `${quote(other.label)} (${other.file}:${other.line})`);
      if (others.length > 3) shown.push(`${others.length - 3} more`);
      problems.push({
        file: use.file,
        line: use.line,
        field: 'tags',
        message: `${quote(use.label)} and ${shown.join(', ')} would both have the address ${getTagPath(slug)}, but they are different tags (only capitals, spacing and Unicode forms are ignored when tags are matched); write them the same way if they are one tag, or change one so that their addresses differ`,
        severity: 'error',
      });
    }
  }
  return problems;
}

function dirname(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

function joinPath(dir: string, relative: string): string {
  const parts = `${dir}${relative}`.split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) value = (value as Record<PropertyKey, unknown> | null | undefined)?.[key];
  return value;
}

/**
 * Checks one file's data against its schema and lists every problem with its line: each key the
 * schema does not define (with the field it probably means), then the schema's own issues, where a
 * missing field says so plainly and points at a misspelt key that may be it.
 */
function checkAgainstSchema(
  file: string,
  fm: ParsedFrontmatter,
  schema: z.ZodType,
  noun: string,
): { problems: Problem[]; result: z.ZodSafeParseResult<unknown> } {
  const unknown = findUnknownFields(schema, fm.data);
  const problems: Problem[] = unknown.map((field) => ({
    file,
    line: fm.lineOf(field.path),
    field: field.path.join('.'),
    message: describeUnknownField(field, noun),
    severity: 'error',
  }));
  const result = schema.safeParse(fm.data);
  if (result.success) return { problems, result };
  for (const issue of result.error.issues) {
    // Each unknown key is reported above, on its own line.
    if (issue.code === 'unrecognized_keys') continue;
    let message = issue.message;
    if (valueAt(fm.data, issue.path) === undefined && issue.path.length > 0) {
      const name = String(issue.path.at(-1));
      if (issue.code === 'invalid_type' && /^Invalid input/.test(message)) {
        message = `missing; ${issue.path.length > 1 ? `"${issue.path.slice(0, -1).join('.')}"` : noun} needs "${name}"`;
      }
      const misspelt = unknown.find(
        (field) => field.suggestion === name && field.path.slice(0, -1).join('.') === issue.path.slice(0, -1).join('.'),
      );
      if (misspelt)
        message += ` (is "${String(misspelt.path.at(-1))}" on line ${fm.lineOf(misspelt.path)} meant to be it?)`;
    }
    problems.push({
      file,
      line: fm.lineOf(issue.path),
      field: issue.path.join('.') || undefined,
      message,
      severity: 'error',
    });
  }
  return { problems, result };
}

function yamlProblems(file: string, fm: ParsedFrontmatter): Problem[] {
  return fm.errors.map((error) => ({
    file,
    line: error.line,
    message: `the frontmatter is not valid YAML (${error.message}); check quotes, colons and indentation`,
    severity: 'error' as const,
  }));
}

/** Authors, pages and videos: their schema, unknown fields included. */
function checkOtherFiles(input: ContentInput): Problem[] {
  const kinds = [
    { files: input.authors, schema: authorSchema, noun: 'an author', parse: parseDataFile },
    { files: input.pages, schema: pageFileSchema(input.timeZone), noun: 'a page', parse: parseFrontmatter },
    { files: input.videos, schema: videoFileSchema(input.timeZone), noun: 'a video', parse: parseDataFile },
  ];
  return kinds.flatMap(({ files = [], schema, noun, parse }) =>
    files.flatMap((file) => {
      const fm = parse(file.text);
      if (fm.errors.length > 0) return yamlProblems(file.path, fm);
      return checkAgainstSchema(file.path, fm, schema, noun).problems;
    }),
  );
}

/** An address that only stands in for a real one (RFC 2606 reserves these names for examples). */
const EXAMPLE_URL = /^https?:\/\/(?:[^/]*\.)?example\.(?:org|com|net)(?:[/:?#]|$)/i;

/** Paths of string values that still start with "TODO" or are example.org addresses (left by npm run new). */
function findPlaceholders(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return /^TODO\b/i.test(value.trim()) || EXAMPLE_URL.test(value.trim()) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => findPlaceholders(item, [...path, index]));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => findPlaceholders(item, [...path, key]));
  }
  return [];
}

/**
 * A body as mdast, parsed by satteri (Astro's own Markdown and MDX parser, in Rust). MDX is read as
 * MDX, so links inside components count; if it does not parse, Astro's build reports the syntax
 * error, and the links are read with the import/export lines blanked instead.
 */
function parseForLinks(body: string, isMdx: boolean): Root {
  const markdown = (text: string) => markdownToMdast(text, { features: { gfm: false } }) as Root;
  if (!isMdx) return markdown(body);
  try {
    return mdxToMdast(body) as Root;
  } catch {
    return markdown(body.replace(/^(?:import|export)\s.*$/gm, ''));
  }
}

/** A URL written somewhere in a body other than a Markdown link or image, with its line in the file. */
interface WrittenUrl {
  url: string;
  line: number;
  use: UrlUse;
  /** How the message names it: 'the link', 'the srcset of <img>'... */
  what: string;
  /** A problem found while reading it (a srcset that does not parse), reported as it is. */
  message?: string;
}

/**
 * The URLs in the opening tags of an HTML fragment (raw HTML in Markdown): every attribute of
 * URL_ATTRIBUTES, each srcset candidate on its own (read by the HTML standard's algorithm), with
 * the line each tag starts on. Entities are decoded first, as the browser does.
 */
function collectHtmlUrls(html: string, firstLine: number): WrittenUrl[] {
  const found: WrittenUrl[] = [];
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const line = firstLine + (html.slice(0, parser.startIndex).match(/\n/g)?.length ?? 0);
        for (const [attribute, use] of Object.entries(URL_ATTRIBUTES[name] ?? {})) {
          const value = attributes[attribute];
          if (value === undefined) continue;
          const what = `the ${attribute} of <${name}>`;
          if (attribute !== 'srcset') {
            found.push({ url: value, line, use, what: name === 'a' ? 'the link' : what });
            continue;
          }
          try {
            for (const { source } of parseSrcset(value)) found.push({ url: source.value, line, use, what });
          } catch (error) {
            const reason = (error as Error).message.replace(/\.$/, '');
            found.push({
              url: value,
              line,
              use,
              what,
              message: `${what} "${value}" is not a valid srcset (${reason}); write each image as its address and one width or density, e.g. "small.jpg 320w, large.jpg 640w"`,
            });
          }
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return found;
}

// A Markdown link that did not become one because its address has a space: "[text](https://exa mple.com)".
const SPACED_LINK = /\]\(([^()\s<>]+\s[^()<>]*)\)/g;

/**
 * Every link, image and other URL in a Markdown or MDX body, with its line in the file: links and
 * images (for the checks of their own), and the URLs of link definitions, raw HTML tags, HTML
 * elements written in MDX, and text that was meant as a link but is not one.
 */
function collectLinks(body: string, bodyLine: number, isMdx: boolean) {
  const links: { node: Link | Image; line: number }[] = [];
  const others: WrittenUrl[] = [];
  const lineOf = (node: Nodes) => (node.position?.start.line ?? 1) + bodyLine - 1;
  const walk = (node: Nodes) => {
    if (node.type === 'link' || node.type === 'image') links.push({ node, line: lineOf(node) });
    else if (node.type === 'definition')
      others.push({ url: node.url, line: lineOf(node), use: 'link', what: 'the link' });
    else if (node.type === 'html') others.push(...collectHtmlUrls(node.value, lineOf(node)));
    else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
      for (const attribute of node.attributes) {
        const use = URL_ATTRIBUTES[node.name]?.[attribute.type === 'mdxJsxAttribute' ? attribute.name : ''];
        if (!use || attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') continue;
        const line = attribute.position ? attribute.position.start.line + bodyLine - 1 : lineOf(node);
        const what = node.name === 'a' ? 'the link' : `the ${attribute.name} of <${node.name}>`;
        if (attribute.name !== 'srcset') others.push({ url: attribute.value, line, use, what });
        else
          others.push(...collectHtmlUrls(`<${node.name} srcset="${attribute.value.replace(/"/g, '&quot;')}">`, line));
      }
    } else if (node.type === 'text') {
      for (const match of node.value.matchAll(SPACED_LINK)) {
        const line = lineOf(node) + (node.value.slice(0, match.index).match(/\n/g)?.length ?? 0);
        others.push({ url: match[1]!, line, use: 'link', what: 'spaced' });
      }
    }
    if ('children' in node) node.children.forEach(walk);
  };
  walk(parseForLinks(body, isMdx));
  if (!isMdx) others.push(...collectBareAddresses(body, bodyLine, others, links));
  return { links, others };
}

/**
 * Addresses written bare in Markdown text, which the site's Markdown (GFM) turns into links on its
 * own: "https://exa mple.com" becomes a link to "https://exa". Only those the site would publish
 * broken are kept; one already reported as a link broken by a space (same line) is not repeated.
 */
function collectBareAddresses(
  body: string,
  bodyLine: number,
  known: readonly WrittenUrl[],
  links: readonly { node: Link | Image; line: number }[],
): WrittenUrl[] {
  if (!/https?:\/\/|www\./i.test(body)) return [];
  const spacedLines = new Set(known.filter((other) => other.what === 'spaced').map((other) => other.line));
  // Autolinks in angle brackets (<https://...>) are links without GFM too, and checked as links.
  const linked = new Set(links.map(({ node, line }) => `${line} ${node.url}`));
  const found: WrittenUrl[] = [];
  const walk = (node: Nodes) => {
    if (node.type === 'link' && node.children.length === 1 && node.children[0]!.type === 'text') {
      const text = node.children[0]!.value;
      const line = (node.position?.start.line ?? 1) + bodyLine - 1;
      const isBare = node.url === text || node.url === `http://${text}` || node.url === `mailto:${text}`;
      if (isBare && !spacedLines.has(line) && !linked.has(`${line} ${node.url}`) && !judgeUrl(node.url, 'link').ok) {
        found.push({ url: node.url, line, use: 'link', what: 'the address written in the text' });
      }
    }
    if ('children' in node) node.children.forEach(walk);
  };
  walk(markdownToMdast(body, { features: { gfm: true } }) as Root);
  return found;
}

/** Problems with the URLs of `collectLinks(...).others`, as errors or, in a draft, as notices. */
function otherUrlProblems(file: string, others: readonly WrittenUrl[], severity: Problem['severity']): Problem[] {
  const problems: Problem[] = [];
  for (const { url, line, use, what, message } of others) {
    if (message) {
      problems.push({ file, line, message, severity });
      continue;
    }
    if (what === 'spaced') {
      const joined = url.replace(/\s+/g, '');
      problems.push({
        file,
        line,
        message: `"${url}" is not a link: Markdown ends an address at a space, so the page shows the brackets as text; remove the space${judgeUrl(joined).ok ? ` (${joined})` : ''}, or write the address between < and > if the space belongs in it`,
        severity,
      });
      continue;
    }
    const verdict = judgeUrl(url, use);
    if (!verdict.ok) problems.push({ file, line, message: describeUrlProblem(what, url, verdict), severity });
  }
  return problems;
}

/**
 * A reader's comment never stops the build: an unusable website is left out of the page and the
 * feeds (see commenterWebsite), and a link to an unusable address is shown as text (see
 * renderCommentMarkdown). Both are notices naming the file and line, so the owner can fix them.
 */
function commentUrlProblems(file: string, fm: ParsedFrontmatter): Problem[] {
  const problems: Problem[] = [];
  const website = (fm.data as { website?: unknown } | null)?.website;
  if (website !== undefined && website !== null) {
    const verdict = judgeUrl(String(website), 'absolute');
    if (!verdict.ok) {
      problems.push({
        file,
        line: fm.lineOf(['website']),
        field: 'website',
        message: `${describeUrlProblem('', String(website), verdict)}; until then the comment is shown without it`,
        severity: 'notice',
      });
    }
  }
  const { links, others } = collectLinks(fm.body, fm.bodyLine, false);
  const targets = [
    ...links.filter(({ node }) => node.type === 'link').map(({ node, line }) => ({ url: node.url, line })),
    ...others.filter((other) => other.what === 'the link'),
  ];
  for (const { url, line } of targets) {
    const verdict = judgeUrl(url, 'link');
    if (verdict.ok) continue;
    problems.push({
      file,
      line,
      message: `${describeUrlProblem('the link', url, verdict)}; the comment shows ${isCodeUrl(url) ? 'only its text' : 'it as plain text'}`,
      severity: 'notice',
    });
  }
  return problems;
}

/** The links, images and other URLs in a page's body (content/pages/). */
function pageUrlProblems(file: SourceFile): Problem[] {
  const fm = parseFrontmatter(file.text);
  if (fm.errors.length > 0) return [];
  const { links, others } = collectLinks(fm.body, fm.bodyLine, file.path.endsWith('.mdx'));
  const problems = otherUrlProblems(file.path, others, 'error');
  for (const { node, line } of links) {
    const verdict = judgeUrl(node.url, node.type === 'image' ? 'resource' : 'link');
    if (verdict.ok) continue;
    const what = node.type === 'image' ? 'the image' : 'the link';
    problems.push({ file: file.path, line, message: describeUrlProblem(what, node.url, verdict), severity: 'error' });
  }
  return problems;
}

/**
 * Checks every content file the way an editor needs: the schema (with line numbers), and what a
 * schema cannot see: duplicate slugs, links to missing posts, missing images or alt text, tags
 * without an address of their own, pinned posts that do not exist, comments for missing posts or comments.
 */
export function checkContent(input: ContentInput): Problem[] {
  const problems: Problem[] = [];
  const posts: CheckedPost[] = [];

  for (const file of input.posts) {
    const fm = parseFrontmatter(file.text);
    problems.push(...yamlProblems(file.path, fm));
    if (fm.errors.length > 0) continue;
    const checked = checkAgainstSchema(file.path, fm, postSchema(input.timeZone), 'a post');
    const data = (fm.data ?? {}) as Record<string, unknown>;
    const id = getPostId(file.entry, data);
    problems.push(...checked.problems);
    const post = checked.result.success ? (checked.result.data as z.output<ReturnType<typeof postSchema>>) : undefined;
    const draft = post?.draft ?? data.draft === true;
    posts.push({ file, id, draft, fm });

    // These read the raw values, so a file with schema errors still gets every problem reported.
    const author = data.author;
    if (typeof author === 'string' && !input.authorIds.includes(author)) {
      problems.push({
        file: file.path,
        line: fm.lineOf(['author']),
        field: 'author',
        message: `"${author}" is not an author; use one of ${input.authorIds.map((a) => `"${a}"`).join(', ')} (files in content/authors/)`,
        severity: 'error',
      });
    }
    const heroImage = (data.hero as { image?: unknown } | undefined)?.image;
    const heroVerdict = typeof heroImage === 'string' ? judgeUrl(heroImage, 'resource') : undefined;
    if (heroVerdict && !heroVerdict.ok) {
      problems.push({
        file: file.path,
        line: fm.lineOf(['hero', 'image']),
        field: 'hero.image',
        message: describeUrlProblem('', heroImage as string, heroVerdict),
        severity: 'error',
      });
    }
    if (typeof heroImage === 'string' && heroVerdict?.ok && heroVerdict.kind === 'relative') {
      const imagePath = joinPath(dirname(file.path), heroImage);
      if (!input.fileExists(imagePath)) {
        problems.push({
          file: file.path,
          line: fm.lineOf(['hero', 'image']),
          field: 'hero.image',
          message: `${heroImage} does not exist (looked for ${imagePath}); put the image next to the post or fix the path`,
          severity: 'error',
        });
      }
    }
    if (!draft) {
      for (const path of findPlaceholders(fm.data)) {
        problems.push({
          file: file.path,
          line: fm.lineOf(path),
          field: path.join('.'),
          message: 'still holds a TODO placeholder; fill it in before publishing (or keep draft: true)',
          severity: 'error',
        });
      }
      // The body as npm run new left it (BODY_PLACEHOLDER, or the older template's sentence), or
      // any line still starting with TODO.
      const lines = fm.body.split('\n');
      const todo = lines.findIndex((line) => /^\s*(?:TODO\b|Write the post here, in Markdown\.)/.test(line));
      if (todo >= 0) {
        problems.push({
          file: file.path,
          line: fm.bodyLine + todo,
          message: /^(?:TODO: write the post here|Write the post here)/.test(lines[todo]!.trim())
            ? 'the text is still the placeholder of a new post; write the post before publishing (or keep draft: true)'
            : 'this line still starts with TODO; finish it before publishing (or keep draft: true)',
          severity: 'error',
        });
      }
    }
  }

  // Two files that would publish at the same address.
  const byId = Map.groupBy(posts, (post) => post.id);
  for (const [id, same] of byId) {
    if (same.length < 2) continue;
    for (const post of same) {
      const others = same.filter((other) => other !== post).map((other) => other.file.path);
      problems.push({
        file: post.file.path,
        line: post.fm.lineOf(['slug']),
        message: `has the same slug "${id}" as ${others.join(', ')}; rename one of the files or set a different slug:`,
        severity: 'error',
      });
    }
  }

  // Two posts with one old feed id would be one item to feed readers.
  const withFeedId = posts.filter((post) => typeof (post.fm.data as { feedId?: unknown } | null)?.feedId === 'string');
  for (const [feedId, same] of Map.groupBy(withFeedId, (post) => (post.fm.data as { feedId: string }).feedId)) {
    if (same.length < 2) continue;
    for (const post of same) {
      problems.push({
        file: post.file.path,
        line: post.fm.lineOf(['feedId']),
        field: 'feedId',
        message: `has the same feedId "${feedId}" as ${same
          .filter((other) => other !== post)
          .map((other) => other.file.path)
          .join(', ')}; keep it on the post it came from and delete it from the other`,
        severity: 'error',
      });
    }
  }

  // Every tag needs an address of its own (see slugifyTag): none empty, none shared by two tags.
  const tagUses = posts.flatMap((post) => findTagUses(post));
  problems.push(...checkTagAddresses(tagUses));

  // Links between posts, and images in the body.
  const published = new Set(posts.filter((post) => !post.draft).map((post) => post.id));
  const drafts = new Set(posts.filter((post) => post.draft).map((post) => post.id));
  const tagSlugs = new Set(tagUses.map((use) => use.slug));
  for (const post of posts) {
    const isMdx = post.file.path.endsWith('.mdx');
    const { links, others } = collectLinks(post.fm.body, post.fm.bodyLine, isMdx);
    // A draft is not published, so its unusable URLs are noticed but do not stop the build.
    const urlSeverity = post.draft ? 'notice' : 'error';
    problems.push(...otherUrlProblems(post.file.path, others, urlSeverity));
    for (const { node, line } of links) {
      const verdict = judgeUrl(node.url, node.type === 'image' ? 'resource' : 'link');
      if (!verdict.ok) {
        const what = node.type === 'image' ? 'the image' : 'the link';
        problems.push({
          file: post.file.path,
          line,
          message: describeUrlProblem(what, node.url, verdict),
          severity: urlSeverity,
        });
      }
      // An imported post may owe descriptions for a while (see altTextPending in schemas.ts).
      const altSeverity =
        (post.fm.data as { altTextPending?: unknown } | null)?.altTextPending === true ? 'todo' : 'error';
      if (node.type === 'image') {
        if (!post.draft && /^TODO\b/i.test(node.alt ?? '')) {
          problems.push({
            file: post.file.path,
            line,
            message: `the image ${node.url} still has the placeholder description "${node.alt}"; write what the image shows instead`,
            severity: altSeverity,
          });
        }
        if (!node.alt?.trim()) {
          problems.push({
            file: post.file.path,
            line,
            message: `the image ${node.url} has no alt text; write a short description of it between the square brackets that come before its address`,
            severity: altSeverity,
          });
        }
        if (verdict.ok && verdict.kind === 'relative') {
          const imagePath = joinPath(dirname(post.file.path), decodeURI(node.url));
          if (!input.fileExists(imagePath)) {
            problems.push({
              file: post.file.path,
              line,
              message: `the image ${node.url} does not exist (looked for ${imagePath}); put it next to the post or fix the path`,
              severity: 'error',
            });
          }
        }
        continue;
      }
      if (!verdict.ok || verdict.kind !== 'site-path') continue;
      const path = normalizePath(node.url);
      const postLink = /^\/posts\/([^/]+)\/$/.exec(path);
      if (postLink) {
        const target = postLink[1]!;
        if (post.draft || published.has(target)) continue;
        const near = [...published].find((id) => id.includes(target) || target.includes(id));
        problems.push({
          file: post.file.path,
          line,
          message: drafts.has(target)
            ? `links to ${node.url}, which is a draft and will not be published; publish it first or remove the link`
            : `links to ${node.url}, but there is no post "${target}"; ${near ? `did you mean ${getPostPath(near)}?` : 'fix the address or remove the link'}`,
          severity: 'error',
        });
        continue;
      }
      const tagLink = /^\/tags\/([^/]+)\/(?:\d+\/)?$/.exec(path);
      const known =
        input.staticPaths.has(path) ||
        input.pageIds.some((id) => path === `/${id}/`) ||
        (tagLink !== null && tagSlugs.has(tagLink[1]!));
      if (!known && !post.draft) {
        // "/tags/C++/" is no address, but the tag it names may have one: "/tags/c-plus-plus/".
        const tagSlug = tagLink ? slugifyTag(tagLink[1]!) : '';
        problems.push({
          file: post.file.path,
          line,
          message: tagSlugs.has(tagSlug)
            ? `links to ${node.url}, but that tag's page is at ${getTagPath(tagSlug)}; link to that address instead`
            : `links to ${node.url}, which is not a page of this site; check the address`,
          severity: 'error',
        });
      }
    }
  }

  // An old address may lead to one post only.
  const redirectOwners = new Map<string, string[]>();
  for (const post of posts) {
    const from = (post.fm.data as { redirectFrom?: unknown } | undefined)?.redirectFrom;
    for (const path of Array.isArray(from) ? from : []) {
      if (typeof path === 'string') redirectOwners.set(path, [...(redirectOwners.get(path) ?? []), post.file.path]);
    }
  }
  for (const [path, files] of redirectOwners) {
    if (files.length < 2) continue;
    problems.push({
      file: files[1]!,
      field: 'redirectFrom',
      message: `the old address ${path} is claimed by ${files.join(' and ')}; keep it in one of them`,
      severity: 'error',
    });
  }

  // The favicon and logo named in the settings must be in public/.
  for (const [field, path] of Object.entries(input.settingsFiles ?? {})) {
    if (path && !input.staticPaths.has(path)) {
      problems.push({
        file: 'src/site.config.ts',
        field,
        message: `${path} is not in public/; put the file at public${path} or fix the path`,
        severity: 'error',
      });
    }
  }

  // Pinned popular posts must exist.
  for (const slug of input.pinned) {
    if (published.has(slug)) continue;
    problems.push({
      file: 'src/site.config.ts',
      field: 'popularPosts.pinned',
      message: `"${slug}" is not a published post; use the slug of a post in content/posts/ or remove it`,
      severity: 'error',
    });
  }

  // Comments: under an existing post, valid, replying to a comment that exists.
  const allPosts = new Set(posts.map((post) => post.id));
  const commentIds = new Map<string, Set<string>>();
  for (const file of input.comments) {
    const [postSlug = '', name = ''] = file.entry.split('/');
    const ids = commentIds.get(postSlug) ?? new Set<string>();
    ids.add(name.replace(/\.md$/i, ''));
    commentIds.set(postSlug, ids);
  }
  for (const file of input.comments) {
    const [postSlug = ''] = file.entry.split('/');
    const fm = parseFrontmatter(file.text);
    if (!allPosts.has(postSlug)) {
      problems.push({
        file: file.path,
        message: `this comment is filed under "${postSlug}", but there is no post with that slug; move it to content/comments/<post-slug>/ of an existing post or delete it`,
        severity: 'error',
      });
    }
    problems.push(...yamlProblems(file.path, fm));
    if (fm.errors.length > 0) continue;
    const checked = checkAgainstSchema(file.path, fm, commentFileSchema(input.timeZone), 'a comment');
    problems.push(...checked.problems);
    if (!checked.result.success) continue;
    problems.push(...commentUrlProblems(file.path, fm));
    const { replyTo } = checked.result.data as z.output<ReturnType<typeof commentFileSchema>>;
    if (replyTo && !commentIds.get(postSlug)?.has(replyTo)) {
      problems.push({
        file: file.path,
        line: fm.lineOf(['replyTo']),
        field: 'replyTo',
        message: `"${replyTo}" is not a comment on this post; use the file name (without .md) of a comment in content/comments/${postSlug}/`,
        severity: 'error',
      });
    }
  }

  problems.push(...checkOtherFiles(input));
  for (const file of input.pages ?? []) problems.push(...pageUrlProblems(file));
  // Each file's problems together, top to bottom, files in the order first met.
  const fileOrder = new Map<string, number>();
  for (const problem of problems) if (!fileOrder.has(problem.file)) fileOrder.set(problem.file, fileOrder.size);
  return problems.toSorted((a, b) => fileOrder.get(a.file)! - fileOrder.get(b.file)! || (a.line ?? 0) - (b.line ?? 0));
}
