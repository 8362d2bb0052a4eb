/**
 * npm run bench:comments -- [--connections 200] [--seconds 10] [--kill] [--json]
 * Load test of the comment inbox on 127.0.0.1 only: starts `npm run comments:serve` on a throwaway
 * database, has autocannon post distinct valid comments from `connections` posters for `seconds`,
 * optionally `kill -9`s the server half-way and starts it again at once (as systemd would) and
 * drives a second, half-length round against the new one, then counts: every comment acknowledged (303) must be in the database. Prints requests per second,
 * p50/p99 latency, errors, and acknowledged against stored. Not part of npm test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createFormToken } from '../src/lib/form-token.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const POST = 'load-test-post';
const SECRET = 'bench-secret-bench-secret-bench';

export interface LoadResult {
  connections: number;
  seconds: number;
  killed: boolean;
  requests: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** Connection errors and timeouts (autocannon's count), plus answers other than 303. */
  errors: number;
  /** Of the errors: connections refused or reset, and requests unanswered after 10 s. */
  connectionErrors: number;
  timeouts: number;
  statuses: Record<string, number>;
  acknowledged: number;
  /** Of those, acknowledged by the server started again after the kill. */
  acknowledgedAfterRestart: number;
  /** Milliseconds from the kill until the new server listened. */
  restartMs?: number | undefined;
  stored: number;
  /** With kill: errors of the round after the restart alone (should be 0). */
  errorsAfterRestart?: number | undefined;
  /** Acknowledged comments missing from the database: must be 0. */
  lost: number;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function startServer(env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/comments-serve.ts')], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const onData = (data: Buffer) => {
      output += data.toString();
      if (output.includes('listening on')) resolve(child);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (data: Buffer) => {
      output += data.toString();
      if (process.env.BENCH_DEBUG) process.stderr.write(data);
    });
    if (process.env.BENCH_DEBUG)
      child.once('exit', (code, signal) => console.error(`inbox ${child.pid} exited: ${code ?? signal}`));
    child.once('exit', (code) => reject(new Error(`the inbox exited (${code}) before listening:\n${output}`)));
  });
}

/** Drives the load described at the top of this file and returns the counts. */
export async function runCommentLoad({
  connections = 200,
  seconds = 10,
  kill = false,
}: { connections?: number; seconds?: number; kill?: boolean } = {}): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'inbox-bench-'));
  const port = await freePort();
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      version: 1,
      site: 'http://127.0.0.1:9/',
      posts: [{ id: POST, title: 'Load test', path: `/posts/${POST}/`, comments: 'open', commentIds: [] }],
    }),
  );
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    COMMENTS_DB: join(dir, 'inbox.sqlite'),
    COMMENTS_MANIFEST: join(dir, 'manifest.json'),
    COMMENTS_CONTENT_DIR: join(dir, 'comments'),
    COMMENTS_SECRET: SECRET,
    // Every poster comes from 127.0.0.1 here; in real use the limit is per reader's address.
    COMMENTS_RATE_LIMIT: '1000000',
  };
  let server = await startServer(env);
  const run = `run-${Date.now().toString(36)}`;
  const acknowledged = new Set<number>();
  const statuses: Record<string, number> = {};
  let next = 0;
  const token = createFormToken(SECRET, POST, Date.now() - 10_000);
  let killTimer: NodeJS.Timeout | undefined;
  let restart: Promise<void> | undefined;
  let restarted = false;
  let afterRestart = 0;
  let restartMs: number | undefined;
  if (kill) {
    killTimer = setTimeout(
      () => {
        server.kill('SIGKILL');
        const killedAt = Date.now();
        restart = startServer(env).then((child) => {
          server = child;
          restarted = true;
          restartMs = Date.now() - killedAt;
        });
      },
      (seconds * 1000) / 2,
    );
  }
  try {
    const drive = (duration: number) =>
      autocannon({
        url: `http://127.0.0.1:${port}`,
        connections,
        duration,
        timeout: 10,
        requests: [
          {
            method: 'POST',
            path: '/comments',
            setupRequest(request, context) {
              const n = next++;
              (context as { n?: number }).n = n;
              return {
                ...request,
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
                body: new URLSearchParams({
                  post: POST,
                  token,
                  author: `Poster ${n % 997}`,
                  body: `${run} comment ${n}: Ölmassage nach dem Lauf — really helped, thank you!`,
                }).toString(),
              };
            },
            onResponse(status, _body, context) {
              statuses[status] = (statuses[status] ?? 0) + 1;
              if (status === 303) acknowledged.add((context as { n: number }).n);
              if (status === 303 && restarted) afterRestart++;
            },
          },
        ],
      });
    const result = await drive(seconds);
    clearTimeout(killTimer);
    await restart;
    // The restarted server must take comments again: a second, shorter round against it.
    const after = kill ? await drive(Math.max(1, Math.round(seconds / 2))) : undefined;
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    const db = new DatabaseSync(env.COMMENTS_DB, { readOnly: true });
    const rows = db.prepare('SELECT body FROM comments WHERE body LIKE ?').all(`${run} comment %`) as {
      body: string;
    }[];
    db.close();
    const stored = new Set(rows.map((row) => Number(/ comment (\d+):/.exec(row.body)?.[1])));
    const lost = [...acknowledged].filter((n) => !stored.has(n)).length;
    const badAnswers = Object.entries(statuses)
      .filter(([status]) => status !== '303')
      .reduce((sum, [, count]) => sum + count, 0);
    return {
      connections,
      seconds,
      killed: kill,
      requests: result.requests.total + (after?.requests.total ?? 0),
      requestsPerSecond: Math.round(result.requests.average),
      latencyP50Ms: result.latency.p50,
      latencyP99Ms: result.latency.p99,
      errors: result.errors + (after?.errors ?? 0) + badAnswers,
      connectionErrors: result.errors - result.timeouts + (after ? after.errors - after.timeouts : 0),
      timeouts: result.timeouts + (after?.timeouts ?? 0),
      statuses,
      acknowledged: acknowledged.size,
      acknowledgedAfterRestart: afterRestart,
      restartMs,
      errorsAfterRestart: after?.errors,
      stored: stored.size,
      lost,
    };
  } finally {
    if (server.exitCode === null) server.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      connections: { type: 'string', default: '200' },
      seconds: { type: 'string', default: '10' },
      kill: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const result = await runCommentLoad({
    connections: Number(values.connections),
    seconds: Math.min(Number(values.seconds), 120),
    kill: values.kill,
  });
  if (values.json) console.log(JSON.stringify(result));
  else {
    console.log(
      [
        `${result.connections} posters for ${result.seconds} s${result.killed ? ', kill -9 half-way and restart' : ''}`,
        `requests: ${result.requests} (${result.requestsPerSecond}/s), latency p50 ${result.latencyP50Ms} ms, p99 ${result.latencyP99Ms} ms`,
        `errors: ${result.errors} (connection ${result.connectionErrors}, timeouts ${result.timeouts}; answers: ${JSON.stringify(result.statuses)})`,
        `acknowledged: ${result.acknowledged}${result.killed ? ` (${result.acknowledgedAfterRestart} after the restart, which took ${result.restartMs} ms; errors after it: ${result.errorsAfterRestart})` : ''}, stored: ${result.stored}, lost: ${result.lost}`,
      ].join('\n'),
    );
  }
  process.exit(result.lost === 0 ? 0 : 1);
}
