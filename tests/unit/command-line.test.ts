import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseCommandLine } from '../../src/lib/command-line.ts';

const USAGE = 'Usage: npm run nginx-conf -- [--root dist] [--standalone]';
const spec = {
  allowPositionals: false,
  options: { root: { type: 'string', default: 'dist' }, standalone: { type: 'boolean', default: false } },
} as const;
const read = (args: string[]) => parseCommandLine(args, spec, { usage: USAGE, name: 'npm run nginx-conf' });

describe('parseCommandLine', () => {
  test('--help and -h print the usage on stdout and exit 0, even beside other options or mistakes', () => {
    for (const args of [['--help'], ['-h'], ['--root', 'out', '--help'], ['--bogus', '--help']]) {
      expect(read(args), args.join(' ')).toEqual({ ok: false, code: 0, text: `${USAGE}\n` });
    }
  });

  test('an unknown option is one line naming it, then the usage, and exit code 2', () => {
    expect(read(['--bogus'])).toEqual({
      ok: false,
      code: 2,
      text: `npm run nginx-conf: unknown option --bogus.\n\n${USAGE}\n`,
    });
    expect(read(['-x'])).toMatchObject({
      code: 2,
      text: expect.stringMatching(/^npm run nginx-conf: unknown option -x\.\n/),
    });
  });

  test('an option without its value, a value given to a switch, and an argument nobody asked for are named too', () => {
    expect(read(['--root'])).toMatchObject({
      code: 2,
      text: expect.stringMatching(/^npm run nginx-conf: the option --root needs a value \(--root <value>\)\.\n\nUsage/),
    });
    expect(read(['--standalone=yes'])).toMatchObject({
      code: 2,
      text: expect.stringMatching(/^npm run nginx-conf: the option --standalone takes no value\.\n/),
    });
    expect(read(['dist'])).toMatchObject({
      code: 2,
      text: expect.stringMatching(
        /^npm run nginx-conf: unexpected argument "dist": this command takes options only\.\n/,
      ),
    });
  });

  test('a good command line gives the values, defaults filled in; "--help" after "--" is an argument', () => {
    expect(read(['--root', 'out'])).toEqual({ ok: true, values: { root: 'out', standalone: false }, positionals: [] });
    const withFile = parseCommandLine(['--', '--help'], { allowPositionals: true }, { usage: USAGE, name: 'x' });
    expect(withFile).toEqual({ ok: true, values: {}, positionals: ['--help'] });
  });
});

/**
 * The command-line entry points: every script in scripts/, every file a package.json script runs
 * with node, and every tool that runs when called directly (`import.meta.main`).
 */
function entryPoints(): string[] {
  const root = new URL('../../', import.meta.url);
  const scripts = readdirSync(new URL('scripts/', root))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => `scripts/${name}`);
  const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { scripts: Record<string, string> };
  const run = Object.values(pkg.scripts).flatMap((line) => [...line.matchAll(/\bnode (\S+\.ts)\b/g)].map((m) => m[1]!));
  const tools = readdirSync(new URL('tools/', root), { recursive: true, encoding: 'utf8' })
    .filter(
      (name) =>
        name.endsWith('.ts') && readFileSync(new URL(`tools/${name}`, root), 'utf8').includes('import.meta.main'),
    )
    .map((name) => `tools/${name}`);
  return [...new Set([...scripts, ...run, ...tools])].sort();
}

test('every command (scripts/, the tools package.json runs, tools run directly) reads its command line through readCommandLine, so each answers --help and refuses an unknown option the same way', () => {
  const files = entryPoints();
  expect(files.length).toBeGreaterThan(14);
  expect(files).toEqual(
    expect.arrayContaining(['tools/bench/bench.ts', 'tools/subset-fonts.ts', 'tools/bench/check-feeds.ts']),
  );
  for (const file of files) {
    const source = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
    expect(source, file).toContain('readCommandLine(');
    expect(source, file).not.toMatch(/\bparseArgs\(|process\.argv/);
  }
});

// One real run: the rest of the command line is parseCommandLine's, tested above. The bench loads
// Lighthouse and Playwright before it reads its options: 2.7 s on a quiet machine, over 20 s at load 10.
test(
  'npm run bench refuses a size that is not a number in one line naming the option and the fix, exit 2, no stack trace',
  { timeout: 90_000 },
  () => {
    const bench = fileURLToPath(new URL('../../tools/bench/bench.ts', import.meta.url));
    const wrong = spawnSync(process.execPath, [bench, '--sizes', '1k', '--no-browser'], { encoding: 'utf8' });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr.trim()).toBe(
      'npm run bench: --sizes: "1k" is not a list of post counts; write it as --sizes 100,1000',
    );
  },
);
