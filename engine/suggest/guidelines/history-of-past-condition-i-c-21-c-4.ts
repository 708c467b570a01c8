/**
 * A past condition coded by its personal history code (Guideline I.C.21.c.4: "Personal history
 * codes explain a patient's past medical condition that no longer exists and is not receiving any
 * treatment, but that has the potential for recurrence, and therefore may require continued
 * monitoring"; Section III: history codes "may be used as secondary codes if the historical
 * condition ... has an impact on current care"). For the reviewed categories of
 * {@link HISTORY_CATEGORIES} (Z85 by I.C.2.d, Z86.73 by I.C.9.d.3, Z86.71), a condition code the
 * stage held back as a past condition ("history of", "status post ... for") is replaced by its
 * history code, read from the official files ({@link historyLinksOf}). An acute cerebrovascular or
 * thrombotic event listed under the past medical history is a past event too (I.C.9.d.3). Not
 * when the condition is also reported as current (a code of its category stays reported), nor
 * when a reported code is in the history code's Excludes1 note (I69.- sequelae at Z86.73: the
 * deficits are documented).
 */
import { assertMention } from '../../text';
import { noteRefs, refCovers } from '../codes-in-note';
import { HISTORY_CATEGORIES, historyLinksOf, type HistorySource } from './history-codes';
import { reported, undotted } from './tiers';
import type { GuidelineCandidate, GuidelineRule } from './types';

/** Confidence of a history code read from a past condition: secondary, never the encounter's reason. */
const HISTORY_SCORE = 0.5;

/** The rules that hold a code back as a past condition (III.A, IV.J: "documented as a past condition"). */
const PAST_RULES = new Set(['III.A', 'IV.J']);
/** The rule that holds back a malignancy previously excised or eradicated (malignancy-excised-i-c-2-d.ts). */
const ERADICATED_RULE = 'I.C.2.d';
/** Reviewed: history codes of an acute event, for which a past medical history line is the past event (I.C.9.d.3). */
const EVENT_HISTORY = /^Z867/;

const heldAsPast = (c: GuidelineCandidate): boolean =>
  c.rules.some(
    (r) =>
      r.action === 'demote' &&
      ((PAST_RULES.has(r.rule) && r.reason.startsWith('documented as a past condition')) ||
        // A malignancy eradicated, no disease left and no treatment directed at it (I.C.2.d).
        r.rule === ERADICATED_RULE),
  );

const listedInPastHistory = (c: GuidelineCandidate): boolean =>
  c.mentions.length > 0 &&
  c.mentions.every(
    (m) =>
      m.section.kind === 'past-history' && m.assertion.assertion !== 'negated' && m.assertion.assertion !== 'family',
  ) &&
  c.rules.every((r) => r.action !== 'drop' && (r.action !== 'demote' || r.rule === 'III' || r.rule === 'I.A'));

export const historyOfPastConditionRule: GuidelineRule = {
  section: 'I.C.21.c.4',
  name: 'history of a past condition',
  apply(cands, ctx) {
    const cm = ctx.tables.cm as Partial<HistorySource>;
    if (!cm.indexEntries || !cm.inclusionTerms || !cm.isBillable) return;
    const links = historyLinksOf(cm as HistorySource);
    const live = reported(cands);
    const added = new Set<string>();
    for (const c of cands) {
      if (c.system !== 'cm' || c.tier !== 'also' || c.code.startsWith('Z')) continue;
      const past = heldAsPast(c);
      if (!past && !listedInPastHistory(c)) continue;
      // The same condition still reported as current: not a history.
      if (live.some((r) => undotted(r.code).slice(0, 3) === undotted(c.code).slice(0, 3))) continue;
      const link = links
        .filter((l) => l.covers(c.code) && (past || EVENT_HISTORY.test(undotted(l.code))))
        .sort((a, b) => a.width - b.width)[0];
      if (!link || added.has(link.code) || cands.some((x) => x.code === link.code && x.tier !== 'also')) continue;
      const detail = ctx.tables.cm.get(link.code);
      if (!detail) continue;
      const excluded = detail.notes
        .filter((n) => n.kind === 'excludes1')
        .flatMap((n) => noteRefs(n.text))
        .some((ref) => live.some((r) => refCovers(ref, undotted(r.code))));
      if (excluded) continue;
      const m = c.quote ?? c.mentions[0];
      if (!m) continue;
      const assertion = assertMention(ctx.text, m.evidence, ctx.chart);
      if (
        assertion.assertion === 'negated' ||
        assertion.assertion === 'family' ||
        assertion.assertion === 'hypothetical'
      )
        continue;
      const guideline = HISTORY_CATEGORIES.find((h) => undotted(link.code).startsWith(h.prefix))!.guideline;
      const reason = `"${m.evidence.text}" is a past condition (${past ? 'documented as past' : 'an event listed in the past medical history'}): its history code (${guideline}; ${link.source})`;
      const existing = cands.find((x) => x.code === link.code);
      added.add(link.code);
      if (existing) {
        existing.tier = 'report';
        existing.rules.push({ rule: historyOfPastConditionRule.section, action: 'add', reason });
        continue;
      }
      const evidence = { ...m.evidence, context: { ...m.evidence.context, historical: true }, score: HISTORY_SCORE };
      const mention = {
        evidence,
        assertion: { ...assertion, codedAsEstablished: true, rule: 'I.C.21.c.4' },
        section: m.section,
      };
      cands.push({
        suggestion: {
          id: `cm:${link.code}`,
          system: 'cm',
          code: link.code,
          title: detail.long,
          score: HISTORY_SCORE,
          evidence: [evidence],
          path: link.source,
          flags: [],
          notes: [],
        },
        system: 'cm',
        code: link.code,
        tier: 'report',
        mentions: [mention],
        quote: mention,
        assertion: 'affirmed',
        rules: [{ rule: historyOfPastConditionRule.section, action: 'add', reason }],
      });
    }
  },
};
