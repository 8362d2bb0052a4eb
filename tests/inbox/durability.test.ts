import { expect, test } from 'vitest';
import { runCommentLoad } from '../../tools/bench/bench-comments.ts';

test('no acknowledged comment is lost when the server is killed with SIGKILL under load and started again', async () => {
  const result = await runCommentLoad({ connections: 40, seconds: 4, kill: true });
  expect(result.acknowledged).toBeGreaterThan(0);
  expect(result.acknowledgedAfterRestart).toBeGreaterThan(0);
  expect(result.errorsAfterRestart).toBe(0);
  expect(result.stored).toBeGreaterThanOrEqual(result.acknowledged);
  expect(result.lost).toBe(0);
});
