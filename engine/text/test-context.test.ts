// Diagnostic-test context of a mention: synthetic sentences, each with a near miss.
import { describe, expect, it } from 'vitest';
import { analyzeText } from './index';
import { testContext } from './test-context';

/** The test context of the n-th occurrence (default first) of `word` in `text`. */
function kindOf(text: string, word: string, path = '', nth = 0): string | undefined {
  let at = text.indexOf(word);
  for (let i = 0; i < nth; i++) at = text.indexOf(word, at + 1);
  if (at < 0) throw new Error(`${word} not in ${text}`);
  return testContext(text, { start: at, end: at + word.length }, analyzeText(text), path)?.kind;
}

describe('testContext', () => {
  it.each([
    ['Blood, wound and urine cultures were drawn.', 'Blood', 'test-name'],
    ['A stress evaluation is planned as an outpatient.', 'stress', 'test-name'],
    ['Urine studies with reflex to culture were sent.', 'reflex', 'test-name'],
    ['The white blood cell count was normal.', 'blood', 'test-name'],
    ['Hepatitis C and HIV, each of which came back negative.', 'Hepatitis C', 'negative-result'],
    ['Her HIV test came back negative.', 'HIV', 'negative-result'],
    ['She tested negative for influenza today.', 'influenza', 'negative-result'],
    ['The ST change is probably lead artifact rather than an actual infarct.', 'infarct', 'negative-result'],
    ['Up to date on immunizations including tetanus.', 'tetanus', 'immunity'],
    ['She finished the two-dose vaccine series against hepatitis B.', 'hepatitis B', 'immunity'],
    ['Rubella titer shows immunity.', 'Rubella', 'immunity'],
    ['A stress test last year showed mild inferior ischemia.', 'ischemia', 'test-finding'],
  ])('%s: "%s" is %s', (text, word, kind) => {
    expect(kindOf(text, word)).toBe(kind);
  });

  it.each([
    ['Gross hematuria with clots since Monday.', 'hematuria'],
    ['HIV disease, viral load undetectable on therapy.', 'HIV disease'],
    ['Anemia, normal iron studies pending review.', 'Anemia'],
    ['A series of seizures overnight.', 'seizures'],
    ['Acute stress reaction after the accident.', 'stress reaction'],
    ['Pneumonia of the right lower lobe.', 'Pneumonia'],
  ])('%s: "%s" has no test context', (text, word) => {
    expect(kindOf(text, word)).toBeUndefined();
  });

  it("does not read the finding's own word as a test name", () => {
    const text = 'Elevated blood pressure readings at three visits.';
    expect(kindOf(text, 'blood', 'Elevated, elevation > blood pressure')).toBeUndefined();
    expect(kindOf(text, 'blood')).toBe('test-name');
  });

  it('never throws and keeps its cue inside the sentence (property)', async () => {
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.nat(), fc.nat(), (text, a, b) => {
        const start = text.length === 0 ? 0 : a % text.length;
        const end = Math.min(text.length, start + (b % 20));
        const cue = testContext(text, { start, end }, analyzeText(text));
        if (cue) expect(text.slice(cue.start, cue.end)).toBe(cue.text);
      }),
      { numRuns: 300 },
    );
  });
});
