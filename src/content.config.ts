import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineCollection, reference } from 'astro:content';
import { file, glob } from 'astro/loaders';
import {
  authorSchema,
  commentSchema,
  createPostSchema,
  createVideoSchema,
  pageSchema,
  pageViewsSnapshotSchema,
} from './lib/schemas.ts';
import { getPostId } from './lib/slugs.ts';
import { tolerantInDev } from './loaders/tolerant-loader.ts';
import { resolveContentDir } from './lib/content-dir.ts';
import { SITE } from './site.config.ts';

/** A collection's folder in the content folder (tests point BLOG_CONTENT_DIR at a fixture tree). */
const CONTENT_DIR = resolveContentDir();
const folder = (name: string) => pathToFileURL(join(CONTENT_DIR, name, '/'));
const { timeZone } = SITE;

// Made once: the post schema is built once per author schema (see createPostSchema).
const authorReference = reference('authors');

const posts = defineCollection({
  loader: tolerantInDev(
    glob({
      base: folder('posts'),
      pattern: '**/*.{md,mdx}',
      generateId: ({ entry, data }) => getPostId(entry, data),
    }),
  ),
  schema: ({ image }) => createPostSchema({ image: image(), author: authorReference, timeZone }),
});

const authors = defineCollection({
  loader: tolerantInDev(glob({ base: folder('authors'), pattern: '*.{yaml,yml,json}' })),
  schema: authorSchema,
});

const pages = defineCollection({
  loader: tolerantInDev(glob({ base: folder('pages'), pattern: '*.{md,mdx}' })),
  schema: pageSchema(timeZone),
});

const comments = defineCollection({
  // Bodies are untrusted: pages render them with renderCommentMarkdown, never with render().
  loader: tolerantInDev(
    glob({
      base: folder('comments'),
      pattern: '*/*.md',
      generateId: ({ entry }) => entry.replace(/\.md$/i, ''),
    }),
  ),
  schema: commentSchema(timeZone),
});

const videos = defineCollection({
  loader: tolerantInDev(glob({ base: folder('videos'), pattern: '*.{yaml,yml}' })),
  schema: ({ image }) => createVideoSchema(image(), timeZone),
});

const stats = defineCollection({
  // content/stats/pageviews.json maps page paths (or URLs) to views, as exported from analytics.
  loader: file(`${CONTENT_DIR}/stats/pageviews.json`, {
    parser: (text) => ({ pageviews: { views: JSON.parse(text) as unknown } }),
  }),
  schema: pageViewsSnapshotSchema,
});

export const collections = { posts, authors, pages, comments, videos, stats };
