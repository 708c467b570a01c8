/**
 * Signs and symptoms (I.B.4-I.B.6; IV.D): a symptom code (Chapter 18, R00-R99) is reported when
 * no definitive diagnosis is established (I.B.4); symptoms routinely associated with a
 * definitive diagnosis are not (I.B.5). Which symptoms are integral is a clinical judgement the
 * tables do not record, so with a definitive diagnosis reported the symptom codes go to "also
 * documented" for the coder to add when not integral (I.B.6). Codes Chapter 18 uses as required
 * additional codes (severe sepsis R65.2-, coma scale R40.2-) are not symptoms of this kind.
 */
import { demote, reported } from './tiers';
import type { GuidelineRule } from './types';

const SYMPTOM = /^R(?!65\.|40\.2)/;
/** Symptom codes outside Chapter 18, by their Tabular title ("Pain in left leg", "Swelling of joint"). */
const SYMPTOM_TITLE = /^(Pain|Swelling|Stiffness|Effusion) (in|of)\b|^(Other )?[Jj]oint pain|^Pain, unspecified/;
const DEFINITIVE = /^[A-QS-Y]/;

export const integralSymptomsRule: GuidelineRule = {
  section: 'I.B.5',
  name: 'integral signs and symptoms',
  apply(cands) {
    const symptom = (c: (typeof cands)[number]): boolean =>
      SYMPTOM.test(c.code) || SYMPTOM_TITLE.test(c.suggestion.title);
    const definitive = reported(cands).filter((c) => DEFINITIVE.test(c.code) && !symptom(c));
    if (definitive.length === 0) return;
    for (const c of reported(cands)) {
      if (!symptom(c)) continue;
      demote(
        c,
        integralSymptomsRule,
        `a sign or symptom beside the definitive diagnoses ${definitive
          .slice(0, 3)
          .map((d) => d.code)
          .join(', ')}: report it only if not integral to them (I.B.6)`,
      );
    }
  },
};
