/**
 * ConText-style assertion of one mention (Harkema et al., J Biomed Inform 2009): the cues of
 * {@link findingContext} reduced to the one value coding practice acts on, with the setting's
 * rule for uncertain diagnoses (ICD-10-CM Official Guidelines II.H and III.C inpatient, IV.H
 * outpatient).
 */
import { findingContext, mayHoldNegationOrUncertainty } from './context';
import type { ChartAnalysis } from './chart';
import type { ContextCue, FindingContext, SectionKind, Span } from './types';

/** What a mention asserts about the patient. */
export type Assertion =
  | 'affirmed'
  | 'negated'
  | 'ruled-out'
  | 'historical'
  | 'family'
  | 'hypothetical'
  | 'uncertain'
  /** About another person who is not a relative (the source patient of an exposure, a donor, a partner). */
  | 'other-subject';

/** Whom a mention is about. */
export type Subject = 'patient' | 'family-member' | 'other-person';

/**
 * ConText's "other experiencer" beyond relatives: a sentence about another person (the source
 * patient of a needle-stick, a donor, a partner, a contact) before the mention.
 */
const OTHER_PERSON =
  /\b(source patient|source individual|the donor|(his|her|their) (wife|husband|partner|spouse|roommate|girlfriend|boyfriend|co-?worker|friend)|sexual partner|close contact|index case)\b/i;

/** The other person's phrase opening a sentence (its grammatical subject): "The source patient was ...". */
const OTHER_PERSON_OPENS = new RegExp(`^[\\s"'(]*(?:the\\s+)?${OTHER_PERSON.source}`, 'i');
/** A sentence opening with a personal pronoun, after an optional connective ("However, he ..."). */
const PRONOUN_OPENS =
  /^[\s"'(]*(?:(?:however|but|and|also|then|additionally|furthermore|moreover|subsequently|in addition),?\s+)?(he|she|they)\b/i;
/** Words that bring a sentence back to the patient. */
const THE_PATIENT = /\b(?:the patient|patient|pt|our patient|this (?:man|woman|gentleman|lady))\b/i;
/** Other persons named by a gendered word, with the pronoun that refers to them. */
const GENDERED: readonly [RegExp, string][] = [
  [/\b(?:wife|girlfriend)\b/i, 'she'],
  [/\b(?:husband|boyfriend)\b/i, 'he'],
];
/** Most sentences a pronoun chain is followed back. */
const MAX_CHAIN = 3;

/**
 * Whether sentence `si` is about the other person named as the subject of the sentence before it
 * (centering: a pronoun opening a sentence continues the previous sentence's subject): "The source
 * patient was screened. However, he proved reactive to hepatitis C." The
 * chain is followed back through sentences that open with the same pronoun, within one section;
 * a gendered other person ("her husband") is continued only by its own pronoun, and a sentence
 * naming the patient before `end` is the patient's.
 */
function continuesOtherPerson(text: string, chart: ChartAnalysis, si: number, end: number): boolean {
  const s = chart.sentences[si];
  if (!s) return false;
  const lead = PRONOUN_OPENS.exec(text.slice(s.start, end));
  if (!lead) return false;
  const pronoun = lead[1]!.toLowerCase();
  // A second pronoun of the other gender before the mention ("She says he had a fever") is the patient.
  const rest = text.slice(s.start + lead[0].length, end);
  if (THE_PATIENT.test(rest) || (pronoun === 'he' ? /\b(she|her)\b/i : /\b(he|him|his)\b/i).test(rest)) return false;
  for (let j = si - 1; j >= 0 && si - j <= MAX_CHAIN; j--) {
    const p = chart.sentences[j]!;
    if (p.section !== s.section) return false;
    const prev = text.slice(p.start, p.end);
    const other = OTHER_PERSON_OPENS.exec(prev);
    if (other) {
      const gendered = GENDERED.find(([re]) => re.test(other[0]));
      return !gendered || gendered[1] === pronoun;
    }
    const chained = PRONOUN_OPENS.exec(prev);
    if (!chained || chained[1]!.toLowerCase() !== pronoun || THE_PATIENT.test(prev)) return false;
  }
  return false;
}

/** The assertion of one mention and why. */
export interface MentionAssertion {
  assertion: Assertion;
  subject: Subject;
  /**
   * `true` when coding practice codes it as a current condition: affirmed, or uncertain at an
   * inpatient encounter (II.H, III.C); `false` for uncertain outpatient diagnoses (IV.H) and all
   * other assertions.
   */
  codedAsEstablished: boolean;
  /** Guideline or convention that decided, e.g. `IV.H`, `III.C`, `NegEx`. */
  rule: string;
  section: SectionKind;
  cues: ContextCue[];
}

const RULED_OUT = /\b(ruled? out|rules out|excluded)\b/i;
const YEAR = /\b(19[5-9]\d|20\d\d)\b/g;

/** A year before the encounter's, written near the mention ("MI in 2006", "fracture 2019"). */
function pastYear(text: string, span: Span, chart: ChartAnalysis, sentence: Span | undefined): ContextCue | undefined {
  if (!sentence || chart.encounterYear === undefined) return undefined;
  const from = Math.max(sentence.start, span.start - 40);
  const to = Math.min(sentence.end, span.end + 25);
  const window = text.slice(from, to);
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(window); m; m = YEAR.exec(window)) {
    if (Number(m[1]) >= chart.encounterYear) continue;
    // A year inside a date of this stay's documents is not a past event only when it is the encounter's.
    return { kind: 'historical', start: from + m.index, end: from + m.index + 4, text: m[1]! };
  }
  return undefined;
}

