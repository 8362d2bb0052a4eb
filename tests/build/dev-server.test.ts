import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freePort } from '../free-port.ts';
import { TEST_CONTENT } from '../paths.ts';
import { cleanEnv, ProjectCopy } from './project-copy.ts';

const POST = 'content/posts/shepherds-bush-freelance-massage-review/index.md';
const POST_PATH = '/posts/shepherds-bush-freelance-massage-review/';

// One dev server for the tests below (starting one costs 20 to 50 s here): the test site's content
// (with its draft and scheduled posts), one post of which has a misspelt field when it starts.
let project: ProjectCopy;
let server: ChildProcess;
let base = '';
let output = '';
beforeAll(async () => {
  project = new ProjectCopy();
  rmSync(join(project.dir, 'content'), { recursive: true });
  cpSync(TEST_CONTENT, join(project.dir, 'content'), { recursive: true });
  project.edit(POST, (text) => text.replace(/^description:/m, 'desciption:'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn('astro', ['dev', '--ignore-lock', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: project.dir,
    env: { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1' },
  });
  const collect = (chunk: Buffer) => (output += chunk.toString().replace(/\x1b\[[0-9;]*m/g, ''));
  server.stdout!.on('data', collect);
  server.stderr!.on('data', collect);
  await waitFor('the dev server', () => fetchPage(base, '/'), 150);
}, 180_000);
afterAll(() => {
  server?.kill();
  project?.remove();
});

/** Polls until `check` returns a value, or fails with what the server printed. */
async function waitFor<T>(what: string, check: () => Promise<T | undefined>, seconds: number): Promise<T> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    const value = await check().catch(() => undefined);
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for ${what}; the dev server printed:\n${output}`);
}

const fetchPage = async (base: string, path: string) => {
  const response = await fetch(`${base}${path}`);
  return { status: response.status, html: await response.text() };
};

test('npm run dev starts with a broken post, shows the problem on the page, recovers when the file is fixed, and prints a broken link', async () => {
  // The shared server started with the misspelt field (beforeAll).
  // It serves, and every page names the problem, in the build's words.
  const home = await waitFor('the home page', () => fetchPage(base, '/'), 120);
  expect(home.status).toBe(200);
  expect(home.html).toContain('role="alert"');
  expect(home.html).toContain(`${POST}:3: desciption: not a field of a post; did you mean &quot;description&quot;?`);
  expect(output).toContain(`${POST}:3: desciption: not a field of a post; did you mean "description"?`);
  expect(output).not.toContain('InvalidContentEntryDataError');

  // Fixed while it runs: the post comes back and the notice goes, with no restart.
  project.edit(POST, (text) => text.replace(/^desciption:/m, 'description:'));
  const fixed = await waitFor(
    'the fixed post',
    async () => {
      const page = await fetchPage(base, POST_PATH);
      return page.status === 200 && !page.html.includes('role="alert"') ? page : undefined;
    },
    30,
  );
  expect(fixed.html).toContain('Shepherd');
  expect((await fetchPage(base, '/')).html).not.toContain('role="alert"');

  // A broken link written while it runs is printed, and shown, while the page still renders.
  project.edit(POST, (text) => `${text}\nSee [the old notes](/posts/no-such-post/).\n`);
  await waitFor(
    'the broken link to be printed',
    async () =>
      output.includes(`links to /posts/no-such-post/, but there is no post "no-such-post"`) ? true : undefined,
    30,
  );
  const linked = await fetchPage(base, POST_PATH);
  expect(linked.status).toBe(200);
  expect(linked.html).toContain('links to /posts/no-such-post/');
  expect(server.exitCode, 'the dev server is still running').toBeNull();
}, 90_000);

test('npm run dev shows drafts and scheduled posts, marked as such', async () => {
  const { html: home } = await fetchPage(base, '/');
  expect(home).toContain('FIXTURE DRAFT Unpublished Thoughts');
  expect(home).toContain('FIXTURE FUTURE Scheduled Post');
  expect(home).toMatch(/<strong class="flag"[^>]*>Draft<\/strong>/);
  expect(home).toMatch(/<strong class="flag"[^>]*>Scheduled<\/strong>/);
  const { html: draft } = await fetchPage(base, '/posts/fixture-draft-post/');
  expect(draft).toContain('Draft: visible only in the development preview.');
});

test('npm run dev draws the cards pages share: the site card and a post’s card', async () => {
  const { html: home } = await fetchPage(base, '/');
  const { html: post } = await fetchPage(base, '/posts/fixture-card-long-word/');
  for (const html of [home, post]) {
    const image = /<meta property="og:image" content="([^"]+)"/.exec(html)?.[1];
    expect(image).toMatch(/\/social\/(site|posts\/fixture-card-long-word)\.png$/);
    const response = await fetch(`${base}${new URL(image!).pathname}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    // A PNG's signature.
    expect([...new Uint8Array(await response.arrayBuffer()).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  }
});
