/**
 * Official Guidelines I.C.1.d.4, sepsis and a localized infection: "If the reason for admission
 * is sepsis or severe sepsis and a localized infection, such as pneumonia or cellulitis, a code(s)
 * for the underlying systemic infection should be assigned first and the code for the localized
 * infection should be assigned as a secondary diagnosis. If the patient is admitted with a
 * localized infection, such as pneumonia, and sepsis/severe sepsis doesn't develop until after
 * admission, the localized infection should be assigned first." Severe sepsis (R65.2-) and septic
 * shock carry "Code first underlying infection" in the Tabular List and are handled with the other
 * code-first notes (I.A.13).
 *
 * A systemic infection is a Chapter 1 code (A00-B99) whose title says sepsis; a localized
 * infection is any other infection candidate: a Chapter 1 code, or a code whose Tabular notes ask
 * for the infectious agent (B95-B97), or whose title names an infection.
 */
import { decide, placeAbove, placeBelow } from './rank-helpers';
import { timingOf } from '../poa/admission-time';
import type { RankedCandidate, SelectionContext, SequenceRule } from './types';

const SEPSIS_TITLE = /\bsepsis\b/i;
const INFECTION_TITLE =
  /\b(?:infection|infectious|pneumonia|cellulitis|abscess|pyelonephritis|cystitis|osteomyelitis|meningitis|endocarditis|cholangitis|peritonitis|empyema)\b/i;

function titleOf(c: RankedCandidate, ctx: SelectionContext): string {
  return c.title ?? ctx.tables.cm.get(c.code, { indexEntries: false })?.long ?? '';
}

const isSystemic = (c: RankedCandidate, ctx: SelectionContext): boolean =>
  /^[AB]/.test(c.code) && SEPSIS_TITLE.test(titleOf(c, ctx));

function isLocalized(c: RankedCandidate, ctx: SelectionContext): boolean {
  if (isSystemic(c, ctx)) return false;
  if (/^[AB]/.test(c.code)) return true;
  const detail = ctx.tables.cm.get(c.code, { indexEntries: false });
  if (detail?.notes.some((n) => n.kind === 'useAdditionalCode' && /B95-B97|infectious agent/i.test(n.text)))
    return true;
  return INFECTION_TITLE.test(titleOf(c, ctx));
}

/**
 * `true` when the chart places the sepsis's onset after admission and nowhere at admission (the
 * same reading as the POA pre-fill, Appendix I).
 */
function developedAfterAdmission(c: RankedCandidate, ctx: SelectionContext): boolean {
  const timings = c.candidate.evidence
    .filter((e) => !e.context.negated && !e.context.family && !e.context.hypothetical)
    .map((e) => timingOf(ctx.view, e).timing);
  return (
    timings.includes('after-admission') &&
    !timings.includes('at-admission-phrase') &&
    !timings.includes('admission-section')
  );
}

export const sepsisAndLocalizedInfection: SequenceRule = {
  section: 'I.C.1.d.4',
  settings: ['inpatient', 'outpatient'],
  apply(ranked: RankedCandidate[], ctx: SelectionContext): void {
    const systemic = ranked.filter((c) => isSystemic(c, ctx)).sort((a, b) => b.score - a.score)[0];
    if (!systemic) return;
    const localized = ranked.filter((c) => isLocalized(c, ctx));
    if (developedAfterAdmission(systemic, ctx)) {
      const first = localized.sort((a, b) => b.score - a.score)[0];
      if (first) {
        const why = `sepsis developed after admission: the localized infection ${first.code} is sequenced first (I.C.1.d.4)`;
        placeBelow(systemic, first, 'I.C.1.d.4', why);
        decide(systemic, 'I.C.1.d.4', why);
      }
      return;
    }
    for (const l of localized) {
      if (l.score < systemic.score) continue;
      placeAbove(
        systemic,
        l,
        'I.C.1.d.4',
        `sepsis with a localized infection (${l.code}) on admission: the systemic infection is sequenced first, the localized infection as secondary (I.C.1.d.4)`,
      );
    }
    if (systemic.rule !== 'I.C.1.d.4' && localized.length > 0)
      decide(
        systemic,
        'I.C.1.d.4',
        `sepsis with a localized infection (${localized.map((l) => l.code).join(', ')}): the systemic infection is sequenced first (I.C.1.d.4)`,
      );
  },
};
