import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from './io';

describe('parseArgs (node:util parseArgs, strict)', () => {
  const spec = { strings: ['limit', 'year'], booleans: ['json'] };

  it('reads strings in both spellings, booleans and positionals, with - as standard input', () => {
    const { positionals, strings, booleans } = parseArgs(
      ['--limit', '5', '--year=2026', '--json', '-', 'note.txt'],
      spec,
    );
    expect(positionals).toEqual(['-', 'note.txt']);
    expect(Object.fromEntries(strings)).toEqual({ limit: '5', year: '2026' });
    expect([...booleans]).toEqual(['json']);
  });

  it('refuses an unknown option, a missing value and a value given to a boolean, naming the option', () => {
    expect(() => parseArgs(['--verbose'], spec)).toThrow(new UsageError('unknown option --verbose'));
    expect(() => parseArgs(['--limit'], spec)).toThrow(new UsageError('--limit needs a value'));
    expect(() => parseArgs(['--json=yes'], spec)).toThrow(new UsageError('--json takes no value'));
  });
});
