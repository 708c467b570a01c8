/** Types of present-on-admission (POA) pre-fill. */
import type { PoaIndicator } from '../types';

/** How a POA indicator was reached. */
export type PoaBasis =
  /** The chart says when: an admission-time section or phrase, or onset during the stay. */
  | 'documented'
  /** Read from the kind of condition or note (chronic condition, admission note): the coder confirms. */
  | 'inferred'
  /** On the POA-exempt list of the release. */
  | 'exempt'
  /** The chart leaves it open: a query is suggested. */
  | 'query';

/** The POA indicator proposed for one code, and why. */
export interface PoaAssignment {
  /** Dotted ICD-10-CM code. */
  code: string;
  /** Y, N, U, W, or 1 (exempt: reported blank on paper, 1 on the 837I). */
  poa: PoaIndicator;
  basis: PoaBasis;
  /** Why, with the POA guideline it follows (ICD-10-CM Official Guidelines, Appendix I). */
  reason: string;
  /** The chart words the indicator rests on (empty for exemption). */
  quote: string;
  span?: { start: number; end: number };
  /** A suggested provider query (only with `basis: 'query'`). */
  query?: string;
}
