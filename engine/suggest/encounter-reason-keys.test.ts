import { describe, expect, it } from 'vitest';
import { analyzeText } from '../text';
import { addEncounterReasonKeys, ENCOUNTER_KEY } from './encounter-reason-keys';
import { sentenceKeys } from './tokens';

// Fictional operative report header.
const REPORT = [
  'PREOPERATIVE DIAGNOSIS:',
  'Elective sterilization.',
  'POSTOPERATIVE DIAGNOSIS:',
  'Same.',
  'INDICATIONS:',
  'The patient requests sterilization.',
].join('\n');

function keysOf(text: string) {
  const a = analyzeText(text);
  const keys = a.sentences.map((s) => sentenceKeys(text, s.start, s.end));
  addEncounterReasonKeys(keys, a);
  return a.sentences.map((s, i) => ({
    text: text.slice(s.start, s.end),
    encounter: keys[i]!.positions.has(ENCOUNTER_KEY),
  }));
}

describe('addEncounterReasonKeys', () => {
  it('implies "encounter" under the preoperative and postoperative diagnosis headings only', () => {
    const rows = keysOf(REPORT);
    expect(rows.find((r) => r.text.includes('Elective'))?.encounter).toBe(true);
    expect(rows.find((r) => r.text.startsWith('Same'))?.encounter).toBe(true);
    expect(rows.find((r) => r.text.includes('requests'))?.encounter).toBe(false);
  });
  it('leaves a progress note untouched', () => {
    const rows = keysOf('ASSESSMENT:\nElective sterilization discussed.');
    expect(rows.some((r) => r.encounter)).toBe(false);
  });
});
