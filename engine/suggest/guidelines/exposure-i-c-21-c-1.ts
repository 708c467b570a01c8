/**
 * Contact with and (suspected) exposure to communicable diseases (I.C.21.c.1): "Category Z20
 * indicates contact with, and suspected exposure to, communicable diseases. These codes are for
 * patients who are suspected to have been exposed to a disease by close personal contact with an
 * infected individual or are in an area where a disease is epidemic." The Index's bare main term
 * "Exposure (to)" (T75.89, other effects of external causes such as heat, light or noise) does not
 * code an exposure to an infectious agent: the candidate reached by that main term alone, whose
 * sentence names a pathogen or a body fluid, is suppressed in favour of the Z20 code.
 */
import { sentenceAt } from '../../text';
import { suppress } from './tiers';
import type { GuidelineRule } from './types';

/** Words of a communicable agent or its vehicle. */
const COMMUNICABLE =
  /\b(?:pathogens?|blood[- ]?borne|body fluids?|needle[- ]?sticks?|hiv|hepatitis|tuberculosis|tb|covid(?:-19)?|sars-cov-2|coronavirus|virus(?:es)?|viral|bacteri(?:a|al)|meningococc\w*|rabies|measles|varicella|chickenpox|scabies|lice|syphilis|gonorrh\w*|chlamydia|communicable|infectious|sexually transmitted)\b/i;

export const communicableExposureRule: GuidelineRule = {
  section: 'I.C.21.c.1',
  name: 'exposure to a communicable disease',
  apply(cands, ctx) {
    for (const c of cands) {
      if (c.tier === 'suppressed' || c.system !== 'cm' || !c.code.startsWith('T75.89')) continue;
      if (c.suggestion.path.includes('>')) continue; // an Index subterm names what the exposure was
      const established = c.mentions.filter((m) => m.assertion.codedAsEstablished);
      let agent: string | undefined;
      for (const m of established) {
        const s = ctx.chart.sentences[sentenceAt(ctx.chart, m.evidence.start)];
        agent ??= s ? COMMUNICABLE.exec(ctx.text.slice(s.start, s.end))?.[0] : undefined;
      }
      if (!agent) continue;
      suppress(
        c,
        communicableExposureRule,
        `an exposure to a communicable agent ("${agent}") is coded with contact/exposure (Z20), not with other effects of external causes`,
      );
    }
  },
};
