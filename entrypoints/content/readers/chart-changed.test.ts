import { describe, expect, it } from 'vitest';
import { snapshotFromText } from '../../../engine/chart/snapshot';
import { chartChanged } from './chart-changed';

describe('chartChanged', () => {
  const a = snapshotFromText('Assessment: hyponatremia.', 'generic', '2026-01-01T00:00:00.000Z');
  it('is false for a re-read of the same chart at another time (nothing to post)', () => {
    const again = {
      ...snapshotFromText(a.text, 'generic', '2026-01-01T00:00:05.000Z'),
      limits: { ...a.limits, elapsedMs: 9 },
    };
    expect(chartChanged(a, again)).toBe(false);
  });
  it('is true when the text, the document or a result row changed', () => {
    expect(chartChanged(a, snapshotFromText('Assessment: hypokalemia.', 'generic'))).toBe(true);
    expect(chartChanged(a, { ...a, document: { title: 'Another note' } })).toBe(true);
    expect(chartChanged(a, { ...a, labs: [{ name: 'Sodium', value: '126', start: 0, end: 3 }] })).toBe(true);
  });
});
