/**
 * Runs a command inside a Linux memory cgroup, the way a hosted builder with a fixed amount of
 * memory runs a build: when the processes together go over the limit, the kernel's OOM killer ends
 * one of them. Node sizes its own heap from such a limit (a 2 GiB group gives V8 a 1,120 MiB heap
 * here), so only a run inside the limit says whether a build fits; a peak measured without one
 * follows how much heap V8 allowed itself on this machine.
 *
 * Both cgroup versions are handled (v1: /sys/fs/cgroup/memory, v2: the unified tree); creating a
 * group needs root or a delegated cgroup folder. The kernel's files and their meaning:
 * https://docs.kernel.org/admin-guide/cgroup-v1/memory.html and
 * https://docs.kernel.org/admin-guide/cgroup-v2.html#memory-interface-files
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const V1_ROOT = '/sys/fs/cgroup/memory';
const V2_ROOT = '/sys/fs/cgroup';

interface Hierarchy {
  version: 1 | 2;
  /** The folder new groups are made in. */
  parent: string;
}

/** The outcome of runWithinMemory. */
export interface LimitedRun {
  limitMiB: number;
  /** The command's exit code, or null when a signal ended it. */
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** The kernel's OOM killer ended a process of the group (its oom_kill count rose). */
  killedForMemory: boolean;
  /** The group's high-water mark in MiB: resident memory and the page cache the group's writes filled. */
  peakMiB: number;
  seconds: number;
  /** Standard output and error, interleaved as they came. */
  output: string;
}

function findHierarchy(): Hierarchy | string {
  if (process.platform !== 'linux') return `memory limits need Linux cgroups (this is ${process.platform})`;
  if (existsSync(join(V1_ROOT, 'memory.limit_in_bytes'))) return { version: 1, parent: V1_ROOT };
  const controllers = join(V2_ROOT, 'cgroup.controllers');
  if (existsSync(controllers) && readFileSync(controllers, 'utf8').split(/\s+/).includes('memory')) {
    // A v2 group may hold processes or child groups, not both, so the groups go under a group of
    // their own, with the memory controller handed down to it.
    const parent = join(V2_ROOT, 'blog-bench');
    try {
      writeFileSync(join(V2_ROOT, 'cgroup.subtree_control'), '+memory');
      mkdirSync(parent, { recursive: true });
      writeFileSync(join(parent, 'cgroup.subtree_control'), '+memory');
    } catch (error) {
      return `cannot hand the memory controller down in ${V2_ROOT} (${(error as Error).message}); run as root`;
    }
    return { version: 2, parent };
  }
  return `no memory cgroup controller at ${V1_ROOT} or ${V2_ROOT}`;
}

/**
 * Why memory limits cannot be set here (no cgroup memory controller, not Linux, not allowed), or
 * undefined when runWithinMemory can set them. It tries to make and remove an empty group.
 */
export function memoryLimitProblem(): string | undefined {
  const hierarchy = findHierarchy();
  if (typeof hierarchy === 'string') return hierarchy;
  const probe = join(hierarchy.parent, `blog-bench-probe-${process.pid}`);
  try {
    mkdirSync(probe);
    rmdirSync(probe);
    return undefined;
  } catch (error) {
    return `cannot make a memory cgroup in ${hierarchy.parent} (${(error as Error).message}); run as root`;
  }
}

/** The folder runWithinMemory makes its groups in, or undefined where it cannot (memoryLimitProblem). */
export function memoryGroupsFolder(): string | undefined {
  const hierarchy = findHierarchy();
  return typeof hierarchy === 'string' ? undefined : hierarchy.parent;
}

/** The groups this module makes are named `blog-bench-<pid of the maker>-<time>`. */
const GROUP_NAME = /^blog-bench-(\d+)-\d+$/;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the empty groups left by a run that was interrupted (Ctrl-C ends the bench before it can
 * remove its group): those whose maker has gone. A group that still holds a process stays.
 */
