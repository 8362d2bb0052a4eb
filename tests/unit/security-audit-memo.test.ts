import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { collectScriptHashes } from '../../src/integrations/security-headers.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A built site of two pages, and a memo file beside it (as in Astro's cache folder). */
function site(pages: Record<string, string>): { dir: string; memo: string } {
  const root = mkdtempSync(join(tmpdir(), 'csp-memo-'));
  dirs.push(root);
  const dir = join(root, 'dist');
  for (const [path, html] of Object.entries(pages)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), html);
  }
  return { dir, memo: join(root, 'cache', 'csp-audit.json') };
}

test('a rebuild with the memo gives the same hashes as a build without it', async () => {
  const { dir, memo } = site({ 'index.html': '<script>a()</script>', 'posts/x/index.html': '<script>b()</script>' });
  const fresh = await collectScriptHashes(dir);
  expect(fresh).toHaveLength(2);
  expect(await collectScriptHashes(dir, memo)).toEqual(fresh);
  // The memo holds one audit per distinct page, keyed by its bytes, and is read back next time.
  expect(Object.keys((JSON.parse(readFileSync(memo, 'utf8')) as { audits: object }).audits)).toHaveLength(2);
  expect(await collectScriptHashes(dir, memo)).toEqual(fresh);
});

test('a page changed since the memo was written is audited again', async () => {
  const { dir, memo } = site({ 'index.html': '<script>a()</script>' });
  await collectScriptHashes(dir, memo);
  writeFileSync(join(dir, 'index.html'), '<script>a()</script><button onclick="go()">Go</button>');
  await expect(collectScriptHashes(dir, memo)).rejects.toThrow(/inline event handlers \(<button onclick>\)/);
  writeFileSync(join(dir, 'index.html'), '<script>c()</script>');
  expect(await collectScriptHashes(dir, memo)).toEqual(await collectScriptHashes(dir));
});

test('a memo written by another version of the audit, or a broken one, is not used', async () => {
  const page = '<script>a()</script><img src=x onerror="y()">';
  const { dir, memo } = site({ 'index.html': page });
  await expect(collectScriptHashes(dir, memo)).rejects.toThrow(/inline event handlers/);
  // A memo from some other version of the audit that called this very page clean: ignored.
  const digest = createHash('sha256').update(page).digest('base64url');
  mkdirSync(join(memo, '..'), { recursive: true });
  writeFileSync(memo, JSON.stringify({ version: 'another', audits: { [digest]: { hashes: [], inlineHandlers: [] } } }));
  await expect(collectScriptHashes(dir, memo)).rejects.toThrow(/inline event handlers/);
  writeFileSync(memo, '{ not json');
  await expect(collectScriptHashes(dir, memo)).rejects.toThrow(/inline event handlers/);
});
