/**
 * Builds the site that the build and browser tests check: the real content/ plus the fixtures in
 * tests/fixtures/overlay/ (a draft, a future post, hostile comments, a remote video), into
 * .test-site/dist. It builds under TZ=Pacific/Kiritimati (UTC+14), so a date that drifted with the
 * machine's time zone would show up in the tests.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const site = `${root}.test-site`;

rmSync(`${site}/content`, { recursive: true, force: true });
mkdirSync(site, { recursive: true });
cpSync(`${root}content`, `${site}/content`, { recursive: true });
cpSync(`${root}tests/fixtures/overlay`, `${site}/content`, { recursive: true });

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
