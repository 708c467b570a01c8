/** Public types of the suggestion engine. */
import type { FindingContext, SectionKind } from '../text';

/** Score from which the side panel lists a suggestion (below it: "more" only); also the P/R/F1 cut-off of the evaluation. */
export const DISPLAY_THRESHOLD = 0.3;

/** Care setting: decides how uncertain diagnoses are coded (Official Guidelines II.H/III.C vs IV.H). */
export type Setting = 'inpatient' | 'outpatient';

/** Options of {@link Suggester.suggest}. */
export interface SuggestOptions {
  /** Default `inpatient`. */
  setting?: Setting;
  /**
   * Findings that coding practice does not code (negated, about a relative, hypothetical, and
   * uncertain ones in outpatient care): `drop` them (default), or keep them with a low score and a
   * flag (`demote`), for annotation schemes that list every mention, such as CodiEsp.
   */
  excluded?: 'drop' | 'demote';
  /** Score factor of a match inside a more specific match (default 0.3). */
  dominatedWeight?: number;
  /** Score factor of a demoted finding (default 0.2). */
  demoteWeight?: number;
  /** Optional re-weighting (e.g. a calibration learned on a training set). Returns the new score in 0..1. */
  calibrate?: (code: string, system: 'cm' | 'pcs', score: number) => number;
  /** Word-to-code associations learned from a coded collection (see `learned.ts`); off by default. */
  learned?: import('./learned').LearnedModel;
  /** Weight of a learned association's probability (default 0.3; tuned on a CodiEsp train hold-out). */
  learnedWeight?: number;
  /** CC/MCC level of a diagnosis code (e.g. {@link severityLookup} over the grouper tables); flags `cc`/`mcc` when given. */
  severityOf?: (code: string) => 'cc' | 'mcc' | undefined;
  /** Longest list per system (default 50). */
  limit?: number;
}

/**
 * Most evidence spans kept per suggestion (best first). A 1 MB chart can mention one diagnosis
 * tens of thousands of times; the score still counts every mention, the list is cut and the cut
 * is said in {@link Suggestion.evidenceOmitted} and {@link SuggestResult.warnings}.
 */
export const MAX_EVIDENCE_PER_SUGGESTION = 200;

/** Why a suggestion deserves attention. */
export type SuggestionFlag =
  | 'possible-principal'
  | 'needs-specificity'
  | 'partial-code'
  | 'excludes1-conflict'
  | 'use-additional-code'
  | 'combination'
  | 'uncertain'
  | 'historical'
  | 'negated'
  | 'family'
  | 'hypothetical'
  | 'cc'
  | 'mcc';

/** One piece of evidence: a span of the snapshot text and its context. */
export interface Evidence {
  start: number;
  end: number;
  text: string;
  section: SectionKind;
  context: Pick<FindingContext, 'negated' | 'uncertain' | 'historical' | 'family' | 'hypothetical'>;
  /** Score of this mention alone, 0..1. */
  score: number;
}

/** One suggested code. */
export interface Suggestion {
  /** Stable id: `cm:E11.22`, `pcs:0W993ZZ`. */
  id: string;
  system: 'cm' | 'pcs';
  /** ICD-10-CM dotted code, or ICD-10-PCS code (7 characters, or a 4-character prefix flagged `partial-code`). */
  code: string;
  title: string;
  /** Confidence 0..1 (higher is better). */
  score: number;
  /** Every mention supporting the code, best first (at most {@link MAX_EVIDENCE_PER_SUGGESTION}). */
  evidence: Evidence[];
  /**
   * Mentions left out of `evidence` by the {@link MAX_EVIDENCE_PER_SUGGESTION} cap (present only
   * when some were: very long charts). They still count in `score`.
   */
  evidenceOmitted?: number;
  /** Index (or Tabular) path that led to the code, e.g. `Failure, failed > heart > systolic > acute on chronic`. */
  path: string;
  flags: SuggestionFlag[];
  /** Human-readable notes: tabular instructions applied, conflicts, what is missing. */
  notes: string[];
}

/** Result of {@link Suggester.suggest}. */
export interface SuggestResult {
  version: 1;
  setting: Setting;
  /** Best first. */
  diagnoses: Suggestion[];
  procedures: Suggestion[];
  /** Table releases used, to show to the user. */
  tables: { cm: number; pcs: number | undefined };
  /** Limits that cut the result (e.g. evidence lists capped); absent when nothing was cut. */
  warnings?: string[];
  /**
   * The coded abstract by the Official Guidelines (report, also documented, suppressed), when the
   * result comes from `suggestAbstract`; absent from a bare `Suggester.suggest` call.
   */
  abstract?: CodedAbstract;
}

/** POA indicator (CMS POA reporting guidelines): Y, N, U (not documented), W (clinically undetermined), 1 (exempt). */
export type PoaIndicator = 'Y' | 'N' | 'U' | 'W' | '1';

