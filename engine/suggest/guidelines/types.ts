/**
 * Types of the guideline stage: candidates from the Index/Tabular stage, each with the assertion
 * of its mentions, go through the {@link GuidelineRule}s in order; each rule moves candidates
 * between tiers and says why on the candidate's trail.
 */
import type { Assertion, ChartAnalysis, MentionAssertion, TextSection } from '../../text';
import type { Evidence, RuleStep, Setting, Suggestion } from '../types';

/** Where a candidate ends: reported, listed as also documented, or suppressed by a rule. */
export type Tier = 'report' | 'also' | 'suppressed';

/** One mention of a candidate with its assertion and section. */
export interface CandidateMention {
  evidence: Evidence;
  assertion: MentionAssertion;
  section: TextSection;
}

/** A code under the guideline stage. */
export interface GuidelineCandidate {
  suggestion: Suggestion;
  system: 'cm' | 'pcs';
  code: string;
  tier: Tier;
  /** Mentions (at most {@link MAX_ASSERTED_MENTIONS}), in the suggestion's evidence order. */
  mentions: CandidateMention[];
  /** The mention quoted for the coder: the first one coded as established, else the first. */
  quote: CandidateMention | undefined;
  /** Assertion of the quoted mention. */
  assertion: Assertion;
  /** Rules applied, in order. */
  rules: RuleStep[];
}

/** Most mentions whose assertion is computed per candidate (the best first). */
export const MAX_ASSERTED_MENTIONS = 40;

/** What the rules read from the tables. Structurally satisfied by `CmTable`. */
export interface GuidelineTables {
  cm: {
    get(code: string):
      | {
          long: string;
          /** Valid for reporting (absent: not known to this table). */
          billable?: boolean;
          notes: readonly { kind: string; text: string; from: string }[];
          /** Tabular chapter and section (block) titles, when the table has them (I.B.5 reads body systems from them). */
          chapter?: { desc: string } | undefined;
          section?: { id?: string; desc: string } | undefined;
          /** Category down to the parent, when the table has them (a standing condition reads their titles). */
          ancestors?: readonly { dotted: string; long: string }[];
          /** Alphabetic Index lines leading to the code (empty: the Index does not name it). */
          indexEntries?: readonly { path: string; code: string; see: string; nemod: string }[];
        }
      | undefined;
    /**
     * The Alphabetic Index lines, when the table has them (the "with" presumption, I.A.15, reads
     * its combination lines from them).
     */
    indexEntries?(source?: 'index' | 'eindex'): Iterable<{ path: string; code: string; see: string; nemod: string }>;
    /** Billable codes below a header, when the table can list them (the infectious agent rule, I.C.1.b, reads B95-B97). */
    billableDescendants?(code: string): readonly { dotted: string }[];
    /**
     * Table of Drugs and Chemicals rows, when the table has them (the adverse effect rule,
     * I.C.19.e.5.a, and the long-term drug rule, I.C.21.c.3, which reads a substance's class from
     * its adverse-effect code).
     */
    drugRows?(): Iterable<{
      path: string;
      nemod: string;
      see: string;
      cells: readonly { column: string; code: string }[];
    }>;
  };
  /**
   * Sex a diagnosis or procedure code is restricted to (the MCE's sex edit lists), when the
   * caller has the MCE tables; without it the sex rule does not run.
   */
  sexOf?: (code: string) => 'female' | 'male' | undefined;
}

/** Per-call state of the rules (never kept between calls). */
export interface GuidelineContext {
  text: string;
  chart: ChartAnalysis;
  setting: Setting;
  tables: GuidelineTables;
}

/** One rule of the Official Guidelines (or a classification convention), applied in RULES order. */
export interface GuidelineRule {
  /** Guideline section, e.g. `I.B.5`, `IV.H`, `I.A.12.a`. */
  section: string;
  /** Short name shown with the section. */
  name: string;
  apply(candidates: GuidelineCandidate[], ctx: GuidelineContext): void;
}
