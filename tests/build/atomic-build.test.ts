import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { ProjectCopy } from './project-copy.ts';

const project = new ProjectCopy();
afterAll(() => project.remove());
const build = () => project.runInGroup('node', ['scripts/build.ts']);
const home = () => readFileSync(join(project.dir, 'dist/index.html'), 'utf8');

test('what a command leaves running in its process group is seen (the check below can fail)', () => {
  const { leftBehind } = project.runInGroup('sh', ['-c', 'sleep 30 >/dev/null 2>&1 &']);
  expect(leftBehind).toEqual([expect.stringMatching(/^\d+ sleep 30$/)]);
  process.kill(Number(leftBehind[0]!.split(' ')[0]));
});

test('a good build replaces dist/ as a whole', () => {
  const { status, output } = build();
  expect(status, output).toBe(0);
  expect(project.exists('dist/index.html')).toBe(true);
  expect(project.exists('dist.next')).toBe(false);
  project.write('dist/MARKER', 'from the previous build');
});

test('a build that fails while rendering leaves the previous dist/ exactly as it was', () => {
  const before = home();
  project.edit('content/posts/how-massage-therapy-may-enhance-your-immune-system/index.mdx', (text) =>
    text.replace('<Video id="breathing-pace-guide" />', '<Video id="no-such-video" />'),
  );
  const { status, output, leftBehind } = build();
  expect(status).not.toBe(0);
  expect(output).toContain('<Video id="no-such-video">: there is no content/videos/no-such-video.yaml');
  expect(output).toContain('is unchanged');
  expect(project.read('dist/MARKER')).toBe('from the previous build');
  expect(home()).toBe(before);
  expect(project.exists('dist.next')).toBe(false);
  // Nothing the build started (esbuild's service, sharp's, Pagefind's) outlives it.
  expect(output).toContain('The build failed');
  expect(leftBehind).toEqual([]);
});

test('a build that fails while Pagefind indexes leaves no process behind, and dist/ as it was', () => {
  project.edit('content/posts/how-massage-therapy-may-enhance-your-immune-system/index.mdx', (text) =>
    text.replace('<Video id="no-such-video" />', '<Video id="breathing-pace-guide" />'),
  );
  // A file where the index's folder goes: found once Pagefind has started and taken every page.
  project.write('public/pagefind', 'an editor’s stray file');
  const { status, output, leftBehind } = build();
  rmSync(join(project.dir, 'public/pagefind'));
  expect(status).not.toBe(0);
  expect(output).toMatch(/pagefind is a file, where the search index's folder goes; rename public\/pagefind/);
  expect(leftBehind).toEqual([]);
  expect(project.read('dist/MARKER')).toBe('from the previous build');
});

test('a build stopped by a content error leaves it as it was too', () => {
  project.edit('content/posts/how-massage-therapy-may-enhance-your-immune-system/index.mdx', (text) =>
    text.replace('kind: article', 'kind: essay'),
  );
  const { status, output } = build();
  expect(status).not.toBe(0);
  expect(output).toContain('kind: kind must be "article" or "review"');
  expect(project.read('dist/MARKER')).toBe('from the previous build');
});

test('changing a schema in src/lib takes effect on the next build, despite the content cache', () => {
  project.edit('content/posts/how-massage-therapy-may-enhance-your-immune-system/index.mdx', (text) =>
    text.replace('kind: essay', 'kind: article'),
  );
  expect(build().status).toBe(0);
  const sourceLink = /<a href="(https:\/\/www\.massagesme\.com[^"]*)"/;
  expect(
    readFileSync(join(project.dir, 'dist/posts/how-massage-therapy-may-enhance-your-immune-system/index.html'), 'utf8'),
  ).toMatch(sourceLink);
  // A schema change that does not touch content.config.ts: every source URL gains a fragment.
  project.edit('src/lib/schemas.ts', (text) =>
    text.replace(
      'if (verdict.ok) return new URL(value.trim()).href;',
      'if (verdict.ok) return `${new URL(value.trim()).href}#changed`;',
    ),
  );
  const { status, output } = build();
  expect(status, output).toBe(0);
  const page = readFileSync(
    join(project.dir, 'dist/posts/how-massage-therapy-may-enhance-your-immune-system/index.html'),
    'utf8',
  );
  expect(page.match(sourceLink)?.[1]).toMatch(/#changed$/);
});
