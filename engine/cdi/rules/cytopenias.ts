import type { Indicator } from '../types';
import type { RuleContext } from './context';
import { extreme, num, valued } from './helpers';

/**
 * The low blood counts of a chart, shared by the thrombocytopenia and neutropenia rules (one query
 * per patient's cytopenias: when the white count is low too, the neutropenia query offers
 * pancytopenia and the thrombocytopenia query stays silent). Thresholds are common adult laboratory
 * limits (WBC < 4 ×10^3/µL, ANC < 1.5 ×10^3/µL, hemoglobin < 12 g/dL, hematocrit < 36 %,
 * platelets < 150 ×10^3/µL).
 */
export interface LowCounts {
  /** Lowest WBC below 4. */
  wbc?: Indicator;
  /** Lowest absolute neutrophil count below 1.5. */
  anc?: Indicator;
  /** Lowest hemoglobin below 12, or hematocrit below 36 when no hemoglobin is low. */
  red?: Indicator;
  /** Lowest platelet count below 150. */
  platelets?: Indicator;
}

/** See {@link LowCounts}. */
export function lowCounts(ctx: RuleContext): LowCounts {
  const low = (name: Indicator['name'], limit: number): Indicator | undefined =>
    extreme(
      valued(ctx.indicators, name).filter((i) => num(i) < limit),
      'min',
    );
  const out: LowCounts = {};
  const wbc = low('wbc', 4);
  const anc = low('anc', 1.5);
  const red = low('hemoglobin', 12) ?? low('hematocrit', 36);
  const platelets = low('platelets', 150);
  if (wbc) out.wbc = wbc;
  if (anc) out.anc = anc;
  if (red) out.red = red;
  if (platelets) out.platelets = platelets;
  return out;
}

/** True when every cell line is low (WBC or ANC, hemoglobin or hematocrit, platelets). */
export const allLinesLow = (c: LowCounts): boolean => !!(c.wbc ?? c.anc) && !!c.red && !!c.platelets;
