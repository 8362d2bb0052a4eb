import { stringify } from 'yaml';
import { getExcerpt } from '../text.ts';
import { slugFromTitle } from '../new-post.ts';
import { htmlToMarkdown } from './html-to-markdown.ts';
import type { BloggerAuthor, BloggerExport, BloggerItem } from './parse.ts';

/** Written into an image's alt text when the old post had none; the build asks for a description. */
export const ALT_PLACEHOLDER = 'TODO: describe this image';

export interface PlannedFile {
  /** Path relative to the content folder, e.g. posts/my-post/index.md. */
  path: string;
  text: string;
  /** The export entry it came from. */
  source: string;
}

export interface ImageCopy {
  /** A file in the folder of local images given to the importer. */
  from: string;
  /** Path relative to the content folder. */
  to: string;
}

export interface ImportPlan {
  files: PlannedFile[];
  copies: ImageCopy[];
  counts: { posts: number; drafts: number; pages: number; comments: number; labels: number; authors: number };
  skipped: { id: string; reason: string }[];
  warnings: string[];
}

export interface PlanOptions {
  /** Post slugs and page slugs already used by content the importer did not write. */
  takenPostSlugs: ReadonlySet<string>;
  takenPageSlugs: ReadonlySet<string>;
  /** Author ids that already exist (their files are kept as they are). */
  existingAuthors: ReadonlySet<string>;
  /** The file name of a local copy of an image URL, when the editor supplied a folder of them. */
  findLocalImage?: ((url: string) => string | undefined) | undefined;
}

/** Blogger's numeric id at the end of an entry id ("tag:blogger.com,1999:blog-1.post-42" → "42"). */
export function shortId(id: string): string {
  return /(\d+)\s*$/.exec(id)?.[1] ?? id;
}

/** The slug of an old Blogger address: /2023/05/my-post.html → my-post, /p/about.html → about. */
export function slugFromOldPath(path: string): string {
  const name = decodeURIComponent(path.slice(path.lastIndexOf('/') + 1)).replace(/\.html?$/i, '');
  return slugFromTitle(name);
}

const RESERVED_PAGE_SLUGS = new Set(['posts', 'tags', 'archive', 'videos', 'page', 'search', 'feeds', 'p', '404']);

function uniqueSlug(wanted: string, taken: Set<string>): string {
  let slug = wanted || 'untitled';
  for (let n = 2; taken.has(slug); n += 1) slug = `${wanted || 'untitled'}-${n}`;
  taken.add(slug);
  return slug;
}

/** Blogger's entry ids (tag:blogger.com,1999:blog-….post-…) are what its feeds gave readers. */
const isFeedId = (id: string) => /^tag:\S+$/.test(id);

const frontmatter = (data: Record<string, unknown>, body: string) =>
  `---\n${stringify(data, { lineWidth: 0 }).trim()}\n---\n\n${body}`;

function describeItem(item: BloggerItem): string {
  return `"${item.title}"${item.oldPath ? ` (${item.oldPath})` : ''}`;
}

/**
 * Turns a parsed export into the files to write: posts and pages as Markdown with their old
 * addresses in redirectFrom, labels as tags, authors, and comments with their reply threads.
 * Pure: it reads and writes nothing, so a failed import never leaves files half-written.
 */
