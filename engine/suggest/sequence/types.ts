/**
 * Types of principal / first-listed diagnosis selection (ICD-10-CM Official Guidelines Section II
 * for inpatients, Section IV for outpatients).
 */
import type { SectionKind, TextAnalysis } from '../../text';
import type { Setting, SuggestionFlag } from '../types';

/** One mention of a candidate in the chart (structurally a suggestion's evidence). */
export interface CandidateMention {
  start: number;
  end: number;
  text: string;
  section: SectionKind;
  context: { negated: boolean; uncertain: boolean; historical: boolean; family: boolean; hypothetical: boolean };
}

/**
 * A diagnosis that could be reported (structurally a {@link import('../types').Suggestion} of the
 * suggester, or a candidate of the guideline stage).
 */
export interface SequenceCandidate {
  /** Dotted ICD-10-CM code, e.g. `A41.51`. */
  code: string;
  title?: string;
  /** Suggestion confidence 0..1; breaks ties between equally placed candidates only. */
  score: number;
  evidence: readonly CandidateMention[];
  flags: readonly SuggestionFlag[];
}

/**
 * A candidate the guideline stage documented but did not report, with the guideline sections of
 * the rules that demoted it (e.g. `I.B.5`, a symptom beside a definitive diagnosis). The sequencing
 * rules read these as chart cues (the chief complaint's symptom) and may promote one, with a rule.
 */
export interface DocumentedCandidate extends SequenceCandidate {
  demotedBy: readonly string[];
}

/** The chart as read once: its text and its sections, sentences and lists. */
export interface ChartView extends Pick<TextAnalysis, 'sections' | 'sentences' | 'lists'> {
  text: string;
}

/** What one Tabular List note of a code says (structurally a `CmNote`). */
export interface TabularNote {
  kind: string;
  text: string;
  from: string;
}

/** What selection reads from the ICD-10-CM tables (structurally satisfied by `CmTable`). */
export interface SequenceTables {
  cm: {
    get(
      code: string,
      options?: { indexEntries?: boolean },
    ):
      | {
          dotted: string;
          long: string;
          notes: readonly TabularNote[];
          poaExempt: boolean;
          section: { id: string; desc: string } | undefined;
        }
      | undefined;
  };
  /**
   * Codes the payer's code editor does not accept as principal (the MCE's manifestation and
   * unacceptable-principal lists), when the caller has them. Optional: without it only the
   * classification's own conventions (I.A.13 "in diseases classified elsewhere", I.C.20) apply.
   */
  unacceptablePrincipal?: (dottedCode: string) => boolean;
}

/** A guideline section that decides sequencing, e.g. `II`, `II.C`, `I.C.1.d.4`, `IV.N`. */
export type GuidelineSection = string;

/** One ranked principal (or first-listed) candidate. */
export interface PrincipalChoice {
  /** Dotted code. */
  code: string;
  title?: string;
  /** Strength of the chart's evidence that this condition occasioned the admission (higher is stronger; not a probability). */
  score: number;
  /** Guideline section that placed it here. */
  rule: GuidelineSection;
  /** Why, in words a coder checks against the chart. */
  reason: string;
  /** The chart words (or the Tabular note) the decision rests on. */
  quote: string;
  /** Where `quote` is in the chart (absent when it is a Tabular List note). */
  span?: { start: number; end: number };
}

/** Per-call state of the selection rules (never kept between calls). */
export interface SelectionContext {
  view: ChartView;
  setting: Setting;
  tables: SequenceTables;
  /** Is this mention strictly inside a longer mention of another candidate (see `subsumed-mentions.ts`)? */
  subsumed: (c: SequenceCandidate, m: CandidateMention) => boolean;
  /** Documented, not reported, candidates (empty when the caller gives none). */
  documented: readonly DocumentedCandidate[];
}

/**
 * One sequencing rule: reorders, demotes or explains the ranked list in place, and says why on
 * each choice it moves. Rules run in the order of the `RULES` list.
 */
export interface SequenceRule {
  /** Guideline section the rule applies. */
  section: GuidelineSection;
  /** Applies to which setting. */
  settings: readonly Setting[];
  apply(ranked: RankedCandidate[], ctx: SelectionContext): void;
}

/** A candidate being ranked: the choice under construction and the candidate it came from. */
export interface RankedCandidate extends PrincipalChoice {
  candidate: SequenceCandidate;
  /** Which chart structure placed it (see `chart-cues.ts`), e.g. `postoperative-diagnosis`. */
  placedBy: string;
  /** Set by II.E and the unexplained-symptom rule: a symptom that keeps its place before the diagnoses beside it. */
  protectedSymptom?: boolean;
  /** `true` when a rule promoted it from the documented candidates into the report. */
  promoted?: boolean;
}
