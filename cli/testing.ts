/** Runs the CLI in-process for tests: arguments, standard input, and what it printed. */
import { Readable } from 'node:stream';
import { main } from './main';

export async function runCli(
  args: string[],
  stdin: string | Buffer = '',
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, {
    stdout: { write: (c: string) => (out += c) },
    stderr: { write: (c: string) => (err += c) },
    stdin: Readable.from([stdin]),
  });
  return { code, out, err };
}
