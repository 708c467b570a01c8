/**
 * Line-by-line processing of claims for `chartside group` and `chartside edits`: input is read
 * as a stream, one line at a time, and answers are written as they come, so memory stays bounded
 * however long the input is and the first answer comes as soon as the tables are loaded.
 *
 * Bad lines are reported on stderr as `line N: reason` (N counts every input line, header and
 * blank lines included) and skipped; the rest is processed; the exit code is then 1.
 */
import { createInterface } from 'node:readline';
import type { CliIo } from '../io';

/** Output is handed to stdout in chunks of about this many characters. */
const CHUNK = 64 * 1024;
/** A partial chunk waits at most this long (interactive use: one claim in, its answer out). */
const FLUSH_MS = 20;

/** What to do with the lines. */
export interface LineHandler {
  /** Written first (TSV header), before any input is read. */
  header?: string;
  /** True for a header line to skip (checked on the first non-blank line only). */
  isHeader?: (line: string) => boolean;
  /** One input line -> one output line (without newline); throws for a bad line. */
  handle: (line: string) => string;
}

type Writable = CliIo['stdout'] & { once?: (event: 'drain', listener: () => void) => unknown };

/** Processes `input` line by line; returns the exit code (0, or 1 when a line was bad). */
export async function processStream(input: NodeJS.ReadableStream, io: CliIo, handler: LineHandler): Promise<number> {
  const stdout = io.stdout as Writable;
  let out = handler.header !== undefined ? `${handler.header}\n` : '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Set by flush() when stdout asks to wait (an object: the loop reads what the closure wrote).
  const drain: { wait: Promise<void> | null } = { wait: null };
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (out === '') return;
    const ok = stdout.write(out);
    out = '';
    // Backpressure: when stdout's buffer is full, stop reading until it drains.
    if (ok === false && typeof stdout.once === 'function' && drain.wait === null) {
      drain.wait = new Promise<void>((resolve) => stdout.once!('drain', () => resolve()));
    }
  };
  flush();
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  let bad = 0;
  let seenContent = false;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    const first = !seenContent;
    seenContent = true;
    if (first && handler.isHeader?.(line)) continue;
    try {
      out += `${handler.handle(line)}\n`;
    } catch (e) {
      bad++;
      flush();
      io.stderr.write(`line ${n}: ${e instanceof Error ? e.message : String(e)}\n`);
    }
    if (out.length >= CHUNK) flush();
    else timer ??= setTimeout(flush, FLUSH_MS);
    if (drain.wait !== null) {
      await drain.wait;
      drain.wait = null;
    }
  }
  flush();
  if (drain.wait !== null) await drain.wait;
  return bad > 0 ? 1 : 0;
}
