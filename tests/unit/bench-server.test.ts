import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { get } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contentTypeOf, headersForPath, parseHeadersFile, serveStatic } from '../../tools/bench/bench-server.ts';

const HEADERS = [
  '/*',
  '  X-Frame-Options: DENY',
  '  Cache-Control: no-cache',
  '',
  '/_astro/*',
  '  Cache-Control: immutable',
  '',
].join('\n');

describe('parseHeadersFile and headersForPath', () => {
  const rules = parseHeadersFile(HEADERS);

  test('read each path pattern with its indented headers', () => {
    expect(rules).toEqual([
      {
        pattern: '/*',
        headers: [
          ['X-Frame-Options', 'DENY'],
          ['Cache-Control', 'no-cache'],
        ],
      },
      { pattern: '/_astro/*', headers: [['Cache-Control', 'immutable']] },
    ]);
  });

  test('apply every matching rule, a later value replacing an earlier one', () => {
    expect(headersForPath(rules, '/_astro/a.css')).toEqual({ 'X-Frame-Options': 'DENY', 'Cache-Control': 'immutable' });
    expect(headersForPath(rules, '/posts/a/')).toEqual({ 'X-Frame-Options': 'DENY', 'Cache-Control': 'no-cache' });
  });

  test('refuse a header line that is not under a path', () => {
    expect(() => parseHeadersFile('  X-Frame-Options: DENY')).toThrow('is not "Name: value" under a path');
  });
});

describe('contentTypeOf', () => {
  test('knows the types a built site serves', () => {
    expect(contentTypeOf('/a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('/_astro/x.AVIF')).toBe('image/avif');
    expect(contentTypeOf('/pagefind/wasm.unknown')).toBe('application/octet-stream');
  });
});

describe('serveStatic', () => {
  let dist: string;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'bench-server-test-'));
    mkdirSync(join(dist, 'posts/a'), { recursive: true });
    writeFileSync(join(dist, 'posts/a/index.html'), '<h1>A post</h1>'.repeat(50));
    writeFileSync(join(dist, '404.html'), '<h1>Not here</h1>');
    writeFileSync(join(dist, '_headers'), HEADERS);
    server = await serveStatic(dist);
  });
  afterAll(async () => {
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  test('serves a directory’s index.html gzipped, with its type and the _headers', async () => {
    const response = await fetch(`${server.origin}/posts/a/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(await response.text()).toContain('<h1>A post</h1>');
  });

  test('answers a missing page with the site’s 404 page and status', async () => {
    const response = await fetch(`${server.origin}/nowhere/`);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('<h1>Not here</h1>');
  });

  test('does not serve files outside the site, even for an encoded ../ a browser would not send', async () => {
    const status = await new Promise<number | undefined>((resolve, reject) => {
      get(`${server.origin}/..%2f..%2f..%2f..%2fetc%2fhostname`, (response) => {
        response.resume();
        resolve(response.statusCode);
      }).on('error', reject);
    });
    expect(status).toBe(404);
  });
});
