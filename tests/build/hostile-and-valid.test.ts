import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { LinkChecker } from 'linkinator';
import { parseDocument } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkFeeds } from '../../tools/bench/check-feeds.ts';
import { TEST_DIST } from '../paths.ts';
import { ProjectCopy } from './project-copy.ts';

const HOSTILE = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));
const VNU = fileURLToPath(new URL('../../node_modules/vnu-jar/build/dist/vnu.jar', import.meta.url));
const frontmatter = (file: string) =>
  parseDocument(readFileSync(join(HOSTILE, file), 'utf8').split('---')[1]!).toJS() as Record<string, string>;
const hostilePost = frontmatter('posts/hostile-post/index.md');
const hostileAuthor = parseDocument(readFileSync(join(HOSTILE, 'authors/mallory.yaml'), 'utf8')).toJS() as {
  name: string;
};

let project: ProjectCopy;
let hostileDist: string;

beforeAll(() => {
  // A build of hostile text, not of image encoding: the repository's heroes come already encoded.
  project = new ProjectCopy().withEncodedImages();
  cpSync(HOSTILE, join(project.dir, 'content'), { recursive: true });
  const { status, output } = project.build();
  if (status !== 0) throw new Error(`the hostile fixture did not build:\n${output}`);
  hostileDist = join(project.dir, 'dist');
}, 120_000);
afterAll(() => project?.remove());

const htmlFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => join(entry.parentPath, entry.name));

