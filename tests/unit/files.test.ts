import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { folderSize, listFiles } from '../../src/io/files.ts';

describe('listFiles and folderSize', () => {
  const dir = mkdtempSync(join(tmpdir(), 'files-test-'));
  mkdirSync(join(dir, 'a/b'), { recursive: true });
  writeFileSync(join(dir, 'a/b/post.md'), '12345');
  writeFileSync(join(dir, 'a/note.txt'), '123');
  writeFileSync(join(dir, 'z.md'), '1');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('lists matching files as sorted paths relative to the folder, with forward slashes', () => {
    expect(listFiles(dir, /\.md$/)).toEqual(['a/b/post.md', 'z.md']);
  });

  test('finds nothing in a folder that does not exist', () => {
    expect(listFiles(join(dir, 'missing'), /./)).toEqual([]);
  });

  test('adds up the bytes of every file', () => {
    expect(folderSize(dir)).toBe(9);
  });
});
