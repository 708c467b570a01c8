import { describe, expect, it } from 'vitest';
import { analyzeText } from '../text';
import { addImplantStatusKeys, IMPLANT_STATUS_KEYS } from './implant-status-keys';
import { sentenceKeys } from './tokens';

function statusKeysOn(text: string): boolean[] {
  const a = analyzeText(text);
  const keys = a.sentences.map((s) => sentenceKeys(text, s.start, s.end));
  addImplantStatusKeys(keys, a);
  return keys.map((sk) => IMPLANT_STATUS_KEYS.every((k) => sk.positions.has(k)));
}

describe('addImplantStatusKeys', () => {
  it('reads an arthroplasty listed under a diagnosis heading as a joint implant status', () => {
    // Fictional operative report header.
    const text = 'POSTOPERATIVE DIAGNOSES:\n1. Loose body, left knee.\n2. Left total hip arthroplasty.\n';
    const on = statusKeysOn(text);
    expect(on.filter(Boolean)).toHaveLength(1);
  });
  it('leaves the operation itself alone', () => {
    const text = 'PROCEDURE PERFORMED:\nLeft total hip arthroplasty.\n';
    expect(statusKeysOn(text).some(Boolean)).toBe(false);
  });
});
