/**
 * The "with" presumption (I.A.15) and combination codes (I.B.9). Guideline I.A.15: "The
 * classification presumes a causal relationship between the two conditions linked by these terms
 * in the Alphabetic Index or Tabular List. These conditions should be coded as related even in
 * the absence of provider documentation explicitly linking them, unless the documentation clearly
 * states the conditions are unrelated". Guideline I.B.9: "Assign only the combination code when
 * that code fully identifies the diagnostic conditions involved".
 *
 * So when two codes of the chart are the two halves of an Index "with" line (the line above "with"
 * gives one, the subterm after it read as its own Index entry gives the other: type 2 diabetes
 * E11.9 and peripheral angiopathy I73.9 under "Diabetes, type 2, with, peripheral angiopathy"
 * E11.51), wherever the chart names them (two list items, one sentence, the history and the
 * assessment), the line's combination code is reported with both quotes; the code it replaces (the
 * base "without" code, the linked condition's own code) is suppressed naming it, unless the
 * combination code's own "use additional code" note asks for it (the CKD stage at E11.22). The
 * base is a reported code, or one set aside only because its title says "without" the linked
 * condition (I.B.1); the linked condition is reported, documented as current, or suppressed only by
 * an Excludes1 note that points to the combination (I20 -> I25.1-, K81 -> K80.-). A combination may
 * be the base of a further line (gallbladder and bile duct calculus K80.70, then with cholecystitis
 * K80.60); the one that stands for the most conditions is reported. Other codes of a condition it
 * holds (a less specific "angina" elsewhere, another reading of the same words) are suppressed with
 * it. Never across a negated, ruled-out, historical or family mention (those never reach the
 * reported or documented tiers), not when a sentence of the linked condition says it is unrelated,
 * and never over a combination code a rule already suppressed (its assertion or place in the chart).
 */
import { sentenceAt } from '../../text';
import { noteRefs, refCovers } from '../codes-in-note';
import { excludes1Rule } from './excludes1-i-a-12-a';
import { codeDetail } from './code-detail';
import { reported, suppress, undotted } from './tiers';
import { MAX_ASSERTED_MENTIONS } from './types';
import type { CandidateMention, GuidelineCandidate, GuidelineContext, GuidelineRule } from './types';
import { bagKey, withLinesOf, type IndexSource, type WithLine } from './with-combination-index';

/** The documentation "clearly states the conditions are unrelated" (I.A.15). */
const UNRELATED = /\b(unrelated|not related|not due to|not caused by|not associated with|independent of)\b/i;

/**
 * Rules whose demotion says only that the Index match was weak, the words were shared with another
 * code, or the condition was not in the diagnostic statement: the condition is still documented.
 */
const DOCUMENTED_ONLY = new Set(['I.A', 'I.B.7', 'III']);

/**
 * A condition documented as the patient's own and current but not reported on its own: it can still
 * make a reported condition's code specific through an Index "with" line (the link is presumed,
 * I.A.15; the chart need not state it in the diagnostic statement).
 */
const documentedNotStated = (c: GuidelineCandidate): boolean =>
  c.tier === 'also' &&
  c.system === 'cm' &&
  c.rules.every((r) => r.action !== 'demote' || DOCUMENTED_ONLY.has(r.rule)) &&
  c.mentions.some((m) => m.assertion.assertion === 'affirmed' && m.assertion.codedAsEstablished);

const category = (code: string): string => undotted(code).slice(0, 3);

/**
 * Every mention of `b` lies inside a longer mention of a reported code ("renal disease" inside
 * "end-stage renal disease"): its words belong to that condition (I.B.2), and it links nothing of
 * its own.
 */
function insideReported(b: GuidelineCandidate, live: readonly GuidelineCandidate[]): boolean {
  return b.mentions.every((m) =>
    live.some(
      (r) =>
        r !== b &&
        r.mentions.some(
          (n) =>
            n.evidence.start <= m.evidence.start &&
            n.evidence.end >= m.evidence.end &&
            n.evidence.end - n.evidence.start > m.evidence.end - m.evidence.start,
        ),
    ),
  );
}

function sentenceText(ctx: GuidelineContext, at: number): string {
  const s = ctx.chart.sentences[sentenceAt(ctx.chart, at)];
  return s ? ctx.text.slice(s.start, s.end) : '';
}

/** The combination code's own "use additional code" notes cover `code` (it is then kept beside it). */
function askedFor(ctx: GuidelineContext, combination: string, code: string): boolean {
  return (ctx.tables.cm.get(combination)?.notes ?? []).some(
    (n) => n.kind === 'useAdditionalCode' && noteRefs(n.text).some((r) => refCovers(r, undotted(code))),
  );
}

