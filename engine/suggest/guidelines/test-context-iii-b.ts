/**
 * Words read in a diagnostic test's context are not the patient's condition (engine/text
 * `testContext`):
 * - the name of a test, specimen or measurement ("blood cultures", "stress evaluation"): a test
 *   states no finding (III.B codes even abnormal results only with the provider's significance);
 * - a negative or normal result ("hepatitis C and HIV, each of which came back negative"): only
 *   confirmed conditions are coded (I.C.1.a.1; III.B, IV.K);
 * - the target of a vaccination or an immunity titer: the patient is protected, not ill
 *   (I.C.21.c.2);
 * A code whose every established mention is one of these is suppressed. A finding that a named
 * test "showed" outside the provider's diagnostic statement is an abnormal finding (III.B; IV.K
 * for outpatients): when every established mention is one, it goes to "also documented" for the
 * coder to report if the provider states its significance.
 */
import type { SectionKind } from '../../text';
import { testContext, type TestCue } from '../../text/test-context';
import { demote, reported, suppress } from './tiers';
import type { GuidelineCandidate, GuidelineRule } from './types';
import { DIAGNOSTIC_STATEMENT } from './uncertain-diagnosis-ii-h-iv-h';

/** Sections whose words are signs, measurements or results, never the diagnostic statement. */
const NOT_A_STATEMENT: ReadonlySet<SectionKind> = new Set([
  'ros',
  'physical-exam',
  'vitals',
  'labs',
  'imaging',
  'microbiology',
]);

const WHY: Record<TestCue['kind'], [string, string]> = {
  'test-name': ['III.B', 'names a test, specimen or measurement, not a finding'],
  'negative-result': ['I.C.1.a.1', 'is a negative result: only confirmed conditions are coded'],
  immunity: ['I.C.21.c.2', 'is what the patient is vaccinated or immune against, not a condition'],
  'test-finding': [
    'III.B',
    'is what a test showed, outside the diagnostic statement: an abnormal finding is coded only when the provider states its significance',
  ],
};

export const testContextRule: GuidelineRule = {
  section: 'III.B',
  name: 'words of a diagnostic test',
  apply(cands, ctx) {
    for (const c of reported(cands)) {
      if (c.mentions.length === 0) continue;
      const established = c.mentions.filter((m) => m.assertion.codedAsEstablished);
      if (established.length === 0) continue;
      const own = `${c.suggestion.path} ${c.suggestion.title}`;
      let first: { m: GuidelineCandidate['mentions'][number]; cue: TestCue } | undefined;
      let findingOnly = true;
      let all = true;
      for (const m of established) {
        const cue = testContext(ctx.text, m.evidence, ctx.chart, own);
        // A word of the review of systems, the examination or the results states no diagnosis
        // by itself (I.B.4, III.B): it neither makes nor unmakes one.
        if (!cue && NOT_A_STATEMENT.has(m.section.kind)) continue;
        // The provider's own statement of what a test showed states its significance (III.B).
        if (!cue || (cue.kind === 'test-finding' && DIAGNOSTIC_STATEMENT.has(m.section.kind))) {
          all = false;
          break;
        }
        if (cue.kind !== 'test-finding') findingOnly = false;
        if (!first || (first.cue.kind === 'test-finding' && cue.kind !== 'test-finding')) first = { m, cue };
      }
      if (!all || !first) continue;
      const [section, why] = WHY[first.cue.kind];
      const reason = `"${first.m.evidence.text}" ${why} ("${first.cue.text}")`;
      if (findingOnly) demote(c, { section }, reason);
      else suppress(c, { section }, reason);
    }
  },
};
