/**
 * Suggestions to a coded abstract in one call, the chart read once: {@link analyzeChart}, the
 * Index/Tabular candidates ({@link Suggester}), the guideline stage, principal selection and POA.
 */
import { analyzeChart, type ChartAnalysis } from '../text';
import { buildAbstract, type AbstractOptions } from './abstract';
import { applyGuidelines, type GuidelineCandidate, type GuidelineTables } from './guidelines';
import type { Suggester } from './suggester';
import type { CodedAbstract, Setting, SuggestOptions, SuggestResult } from './types';

/** Options of {@link suggestAbstract}. */
export interface AbstractCallOptions extends AbstractOptions {
  setting?: Setting;
  /** ISO date of the encounter (past years mark past events). */
  dateOfService?: string;
  /** CC/MCC lookup, as in {@link SuggestOptions.severityOf}. */
  severityOf?: SuggestOptions['severityOf'];
  /** Sex restriction of a code (MCE tables), for the sex-conflict rule. */
  sexOf?: GuidelineTables['sexOf'];
}

/** Everything one call produces. */
export interface AbstractResult {
  chart: ChartAnalysis;
  /**
   * Every candidate the Index and Tabular found, as `suggest` lists them (findings that are not
   * the patient's current condition left out, as with `excluded: 'drop'`).
   */
  suggestions: SuggestResult;
  /** Every candidate with its tier and rule trail. */
  candidates: GuidelineCandidate[];
  abstract: CodedAbstract;
}

const EXCLUDED = ['negated', 'family', 'hypothetical'] as const;

/** Most candidates per system handed to the guideline stage (the suggester's default keeps 50). */
const CANDIDATE_LIMIT = 200;

/**
 * Suggests codes for a chart and sorts them by the Official Guidelines into the abstract.
 *
 * @example suggestAbstract(suggester, text, { setting: 'inpatient' }).abstract.principal?.code
 */
export function suggestAbstract(suggester: Suggester, text: string, options: AbstractCallOptions = {}): AbstractResult {
  const setting = options.setting ?? 'inpatient';
  const chart = analyzeChart(text, {
    setting,
    ...(options.dateOfService ? { dateOfService: options.dateOfService } : {}),
  });
  // Demoted rather than dropped: the guideline stage suppresses them with their reason. Every
  // candidate reaches the stage (no display limit): a weak mention may be the code another code's
  // "use additional code" note asks for (I.B.7).
  const all = suggester.suggest(
    text,
    {
      setting,
      excluded: 'demote',
      limit: CANDIDATE_LIMIT,
      ...(options.severityOf ? { severityOf: options.severityOf } : {}),
    },
    chart,
  );
  const candidates = applyGuidelines(all, {
    text,
    chart,
    setting,
    tables: { cm: suggester.cm, ...(options.sexOf ? { sexOf: options.sexOf } : {}) },
  });
  const live = (s: SuggestResult['diagnoses'][number]): boolean =>
    !EXCLUDED.some((f) => s.flags.includes(f)) && !(setting === 'outpatient' && s.flags.includes('uncertain'));
  const suggestions: SuggestResult = {
    ...all,
    diagnoses: all.diagnoses.filter(live),
    procedures: all.procedures.filter(live),
  };
  const abstract = buildAbstract(candidates, { text, setting, analysis: chart }, options);
  return { chart, suggestions, candidates, abstract };
}
