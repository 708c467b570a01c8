import type { ContextKind, FindingContext, Span, TextAnalysis } from './types';

/**
 * NegEx-style context (Chapman et al., J Biomed Inform 2001; ConText, Harkema et al. 2009):
 * trigger phrases before a finding ("pre") or after it ("post") within the same sentence, with a
 * bounded scope that stops at a terminator ("but", "however", ";" ...).
 */
interface Trigger {
  kind: ContextKind;
  re: RegExp;
}

const PRE: readonly Trigger[] = [
  {
    kind: 'negated',
    re: /\b(no|not|nor|denie[sd]|denying|without|negative for|no (?:evidence|signs?|symptoms?|history|complaints?) (?:of|for)|free of|absence of|absent|ruled out|rules out|never (?:had|developed)|fails? to (?:reveal|show|demonstrate)|resolution of|did not (?:show|reveal|have)|unremarkable for|not (?:seen|present))\b/g,
  },
  {
    kind: 'uncertain',
    re: /\b(question(?:able)?|versus|possible|possibly|probable|probably|likely|suspect(?:ed)?|suggest(?:s|ed|ing|ive of)|suspicious (?:of|for)|suspicion (?:of|for)|rule out|r\/o|questionable|question of|cannot (?:be )?(?:excluded|exclude|ruled out|rule out)|can't rule out|concern(?:ing)? for|(?:my |our |the )?concern is(?: that)?|thought (?:it |this |that )?(?:was|to be|might be)|concerned (?:that|about)|worried (?:that|about)|presumed|presumptive|suggestive of|consistent with|compatible with|differential(?: diagnosis)?(?: includes?| of)?|may (?:also |well |still )?(?:have|be|represent)|might|could (?:also )?(?:be|have|represent)|worrisome for|equivocal|impending|threatened)\b/g,
  },
  {
    kind: 'historical',
    re: /\b(history of|h\/o|hx of|previous(?:ly)?|prior|past|status post|s\/p|former|remote|old|resolved|was treated for|years ago|ex(?=-))\b/g,
  },
  {
    kind: 'family',
    re: /\b(family history|fh|mother|father|brother|sister|siblings?|sons?|daughters?|aunt|uncle|grand(?:mother|father|parents?)|cousin|parents?|maternal|paternal|relatives?|twin)\b/g,
  },
  {
    kind: 'hypothetical',
    re: /\b(if|in case|should (?:he|she|they|the patient|patient)? ?develop|return (?:to (?:the )?(?:ed|emergency department) )?(?:if|for)|call (?:if|for)|watch(?:ing)? for|monitor(?:ing)? for|(?:at )?risk (?:of|for)|prevent(?:ion of)?|prophyla(?:xis|ctic)(?: for| against)?|consider(?:ing)?|screening for|to avoid|in the event)\b/g,
  },
];

const POST: readonly Trigger[] = [
  {
    // "tested for gonorrhea and chlamydia, both of which were negative": a result stated once for a coordinated
    // list of findings reaches each of them, not only the nearest.
    kind: 'negated',
    re: /^[\s,]*(?:and|or|as well as)\s+[^.;:]{1,60}?,?\s+(?:both|all|each|either|neither|none) of (?:which|these|them|those)\s+(?:(?:were|was|are|is|came back|returned|tested)\s+)+(negative|normal|nonreactive|non-reactive|undetectable)\b/,
  },
  {
    kind: 'negated',
    re: /^[\s,]*(?:(?:was|were|is|are|has been|have been|had been)\s+)?(ruled out|excluded|negative|absent|unlikely|not (?:seen|found|identified|present|detected|confirmed)|free)\b/,
  },
  {
    // "DVT prophylaxis", "fall precautions": the condition is what is being prevented.
    kind: 'hypothetical',
    re: /^[\s,]*(prophylaxis|precautions|prevention|protocol|screening|risk)\b/,
  },
  {
    kind: 'uncertain',
    re: /^[\s,]*(?:(?:was|were|is|are)\s+)?(suspected|probable|possible|likely|questioned|not (?:ruled out|excluded)|\?|vs\.?|versus|to be ruled out|could not be (?:excluded|ruled out))(?=\W|$)/,
  },
];

/**
 * Phrases that contain a trigger word but do not trigger (NegEx "pseudo-triggers"). An age ("a
 * 47-year-old woman with ...", "9 years old") holds the word "old" but says nothing of a past
 * condition.
 */
const PSEUDO =
  /\b(no (?:increase|change|further|significant change|interval change|new)|not (?:only|necessarily|certain if|ruled out|excluded)|gram[- ]negative|without difficulty|no longer needs?|if any|if needed|if necessary|as needed|\d+(?:[- ]|\s*-\s*)(?:years?|yrs?|y|months?|mos?|weeks?|wks?|days?)[- ]old|(?:years?|months?|weeks?|days?) old)\b/g;

/** Words that close the scope of a pre-trigger. */
const TERMINATOR =
  /(\bbut\b|\bhowever\b|\balthough\b|\bthough\b|\bexcept\b|\bapart from\b|\baside from\b|\bwhich\b|\bwho\b|\bsecondary to\b|\bpresent(?:s|ed|ing)? with\b|\bcomplain(?:s|ed|ing)? of\b|\bthen\b|\bnow\b|;|:|\. )/g;

/** Max words between a pre-trigger and the finding (NegEx uses 5; lists need more). */
const MAX_GAP_WORDS = 10;

/**
 * Finds the sentence index containing `pos` (binary search), `-1` when outside every sentence.
 *
 * @example sentenceAt(analysis, 42)
 */
export function sentenceAt(analysis: TextAnalysis, pos: number): number {
  const s = analysis.sentences;
  let lo = 0;
  let hi = s.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = s[mid]!;
    if (pos < m.start) hi = mid - 1;
    else if (pos >= m.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Section index containing `pos` (sections tile the text). */
export function sectionAt(analysis: TextAnalysis, pos: number): number {
  const s = analysis.sections;
  let lo = 0;
  let hi = s.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (s[mid]!.start <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Whether a negation or uncertainty pre-trigger may begin at or after `from` in the sentence
 * words that {@link findingContext} reads for a finding starting at `to`, in the sentence that
 * starts at `sentenceStart`. `false` is certain (no such cue of that finding starts at or after
 * `from`); `true` may be a false alarm. Cheaper than the full context: {@link assertMention} asks
 * it before reading a long mention's last word.
 *
 * @example mayHoldNegationOrUncertainty('Disease negative for HIV', 0, 21, 0) // true
 */
export function mayHoldNegationOrUncertainty(text: string, from: number, to: number, sentenceStart: number): boolean {
  // A trigger that starts at or after `from` reads only the characters from `from - 1` (its word
  // boundary) to `to`, as the full context does. U+0130 lower-cases to two units, shifting the
  // full context's offsets from there on: with one in the sentence the answer is "may".
  if (text.slice(Math.min(sentenceStart, from), to).includes('\u0130')) return true;
  const window = text.slice(Math.max(0, from - 1), to);
  const lower = window.toLowerCase();
  for (const trig of PRE) {
    if (trig.kind !== 'negated' && trig.kind !== 'uncertain') continue;
    if (trig.re.source.includes('(?<')) return true;
    trig.re.lastIndex = 0;
    if (trig.re.test(lower)) return true;
  }
  return false;
}

/** Contexts already read, per analysis (and its text), by span: see {@link findingContext}. */
const contexts = new WeakMap<TextAnalysis, { text: string; bySpan: Map<number, FindingContext> }>();

/**
 * Context of the finding at `span`: negated, uncertain, historical, family, hypothetical, with
 * the cue phrases that decided it (offsets into `text`). Cues are looked for in the finding's
 * sentence only; a family-history section makes every finding `family`, a past surgical history
 * section makes it `historical`.
 *
 * The result is a pure function of the text, the span and the analysis, and is remembered as long
 * as the analysis object lives: the suggester, the guideline stage's assertions and the CDI read
 * the same mentions of one chart. The returned object is shared by those callers: do not change it.
 *
 * @example
 * const a = analyzeText('No evidence of pneumonia.');
 * findingContext('No evidence of pneumonia.', { start: 15, end: 24 }, a).negated // true
 */
export function findingContext(text: string, span: Span, analysis: TextAnalysis): FindingContext {
  if (!(span.start >= 0 && span.end >= 0 && span.end <= text.length)) return readContext(text, span, analysis);
  let memo = contexts.get(analysis);
  if (!memo || memo.text !== text) contexts.set(analysis, (memo = { text, bySpan: new Map() }));
  // One number per span (end <= text.length): exact below 2^53, i.e. any text under 90 MB.
  const key = span.start * (text.length + 1) + span.end;
  let ctx = memo.bySpan.get(key);
  if (!ctx) memo.bySpan.set(key, (ctx = readContext(text, span, analysis)));
  return ctx;
}

function readContext(text: string, span: Span, analysis: TextAnalysis): FindingContext {
  const sentenceIdx = sentenceAt(analysis, span.start);
  const sectionIdx = sectionAt(analysis, span.start);
  const section = analysis.sections[sectionIdx]?.kind ?? 'none';
  const ctx: FindingContext = {
    negated: false,
    uncertain: false,
    historical: false,
    family: false,
    hypothetical: false,
    section,
    sentence: sentenceIdx,
    cues: [],
  };
  if (section === 'family-history') ctx.family = true;
  if (section === 'past-surgical-history') ctx.historical = true;
  const sentence = analysis.sentences[sentenceIdx];
  if (!sentence) return ctx;
  const sStart = sentence.start;
  const before = text.slice(sStart, Math.max(sStart, span.start)).toLowerCase();
  const after = text.slice(Math.min(span.end, sentence.end), sentence.end).toLowerCase();

  const pseudo: Span[] = [];
  PSEUDO.lastIndex = 0;
  for (let m = PSEUDO.exec(before); m; m = PSEUDO.exec(before))
    pseudo.push({ start: m.index, end: m.index + m[0].length });

  // Where the scope of a pre-trigger ends: the last terminator before the finding.
  let lastTerminator = -1;
  TERMINATOR.lastIndex = 0;
  for (let m = TERMINATOR.exec(before); m; m = TERMINATOR.exec(before)) lastTerminator = m.index + m[0].length;

  // A family cue may lie inside the finding's own words ("family history of colon cancer" read
  // as one Index line, History > family): family cues are looked for up to the finding's end.
  const upToEnd = text.slice(sStart, Math.max(sStart, span.end)).toLowerCase();
  for (const trig of PRE) {
    const scope = trig.kind === 'family' ? upToEnd : before;
    trig.re.lastIndex = 0;
    for (let m = trig.re.exec(scope); m; m = trig.re.exec(scope)) {
      const start = m.index;
      const end = start + m[0].length;
      // Inside the finding only "family history" says whose it is ("maternal care" is the patient's).
      if (start >= before.length && m[0] !== 'family history') continue;
      if (end <= lastTerminator && trig.kind !== 'family') continue;
      if (pseudo.some((p) => start >= p.start && start < p.end)) continue;
      const gap = before.slice(end).trim();
      const words = gap.length === 0 ? 0 : gap.split(/\s+/).length;
      if (words > MAX_GAP_WORDS && trig.kind !== 'family' && trig.kind !== 'hypothetical') continue;
      ctx.cues.push({
        kind: trig.kind,
        start: sStart + start,
        end: sStart + end,
        text: text.slice(sStart + start, sStart + end),
      });
    }
  }
  const afterStart = Math.min(span.end, sentence.end);
  for (const trig of POST) {
    const m = trig.re.exec(after);
    if (m && m[1]) {
      const start = m.index + m[0].length - m[1].length;
      ctx.cues.push({
        kind: trig.kind,
        start: afterStart + start,
        end: afterStart + start + m[1].length,
        text: text.slice(afterStart + start, afterStart + start + m[1].length),
      });
    }
  }
  // "family history of X": the "history of" is the relative's, not the patient's.
  const familyCues = ctx.cues.filter((c) => c.kind === 'family');
  ctx.cues = ctx.cues.filter(
    (c) => !(c.kind === 'historical' && familyCues.some((f) => c.start >= f.start && c.start <= f.end + 1)),
  );
  // "not ruled out" is uncertainty, not negation.
  if (ctx.cues.some((c) => c.kind === 'uncertain' && /not (ruled out|excluded)/i.test(c.text))) {
    ctx.cues = ctx.cues.filter((c) => c.kind !== 'negated');
  }
  ctx.cues.sort((a, b) => a.start - b.start);
  for (const c of ctx.cues) ctx[c.kind] = true;
  return ctx;
}
