import { fileURLToPath } from 'node:url';

/** The test site's build output (see scripts/build-test-site.ts). */
export const TEST_DIST = fileURLToPath(new URL('../.test-site/dist/', import.meta.url));
export const TEST_CONTENT = fileURLToPath(new URL('../.test-site/content/', import.meta.url));