/**
 * `true` when `code` is the condition a "with" line links: a code of the subterm's own Index entry,
 * or a code of the same category that the combination code's "use additional code" note asks for
 * beside it. The Index entry of the subterm may not list every member ("Disease, kidney, chronic"
 * lists stages 1-5, not end stage N18.6), while the Tabular note of E11.22 asks for "stage of
 * chronic kidney disease (N18.1-N18.6)": the note's range is the classification's own statement
 * that the code belongs to the condition the combination names.
 */
function linkedBy(ctx: GuidelineContext, line: WithLine, code: string): boolean {
  if (line.subtermCodes.has(code)) return true;
  // An Index code that the Tabular has since subdivided (I20.8 -> I20.81, I20.89) names its children.
  const own = undotted(code);
  if ([...line.subtermCodes].some((s) => own.startsWith(undotted(s)) && codeDetail(ctx, s)?.billable === false))
    return true;
  const cat = category(code);
  return [...line.subtermCodes].some((s) => category(s) === cat) && askedFor(ctx, line.code, code);
}

/** The words a phrase names, order-free (see {@link bagKey}). */
const wordsOf = (text: string): string[] => bagKey(text).split(' ').filter(Boolean);

/**
 * A combination the Index names for conditions of the chart: the line, the condition it is built
 * on (a documented code, or a combination made before: "Calculus, gallbladder, with, bile duct
 * calculus" K80.70, then "Calculus, gallbladder and bile duct, with, cholecystitis" K80.60) and
 * the linked condition.
 */
interface Combination {
  line: WithLine;
  /** The condition the line is built on: a candidate, or the combination made before. */
  base: GuidelineCandidate | Combination;
  linked: GuidelineCandidate;
  /** Every documented condition it stands for, the base's first. */
  covers: GuidelineCandidate[];
  /** The Index lines that lead to it and the conditions they link, for the reason. */
  reason: string;
}

const isCombination = (x: GuidelineCandidate | Combination): x is Combination => 'line' in x;
const codeOf = (x: GuidelineCandidate | Combination): string => (isCombination(x) ? x.line.code : x.code);
const quoteOf = (c: GuidelineCandidate): string => c.quote?.evidence.text ?? c.code;

/** Two mentions share words of the chart. */
const overlaps = (a: CandidateMention, b: CandidateMention): boolean =>
  a.evidence.start < b.evidence.end && b.evidence.start < a.evidence.end;
const shareMention = (a: GuidelineCandidate, b: GuidelineCandidate): boolean =>
  a.mentions.some((m) => b.mentions.some((n) => overlaps(m, n)));

/**
 * Every mention of the conditions a combination stands for (after `first`): the coder sees both
 * quotes, and the principal diagnosis is placed by the strongest of them (Section II reads where
 * the chart names each condition).
 */
function mentionsOf(first: readonly CandidateMention[], parts: readonly GuidelineCandidate[]): CandidateMention[] {
  const mentions = [...first];
  for (const c of parts)
    for (const m of c.mentions)
      if (mentions.length < MAX_ASSERTED_MENTIONS && !mentions.some((x) => x.evidence.start === m.evidence.start))
        mentions.push(m);
  return mentions;
}

function combinationCandidate(
  made: Combination,
  title: string,
  extra: readonly GuidelineCandidate[],
): GuidelineCandidate {
  const mentions = mentionsOf([], [...made.covers, ...extra]);
  const root = made.covers[0]!;
  return {
    suggestion: {
      id: `cm:${made.line.code}`,
      system: 'cm',
      code: made.line.code,
      title,
      score: Math.max(...made.covers.map((c) => c.suggestion.score)),
      evidence: mentions.map((m) => m.evidence),
      path: made.line.path.replace(/, with, /, ' > with > '),
      flags: ['combination'],
      notes: [],
    },
    system: 'cm',
    code: made.line.code,
    tier: 'report',
    mentions,
    quote: root.quote ?? mentions[0],
    assertion: root.assertion,
    rules: [],
  };
}

/**
 * A candidate that only an Excludes1 note suppressed, when the note points to the combination that
 * holds both: I20 "angina pectoris with atherosclerotic heart disease of native coronary arteries
 * (I25.1-)", K81 "cholecystitis with cholelithiasis (K80.-)". The note names the code to use.
 */
