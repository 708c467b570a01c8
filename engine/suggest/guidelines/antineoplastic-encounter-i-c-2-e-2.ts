/**
 * Encounter for antineoplastic chemotherapy (Z51.11): "If a patient admission/encounter is chiefly
 * for the administration of chemotherapy ... assign code ... Z51.11 ... as the first-listed or
 * principal diagnosis" (Guideline I.C.2.e.2; Index "Encounter, chemotherapy for neoplasm",
 * "Chemotherapy, cancer"). A chart seldom writes "encounter for": it lists the chemotherapy among
 * this stay's procedures ("Cycle 4 of R-CHOP chemotherapy") or says the patient came for it
 * ("admitted for cycle 3 of FOLFOX chemotherapy", "presented for her second cycle"). The code is
 * added when:
 * - the chemotherapy is named in this encounter's procedures, course or reason for the visit (a
 *   "here for", "admitted for", "presented for" sentence), not as past ("status post 6 cycles",
 *   "completed", "last cycle", "after chemotherapy": an earlier encounter's; I.C.21.c.4 history),
 *   planned ("scheduled", "to begin next week", a port placed for it), negated or a relative's;
 * - the chart names a malignancy (Z51.1 Excludes2: "encounter for chemotherapy and immunotherapy
 *   for nonneoplastic condition - code to condition").
 */
import { assertMention, type SectionKind } from '../../text';
import { addedCandidate } from './added-candidate';
import type { GuidelineRule } from './types';

const CODE = 'Z51.11';
/** Chemotherapy, or a numbered cycle of it. */
export const CHEMO =
  /\bchemo(?:therapy)?\b|\bcycle\s+(?:#\s*)?(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+cycle\b/i;
/** Sections that say what was done in this encounter. */
const DONE_HERE: ReadonlySet<SectionKind> = new Set<SectionKind>(['procedures', 'hospital-course']);
/** Sections where the reason for the visit is stated. */
const REASON: ReadonlySet<SectionKind> = new Set<SectionKind>([
  'chief-complaint',
  'hpi',
  'admission-diagnoses',
  'discharge-diagnoses',
  'assessment-plan',
  'hospital-course',
]);
const CAME_FOR =
  /\b(?:here|presents?|presented|admitted|came(?:\s+in)?|comes(?:\s+in)?|returns?|returned)\s+(?:today\s+|electively\s+)?for\b/i;
/** Chemotherapy of an earlier encounter, or one not given. */
const NOT_THIS_TIME =
  /\b(?:status post|s\/p|completed|finished|last|prior|previous|previously|history of|after|following|post|since|declined|refused|held|deferred|will|plan(?:s|ned)?|consider\w*|candidate|discuss\w*|recommend\w*|scheduled|to (?:begin|start)|next|upcoming|tomorrow|port)\b/i;
/** A malignancy named in the chart (the reviewed words that name a malignant neoplasm). */
export const MALIGNANCY =
  /\b(?:cancer|carcinoma|sarcoma|lymphoma|leuka?emia|myeloma|melanoma|malignan\w*|\w+blastoma|metasta\w*|seminoma|mesothelioma|neoplasm)\b/i;

export const antineoplasticEncounterRule: GuidelineRule = {
  section: 'I.C.2.e.2',
  name: 'encounter for antineoplastic chemotherapy',
  apply(cands, ctx) {
    const detail = ctx.tables.cm.get(CODE);
    if (!detail || cands.some((c) => c.code === CODE && c.tier === 'report')) return;
    if (!MALIGNANCY.test(ctx.text) && !cands.some((c) => c.tier === 'report' && /^C/.test(c.code))) return;
    // Every sentence that documents it: the principal's selection reads the strongest ("admitted
    // for" in the course) even when the procedure list comes first.
    const found: { span: { start: number; end: number }; words: string; where: string }[] = [];
    for (const s of ctx.chart.sentences) {
      const section = ctx.chart.sections[s.section];
      if (!section) continue;
      const sentence = ctx.text.slice(s.start, s.end);
      const m = CHEMO.exec(sentence);
      if (!m || NOT_THIS_TIME.test(sentence)) continue;
      const done = DONE_HERE.has(section.kind);
      if (!done && !(REASON.has(section.kind) && CAME_FOR.test(sentence.slice(0, m.index)))) continue;
      const span = { start: s.start + m.index, end: s.start + m.index + m[0].length };
      const a = assertMention(ctx.text, span, ctx.chart).assertion;
      if (a !== 'affirmed' && a !== 'uncertain') continue;
      found.push({ span, words: sentence.trim().slice(0, 120), where: section.title.trim() || section.kind });
    }
    if (found.length === 0) return;
    const reason = `"${found[0]!.words}" under ${found[0]!.where}: antineoplastic chemotherapy given in this encounter`;
    const existing = cands.find((c) => c.code === CODE);
    if (existing) {
      existing.tier = 'report';
      existing.rules.push({ rule: antineoplasticEncounterRule.section, action: 'add', reason });
      return;
    }
    cands.push(
      addedCandidate(ctx, antineoplasticEncounterRule, {
        code: CODE,
        title: detail.long,
        span: found[0]!.span,
        more: found.slice(1).map((f) => f.span),
        path: 'Encounter (for) > chemotherapy for neoplasm',
        reason,
        score: 0.9,
      }),
    );
  },
};
