/**
 * Reportable procedures (UHDDS "significant procedure": surgical in nature, carrying a procedural
 * or anaesthetic risk, or needing specialised training). Imaging, nuclear medicine, measurement
 * and monitoring, and routine administration (local anaesthetic, antibiotics, fluids) are not
 * reported for an inpatient stay; transfusion, chemotherapy and thrombolytics (Administration
 * with an Antineoplastic or Thrombolytic substance) and extracorporeal assistance are.
 */

/** Sections and tables reported (ICD-10-PCS section / table characters). */
const REPORTABLE = /^(0|1|5A|6A|302|3E0..[01]|X)/;

/** `undefined` when reportable, else the rule and why. */
export function notReportable(code: string): { rule: string; reason: string } | undefined {
  if (REPORTABLE.test(code) || (code.startsWith('3E0') && code.length < 6)) return undefined;
  return {
    rule: 'UHDDS',
    reason: `${code}: a test, measurement or routine administration, not a significant procedure`,
  };
}
