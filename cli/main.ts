import { COMMANDS } from './commands/index';
import { isChartsideError } from '../engine/errors';
import { UsageError, type CliIo } from './io';

function help(io: CliIo): void {
  io.stdout.write('Usage: chartside <command> [options]\n\nCommands:\n');
  for (const c of COMMANDS) io.stdout.write(`  ${c.name.padEnd(16)} ${c.summary}\n`);
  io.stdout.write("\nchartside help <command> shows a command's options.\n");
}

/** A Node system error (file not found, permission denied, ...): it carries an `E...` code. */
function isSystemError(error: unknown): error is Error {
  const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const target = rest[0] ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    if (target) io.stdout.write(`${(await target.load()).usage}\n`);
    else help(io);
    return 0;
  }
  // `codesets build` and `codesets info` are one command with a sub-verb; the rest are single words.
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.stderr.write(`chartside: unknown command "${name}"\n`);
    help(io);
    return 2;
  }
  const command = await entry.load();
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`chartside ${name}: ${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    // Chartside's own errors and the system's (a missing file: ENOENT, EACCES, ...) are messages a
    // user can act on; anything else is a bug in Chartside, printed with its stack to be reported.
    if (isChartsideError(error) || isSystemError(error)) io.stderr.write(`chartside ${name}: ${error.message}\n`);
    else {
      const detail = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
      io.stderr.write(`chartside ${name}: internal error (please report it): ${detail}\n`);
    }
    return 1;
  }
}
