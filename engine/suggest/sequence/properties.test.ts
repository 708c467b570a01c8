// Properties of principal selection and POA over random candidate sets on a synthetic chart:
// never throws, a negated / family / hypothetical mention is never principal, every code is either
// ranked (with rule, reason and a quote from the chart or the Tabular List) or excluded with its
// reason, and every inpatient code gets a POA indicator with a reason.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadInstalledTables } from '../../../codesets/node';
import type { CmTable } from '../../icd10cm';
import { analyzeText } from '../../text';
import { assignPoa } from '../poa';
import { selectPrincipalExplained, type CandidateMention, type SequenceCandidate } from '.';

let cm: CmTable;
beforeAll(async () => {
  cm = (await loadInstalledTables()).icd10cm.get(2026)!;
});

const TEXT = [
  'CHIEF COMPLAINT:\nFever and cough.',
  'HISTORY OF PRESENT ILLNESS:\nFictional patient admitted with pneumonia. No chest pain. Mother had breast cancer.',
  'HOSPITAL COURSE:\nOn hospital day 2 she developed atrial fibrillation.',
  'DISCHARGE DIAGNOSES:\n1. Pneumonia.\n2. Atrial fibrillation.\n3. Type 2 diabetes mellitus.',
].join('\n\n');
const VIEW = { text: TEXT, ...analyzeText(TEXT) };
const CODES = [
  'J18.9',
  'I48.91',
  'E11.9',
  'R50.9',
  'R05.9',
  'R07.9',
  'C50.919',
  'A41.9',
  'I50.9',
  'F02.80',
  'G30.9',
  'Z79.4',
  'W19.XXXA',
  'O99.89',
];

const mention = fc
  .record({
    start: fc.nat({ max: TEXT.length - 2 }),
    len: fc.integer({ min: 1, max: 20 }),
    negated: fc.boolean(),
    uncertain: fc.boolean(),
    historical: fc.boolean(),
    family: fc.boolean(),
    hypothetical: fc.boolean(),
  })
  .map(({ start, len, ...context }): CandidateMention => {
    const end = Math.min(TEXT.length, start + len);
    const section = VIEW.sections.find((s) => start >= s.start && start < s.end)?.kind ?? 'none';
    return { start, end, text: TEXT.slice(start, end), section, context };
  });
const candidate = fc.record({
  code: fc.constantFrom(...CODES),
  score: fc.double({ min: 0, max: 1, noNaN: true }),
  evidence: fc.array(mention, { minLength: 1, maxLength: 4 }),
});

describe('selection and POA properties', () => {
  it('rank or exclude every code with a reason, and never put a denied mention first', () => {
    fc.assert(
      fc.property(
        fc.array(candidate, { maxLength: 8 }),
        fc.constantFrom('inpatient' as const, 'outpatient' as const),
        (raw, setting) => {
          const candidates: SequenceCandidate[] = raw.map((c) => ({ ...c, flags: [] }));
          const { ranked, excluded } = selectPrincipalExplained(candidates, VIEW, setting, { cm });
          const codes = new Set(candidates.map((c) => c.code));
          expect(ranked.length + excluded.length).toBe(codes.size);
          for (const r of ranked) {
            expect(r.rule).toMatch(/^(I|II|IV)(\.|$)/);
            expect(r.reason.length).toBeGreaterThan(0);
            if (r.span) expect(r.span.start).toBeGreaterThanOrEqual(0);
            const c = candidates.find((x) => x.code === r.code)!;
            const live = c.evidence.filter((e) => !e.context.negated && !e.context.family && !e.context.hypothetical);
            expect(live.length, `${r.code} ranked with no affirmed mention`).toBeGreaterThan(0);
          }
          for (const e of excluded) expect(e.reason.length).toBeGreaterThan(0);
          const poa = assignPoa(candidates, VIEW, { cm }, setting);
          if (setting === 'outpatient') expect(poa).toEqual([]);
          else for (const p of poa) expect(p.reason).toContain('Appendix I');
        },
      ),
      { numRuns: 150 },
    );
  });
});