function excludedToward(ctx: GuidelineContext, c: GuidelineCandidate, combination: string): boolean {
  if (c.tier !== 'suppressed' || c.rules.at(-1)?.rule !== 'I.A.12.a') return false;
  if (!c.rules.slice(0, -1).every((r) => r.action !== 'drop' && (r.action !== 'demote' || DOCUMENTED_ONLY.has(r.rule))))
    return false;
  return (codeDetail(ctx, c.code)?.notes ?? []).some(
    (n) => n.kind === 'excludes1' && noteRefs(n.text).some((r) => refCovers(r, undotted(combination))),
  );
}

/**
 * A code moved to "also documented" only because its title says "without" a condition the chart
 * states beside it (I.B.1: "Calculus of gallbladder without cholecystitis" beside cholecystitis):
 * the condition is stated, and the combination code is the one that fits both.
 */
const withoutContradicted = (c: GuidelineCandidate): boolean =>
  c.tier === 'also' &&
  c.system === 'cm' &&
  c.rules.some((r) => r.rule === 'I.B.1' && r.action === 'demote' && r.reason.startsWith('its title says "without')) &&
  c.rules.every((r) => r.action !== 'demote' || r.rule === 'I.B.1' || DOCUMENTED_ONLY.has(r.rule));

/** Most combinations built on one another (a line on a combination's code, I.B.9). */
const MAX_ROUNDS = 3;

