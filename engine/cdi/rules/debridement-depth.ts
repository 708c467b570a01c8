import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { sectionAt } from '../chart-context';
import { opp, sentenceAround } from './helpers';

const DEBRIDEMENT = /\bdebrid(?:ement|ed|ing)\b/gi;
// Performed in this encounter: a procedure line, an operation verb or a return to the OR.
const PERFORMED =
  /\b(?:underwent|performed|taken to (?:the )?(?:OR|operating room)|return(?:ed)? to (?:the )?(?:OR|operating room)|status post|s\/p|we (?:then )?(?:performed|debrided))\b/i;
const JOINT =
  /\b(?:joint|glenohumeral|articular|arthroscop\w*|labr(?:um|al)|menisc\w*|cartilage|chondr\w*|synovi\w*|tooth|teeth|dental|periodontal|sinus(?:es)?|airway|endoscopic|bronch\w*)\b/i;
const PROCEDURE_HEADING = /\b(?:procedures?|operations?|operative|surgical|surgeries)\b/i;
// What ICD-10-PCS needs (excision vs extraction, and the deepest tissue removed).
const TYPED =
  /\b(?:excisional|non-?excisional|selective|non-?selective|sharp excisional|mechanical|enzymatic|autolytic)\b/i;

/**
 * Debridement type and depth (ICD-10-PCS: excisional debridement is Excision, non-excisional is
 * Extraction, and the body part is the deepest layer removed: skin, subcutaneous tissue, fascia,
 * muscle, tendon, bone; query-guidelines.md §1 "procedure documentation lacks elements needed for
 * ICD-10-PCS", §3 "excisional vs non-excisional debridement"): a debridement performed in this
 * encounter described without excisional or non-excisional wording.
 */
function findDebridementDepth(ctx: RuleContext): Opportunity[] {
  const text = ctx.text;
  const quotes: { text: string; start: number; end: number }[] = [];
  DEBRIDEMENT.lastIndex = 0;
  for (let m = DEBRIDEMENT.exec(text); m; m = DEBRIDEMENT.exec(text)) {
    const line = sentenceAround(text, m.index, m.index + m[0].length);
    if (TYPED.test(line)) return [];
    if (/\b(?:no|not|without|declined|refused|consider|may need|plan(?:ned)? for|will need)\b/i.test(line)) continue;
    // Joint, cartilage and mucosal debridement are coded by their own body parts, not by depth.
    if (JOINT.test(line)) continue;
    const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
    const lineEnd = text.indexOf('\n', m.index);
    const fullLine = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    const heading = ctx.sections.length ? (sectionAt(ctx.sections, m.index)?.heading ?? '') : '';
    if (PERFORMED.test(fullLine) || PROCEDURE_HEADING.test(heading))
      quotes.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  }
  if (quotes.length === 0) return [];
  const first = quotes[0]!;
  const line = sentenceAround(text, first.start, first.end).trim();
  const quote = line.length <= 160 ? line : first.text;
  const at = text.indexOf(quote, Math.max(0, first.start - 300));
  return [
    opp({
      id: 'other:debridement-depth',
      topic: 'other:debridement-depth',
      title: 'Debridement documented without type or depth',
      reason: 'imprecise-diagnosis',
      criteria: ['debridement performed, excisional or non-excisional and the deepest tissue removed not stated'],
      indicators: [],
      mentions: [],
      facts: {},
      templateId: 'debridement-depth',
      quotes: [{ text: quote, start: at, end: at + quote.length }],
    }),
  ];
}

/** See {@link findDebridementDepth}. */
export const debridementDepthRule: CdiRule = {
  topic: 'other:debridement-depth',
  source:
    'ICD-10-PCS root operations Excision vs Extraction and body-part depth; query-guidelines.md §1 (procedure elements), §3 (excisional vs non-excisional debridement)',
  find: findDebridementDepth,
};
