/**
 * The chart read once: {@link analyzeChart} gives the sections (one model, with their author),
 * sentences and lists, the abbreviations with their senses, the patient's documented sex and age,
 * and the setting that decides how uncertain diagnoses are coded. Plain data, shared by the
 * suggestion stages and CDI.
 */
import { resolveAbbreviations, type ResolvedAbbreviation } from './abbreviations';
import { analyzeText } from './index';
import { patientFacts, type PatientFacts } from './patient';
import type { TextAnalysis } from './types';

/** Care setting (Official Guidelines Section II/III inpatient, Section IV outpatient). */
export type CareSetting = 'inpatient' | 'outpatient';

/** Options of {@link analyzeChart}. */
export interface ChartOptions {
  /** Default `inpatient`. */
  setting?: CareSetting;
  /** ISO date (`2026-12-05`) of the encounter; years before it mark past events. */
  dateOfService?: string;
}

/** The chart as read once (see the file comment). Extends {@link TextAnalysis}. */
export interface ChartAnalysis extends TextAnalysis {
  setting: CareSetting;
  dateOfService?: string;
  /**
   * Year of the encounter: from `dateOfService`, else the latest plausible year written in the
   * chart; `undefined` when neither exists.
   */
  encounterYear?: number;
  patient: PatientFacts;
  /** Inventory abbreviations in text order, each with its sense (or `null` when ambiguous). */
  abbreviations: ResolvedAbbreviation[];
}

/**
 * Reads a chart once. Never throws for any string.
 *
 * @example analyzeChart('A 70-year-old man. SpO2 94% on RA.', { setting: 'inpatient' }).abbreviations[0].sense // 'room air'
 */
export function analyzeChart(text: string, options: ChartOptions = {}): ChartAnalysis {
  const base = analyzeText(text);
  const body = text.length > base.length ? text.slice(0, base.length) : text;
  const dos = options.dateOfService ? Number(/^(\d{4})/.exec(options.dateOfService)?.[1]) : undefined;
  let latest: number | undefined;
  for (const m of body.matchAll(/\b(19[5-9]\d|20\d\d)\b/g)) latest = Math.max(latest ?? 0, Number(m[1]));
  const encounterYear = dos && Number.isFinite(dos) ? dos : latest;
  return {
    ...base,
    setting: options.setting ?? 'inpatient',
    ...(options.dateOfService ? { dateOfService: options.dateOfService } : {}),
    ...(encounterYear !== undefined ? { encounterYear } : {}),
    patient: patientFacts(body),
    abbreviations: resolveAbbreviations(body, base),
  };
}
