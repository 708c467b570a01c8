import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import cases from './context-cases.json';
import { analyzeText, findingContext, findingModifiers } from './index';

describe.each(cases.cases)('context: $text', ({ text, finding, expect: want }) => {
  it(`"${finding}"`, () => {
    const start = text.indexOf(finding);
    expect(start).toBeGreaterThanOrEqual(0);
    const ctx = findingContext(text, { start, end: start + finding.length }, analyzeText(text));
    for (const [key, value] of Object.entries(want)) expect([key, ctx[key as keyof typeof ctx]]).toEqual([key, value]);
  });
});

describe('sections and sentences', () => {
  const note =
    'CHIEF COMPLAINT: Dyspnea.\nHistory of Present Illness\nA 68-year-old man with CHF. Creatinine 2.9 from 1.6. Dr. Smith saw him.\n' +
    'Past Medical History:\n- Hypertension\n- Type 2 diabetes\nAssessment and Plan:\n1. Acute kidney injury.\n2. Hyponatremia, fluid restriction.\n';
  const a = analyzeText(note);
  it('finds the headings and tiles the text', () => {
    expect(a.sections.map((s) => s.kind)).toEqual(['chief-complaint', 'hpi', 'past-history', 'assessment-plan']);
    expect(a.sections[0]!.start).toBe(0);
    expect(a.sections.at(-1)!.end).toBe(note.length);
  });
  it('splits sentences without breaking numbers or abbreviations', () => {
    const texts = a.sentences.map((s) => note.slice(s.start, s.end));
    expect(texts).toContain('Creatinine 2.9 from 1.6.');
    expect(texts).toContain('Dr. Smith saw him.');
    expect(texts).toContain('Dyspnea.');
    expect(a.lists.map((l) => l.items.length)).toEqual([2, 2]);
  });
});

describe('modifiers', () => {
  it('reads acuity, type, stage, laterality, organism', () => {
    const t = 'Acute on chronic systolic heart failure. CKD stage 3b. Right lower lobe pneumonia due to E. coli.';
    const a = analyzeText(t);
    const at = (w: string) => ({ start: t.indexOf(w), end: t.indexOf(w) + w.length });
    const hf = findingModifiers(t, at('heart failure'), a);
    expect(hf.acuity?.value).toBe('acute-on-chronic');
    expect(hf.type?.value).toBe('systolic');
    expect(findingModifiers(t, at('CKD'), a).stage?.value).toBe('3b');
    const pna = findingModifiers(t, at('pneumonia'), a);
    expect(pna.laterality?.value).toBe('right');
    expect(pna.organism?.value).toBe('Escherichia coli');
  });
});

describe('properties', () => {
  it('never throws and keeps offsets valid for any string', () => {
    fc.assert(
      fc.property(
        fc.string({
          maxLength: 400,
          unit: fc.constantFrom(
            'a',
            'B',
            ' ',
            '.',
            '\n',
            ':',
            '-',
            '1',
            'no ',
            'History:',
            'Plan:',
            '?',
            ';',
            'é',
            '\u2028',
          ),
        }),
        (text) => {
          const a = analyzeText(text);
          expect(a.length).toBe(text.length);
          let prev = 0;
          for (const s of a.sections) {
            expect(s.start).toBe(prev);
            expect(s.end).toBeGreaterThanOrEqual(s.start);
            prev = s.end;
          }
          expect(prev).toBe(text.length);
          let last = 0;
          for (const s of a.sentences) {
            expect(s.start).toBeGreaterThanOrEqual(last);
            expect(s.end).toBeGreaterThan(s.start);
            expect(s.end).toBeLessThanOrEqual(text.length);
            last = s.end;
          }
          const start = Math.floor(text.length / 3);
          const ctx = findingContext(text, { start, end: Math.min(text.length, start + 5) }, a);
          for (const c of ctx.cues) expect(text.slice(c.start, c.end)).toBe(c.text);
          findingModifiers(text, { start, end: start }, a);
        },
      ),
      { numRuns: 300 },
    );
  });
});
