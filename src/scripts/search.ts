/**
 * The search page's client code: loads Pagefind's index (only here, only when the page opens) with
 * the index of every other language of the site merged in, searches as the reader types (narrowed
 * by the page's tag and kind filters), and announces the count.
 */
import { getOtherSearchLanguages, type SearchIndexLanguages } from '../lib/search-languages.ts';

interface PagefindResult {
  /** `filters` holds the post's kind, tags, language and display date (PostByline), each a list. */
  data(): Promise<{
    url: string;
    excerpt: string;
    meta: Record<string, string>;
    filters: Record<string, string[] | undefined>;
  }>;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  mergeIndex(bundlePath: string, options?: { language?: string }): Promise<void>;
  search(
    query: string | null,
    options?: { filters?: Record<string, { any: string[] }> },
  ): Promise<{ results: PagefindResult[] }>;
}

const MAX_RESULTS = 20;

/** Pagefind's excerpt as DOM nodes: its text and <mark> highlights, nothing else. */
function excerptNodes(html: string): Node[] {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, 'text/html');
  return Array.from(doc.body.firstChild!.childNodes).map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}

function selectedFilters(container: HTMLElement): Record<string, { any: string[] }> {
  const selected: Record<string, { any: string[] }> = {};
  for (const box of container.querySelectorAll<HTMLInputElement>('input[type="checkbox"]:checked')) {
    (selected[box.name] ??= { any: [] }).any.push(box.value);
  }
  return selected;
}

export async function startSearch(): Promise<void> {
  const form = document.querySelector<HTMLFormElement>('form.search-form')!;
  const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
  const app = document.querySelector<HTMLElement>('[data-search]')!;
  const filterBox = app.querySelector<HTMLElement>('[data-search-filters]')!;
  const status = app.querySelector<HTMLElement>('[data-search-status]')!;
  const list = app.querySelector<HTMLOListElement>('[data-search-results]')!;

  const bundleDir = '/pagefind/';
  const bundle = `${bundleDir}pagefind.js`;
  const [pagefind, entry] = await Promise.all([
    import(/* @vite-ignore */ bundle) as Promise<Pagefind>,
    fetch(`${bundleDir}pagefind-entry.json`).then(
      (response) => response.json() as Promise<{ languages: SearchIndexLanguages }>,
    ),
  ]);
  await pagefind.options({ basePath: bundleDir, excerptLength: 24 });
  // Pagefind loads the index of this page's language only; the others are merged in, each searched
  // with its own word segmentation (Chinese, Japanese and Thai queries are split into words).
  // Pagefind skips a merge whose address the main index's address starts with (a guard against
  // merging an index into itself); here it is the same bundle but another language's index, so the
  // merge names the bundle by its full URL while the main index uses the site path.
  // tests/e2e/search.spec.ts fails if that stops working.
  const others = getOtherSearchLanguages(entry.languages, document.documentElement.lang);
  const mergeUrl = new URL(bundleDir, location.href).href;
  await Promise.all(others.map((language) => pagefind.mergeIndex(mergeUrl, { language })));

  let latest = 0;
  const run = async () => {
    const query = input.value.trim();
    const filters = selectedFilters(filterBox);
    const ticket = ++latest;
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(null, '', url);
    if (!query && Object.keys(filters).length === 0) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    const search = await pagefind.search(query || null, { filters });
    const found = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
    if (ticket !== latest) return; // a newer search has started
    list.replaceChildren(
      ...found.map((result) => {
        const item = document.createElement('li');
        const heading = document.createElement('h2');
        const link = document.createElement('a');
        // Results from a merged index come with the full URL they were loaded from; a site path
        // keeps every result link the same, whichever index it came from.
        const address = new URL(result.url, location.href);
        link.href =
          address.origin === location.origin ? address.pathname + address.search + address.hash : address.href;
        link.textContent = result.meta.title ?? result.url;
        heading.append(link);
        const date = document.createElement('p');
        date.className = 'meta';
        date.textContent = result.filters.date?.[0] ?? '';
        const excerpt = document.createElement('p');
        excerpt.append(...excerptNodes(result.excerpt));
        // A result in another language than the page's says which (WCAG 3.1.2), and lets the
        // browser set the direction of a right-to-left title and excerpt from their text.
        const lang = result.filters.lang?.[0];
        if (lang && lang.toLowerCase() !== document.documentElement.lang.toLowerCase()) {
          for (const element of [link, excerpt]) {
            element.lang = lang;
            element.dir = 'auto';
          }
        }
        item.append(heading, date, excerpt);
        return item;
      }),
    );
    const count = search.results.length;
    const what = query ? ` for “${query}”` : '';
    status.textContent = count === 0 ? `No results${what}.` : `${count} ${count === 1 ? 'result' : 'results'}${what}.`;
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, 150);
  });
  filterBox.addEventListener('change', run);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run();
  });
  // A query from the address (the header form), or typed or a filter ticked while the index was
  // loading (the listeners above were not there yet to see it).
  const initial = new URLSearchParams(location.search).get('q');
  if (initial && !input.value.trim()) input.value = initial;
  if (input.value.trim() || Object.keys(selectedFilters(filterBox)).length > 0) await run();
}
