/**
 * Reads a chart the CLI was given (a file, or standard input for `-`) as text, streaming, with
 * bounded memory, and refuses what is not a chart text before any analysis runs:
 *
 * - more than {@link MAX_SNAPSHOT_CHARS} characters (the most the extension reads from a page):
 *   reading stops there, so a huge or endless input (`/dev/zero`, a 20 MB log) costs at most that
 *   much memory;
 * - bytes that are not UTF-8 (a PDF, an image, random bytes): stopped at the first bad sequence;
 * - a NUL character, or more than 1% control characters other than tab, line and page breaks
 *   (binary data that happens to be valid UTF-8).
 *
 * Each refusal is a {@link CliInputError} whose message says what was read and what to give
 * instead; the command exits non-zero and prints nothing else.
 */
import { createReadStream } from 'node:fs';
import { MAX_SNAPSHOT_CHARS } from '../engine/chart/snapshot';
import { ChartsideError } from '../engine/errors';

/** The input is not a chart text this CLI reads. */
export class CliInputError extends ChartsideError {
  override name = 'ChartsideCliInputError';
}

/** Controls allowed in text: tab, line feed, vertical tab, form feed, carriage return. */
const TEXT_CONTROLS = new Set([9, 10, 11, 12, 13]);

/** Options of {@link readTextInput}; the defaults are what the commands use. */
export interface TextInputLimits {
  /** Most characters accepted (default {@link MAX_SNAPSHOT_CHARS}). */
  maxChars?: number;
}

/**
 * Reads `source` (`-` = `stdin`) as UTF-8 text within the limits.
 *
 * @throws CliInputError for binary, non-UTF-8 or oversized input, or a file that cannot be read.
 * @example const text = await readTextInput('note.txt', process.stdin)
 */
export async function readTextInput(
  source: string,
  stdin: NodeJS.ReadableStream,
  { maxChars = MAX_SNAPSHOT_CHARS }: TextInputLimits = {},
): Promise<string> {
  const name = source === '-' ? 'standard input' : source;
  const stream = source === '-' ? stdin : createReadStream(source);
  // ignoreBOM keeps a byte-order mark as U+FEFF, so offsets match the file as given.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const parts: string[] = [];
  let chars = 0;
  let controls = 0;
  let bytes = 0;
  const refuse = (why: string): never => {
    // Stop reading at once: the rest of a large or endless input is never pulled in.
    (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
    throw new CliInputError(`${name} ${why}`);
  };
  const take = (text: string): void => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0) refuse(`is binary (a NUL byte near byte ${bytes}): give a plain-text chart (UTF-8)`);
      if ((c < 32 && !TEXT_CONTROLS.has(c)) || c === 127) controls++;
    }
    chars += text.length;
    if (chars > maxChars)
      refuse(`is longer than ${maxChars} characters, more than one chart: give one chart at a time`);
    if (chars >= 1000 && controls > chars / 100)
      refuse(`is binary (${controls} control characters in ${chars}): give a plain-text chart (UTF-8)`);
    parts.push(text);
  };
  try {
    for await (const chunk of stream) {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      let text: string;
      try {
        text = decoder.decode(buf, { stream: true });
      } catch {
        refuse(
          `is not UTF-8 text (an invalid byte sequence within bytes ${bytes}-${bytes + buf.length}): give a plain-text chart, not a PDF, image or word-processor file`,
        );
      }
      take(text!);
      bytes += buf.length;
    }
    take(decoder.decode());
  } catch (error) {
    if (error instanceof CliInputError) throw error;
    if (error instanceof TypeError) refuse('is not UTF-8 text (it ends inside a multi-byte character)');
    throw new CliInputError(`cannot read ${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (controls > 0 && controls > chars / 100)
    refuse(`is binary (${controls} control characters in ${chars}): give a plain-text chart (UTF-8)`);
  return parts.join('');
}
