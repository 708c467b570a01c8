/**
 * A status code beside the complication code that already says it (Guideline I.C.21.c.3: "A
 * status code should not be used with a diagnosis code from one of the body system chapters, if
 * the diagnosis code includes the information provided by the status code. For example, code
 * Z94.1, Heart transplant status, should not be used with a code from subcategory T86.2,
 * Complications of heart transplant."). A reported status code (Z89-Z99) whose title words (the
 * status word left aside) are all in the title of a reported complication of care (T80-T88) is
 * suppressed naming it.
 */
import { phraseKeys } from '../tokens';
import { reported, suppress, undotted } from './tiers';
import type { GuidelineRule } from './types';

const STATUS_CODE = /^Z(89|9[0-9])/;
const COMPLICATION = /^T8[0-8]/;
const STATUS_WORDS = new Set(phraseKeys('status presence of dependence on acquired absence'));

export const statusInComplicationRule: GuidelineRule = {
  section: 'I.C.21.c.3',
  name: 'status said by a complication code',
  apply(cands, ctx) {
    const live = reported(cands);
    const complications = live.filter((c) => COMPLICATION.test(undotted(c.code)));
    if (complications.length === 0) return;
    for (const z of live) {
      if (!STATUS_CODE.test(undotted(z.code))) continue;
      const words = phraseKeys(ctx.tables.cm.get(z.code)?.long ?? '').filter((k) => !STATUS_WORDS.has(k));
      if (words.length === 0) continue;
      const said = complications.find((t) => {
        const title = new Set(phraseKeys(ctx.tables.cm.get(t.code)?.long ?? t.suggestion.title));
        return words.every((w) => title.has(w));
      });
      if (said) suppress(z, statusInComplicationRule, `${said.code} (${said.suggestion.title}) already says it`);
    }
  },
};
