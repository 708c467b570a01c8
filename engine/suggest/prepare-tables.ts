/**
 * What a first suggestion reads from the tables, made ready ahead of the first chart. Each piece is
 * built or decoded once per table object on its first use and cached with the table: the guideline
 * rules' "with" lines (I.A.15), status lines (I.C.21.c.3) and history links (I.C.21.c.4), which
 * are normally handed over from the suggest-lexicon bundle (engine/suggest/guideline-tables.ts)
 * and then cost nothing here, but are built from the Index when the bundle did not fit; the
 * ICD-10-CM table's blocks a candidate's detail reads (titles, notes, both Index trees), decoded
 * on first use; and the procedure coder's operation lexicon (with the PCS Alphabetic Index it
 * reads). Doing it here, from the same table objects, only moves that cost to a moment the user
 * does not wait on (the worker's warm-up at panel ready); what they contain, and so every
 * suggestion, is unchanged.
 */
import type { CmTable } from '../icd10cm';
import type { PcsTable } from '../icd10pcs/pcs-table';
import { historyLinksOf } from './guidelines/history-codes';
import { statusLinesOf } from './guidelines/status-lines';
import { withLinesOf } from './guidelines/with-combination-index';
import { operationLexicon } from './procedures/operation-terms';

/**
 * The builds of the cached tables of `cm` (and of `pcs`, when given) that the first suggestion
 * would otherwise run, one step per table, so that a caller can let other work in between (a
 * search the user types while the worker warms up). Pass the very table objects the `Suggester`
 * holds (`suggester.cm`): the caches are per object. A PCS release the operation lexicon cannot be
 * read from (no Index block) is left to the first suggestion, which meets and reports the same
 * error as it did before.
 *
 * @example for (const step of suggestTableSteps(suggester.cm, pcsTable)) step();
 */
export function suggestTableSteps(cm: CmTable, pcs?: PcsTable): (() => void)[] {
  const steps = [
    (): unknown => withLinesOf(cm),
    (): unknown => statusLinesOf(cm),
    (): unknown => historyLinksOf(cm),
    // The detail of any code decodes the blocks every candidate's detail reads (titles, notes and
    // the Index trees, whose lines `get` returns).
    (): unknown => {
      const first = cm.all().next();
      return first.done ? undefined : cm.get(first.value.code);
    },
  ];
  if (pcs)
    steps.push(() => {
      try {
        return operationLexicon(pcs);
      } catch {
        // Not reported here: the suggestion's own call throws the same error to its caller.
        return undefined;
      }
    });
  return steps.map((step) => () => void step());
}
