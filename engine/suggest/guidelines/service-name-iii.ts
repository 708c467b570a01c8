/**
 * A clinical service or specialty named in the chart ("Infectious Disease consult was obtained",
 * "the Pulmonary Disease team") is who cares for the patient, not a condition the patient has:
 * Section III codes conditions that coexist and affect care, and the words of a service name state
 * none. A candidate whose every mention is such a name — the words capitalised as a proper name
 * and followed by a word for a consultation, service, team or clinician — is suppressed; one
 * whose other mentions all lie outside the diagnostic statement goes to "also documented".
 */
import { longerMentionOf } from './inside-longer-mention-i-b-2';
import { demote, suppress } from './tiers';
import type { GuidelineCandidate, GuidelineRule } from './types';
import { DIAGNOSTIC_STATEMENT } from './uncertain-diagnosis-ii-h-iv-h';

/** Words that follow a service's name ("... consult", "... team", "... recommendations", "..., Dr. X"). */
const SERVICE_NEXT =
  /^(?:[\s-]*(consult\w*|service|team|clinic|department|dept|doctors?|physicians?|specialists?|recommendations?|fellows?|attending|was consulted|were consulted|follow[- ]?up|input)\b|,?\s*Dr\.?\s)/i;

/** Every word capitalised (a proper name), not a heading in capitals. */
const PROPER_NAME = /^(?:[A-Z][a-z]+)(?:[\s-]+[A-Z][a-z]+)*$/;

export const serviceNameRule: GuidelineRule = {
  section: 'III',
  name: 'a clinical service named, not a condition',
  apply(cands, ctx) {
    for (const c of cands) {
      if (c.tier === 'suppressed' || c.system !== 'cm' || c.mentions.length === 0) continue;
      const isService = (m: GuidelineCandidate['mentions'][number]): boolean =>
        PROPER_NAME.test(m.evidence.text) && SERVICE_NEXT.test(ctx.text.slice(m.evidence.end, m.evidence.end + 30));
      const service = c.mentions.filter(isService);
      if (service.length === 0) continue;
      const m = service[0]!;
      const why = `"${m.evidence.text}" names a clinical service ("${ctx.text.slice(m.evidence.start, m.evidence.end + 12).trim()}..."), not the patient's condition`;
      // Words inside a longer reported condition ("... aureus infection") are that condition's (I.B.2).
      const others = c.mentions.filter((x) => !isService(x) && !longerMentionOf(x, c, cands, ctx));
      if (others.length === 0) suppress(c, serviceNameRule, why);
      // Other words remain: reported only if the provider's diagnostic statement names it.
      else if (!others.some((x) => x.assertion.codedAsEstablished && DIAGNOSTIC_STATEMENT.has(x.section.kind)))
        demote(c, serviceNameRule, `${why}; its other mentions are outside the diagnostic statement`);
    }
  },
};
