/**
 * The command line of the project's scripts (scripts/*.ts): options read by Node's own parseArgs,
 * plus the two answers every command gives the same way. `--help` (or `-h`) prints the usage and
 * exits 0, whatever else is on the line; an option the command does not know, an option without
 * its value, or an argument it takes none of prints one line naming it, then the usage, and exits
 * 2 (the usual code for a wrong command line), never a stack trace.
 */
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** What a command accepts: its options (as parseArgs takes them) and whether it takes arguments. */
export interface CommandSpec {
  options?: ParseArgsOptionsConfig;
  /** Whether the command takes arguments besides its options (a file, a title...). Default false. */
  allowPositionals?: boolean;
  /** Whether a boolean option may be turned off as `--no-<name>` (parseArgs' allowNegative). Default false. */
  allowNegative?: boolean;
}

/** The values parseArgs gives for a spec: a string or boolean per option (undefined when absent). */
export type CommandValues<S extends CommandSpec> = ReturnType<
  typeof parseArgs<{ options: NonNullable<S['options']>; allowPositionals: true; strict: true }>
>['values'];

/**
 * The command line read: either what to run with, or what to print and the exit code (0 for
 * `--help` on stdout, 2 for a mistake on stderr).
 */
export type CommandLine<S extends CommandSpec> =
  { ok: true; values: CommandValues<S>; positionals: string[] } | { ok: false; code: 0 | 2; text: string };

/** Node's parseArgs error codes, and the sentence each becomes (the option or argument named). */
function describeMistake(error: Error & { code?: string }): string | undefined {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `unknown option ${quoted.split(' ')[0] || error.message}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      // "Option '--root <value>' argument missing" or "Option '--dry-run' does not take an argument"
      const name = quoted.split(' ')[0] ?? '';
      return /missing/.test(error.message)
        ? `the option ${name} needs a value (${quoted})`
        : `the option ${name} takes no value`;
    }
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `unexpected argument "${quoted}": this command takes options only`;
    default:
      return undefined;
  }
}

/**
 * Reads `args` (process.argv without node and the script) by `spec`. `usage` is the help text:
 * the command's synopsis and its options, printed as it is. `name` starts the one-line message of
 * a mistake (`npm run nginx-conf: unknown option --bogus`). Throws only what parseArgs throws for
 * a spec that is itself wrong (a programming error, not the user's).
 */
export function parseCommandLine<S extends CommandSpec>(
  args: readonly string[],
  spec: S,
  { usage, name }: { usage: string; name: string },
): CommandLine<S> {
  const beforeTerminator = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (beforeTerminator.some((arg) => arg === '--help' || arg === '-h')) {
    return { ok: false, code: 0, text: `${usage.trimEnd()}\n` };
  }
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options: spec.options ?? {},
      allowPositionals: spec.allowPositionals ?? false,
      allowNegative: spec.allowNegative ?? false,
      strict: true,
    });
    return { ok: true, values: values as CommandValues<S>, positionals };
  } catch (error) {
    const mistake = error instanceof Error ? describeMistake(error) : undefined;
    if (!mistake) throw error;
    return { ok: false, code: 2, text: `${name}: ${mistake}.\n\n${usage.trimEnd()}\n` };
  }
}

/**
 * parseCommandLine on this process's arguments; prints and exits for `--help` and for a mistake,
 * so a script reads its options in one line and goes on only with a good command line.
 */
export function readCommandLine<S extends CommandSpec>(
  spec: S,
  help: { usage: string; name: string },
): { values: CommandValues<S>; positionals: string[] } {
  const result = parseCommandLine(process.argv.slice(2), spec, help);
  if (result.ok) return result;
  (result.code === 0 ? process.stdout : process.stderr).write(result.text);
  process.exit(result.code);
}

/**
 * Stops a command whose options parsed but say something it cannot do (a size that is not a
 * number, a folder that holds no site): prints `name: message` on stderr and exits 2, as a mistake
 * on the command line does, never with a stack trace. `message` names the option and the fix.
 */
export function refuseCommandLine(name: string, message: string): never {
  process.stderr.write(`${name}: ${message}\n`);
  process.exit(2);
}
