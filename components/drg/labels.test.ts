import { describe, expect, it } from 'vitest';
import { componentVersion, dotCodes } from './labels';

describe('DRG labels', () => {
  it('spells the MCE version as the grouper does', () => {
    expect(componentVersion('431')).toBe('43.1');
    expect(componentVersion('43.0')).toBe('43.0');
  });
  it('writes the codes a message is about with their dot, whole words only', () => {
    expect(dotCodes('N390 needs a POA indicator (Y, N, U or W)', ['N390'])).toBe(
      'N39.0 needs a POA indicator (Y, N, U or W)',
    );
    expect(dotCodes('I130 conflicts with I130X', ['I130'])).toBe('I13.0 conflicts with I130X');
    expect(dotCodes('age 200 is not 0-124', [])).toBe('age 200 is not 0-124');
    // A three-character category has no dot.
    expect(dotCodes('I10 is fine', ['I10'])).toBe('I10 is fine');
  });
});
