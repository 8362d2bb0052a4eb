import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { folderSize, listFiles, readInOrder } from '../../src/io/files.ts';

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

describe('readInOrder', () => {
  /** A read per item that finishes when the test says, with a log of which reads were started. */
  function controlledReads(items: string[]) {
    const started: string[] = [];
    const finish = new Map<string, { resolve: (value: string) => void; reject: (error: Error) => void }>();
    const read = (item: string) =>
      new Promise<string>((resolve, reject) => {
        started.push(item);
        finish.set(item, { resolve, reject });
      });
    return { started, finish: (item: string) => finish.get(item)!, read, items };
  }
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  test("yields every result in the items' order, whatever order the reads finish in", async () => {
    const reads = controlledReads(['a', 'b', 'c', 'd', 'e']);
    const results: string[] = [];
    const going = (async () => {
      for await (const [item, result] of readInOrder(reads.items, reads.read, 3)) results.push(`${item}=${result}`);
    })();
    await tick();
    reads.finish('c').resolve('C');
    reads.finish('b').resolve('B');
    await tick();
    expect(results).toEqual([]); // a is not read yet: nothing after it is handed over
    reads.finish('a').resolve('A');
    await tick();
    reads.finish('e').resolve('E');
    reads.finish('d').resolve('D');
    await going;
    expect(results).toEqual(['a=A', 'b=B', 'c=C', 'd=D', 'e=E']);
  });

  test('starts at most `ahead` reads beyond the one handed over, so a whole build is never held at once', async () => {
    const reads = controlledReads(['1', '2', '3', '4', '5', '6']);
    const iterator = readInOrder(reads.items, reads.read, 2);
    const first = iterator.next();
    await tick();
    expect(reads.started).toEqual(['1', '2']);
    reads.finish('1').resolve('one');
    expect((await first).value).toEqual(['1', 'one']);
    expect(reads.started).toEqual(['1', '2', '3']);
    const second = iterator.next();
    reads.finish('2').resolve('two');
    await second;
    expect(reads.started).toEqual(['1', '2', '3', '4']);
    await iterator.return(undefined);
  });

  test('a failed read throws in its turn, after the results before it, and a later failure is not called unhandled', async () => {
    const reads = controlledReads(['a', 'b', 'c']);
    const results: string[] = [];
    const going = (async () => {
      for await (const [item] of readInOrder(reads.items, reads.read, 3)) results.push(item);
    })();
    await tick();
    reads.finish('c').reject(new Error('c is unreadable'));
    reads.finish('b').reject(new Error('b is unreadable'));
    await tick();
    reads.finish('a').resolve('A');
    await expect(going).rejects.toThrow('b is unreadable');
    expect(results).toEqual(['a']);
  });

  test('nothing to read yields nothing', async () => {
    const seen: unknown[] = [];
    for await (const pair of readInOrder([], async () => 'x', 4)) seen.push(pair);
    expect(seen).toEqual([]);
  });
});
