import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig } from 'vitest/config';

/**
 * The build-output file that runs longest (a score of Astro builds, two at a time): started first,
 * so that the second worker works through every other file beside it instead of after it. Vitest
 * orders by the durations it remembers, but a clean clone (CI) has none and falls back to file size.
 */
const LONGEST_FIRST = ['tests/build/incremental.test.ts'];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => (LONGEST_FIRST.some((name) => spec.moduleId.endsWith(name)) ? 0 : 1);
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    sequence: { sequencer: LongestFirst },
    projects: [
      // 20 s rather than 5: on two cores shared with other work, a test that hashes passwords with
      // scrypt has waited longer than 5 s for a core.
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 20_000 } },
      // Assertions on a finished build of the test site (npm run build:test-site makes it). npm run
      // test:build runs two files at a time (--maxWorkers 2), even on two cores: most of these tests
      // wait on a child process (an Astro build, a server) rather than compute, which leaves a core
      // idle under Vitest's default of cores - 1.
      { test: { name: 'build', include: ['tests/build/**/*.test.ts'], testTimeout: 60_000 } },
      // The comment inbox: a real server, database, SMTP server and browser on 127.0.0.1.
      { test: { name: 'inbox', include: ['tests/inbox/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
    ],
  },
});
