// A very long chart (a 1 MB note must not stall anything): the suggester handles a
// 300,000-character note generated here (fictional patient; repeated clinical blocks, one hostile
// run-on line without punctuation) and every evidence span it returns lies within the text.
// Not timed here (see test/bench/suggest.bench.ts, `note1MbMs`).
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSuggestTables } from '../../cli/commands/suggest';
import { MAX_EVIDENCE_PER_SUGGESTION, Suggester, type SuggestResult } from '../../engine/suggest';

const BLOCK = [
  'HISTORY OF PRESENT ILLNESS:',
  'Fictional 70-year-old man with type 2 diabetes mellitus with diabetic chronic kidney disease stage 3, hypertension and chronic systolic heart failure.',
  'No evidence of pneumonia. Mother with breast cancer.',
  'ASSESSMENT AND PLAN:',
  '1. Acute on chronic systolic congestive heart failure.',
  '2. Community-acquired pneumonia of the right lower lobe.',
  'PROCEDURES:',
  'Ultrasound-guided percutaneous thoracentesis of the right pleural effusion.',
  '',
].join('\n');

function longNote(chars: number): string {
  const runOn = `${'acute kidney injury with anemia and hyponatremia '.repeat(400)}\n`;
  let s = '';
  for (let i = 0; s.length < chars; i++) s += i % 50 === 25 ? runOn : BLOCK;
  return s.slice(0, chars);
}

describe('suggester on a 300,000-character note', () => {
  const text = longNote(300_000);
  let result: SuggestResult;
  beforeAll(async () => {
    const t = await loadSuggestTables();
    result = new Suggester(t.cm, t.pcs, t.lexicon).suggest(text, { setting: 'inpatient' });
  }, 120_000);

  it('completes with suggestions whose evidence spans lie within the text', () => {
    expect(text.length).toBe(300_000);
    expect(result.diagnoses.length).toBeGreaterThan(0);
    expect(result.diagnoses.some((d) => d.code.startsWith('I50'))).toBe(true);
    for (const s of [...result.diagnoses, ...result.procedures]) {
      expect(s.evidence.length).toBeGreaterThan(0);
      expect(s.evidence.length).toBeLessThanOrEqual(MAX_EVIDENCE_PER_SUGGESTION);
      for (const e of s.evidence) {
        expect(e.start).toBeGreaterThanOrEqual(0);
        expect(e.end).toBeGreaterThan(e.start);
        expect(e.end).toBeLessThanOrEqual(text.length);
        expect(text.slice(e.start, e.end)).toBe(e.text);
      }
    }
  });

  it('says when evidence lists were cut, never silently', () => {
    const capped = [...result.diagnoses, ...result.procedures].filter((s) => s.evidenceOmitted);
    expect(capped.length).toBeGreaterThan(0);
    for (const s of capped) expect(s.evidence.length).toBe(MAX_EVIDENCE_PER_SUGGESTION);
    expect(result.warnings?.[0]).toMatch(/evidence truncated/);
  });
});