export function planImport(exported: BloggerExport, options: PlanOptions): ImportPlan {
  const plan: ImportPlan = {
    files: [],
    copies: [],
    counts: { posts: 0, drafts: 0, pages: 0, comments: 0, labels: 0, authors: 0 },
    skipped: [...exported.skipped],
    warnings: [],
  };
  const postSlugs = new Set(options.takenPostSlugs);
  const pageSlugs = new Set([...options.takenPageSlugs, ...RESERVED_PAGE_SLUGS]);
  const authors = new Map<string, string>();
  const labels = new Set<string>();

  const authorId = (author: BloggerAuthor): string => {
    const known = authors.get(author.name);
    if (known) return known;
    const id = slugFromTitle(author.name) || 'imported-author';
    authors.set(author.name, id);
    if (!options.existingAuthors.has(id)) {
      plan.files.push({
        path: `authors/${id}.yaml`,
        text: stringify({
          name: author.name,
          bio: `Wrote for the blog before it moved here from Blogger.`,
          ...(author.uri ? { url: author.uri } : {}),
        }),
        source: `author ${author.name}`,
      });
      plan.counts.authors += 1;
    }
    return id;
  };

  const postSlugById = new Map<string, string>();
  const sorted = [...exported.items].sort((a, b) => a.published.localeCompare(b.published));
  for (const item of sorted) {
    const wanted = item.oldPath ? slugFromOldPath(item.oldPath) : slugFromTitle(item.title);
    const isPost = item.kind === 'post';
    const slug = uniqueSlug(wanted, isPost ? postSlugs : pageSlugs);
    if (slug !== wanted) {
      plan.warnings.push(`${describeItem(item)} is imported as "${slug}", because "${wanted}" was already taken`);
    }
    const converted = htmlToMarkdown(item.html);
    let markdown = converted.markdown;
    const folder = isPost ? `posts/${slug}` : 'pages';
    for (const url of converted.imagesWithoutAlt) {
      plan.warnings.push(
        `${describeItem(item)}: an image has no description (${url}); replace "${ALT_PLACEHOLDER}" in ${folder}`,
      );
    }
    markdown = markdown.replaceAll('![](', `![${ALT_PLACEHOLDER}](`);
    if (isPost && options.findLocalImage) {
      for (const url of new Set(converted.images)) {
        const local = options.findLocalImage(url);
        if (!local) continue;
        plan.copies.push({ from: local, to: `${folder}/${local.slice(local.lastIndexOf('/') + 1)}` });
        markdown = markdown.replaceAll(`(${url})`, `(./${local.slice(local.lastIndexOf('/') + 1)})`);
      }
    }
    const description = getExcerpt(markdown, 160) || item.title;
    const updated = item.updated && item.updated.slice(0, 10) > item.published.slice(0, 10) ? item.updated : undefined;
    if (isPost) {
      postSlugById.set(shortId(item.id), slug);
      item.labels.forEach((label) => labels.add(label));
      plan.files.push({
        path: `${folder}/index.md`,
        source: item.id,
        text: frontmatter(
          {
            title: item.title,
            description,
            pubDate: item.published,
            ...(updated ? { updatedDate: updated } : {}),
            ...(item.draft ? { draft: true } : {}),
            tags: item.labels,
            author: authorId(item.author),
            kind: 'article',
            ...(item.oldPath ? { redirectFrom: [item.oldPath] } : {}),
            ...(isFeedId(item.id) ? { feedId: item.id } : {}),
          },
          markdown,
        ),
      });
      plan.counts.posts += 1;
      if (item.draft) plan.counts.drafts += 1;
    } else {
      if (item.draft) {
        plan.skipped.push({ id: item.id, reason: `page ${describeItem(item)} is a draft; pages have no drafts here` });
        continue;
      }
      plan.files.push({
        path: `pages/${slug}.md`,
        source: item.id,
        text: frontmatter(
          { title: item.title, description, ...(item.oldPath ? { redirectFrom: [item.oldPath] } : {}) },
          markdown,
        ),
      });
      plan.counts.pages += 1;
    }
  }
  plan.counts.labels = labels.size;

  // Comments, oldest first, named by date, author and id so the names never change between runs.
  const fileNameById = new Map<string, string>();
  const comments = [...exported.comments].sort((a, b) => a.published.localeCompare(b.published));
  for (const comment of comments) {
    const authorSlug = slugFromTitle(comment.author.name) || 'reader';
    fileNameById.set(
      shortId(comment.id),
      `${comment.published.slice(0, 10)}-${authorSlug}-${shortId(comment.id).slice(-6)}`,
    );
  }
  for (const comment of comments) {
    const postSlug = postSlugById.get(shortId(comment.postId));
    if (!postSlug) {
      plan.skipped.push({ id: comment.id, reason: 'a comment on a post that is not in the export (or is a page)' });
      continue;
    }
    const name = fileNameById.get(shortId(comment.id))!;
    const replyTo = comment.replyToId ? fileNameById.get(shortId(comment.replyToId)) : undefined;
    if (comment.replyToId && !replyTo) {
      plan.warnings.push(
        `comment ${comment.id} answers a comment that is not in the export; it is imported as a top-level comment`,
      );
    }
    const body = htmlToMarkdown(comment.html).markdown.replaceAll('![](', `![${ALT_PLACEHOLDER}](`);
    plan.files.push({
      path: `comments/${postSlug}/${name}.md`,
      source: comment.id,
      text: frontmatter(
        {
          author: comment.author.name,
          date: comment.published,
          ...(comment.author.uri ? { website: comment.author.uri } : {}),
          ...(replyTo ? { replyTo } : {}),
          ...(isFeedId(comment.id) ? { feedId: comment.id } : {}),
        },
        body,
      ),
    });
    plan.counts.comments += 1;
  }
  return plan;
}
