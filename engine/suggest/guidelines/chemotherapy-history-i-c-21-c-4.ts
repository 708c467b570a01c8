/**
 * Personal history of antineoplastic chemotherapy (Z92.21): history codes of category Z92
 * ("Personal history of medical treatment", listed among the history codes of Guideline
 * I.C.21.c.4) "explain a patient's past medical condition that no longer exists and is not
 * receiving any treatment"; the Index's "History, personal, chemotherapy for neoplastic
 * condition". Added when a sentence says the chemotherapy is behind the patient ("status post six
 * cycles of chemotherapy", "completed chemotherapy in 2019", "last cycle finished in May"), the
 * chart names a malignancy, and nothing says it goes on: no chemotherapy given in this encounter
 * (Z51.1-), none current ("receiving", "currently on", "continues") nor planned ("will start",
 * "scheduled"). Z92.21 Excludes2 long term (current) drug therapy (Z79.-): current therapy is not
 * its history.
 */
import { assertMention } from '../../text';
import { addedCandidate } from './added-candidate';
import { CHEMO, MALIGNANCY } from './antineoplastic-encounter-i-c-2-e-2';
import { reported, undotted } from './tiers';
import type { GuidelineRule } from './types';

const CODE = 'Z92.21';
/** The chemotherapy is over. */
const PAST =
  /\b(?:status post|s\/p|completed|finished|underwent|treated with|history of|prior|previous|previously|last cycle|post)\b/i;
/** The chemotherapy goes on, or is to come. */
const ONGOING =
  /\b(?:currently|now|still|ongoing|undergoing|receiving|continues|continuing|will|scheduled|plan(?:s|ned)?|to (?:begin|start)|next|candidate|recommend\w*|consider\w*|cycle\s+\w+\s+of)\b/i;

export const chemotherapyHistoryRule: GuidelineRule = {
  section: 'I.C.21.c.4',
  name: 'history of antineoplastic chemotherapy',
  apply(cands, ctx) {
    const detail = ctx.tables.cm.get(CODE);
    if (!detail || cands.some((c) => c.code === CODE && c.tier === 'report')) return;
    if (reported(cands).some((c) => undotted(c.code).startsWith('Z511')) || !MALIGNANCY.test(ctx.text)) return;
    let past: { start: number; end: number; words: string } | undefined;
    for (const s of ctx.chart.sentences) {
      const section = ctx.chart.sections[s.section];
      if (!section || section.kind === 'family-history') continue;
      const sentence = ctx.text.slice(s.start, s.end);
      const m = CHEMO.exec(sentence);
      if (!m) continue;
      if (ONGOING.test(sentence)) return; // current or planned: not yet a history
      if (past || !PAST.test(sentence)) continue;
      const span = { start: s.start + m.index, end: s.start + m.index + m[0].length };
      const a = assertMention(ctx.text, span, ctx.chart);
      if (a.subject !== 'patient' || a.assertion === 'negated' || a.assertion === 'hypothetical') continue;
      past = { ...span, words: sentence.trim().slice(0, 120) };
    }
    if (!past) return;
    cands.push(
      addedCandidate(ctx, chemotherapyHistoryRule, {
        code: CODE,
        title: detail.long,
        span: past,
        path: 'History > personal > chemotherapy for neoplastic condition',
        reason: `"${past.words}": chemotherapy given at earlier encounters and over, a personal history of treatment`,
        score: 0.5,
        historical: true,
      }),
    );
  },
};
