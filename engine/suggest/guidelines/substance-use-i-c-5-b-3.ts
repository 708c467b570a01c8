/**
 * Psychoactive substance use, unspecified (I.C.5.b.3): the use codes (F10.9-, F11.9-, F12.9-,
 * F13.9-, F14.9-, F15.9-, F16.9-, F18.9-, F19.9-) "should only be assigned based on provider
 * documentation and when they meet the definition of a reportable diagnosis ... only when the
 * psychoactive substance use is associated with a substance related disorder ... or medical
 * condition, and such a relationship is documented by the provider". A habit recorded in the
 * social history ("drinks wine on weekends") is neither: a use code whose every established
 * mention lies in the social history goes to "also documented".
 */
import { demote, reported } from './tiers';
import type { GuidelineRule } from './types';

/** The unspecified-use subcategories named by I.C.5.b.3 (F17, nicotine, is not among them). */
const USE_CODE = /^F1[0-689]\.9/;

export const substanceUseRule: GuidelineRule = {
  section: 'I.C.5.b.3',
  name: 'psychoactive substance use',
  apply(cands) {
    for (const c of reported(cands)) {
      if (!USE_CODE.test(c.code)) continue;
      const established = c.mentions.filter((m) => m.assertion.codedAsEstablished);
      if (established.length === 0 || established.some((m) => m.section.kind !== 'social-history')) continue;
      demote(
        c,
        substanceUseRule,
        `"${established[0]!.evidence.text}" is a habit in the social history: a use code needs a provider-documented related disorder or condition`,
      );
    }
  },
};
