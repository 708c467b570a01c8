/**
 * Public types of the clinical text pipeline (`engine/text`). Stable API: changes are additive
 * only (the CDI engine builds on it too). Every offset is a UTF-16 index into the
 * exact string given to {@link analyzeText}; `end` is exclusive.
 */

/** A half-open range `[start, end)` of the analysed text. */
export interface Span {
  start: number;
  end: number;
}

/** Kind of a note section, recognised from its heading. `other` = a heading we do not know; `none` = text before any heading. */
export type SectionKind =
  | 'chief-complaint'
  | 'hpi'
  | 'past-history'
  | 'past-surgical-history'
  | 'medications'
  | 'allergies'
  | 'family-history'
  | 'social-history'
  | 'ros'
  | 'physical-exam'
  | 'vitals'
  | 'labs'
  | 'imaging'
  | 'assessment-plan'
  | 'admission-diagnoses'
  | 'discharge-diagnoses'
  | 'procedures'
  | 'hospital-course'
  | 'discharge-instructions'
  | 'preoperative-diagnosis'
  | 'postoperative-diagnosis'
  | 'procedure-description'
  | 'indications'
  | 'operative-findings'
  | 'anesthesia'
  | 'complications'
  | 'ed-course'
  | 'consults'
  | 'microbiology'
  | 'nursing'
  | 'nutrition'
  | 'wound-care'
  | 'orders'
  | 'other'
  | 'none';

/**
 * Who wrote a section, as far as coding and CDI care (ICD-10-CM Guidelines I.B.14: some details,
 * such as BMI or pressure-ulcer stage, may come from other clinicians; the diagnosis itself must
 * come from the provider). `history` = past or surgical history, `family` = family history,
 * `other` = lists and results (labs, imaging, medications, allergies, orders).
 */
export type SectionAuthor = 'provider' | 'nursing' | 'history' | 'family' | 'other';

/** One section: the heading (`titleStart..titleEnd`) and the whole section including its body (`start..end`). */
export interface TextSection extends Span {
  kind: SectionKind;
  /** Heading text as written, `""` for the implicit leading section. */
  title: string;
  titleStart: number;
  titleEnd: number;
  /** Who wrote it (from the heading; the leading untitled section is the provider's). */
  author: SectionAuthor;
}

/** One sentence (or one list item / line when the line is not prose). */
export interface TextSentence extends Span {
  /** Index into {@link TextAnalysis.sections}. */
  section: number;
  /** `true` when the sentence starts a list item (`-`, `*`, `•`, `1.`, `2)` ...). */
  listItem: boolean;
}

/** A list: consecutive list-item lines. */
export interface TextList extends Span {
  section: number;
  items: Span[];
}

/** Result of {@link analyzeText}. */
export interface TextAnalysis {
  /** Version of this structure; bumped only on incompatible change. */
  version: 1;
  /** Length of the analysed text (for offset checks). */
  length: number;
  sections: TextSection[];
  sentences: TextSentence[];
  lists: TextList[];
}

/** Kind of a context cue. */
export type ContextKind = 'negated' | 'uncertain' | 'historical' | 'family' | 'hypothetical';

/** A word or phrase that set a context flag, with its location. */
export interface ContextCue extends Span {
  kind: ContextKind;
  text: string;
}

/** Context of one finding (a span of the text), from {@link findingContext}. */
export interface FindingContext {
  negated: boolean;
  /** "probable", "suspected", "rule out" ...: coded as established for inpatient only (ICD-10-CM Guidelines Section II.H / III.C; Section IV.H for outpatient). */
  uncertain: boolean;
  /** "history of", "status post", or in a past-history section. */
  historical: boolean;
  /** About a relative (family history section or a relative named before it). */
  family: boolean;
  /** Conditional or future: "if", "watch for", "risk of", "consider". */
  hypothetical: boolean;
  /** Kind of the enclosing section. */
  section: SectionKind;
  /** Sentence index of the finding, `-1` when the span is outside every sentence. */
  sentence: number;
  /** Every cue found, in text order. */
  cues: ContextCue[];
}

/** Encounter for 7th characters of injury/complication codes (A initial, D subsequent, S sequela). */
export type Encounter = 'initial' | 'subsequent' | 'sequela';

/** One modifier value found near a finding, with its location. */
export interface ModifierValue<T extends string = string> extends Span {
  value: T;
  text: string;
}

/** Qualifiers of a finding from {@link findingModifiers}; `undefined` when not stated. */
export interface FindingModifiers {
  laterality?: ModifierValue<'right' | 'left' | 'bilateral'>;
  acuity?: ModifierValue<'acute' | 'chronic' | 'acute-on-chronic' | 'subacute'>;
  severity?: ModifierValue<'mild' | 'moderate' | 'severe'>;
  /** Stage as written, normalised: `1`..`5`, `3a`, `3b`, `esrd`, `I`.. `IV` kept as digits. */
  stage?: ModifierValue;
  /** `type 1`, `type 2`, `systolic`, `diastolic`, `combined` ... normalised lower case. */
  type?: ModifierValue;
  /** Organism normalised to its usual name, e.g. `Escherichia coli`. */
  organism?: ModifierValue;
  encounter?: ModifierValue<Encounter>;
}
