import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The order the shuffled projects (unit, inbox) run their tests in: fixed, so a failure
    // reproduces; `--sequence.seed=N` on the command line tries another.
    sequence: { seed: 20261130 },
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
          // Tests run in an order of their own, not the file's (the seed above): a test that leans on an
          // earlier one's state fails here, not in a newcomer's -t.
          sequence: { shuffle: true },
        },
      },
      // Assertions on a finished build of the test site (npm run build:test-site makes it). A test or
      // hook that builds gets 120 s: a build that fails while rendering took 66 s at load 25, and
      // content-errors.test.ts's build in beforeAll overran Vitest's default 10 s for a hook at load 10.
      // The files share one module graph (isolate: false), as the unit tests do: they keep no state
      // in shared modules (each builds in its own copy of the project), and a fresh worker per file
      // was half the CPU of the files that only read the test site (23.8 s against 12.9 s for nine
      // of them, at load 7 to 9).
      {
        test: {
          name: 'build',
          include: ['tests/build/**/*.test.ts'],
          // Two files at a time: most of a file's time is a child Astro build, mostly one core's work.
          // Stage 2 of npm test (these beside `check`), quiet machine: 310 s with two, 358 to 407 s
          // with one (Vitest's default here: cores - 1).
          maxWorkers: 2,
          testTimeout: 120_000,
          hookTimeout: 120_000,
          isolate: false,
        },
      },
      // The comment inbox: a real server, database, SMTP server and browser on 127.0.0.1.
      {
        test: {
          name: 'inbox',
          include: ['tests/inbox/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          sequence: { shuffle: true },
        },
      },
    ],
  },
});
