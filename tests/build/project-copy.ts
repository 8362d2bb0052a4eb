import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { linkPackages } from '../../src/io/files.ts';
import { type LimitedRun, runWithinMemory } from '../../tools/bench/memory-limit.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COPIED = [
  'src',
  'public',
  'content',
  'scripts',
  'astro.config.ts',
  'tsconfig.json',
  'package.json',
  '.prettierrc.json',
];

/**
 * The environment without this test run's own settings: the test site's paths, and what Vitest
 * exports (NODE_ENV, and DEV, PROD, MODE... which would put a child Astro build in dev mode).
 */
export function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(BLOG_|VITEST|NODE_ENV$|TEST$|MODE$|DEV$|PROD$|SSR$|BASE_URL$|FORCE_TTY$)/.test(name),
    ),
  );
}

/** A throwaway copy of the project (its packages linked), for builds an editor's mistake should stop. */
export class ProjectCopy {
  readonly dir = mkdtempSync(join(tmpdir(), 'blog-fixture-'));

  constructor() {
    for (const entry of COPIED) cpSync(join(ROOT, entry), join(this.dir, entry), { recursive: true });
    linkPackages(ROOT, this.dir);
  }

  /**
   * Gives the copy the images this checkout's builds have already encoded (the test site's among
   * them), so that its first build does not spend its time re-encoding the same heroes. Astro names
   * an encoded image by a hash of the source image's bytes and the transform (width, format,
   * quality), never by the folder it was built in, so a stored image cannot be a stale one. For
   * tests about pages, not about image encoding; a test of a cold build leaves it out.
   */
  withEncodedImages(): this {
    const modules = join(ROOT, 'node_modules');
    for (const cache of readdirSync(modules).filter((name) => name.startsWith('.astro'))) {
      const assets = join(modules, cache, 'assets');
      if (existsSync(assets)) cpSync(assets, join(this.dir, 'node_modules/.astro/assets'), { recursive: true });
    }
    return this;
  }

  write(path: string, text: string): this {
    writeFileSync(join(this.dir, path), text);
    return this;
  }

  edit(path: string, change: (text: string) => string): this {
    const text = readFileSync(join(this.dir, path), 'utf8');
    const changed = change(text);
    if (changed === text) throw new Error(`the edit of ${path} changed nothing`);
    return this.write(path, changed);
  }

  read(path: string): string {
    return readFileSync(join(this.dir, path), 'utf8');
  }

  exists(path: string): boolean {
    return existsSync(join(this.dir, path));
  }

  /**
   * The environment of a command in the copy. Its proxy is a closed port of this machine unless a
   * test gives its own (tests/image-server.ts): a command that downloads (the Blogger importer)
   * never reaches the internet from a test.
   */
  private env(env: Record<string, string>): NodeJS.ProcessEnv {
    const offline = { HTTP_PROXY: 'http://127.0.0.1:9', HTTPS_PROXY: 'http://127.0.0.1:9', NO_PROXY: '' };
    return { ...cleanEnv(), ASTRO_TELEMETRY_DISABLED: '1', ...offline, ...env };
  }

  /** Runs a command of the project in the copy, as an editor would. */
  run(command: string, args: string[], env: Record<string, string> = {}): { status: number; output: string } {
    return this.runInGroup(command, args, env);
  }

  /**
   * Runs a command as `run` does, in a process group of its own (its id is the command's pid), and
   * lists what is left of that group once the command has exited: every process the command
   * started, at any depth, still running after it (`ps` names them; an orphan keeps its group).
   */
  runInGroup(
    command: string,
    args: string[],
    env: Record<string, string> = {},
  ): { status: number; output: string; leftBehind: string[] } {
    // Node honours `detached` in spawnSync too (a group of its own); its types leave it out.
    const options = { cwd: this.dir, encoding: 'utf8' as const, input: '', env: this.env(env), detached: true };
    const result = spawnSync(command, args, options);
    const ps = spawnSync('ps', ['-e', '-o', 'pgid=,pid=,stat=,args='], { encoding: 'utf8' });
    const leftBehind = ps.stdout
      .split('\n')
      .map((line) => /^\s*(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/.exec(line))
      // A zombie (state Z) has exited; it only waits for this container's init to collect its status.
      .filter((match) => match !== null && Number(match[1]) === result.pid && !match[3]!.startsWith('Z'))
      .map((match) => `${match![2]} ${match![4]}`);
    return {
      status: result.status ?? 1,
      output: `${result.stdout}${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, ''),
      leftBehind,
    };
  }

  /**
   * Runs a command in the copy inside a memory cgroup of `limitMiB` MiB, as a builder with that
   * much memory would (see tools/bench/memory-limit.ts; needs root).
   */
  runWithinMemory(command: string, args: string[], limitMiB: number): Promise<LimitedRun> {
    return runWithinMemory(command, args, { cwd: this.dir, env: this.env({}), limitMiB });
  }

  /** The same as run, without blocking this process (for a server the test itself runs). */
  runAsync(
    command: string,
    args: string[],
    env: Record<string, string> = {},
  ): Promise<{ status: number; output: string }> {
    return new Promise((resolve) => {
      const child = spawn(command, args, { cwd: this.dir, env: this.env(env), stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.on('close', (status) => resolve({ status: status ?? 1, output: output.replace(/\x1b\[[0-9;]*m/g, '') }));
    });
  }

  build(env: Record<string, string> = {}) {
    return this.run('astro', ['build'], env);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
