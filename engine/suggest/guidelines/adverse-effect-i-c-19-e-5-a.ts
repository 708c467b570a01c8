/**
 * Adverse effect of a drug (I.C.19.e.5.a): "When coding an adverse effect of a drug that has been
 * correctly prescribed and properly administered, assign the appropriate code for the nature of
 * the adverse effect followed by the appropriate code for the adverse effect of the drug (T36-T50)
 * ... identified by use of codes from categories T36-T50 with fifth or sixth character 5", which
 * the Tabular asks for at such conditions ("Use additional code for adverse effect, if applicable,
 * to identify drug (T36-T50 with fifth or sixth character 5)" at G62.0, and "Code first, for
 * adverse effects, the nature of the adverse effect" at T36-T50).
 *
 * A reported condition the chart states was caused by a drug the Table of Drugs and Chemicals
 * names ("heparin-induced thrombocytopenia", "constipation due to morphine") adds the drug's
 * "Adverse effect" code when a Tabular note pairs the two (the condition's "use additional code"
 * for the drug, or the drug category's "code first ... the nature of the adverse effect" item
 * naming the condition: the classification then orders them, I.A.13), 7th character A: the
 * condition is treated in this encounter (I.C.19.a, "initial encounter ... while the patient is
 * receiving active treatment for the condition").
 * Not when the sentence speaks of a poisoning (overdose, wrong drug, intentional or accidental
 * intake: I.C.19.e.5.b), an underdosing (I.C.19.e.5.c) or the substance's use or abuse (a drug
 * the patient takes on their own is not "correctly prescribed": a substance use code, F10-F19, is
 * then reported or the social history names it), nor for a hedged cause ("possibly due to"), a
 * condition that is itself a substance use, injury or poisoning code, or when a code of T36-T50
 * is already reported.
 */
import type { Span } from '../../text';
import { sentenceAt } from '../../text';
import { inRange, noteRanges } from '../../case/code-refs';
import { refCovers } from '../codes-in-note';
import { addedCandidate } from './added-candidate';
import { adverseEffectsOf, type DrugAdverseEffect, type DrugTableSource } from './adverse-effect-drugs';
import { rangeRefs } from './infectious-agent-index';
import { reported, undotted } from './tiers';
import type { CandidateMention, GuidelineCandidate, GuidelineContext, GuidelineRule } from './types';

/** "<drug>-induced <condition>" (the last words before "induced" name the drug). */
const INDUCED = /([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2})[-\s](?:induced|associated)\b/gi;
/** "<condition> due to <drug>": the words after the cause phrase name the drug. */
const CAUSED_BY =
  /^\s*,?\s*(?:(?:which|that)\s+(?:is|was)\s+)?(?:due to|secondary to|caused by|induced by|from)\s+(?:(?:the|his|her|their|a)\s+)?([A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2})/i;
/** A poisoning, underdosing or self-taken substance, not a drug correctly taken (I.C.19.e.5.b-c). */
const NOT_ADVERSE =
  /\b(overdos\w*|poison\w*|intoxicat\w*|ingest\w*|intentional\w*|accidental\w*|suicid\w*|wrong|error|abus\w*|misus\w*|illicit|recreational|underdos\w*|non-?complian\w*|missed|ran out)\b/i;
/** A cause stated with doubt: not "stated as the cause". */
const HEDGED = /\b(possibl[ey]|probabl[ey]|likely|may|might|could|question(?:able)?|suspect\w*|versus|vs)\b/i;
/** Codes that are not "the nature of the adverse effect": substance use, injury and poisoning, external causes, factors. */
const NOT_A_NATURE = rangeRefs('F10-F19 S00-T88 V00-Z99');
const DRUG_CODES = rangeRefs('T36-T50');
/** Words that may follow the drug named as a cause: the drug's use, or the clause going on. */
const AFTER_DRUG =
  /^(therapy|treatment|use|usage|administration|exposure|infusion|drip|dose|doses|course|for|and|or|with|which|that|on|in|at|since|while|given|started|was|is|has|had)$/i;
/** Nouns that follow a drug name without changing it ("steroid therapy", "heparin use"). */
const TRAILING = /\s+(therapy|treatment|use|usage|administration|exposure|infusion|drip|dose|doses|course)$/i;

/** `true` when `text` has `name` as whole words. */
const namesWord = (text: string, name: string): boolean =>
  new RegExp(`(?:^|[^a-z0-9])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[^a-z0-9])`).test(text);

/** The Table row the chart's words name: the longest run of them, from the drug's end of the phrase. */
function drugOf(words: string, fromEnd: boolean, tableOf: () => ReadonlyMap<string, DrugAdverseEffect>) {
  const table = tableOf();
  const list = words.replace(TRAILING, '').toLowerCase().split(/\s+/);
  for (let n = list.length; n >= 1; n--) {
    const name = (fromEnd ? list.slice(-n) : list.slice(0, n)).join(' ');
    const row = table.get(name);
    if (row) return row;
  }
  return undefined;
}

