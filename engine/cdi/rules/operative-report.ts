import type { RuleContext } from './context';

// Headings of the procedure title ("PROCEDURE:", "OPERATION PERFORMED:", "TITLE OF PROCEDURE:").
export const PROCEDURE_HEADING =
  /^(?:procedures?(?: performed| done)?|operations?(?: performed)?|title of (?:the )?(?:procedure|operation)|name of (?:the )?(?:procedure|operation)|surgical procedures?)$/i;
// Headings of the narrative of the operation: with a title, they make the record an operative report.
const NARRATIVE_HEADING =
  /^(?:description(?: of (?:the )?(?:procedure|operation))?|(?:procedure|operation) in detail|details? of (?:the )?(?:procedure|operation)|operative (?:procedure|technique|description|report)|technique|procedure note)$/i;
// Headings under which a record states the condition operated on, or what the surgeon found: a
// record with any of them documents a reason, even when it is vague (another topic's query).
const REASON_HEADING =
  /diagnos|indication|impression|assessment|reason for|findings|history|chief complaint|problem|clinical (?:note|summary)/i;
// A title that states its own reason ("... for recurrent ...", "... due to ...").
const REASON_IN_TITLE = /\b(?:for|due to|secondary to|because of)\b/i;
// A title that names the condition it treats ("excision of a ganglion cyst", "inguinal hernia
// repair"): words built on the pathology suffixes of medical terminology (-itis, -oma, -osis,
// -pathy, -ectasia, -cele) and the nouns of pathology that procedure titles name as the object
// operated on. A title naming only anatomy ("ulnar nerve transposition") names none.
const CONDITION_IN_TITLE =
  /\b(?:\w+(?:itis|omas?|osis|oses|pathy|ectasia|cele)|hernias?|cysts?|ganglion|mass(?:es)?|tumou?rs?|lesions?|cancer|polyps?|nodules?|fractures?|dislocation|abscess(?:es)?|stenosis|strictures?|aneurysms?|ulcers?|calcul(?:us|i)|stones?|cataracts?|hemorrhoids?|fistulae?|obstruction|occlusion|infection|wounds?|laceration|foreign bod(?:y|ies)|deformity|contractures?|tears?|rupture|bunion|effusion|empyema|prolapse|varices|varicose|bleeding|hemorrhage|injury|syndrome|disease|deficiency)\b/i;

const bare = (heading: string): string => heading.trim().replace(/[:\s]+$/, '');

/** The first line of the procedure title of an operative report, with where it is. */
export interface ProcedureTitle {
  text: string;
  start: number;
  end: number;
}

/**
 * The procedure title of an operative report that states no reason for the operation (Official
 * Guidelines II and IV.N: the principal or first-listed diagnosis of a surgical encounter is the
 * reason for the surgery, which only the surgeon can state). The record is an operative report (a
 * procedure title and the narrative of the operation) and has no heading that states a reason (no
 * pre- or postoperative diagnosis, indication, impression, findings or history), and the title
 * names none (neither "for ..." nor a condition it treats). Undefined otherwise.
 */
export function titleWithoutReason(ctx: Pick<RuleContext, 'text' | 'sections'>): ProcedureTitle | undefined {
  const headings = ctx.sections.map((s) => bare(s.heading));
  if (!headings.some((h) => NARRATIVE_HEADING.test(h))) return undefined;
  if (headings.some((h) => REASON_HEADING.test(h))) return undefined;
  const title = ctx.sections.find((s) => PROCEDURE_HEADING.test(bare(s.heading)));
  if (!title) return undefined;
  const body = ctx.text.slice(title.start, title.end);
  const heading = title.heading.trim();
  const headingEnd = body.toLowerCase().indexOf(heading.toLowerCase());
  const line = (headingEnd >= 0 ? body.slice(headingEnd + heading.length) : body)
    .replace(/^[\s:,]+/, '')
    .split('\n')[0]!
    .trim()
    .slice(0, 160);
  if (line.length === 0 || REASON_IN_TITLE.test(line) || CONDITION_IN_TITLE.test(line)) return undefined;
  const start = ctx.text.indexOf(line, title.start);
  return { text: line, start, end: start + line.length };
}
