/**
 * Status codes stated without their status word (Guideline I.C.21.c.3: status codes indicate
 * that a patient "has the sequelae or residual of a past disease or condition. This includes such
 * things as the presence of prosthetic or mechanical devices resulting from past treatment").
 * A chart writes "on hemodialysis", "wheelchair bound", "oxygen dependent" for a dependence (Z99)
 * and "status post", "s/p", a past surgical history line or "has a ..." for a device or an absent
 * organ (Z89-Z96): the status word of the Index line ("Dependence, on, renal dialysis", "Presence,
 * aortocoronary graft") or Tabular inclusion term ("Presence of coronary artery bypass graft") is
 * read from that context. The code is reported with its quote when:
 * - every device, treatment or organ word of the line is in one clause of the sentence;
 * - the context states the status (a dependence: "on", "requires", "... dependent", "... bound";
 *   a presence or absence: "status post", "s/p", "post", "history of", a possessive "has a", or a
 *   past surgical history line), and the mention is not negated, a family member's or planned;
 * - it is not this encounter's procedure ("today", "this admission", a procedure section: a status
 *   code is not assigned for a device placed during the encounter) nor stopped ("no longer on");
 * - no reported diagnosis code already says it ("a status code should not be used with a
 *   diagnosis code ... if the diagnosis code includes the information provided by the status
 *   code", I.C.21.c.3): its title holds the line's words (kidney transplant rejection T86.11
 *   beside kidney transplant status).
 * A code printed with a dash (Z96.65-) takes its side from the words before the mention; without a
 * side, the unspecified-side code.
 */
import { assertMention } from '../../text';
import type { SectionKind } from '../../text';
import { CORONARY_ARTERIES } from '../procedures/vessels';
import { isWeak, keyOf, phraseKeys } from '../tokens';
import { statusLinesOf, type StatusLine, type StatusSource } from './status-lines';
import type { GuidelineCandidate, GuidelineContext, GuidelineRule } from './types';

/** Sections whose lines are not the patient's standing state (orders, this encounter's procedure, lists of drugs, a relative's history). */
const NOT_STATE: ReadonlySet<SectionKind> = new Set<SectionKind>([
  'procedures',
  'procedure-description',
  'operative-findings',
  'anesthesia',
  'orders',
  'family-history',
  'allergies',
  'medications',
  'labs',
  'imaging',
  'vitals',
  'discharge-instructions',
]);

const DEPENDENCE_BEFORE = new Set(['on', 'requires', 'require', 'requiring', 'uses', 'using', 'use']);
const DEPENDENCE_AFTER = new Set(['dependent', 'dependence', 'dependant', 'bound', 'confined']);
/** Stopped or about to start: not a standing dependence. */
const NOT_STANDING = new Set([
  'off',
  'longer',
  'stopped',
  'discontinued',
  'weaned',
  'start',
  'starting',
  'initiate',
  'initiated',
  'begin',
  'begun',
]);
const POSSESSIVE = new Set(['his', 'her', 'has', 'with']);
const THIS_ENCOUNTER =
  /\b(today|tonight|this (admission|hospitalization|encounter|visit|stay)|during (this|the) (admission|hospitalization|stay))\b/i;
const SIDES: readonly [RegExp, RegExp][] = [
  [/^(right|rt)$/, /\bright\b/i],
  [/^(left|lt)$/, /\bleft\b/i],
  [/^(bilateral|both)$/, /\bbilateral\b/i],
];
/** Most words between two words of one line (a clause, not a sentence of unrelated words). */
const MAX_GAP = 3;

interface Token {
  key: string;
  lower: string;
  start: number;
  end: number;
}

function tokensOf(text: string, offset: number): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[A-Za-z0-9]+/g)) {
    const lower = m[0].toLowerCase();
    out.push({ key: keyOf(m[0]), lower, start: offset + m.index, end: offset + m.index + m[0].length });
  }
  return out;
}

/**
 * Token index windows holding the line's words in one clause, tightest first: per occurrence of
 * the first word, the nearest occurrence of each other word ("coronary artery disease, status post
 * PCI with stent to the right coronary artery" has two), stopwords not counted in the width.
 */
function findLine(line: StatusLine, tokens: readonly Token[]): [number, number][] {
  const at: number[][] = [];
  for (const w of line.words) {
    const list: number[] = [];
    tokens.forEach((t, i) => {
      if (t.key === w || line.alternatives.get(t.key) === w) list.push(i);
    });
    if (list.length === 0) return [];
    at.push(list);
  }
  const out: { window: [number, number]; width: number }[] = [];
  for (const anchor of at[0]!) {
    const picks = at.map((list) => list.reduce((a, b) => (Math.abs(b - anchor) < Math.abs(a - anchor) ? b : a)));
    const first = Math.min(...picks);
    const last = Math.max(...picks);
    let width = 0;
    for (let i = first; i <= last; i++) if (!isWeak(tokens[i]!.key)) width++;
    if (width <= line.words.length + MAX_GAP * (line.words.length - 1)) out.push({ window: [first, last], width });
  }
  return out.sort((a, b) => a.width - b.width).map((x) => x.window);
}

