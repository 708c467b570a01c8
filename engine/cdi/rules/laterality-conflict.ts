import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { opp } from './helpers';

const PART =
  'knee|hip|ankle|shoulder|elbow|wrist|hand|foot|leg|arm|thigh|femur|tibia|fibula|humerus|radius|ulna|clavicle|eye|ear|breast|kidney|lung|ovary|testis|testicle|hernia|inguinal|groin|heel|toe|finger|thumb';
const SIDE_PART = new RegExp(`\\b(left|right)\\s+(?:[a-z]+\\s+){0,2}?(${PART})s?\\b`, 'gi');
// Where the operative site is stated: the prep/drape sentence and the procedure/diagnosis headings.
const PREP = /\b(?:prepped|prepared|draped|marked|time-?out|timeout|incision)\b/i;
const HEADING_LINE =
  /^\s*(?:pre-?operative|post-?operative|operative)?\s*(?:diagnos[ie]s|procedures?|operations?|title of (?:the )?(?:procedure|operation))\s*:?/i;

interface SideMention {
  side: 'left' | 'right';
  part: string;
  start: number;
  end: number;
  text: string;
  kind: 'site' | 'heading';
}

/**
 * Laterality or site conflict (query-guidelines.md §1 "conflicting" documentation; ICD-10-PCS body
 * part values and ICD-10-CM laterality codes depend on the side): the diagnosis or procedure line
 * names one side of a body part and the prep/drape or incision sentence the other side, with no
 * bilateral wording for that part. Other mentions of the opposite side (a normal contralateral
 * exam) are not conflicts.
 */
function findLateralityConflict(ctx: RuleContext): Opportunity[] {
  const text = ctx.text;
  const found: SideMention[] = [];
  SIDE_PART.lastIndex = 0;
  for (let m = SIDE_PART.exec(text); m; m = SIDE_PART.exec(text)) {
    const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
    const lineEnd = text.indexOf('\n', m.index);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    const sentenceStart = Math.max(text.lastIndexOf('. ', m.index) + 1, lineStart);
    const sentenceEnd = text.indexOf('. ', m.index);
    const sentence = text.slice(sentenceStart, sentenceEnd < 0 ? text.length : sentenceEnd);
    const kind = HEADING_LINE.test(line) ? 'heading' : PREP.test(sentence) ? 'site' : undefined;
    if (!kind) continue;
    found.push({
      side: m[1]!.toLowerCase() as 'left' | 'right',
      part: m[2]!.toLowerCase(),
      start: m.index,
      end: m.index + m[0].length,
      text: m[0],
      kind,
    });
  }
  for (const heading of found.filter((f) => f.kind === 'heading')) {
    const conflict = found.find((f) => f.kind === 'site' && f.part === heading.part && f.side !== heading.side);
    if (!conflict) continue;
    if (new RegExp(`\\bbilateral(?:ly)?\\s+(?:[a-z]+\\s+){0,2}?${heading.part}`, 'i').test(text)) continue;
    // The same sentence naming the heading's side as well is a comparison, not a conflict.
    if (found.some((f) => f.kind === 'site' && f.part === heading.part && f.side === heading.side)) continue;
    return [
      opp({
        id: 'other:laterality-conflict',
        topic: 'other:laterality-conflict',
        title: `Conflicting laterality: ${heading.text} vs ${conflict.text}`,
        reason: 'imprecise-diagnosis',
        criteria: [
          `"${heading.text}" in the diagnosis/procedure line`,
          `"${conflict.text}" where the operative site is prepared`,
        ],
        indicators: [],
        mentions: [],
        facts: {},
        subject: heading.part,
        templateId: 'laterality-conflict',
        quotes: [
          { text: heading.text, start: heading.start, end: heading.end },
          { text: conflict.text, start: conflict.start, end: conflict.end },
        ],
      }),
    ];
  }
  return [];
}

/** See {@link findLateralityConflict}. */
export const lateralityConflictRule: CdiRule = {
  topic: 'other:laterality-conflict',
  source: 'query-guidelines.md §1 (conflicting documentation), §2 rule 9; ICD-10-PCS body-part laterality',
  find: findLateralityConflict,
};
