import { describe, expect, it } from 'vitest';
import { refusal } from '../testing/refusal';
import { decodeUtf8 } from './decode-utf8';

describe('decodeUtf8', () => {
  it('decodes UTF-8 and passes text through', () => {
    expect(decodeUtf8(new TextEncoder().encode('A00\tCholera \u00e9'), 'a.txt')).toBe('A00\tCholera \u00e9');
    expect(decodeUtf8('already text', 'a.txt')).toBe('already text');
  });

  it('refuses bytes that are not UTF-8, naming the file and the line of the first bad byte', () => {
    const bad = new Uint8Array([...new TextEncoder().encode('one\ntwo\nthr'), 0xff, 0xfe, 0x0a]);
    const error = refusal(() => decodeUtf8(bad, 'x.txt'));
    expect(error).toMatchObject({ file: 'x.txt', line: 3 });
    expect(error.message).toBe('x.txt:3: not a UTF-8 text file (wrong file?)');
  });
});
