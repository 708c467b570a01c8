/**
 * Principal (inpatient, Official Guidelines Section II) or first-listed (outpatient, Section IV)
 * diagnosis selection: every eligible candidate placed by where the chart names it, then the
 * guideline rules, in the order of {@link RULES}, each moving candidates with its reason.
 */
import type { Setting } from '../types';
import { notPrincipalBecause } from './eligibility';
import { memoTables } from './memo-tables';
import { isLooseReading, subsumedMentions } from './subsumed-mentions';
import { codeFirstNotes } from './i-a-13-code-first';
import { sepsisAndLocalizedInfection } from './i-c-1-d-4-sepsis';
import { obstetricFirst } from './i-c-15-obstetrics';
import { injuryOrder } from './i-c-19-b-injury-order';
import { hypertensionCombinations } from './i-c-9-a-hypertension';
import { principalOnlyZCodes } from './i-c-21-c-15-principal-only';
import { aftercareAndFollowUp } from './i-c-21-c-7-aftercare-follow-up';
import { statusCodesLast } from './i-c-21-c-3-status-last';
import { byScore } from './rank-helpers';
import { symptomsNotPrincipal } from './section-ii-a-symptoms';
import { equallyMeeting } from './section-ii-c-equally-meeting';
import { chieflyResponsible } from './section-ii-chiefly-responsible';
import { symptomWithContrastingDiagnoses } from './section-ii-e-symptom-contrasting';
import { complicationsOfCare } from './section-ii-g-complications';
import { complaintExplained } from './section-ii-a-complaint-explained';
import { unexplainedSymptoms } from './section-ii-a-unexplained-symptom';
import { admissionAfterOutpatientCare } from './section-ii-i-j-admission-after-outpatient';
import { outpatientSurgery } from './section-iv-n-ambulatory-surgery';
import { isPrincipalOnly } from './z-code-role';
import type {
  ChartView,
  DocumentedCandidate,
  PrincipalChoice,
  RankedCandidate,
  SelectionContext,
  SequenceCandidate,
  SequenceRule,
  SequenceTables,
} from './types';

/**
 * The sequencing rules in the order they run. Symptoms first (II.E protects a symptom before
 * contrasting diagnoses, then II.A places the others below a definitive diagnosis and puts the
 * diagnosis that explains the chief complaint first), the injury a statement names first among
 * several (I.C.19.b), then the systemic infection (I.C.1.d.4), then the Tabular List's order (I.C.9.a, I.A.13), which may
 * move an etiology above whatever the earlier rules put first, then complications of care (II.G),
 * admission after outpatient care (II.I, II.J), Chapter 15's priority (I.C.15.a.1), aftercare and
 * follow-up stated as the reason (I.C.21.c.7, c.8), the Z codes that may only be first-listed
 * (I.C.21.c.15) and the status codes placed last (I.C.21.c.3), then the outpatient-surgery label
 * (IV.A.1, IV.N), and last the equal-alternatives mark (II.C), which moves nothing.
 */
export const RULES: readonly SequenceRule[] = [
  symptomWithContrastingDiagnoses,
  symptomsNotPrincipal,
  complaintExplained,
  injuryOrder,
  sepsisAndLocalizedInfection,
  hypertensionCombinations,
  codeFirstNotes,
  complicationsOfCare,
  admissionAfterOutpatientCare,
  obstetricFirst,
  aftercareAndFollowUp,
  principalOnlyZCodes,
  statusCodesLast,
  outpatientSurgery,
  equallyMeeting,
];

/** A candidate that cannot be principal, and why. */
export interface NotPrincipal {
  code: string;
  reason: string;
}

/** Result of {@link selectPrincipalExplained}. */
export interface PrincipalSelection {
  /** Best first: `ranked[0]` is the proposed principal (first-listed) diagnosis. */
  ranked: PrincipalChoice[];
  /** Candidates that cannot be principal, each with its guideline. */
  excluded: NotPrincipal[];
  /**
   * Documented candidates a rule promoted into the report (they are also in `ranked`), each with
   * the rule and reason that promoted it.
   */
  promoted: PrincipalChoice[];
  /**
   * Candidates that may be reported only as the principal (first-listed) diagnosis and are not
   * it (I.C.21.c.15): they are not reported as secondary either.
   */
  notSecondary: NotPrincipal[];
}

