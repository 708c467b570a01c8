import { describe, expect, it } from 'vitest';
import type { CodeLookup } from './api';
import { lazyArea } from './lazy-area';

describe('lazyArea', () => {
  it('loads the area once, on the first call, and retries a failed load', async () => {
    let loads = 0;
    const answer: CodeLookup = { status: 'no-release', query: 'X', message: 'none' };
    const area = lazyArea(['lookupCode'], async () => {
      loads++;
      if (loads === 1) throw new Error('chunk failed to load');
      return { lookupCode: async (code: string) => ({ ...answer, query: code }) };
    });
    expect(loads).toBe(0);
    await expect(area.lookupCode('A')).rejects.toThrow('chunk failed to load');
    expect(await area.lookupCode('B')).toEqual({ ...answer, query: 'B' });
    expect(await area.lookupCode('C')).toEqual({ ...answer, query: 'C' });
    expect(loads).toBe(2);
  });
});
