import { COMMANDS } from './commands/index';
import { UsageError, type CliIo } from './io';

function help(io: CliIo): void {
  io.stdout.write('Usage: chartside <command> [options]\n\nCommands:\n');
  for (const c of COMMANDS) io.stdout.write(`  ${c.name.padEnd(16)} ${c.summary}\n`);
  io.stdout.write('\nchartside help <command> shows a command\'s options.\n');
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
    io.stderr.write(`chartside ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
