/**
 * The patient's documented sex and age, read from the usual phrasing of a note ("a 67-year-old
 * female", "Sex: M", "Mrs.", pronouns as a last resort). Used by the sex and age conflict edits
 * (CMS Medicare Code Editor, "Sex conflict" and "Age conflict").
 */
import type { Span } from './types';

/** What the chart says about the patient. */
export interface PatientFacts {
  /** `undefined` when the chart does not say. */
  sex?: 'female' | 'male';
  /** Age in years (fractions for infants: 6 months = 0.5), `undefined` when not written. */
  ageYears?: number;
  /** The words that gave the sex, and where. */
  sexEvidence?: Span & { text: string };
  /** The words that gave the age, and where. */
  ageEvidence?: Span & { text: string };
}

const AGE =
  /\b(\d{1,3})[- ](year|yr|month|mo|week|wk|day)s?[- ]old\b|\b(\d{1,3}) ?(?:y\/o|yo|y\.o\.)(?![a-z])|\bage[: ]+(\d{1,3})\b|\baged (\d{1,3})\b/gi;
const SEX_WORD =
  /\b(?:(\d{1,3})[- ](?:year|yr|month|mo|week|wk|day)s?[- ]old|(?:\d{1,3} ?(?:y\/o|yo)))[ ,-]+(?:[a-z-]+ ){0,3}?(female|male|woman|man|lady|gentleman|girl|boy|gravida)\b/gi;
const SEX_FIELD = /\b(?:sex|gender)\s*[:=]\s*(f|m|female|male)\b/gi;
const TITLE = /\b(Mrs|Ms|Mr)\.?\s+[A-Z]/g;

function sexOf(word: string): 'female' | 'male' | undefined {
  const w = word.toLowerCase();
  if (['female', 'woman', 'lady', 'girl', 'gravida', 'f', 'mrs', 'ms'].includes(w)) return 'female';
  if (['male', 'man', 'gentleman', 'boy', 'm', 'mr'].includes(w)) return 'male';
  return undefined;
}

/**
 * Documented sex and age. Sex comes from, in order: an "N-year-old <sex word>" phrase, a
 * "Sex:" field, a courtesy title, then pronouns when one side clearly dominates (3 to 1 or more).
 *
 * @example patientFacts('A 58-year-old woman with chest pain.') // { sex: 'female', ageYears: 58, ... }
 */
export function patientFacts(text: string): PatientFacts {
  const facts: PatientFacts = {};
  AGE.lastIndex = 0;
  const age = AGE.exec(text);
  if (age) {
    const n = Number(age[1] ?? age[3] ?? age[4] ?? age[5]);
    const unit = (age[2] ?? 'year').toLowerCase();
    facts.ageYears = unit.startsWith('mo')
      ? n / 12
      : unit.startsWith('w')
        ? n / 52
        : unit.startsWith('d')
          ? n / 365
          : n;
    facts.ageEvidence = { start: age.index, end: age.index + age[0].length, text: age[0] };
  }
  const pick = (re: RegExp, group: number): boolean => {
    re.lastIndex = 0;
    const m = re.exec(text);
    const sex = m ? sexOf(m[group]!) : undefined;
    if (!m || !sex) return false;
    facts.sex = sex;
    facts.sexEvidence = { start: m.index, end: m.index + m[0].length, text: m[0] };
    return true;
  };
  if (pick(SEX_WORD, 2) || pick(SEX_FIELD, 1) || pick(TITLE, 1)) return facts;
  const she = (text.match(/\b(she|her|hers|herself)\b/gi) ?? []).length;
  const he = (text.match(/\b(he|him|his|himself)\b/gi) ?? []).length;
  if (she >= 3 * Math.max(1, he)) facts.sex = 'female';
  else if (he >= 3 * Math.max(1, she)) facts.sex = 'male';
  if (facts.sex) {
    const m = new RegExp(facts.sex === 'female' ? '\\b(she|her)\\b' : '\\b(he|his)\\b', 'i').exec(text)!;
    facts.sexEvidence = { start: m.index, end: m.index + m[0].length, text: `${m[0]} (pronouns)` };
  }
  return facts;
}
