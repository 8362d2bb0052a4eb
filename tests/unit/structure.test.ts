import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';

/** Every file below a folder of src/, as paths from the repository root. */
function filesIn(folder: string, pattern: RegExp): string[] {
  return readdirSync(new URL(`../../src/${folder}`, import.meta.url), { recursive: true, encoding: 'utf8' })
    .filter((name) => pattern.test(name))
    .map((name) => `src/${folder}/${name}`);
}

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** Lines of a file without its <style> blocks (CSS does not count towards a component's size). */
const linesWithoutCss = (text: string) =>
  text
    .replace(/<style[^>]*>[\s\S]*?<\/style>/g, '')
    .trimEnd()
    .split('\n').length;

/** The modules a file imports, as written. */
const importsOf = (text: string) =>
  [...text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);

describe('the house keeps its shape (issue 14)', () => {
  test('no route is over 150 lines, CSS aside', () => {
    const long = filesIn('pages', /\.(astro|ts)$/).filter((file) => linesWithoutCss(read(file)) > 150);
    expect(long).toEqual([]);
  });

  test('no component or layout is over 80 lines, CSS aside (a longer one is two components)', () => {
    const long = [...filesIn('components', /\.astro$/), ...filesIn('layouts', /\.astro$/)].filter(
      (file) => linesWithoutCss(read(file)) > 80,
    );
    expect(long).toEqual([]);
  });

  test('no module of src/lib reads or writes files (that is for src/io/ and the integrations)', () => {
    const withFs = filesIn('lib', /\.ts$/).filter((file) =>
      importsOf(read(file)).some((name) => /^(node:)?fs(\/promises)?$/.test(name)),
    );
    expect(withFs).toEqual([]);
  });

  test('no module of src/lib talks to the network or starts processes (that is for src/io/ and the integrations)', () => {
    const io = /^(node:)?(https?|http2|net|dgram|tls|child_process)$|^(undici|node-fetch|got|axios)$/;
    const talking = filesIn('lib', /\.ts$/).filter(
      (file) => importsOf(read(file)).some((name) => io.test(name)) || /\bfetch\(/.test(read(file)),
    );
    expect(talking).toEqual([]);
  });

  test('src/lib imports no data/, components, layouts, pages, settings or astro:* modules', () => {
    const upward = filesIn('lib', /\.ts$/).flatMap((file) =>
      importsOf(read(file))
        .filter((name) => /^astro:|\/(data|components|layouts|pages)\/|site\.config\.ts$/.test(name))
        .map((name) => `${file} imports ${name}`),
    );
    expect(upward).toEqual([]);
  });

  test('src/data imports no components, layouts or pages', () => {
    const upward = filesIn('data', /\.ts$/).flatMap((file) =>
      importsOf(read(file))
        .filter((name) => /\/(components|layouts|pages)\//.test(name))
        .map((name) => `${file} imports ${name}`),
    );
    expect(upward).toEqual([]);
  });

  test('no two modules of src/lib import each other, directly or round a loop', () => {
    const modules = filesIn('lib', /\.ts$/);
    const known = new Set(modules);
    /** The src/lib modules a module imports (types included: a loop of types is a loop to read). */
    const edges = new Map(
      modules.map((file) => [
        file,
        importsOf(read(file))
          .filter((name) => name.startsWith('.'))
          .map((name) => join(dirname(file), name))
          .filter((target) => known.has(target)),
      ]),
    );
    const loops: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        loops.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const target of edges.get(file) ?? []) visit(target, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of modules) visit(file, []);
    expect(loops).toEqual([]);
  });
});
