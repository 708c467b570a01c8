import { describe, expect, it } from 'vitest';
import { findSections } from './sections';

describe('run-in headings', () => {
  it('reads a listed heading followed by a comma and its numbered list as a section', () => {
    const note = 'PROCEDURES PERFORMED,1.  Open appendectomy.\n2.  Drain placement.\nHOSPITAL COURSE:\nUneventful.\n';
    const s = findSections(note);
    expect(s.map((x) => x.kind)).toEqual(['procedures', 'hospital-course']);
    expect(note.slice(s[0]!.titleStart, s[0]!.titleEnd)).toBe('PROCEDURES PERFORMED');
  });

  it('leaves a capitalised sentence with a comma as text', () => {
    const note = 'HPI:\nNO ACUTE DISTRESS, 2. She is comfortable.\n';
    expect(findSections(note).map((x) => x.kind)).toEqual(['hpi']);
  });
});
