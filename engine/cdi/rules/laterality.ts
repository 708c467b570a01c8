import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { opp } from './helpers';
import { PROCEDURE_HEADING, titleWithoutReason } from './operative-report';

// Paired organs and limbs: ICD-10-PCS body-part values (and ICD-10-CM codes) carry the side.
// Words that name no paired structure here: the "C-arm" fluoroscope, "hand-assisted" laparoscopy,
// "one-lung" ventilation.
const PAIRED =
  /\b(?:kidneys?|renal(?! (?:disease|failure|insufficiency|function))|ureters?|adrenal|ovar(?:y|ies|ian)|fallopian|testi(?:s|cle|cular)|breasts?|mastectomy|lumpectomy|(?<!one[- ])lungs?|lobectomy|eyes?|ears?|carotid|inguinal|ulnar|median nerve|radial|carpal tunnel|cubital tunnel|upper extremity|lower extremity|(?<!C-)arm|forearm|legs?|thigh|hip|knee|shoulder|elbow|wrist|hand(?![- ]assisted)|thumb|finger|foot|feet|ankle|toes?|heel|clavicle|humer(?:us|al)|femur|femoral|tibia(?:l)?|fibula(?:r)?|radius|ulna|rotator cuff|menisc(?:us|al)|cruciate)\b/i;
// A side: the words, lung lobes (RUL … LLL, lingula: left) and eyes (OD right, OS left, OU both).
const SIDE =
  /\b(?:left|right|bilateral(?:ly)?|bilat|b\/l|both|L|R|lt|rt|RUL|RML|RLL|LUL|LLL|lingula(?:r)?|OD|OS|OU)\b/i;
// Sections of an operative or procedure note that describe the operated site: a side written
// there answers the query even when it names the site in other words ("left medial meniscus" for
// a knee arthroscopy).
const SITE_SECTION =
  /(?:pre|post)-?\s?operative diagnos|^diagnos[ie]s|indications?|description|details? of (?:the )?(?:procedure|operation)|procedure in detail|(?:operative )?findings|technique/i;

/**
 * Laterality not documented (query-guidelines.md §1 "imprecise: laterality"; ICD-10-PCS body parts
 * of paired organs and limbs have a left and a right value, and I.B.14 lets the side come from
 * other clinicians' notes, but none states it here): the procedure title names a paired organ or limb
 * and no sentence of the record that names it gives a side, nor does any sentence of the note's
 * diagnosis, indication, description or findings sections that names a paired structure.
 * Conflicting sides are the laterality-conflict topic. When the operative report states no reason
 * for the operation either ({@link titleWithoutReason}), one open-ended query asks for the condition
 * and the side together.
 */
export function findLaterality(ctx: RuleContext): Opportunity[] {
  const text = ctx.text;
  for (const section of ctx.sections) {
    if (!PROCEDURE_HEADING.test(section.heading.trim())) continue;
    const body = text.slice(section.start, section.end);
    const headingEnd = body.toLowerCase().indexOf(section.heading.toLowerCase());
    const content = headingEnd >= 0 ? body.slice(headingEnd + section.heading.length) : body;
    const part = PAIRED.exec(content);
    if (!part || SIDE.test(content)) continue;
    // Any sentence of the record naming the same structure with a side answers it.
    const name = part[0].toLowerCase().replace(/s$/, '');
    const sided = text
      .split(/(?<=[.!?])\s+|\n/)
      .some((sentence) => sentence.toLowerCase().includes(name) && SIDE.test(sentence));
    if (sided) continue;
    const siteSided = ctx.sections.some(
      (sec) =>
        SITE_SECTION.test(sec.heading.trim()) &&
        text
          .slice(sec.start, sec.end)
          .split(/(?<=[.!?])\s+|\n/)
          .some((sentence) => PAIRED.test(sentence) && SIDE.test(sentence)),
    );
    if (siteSided) continue;
    const line = content
      .replace(/^[\s:,]+/, '')
      .split('\n')[0]!
      .trim();
    const quote = line.length > 0 && line.length <= 160 ? line : part[0];
    const noReason = titleWithoutReason(ctx) !== undefined;
    const at = text.indexOf(quote, section.start);
    return [
      opp({
        id: 'other:laterality',
        topic: 'other:laterality',
        title: 'Procedure on a paired organ or limb documented without a side',
        reason: 'imprecise-diagnosis',
        criteria: [
          `procedure on the ${part[0]} with no left, right or bilateral anywhere it is named`,
          ...(noReason ? ['no preoperative or postoperative diagnosis, indication or findings'] : []),
        ],
        indicators: [],
        mentions: [],
        facts: {},
        subject: part[0],
        templateId: noReason ? 'laterality-and-diagnosis' : 'laterality',
        quotes: [{ text: quote, start: at, end: at + quote.length }],
      }),
    ];
  }
  return [];
}

/** See {@link findLaterality}. */
export const lateralityRule: CdiRule = {
  topic: 'other:laterality',
  source: 'query-guidelines.md §1 (imprecise: laterality), §2 rule 10 (I.B.14); ICD-10-PCS body-part laterality',
  find: findLaterality,
};