export const withPresumptionRule: GuidelineRule = {
  section: 'I.A.15',
  name: 'with presumption',
  apply(cands, ctx) {
    const cm = ctx.tables.cm;
    if (!cm.indexEntries) return; // a table without its Index: nothing to presume from
    const live = reported(cands);
    const stated = [...live, ...cands.filter(withoutContradicted)];
    if (stated.length === 0) return;
    const byBase = new Map<string, WithLine[]>();
    for (const l of withLinesOf(cm as IndexSource)) {
      if (l.code.endsWith('-')) continue;
      const list = byBase.get(l.baseCode);
      if (list) list.push(l);
      else byBase.set(l.baseCode, [l]);
    }
    const documented = cands.filter((c) => documentedNotStated(c) && !stated.includes(c));
    const excluded = cands.filter((c) => c.tier === 'suppressed' && c.rules.at(-1)?.rule === 'I.A.12.a');
    const linkable = (b: GuidelineCandidate, line: WithLine): boolean => {
      if (b.tier === 'suppressed' && !excludedToward(ctx, b, line.code)) return false;
      return linkedBy(ctx, line, b.code);
    };
    const made: Combination[] = [];
    let frontier: (GuidelineCandidate | Combination)[] = stated.filter((c) => byBase.has(c.code));
    for (let round = 0; round < MAX_ROUNDS && frontier.length > 0; round++) {
      const next: Combination[] = [];
      for (const a of frontier) {
        const options = byBase.get(codeOf(a));
        if (!options) continue;
        const covers = isCombination(a) ? a.covers : [a];
        const pairs: { line: WithLine; b: GuidelineCandidate; words: number }[] = [];
        for (const b of [...stated, ...documented, ...excluded]) {
          if (covers.includes(b) || b.system !== 'cm') continue;
          // Two readings of the same words are one condition, not two to combine.
          if (covers.some((c) => category(c.code) === category(b.code) && shareMention(c, b))) continue;
          if (b.tier !== 'report' && !stated.includes(b) && insideReported(b, live)) continue;
          if (b.mentions.some((m) => UNRELATED.test(sentenceText(ctx, m.evidence.start)))) continue;
          const quoted = new Set(wordsOf(quoteOf(b)));
          for (const line of options)
            if (linkable(b, line))
              pairs.push({ line, b, words: wordsOf(line.subterm).filter((w) => quoted.has(w)).length });
        }
        // The subterm that says what the chart says ("angina pectoris, unstable" for "unstable
        // angina"), then the narrowest subterm entry naming the linked code, a specified
        // combination before an unspecified one (I.A.9.b), a reported link before a documented one.
        const unspecified = (l: WithLine): number => Number(/\bunspecified\b/i.test(cm.get(l.code)?.long ?? ''));
        pairs.sort(
          (x, y) =>
            y.words - x.words ||
            x.line.subtermCodes.size - y.line.subtermCodes.size ||
            unspecified(x.line) - unspecified(y.line) ||
            Number(y.b.tier === 'report') - Number(x.b.tier === 'report') ||
            y.b.suggestion.score - x.b.suggestion.score,
        );
        // One combination per subcategory and per linked condition: several links of one condition
        // (diabetes with kidney disease and with angiopathy, I.C.4.a) each get theirs; one link
        // decides one code.
        const subs = new Set<string>();
        const links = new Set<GuidelineCandidate>();
        for (const { line, b } of pairs) {
          const sub = undotted(line.code).slice(0, 4);
          if (subs.has(sub) || links.has(b) || line.code === codeOf(a)) continue;
          const detail = codeDetail(ctx, line.code);
          if (!detail || detail.billable === false) continue;
          if (cands.find((c) => c.system === 'cm' && c.code === line.code)?.tier === 'suppressed') continue;
          subs.add(sub);
          links.add(b);
          const link = `"${line.path.replace(/, with, /, ' with ')}" (${line.code})`;
          const reason = isCombination(a)
            ? `${a.reason}; ${link} links it and "${quoteOf(b)}"`
            : `${link}: the Index links "${quoteOf(a)}" and "${quoteOf(b)}", presumed related`;
          next.push({ line, base: a, linked: b, covers: [...covers, b], reason });
        }
      }
      made.push(...next);
      frontier = next;
    }
    if (made.length === 0) return;
    // I.B.9: the combination that "fully identifies the diagnostic conditions involved". Of
    // combinations standing for the same conditions the first made (the best line); one that
    // stands for fewer conditions than another (K80.10 beside K80.60) is not reported.
    const kept = made.filter(
      (x, i) =>
        !made.some(
          (y, j) =>
            y !== x && x.covers.every((c) => y.covers.includes(c)) && (y.covers.length > x.covers.length || j < i),
        ),
    );
    const madeCodes = new Set(kept.map((x) => x.line.code));
    const replaced = new Map<GuidelineCandidate, string[]>();
    const included = new Map<GuidelineCandidate, string[]>();
    const note = (map: Map<GuidelineCandidate, string[]>, c: GuidelineCandidate, why: string): void => {
      const list = map.get(c);
      if (list) list.push(why);
      else map.set(c, [why]);
    };
    for (const x of kept) {
      const code = x.line.code;
      // Other codes of a condition the combination holds: the same linked condition named
      // elsewhere in the chart less specifically ("angina" beside "unstable angina": a code the
      // Index's other lines of this subcategory link), or another reading of the same words in the
      // combination's category ("cholelithiasis" read as K80.80 beside K80.20).
      const sub = undotted(code).slice(0, 4);
      const linkedHere = new Set(
        (byBase.get(codeOf(x.base)) ?? [])
          .filter((l) => undotted(l.code).startsWith(sub))
          .flatMap((l) => [...l.subtermCodes]),
      );
      // A combination code of its own ("with" in its title) stands for another pairing: I.B.9
      // leaves it to the rule that made it.
      const same = live.filter(
        (c) =>
          !x.covers.includes(c) &&
          !madeCodes.has(c.code) &&
          !/\bwith\b/i.test(c.suggestion.title.replace(/\bwithout\b/gi, '')) &&
          !askedFor(ctx, code, c.code) &&
          ((linkedHere.has(c.code) && category(c.code) === category(x.linked.code)) ||
            (category(c.code) === category(code) && x.covers.some((p) => shareMention(p, c)))),
      );
      const existing = cands.find((c) => c.system === 'cm' && c.code === code);
      const detail = codeDetail(ctx, code)!;
      const combo = existing ?? combinationCandidate(x, detail.long, same);
      if (existing) {
        // Found by the Index on its own words too: it also stands where its parts are named.
        existing.mentions = mentionsOf(existing.mentions, [...x.covers, ...same]);
        existing.suggestion = { ...existing.suggestion, evidence: existing.mentions.map((m) => m.evidence) };
      }
      combo.tier = 'report';
      combo.rules.push({ rule: withPresumptionRule.section, action: 'add', reason: x.reason });
      if (!existing) cands.push(combo);
      // covers[0] is the condition the first line is built on: the combination replaces it; the
      // others are included in it.
      for (const [i, c] of x.covers.entries()) {
        if (c === combo) continue;
        if (i === 0) note(replaced, c, `${code} (${x.reason})`);
        else if (!askedFor(ctx, code, c.code))
          note(included, c, `combination code ${code} includes it (I.B.9): ${x.reason}`);
      }
      for (const c of same)
        note(
          included,
          c,
          `combination code ${code} includes it (I.B.9): the same condition as "${quoteOf(x.covers.find((p) => shareMention(p, c)) ?? x.linked)}", ${x.reason}`,
        );
    }
    for (const [c, why] of included) suppress(c, withPresumptionRule, why.join('; '));
    for (const [c, why] of replaced)
      suppress(c, withPresumptionRule, `combination code ${why.join('; ')} replaces it (I.B.9)`);
    // The combination code meets the Excludes1 notes of the codes still reported.
    excludes1Rule.apply(cands, ctx);
  },
};
