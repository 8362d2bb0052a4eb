/**
 * npm run bench:comments -- [--connections 200] [--seconds 10] [--kill] [--json]
 * Load test of the comment inbox on 127.0.0.1 only: runs `npm run comments:serve`'s script on a
 * throwaway database as systemd would (a socket held across restarts, restarted when it dies; see
 * SupervisedInbox), has autocannon post distinct valid comments from `connections` posters for
 * `seconds`, optionally `kill -9`s the inbox half-way and, once it is back, drives a second,
 * half-length round against the new process, then counts: every comment acknowledged (303) must be
 * in the database. Prints requests per second, p50/p99 latency, errors, and acknowledged against
 * stored. Not part of npm test (tests/inbox/durability.test.ts runs it small). Linux and macOS (sh). */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { readCommandLine, refuseCommandLine } from '../../src/lib/command-line.ts';
import { createFormToken } from '../../src/lib/form-token.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
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

/**
 * The inbox as systemd would run it with a comment-inbox.socket unit and Restart=always: the
 * listening socket is made here and held by a small shell loop (which never accepts on it) that
 * starts `npm run comments:serve`'s script again whenever it dies, handing it the socket as file
 * descriptor 3. Connections made while the inbox is down wait in the socket's queue.
 */
class SupervisedInbox {
  private shell: ChildProcess;
  private output = '';
  private waiting: ((pid: number) => void) | undefined;
  private seen = new Set<number>();
  /** The process id of the inbox now running, once it listens. */
  pid = 0;

  private constructor(listener: Server, env: Record<string, string>) {
    this.shell = spawn(
      'sh',
      ['-c', 'while :; do "$0" "$1"; done', process.execPath, join(ROOT, 'scripts/comments-serve.ts')],
      {
        cwd: ROOT,
        env: { ...process.env, ...env, LISTEN_FDS: '1' },
        // The socket's file descriptor, duplicated into the shell as its fd 3.
        stdio: ['ignore', 'pipe', 'pipe', (listener as unknown as { _handle: { fd: number } })._handle.fd],
      },
    );
    this.shell.stdout!.on('data', (data: Buffer) => {
      this.output += data.toString();
      for (const match of this.output.matchAll(/listening on .*?\(process (\d+),/g)) {
        const pid = Number(match[1]);
        if (this.seen.has(pid)) continue;
        this.seen.add(pid);
        this.pid = pid;
        this.waiting?.(pid);
      }
    });
    this.shell.stderr!.on('data', (data: Buffer) => {
      if (process.env.BENCH_DEBUG) process.stderr.write(data);
    });
  }

  /** Makes the socket on 127.0.0.1:`port`, starts the loop, and resolves once the inbox listens. */
  static async start(port: number, env: Record<string, string>): Promise<SupervisedInbox> {
    const listener = createServer();
    await new Promise<void>((resolve) => listener.listen({ port, host: '127.0.0.1', backlog: 1024 }, resolve));
    const inbox = new SupervisedInbox(listener, env);
    // The shell and the inbox hold the socket now; this process must not accept on it.
    listener.close();
    await inbox.listening();
    return inbox;
  }

  /** Resolves with the pid of the next inbox to listen (or the current one, if none listened yet). */
  listening(): Promise<number> {
    if (this.pid && !this.waiting) return Promise.resolve(this.pid);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the inbox did not listen within 60 s:\n${this.output}`)),
        60_000,
      );
      this.waiting = (pid) => {
        clearTimeout(timer);
        this.waiting = undefined;
        resolve(pid);
      };
    });
  }

  /** kill -9 of the inbox; resolves with the milliseconds until its replacement listened. */
  async killAndWait(): Promise<number> {
    const next = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the inbox did not come back within 60 s')), 60_000);
      this.waiting = (pid) => {
        clearTimeout(timer);
        this.waiting = undefined;
        resolve(pid);
      };
    });
    const killedAt = Date.now();
    process.kill(this.pid, 'SIGKILL');
    await next;
    return Date.now() - killedAt;
  }

  /** Stops the loop, then the inbox with SIGTERM (it closes its database), and waits for it. */
  async stop(): Promise<void> {
    if (this.shell.exitCode === null && this.shell.signalCode === null) {
      const exited = new Promise((resolve) => this.shell.once('exit', resolve));
      this.shell.kill('SIGKILL');
      await exited;
    }
    const pid = this.pid;
    try {
      process.kill(pid, 'SIGTERM');
    } catch {
      return;
    }
    for (let tries = 0; tries < 600; tries++) {
      try {
        process.kill(pid, 0);
      } catch {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    process.kill(pid, 'SIGKILL');
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
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
  const server = await SupervisedInbox.start(port, env);
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
        restart = server.killAndWait().then((ms) => {
          restarted = true;
          restartMs = ms;
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
    await server.stop();
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
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const { values } = readCommandLine(
    {
      options: {
        connections: { type: 'string', default: '200' },
        seconds: { type: 'string', default: '10' },
        kill: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    },
    {
      name: 'npm run bench:comments',
      usage: `Usage: npm run bench:comments -- [--connections 200] [--seconds 10] [--kill] [--json]

Posts comments to a real comment inbox on 127.0.0.1 from many connections at once and prints the
requests per second, latencies, errors, and how many comments were acknowledged, stored and lost.

  --connections N   posters at once (default 200)
  --seconds N       how long to post (default 10, at most 120)
  --kill            kill -9 the inbox half-way and restart it
  --json            print the figures as JSON`,
    },
  );
  for (const name of ['connections', 'seconds'] as const) {
    if (!(Number(values[name]) > 0)) {
      refuseCommandLine(
        'npm run bench:comments',
        `--${name}: "${values[name]}" is not a positive number; write it as --${name} 10`,
      );
    }
  }
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
