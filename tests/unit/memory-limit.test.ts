import { describe, expect, test } from 'vitest';
import { memoryLimitProblem, runWithinMemory } from '../../tools/bench/memory-limit.ts';

/** A Node process that fills 40 buffers of 10 MiB each (every page touched) and says so. */
const FILL_400_MIB = [
  '-e',
  'const kept = []; for (let i = 0; i < 40; i += 1) kept.push(Buffer.alloc(10 * 1024 * 1024, 1)); console.log("filled", kept.length)',
];

// Making a cgroup needs root (as in CI); elsewhere the test is skipped with the reason, and in CI a
// missing controller fails it, so the bench's --memory-limit is never left untested there.
const problem = memoryLimitProblem();

describe.skipIf(problem !== undefined && !process.env.CI)('runWithinMemory', () => {
  test('the machine can set memory limits', () => {
    expect(problem).toBeUndefined();
  });

  test('a process that needs more than the limit is killed by the OOM killer, and the group reports it', async () => {
    const run = await runWithinMemory(process.execPath, FILL_400_MIB, { cwd: process.cwd(), limitMiB: 128 });
    expect(run.killedForMemory).toBe(true);
    expect(run.signal).toBe('SIGKILL');
    expect(run.output).not.toContain('filled');
    expect(run.peakMiB).toBeGreaterThan(100);
    expect(run.peakMiB).toBeLessThanOrEqual(128);
  });

  test('the same process within a larger limit completes, and its peak is what it held', async () => {
    const run = await runWithinMemory(process.execPath, FILL_400_MIB, { cwd: process.cwd(), limitMiB: 1024 });
    expect(run).toMatchObject({ exitCode: 0, signal: null, killedForMemory: false });
    expect(run.output).toContain('filled 40');
    expect(run.peakMiB).toBeGreaterThan(400);
    expect(run.peakMiB).toBeLessThan(1024);
  });

  test('a failing command is reported as failing, not as killed', async () => {
    const run = await runWithinMemory(process.execPath, ['-e', 'process.exit(3)'], {
      cwd: process.cwd(),
      limitMiB: 256,
    });
    expect(run).toMatchObject({ exitCode: 3, killedForMemory: false });
  });
});
