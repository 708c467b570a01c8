/**
 * Official Guidelines II.E (and IV.D for outpatients): "A symptom(s) followed by contrasting/
 * comparative diagnoses ... the symptom code is sequenced first" ("chest pain, angina versus
 * esophagitis"). Read from the sentence of the symptom's strongest mention: the symptom, then
 * "versus", "vs." or "or", then another candidate of the same sentence.
 */
import { sentenceIndexAt } from './chart-cues';
import { decide, isSymptom } from './rank-helpers';
import type { RankedCandidate, SelectionContext, SequenceRule } from './types';

const CONTRAST = /\b(?:versus|vs\.?|or)\b/i;

export const symptomWithContrastingDiagnoses: SequenceRule = {
  section: 'II.E',
  settings: ['inpatient', 'outpatient'],
  apply(ranked: RankedCandidate[], ctx: SelectionContext): void {
    for (const s of ranked) {
      if (!isSymptom(s.code) || !s.span) continue;
      const si = sentenceIndexAt(ctx.view, s.span.start);
      if (si < 0) continue;
      const sentence = ctx.view.sentences[si]!;
      const symptomAt = s.candidate.evidence.find((e) => e.start >= sentence.start && e.end <= sentence.end);
      if (!symptomAt) continue;
      const rest = ctx.view.text.slice(symptomAt.end, sentence.end);
      const cut = rest.search(CONTRAST);
      if (cut < 0) continue;
      // Two or more diagnoses in the same sentence after the symptom, one of them after the contrast word.
      const after = ranked.filter(
        (d) =>
          d !== s &&
          !isSymptom(d.code) &&
          d.candidate.evidence.some((e) => e.start >= symptomAt.end && e.end <= sentence.end && !e.context.negated),
      );
      if (
        after.length === 0 ||
        !after.some((d) => d.candidate.evidence.some((e) => e.start >= symptomAt.end + cut && e.end <= sentence.end))
      )
        continue;
      const top = Math.max(s.score, ...after.map((d) => d.score));
      s.score = top + 0.5;
      decide(
        s,
        ctx.setting === 'inpatient' ? 'II.E' : 'IV.D',
        `symptom followed by contrasting diagnoses (${after.map((d) => d.code).join(', ')}): the symptom is sequenced first, the diagnoses as secondary (${ctx.setting === 'inpatient' ? 'II.E' : 'IV.D'})`,
      );
      s.protectedSymptom = true;
    }
  },
};
