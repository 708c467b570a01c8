/**
 * The "with" presumption (I.A.15) and combination codes (I.B.9). Guideline I.A.15: "The
 * classification presumes a causal relationship between the two conditions linked by these terms
 * in the Alphabetic Index or Tabular List. These conditions should be coded as related even in
 * the absence of provider documentation explicitly linking them, unless the documentation clearly
 * states the conditions are unrelated". Guideline I.B.9: "Assign only the combination code when
 * that code fully identifies the diagnostic conditions involved".
 *
 * So when two reported codes are the two halves of an Index "with" line (the line above "with"
 * gives one, the subterm after it read as its own Index entry gives the other: type 2 diabetes
 * E11.9 and peripheral angiopathy I73.9 under "Diabetes, type 2, with, peripheral angiopathy"
 * E11.51), the line's combination code is reported; the code it replaces (the base "without"
 * code, the linked condition's own code) is suppressed naming it, unless the combination code's
 * own "use additional code" note asks for it (the CKD stage at E11.22). Not when a sentence of the
 * linked condition says it is unrelated, and never over a combination code a rule already
 * suppressed (its assertion or place in the chart).
 */
import { sentenceAt } from '../../text';
import { noteRefs, refCovers } from '../codes-in-note';
import { excludes1Rule } from './excludes1-i-a-12-a';
import { reported, suppress, undotted } from './tiers';
import type { GuidelineCandidate, GuidelineContext, GuidelineRule } from './types';
import { withLinesOf, type IndexSource, type WithLine } from './with-combination-index';

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
  const cat = category(code);
  return [...line.subtermCodes].some((s) => category(s) === cat) && askedFor(ctx, line.code, code);
}

function combinationCandidate(
  line: WithLine,
  base: GuidelineCandidate,
  linked: GuidelineCandidate,
  title: string,
): GuidelineCandidate {
  const mentions = [...base.mentions.slice(0, 1), ...linked.mentions.slice(0, 1)];
  const evidence = mentions.map((m) => m.evidence);
  return {
    suggestion: {
      id: `cm:${line.code}`,
      system: 'cm',
      code: line.code,
      title,
      score: Math.max(base.suggestion.score, linked.suggestion.score),
      evidence,
      path: line.path.replace(/, with, /, ' > with > '),
      flags: ['combination'],
      notes: [],
    },
    system: 'cm',
    code: line.code,
    tier: 'report',
    mentions,
    quote: base.quote ?? mentions[0],
    assertion: base.assertion,
    rules: [],
  };
}

/**
 * A candidate that only an Excludes1 note with `a` suppressed: the note that forbids the pair
 * (I20 "angina pectoris with atherosclerotic heart disease of native coronary arteries (I25.1-)")
 * points to the combination code that holds both.
 */
const excludedOnlyBy = (c: GuidelineCandidate, a: GuidelineCandidate): boolean =>
  c.tier === 'suppressed' &&
  c.rules.at(-1)?.rule === 'I.A.12.a' &&
  c.rules.at(-1)!.reason.startsWith(`Excludes1 with ${a.code} `) &&
  c.rules.slice(0, -1).every((r) => r.action !== 'drop' && (r.action !== 'demote' || DOCUMENTED_ONLY.has(r.rule)));

export const withPresumptionRule: GuidelineRule = {
  section: 'I.A.15',
  name: 'with presumption',
  apply(cands, ctx) {
    const cm = ctx.tables.cm;
    if (!cm.indexEntries) return; // a table without its Index: nothing to presume from
    const live = reported(cands);
    if (live.length === 0) return;
    const byBase = new Map<string, WithLine[]>();
    for (const l of withLinesOf(cm as IndexSource)) {
      if (l.code.endsWith('-')) continue;
      const list = byBase.get(l.baseCode);
      if (list) list.push(l);
      else byBase.set(l.baseCode, [l]);
    }
    const documented = cands.filter(documentedNotStated);
    let added = false;
    for (const a of live) {
      const options = byBase.get(a.code);
      if (!options || a.tier !== 'report') continue;
      const pairs: { line: WithLine; b: GuidelineCandidate }[] = [];
      for (const b of [...live, ...documented, ...cands.filter((c) => excludedOnlyBy(c, a))]) {
        if (b === a || category(b.code) === category(a.code) || b.system !== 'cm') continue;
        if (b.tier === 'suppressed' && !excludedOnlyBy(b, a)) continue;
        if (b.tier !== 'report' && insideReported(b, live)) continue;
        if (b.mentions.some((m) => UNRELATED.test(sentenceText(ctx, m.evidence.start)))) continue;
        for (const line of options) if (linkedBy(ctx, line, b.code)) pairs.push({ line, b });
      }
      // The narrowest subterm entry naming the linked code says what the chart says ("angina
      // pectoris, unstable" before "angina pectoris"), a specified combination before an unspecified
      // one (I.A.9.b), a reported link before a documented one.
      const unspecified = (l: WithLine): number => Number(/\bunspecified\b/i.test(cm.get(l.code)?.long ?? ''));
      pairs.sort(
        (x, y) =>
          x.line.subtermCodes.size - y.line.subtermCodes.size ||
          unspecified(x.line) - unspecified(y.line) ||
          Number(y.b.tier === 'report') - Number(x.b.tier === 'report') ||
          y.b.suggestion.score - x.b.suggestion.score,
      );
      // One combination per subcategory: several links of one condition (diabetes with kidney
      // disease and with angiopathy, I.C.4.a) each get theirs; one link decides a subcategory.
      const made = new Set<string>();
      const why: string[] = [];
      for (const { line, b } of pairs) {
        const sub = undotted(line.code).slice(0, 4);
        if (made.has(sub) || line.code === a.code) continue;
        const detail = cm.get(line.code);
        if (!detail || detail.billable === false) continue;
        const existing = cands.find((c) => c.system === 'cm' && c.code === line.code);
        if (existing?.tier === 'suppressed') continue;
        made.add(sub);
        const reason = `"${line.path.replace(/, with, /, ' with ')}" (${line.code}): the Index links "${a.quote?.evidence.text ?? a.code}" and "${b.quote?.evidence.text ?? b.code}", presumed related`;
        why.push(`${line.code} (${reason})`);
        const combo = existing ?? combinationCandidate(line, a, b, detail.long);
        combo.tier = 'report';
        combo.rules.push({ rule: withPresumptionRule.section, action: 'add', reason });
        if (!existing) cands.push(combo);
        added = true;
        if (b.tier !== 'suppressed' && !askedFor(ctx, line.code, b.code))
          suppress(b, withPresumptionRule, `combination code ${line.code} includes it (I.B.9): ${reason}`);
      }
      if (why.length > 0 && options.some((l) => made.has(undotted(l.code).slice(0, 4))))
        suppress(a, withPresumptionRule, `combination code ${why.join('; ')} replaces it (I.B.9)`);
    }
    // The combination code meets the Excludes1 notes of the codes still reported.
    if (added) excludes1Rule.apply(cands, ctx);
  },
};
