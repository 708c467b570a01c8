/**
 * Per-call memo of the ICD-10-CM lookups the sequencing rules repeat (each pair of candidates
 * reads both codes' notes). `CmTable.get` assembles a code's inherited notes on every call; within
 * one selection the same few dozen codes are read hundreds of times.
 */
import type { SequenceTables } from './types';

type Detail = ReturnType<SequenceTables['cm']['get']>;

/** The same tables, with `cm.get` answered once per code for the lifetime of the returned object. */
export function memoTables(tables: SequenceTables): SequenceTables {
  const seen = new Map<string, Detail>();
  const memo: SequenceTables = {
    cm: {
      get(code: string): Detail {
        if (seen.has(code)) return seen.get(code);
        const d = tables.cm.get(code, { indexEntries: false });
        seen.set(code, d);
        return d;
      },
    },
  };
  if (tables.unacceptablePrincipal) memo.unacceptablePrincipal = tables.unacceptablePrincipal;
  return memo;
}
