/**
 * Allergy status codes from the chart's allergy list (Guideline I.C.21.c.3, Status: "Status codes
 * indicate that a patient is either a carrier of a disease or has the sequelae or residual of a
 * past disease or condition"; its list of status categories names "Z88 Allergy status to drugs,
 * medicaments and biological substances" and "Z91.0- Allergy status, other than to drugs and
 * biological substances"). A substance listed under an Allergies heading is coded by the allergy
 * status code the official files give it ({@link allergyTermsOf}): "Allergies: penicillin,
 * codeine" -> Z88.0, Z88.5; one code per class, quoting the first substance of it.
 *
 * Not for a list that says there is none ("NKDA", "no known allergies": nothing is named), nor a
 * substance whose mention is negated ("denies latex allergy"), uncertain, hypothetical or a
 * relative's; and the list ends at the next heading written on the same line ("Allergies: none.
 * Medications: aspirin").
 */
import { assertMention } from '../../text';
import type { TextSection } from '../../text';
import { addCode } from './added-code';
import { allergyKey, allergyTermsOf, type AllergySource } from './allergy-status-codes';
import { otherHeadingAt } from './inline-heading';
import type { GuidelineContext, GuidelineRule } from './types';

/** Confidence of an allergy status code: a secondary status, never the encounter's reason. */
const ALLERGY_STATUS_SCORE = 0.5;
/** "Latex: none", "Food - no": the entry itself says there is no allergy. */
const SAID_NONE = /^\s*[:-]?\s*(?:none|no|negative|denie[sd]|nka|nkda)\b/i;
/** Assertions under which a listed substance is the patient's allergy. */
const ASSERTED = new Set(['affirmed', 'historical']);
/** The body of an allergy section, up to a further heading written inside it (not a drug's name as a label). */
function listBody(text: string, s: TextSection, isTerm: (label: string) => boolean): { start: number; end: number } {
  return { start: s.titleEnd, end: otherHeadingAt(text, s.titleEnd, s.end, 'allergies', isTerm) };
}

function words(text: string, from: number, to: number): { start: number; end: number; key: string }[] {
  const out: { start: number; end: number; key: string }[] = [];
  const re = /[A-Za-z][A-Za-z0-9'-]*/g;
  const body = text.slice(from, to);
  for (let m = re.exec(body); m; m = re.exec(body))
    out.push({ start: from + m.index, end: from + m.index + m[0].length, key: allergyKey(m[0]) });
  return out;
}

/** I.C.21.c.3: a substance in the allergy list reported as its allergy status code (Z88, Z91.0-). */
export const allergyStatusRule: GuidelineRule = {
  section: 'I.C.21.c.3',
  name: 'allergy status from the allergy list',
  apply(cands, ctx: GuidelineContext) {
    const cm = ctx.tables.cm as Partial<AllergySource>;
    if (!cm.get || !cm.inclusionTerms || !cm.summary || !cm.billableDescendants || !cm.drugRows) return;
    const sections = ctx.chart.sections.filter((s) => s.kind === 'allergies');
    if (sections.length === 0) return;
    const { terms, maxWords } = allergyTermsOf(cm as AllergySource);
    const done = new Set<string>();
    for (const s of sections) {
      const body = listBody(ctx.text, s, (label) => terms.has(allergyKey(label)));
      const ws = words(ctx.text, body.start, body.end);
      for (let i = 0; i < ws.length;) {
        let n = Math.min(maxWords, ws.length - i);
        let term;
        for (; n >= 1; n--) {
          const key = ws
            .slice(i, i + n)
            .map((w) => w.key)
            .filter((k) => k !== '')
            .join(' ');
          term = key ? terms.get(key) : undefined;
          if (term) break;
        }
        if (!term || n < 1) {
          i++;
          continue;
        }
        const span = { start: ws[i]!.start, end: ws[i + n - 1]!.end };
        i += n;
        if (done.has(term.code) || SAID_NONE.test(ctx.text.slice(span.end, span.end + 20))) continue;
        const assertion = assertMention(ctx.text, span, ctx.chart);
        if (!ASSERTED.has(assertion.assertion)) continue;
        const title = ctx.tables.cm.get(term.code)?.long;
        if (!title) continue;
        done.add(term.code);
        const quote = ctx.text.slice(span.start, span.end);
        const flags = (kind: string): boolean => assertion.cues.some((c) => c.kind === kind);
        addCode(cands, allergyStatusRule, {
          code: term.code,
          title,
          path: term.source,
          mention: {
            evidence: {
              ...span,
              text: quote,
              section: s.kind,
              context: {
                negated: false,
                uncertain: false,
                historical: flags('historical'),
                family: false,
                hypothetical: false,
              },
              score: ALLERGY_STATUS_SCORE,
            },
            assertion: { ...assertion, codedAsEstablished: true, rule: 'I.C.21.c.3' },
            section: s,
          },
          score: ALLERGY_STATUS_SCORE,
          reason: `"${quote}" is listed under "${s.title.replace(/[:\s]+$/, '')}": an allergy status (I.C.21.c.3; ${term.source})`,
        });
      }
    }
  },
};
