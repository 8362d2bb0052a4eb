import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { TEST_CONTENT, TEST_DIST } from '../paths.ts';
import { ProjectCopy } from './project-copy.ts';

/** Every file of a build with the SHA-256 of its bytes. */
function fingerprint(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = join(entry.parentPath, entry.name);
        return [relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex')];
      })
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

const project = new ProjectCopy();
afterAll(() => project.remove());

test('a cold build elsewhere, in the opposite time zone, is byte-identical to the test site, search index and cards included', () => {
  // The test site was built under TZ=Pacific/Kiritimati (UTC+14); this one is Pago Pago (UTC-11),
  // in another folder, with no cache: no build time, machine zone or path may reach the output.
  rmSync(join(project.dir, 'content'), { recursive: true });
  cpSync(TEST_CONTENT, join(project.dir, 'content'), { recursive: true });
  const { status, output } = project.run('node', ['scripts/build.ts'], { TZ: 'Pacific/Pago_Pago' });
  expect(status, output).toBe(0);
  const expected = fingerprint(TEST_DIST);
  const actual = fingerprint(join(project.dir, 'dist'));
  expect(Object.keys(actual)).toEqual(Object.keys(expected));
  const differing = Object.keys(expected).filter((file) => actual[file] !== expected[file]);
  expect(differing).toEqual([]);
  expect(Object.keys(expected).length).toBeGreaterThan(50);
  // The generated assets are compared too: Pagefind's index (its fragments, its word index per
  // language, its entry file), the drawn cards and _headers.
  expect(Object.keys(expected).filter((file) => file.startsWith('pagefind/')).length).toBeGreaterThan(10);
  expect(Object.keys(expected)).toContain('pagefind/pagefind-entry.json');
  expect(Object.keys(expected).filter((file) => file.startsWith('social/')).length).toBeGreaterThan(5);
  expect(Object.keys(expected)).toContain('_headers');
}, 120_000);
