/**
 * Long-term (current) drug therapy (I.C.21.c.3, category Z79): a drug of a class with its own
 * Z79 code, listed among the patient's current or home medications and not stopped, adds that
 * status code with the medication line as its quote. Not for a drug given only during the stay
 * (the medication list is the patient's ongoing therapy), nor for a negated or held one. A
 * discharge medication list alone does not establish it: it holds what was started for the acute
 * illness of this stay (post-operative anticoagulant prophylaxis, a short course of analgesics),
 * and the guideline excludes "medication being administered for a brief period of time to treat
 * an acute illness or injury"; a drug also on the home list is found there. A drug taken only
 * "p.r.n." (as needed) documents no extended course of therapy: that list item adds nothing (a
 * scheduled item of the same class still does).
 */
import { assertMention, sectionAt } from '../../text';
import { LONG_TERM_DRUGS } from './data/long-term-drugs';
import type { GuidelineCandidate, GuidelineRule } from './types';

/** Title of a discharge medication list. */
export const DISCHARGE_LIST = /\bdischarge\b/i;
/** Words of a medication line that say the drug is not being taken. */
export const STOPPED = /\b(discontinued|stopped|held|hold|off of|no longer|d\/c'?d)\b/i;
/** As-needed dosing: no extended period of use is documented (I.C.21.c.3). */
export const AS_NEEDED = /(?:^|[\s,(])(?:p\.?\s?r\.?\s?n\.?|as needed|as necessary|when needed)(?=$|[\s,.;)])/i;
/** The end of one item of a run-in numbered list ("2. Drug p.r.n. 3. Drug daily"). */
export const NEXT_ITEM = /\s\d{1,2}[.)]\s/;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Any of the drug names as a whole word (global, case-insensitive: read with `exec` in a loop). */
export const drugNamesPattern = (drugs: readonly string[]): RegExp =>
  new RegExp(`\\b(${drugs.map(escape).join('|')})\\b`, 'gi');
const PATTERNS = LONG_TERM_DRUGS.map((row) => ({ code: row.code, re: drugNamesPattern(row.drugs) }));

export const longTermDrugRule: GuidelineRule = {
  section: 'I.C.21.c.3',
  name: 'long-term drug therapy',
  apply(cands, ctx) {
    const lists = ctx.chart.sections.filter((s) => s.kind === 'medications' && !DISCHARGE_LIST.test(s.title));
    if (lists.length === 0) return;
    for (const { code, re } of PATTERNS) {
      if (cands.some((c) => c.code === code)) continue;
      const detail = ctx.tables.cm.get(code);
      if (!detail) continue; // not in this release: never invented
      for (const section of lists) {
        const body = ctx.text.slice(section.titleEnd, section.end);
        re.lastIndex = 0;
        let found: GuidelineCandidate | undefined;
        for (let m = re.exec(body); m && !found; m = re.exec(body)) {
          const start = section.titleEnd + m.index;
          const span = { start, end: start + m[0].length };
          const lineEnd = ctx.text.indexOf('\n', span.end);
          const line = ctx.text.slice(span.start, lineEnd < 0 ? section.end : Math.min(lineEnd, section.end));
          if (STOPPED.test(line)) continue;
          const next = NEXT_ITEM.exec(line);
          if (AS_NEEDED.test(next ? line.slice(0, next.index) : line)) continue;
          const assertion = assertMention(ctx.text, span, ctx.chart);
          if (assertion.assertion === 'negated' || assertion.assertion === 'hypothetical') continue;
          const evidence = {
            ...span,
            text: m[0],
            section: section.kind,
            score: 1,
            context: { negated: false, uncertain: false, historical: false, family: false, hypothetical: false },
          };
          found = {
            suggestion: {
              id: `cm:${code}`,
              system: 'cm',
              code,
              title: detail.long,
              score: 1,
              evidence: [evidence],
              path: `Long-term (current) drug therapy > ${m[0].toLowerCase()}`,
              flags: [],
              notes: [],
            },
            system: 'cm',
            code,
            tier: 'report',
            mentions: [
              {
                evidence,
                assertion: { ...assertion, codedAsEstablished: true },
                section: ctx.chart.sections[sectionAt(ctx.chart, start)]!,
              },
            ],
            quote: undefined,
            assertion: 'affirmed',
            rules: [
              {
                rule: longTermDrugRule.section,
                action: 'add',
                reason: `"${m[0]}" in the ${section.title || 'medication'} list: long-term (current) use of this drug class`,
              },
            ],
          };
          found.quote = found.mentions[0];
        }
        if (found) {
          cands.push(found);
          break;
        }
      }
    }
  },
};