const STENT = keyOf('stent');
const CORONARY = keyOf('coronary');

/**
 * A stent placed in a coronary artery named by its own name ("stent to the left anterior
 * descending", "LAD stent") is a coronary stent: the name's first word reads as "coronary" (the
 * reviewed coronary artery names of the procedure coder, engine/suggest/procedures/vessels.ts).
 * Only in a sentence with a stent; the word keeps its text (a side word is still read as a side)
 * and its span grows to the whole name.
 * Mutates `tokens`.
 */
function namedCoronaryArteries(tokens: Token[], sentence: string, offset: number): void {
  if (!tokens.some((t) => t.key === STENT)) return;
  for (const [, re] of CORONARY_ARTERIES) {
    const m = new RegExp(re.source, 'gi');
    for (const hit of sentence.matchAll(m)) {
      const at = tokens.find((t) => t.start === offset + hit.index);
      if (!at) continue;
      at.key = CORONARY;
      at.end = offset + hit.index + hit[0].length; // the quote holds the whole name
    }
  }
}

/** The context states the status the line leaves unwritten. */
function statesStatus(
  line: StatusLine,
  tokens: readonly Token[],
  first: number,
  last: number,
  section: SectionKind,
): boolean {
  const before = tokens.slice(Math.max(0, first - 4), first).map((t) => t.lower);
  if (before.some((w) => NOT_STANDING.has(w))) return false;
  if (line.kind === 'dependence') {
    const after = tokens.slice(last + 1, last + 3).map((t) => t.lower);
    return before.some((w) => DEPENDENCE_BEFORE.has(w)) || after.some((w) => DEPENDENCE_AFTER.has(w));
  }
  if (section === 'past-surgical-history') return true;
  // The status may be written inside the line's words ("coronary artery disease status post stent").
  const inside = tokens.slice(first + 1, last).map((t) => t.lower);
  const joined = ` ${[...before, ...inside].join(' ')} `;
  return (
    / (status post|s p|post|history of) /.test(joined) ||
    before.slice(-3).some((w) => POSSESSIVE.has(w)) ||
    before.slice(-2).join(' ') === 'has a'
  );
}

/** The code of a line, its side read from the words before it when the Index prints a dash. */
function resolveCode(
  line: StatusLine,
  tokens: readonly Token[],
  first: number,
  last: number,
  cm: StatusSource,
): string | undefined {
  if (!line.code.endsWith('-')) return line.code;
  const kids = cm.billableDescendants(line.code.slice(0, -1));
  const near = tokens
    .slice(Math.max(0, first - 3), Math.max(first + line.words.length, last + 1) + 1)
    .map((t) => t.lower);
  for (const [word, title] of SIDES) {
    if (!near.some((w) => word.test(w))) continue;
    const hit = kids.filter((k) => title.test(k.long));
    return hit.length === 1 ? hit[0]!.dotted : undefined;
  }
  const unspecified = kids.filter((k) => /\bunspecified\b/i.test(k.long));
  return unspecified.length === 1 ? unspecified[0]!.dotted : undefined;
}

/** A documented diagnosis code (not a Z code, reported or also documented) whose title already holds the status words. */
function saidByDiagnosis(cands: readonly GuidelineCandidate[], line: StatusLine): GuidelineCandidate | undefined {
  return cands.find(
    (c) =>
      c.tier !== 'suppressed' &&
      c.system === 'cm' &&
      !c.code.startsWith('Z') &&
      line.words.every((w) => phraseKeys(c.suggestion.title).includes(w)),
  );
}

/**
 * Confidence of a status read from its context: a secondary code (I.C.21.c.3: status codes are
 * "informative"), never a reason for the encounter by itself.
 */
const STATUS_SCORE = 0.5;

const sub = (code: string): string => code.replace('.', '').slice(0, 4);

