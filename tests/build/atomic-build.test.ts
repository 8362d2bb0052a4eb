import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { memoryLimitProblem } from '../../tools/bench/memory-limit.ts';
import { ProjectCopy } from './project-copy.ts';

// One copy of the project, built once before the tests. Each test starts from that state (a good
// dist/, the content and code as shipped) and puts back whatever it changed, so the tests pass in
// any order and alone.
const project = new ProjectCopy().withEncodedImages();
const build = () => project.runInGroup('node', ['scripts/build.ts']);
const home = () => readFileSync(join(project.dir, 'dist/index.html'), 'utf8');
const POST = 'content/posts/how-massage-therapy-may-enhance-your-immune-system/index.mdx';
const POST_PAGE = 'dist/posts/how-massage-therapy-may-enhance-your-immune-system/index.html';

beforeAll(() => {
  const { status, output } = build();
  expect(status, output).toBe(0);
}, 120_000);
afterAll(() => project.remove());

/** Runs `body` with `file` changed by `change`, then puts the file back as it was. */
function withEdit<T>(file: string, change: (text: string) => string, body: () => T): T {
  const original = project.read(file);
  project.write(file, change(original));
  try {
    return body();
  } finally {
    project.write(file, original);
  }
}

/** Marks the current dist/ so a test can tell whether a failed build touched it. */
function markDist(): string {
  const marker = `from the build before ${Math.random()}`;
  project.write('dist/MARKER', marker);
  return marker;
}

test('what a command leaves running in its process group is seen (the check below can fail)', () => {
  const { leftBehind } = project.runInGroup('sh', ['-c', 'sleep 30 >/dev/null 2>&1 &']);
  expect(leftBehind).toEqual([expect.stringMatching(/^\d+ sleep 30$/)]);
  process.kill(Number(leftBehind[0]!.split(' ')[0]));
});

test('a build that fails while rendering leaves the previous dist/ exactly as it was', () => {
  const marker = markDist();
  const before = home();
  const { status, output, leftBehind } = withEdit(
    POST,
    // An id the content check cannot read before the build (an expression): the component refuses it.
    (text) => text.replace('<Video id="breathing-pace-guide" />', '<Video id={"no-such-" + "video"} />'),
    build,
  );
  expect(status).not.toBe(0);
  expect(output).toContain('<Video id>: there is no video "no-such-video" (no content/videos/no-such-video.yaml)');
  expect(output).toContain('is unchanged');
  expect(project.read('dist/MARKER')).toBe(marker);
  expect(home()).toBe(before);
  expect(project.exists('dist.next')).toBe(false);
  // Nothing the build started (esbuild's service, sharp's, Pagefind's) outlives it.
  expect(output).toContain('The build failed');
  expect(leftBehind).toEqual([]);
});

test('a build that fails while Pagefind indexes leaves no process behind, and dist/ as it was', () => {
  const marker = markDist();
  // A file where the index's folder goes: found once Pagefind has started and taken every page.
  project.write('public/pagefind', 'an editor’s stray file');
  let result: ReturnType<typeof build>;
  try {
    result = build();
  } finally {
    rmSync(join(project.dir, 'public/pagefind'));
  }
  expect(result.status).not.toBe(0);
  expect(result.output).toMatch(/pagefind is a file, where the search index's folder goes; rename public\/pagefind/);
  expect(result.leftBehind).toEqual([]);
  expect(project.read('dist/MARKER')).toBe(marker);
});

test('a build stopped by a content error leaves it as it was too', () => {
  const marker = markDist();
  const { status, output } = withEdit(POST, (text) => text.replace('kind: article', 'kind: essay'), build);
  expect(status).not.toBe(0);
  expect(output).toContain('kind: kind must be "article" or "review"');
  expect(project.read('dist/MARKER')).toBe(marker);
});

// One good build after another tests both what a good build does to dist/ and that a schema change
// reaches it through the content cache the first build filled (each was a build of its own).
test('a good build replaces dist/ as a whole, and a schema changed in src/lib takes effect in it despite the content cache', () => {
  const sourceLink = /<a href="(https:\/\/www\.massagesme\.com[^"]*)"/;
  expect(project.read(POST_PAGE).match(sourceLink)?.[1]).not.toMatch(/#changed$/);
  markDist();
  // A schema change that does not touch content.config.ts: every source URL gains a fragment.
  const { status, output } = withEdit(
    'src/lib/schemas/fields.ts',
    (text) =>
      text.replace(
        'if (verdict.ok) return new URL(value.trim()).href;',
        'if (verdict.ok) return `${new URL(value.trim()).href}#changed`;',
      ),
    build,
  );
  expect(status, output).toBe(0);
  expect(project.exists('dist/index.html')).toBe(true);
  expect(project.exists('dist/MARKER'), 'a file of the previous dist/ is gone').toBe(false);
  expect(project.exists('dist.next')).toBe(false);
  expect(project.read(POST_PAGE).match(sourceLink)?.[1]).toMatch(/#changed$/);
});

// A builder's memory limit ends a build with SIGKILL and no word of its own. Making a memory cgroup
// needs root (as in CI); elsewhere the test is skipped, in CI a machine that cannot is a failure.
const noMemoryLimit = memoryLimitProblem();
test.skipIf(noMemoryLimit !== undefined && !process.env.CI)(
  'a build killed for lack of memory says so and how to give it more, and leaves dist/ as it was',
  async () => {
    expect(noMemoryLimit).toBeUndefined();
    const marker = markDist();
    // 320 MiB: Astro's process passes it while it starts; `node scripts/build.ts` itself holds ~50.
    const run = await project.runWithinMemory('node', ['scripts/build.ts'], 320);
    expect(run.killedForMemory, run.output).toBe(true);
    expect(run.exitCode).not.toBe(0);
    expect(run.output).toContain('The build was stopped by the system (signal SIGKILL)');
    expect(run.output).toContain('ran out of\nmemory: it could use 320 MiB here.');
    expect(run.output).toContain('docs/deploying.md, section "Memory"');
    expect(run.output).toMatch(/dist is unchanged\.$/m);
    expect(project.read('dist/MARKER')).toBe(marker);
    expect(project.exists('dist.next')).toBe(false);
  },
  120_000,
);
