import { parseArgs as parseNodeArgs } from 'node:util';
import { ChartsideError } from '../engine/errors';

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
export class UsageError extends ChartsideError {
  override name = 'ChartsideUsageError';
}

/**
 * Parses `--flag value` / `--flag=value` / `--bool` options and positionals with Node's own
 * `util.parseArgs` (strict: an unknown option or a missing value is a {@link UsageError}). A lone
 * `-` is a positional (standard input).
 */
export function parseArgs(
  args: string[],
  spec: { strings?: string[]; booleans?: string[] },
): { positionals: string[]; strings: Map<string, string>; booleans: Set<string> } {
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const name of spec.strings ?? []) options[name] = { type: 'string' };
  for (const name of spec.booleans ?? []) options[name] = { type: 'boolean' };
  let parsed: ReturnType<typeof parseNodeArgs>;
  try {
    parsed = parseNodeArgs({ args, options, strict: true, allowPositionals: true });
  } catch (cause) {
    throw new UsageError(usageMessage(cause));
  }
  const strings = new Map<string, string>();
  const booleans = new Set<string>();
  for (const [name, value] of Object.entries(parsed.values)) {
    if (typeof value === 'string') strings.set(name, value);
    else if (value === true) booleans.add(name);
  }
  return { positionals: parsed.positionals, strings, booleans };
}

/** Node's parse errors name the option in a sentence of their own; keep the part a user needs. */
function usageMessage(cause: unknown): string {
  const code = (cause as { code?: unknown }).code;
  const message = cause instanceof Error ? cause.message : String(cause);
  const option = /'(-[^']*)'/.exec(message)?.[1]?.split(' ')[0];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) return `unknown option ${option}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    return /argument missing/.test(message) ? `${option} needs a value` : `${option} takes no value`;
  }
  return message;
}

/** Reads all of standard input (or a file named `-`) as UTF-8. */
export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}
