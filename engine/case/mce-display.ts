/**
 * The MCE result as the case shows it, beside the Tabular List and POA edits: every finding once,
 * every ICD-10-CM code with its dot. The Medicare Code Editor speaks in undotted claim codes and
 * repeats the POA checks the Tabular/POA edits already make (`poaEdits`: missing indicator,
 * indicator on an exempt code); the case keeps one copy, the Tabular/POA edit, which also applies
 * before the case can be grouped.
 */
import { formatCmCode } from '../codes/normalize';
import type { MceResult, PoaFinding } from '../mce/types';
import type { TabularEdit } from './tabular-edits';

const SAME_CHECK: Record<PoaFinding['kind'], TabularEdit['id'] | undefined> = {
  missing: 'poa-missing',
  'reported-on-exempt-code': 'poa-exempt-reported',
  'invalid-value': undefined,
};

/** Replaces each whole-word occurrence of an undotted diagnosis code in a message by its dotted form. */
function dotted(message: string, code: string): string {
  if (code.length <= 3) return message;
  return message.replace(new RegExp(`\\b${code}\\b`, 'g'), formatCmCode(code));
}

/**
 * The MCE result without the POA findings a Tabular/POA edit already reports for the same code,
 * and with diagnosis codes dotted in every message (procedure codes, which have no dot, unchanged).
 *
 * @example mceForDisplay(mce, tabular).poa // [] when tabular has poa-missing for each code
 */
export function mceForDisplay(mce: MceResult, tabular: readonly TabularEdit[]): MceResult {
  const reported = new Set(tabular.map((e) => `${e.id}:${e.code}`));
  return {
    ...mce,
    edits: mce.edits.map((e) =>
      e.target.kind === 'pdx' || e.target.kind === 'sdx' ? { ...e, message: dotted(e.message, e.target.code) } : e,
    ),
    poa: mce.poa
      .filter((p) => {
        const same = SAME_CHECK[p.kind];
        return !same || !reported.has(`${same}:${p.code}`);
      })
      .map((p) => ({ ...p, message: dotted(p.message, p.code) })),
  };
}
