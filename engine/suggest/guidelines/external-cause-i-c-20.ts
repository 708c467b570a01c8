/**
 * External causes (I.C.20): an external cause code (V00-Y99) accompanies an injury or other
 * health condition due to an external cause; never alone. X58 ("exposure to other specified
 * factors") says nothing a coder can check and is left to the coder.
 */
import { demote, reported } from './tiers';
import type { GuidelineRule } from './types';

const EXTERNAL = /^[V-Y]/;
const INJURY = /^[ST]/;

export const externalCauseRule: GuidelineRule = {
  section: 'I.C.20',
  name: 'external cause',
  apply(cands) {
    const injury = reported(cands).some((c) => INJURY.test(c.code));
    for (const c of reported(cands)) {
      if (!EXTERNAL.test(c.code)) continue;
      if (!injury)
        demote(c, externalCauseRule, 'an external cause is reported only with the injury or condition it caused');
      else if (c.code.startsWith('X58'))
        demote(c, externalCauseRule, 'no documented mechanism: the coder chooses the external cause');
    }
  },
};
