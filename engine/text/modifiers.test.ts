import { describe, expect, it } from 'vitest';
import { analyzeText } from './index';
import { findingEncounter, findingModifiers } from './modifiers';

// Fictional sentences; each finding is read for its encounter both ways.
const CASES: [text: string, finding: string, encounter: string | undefined][] = [
  ['Follow-up visit for a healing fracture of the radius.', 'fracture', 'subsequent'],
  ['She fell at home and sustained a fracture of the left wrist.', 'fracture', 'initial'],
  ['Hemiplegia as a late effect of a stroke, right side.', 'stroke', 'sequela'],
  ['Acute on chronic systolic heart failure, stage 3b CKD.', 'heart failure', undefined],
  ['Seen for cast removal.\nPresents with a new laceration of the scalp.', 'laceration', 'initial'],
];

describe('findingEncounter', () => {
  it.each(CASES)('%s: the encounter findingModifiers reads, found alone', (text, finding, encounter) => {
    const start = text.indexOf(finding);
    const span = { start, end: start + finding.length };
    const a = analyzeText(text);
    const alone = findingEncounter(text, span, a);
    expect(alone?.value).toBe(encounter);
    expect(alone).toEqual(findingModifiers(text, span, a).encounter);
  });
});
