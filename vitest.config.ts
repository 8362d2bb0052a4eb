import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // 20 s rather than 5: on two cores shared with other work, a test that hashes passwords with
      // scrypt has waited longer than 5 s for a core.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 20_000 } },
      // Assertions on a finished build of the test site (npm run build:test-site makes it).
      { test: { name: 'build', include: ['tests/build/**/*.test.ts'], testTimeout: 60_000 } },
      // The comment inbox: a real server, database, SMTP server and browser on 127.0.0.1.
      { test: { name: 'inbox', include: ['tests/inbox/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
    ],
  },
});
