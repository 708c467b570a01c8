/**
 * Whether the classification holds a condition to be a standing (chronic) one: a condition that,
 * once documented, coexists with every later encounter until the chart says it ended. Section III
 * ("Reporting additional diagnoses": conditions that coexist and affect care), III.A (a previous
 * condition that no longer exists is not coded; a chronic one that still exists is), IV.I and
 * IV.J ("chronic diseases treated on an ongoing basis may be coded and reported as many times as
 * the patient receives treatment and care for the condition(s)").
 *
 * Read from the tables, in this order:
 * - the Tabular List calls it chronic: the code, its category or its block is titled "chronic"
 *   ("Chronic ischemic heart disease" I25, "Chronic lower respiratory diseases" J40-J4A, "Chronic
 *   kidney disease (CKD)" N18), and none of those titles says acute;
 * - its Tabular category is one of the chronic systemic diseases of {@link CHRONIC_SYSTEMIC}
 *   (Tabular categories, AHA Coding Clinic 3rd Q 2007 p. 13: hypertension, diabetes, COPD,
 *   Parkinson's disease ... "ordinarily should be coded even in the absence of documented
 *   intervention").
 * Not chronic by this reading: neoplasms (Z85 after excision, I.C.2.d), injuries and their healing
 * (I.C.19), acute events (infarction, embolism: I25.2, Z86.7- when past), infections, pregnancy,
 * symptoms, and skin ulcers (a chronic ulcer heals: its history is a past condition).
 */
import { CHRONIC_SYSTEMIC } from './data/chronic-conditions';
import { codeDetail } from './code-detail';
import { undotted } from './tiers';
import type { GuidelineContext } from './types';

/**
 * Chapters whose codes a Tabular "chronic" title does not make standing (see the module note), by
 * first letter: only the organ-system disease chapters (E-K, M, N) are read for the title.
 */
const NEVER = /^[A-DLO-T]/;
const CHRONIC_TITLE = /\bchronic\b/i;
const ACUTE_TITLE = /\bacute\b/i;

/** Why the classification holds a condition standing, in words a coder checks in the Tabular. */
export interface ChronicReading {
  /** The Tabular title (category, block or code) that says so, with its code or range. */
  title: string;
  /** Which reading: the Tabular "chronic" title, or the chronic systemic category. */
  source: 'tabular-title' | 'chronic-systemic';
}

/**
 * The Tabular reading that makes `code` a standing condition, or undefined.
 *
 * @example chronicCondition('I25.10', ctx)?.title // 'I25 "Chronic ischemic heart disease"'
 * @example chronicCondition('I10', ctx)?.source // 'chronic-systemic'
 * @example chronicCondition('S72.002A', ctx) // undefined
 */
export function chronicCondition(code: string, ctx: GuidelineContext): ChronicReading | undefined {
  const c = undotted(code);
  if (!/^[A-Z]\d/.test(c) || c.startsWith('Z')) return undefined;
  const systemic = CHRONIC_SYSTEMIC.find((r) => c.startsWith(r.prefix));
  if (systemic) return { title: `${systemic.prefix} "${systemic.title}"`, source: 'chronic-systemic' };
  if (NEVER.test(c)) return undefined;
  const d = codeDetail(ctx, code);
  if (!d) return undefined;
  const titles: [string, string][] = [
    [code, d.long],
    ...(d.ancestors ?? []).map((a): [string, string] => [a.dotted, a.long]),
    ...(d.section ? [[d.section.id ?? 'block', d.section.desc] as [string, string]] : []),
  ];
  if (titles.some(([, t]) => ACUTE_TITLE.test(t))) return undefined;
  const hit = titles.find(([, t]) => CHRONIC_TITLE.test(t));
  return hit ? { title: `${hit[0]} "${hit[1]}"`, source: 'tabular-title' } : undefined;
}