/** Options of {@link selectPrincipalExplained}. */
export interface SelectionOptions {
  /** Candidates documented but not reported, with the rules that demoted them (read as chart cues; a rule may promote one). */
  documented?: readonly DocumentedCandidate[];
}

/**
 * Ranks the candidates as principal (inpatient) or first-listed (outpatient) diagnosis, each with
 * the guideline section that decided its place, the reason and the chart words (or Tabular note)
 * it rests on; and lists the candidates that cannot be principal with their reason.
 *
 * @param candidates Proposed diagnoses (suggestions or guideline-stage candidates), dotted codes.
 * @param view The chart text with its sections and sentences (`analyzeText`).
 * @param setting `inpatient` (Section II) or `outpatient` (Section IV).
 * @param tables The ICD-10-CM table of the encounter's fiscal year (Tabular notes, titles).
 * @example
 * const text = 'DISCHARGE DIAGNOSES:\n1. Sepsis due to E. coli urinary tract infection.';
 * selectPrincipalExplained(suggestions, { text, ...analyzeText(text) }, 'inpatient', { cm }).ranked[0]
 *   // { code: 'A41.51', rule: 'I.C.1.d.4', reason: 'sepsis with a localized infection ...', quote: '1. Sepsis due to ...' }
 */
export function selectPrincipalExplained(
  candidates: readonly SequenceCandidate[],
  view: ChartView,
  setting: Setting,
  tables: SequenceTables,
  options: SelectionOptions = {},
): PrincipalSelection {
  const memo = memoTables(tables);
  const documented = options.documented ?? [];
  const ctx: SelectionContext = {
    view,
    setting,
    tables: memo,
    // A documented reading the guideline stage refused as words joined across list items or
    // scattered over a sentence (I.B.1), or held back as a weak Index match (I.A), is a loose
    // reading: it does not hide the mention of a condition inside it.
    subsumed: subsumedMentions(view, [...candidates, ...documented.filter((d) => !isLooseReading(d))]),
    documented,
  };
  const excluded: NotPrincipal[] = [];
  const ranked: RankedCandidate[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    if (seen.has(c.code)) continue;
    seen.add(c.code);
    const why = notPrincipalBecause(c, setting, memo);
    if (why) excluded.push({ code: c.code, reason: why });
    else ranked.push(chieflyResponsible(c, ctx));
  }
  // II.A / IV.D / IV.H: symptoms the chart leaves unexplained (documented ones promoted).
  ranked.push(...unexplainedSymptoms(ranked, ctx));
  for (const rule of RULES) if (rule.settings.includes(setting)) rule.apply(ranked, ctx);
  ranked.sort(byScore);
  const out = ranked.map(({ candidate: _c, protectedSymptom: _p, placedBy: _b, promoted: _m, ...choice }) => ({
    ...choice,
    score: Math.round(choice.score * 10) / 10,
  }));
  // I.C.21.c.15: these codes "may only be reported as the principal/first-listed diagnosis".
  const notSecondary = out
    .slice(1)
    .filter((c) => isPrincipalOnly(c.code))
    .map((c) => ({
      code: c.code,
      reason: `may only be reported as the principal/first-listed diagnosis (I.C.21.c.15), and ${out[0]!.code} is principal: not reported as a secondary diagnosis`,
    }));
  return { ranked: out, excluded, promoted: out.filter((_, i) => ranked[i]!.promoted), notSecondary };
}

/**
 * Ranked principal (first-listed) candidates, best first: {@link selectPrincipalExplained}
 * without the excluded list.
 *
 * @example selectPrincipal(suggestions, view, 'inpatient', { cm })[0]?.code // 'A41.51'
 */
export function selectPrincipal(
  candidates: readonly SequenceCandidate[],
  view: ChartView,
  setting: Setting,
  tables: SequenceTables,
): PrincipalChoice[] {
  return selectPrincipalExplained(candidates, view, setting, tables).ranked;
}
