/** What a command may touch: its streams. Tests pass in-memory ones. */
export interface CliIo {
  stdout: { write(chunk: string): unknown };
  stderr: { write(chunk: string): unknown };
  stdin: NodeJS.ReadableStream;
}

/** One CLI command. `run` returns the process exit code (0 ok, 1 findings/failure, 2 usage). */
export interface CliCommand {
  name: string;
  /** One line for `chartside help`. */
  summary: string;
  /** Usage text shown by `chartside help <name>` and on a usage error. */
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** Raised for wrong arguments; printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  override name = 'ChartsideUsageError';
}

/** Parses `--flag value` / `--flag=value` / `--bool` options and positionals. */
export function parseArgs(
  args: string[],
  spec: { strings?: string[]; booleans?: string[] },
): { positionals: string[]; strings: Map<string, string>; booleans: Set<string> } {
  const strings = new Map<string, string>();
  const booleans = new Set<string>();
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg);
      continue;
    }
    const [rawName, inline] = arg.replace(/^--?/, '').split(/=(.*)/s, 2) as [string, string | undefined];
    if (spec.booleans?.includes(rawName)) {
      booleans.add(rawName);
    } else if (spec.strings?.includes(rawName)) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`--${rawName} needs a value`);
      strings.set(rawName, value);
    } else {
      throw new UsageError(`unknown option ${arg}`);
    }
  }
  return { positionals, strings, booleans };
}

/** Reads all of standard input (or a file named `-`) as UTF-8. */
export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
