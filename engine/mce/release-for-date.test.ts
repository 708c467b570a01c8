import { describe, expect, it } from 'vitest';
import { mceReleaseFor } from './release-for-date';

const mce431 = { id: 'mce-43.1', effectiveFrom: '2025-10-01' };
const mce440 = { id: 'mce-44.0', effectiveFrom: '2026-10-01' };

describe('MCE release for a discharge date', () => {
  it('edits each claim with the release of its fiscal year, the newest without a date', () => {
    const both = [mce440, mce431];
    expect(mceReleaseFor(both, '2026-09-30').id).toBe('mce-43.1');
    expect(mceReleaseFor(both, '2026-10-01').id).toBe('mce-44.0');
    expect(mceReleaseFor(both, '2028-01-01').id).toBe('mce-44.0');
    expect(mceReleaseFor(both, '2024-05-01').id).toBe('mce-43.1');
    expect(mceReleaseFor(both, undefined).id).toBe('mce-44.0');
    expect(mceReleaseFor(both, '20260915').id).toBe('mce-43.1');
    expect(mceReleaseFor(both, '20261115').id).toBe('mce-44.0');
    expect(mceReleaseFor([mce431], '2026-11-15').id).toBe('mce-43.1');
    expect(() => mceReleaseFor([], '2026-11-15')).toThrow(RangeError);
  });
});
