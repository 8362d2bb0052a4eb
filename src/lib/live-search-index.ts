/**
 * A search index that takes each post page as the build renders it, so Pagefind (its own process,
 * on another core) indexes while Astro goes on rendering, instead of reading every page after the
 * build. The integration opens it at build start; src/middleware.ts hands it pages; the finished
 * build writes it out. Shared through globalThis: the middleware runs in Astro's bundled page code,
 * not in the module instance the integration loaded.
 */

export interface LiveSearchIndex {
  /** Adds a rendered page; indexing happens in Pagefind's process, not awaited here. */
  add(url: string, html: string): void;
  /**
   * The post pages in the order the build makes them. Pagefind numbers pages in the order it gets
   * them, so the index hands them over in this order: a page Astro's incremental build kept from
   * the last build (and so never rendered) is read from Astro's copy of it when its turn comes.
   */
  setOrder(urls: readonly string[]): void;
}

const KEY = Symbol.for('massage-wellness.live-search-index');
type Holder = { [KEY]?: LiveSearchIndex | undefined };

export function setLiveSearchIndex(index: LiveSearchIndex | undefined): void {
  (globalThis as Holder)[KEY] = index;
}

export function getLiveSearchIndex(): LiveSearchIndex | undefined {
  return (globalThis as Holder)[KEY];
}

/** Called by the post route with its pages' paths, in order; does nothing outside a build. */
export function setSearchPageOrder(urls: readonly string[]): void {
  getLiveSearchIndex()?.setOrder(urls);
}

/** Only a post's page has a part marked for the index; no other page needs to reach Pagefind. */
export const SEARCHABLE_MARKER = 'data-pagefind-body';
