import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidMessageError, MAX_SNAPSHOT_CHARS, parseIfChartside, parseMessage } from './messages';
import { snapshotFromText } from '../engine/chart/snapshot';

// Full snapshot shape: engine/chart/snapshot.ts (chart reader).
const snapshot = {
  ...snapshotFromText('HPI:\nFictional patient.', 'generic', '2026-01-02T03:04:05.000Z'),
  url: 'http://localhost:5173/epic-like.html',
};

describe('messages', () => {
  it('accepts each well-formed message and keeps its data', () => {
    expect(parseMessage({ type: 'content-to-panel:chart-snapshot', snapshot })).toEqual({
      type: 'content-to-panel:chart-snapshot',
      snapshot,
    });
    expect(parseMessage({ type: 'background-to-panel:reader-origins', origins: ['https://ehr.example/*'] }).type).toBe(
      'background-to-panel:reader-origins',
    );
  });

  it('rejects unknown types, wrong shapes and oversized chart text with a named error', () => {
    expect(() => parseMessage({ type: 'panel-to-content:delete-everything' })).toThrow(InvalidMessageError);
    expect(() =>
      parseMessage({ type: 'content-to-panel:chart-snapshot', snapshot: { ...snapshot, sections: 'x' } }),
    ).toThrow(/rejected message/);
    const huge = {
      ...snapshot,
      sections: [{ heading: 'x', text: 'a'.repeat(MAX_SNAPSHOT_CHARS + 1), start: 0, end: 0 }],
    };
    expect(() => parseMessage({ type: 'content-to-panel:chart-snapshot', snapshot: huge })).toThrow(
      InvalidMessageError,
    );
  });

  it("ignores other extensions' or pages' messages but never lets a malformed Chartside one through", () => {
    expect(parseIfChartside({ type: 'some-other-lib' })).toBeUndefined();
    expect(parseIfChartside(null)).toBeUndefined();
    fc.assert(
      fc.property(fc.anything(), (raw) => {
        try {
          const m = parseIfChartside(raw);
          if (m !== undefined) expect(m.type).toMatch(/^(content|panel|background)-to-/);
        } catch (e) {
          expect(e).toBeInstanceOf(InvalidMessageError);
        }
      }),
    );
  });
});