describe('validity', () => {
  test('every page of both builds passes the Nu HTML Checker with zero errors', () => {
    // One short run of the checker: the JVM's first compiler alone (C1) does it in about half the
    // CPU of both (the optimising C2 compiles code the run ends before using). C1's frames are deeper,
    // and the checker's schema needs a larger stack than the default then (it says so).
    const result = spawnSync(
      'java',
      [
        '-XX:TieredStopAtLevel=1',
        '-Xss4m',
        '-jar',
        VNU,
        '--skip-non-html',
        '--errors-only',
        '--format',
        'json',
        '--stdout',
        TEST_DIST,
        hostileDist,
      ],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const messages = (JSON.parse(result.stdout).messages as { url: string; message: string; lastLine?: number }[]).map(
      (m) => `${m.url.replace(/^file:/, '')}:${m.lastLine ?? ''}: ${m.message}`,
    );
    expect(messages).toEqual([]);
    expect(result.status).toBe(0);
  }, 60_000);

  test.each([
    ['the test site', () => TEST_DIST],
    ['the hostile fixture', () => hostileDist],
  ])(
    'every internal link and #fragment of %s resolves over HTTP (linkinator)',
    async (_name, dir) => {
      const checker = new LinkChecker();
      const result = await checker.check({
        path: dir(),
        recurse: true,
        checkFragments: true,
        // Its own server is http://127.0.0.1:PORT: skip every other origin (the machine is offline).
        linksToSkip: ['^https?://(?!127\\.0\\.0\\.1[:/])', '^mailto:'],
      });
      const broken = result.links.filter((link) => link.state === 'BROKEN');
      expect(broken.map((link) => `${link.url} (from ${link.parent}) ${link.status}`)).toEqual([]);
      expect(result.links.filter((link) => link.state === 'OK').length).toBeGreaterThan(40);
    },
    60_000,
  );
});

describe('hostile content is harmless and intact', () => {
  const page = (path: string) => fromHtml(readFileSync(join(hostileDist, path), 'utf8'));

  test('no page runs any script but the site’s own', () => {
    const ownHashes = readFileSync(join(TEST_DIST, '_headers'), 'utf8').match(/'sha256-[^']+'/g);
    const hostileHashes = readFileSync(join(hostileDist, '_headers'), 'utf8').match(/'sha256-[^']+'/g);
    // The hostile build has no remote video, so no facade script: its hashes are a subset of ours.
    expect(hostileHashes!.length).toBeGreaterThan(0);
    for (const hash of hostileHashes!) expect(ownHashes).toContain(hash);
    for (const file of htmlFiles(hostileDist)) {
      const tree = fromHtml(readFileSync(file, 'utf8'));
      for (const script of selectAll('script:not([type="application/ld+json"])', tree)) {
        expect(toString(script), file).not.toContain('alert');
      }
      // Structured data is inert, and the hostile title inside it cannot close its script element.
      for (const data of selectAll('script[type="application/ld+json"]', tree)) {
        expect(toString(data), file).not.toMatch(/</);
        expect(() => JSON.parse(toString(data)), file).not.toThrow();
      }
    }
  });

  test('the title, description, tags and author show exactly as written, as text', () => {
    const tree = page('posts/hostile-post/index.html');
    expect(toString(select('h1', tree)!)).toBe(hostilePost.title);
    expect(toString(select('title', tree)!)).toBe(`${hostilePost.title} | Massage & Wellness`);
    expect(select('meta[name="description"]', tree)?.properties.content).toBe(hostilePost.description);
    expect(select('meta[property="og:title"]', tree)?.properties.content).toBe(hostilePost.title);
    const jsonLd = JSON.parse(toString(select('script[type="application/ld+json"]', tree)!));
    expect(jsonLd['@graph'][0]).toMatchObject({ headline: hostilePost.title, description: hostilePost.description });
    expect(toString(select('.byline', tree)!)).toContain(`By ${hostileAuthor.name}`);
    expect(selectAll('.post-header .tag-list a', tree).map((a) => toString(a))).toEqual([
      '<b>bold</b>',
      'a & b',
      '"quoted"',
      'emoji 😀',
      'עברית',
    ]);
    expect(selectAll('.prose b, .prose i, h1 script, .byline script', tree)).toHaveLength(0);
  });

  test('every tag, however it is written, has a working page', () => {
    const tags = page('tags/index.html');
    const hrefs = selectAll('main .tags a', tags).map((a) => decodeURIComponent(String(a.properties.href)));
    for (const href of hrefs) {
      expect(readFileSync(join(hostileDist, href, 'index.html'), 'utf8')).toContain('Posts tagged');
    }
    expect(hrefs).toContain('/tags/עברית/');
  });

  test('a hostile comment is shown as text, its website as a plain link', () => {
    const tree = page('posts/hostile-post/index.html');
    const comment = select('#comment-01-hostile', tree)!;
    expect(toString(comment)).toContain(`<script>alert("body")</script>`);
    const site = select('#comment-01-hostile .author a', tree)!;
    expect(String(site.properties.href)).toMatch(/^https:\/\/example\.org\//);
    expect(site.properties.rel).toEqual(['nofollow', 'ugc', 'noopener']);
  });

  test('the feed stays well-formed and a real client reads the title back exactly', () => {
    const feed = join(hostileDist, 'rss.xml');
    const lint = spawnSync('xmllint', ['--noout', '--nonet', feed], { encoding: 'utf8' });
    expect(lint.stderr).toBe('');
    const script = `
import json, sys, feedparser
f = feedparser.parse(sys.argv[1])
e = [x for x in f.entries if "hostile-post" in x.link][0]
print(json.dumps({"bozo": int(f.bozo), "title": e.title, "author": e.get("author", "")}))`;
    const result = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, feed], { encoding: 'utf8' }));
    expect(result.bozo).toBe(0);
    expect(result.title).toBe(hostilePost.title);
    expect(result.author).toBe(hostileAuthor.name);
  });

  test('every feed still passes the format rules and feedparser', () => {
    expect(checkFeeds(hostileDist).problems).toEqual([]);
  });

  test('the sitemap still validates', () => {
    const xsd = fileURLToPath(new URL('../../node_modules/sitemap/schema/sitemap.xsd', import.meta.url));
    const result = spawnSync('xmllint', ['--noout', '--nonet', '--schema', xsd, join(hostileDist, 'sitemap-0.xml')], {
      encoding: 'utf8',
    });
    expect(result.status, result.stderr).toBe(0);
  });
});