/**
 * Offset in the mention of its last word, as `/[A-Za-z0-9]+\W*$/` finds it in the mention's text
 * (`-1` when it finds none: no letter or digit, or an underscore after the last one). Read
 * backwards: the expression costs time quadratic in the mention's length.
 */
function lastWordOffset(text: string, span: Span): number {
  let i = span.end - 1;
  // Trailing \W: anything but letters, digits and the underscore.
  while (i >= span.start && !isAlnum(text.charCodeAt(i)) && text.charCodeAt(i) !== 95) i--;
  if (i < span.start || text.charCodeAt(i) === 95) return -1;
  while (i > span.start && isAlnum(text.charCodeAt(i - 1))) i--;
  return i - span.start;
}

/** ASCII letter or digit (a character code); module level, not a closure made per mention. */
const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Whether reading the context at a long mention's last word (`inner`) can find a negation or
 * uncertainty cue inside the mention; `false` spares that second reading (most mentions). The
 * answer is "can" whenever the last word lies in another sentence than the mention's start
 * (its context would be read in that sentence).
 */
function mayHoldOwnCue(text: string, span: Span, inner: number, chart: ChartAnalysis, sentence: number): boolean {
  const s = chart.sentences[sentence];
  if (!s || inner >= s.end) return true;
  return mayHoldNegationOrUncertainty(text, span.start, inner, s.start);
}

type Base = Pick<MentionAssertion, 'subject' | 'section' | 'cues'>;

/**
 * The assertion as one object literal: building it with object spread (`{ ...base, assertion }`)
 * cost V8 about 3 µs a call, more than reading the mention's context (measured over the 285
 * mentions of the 10,000-character CDI bench note).
 */
function result(base: Base, assertion: Assertion, codedAsEstablished: boolean, rule: string): MentionAssertion {
  return { subject: base.subject, section: base.section, cues: base.cues, assertion, codedAsEstablished, rule };
}

/**
 * The assertion of the mention at `span`. Order of precedence: family member, ruled out,
 * negated, hypothetical, historical, uncertain, affirmed.
 *
 * @example
 * const text = 'Chest pain. Acute MI ruled out.';
 * assertMention(text, { start: 18, end: 20 }, analyzeChart(text, { setting: 'inpatient' })).assertion // 'ruled-out'
 */
export function assertMention(text: string, span: Span, chart: ChartAnalysis): MentionAssertion {
  let ctx: FindingContext = findingContext(text, span, chart);
  // A long mention ("infection that was reported as negative on the screen") may hold its own cue before
  // its last word: negation and uncertainty are read at the last word too. (Historical cues
  // inside the span are not: "coronary artery disease, status post CABG" is current.)
  const lastWord = lastWordOffset(text, span);
  if (
    lastWord > 0 &&
    !ctx.negated &&
    !ctx.uncertain &&
    mayHoldOwnCue(text, span, span.start + lastWord, chart, ctx.sentence)
  ) {
    const inner = findingContext(text, { start: span.start + lastWord, end: span.end }, chart);
    const own = inner.cues.filter((q) => (q.kind === 'negated' || q.kind === 'uncertain') && q.start >= span.start);
    if (own.length > 0)
      ctx = {
        ...ctx,
        negated: own.some((q) => q.kind === 'negated'),
        uncertain: own.some((q) => q.kind === 'uncertain'),
        cues: [...ctx.cues, ...own],
      };
  }
  const cues = [...ctx.cues];
  let historical = ctx.historical;
  if (!historical) {
    const year = pastYear(text, span, chart, chart.sentences[ctx.sentence]);
    if (year) {
      historical = true;
      cues.push(year);
    }
  }
  const subject: Subject = ctx.family ? 'family-member' : 'patient';
  const base: Base = { subject, section: ctx.section, cues };
  if (ctx.family) return result(base, 'family', false, 'ConText family');
  const sentence = chart.sentences[ctx.sentence];
  if (
    sentence &&
    (OTHER_PERSON.test(text.slice(sentence.start, span.start)) ||
      continuesOtherPerson(text, chart, ctx.sentence, span.start))
  )
    return result({ ...base, subject: 'other-person' }, 'other-subject', false, 'ConText other experiencer');
  if (ctx.negated) {
    const ruledOut = cues.some((c) => c.kind === 'negated' && RULED_OUT.test(c.text));
    return result(base, ruledOut ? 'ruled-out' : 'negated', false, 'NegEx');
  }
  if (ctx.hypothetical) return result(base, 'hypothetical', false, 'ConText hypothetical');
  if (historical) return result(base, 'historical', false, 'ConText historical');
  if (ctx.uncertain)
    return chart.setting === 'inpatient'
      ? result(base, 'uncertain', true, 'II.H')
      : result(base, 'uncertain', false, 'IV.H');
  return result(base, 'affirmed', true, 'affirmed');
}
