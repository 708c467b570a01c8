import { describe, expect, it } from 'vitest';
import { otherHeadingAt } from './inline-heading';

describe('otherHeadingAt', () => {
  it.each([
    ['None. MEDICATIONS: aspirin.', 'MEDICATIONS'],
    ['Codeine.\nMEDICATIONS AT HOME: acetaminophen.', 'MEDICATIONS AT HOME'],
    ['Father had hypertension.\nPATIENT CONCERNS: asthma.', 'PATIENT CONCERNS'],
    ['Penicillin; social history: never smoked.', 'social history'],
  ])('%j ends at %s', (text, heading) => {
    expect(otherHeadingAt(text, 0, text.length, 'allergies')).toBe(text.indexOf(heading));
  });
  it.each([
    ['Penicillin: hives. Codeine: nausea.', 'allergies'],
    ['Mother: breast cancer at 50.', 'family-history'],
    ['Drug allergies: penicillin.', 'allergies'],
  ] as const)('%j has none of another section', (text, own) => {
    expect(otherHeadingAt(text, 0, text.length, own)).toBe(text.length);
  });
  it('lets the section keep a label it names', () => {
    const text = 'Father had gout.\nMATERNAL GRANDMOTHER: diabetes.';
    expect(otherHeadingAt(text, 0, text.length, 'family-history')).toBe(text.indexOf('MATERNAL'));
    expect(otherHeadingAt(text, 0, text.length, 'family-history', (l) => /grandmother/i.test(l))).toBe(text.length);
  });
});
