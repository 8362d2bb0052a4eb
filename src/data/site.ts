import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { videoProblems } from '../lib/mdx-components.ts';

/** The author of a post (or the site's default author). */
export async function getAuthor(id: string): Promise<CollectionEntry<'authors'>> {
  const author = await getEntry('authors', id);
  if (!author)
    throw new Error(
      `there is no author "${id}" (content/authors/${id}.yaml, .yml or .json); add the file or fix the author field`,
    );
  return author;
}

/**
 * The editor-written pages (about, disclaimer), by slug: drafts left out, except where editors
 * preview unpublished content (`npm run dev`), as for posts.
 */
export function getPages(): Promise<CollectionEntry<'pages'>[]> {
  const includeUnpublished = import.meta.env.SHOW_UNPUBLISHED === true;
  return getCollection('pages', (page) => includeUnpublished || !page.data.draft);
}

/** Videos for the videos page, in a stable order (by file name). */
export async function getVideos(): Promise<CollectionEntry<'videos'>[]> {
  return (await getCollection('videos')).sort((a, b) => a.id.localeCompare(b.id));
}

/** One video by its file name, for the MDX <Video id="..."> component. */
export async function getVideo(id: string): Promise<CollectionEntry<'videos'>> {
  const video = await getEntry('videos', id);
  // The content check reports this before the build (rule mdx-components); this is the last guard.
  if (!video) {
    const [problem] = videoProblems(
      { id },
      (await getVideos()).map((entry) => entry.id),
    );
    throw new Error(`<Video id>: ${problem?.message ?? `there is no video "${id}"`}`);
  }
  return video;
}
