/**
 * Procedure proposals as suggestions of the suggester's result: the statement is the evidence,
 * the axis reasons are the path and notes (what a coder checks: which words chose which value).
 */
import type { PcsTable } from '../../icd10pcs/pcs-table';
import type { SectionKind } from '../../text';
import type { Suggestion } from '../types';
import type { ProcedureCoding } from './types';

/** Score of a complete code (every axis read from the chart) and of a table row (axes to choose). */
const COMPLETE_SCORE = 0.9;
const PARTIAL_SCORE = 0.5;

/**
 * Suggestions for the proposals of a {@link ProcedureCoding}, in chart order.
 *
 * @example procedureSuggestions(codeProcedures(text, chart, pcs), pcs)[0]?.id // 'pcs:0FT44ZZ'
 */
export function procedureSuggestions(coding: ProcedureCoding, pcs: PcsTable): Suggestion[] {
  return coding.proposals.map((p) => {
    const title = p.partial ? (pcs.get(p.code.padEnd(7, '0'))?.tableTitle ?? '') : (pcs.get(p.code)?.long ?? '');
    const score = p.partial ? PARTIAL_SCORE : COMPLETE_SCORE;
    const s = p.statement;
    return {
      id: `pcs:${p.code}`,
      system: 'pcs',
      code: p.code,
      title,
      score,
      evidence: [
        {
          start: s.start,
          end: s.end,
          text: s.text,
          section: s.section as SectionKind,
          context: { negated: false, uncertain: false, historical: false, family: false, hypothetical: false },
          score,
        },
      ],
      path: p.axes.map((a) => `${a.axis} ${a.value} ${a.label}`).join(' > '),
      flags: p.partial ? ['partial-code', 'needs-specificity'] : [],
      notes: [
        ...p.axes.map((a) => `${a.axis} ${a.value} (${a.label}): ${a.reason}`),
        ...(p.partial ? [`table row: choose the ${p.openAxes ?? 'remaining axes'} from the operative note`] : []),
      ],
    };
  });
}
