/**
 * Malignancy of lymphoid or hematopoietic tissue in remission (Guidelines I.C.2.n: "The
 * categories for leukemia, and category C90, Multiple myeloma and malignant plasma cell neoplasms,
 * have codes indicating whether or not the leukemia has achieved remission"; the Tabular gives the
 * lymphomas of C81-C88 "in remission" codes too, e.g. C83.1A "Mantle cell lymphoma, in remission").
 *
 * A reported code of C81-C96 whose subcategory has one "in remission" code is replaced by it when
 * the chart says of that malignancy — in the list item or sentence of one of its mentions — that
 * it is in remission or that no disease remains ("without evidence of disease"), and no later
 * mention says that treatment is still directed at it or that it relapsed. The remission code is the
 * current state the classification has for such a malignancy; a solid tumour has none, and its
 * eradication is a personal history (I.C.2.d, {@link ./malignancy-excised-i-c-2-d}). Stated
 * "not in remission", "failed remission" or "relapse" is not a remission.
 */
import { sentenceAt } from '../../text';
import { CURRENT, itemText, NO_DISEASE, withoutAbsence } from './malignancy-excised-i-c-2-d';
import { reported, undotted } from './tiers';
import type { GuidelineContext, GuidelineRule } from './types';

/** Lymphoid, hematopoietic and related tissue (Tabular block C81-C96). */
const HEMATOLOGIC = /^C(?:8[1-9]|9[0-6])/;

/** The chart states a remission. */
const REMISSION = /\b(?:complete |partial |clinical |hematologic |molecular |sustained )?remission\b/i;
/** Not a remission: stated otherwise, or back. */
const NOT_REMISSION =
  /\b(?:not (?:in|yet in|having achieved|achieved) (?:\w+ )?remission|failed remission|relapse[ds]?|relapsing|refractory|out of remission)\b/i;

/** In-remission code of the code's subcategory, when the Tabular has exactly one. */
function remissionCode(ctx: GuidelineContext, code: string): { dotted: string; long: string } | undefined {
  const cm = ctx.tables.cm;
  if (!cm.billableDescendants) return undefined;
  const sub = undotted(code).slice(0, 4);
  const hits = cm
    .billableDescendants(sub)
    .map((k) => ({ dotted: k.dotted, long: cm.get(k.dotted)?.long ?? '' }))
    .filter((k) => /\bin remission\b/i.test(k.long) && !/\bnot having achieved\b/i.test(k.long));
  return hits.length === 1 ? hits[0] : undefined;
}

export const remissionRule: GuidelineRule = {
  section: 'I.C.2.n',
  name: 'malignancy of lymphoid or hematopoietic tissue in remission',
  apply(cands, ctx) {
    for (const c of reported(cands)) {
      if (!HEMATOLOGIC.test(c.code) || /\bin remission\b/i.test(c.suggestion.title)) continue;
      if (!c.mentions.some((m) => m.assertion.codedAsEstablished)) continue;
      // The chart's last statement of the malignancy's state is its current one: a relapse told
      // in the history ("relapsed after the first transplant") yields to a later "without
      // evidence of disease"; in one item, a relapse or treatment still given wins.
      let cue: { quote: string; words: string } | undefined;
      const mentions = [...c.mentions].sort((a, b) => a.evidence.start - b.evidence.start);
      for (const m of mentions) {
        if (!m.assertion.codedAsEstablished && m.assertion.assertion !== 'historical') continue;
        const item = itemText(ctx.chart, ctx.text, sentenceAt(ctx.chart, m.evidence.start));
        if (NOT_REMISSION.test(item) || (m.assertion.codedAsEstablished && CURRENT.test(withoutAbsence(item)))) {
          cue = undefined;
          continue;
        }
        const words = REMISSION.exec(item)?.[0] ?? NO_DISEASE.exec(item)?.[0];
        if (words) cue = { quote: m.evidence.text, words };
      }
      if (!cue) continue;
      const to = remissionCode(ctx, c.code);
      if (!to || cands.some((x) => x.system === 'cm' && x.code === to.dotted && x.tier === 'report')) continue;
      const from = c.code;
      c.code = to.dotted;
      c.suggestion = { ...c.suggestion, id: `cm:${to.dotted}`, code: to.dotted, title: to.long };
      c.rules.push({
        rule: remissionRule.section,
        action: 'replace',
        reason: `"${cue.quote}": "${cue.words}" and no treatment still directed at it: ${from} becomes ${to.dotted} "${to.long}" (the Tabular's in-remission code of the subcategory)`,
      });
    }
  },
};
