import type { DiagnosisMention } from './diagnoses';
import type { CdiTopic, Indicator, OpportunityReason } from './types';

/**
 * A documentation gap worth a query: the topic, why, which indicators triggered it (with where they
 * are in the chart), and the facts the query template needs to choose its options.
 *
 * @example
 * { id: 'hyponatremia', topic: 'hyponatremia', reason: 'indicators-without-diagnosis',
 *   criteria: ['serum sodium < 135 mmol/L', 'treated: fluid restriction'], indicators: [...], facts: {} }
 */
export interface Opportunity {
  /** Stable id: the topic, or `clinical-validation:<diagnosis>`. */
  id: string;
  topic: CdiTopic;
  /** Short title for the side panel ("Hyponatremia: sodium 126 treated, no diagnosis"). */
  title: string;
  reason: OpportunityReason;
  /** The criteria that were met, in words (KDIGO, SIRS, ASPEN…), for the reviewer. */
  criteria: string[];
  /** Indicators that triggered the opportunity, in chart order. */
  indicators: Indicator[];
  /** Documented mentions the query is about (imprecise or unsupported diagnosis), if any. */
  mentions: DiagnosisMention[];
  /** Facts for the template (e.g. `ckd`, `efReduced`); only options whose fact holds are offered. */
  facts: Record<string, boolean>;
  /** For clinical-validation: the documented diagnosis being validated (e.g. "sepsis"). */
  subject?: string;
  /** Template id chosen for this opportunity. */
  templateId: string;
  /**
   * Chart words the query cites that are neither indicators nor diagnosis mentions (e.g. the two
   * conflicting laterality statements), with their offsets.
   */
  quotes?: { text: string; start: number; end: number }[];
}
