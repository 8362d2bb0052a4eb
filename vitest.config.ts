import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // 20 s rather than 5: on two cores shared with other work, a test that hashes passwords with
      // scrypt has waited longer than 5 s for a core.
      //
      // The unit tests hold no state between files, so the files share one module graph (isolate:
      // false) on both cores: importing Astro, sharp and satori afresh for each of 61 files was over
      // half of the run. 124 s of wall time and 72 s of CPU before, 30 s and 21 s after, at load 7.
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 20_000,
          isolate: false,
          maxWorkers: 2,
        },
      },
      // Assertions on a finished build of the test site (npm run build:test-site makes it). Hooks
      // build too (content-errors.test.ts builds in beforeAll): Vitest's default 10 s for a hook has
      // timed out at load 10.
      {
        test: { name: 'build', include: ['tests/build/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 },
      },
      // The comment inbox: a real server, database, SMTP server and browser on 127.0.0.1.
      { test: { name: 'inbox', include: ['tests/inbox/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
    ],
  },
});
