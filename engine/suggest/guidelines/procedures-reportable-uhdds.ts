/**
 * Procedures reported for an encounter (UHDDS "significant procedure": surgical in nature,
 * carrying a procedural or anaesthetic risk, or needing specialised training; ICD-10-PCS
 * Official Guidelines, B3-B6 for what one procedure is):
 * - only what was done in this encounter: a mention that is negated, planned, or past (surgical
 *   history) is not;
 * - only where the chart records what was done (the procedure title, the operative narrative,
 *   the hospital course), not a word of a plan, a history or a list;
 * - routine tests and care (imaging, measurement and monitoring such as ECG and vital signs,
 *   physical rehabilitation, placement of dressings, osteopathic and other procedures) are not
 *   reported for inpatients; medical-surgical, obstetric, transfusion, extracorporeal assistance
 *   (ventilation, dialysis) are;
 * - an incomplete code (fewer than seven characters: the note lacks an axis) is never shown as a
 *   code: its Table row goes to "also documented" with the axes to choose.
 */
import type { SectionKind } from '../../text';
import { demote, suppress } from './tiers';
import type { GuidelineCandidate, GuidelineRule } from './types';

/**
 * PCS sections (first character) and administration tables reportable as significant procedures:
 * transfusion, and the introduction of an antineoplastic or thrombolytic substance (3E0, 6th
 * character 0 or 1: chemotherapy and thrombolysis carry the risk UHDDS names).
 */
const REPORTABLE = /^(0|1|30|5A|3E0..[01])/;

const DONE_SECTIONS: ReadonlySet<SectionKind> = new Set([
  'procedures',
  'procedure-description',
  'hospital-course',
  'ed-course',
  'operative-findings',
  // The history of present illness of a note written during the stay, from the sentence that
  // places it in this encounter: the procedure coder reads only those sentences of it
  // (procedures/statements.ts), and only the coder's codes reach the display threshold.
  'hpi',
]);

/**
 * Words that name what was done: the ICD-10-PCS root operations (Medical and Surgical section,
 * ICD-10-PCS Reference Manual), the usual operative suffixes, and PCS Index main terms that send
 * to a root operation ("Fundoplication" and "Plication" see Restriction, "Ablation" and
 * "Fulguration" see Destruction, "Embolization" see Occlusion, "Anastomosis" see Bypass). A
 * procedure code read from a bare body-part word ("brain") names no operation.
 */
const OPERATION_WORD =
  /(ectomy|otomy|ostomy|plasty|scopy|pexy|rrhaphy|desis|lysis|centesis|graphy|tripsy|plication)\b|\b(alteration|bypass|change|control|creation|destruction|detachment|dilation|division|drainage|excision|extirpation|extraction|fragmentation|fusion|insertion|inspection|map|occlusion|reattachment|release|removal|repair|replacement|reposition|resection|restriction|revision|supplement|transfer|transplant\w*|biopsy|reconstruction|repair|fixation|reduction|ligation|amputation|closure|debridement|transfus\w*|ventilat\w*|dialysis|intubat\w*|orif|chemotherapy|thromboly\w*|tpa|alteplase|ivig|transposition|evacuation|prbcs?|ffp|implant\w*|graft\w*|removed|excised|resected|amputated|pinned|extracted|catheteri[sz]ation|placement|evacuation|decompression|exploration|stent\w*|shunt|ablation|fulguration|cauterization|embolization|anastomosis)\b/i;

/** The axes a 4-character Table row leaves to the coder (ICD-10-PCS Medical and Surgical section axes). */
export const OPEN_AXES = ['body part', 'approach', 'device', 'qualifier'] as const;

function openAxes(c: GuidelineCandidate): string {
  return OPEN_AXES.slice(Math.max(0, c.code.length - 3)).join(', ');
}

export const proceduresRule: GuidelineRule = {
  section: 'UHDDS',
  name: 'reportable procedures',
  apply(cands) {
    for (const c of cands) {
      if (c.system !== 'pcs' || c.tier === 'suppressed') continue;
      const done = c.mentions.filter(
        (m) => m.assertion.assertion === 'affirmed' || m.assertion.assertion === 'uncertain',
      );
      if (c.mentions.length > 0 && done.length === 0) {
        const m = c.mentions[0]!;
        suppress(c, proceduresRule, `not done in this encounter (${m.assertion.assertion}: "${m.evidence.text}")`);
        continue;
      }
      if (c.code.length < 7) {
        demote(
          c,
          { section: 'PCS' },
          `incomplete: Table ${c.code} row, choose the ${openAxes(c)} from the operative note`,
        );
        continue;
      }
      if (!done.some((m) => OPERATION_WORD.test(m.evidence.text))) {
        demote(
          c,
          proceduresRule,
          `"${done[0]?.evidence.text ?? ''}" names no operation: the coder reads what was done`,
        );
        continue;
      }
      if (!REPORTABLE.test(c.code)) {
        demote(
          c,
          proceduresRule,
          'a routine test or care step (imaging, monitoring, measurement, rehabilitation, placement): not a significant procedure',
        );
        continue;
      }
      if (!done.some((m) => DONE_SECTIONS.has(m.section.kind))) {
        const m = done[0];
        demote(
          c,
          proceduresRule,
          `not where the chart records what was done ("${m?.evidence.text ?? ''}" under ${m?.section.title || 'the opening lines'})`,
        );
      }
    }
  },
};
