import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pidtree from 'pidtree';
import { afterAll, describe, expect, test } from 'vitest';
import { buildSearchIndex } from '../../src/integrations/search-index.ts';

/** A built post page as the site writes it: only the article is marked for the index. */
function page(title: string, body: string, lang = 'en-GB'): string {
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title></head><body><nav>Home · Tags · Search</nav><article data-pagefind-body><h1>${title}</h1><p>${body}</p></article></body></html>`;
}

/** A finished build's folder with a few post pages, a list page and the 404 page. */
function builtSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'search-index-test-'));
  const posts: [string, string, string, string?][] = [
    ['z-late-in-the-alphabet', 'Zürich’s Fußreflexzonen', 'Eine Massage der Füße, gründlich erklärt.', 'de'],
    ['a-first', 'Shoulder rolls at the desk', 'Roll the shoulders back five times; breathe out slowly.'],
    ['m-middle', 'Hot stones, cold feet', 'Basalt keeps its warmth — a hot stone massage explained.'],
    ['肩颈放松', '肩颈按摩的十个方法', '长期伏案工作的上班族可以在家里自己练习。', 'zh-Hans'],
  ];
  for (const [slug, title, body, lang] of posts) {
    mkdirSync(join(dir, 'posts', slug), { recursive: true });
    writeFileSync(join(dir, 'posts', slug, 'index.html'), page(title, body, lang));
  }
  writeFileSync(
    join(dir, 'index.html'),
    '<!DOCTYPE html><html lang="en-GB"><body><h1>Home</h1><p>Shoulder rolls</p></body></html>',
  );
  writeFileSync(join(dir, '404.html'), '<!DOCTYPE html><html lang="en-GB"><body><h1>Not found</h1></body></html>');
  return dir;
}

/**
 * The processes this test process has started that are still running (Pagefind's, if left behind),
 * by name; not the `ps` pidtree itself runs to list them.
 */
async function children(): Promise<string[]> {
  const names = (await pidtree(process.pid)).map((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      return undefined; // Gone since it was listed.
    }
  });
  return names.filter((name): name is string => name !== undefined && name !== 'ps');
}

/**
 * Waits up to five seconds for the processes this test process started to be gone: Pagefind's
 * `close()` asks its process to stop without waiting for it to exit, which on a busy machine takes
 * some milliseconds. A process left running for good still fails.
 */
async function expectNoChildren(): Promise<void> {
  await expect.poll(children, { timeout: 5_000, interval: 100 }).toEqual([]);
}

describe('buildSearchIndex over a finished build', { timeout: 60_000 }, () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  test('indexes the marked post pages only, and writes the same bytes twice', async () => {
    const first = builtSite();
    const second = builtSite();
    dirs.push(first, second);
    expect(await buildSearchIndex(first)).toMatch(/^search index: 4 pages, /);
    await buildSearchIndex(second);
    const entry = (dir: string) => readFileSync(join(dir, 'pagefind/pagefind-entry.json'), 'utf8');
    expect(entry(second)).toBe(entry(first));
    await expectNoChildren();
  });

  test('when writing the index fails, the error says so and Pagefind’s process is gone', async () => {
    const dir = builtSite();
    dirs.push(dir);
    // A file where the index's folder must go: found after Pagefind has started and indexed the pages.
    writeFileSync(join(dir, 'pagefind'), 'not a folder');
    await expect(buildSearchIndex(dir)).rejects.toThrow(/pagefind is a file, where the search index's folder goes/);
    await expectNoChildren();
  });
});
