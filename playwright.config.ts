import { createHash } from 'node:crypto';
import { defineConfig } from '@playwright/test';
import { TEST_CHROMIUM } from './tests/browser.ts';

// Ports derived from the checkout's path, so two checkouts on one machine (a developer's and CI's)
// can run their tests at the same time without taking each other's servers for their own.
const PORT_BASE = 20000 + (createHash('sha256').update(process.cwd()).digest().readUInt16BE(0) % 20000) * 2;
const PORT = PORT_BASE;
/** nginx serving the same build with the production headers (see scripts/nginx-conf.ts). */
const NGINX_PORT = PORT_BASE + 1;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list']],
  // Web-first assertions wait only as long as they must; on two cores shared with the build-output
  // tests (npm test runs both at once) a page can take longer than the default five seconds.
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: TEST_CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        // Glyphs hinted as the full browser hints them in headless mode: with the shell's own
        // default, text ran about 1 % wider and the screenshots (tests/e2e/design.spec.ts) differed.
        '--font-render-hinting=slight',
        // Imported posts show images and players from other sites: the browser finds no host but
        // this machine, so no test sends traffic out (CSP is checked before any lookup).
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      ],
    },
  },
  projects: [
    {
      name: 'phone',
      testIgnore: /headers\.spec/,
      // What cannot depend on the window's size runs once, on the desktop (tests/e2e/site.ts).
      grepInvert: /@any-viewport/,
      use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    },
    { name: 'desktop', testIgnore: /headers\.spec/, use: { viewport: { width: 1280, height: 800 } } },
    { name: 'nginx', testMatch: /headers\.spec/, use: { baseURL: `http://127.0.0.1:${NGINX_PORT}` } },
  ],
  webServer: [
    {
      // The test site (npm run build:test-site), served as a static host would. --ignore-lock lets it
      // run beside a preview the developer already has open.
      command: `npx --no-install astro preview --ignore-lock --host 127.0.0.1 --port ${PORT}`,
      env: { BLOG_OUT_DIR: '.test-site/dist', ASTRO_TELEMETRY_DISABLED: '1' },
      url: `http://127.0.0.1:${PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      // Debian's nginx, with the configuration `npm run nginx-conf` prints, run in the foreground.
      command: `node scripts/nginx-conf.ts --root .test-site/dist --port ${NGINX_PORT} --standalone > .test-site/nginx.conf && $(command -v nginx || echo /usr/sbin/nginx) -c "$PWD/.test-site/nginx.conf"`,
      url: `http://127.0.0.1:${NGINX_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
});
