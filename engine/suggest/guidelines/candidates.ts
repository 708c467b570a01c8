/** Guideline candidates from a suggestion result: every code with the assertion of its mentions. */
import { assertMention, sectionAt } from '../../text';
import { INJURY_AFTER_ACTIVE_TREATMENT } from '../injury-after-active-treatment';
import { DISPLAY_THRESHOLD, type SuggestResult } from '../types';
import { MAX_ASSERTED_MENTIONS, type CandidateMention, type GuidelineCandidate, type GuidelineContext } from './types';

/** Family history codes (Z80-Z84) and personal history codes (Z85-Z87, Z92). */
const FAMILY_HISTORY = /^Z8[0-4]/;
const PERSONAL_HISTORY = /^Z(8[5-7]|92)/;

/**
 * One candidate per suggested code, in the result's order, each starting in the "report" tier
 * with its mentions asserted (ConText assertion with the setting's uncertain-diagnosis rule).
 *
 * @example toCandidates(suggester.suggest(text, { excluded: 'demote' }, chart), ctx)[0].assertion // 'affirmed'
 */
export function toCandidates(result: SuggestResult, ctx: GuidelineContext): GuidelineCandidate[] {
  const cache = new Map<string, CandidateMention['assertion']>();
  return [...result.diagnoses, ...result.procedures].map((s) => {
    const mentions: CandidateMention[] = s.evidence.slice(0, MAX_ASSERTED_MENTIONS).map((evidence) => {
      const key = `${evidence.start}:${evidence.end}`;
      let assertion = cache.get(key);
      if (!assertion) {
        assertion = assertMention(ctx.text, evidence, ctx.chart);
        cache.set(key, assertion);
      }
      // A history code codes the family or past context itself (I.C.21.c.4): for it that context is
      // what is established.
      const codesContext =
        (FAMILY_HISTORY.test(s.code) && assertion.assertion === 'family') ||
        (PERSONAL_HISTORY.test(s.code) && assertion.assertion === 'historical');
      if (codesContext) assertion = { ...assertion, codedAsEstablished: true, rule: 'I.C.21.c.4' };
      else if (INJURY_AFTER_ACTIVE_TREATMENT.test(s.code) && assertion.assertion === 'historical')
        assertion = { ...assertion, codedAsEstablished: true, rule: 'I.C.19.a' };
      return { evidence, assertion, section: ctx.chart.sections[sectionAt(ctx.chart, evidence.start)]! };
    });
    const quote = mentions.find((m) => m.assertion.codedAsEstablished) ?? mentions[0];
    // Below the display threshold the Index match itself is weak (one generic word, a word far
    // from its qualifiers): documented, not proposed.
    const weak = s.score < DISPLAY_THRESHOLD;
    return {
      suggestion: s,
      system: s.system,
      code: s.code,
      tier: weak ? 'also' : 'report',
      mentions,
      quote,
      assertion: quote?.assertion.assertion ?? 'affirmed',
      rules: weak
        ? [
            {
              rule: 'I.A',
              action: 'demote',
              reason: `weak Index match (score ${s.score.toFixed(2)} < ${DISPLAY_THRESHOLD})`,
            },
          ]
        : [],
    };
  });
}
