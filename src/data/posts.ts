import { join, relative, resolve, sep } from 'node:path';
import { getCollection, type CollectionEntry } from 'astro:content';
import { resolveContentDir } from '../lib/content-dir.ts';
import type { ReviewDetails } from '../lib/schemas.ts';
import { getPostIdFromPath, pickTagLabel, type Tag } from '../lib/slugs.ts';
import { getExcerpt, measureHtml, measureMarkdown, readingMinutesFor, wordCountOf } from '../lib/text.ts';
import { getPostPath } from '../lib/urls.ts';
import { isPostVisible, sortNewestFirst } from '../lib/visibility.ts';
import { getUnmarkedLanguage } from '../lib/language.ts';
import { SITE } from '../site.config.ts';
import { cacheUnlessDev } from './cache.ts';
import { countComments, getCommentThreads } from './comments.ts';

export type PostEntry = CollectionEntry<'posts'>;

/** A post as every list, page and feed sees it: computed once per build. */
export interface Post {
  slug: string;
  /**
   * The id from the post's file path ("my-post" for my-post/index.md), whatever its `slug` says:
   * feed item ids use it, and when it differs from the slug, /posts/<fileId>/ redirects to the post.
   */
  fileId: string;
  /** Site-relative URL, e.g. /posts/my-post/. */
  path: string;
  title: string;
  description: string;
  pubDate: Date;
  updatedDate?: Date | undefined;
  tags: Tag[];
  kind: PostEntry['data']['kind'];
  draft: boolean;
  /** Dated after the build: only ever visible in dev. */
  scheduled: boolean;
  /** The post's language (BCP 47, canonical case): its `lang`, else the site's language. */
  lang: string;
  /** Whole minutes to read, by the reading rates of the post's scripts (src/lib/text.ts). */
  readingMinutes: number;
  /** Words, with each Chinese or Japanese character counted as one (see wordCountOf). */
  wordCount: number;
  commentCount: number;
  hero?: PostEntry['data']['hero'];
  /** The id of its author (a file in content/authors/). */
  author: string;
  /** A review's details (who, where, rating, visit date); undefined for an article. */
  review?: ReviewDetails | undefined;
  /** Whether the page shows the health disclaimer. */
  health: boolean;
  /** The pages the post relies on, shown under it. */
  sources: PostEntry['data']['sources'];
  /** Whether readers may still send comments (`comments: closed` keeps the old ones, takes no new ones). */
  commentsOpen: boolean;
  /** Old addresses that redirect to the post. */
  redirectFrom: string[];
  /** The id its feed items had on the old blog, if imported. */
  feedId?: string | undefined;
  /** The collection entry: for rendering its body only (render(post.entry)); read fields above. */
  entry: PostEntry;
}

/** Characters in the plain-text excerpt shown under a popular post. */
export const EXCERPT_LENGTH = 300;

/** The posts folder, as src/content.config.ts reads it. */
const POSTS_DIR = join(resolveContentDir(), 'posts');

function getFileId(entry: PostEntry): string {
  if (!entry.filePath) return entry.id;
  // Each content folder has its own content store (cacheDir in astro.config.ts), so filePath is
  // always within this folder's posts.
  const path = relative(POSTS_DIR, resolve(entry.filePath)).split(sep).join('/');
  // The id becomes an address and a redirect file's path: it must stay inside the posts folder.
  if (path.split('/').includes('..')) throw new Error(`${entry.filePath}: cannot tell its path within ${POSTS_DIR}`);
  return getPostIdFromPath(path);
}

