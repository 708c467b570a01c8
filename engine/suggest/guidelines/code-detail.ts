/**
 * A code's Tabular detail for the rules of one guideline-stage call, read from the table once:
 * `CmTable.get` assembles the code's inherited notes and Index lines on every call, and several
 * rules read the same few dozen reported codes, some of them once per pair of mentions.
 */
import type { GuidelineContext, GuidelineTables } from './types';

/** What `tables.cm.get` answers. */
export type CodeDetail = ReturnType<GuidelineTables['cm']['get']>;

/** Per call (the context object), code -> its detail. */
const details = new WeakMap<GuidelineContext, Map<string, CodeDetail>>();

/**
 * `ctx.tables.cm.get(code)`, remembered for the lifetime of `ctx` (one guideline-stage call). The
 * detail is shared by the rules that ask: read it, do not change it.
 *
 * @example codeDetail(ctx, 'E11.22')?.notes.filter((n) => n.kind === 'useAdditionalCode')
 */
export function codeDetail(ctx: GuidelineContext, code: string): CodeDetail {
  let byCode = details.get(ctx);
  if (!byCode) details.set(ctx, (byCode = new Map<string, CodeDetail>()));
  if (byCode.has(code)) return byCode.get(code);
  const detail = ctx.tables.cm.get(code);
  byCode.set(code, detail);
  return detail;
}