/** One step of the reasoning that placed or removed a code: the guideline section and what it did. */
export interface RuleStep {
  /** Official Guidelines section (`I.B.5`, `IV.H`) or the classification's own instruction (`Excludes1`). */
  rule: string;
  /** What the rule did to this code. */
  action: 'keep' | 'drop' | 'replace' | 'add' | 'demote';
  /** Why, in a sentence a coder can check against the chart. */
  reason: string;
}

/** One code of the coded abstract, with the words that support it and the rules that placed it. */
export interface AbstractEntry {
  code: string;
  title: string;
  system: 'cm' | 'pcs';
  /** The chart words that support the code (the best evidence span). */
  quote: string;
  /** Offsets of {@link quote} in the chart text. */
  start: number;
  end: number;
  /** Assertion of the quoted mention (affirmed, or uncertain coded as established for inpatients). */
  assertion: string;
  /** Rules applied to this code, in order. */
  rules: RuleStep[];
  /**
   * `pcs-table-row` when the chart does not give every axis of a procedure: `code` is then the
   * ICD-10-PCS Table row prefix (never a code to report) and {@link chooseAxes} says what to choose.
   */
  kind: 'code' | 'pcs-table-row';
  /** The axes the coder must choose for a `pcs-table-row` entry, e.g. `body part, approach, device, qualifier`. */
  chooseAxes?: string;
  /** POA indicator, inpatient diagnoses only; filled by the POA stage (engine/suggest/poa). */
  poa?: PoaIndicator;
  /** Why that POA indicator. */
  poaReason?: string;
}

/**
 * The coded abstract a coder would report: the principal (inpatient) or first-listed (outpatient)
 * diagnosis, the secondary diagnoses and the procedures. Everything else the chart documents is in
 * `alsoDocumented` (codable words a coder would not report), and candidates a rule removed are in
 * `suppressed` with that rule.
 */
export interface CodedAbstract {
  principal: AbstractEntry | undefined;
  secondary: AbstractEntry[];
  procedures: AbstractEntry[];
  alsoDocumented: AbstractEntry[];
  suppressed: AbstractEntry[];
  /**
   * The principal candidates as the sequencing stage ranked them, best first (the chosen principal
   * first, then the alternatives a coder could defend), each with its deciding guideline and quote;
   * absent when no selector ranked them. The DRG panel shows each one's MS-DRG.
   */
  principalCandidates?: PrincipalDecision[];
}

/**
 * The principal (inpatient, Official Guidelines Section II) or first-listed (outpatient, Section
 * IV) diagnosis chosen among the reportable ones, with the guideline that decided it.
 * Structurally the sequencing stage's `PrincipalChoice`.
 */
export interface PrincipalDecision {
  /** Dotted code, one of the reportable diagnoses given to the selector. */
  code: string;
  /** Guideline section that decided it, e.g. `II`, `II.C`, `I.C.1.d.4`, `IV.A`. */
  rule: string;
  /** Why, in words a coder checks against the chart. */
  reason: string;
  /** The chart words (or Tabular note) the decision rests on. */
  quote: string;
  span?: { start: number; end: number };
}

/** What a {@link PrincipalSelector} or {@link PoaAssigner} reads: the chart and the reportable diagnoses. */
export interface AbstractStageInput {
  text: string;
  setting: Setting;
  /** The chart as read once (sections, sentences, lists). */
  analysis: import('../text').TextAnalysis;
  /** Reportable diagnoses, in the suggestion stage's order (structurally `SequenceCandidate`s). */
  diagnoses: readonly Suggestion[];
  /**
   * Diagnoses the guideline stage documented but did not report, each with the sections of the
   * rules that demoted it. A selector may promote one into the report only under a guideline of
   * its own, with its evidence (returned in `promoted`).
   */
  documented?: readonly DocumentedDiagnosis[];
}

/** A documented, not reported, diagnosis: the suggestion and the guideline sections that demoted it (`I.B.5`). */
export type DocumentedDiagnosis = Suggestion & { demotedBy: readonly string[] };

/**
 * The seam with principal selection (engine/suggest/sequence): returns the principal (absent when
 * no diagnosis is reportable) and optionally the order of the other codes. The default
 * ({@link import('./abstract').firstListedPrincipal}) keeps the first reportable diagnosis.
 */
export type PrincipalSelector = (input: AbstractStageInput) => {
  principal: PrincipalDecision | undefined;
  /** Report order of the secondary codes (codes not listed keep their order after these). */
  secondaryOrder?: readonly string[];
  /** Documented diagnoses the selector promoted into the report, each with the guideline that did it. */
  promoted?: readonly PrincipalDecision[];
  /** Every ranked principal candidate, best first (the first is `principal`). */
  ranked?: readonly PrincipalDecision[];
  /**
   * Reportable diagnoses that may be reported only as the principal and are not it (Official
   * Guidelines I.C.21.c.15): the abstract lists them as documented, with this rule.
   */
  notSecondary?: readonly PrincipalDecision[];
};

/** The seam with POA assignment (engine/suggest/poa): indicator and reason per dotted code (inpatient). */
export type PoaAssigner = (input: AbstractStageInput) => ReadonlyMap<string, { poa: PoaIndicator; reason: string }>;
