/**
 * Infectious agent (I.C.1.b): "Categories B95-B97 ... are provided for use as supplementary or
 * additional codes to identify the infectious agent(s) in diseases classified elsewhere", and the
 * Tabular asks for them at the infection ("Use additional code (B95-B97), to identify infectious
 * agent" at N39.0, L00-L08, ...). This is the "use additional code" rule (I.B.7) for a target the
 * Index/Tabular stage cannot propose by itself: the organism is written apart from the infection
 * (a culture result), and its code comes from the Index's "as cause of disease classified
 * elsewhere" lines, never from a list typed in here.
 *
 * A reported code whose own note (at the code, its category or its block) covers the agent's code
 * adds it when the chart documents the organism as the patient's current finding, either
 *  - in a sentence that names that infection ("urinary tract infection due to E. coli"), or
 *  - as what a culture or specimen grew, except from a site whose infections are coded with their
 *    organism (blood, sputum, stool, cerebrospinal fluid: {@link COMBINED_SITE}).
 * Not for a colonisation, carriage or screening result (Z22.-, not an infection), a negative,
 * contaminated or no-growth culture, an organism suspected or to be ruled out, an organism already coded by the words of a reported code
 * that names it (A41.51, J15.1: the agent is in the combination code), or COVID-19 (U07.1, never
 * B97.2-). A reported code that Excludes1 pairs with the agent ("A49: bacterial agents as the cause
 * of diseases classified elsewhere (B95-B96)") yields to it, as for every code a note asks for.
 */
import { assertMention, sentenceAt } from '../../text';
import { refCovers, type CodeRef } from '../codes-in-note';
import { addedCandidate } from './added-candidate';
import { yieldToAddedCode } from './excludes1-added-code-i-a-12-a';
import { agentIndexOf, rangeRefs, type AgentIndexSource } from './infectious-agent-index';
import { agentMentions } from './infectious-agent-mentions';
import { reported, undotted } from './tiers';
import type { GuidelineCandidate, GuidelineContext, GuidelineRule } from './types';

/** What a sentence says that makes an organism not the agent of a current infection. */
const NOT_INFECTING =
  /\b(coloni[sz]\w*|carriers?|carriage|screen\w*|surveillance|contaminat\w*|no growth|normal flora)\b|(?<!gram[- ]?)\bnegative\b/i;
/** A culture or specimen result. */
const CULTURE = /\b(cultures?|cultured|grew|grow(?:s|n|ing)|isolated?|specimen|sensitivities|susceptib\w*)\b/i;
/**
 * Specimens of sites whose infections the classification codes with their organism: blood
 * (bacteremia R78.81, sepsis A40-A41), sputum and the airways (pneumonia J13-J16), stool
 * (intestinal infections A00-A09), cerebrospinal fluid (meningitis G00). An organism grown there is
 * not the agent of another, local infection.
 */
const COMBINED_SITE =
  /\b(blood|sputum|bronch\w*|tracheal|endotracheal|stool|fecal|faecal|csf|cerebrospinal|spinal fluid)\b/i;
/** COVID-19 is U07.1 (I.C.1.g.1), never a coronavirus agent code. */
const COVID = /\b(covid|sars-cov-2|2019-ncov)\b/i;
const CORONAVIRUS = rangeRefs('B97.2');

/** The reported code's "use additional code" notes that ask for an infectious agent. */
function agentNotes(c: GuidelineCandidate, ctx: GuidelineContext): { text: string; from: string; refs: CodeRef[] }[] {
  return (ctx.tables.cm.get(c.code)?.notes ?? [])
    .filter((n) => n.kind === 'useAdditionalCode' && !/^chapter/i.test(n.from))
    .map((n) => ({ text: n.text, from: n.from, refs: rangeRefs(n.text) }))
    .filter((n) => n.refs.some((r) => r.from.startsWith('B9')));
}

/** `true` when an Excludes1 note of the candidate (its code, category or block) names `code`. */
const excludes = (c: GuidelineCandidate, code: string, ctx: GuidelineContext): boolean =>
  (ctx.tables.cm.get(c.code)?.notes ?? []).some(
    (n) => n.kind === 'excludes1' && rangeRefs(n.text).some((r) => refCovers(r, undotted(code))),
  );

export const infectiousAgentRule: GuidelineRule = {
  section: 'I.C.1.b',
  name: 'infectious agent',
  apply(cands, ctx) {
    const cm = ctx.tables.cm;
    // A table that cannot list the agent codes: no organism can be read. (Checked here, so `cm` is
    // an AgentIndexSource below; the table itself is the key its terms are cached under.)
    if (!cm.billableDescendants) return;
    const asking = reported(cands)
      .map((r) => ({ r, notes: agentNotes(r, ctx) }))
      .filter((x) => x.notes.length > 0);
    if (asking.length === 0) return;
    const sentences = ctx.chart.sentences;
    const sentenceOf = (at: number): number => sentenceAt(ctx.chart, at);
    for (const found of agentMentions(ctx.text, agentIndexOf(cm as AgentIndexSource))) {
      if (cands.some((c) => c.code === found.code)) continue;
      const here = sentenceAt(ctx.chart, found.span.start);
      const sentence = sentences[here];
      if (!sentence) continue;
      const words = ctx.text.slice(sentence.start, sentence.end);
      if (NOT_INFECTING.test(words)) continue;
      if (COVID.test(words) && CORONAVIRUS.some((r) => refCovers(r, undotted(found.code)))) continue;
      const assertion = assertMention(ctx.text, found.span, ctx.chart);
      // Affirmed only: an organism suspected or to be ruled out is no finding, even for an inpatient.
      if (assertion.assertion !== 'affirmed') continue;
      // The organism is part of a reported code's own words (a combination code names it), unless
      // that code yields to the agent code (A49.-, an infection of unspecified site).
      const inside = reported(cands).some(
        (o) =>
          !asking.some((a) => a.r === o) &&
          !excludes(o, found.code, ctx) &&
          o.mentions.some((m) => m.evidence.start <= found.span.start && found.span.end <= m.evidence.end),
      );
      if (inside) continue;
      const covering = asking.filter((a) =>
        a.notes.some((n) => n.refs.some((ref) => refCovers(ref, undotted(found.code)))),
      );
      const named = covering.find((a) =>
        a.r.mentions.some((m) => m.assertion.codedAsEstablished && sentenceOf(m.evidence.start) === here),
      );
      const grown = CULTURE.test(words) && !COMBINED_SITE.test(words) ? covering[0] : undefined;
      const by = named ?? grown;
      if (!by) continue;
      const detail = cm.get(found.code);
      if (!detail) continue; // not in this release: never invented
      const note = by.notes.find((n) => n.refs.some((ref) => refCovers(ref, undotted(found.code))))!;
      const quote = ctx.text.slice(found.span.start, found.span.end);
      const added = addedCandidate(ctx, infectiousAgentRule, {
        code: found.code,
        title: detail.long,
        span: found.span,
        assertion,
        path: found.source,
        reason: `${by.r.code} says "use additional ${note.text}" (${note.from}); the chart documents the agent ${
          named ? 'with the infection' : 'as a culture result'
        } ("${quote}"), which the Index codes ${found.code} ("${found.source}")`,
        score: 1,
      });
      cands.push(added);
      yieldToAddedCode(cands, added, by.r, ctx);
    }
  },
};
