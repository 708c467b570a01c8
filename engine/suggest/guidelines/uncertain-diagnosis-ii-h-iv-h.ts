/**
 * Uncertain diagnoses ("probable", "suspected", "rule out", "versus"): coded as established for
 * inpatients when documented so at the time of discharge (II.H, III.C), that is in the final
 * diagnostic statement (discharge or final diagnoses, the impression or assessment, the
 * postoperative diagnosis); a working hypothesis of the history or the course is not. For
 * outpatients not coded: the signs or symptoms are (IV.H). Those go to "also documented".
 *
 * A code is judged by the mentions that state all of its title: when only the uncertain
 * mentions carry the title's detail ("anemia, possibly folate deficient" for folate deficiency anemia)
 * and the affirmed ones name the condition alone ("anemia"), the detail is what is uncertain, and
 * for outpatients the code of the affirmed condition is reported instead (IV.H).
 */
import type { SectionKind } from '../../text';
import { demote, keep } from './tiers';
import type { CandidateMention, GuidelineCandidate, GuidelineRule } from './types';

/** Title words that name no detail of the condition. */
const TITLE_FILLERS: ReadonlySet<string> = new Set([
  'with',
  'without',
  'due',
  'and',
  'the',
  'not',
  'elsewhere',
  'classified',
  'unspecified',
  'specified',
  'other',
  'site',
]);

/** Stems (5 letters at most) of the words of a code title, fillers and parenthetical words left out. */
function titleStems(title: string): string[] {
  return title
    .replace(/\([^)]*\)/g, ' ')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 2 && !TITLE_FILLERS.has(w))
    .map((w) => w.slice(0, 5));
}

/** `true` when the mention's own words state every one of the stems. */
function statesAll(m: CandidateMention, stems: readonly string[]): boolean {
  const words = m.evidence.text.toLowerCase().split(/[^a-z0-9]+/);
  return stems.every((stem) => words.some((w) => w.startsWith(stem)));
}

/**
 * The mentions a code is judged by: those whose own words state every word of its title, when
 * the title names more than one thing and some mention states them all; otherwise every mention
 * (a synonym or an abbreviation states no title word, and must not lose its code to this test).
 */
function judgedMentions(c: GuidelineCandidate): readonly CandidateMention[] {
  const stems = titleStems(c.suggestion.title);
  if (stems.length < 2) return c.mentions;
  const full = c.mentions.filter((m) => statesAll(m, stems));
  return full.length > 0 ? full : c.mentions;
}

/** Sections holding the provider's diagnostic statement. */
export const DIAGNOSTIC_STATEMENT: ReadonlySet<SectionKind> = new Set([
  'discharge-diagnoses',
  'admission-diagnoses',
  'assessment-plan',
  'postoperative-diagnosis',
  'preoperative-diagnosis',
]);

export const uncertainDiagnosisRule: GuidelineRule = {
  section: 'IV.H',
  name: 'uncertain diagnosis',
  apply(cands, ctx) {
    for (const c of cands) {
      if (c.tier !== 'report' || c.system !== 'cm' || c.mentions.length === 0) continue;
      if (c.mentions.every((m) => m.assertion.assertion === 'affirmed')) continue;
      const mentions = ctx.setting === 'outpatient' ? judgedMentions(c) : c.mentions;
      if (mentions.some((m) => m.assertion.assertion === 'affirmed')) continue;
      const uncertain = mentions.find((m) => m.assertion.assertion === 'uncertain');
      if (!uncertain) continue;
      const cue = uncertain.assertion.cues.find((q) => q.kind === 'uncertain')?.text ?? 'uncertain';
      const detailOnly =
        mentions.length < c.mentions.length && c.mentions.some((m) => m.assertion.assertion === 'affirmed');
      if (ctx.setting === 'outpatient' && detailOnly)
        demote(
          c,
          { section: 'IV.H' },
          `"${uncertain.evidence.text}": the detail of this code is uncertain ("${cue}") at an outpatient encounter; the affirmed condition is coded without it`,
        );
      else if (ctx.setting === 'outpatient')
        demote(
          c,
          { section: 'IV.H' },
          `uncertain ("${cue}") at an outpatient encounter: code the signs or symptoms instead`,
        );
      else
        keep(
          c,
          { section: 'II.H' },
          `uncertain ("${cue}") at an inpatient encounter: coded as if established (II.H, III.C)`,
        );
    }
  },
};
