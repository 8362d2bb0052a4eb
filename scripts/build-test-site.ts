/**
 * Builds the site that the build and browser tests check: the real content/ plus the fixtures in
 * tests/fixtures/overlay/ (a draft, a future post, hostile comments, a remote video) and a Blogger
 * blog imported by the importer itself (tests/fixtures/blogger/images-feed.atom: images, caption
 * tables, embeds; its images downloaded from a local stand-in for Blogger's hosts, or left remote),
 * into .test-site/dist. It builds under TZ=Pacific/Kiritimati (UTC+14), so a date that drifted with
 * the machine's time zone would show up in the tests.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readCommandLine } from '../src/lib/command-line.ts';
import { startImageServer } from '../tests/image-server.ts';

readCommandLine(
  {},
  {
    name: 'npm run build:test-site',
    usage: `Usage: npm run build:test-site

Builds the site the build and browser tests check (content/, the test fixtures and an imported
Blogger blog) into .test-site/dist. Takes no options but -h, --help.`,
  },
);

const root = fileURLToPath(new URL('..', import.meta.url));
const site = `${root}.test-site`;

rmSync(`${site}/content`, { recursive: true, force: true });
mkdirSync(site, { recursive: true });
cpSync(`${root}content`, `${site}/content`, { recursive: true });
cpSync(`${root}tests/fixtures/overlay`, `${site}/content`, { recursive: true });

// The import runs as an owner would run it; its downloads go to tests/image-server.ts, never out.
const images = await startImageServer();
const imported = await new Promise<number>((resolve) => {
  const child = spawn(
    'node',
    [
      `${root}scripts/import-blogger.ts`,
      `${root}tests/fixtures/blogger/images-feed.atom`,
      '--max-image-mb',
      '1',
      '--image-timeout',
      '20',
    ],
    {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, ...images.env, BLOG_CONTENT_DIR: `${site}/content` },
    },
  );
  child.on('close', (status) => resolve(status ?? 1));
});
await images.close();
if (imported !== 0) {
  console.error('The Blogger import of tests/fixtures/blogger/images-feed.atom failed (see above).');
  process.exit(1);
}

const result = spawnSync('node', [`${root}scripts/build.ts`], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    BLOG_CONTENT_DIR: `${site}/content`,
    BLOG_OUT_DIR: `${site}/dist`,
    TZ: process.env.TZ ?? 'Pacific/Kiritimati',
  },
});
process.exit(result.status ?? 1);
