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
  // I.C.19.a: weeks or months after the injury's treatment, or a visit called a follow-up.
  ['Recheck eight weeks status post closed reduction of a left ankle fracture.', 'fracture', 'subsequent'],
  ['Follow-up, 3 months after pinning of a right elbow fracture.', 'fracture', 'subsequent'],
  ['He returns today for follow-up of his right clavicle fracture.', 'fracture', 'subsequent'],
  // Days after the operation: still the stay of active treatment; a plan to follow up is no visit.
  ['Two days status post fixation of a right hip fracture, pain controlled.', 'fracture', undefined],
  ['Closed fracture of the left wrist, splinted; follow up with orthopedics in one week.', 'fracture', undefined],
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
