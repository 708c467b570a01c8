/**
 * The definitive diagnosis that explains the chief complaint. Official Guidelines Section II: the
 * principal diagnosis is the condition "established after study to be chiefly responsible for
 * occasioning the admission"; II.A (IV.D for outpatients): a symptom is not principal "when a
 * related definitive diagnosis has been established". The chief complaint says what occasioned
 * the encounter; when it is a symptom, the diagnosis the chart relates to it is the one that
 * occasioned the encounter, ahead of diagnoses that are only present.
 *
 * Related is read from the chart, never from a list of conditions: a diagnosis whose own sentence
 * names the site or subject of the chief complaint (its words other than laterality and generic
 * symptom words: "left leg pain" -> "leg") explains it. A diagnosis the chart lists first in a
 * final diagnostic statement (placement of 95 or more: the first discharge or postoperative
 * diagnosis) is not moved: that statement is the provider's own conclusion.
 */
import { isSymptom, placeAbove, byScore } from './rank-helpers';
import { zCodeRole } from './z-code-role';
import type { CandidateMention, RankedCandidate, SelectionContext, SequenceCandidate, SequenceRule } from './types';

/** Words that say nothing about what the complaint is about (laterality, symptom nouns, qualifiers). */
const GENERIC = new Set(
  (
    'left right bilateral both side the and with for from her his their this that has have had of in on at to ' +
    'pain pains painful ache aches aching swelling swollen discomfort tenderness tender weakness numbness tingling ' +
    'redness sore soreness chronic acute severe mild moderate worsening worse new onset recurrent intermittent ' +
    'history complaint complaints patient presents presenting increasing increased decreased days weeks months'
  ).split(' '),
);
/** Placement of an established diagnosis (an assessment item or better, see `chart-cues.ts`). */
const ESTABLISHED = 45;
/** Placement of a final diagnostic statement's first item, which this rule never overrides. */
const FINAL_STATEMENT = 95;

/** The content words of a chief-complaint mention (singular, lower case). */
export function complaintWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]+/g) ?? [])
    .map((w) => (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w))
    .filter((w) => w.length >= 3 && !GENERIC.has(w));
}

/** Symptom mentions in the chief complaint: reported symptoms and documented ones (I.B.5). */
function complaintSymptoms(ranked: readonly RankedCandidate[], ctx: SelectionContext): CandidateMention[] {
  const symptoms: SequenceCandidate[] = [
    ...ranked.filter((r) => isSymptom(r.code)).map((r) => r.candidate),
    ...ctx.documented.filter((d) => isSymptom(d.code) || d.demotedBy.includes('I.B.5')),
  ];
  return symptoms.flatMap((s) =>
    s.evidence.filter((e) => e.section === 'chief-complaint' && !e.context.negated && !e.context.historical),
  );
}

/** The sentence around a mention, as the view's sentence bounds. */
function sentenceOf(ctx: SelectionContext, m: CandidateMention): { start: number; end: number } | undefined {
  return ctx.view.sentences.find((s) => s.start <= m.start && m.start < s.end);
}

export const complaintExplained: SequenceRule = {
  section: 'II.A',
  settings: ['inpatient', 'outpatient'],
  apply(ranked: RankedCandidate[], ctx: SelectionContext): void {
    const complaints = complaintSymptoms(ranked, ctx);
    if (complaints.length === 0) return;
    const words = [...new Set(complaints.flatMap((m) => complaintWords(m.text)))];
    if (words.length === 0) return;
    const pattern = new RegExp(`\\b(?:${words.join('|')})s?\\b`, 'i');
    const explains = new Map<RankedCandidate, { start: number; end: number }>();
    for (const r of ranked) {
      // A status code (I.C.21.c.3: "informative") explains no complaint.
      if (isSymptom(r.code) || r.score < ESTABLISHED || zCodeRole(r.code, ctx.tables) === 'status') continue;
      for (const e of r.candidate.evidence) {
        if (e.context.negated || e.context.family || e.context.hypothetical || e.context.historical) continue;
        if (e.section === 'chief-complaint') continue;
        const s = sentenceOf(ctx, e);
        if (s && pattern.test(ctx.view.text.slice(s.start, s.end))) {
          explains.set(r, s);
          break;
        }
      }
    }
    const best = [...explains.keys()].sort(byScore)[0];
    const top = [...ranked].sort(byScore)[0];
    if (!best || !top || best === top || explains.has(top) || top.score >= FINAL_STATEMENT) return;
    const s = explains.get(best)!;
    const complaint = complaints[0]!.text.replace(/\s+/g, ' ').trim();
    const rule = ctx.setting === 'inpatient' ? 'II.A' : 'IV.D';
    placeAbove(
      best,
      top,
      rule,
      `the definitive diagnosis that explains the chief complaint ("${complaint}"): a symptom is not principal when a related diagnosis is established, so that diagnosis occasioned the ${ctx.setting === 'inpatient' ? 'admission' : 'visit'} (Section ${ctx.setting === 'inpatient' ? 'II' : 'IV'}, ${rule})`,
    );
    best.quote = ctx.view.text.slice(s.start, s.end).replace(/\s+/g, ' ').trim();
    best.span = s;
  },
};
