import type { DiagnosisMention } from '../diagnoses';

// An anemia written with its type or cause: "iron deficiency anemia", "anemia of chronic disease",
// "anemia secondary to upper GI bleeding", "chemotherapy-induced anemia", "ABLA". These answer the
// anemia-type question (query-guidelines.md §1: no query when the record already answers it).
const TYPE_BEFORE =
  /\b(?:iron[- ]deficien(?:cy|t)|microcytic|macrocytic|normocytic|megaloblastic|pernicious|hemolytic|aplastic|sickle[- ]cell|sideroblastic|B12[- ]deficien(?:cy|t)|folate[- ]deficien(?:cy|t)|blood[- ]loss|post-?hemorrhagic|dilutional|chemo(?:therapy)?[- ]induced|drug[- ]induced|renal|chronic disease|nutritional|thalass)/i;
const CAUSE_AFTER =
  /^[\s,]*(?:of|from|due to|secondary to|2\/2|caused by|related to|associated with|in|with)\s+(?:\w+[\s-]+){0,4}?(?:chronic (?:disease|kidney|renal|inflammation)|CKD|ESRD|renal|kidney|neoplas|malignan|cancer|CLL|leukemia|lymphoma|myeloma|tumou?r|chemo|blood loss|bleed|hemorrhag|GI|iron|B12|folate|vitamin|inflammation|marrow|hemoly|renal failure)/i;

/** True when an anemia mention is written with its type or cause. */
export function anemiaTyped(text: string, m: DiagnosisMention): boolean {
  const before = text.slice(Math.max(0, m.start - 40), m.start);
  const clauseBefore = before.split(/[.;\n]/).pop() ?? '';
  const after = text.slice(m.end, Math.min(text.length, m.end + 80)).split(/[.;\n]/)[0] ?? '';
  return TYPE_BEFORE.test(clauseBefore) || CAUSE_AFTER.test(after);
}
