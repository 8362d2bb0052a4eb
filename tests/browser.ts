import { existsSync } from 'node:fs';

/**
 * The Chromium the browser tests drive (Playwright's end-to-end tests and the comment inbox's reader
 * flow): CHROME_PATH when set; else Debian's headless shell (`chromium-headless-shell`, which
 * `npm run test:tools` installs), the same engine without the full browser around it; else Debian's
 * full Chromium; else (undefined) Playwright's own download, which cannot be fetched on a machine
 * without internet. The shell, measured on the accessibility spec (desktop, quiet two-core machine):
 * 85 s of CPU against 126 s for the full browser, 48 s of wall time against 67 s.
 * The benchmark's Lighthouse runs keep the full browser (tools/bench/bench-browser.ts): it measures
 * what readers' browsers do.
 */
export const TEST_CHROMIUM: string | undefined =
  process.env.CHROME_PATH ?? ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path));
