import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from './testing';
import { CliInputError, readTextInput } from './read-text-input';

/** Deterministic pseudo-random bytes (xorshift), like a compressed or encrypted file. */
function randomBytes(n: number, seed = 0x9e3779b9): Buffer {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** An endless stream of 64 KiB chunks (like /dev/zero but text), counting what was pulled. */
function endless(chunk: Buffer): { stream: Readable; pulled: () => number } {
  let n = 0;
  const stream = new Readable({
    read() {
      n++;
      this.push(chunk);
    },
  });
  return { stream, pulled: () => n };
}

const read = (input: string | Buffer, maxChars?: number) =>
  readTextInput(
    '-',
    Readable.from([typeof input === 'string' ? Buffer.from(input) : input]),
    maxChars ? { maxChars } : {},
  );

describe('CLI chart input', () => {
  it('returns text as given (BOM and CRLF kept, so offsets match the file)', async () => {
    expect(await read('\uFEFFHPI: fictional patient.\r\nPlan: rest.\n')).toBe(
      '\uFEFFHPI: fictional patient.\r\nPlan: rest.\n',
    );
    // A multi-byte character split across chunks is decoded whole.
    const bytes = Buffer.from('Temp 38.5 °C — febrile');
    const split = Readable.from([bytes.subarray(0, 11), bytes.subarray(11)]);
    expect(await readTextInput('-', split)).toBe('Temp 38.5 °C — febrile');
  });

  it('refuses random bytes, NUL bytes and control-character soup as binary', async () => {
    await expect(read(randomBytes(1 << 20))).rejects.toThrow(/standard input is not UTF-8 text/);
    await expect(read(Buffer.concat([Buffer.from('HPI: text'), Buffer.alloc(4)]))).rejects.toThrow(
      /is binary \(a NUL byte/,
    );
    await expect(read('\x01\x02\x03\x04'.repeat(500))).rejects.toThrow(/is binary \(\d+ control characters/);
    await expect(read(Buffer.from([0x48, 0x49, 0xe2, 0x82]))).rejects.toThrow(CliInputError);
  });

  it('stops reading an endless input at the size limit (bounded memory)', async () => {
    const { stream, pulled } = endless(Buffer.alloc(64 * 1024, 'a'));
    await expect(readTextInput('-', stream, { maxChars: 1_000_000 })).rejects.toThrow(/longer than 1000000 characters/);
    // 1,000,000 chars = 16 chunks of 64 KiB; a few more may be buffered ahead, never the rest.
    expect(pulled()).toBeLessThan(40);
  });

  it('names an unreadable file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chartside-cli-'));
    await expect(readTextInput(join(dir, 'missing.txt'), process.stdin)).rejects.toThrow(/cannot read .*missing\.txt/);
    writeFileSync(
      join(dir, 'scan.pdf'),
      Buffer.concat([Buffer.from('%PDF-1.7\n%'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]), randomBytes(4096)]),
    );
    await expect(readTextInput(join(dir, 'scan.pdf'), process.stdin)).rejects.toThrow(/scan\.pdf is not UTF-8 text/);
  });

  it.each(['suggest', 'cdi'])(
    'chartside %s refuses 1 MB of random bytes with a clear message and exit 1, printing nothing',
    async (command) => {
      const { code, out, err } = await runCli([command, '-'], randomBytes(1 << 20));
      expect(code).toBe(1);
      expect(out).toBe('');
      expect(err).toMatch(
        new RegExp(`^chartside ${command}: standard input is not UTF-8 text .*give a plain-text chart`),
      );
    },
  );
});