export const statusCurrentStateRule: GuidelineRule = {
  section: 'I.C.21.c.3',
  name: 'status read from the current state',
  apply(cands, ctx: GuidelineContext) {
    const cm = ctx.tables.cm as Partial<StatusSource>;
    if (!cm.indexEntries || !cm.inclusionTerms || !cm.billableDescendants) return;
    const table = cm as StatusSource;
    const lines = statusLinesOf(table);
    // Chart word -> the line words it can stand for (any line's nonessential modifier): a cheap
    // first test per sentence; findLine then checks the line's own modifiers.
    const alternativeOf = new Map<string, string[]>();
    const byWord = new Map<string, StatusLine[]>();
    for (const l of lines) {
      for (const [k, w] of l.alternatives) alternativeOf.set(k, [...(alternativeOf.get(k) ?? []), w]);
      byWord.set(l.words[0]!, [...(byWord.get(l.words[0]!) ?? []), l]);
    }
    // Words of the operations reported for this encounter: a device or absence from one of them is
    // this stay's procedure, not a status ("a status code is not assigned for a procedure of the
    // current encounter", I.C.21.c.3 on status from past treatment).
    const doneHere = new Set<string>();
    for (const c of cands) {
      if (c.system !== 'pcs' || c.tier !== 'report') continue;
      for (const m of c.mentions) {
        const sen = ctx.chart.sentences.find((x) => x.start <= m.evidence.start && m.evidence.start < x.end);
        if (sen) for (const t of tokensOf(ctx.text.slice(sen.start, sen.end), sen.start)) doneHere.add(t.key);
      }
    }
    for (const s of ctx.chart.sentences) {
      const section = ctx.chart.sections[s.section];
      if (!section || NOT_STATE.has(section.kind)) continue;
      const sentence = ctx.text.slice(s.start, s.end);
      if (THIS_ENCOUNTER.test(sentence)) continue;
      const tokens = tokensOf(sentence, s.start);
      namedCoronaryArteries(tokens, sentence, s.start);
      const keys = new Set(tokens.map((t) => t.key));
      for (const t of tokens) for (const w of alternativeOf.get(t.key) ?? []) keys.add(w);
      const seen = new Set<StatusLine>();
      const found: { line: StatusLine; first: number; last: number }[] = [];
      for (const line of [...keys].flatMap((k) => byWord.get(k) ?? [])) {
        if (seen.has(line)) continue;
        seen.add(line);
        if (!line.words.every((w) => keys.has(w))) continue;
        const at = findLine(line, tokens).find(([f, l]) => statesStatus(line, tokens, f, l, section.kind));
        if (at) found.push({ line, first: at[0], last: at[1] });
      }
      // A line whose words all belong to a longer line found in the same words is that line's
      // coarser reading ("knee amputation" inside "below knee amputation"): the longer one is the
      // Index line the chart names (I.B.2, the level of detail documented).
      const kept = found.filter(
        (f) =>
          !found.some(
            (g) =>
              g !== f &&
              g.line.words.length > f.line.words.length &&
              f.line.words.every((w) => g.line.words.includes(w)) &&
              g.first <= f.first &&
              f.last <= g.last,
          ),
      );
      for (const { line, first, last } of kept) {
        if (line.kind === 'presence' && line.words.every((w) => doneHere.has(w))) continue;
        const code = resolveCode(line, tokens, first, last, table);
        if (!code) continue;
        const existing = cands.find((c) => c.system === 'cm' && c.code === code);
        if (existing && existing.tier !== 'also') continue;
        if (cands.some((c) => c.tier === 'report' && c.system === 'cm' && sub(c.code) === sub(code) && c.code !== code))
          continue;
        const span = { start: tokens[first]!.start, end: tokens[last]!.end };
        const assertion = assertMention(ctx.text, span, ctx.chart);
        if (['negated', 'family', 'hypothetical'].includes(assertion.assertion)) continue;
        const said = saidByDiagnosis(cands, line);
        if (said) continue;
        const quote = ctx.text.slice(span.start, span.end);
        const reason = `"${quote}" ${line.kind === 'dependence' ? 'is a standing dependence' : 'is a device, graft or absence from past treatment'} (${line.source})`;
        if (existing) {
          existing.tier = 'report';
          existing.rules.push({ rule: statusCurrentStateRule.section, action: 'add', reason });
          continue;
        }
        const detail = ctx.tables.cm.get(code);
        if (!detail) continue;
        const evidence = {
          ...span,
          text: quote,
          section: section.kind,
          score: STATUS_SCORE,
          // A status from past treatment is read from a past context: it never places the principal.
          context: {
            negated: false,
            uncertain: false,
            historical: line.kind === 'presence' || assertion.assertion === 'historical',
            family: false,
            hypothetical: false,
          },
        };
        const mention = { evidence, assertion: { ...assertion, codedAsEstablished: true }, section };
        cands.push({
          suggestion: {
            id: `cm:${code}`,
            system: 'cm',
            code,
            title: detail.long,
            score: STATUS_SCORE,
            evidence: [evidence],
            path: line.source,
            flags: [],
            notes: [],
          },
          system: 'cm',
          code,
          tier: 'report',
          mentions: [mention],
          quote: mention,
          assertion: 'affirmed',
          rules: [{ rule: statusCurrentStateRule.section, action: 'add', reason }],
        });
      }
    }
  },
};