function removeAbandonedGroups(parent: string): void {
  for (const name of readdirSync(parent)) {
    const maker = GROUP_NAME.exec(name)?.[1];
    if (!maker || isRunning(Number(maker))) continue;
    try {
      rmdirSync(join(parent, name));
    } catch {
      // Not empty: a process of it still runs.
    }
  }
}

/** Ends every process still in a group (one the command started and left running) and removes it. */
async function removeGroup(group: string): Promise<void> {
  // The group can be removed once its last process has gone, which can lag the exit a little.
  for (let attempt = 0; attempt < 50; attempt += 1) {
    for (const pid of readFileSync(join(group, 'cgroup.procs'), 'utf8').split('\n').filter(Boolean)) {
      try {
        process.kill(Number(pid), 'SIGKILL');
      } catch {
        // It has just exited.
      }
    }
    try {
      rmdirSync(group);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function readCount(file: string, key: string): number {
  if (!existsSync(file)) return 0;
  const line = readFileSync(file, 'utf8')
    .split('\n')
    .find((row) => row.startsWith(`${key} `));
  return line ? Number(line.split(' ')[1]) : 0;
}

/**
 * Runs `command args` in a new memory cgroup of `limitMiB` MiB (no swap beyond it) and removes the
 * group afterwards. The command is started by `sh`, which joins the group before it becomes the
 * command, so every process the command starts is counted; a process the command leaves running is
 * ended with the group. Empty groups an interrupted run left behind are removed first. Resolves
 * whether the command succeeds, fails or is killed; rejects only when the group cannot be made (see
 * memoryLimitProblem).
 */
export async function runWithinMemory(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; limitMiB: number },
): Promise<LimitedRun> {
  const hierarchy = findHierarchy();
  if (typeof hierarchy === 'string') throw new Error(hierarchy);
  removeAbandonedGroups(hierarchy.parent);
  const group = join(hierarchy.parent, `blog-bench-${process.pid}-${Date.now()}`);
  const bytes = String(Math.round(options.limitMiB * 1024 * 1024));
  mkdirSync(group);
  try {
    if (hierarchy.version === 1) {
      writeFileSync(join(group, 'memory.limit_in_bytes'), bytes);
      const withSwap = join(group, 'memory.memsw.limit_in_bytes');
      if (existsSync(withSwap)) writeFileSync(withSwap, bytes);
    } else {
      writeFileSync(join(group, 'memory.max'), bytes);
      // Present only where the kernel accounts swap.
      if (existsSync(join(group, 'memory.swap.max'))) writeFileSync(join(group, 'memory.swap.max'), '0');
    }
    const started = performance.now();
    const { exitCode, signal, output } = await new Promise<{
      exitCode: number | null;
      signal: NodeJS.Signals | null;
      output: string;
    }>((resolve, reject) => {
      // The group's path goes in the environment, so that sh's own messages ("not found") name the
      // command, not the group.
      const child = spawn(
        'sh',
        ['-c', 'echo $$ > "$MEMORY_LIMIT_GROUP/cgroup.procs" && exec "$@"', 'memory-limit', command, ...args],
        {
          cwd: options.cwd,
          env: { ...(options.env ?? process.env), MEMORY_LIMIT_GROUP: group },
        },
      );
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('error', reject);
      child.on('close', (code, signal) => resolve({ exitCode: code, signal, output }));
    });
    const seconds = (performance.now() - started) / 1000;
    const events = hierarchy.version === 1 ? join(group, 'memory.oom_control') : join(group, 'memory.events');
    const peakFile = hierarchy.version === 1 ? 'memory.max_usage_in_bytes' : 'memory.peak';
    const peak = existsSync(join(group, peakFile)) ? Number(readFileSync(join(group, peakFile), 'utf8')) : NaN;
    return {
      limitMiB: options.limitMiB,
      exitCode,
      signal,
      killedForMemory: readCount(events, 'oom_kill') > 0,
      peakMiB: peak / 1024 / 1024,
      seconds,
      output,
    };
  } finally {
    await removeGroup(group);
  }
}
