import { readdirSync, readFileSync } from 'node:fs';
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

test('every script in scripts/ reads its command line through readCommandLine, so each answers --help and refuses an unknown option the same way', () => {
  const dir = new URL('../../scripts/', import.meta.url);
  const scripts = readdirSync(dir).filter((name) => name.endsWith('.ts'));
  expect(scripts.length).toBeGreaterThan(8);
  for (const name of scripts) {
    const source = readFileSync(new URL(name, dir), 'utf8');
    expect(source, name).toContain('readCommandLine(');
    expect(source, name).not.toMatch(/\bparseArgs\(|process\.argv/);
  }
});
