import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommentManifest } from '../../src/lib/comment-manifest.ts';
import { parseInboxConfig, type InboxConfig } from '../../src/lib/inbox-config.ts';

export const SITE = 'http://127.0.0.1:9/';
export const OPEN_POST = 'ölmassage-für-läufer';
export const CLOSED_POST = 'old-news-2019';

/**
 * A manifest like one a build with the inbox writes: a post with two comments and a thank-you page, a
 * closed post, and one in Japanese from an older build without thank-you pages.
 */
export const MANIFEST: CommentManifest = {
  version: 1,
  site: SITE,
  posts: [
    {
      id: OPEN_POST,
      title: 'Ölmassage für Läufer: was hilft wirklich?',
      path: `/posts/${encodeURIComponent(OPEN_POST)}/`,
      comments: 'open',
      commentIds: ['01-ann', '02-sam-replies'],
      received: `/comments/received/${encodeURIComponent(OPEN_POST)}/`,
    },
    { id: CLOSED_POST, title: 'Old news (2019)', path: `/posts/${CLOSED_POST}/`, comments: 'closed', commentIds: [] },
    { id: 'shiatsu-指圧', title: '指圧とは', path: '/posts/shiatsu/', comments: 'open', commentIds: [] },
  ],
};

/** A folder with a manifest, a database path and a content folder, removed by `remove`. */
export function makeInboxDir(overrides: Record<string, string> = {}): {
  dir: string;
  config: InboxConfig;
  env: Record<string, string>;
  remove(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'inbox-test-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(MANIFEST));
  const env = {
    PORT: '0',
    HOST: '127.0.0.1',
    COMMENTS_DB: join(dir, 'db', 'inbox.sqlite'),
    COMMENTS_MANIFEST: join(dir, 'manifest.json'),
    COMMENTS_CONTENT_DIR: join(dir, 'content', 'comments'),
    COMMENTS_MIN_FILL_SECONDS: '0.3',
    COMMENTS_REQUEST_TIMEOUT_SECONDS: '1',
    ...overrides,
  };
  return { dir, env, config: parseInboxConfig(env), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The value of the hidden token field in an inbox page. */
export function tokenIn(html: string): string {
  const match = /name="token" value="([^"]+)"/.exec(html);
  if (!match) throw new Error(`no token in the page:\n${html.slice(0, 500)}`);
  return match[1]!;
}

/** Posts a form as a browser would (urlencoded), without following the redirect. */
export async function postForm(
  base: string,
  path: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  const response = await fetch(new URL(path, base), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  return {
    status: response.status,
    location: response.headers.get('location'),
    html: await response.text(),
    headers: response.headers,
  };
}

/**
 * Sends raw bytes on a new connection and resolves with what came back and how the connection
 * ended, after at most `waitMs`.
 */
export function rawRequest(
  port: number,
  chunks: (string | Buffer)[],
  { gapMs = 0, waitMs = 5000 } = {},
): Promise<{ response: string; closed: boolean; ms: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let response = '';
    let finished = false;
    const finish = (closed: boolean) => {
      if (finished) return;
      finished = true;
      socket.destroy();
      resolve({ response, closed, ms: Date.now() - started });
    };
    socket.on('data', (data) => (response += data.toString('latin1')));
    socket.on('close', () => finish(true));
    socket.on('error', () => finish(true));
    setTimeout(() => finish(false), waitMs);
    void (async () => {
      for (const chunk of chunks) {
        if (finished || socket.destroyed) return;
        socket.write(chunk);
        if (gapMs) await sleep(gapMs);
      }
    })();
  });
}