/** Where the drug is named, with its row, for one reported condition's mention. */
function statedDrug(
  c: GuidelineCandidate,
  ctx: GuidelineContext,
  table: () => ReadonlyMap<string, DrugAdverseEffect>,
  accept: (row: DrugAdverseEffect) => boolean,
): { row: DrugAdverseEffect; span: Span; mention: CandidateMention } | undefined {
  for (const m of c.mentions) {
    if (!m.assertion.codedAsEstablished || m.assertion.assertion !== 'affirmed') continue;
    if (m.section.kind === 'allergies' || m.section.kind === 'family-history') continue;
    const sentence = ctx.chart.sentences[sentenceAt(ctx.chart, m.evidence.start)];
    if (!sentence) continue;
    const words = ctx.text.slice(sentence.start, sentence.end);
    if (NOT_ADVERSE.test(words)) continue;
    // "Heparin-induced thrombocytopenia": the phrase ends inside the mention or just before it.
    const before = ctx.text.slice(sentence.start, m.evidence.end);
    for (const x of before.matchAll(INDUCED)) {
      const end = sentence.start + x.index + x[0].length;
      if (end < m.evidence.start - 3 || HEDGED.test(x[1]!)) continue;
      const row = drugOf(x[1]!, true, table);
      if (!row || !accept(row)) continue;
      const at = sentence.start + x.index + x[1]!.toLowerCase().lastIndexOf(row.name.split(' ')[0]!);
      return { row, span: { start: at, end: at + row.name.length }, mention: m };
    }
    // "Constipation due to morphine": the cause phrase right after the mention ("possibly due to"
    // does not start with it: a hedged cause is not stated).
    const after = ctx.text.slice(m.evidence.end, sentence.end);
    const y = CAUSED_BY.exec(after);
    if (y) {
      const row = drugOf(y[1]!, false, table);
      if (!row || !accept(row)) continue;
      const at = m.evidence.end + y.index + y[0].length - y[1]!.length;
      // The drug is the whole cause, not the first word of another one ("blood loss" is no blood product).
      const next = /^[\s-]*([A-Za-z]+)/.exec(ctx.text.slice(at + row.name.length, sentence.end))?.[1];
      if (next && !AFTER_DRUG.test(next)) continue;
      return { row, span: { start: at, end: at + row.name.length }, mention: m };
    }
  }
  return undefined;
}

/**
 * The Tabular note that pairs the condition with the drug's code: the condition's own "use
 * additional code" for the drug, or the drug category's "Code first, for adverse effects, the
 * nature of the adverse effect, such as: ..." item naming the condition. Only then does the
 * classification itself say the two are reported together, the condition first (I.A.13); a
 * condition no note pairs with the drug is left to the coder.
 */
function tabularPair(condition: string, drug: string, ctx: GuidelineContext): string | undefined {
  const own = (ctx.tables.cm.get(condition)?.notes ?? []).find(
    (n) => n.kind === 'useAdditionalCode' && rangeRefs(n.text).some((r) => refCovers(r, undotted(drug))),
  );
  if (own) return `${condition} says "use additional ${own.text}" (${own.from})`;
  const first = (ctx.tables.cm.get(drug)?.notes ?? []).find(
    (n) => n.kind === 'codeFirst' && noteRanges(n.text).some((r) => inRange(undotted(condition), r)),
  );
  return first
    ? `${first.from} says "code first, for adverse effects, the nature of the adverse effect": ${first.text}`
    : undefined;
}

export const adverseEffectRule: GuidelineRule = {
  section: 'I.C.19.e.5.a',
  name: 'adverse effect of a drug',
  apply(cands, ctx) {
    const cm = ctx.tables.cm;
    if (!cm.drugRows) return; // a table without its Table of Drugs: no drug can be read
    const rows = reported(cands);
    if (rows.some((c) => DRUG_CODES.some((r) => refCovers(r, undotted(c.code))))) return;
    // A substance the patient uses on their own (a substance use code is reported): not a drug
    // correctly prescribed and taken.
    const substanceUse = rows.some((c) => /^F1\d/.test(c.code));
    const social = ctx.chart.sections
      .filter((s) => s.kind === 'social-history')
      .map((s) => ctx.text.slice(s.start, s.end).toLowerCase())
      .join('\n');
    // Read from the Table only when a chart states a cause (most charts state none).
    const table = (): ReadonlyMap<string, DrugAdverseEffect> => adverseEffectsOf(cm as DrugTableSource);
    const added = new Set<string>();
    for (const c of rows) {
      if (NOT_A_NATURE.some((r) => refCovers(r, undotted(c.code)))) continue;
      // A drug whose adverse effect code this release has, that names a drug ("drug-induced" gives
      // the Table's code for unspecified drugs: no drug is identified), and that a Tabular note pairs
      // with the condition.
      const usable = (row: DrugAdverseEffect): boolean => {
        const d = cm.get(`${row.code}A`);
        return !!d && !/\bunspecified drugs?\b/i.test(d.long) && !!tabularPair(c.code, `${row.code}A`, ctx);
      };
      const found = statedDrug(c, ctx, table, usable);
      if (!found || substanceUse || namesWord(social, found.row.name)) continue;
      const code = `${found.row.code}A`;
      const detail = cm.get(code)!;
      const note = tabularPair(c.code, code, ctx)!;
      if (added.has(code) || cands.some((x) => x.code === code)) continue;
      added.add(code);
      const quote = found.mention.evidence.text;
      cands.push(
        addedCandidate(ctx, adverseEffectRule, {
          code,
          title: detail.long,
          span: found.span,
          assertion: found.mention.assertion,
          path: `Table of Drugs and Chemicals > ${found.row.row} > Adverse effect`,
          reason: `the chart states ${found.row.name} as the cause of ${c.code} ("${quote}") and ${note}: the nature of the adverse effect is followed by the drug's adverse effect code (Table of Drugs and Chemicals, "${found.row.row}", Adverse effect ${found.row.code}); 7th character A, the condition is treated in this encounter (I.C.19.a)`,
          score: 1,
        }),
      );
    }
  },
};