async function loadPublishedPosts(): Promise<Post[]> {
  const now = new Date();
  const includeUnpublished = import.meta.env.SHOW_UNPUBLISHED === true;
  const [entries, threads] = await Promise.all([getCollection('posts'), getCommentThreads()]);
  const posts = entries
    .filter((entry) => isPostVisible(entry.data, { now, includeUnpublished }))
    .map((entry): Post => {
      // Markdown (.md) arrives rendered by the content layer, cached between builds: count its
      // words in that HTML. MDX has no stored HTML, so its Markdown is parsed.
      const html = entry.rendered?.html;
      // A post that names no language but is written in another script than the site's is served
      // in the language its script shows (the content check says so to the editor).
      const lang =
        entry.data.lang ??
        getUnmarkedLanguage(`${entry.data.title}\n${entry.body ?? ''}`, SITE.language) ??
        SITE.language;
      const measure = html === undefined ? measureMarkdown(entry.body ?? '', lang) : measureHtml(html, lang);
      return {
        slug: entry.id,
        fileId: getFileId(entry),
        path: getPostPath(entry.id),
        title: entry.data.title,
        description: entry.data.description,
        pubDate: entry.data.pubDate,
        updatedDate: entry.data.updatedDate,
        tags: entry.data.tags,
        kind: entry.data.kind,
        draft: entry.data.draft,
        scheduled: entry.data.pubDate.getTime() > now.getTime(),
        lang,
        readingMinutes: readingMinutesFor(measure),
        wordCount: wordCountOf(measure),
        commentCount: countComments(threads.get(entry.id)),
        hero: entry.data.hero,
        author: entry.data.author.id,
        review: entry.data.kind === 'review' ? entry.data.review : undefined,
        health: entry.data.health,
        sources: entry.data.sources,
        commentsOpen: entry.data.comments === 'open',
        redirectFrom: entry.data.redirectFrom,
        feedId: entry.data.feedId,
        entry,
      };
    });
  return sortNewestFirst(withCanonicalTagLabels(posts));
}

/** A tag written two ways across posts ("Stress", "stress") shows one label everywhere. */
function withCanonicalTagLabels(posts: Post[]): Post[] {
  const labels = new Map<string, string[]>();
  for (const tag of posts.flatMap((post) => post.tags)) {
    const written = labels.get(tag.slug);
    if (written) written.push(tag.label);
    else labels.set(tag.slug, [tag.label]);
  }
  // One label per tag, chosen once, not once for every post that carries the tag.
  const shown = new Map([...labels].map(([slug, written]) => [slug, pickTagLabel(written)]));
  return posts.map((post) => ({
    ...post,
    tags: post.tags.map((tag) => ({ slug: tag.slug, label: shown.get(tag.slug)! })),
  }));
}

/**
 * Every post a reader may see, newest first: drafts and future-dated posts are left out of a
 * production build (dev shows them, marked). Pages, tag lists, the archive and the feed all use this.
 */
export const getPublishedPosts: () => Promise<Post[]> = cacheUnlessDev(loadPublishedPosts);

/** The neighbours of a post in publication order: the older one and the newer one. */
export async function getAdjacentPosts(slug: string): Promise<{ older?: Post; newer?: Post }> {
  const posts = await getPublishedPosts();
  const index = getPositions(posts).get(slug);
  if (index === undefined) return {};
  return { newer: posts[index - 1], older: posts[index + 1] };
}

// Each post page asks for its neighbours; one slug → position map per list, not a scan per page.
const positions = new WeakMap<readonly Post[], Map<string, number>>();
function getPositions(posts: readonly Post[]): Map<string, number> {
  let map = positions.get(posts);
  if (!map) {
    map = new Map(posts.map((post, index) => [post.slug, index]));
    positions.set(posts, map);
  }
  return map;
}

const excerpts = new Map<string, string>();

/**
 * About 300 characters of a post's opening paragraphs, as plain text. Only a few posts show one
 * (the popular posts), so it is computed when asked for, once per post.
 */
export function getPostExcerpt(post: Post): string {
  const key = `${post.slug}|${post.entry.digest ?? ''}`;
  let excerpt = excerpts.get(key);
  if (excerpt === undefined) {
    excerpt = getExcerpt(post.entry.body ?? '', EXCERPT_LENGTH);
    excerpts.set(key, excerpt);
  }
  return excerpt;
}

/** The date a post last changed: its updatedDate, or else its pubDate. */
export function getLastModified(post: Pick<Post, 'pubDate' | 'updatedDate'>): Date {
  return post.updatedDate ?? post.pubDate;
}
