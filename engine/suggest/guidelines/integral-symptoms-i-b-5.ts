/**
 * Signs and symptoms (I.B.4-I.B.6; IV.D): a symptom code (Chapter 18, R00-R99) is reported when
 * no definitive diagnosis is established (I.B.4); "signs and symptoms that are associated
 * routinely with a disease process should not be assigned as additional codes" (I.B.5), while
 * those "not routinely associated" with it are (I.B.6).
 *
 * Which symptoms a disease routinely shows is read from the classification's own structure, not
 * from a hand list: Chapter 18 groups its symptoms by body system ("Symptoms and signs involving
 * the digestive system and abdomen", R10-R19), as the disease chapters are ("Diseases of the
 * digestive system"). A symptom of the body system of a reported definitive diagnosis is integral
 * to it and goes to "also documented"; a symptom of another system (diarrhea beside a cancer,
 * facial droop beside a cerebral infarction) stays reported. Of the general symptoms (R50-R69),
 * fever (R50) is integral to an infection or inflammation (Chapter 1, or a title naming an
 * infection, an "-itis", an abscess, sepsis or pneumonia); the others (fatigue, edema, weight loss)
 * are not tied to one system and stay reported. A symptom is kept beside a diagnosis of another
 * system only when the provider lists it in the diagnostic statement (as established), and pain
 * or illness without site or kind (R52, R69) never is. When the tables do not say a code's chapter, the
 * symptom is demoted as before (the coder decides, I.B.6). Codes Chapter 18 uses as required
 * additional codes (severe sepsis R65.2-, coma scale R40.2-) are not symptoms of this kind.
 */
import { demote, reported } from './tiers';
import type { GuidelineCandidate, GuidelineRule, GuidelineTables } from './types';
import { DIAGNOSTIC_STATEMENT } from './uncertain-diagnosis-ii-h-iv-h';

const SYMPTOM = /^R(?!65\.|40\.2)/;
/** Symptom codes outside Chapter 18, by their Tabular title ("Pain in left leg", "Swelling of joint", "Effusion, right knee"). */
const SYMPTOM_TITLE = /^(Pain|Swelling|Stiffness|Effusion)(,| in\b| of\b)|^(Other )?[Jj]oint pain|^Pain, unspecified/;
const DEFINITIVE = /^[A-QS-Y]/;
/** Body-system words shared by Chapter 18's block titles and the disease chapters' titles. */
const SYSTEM_WORDS = [
  'circulatory',
  'respiratory',
  'digestive',
  'skin',
  'nervous',
  'musculoskeletal',
  'genitourinary',
  'behavio',
] as const;
/** Fever (R50): integral to infections and inflammations. */
const FEVER = /^R50/;
const INFECTION_TITLE = /infect|itis\b|abscess|sepsis|pneumonia|cellulitis/i;
const INFECTIOUS_CHAPTER = /infectious/i;
const INJURY_CHAPTER = /^Injury/i;
/** Pain and illness without a site or kind (R52, R69): never more than a definitive diagnosis says. */
const NONSPECIFIC = /^R(52|69)/;

function systems(desc: string | undefined): Set<string> {
  const d = (desc ?? '').toLowerCase();
  return new Set(SYSTEM_WORDS.filter((w) => d.includes(w)));
}

type Lookup = ReturnType<GuidelineTables['cm']['get']>;

export const integralSymptomsRule: GuidelineRule = {
  section: 'I.B.5',
  name: 'integral signs and symptoms',
  apply(cands, ctx) {
    const symptom = (c: GuidelineCandidate): boolean => SYMPTOM.test(c.code) || SYMPTOM_TITLE.test(c.suggestion.title);
    const definitive = reported(cands).filter((c) => DEFINITIVE.test(c.code) && !symptom(c));
    if (definitive.length === 0) return;
    const info = new Map<string, Lookup>();
    const get = (code: string): Lookup => {
      if (!info.has(code)) info.set(code, ctx.tables.cm.get(code));
      return info.get(code);
    };
    /**
     * The definitive diagnoses a symptom is held back beside, and why: its body system is theirs
     * (`system`), or it is not listed by the provider (`unlisted`), or the tables do not say its
     * chapter or it names no site or kind (`unknown`).
     */
    const integralTo = (
      s: GuidelineCandidate,
    ): { to: GuidelineCandidate[]; why: 'system' | 'unlisted' | 'unknown' } => {
      const sd = get(s.code);
      const own = SYMPTOM_TITLE.test(s.suggestion.title) && !SYMPTOM.test(s.code);
      if (!sd?.chapter || NONSPECIFIC.test(s.code)) return { to: definitive, why: 'unknown' };
      // Kept beside another system's diagnosis only as the provider lists it: in the diagnostic
      // statement, as established (a word of the history or course is a clue, not a listed symptom).
      if (!s.mentions.some((m) => m.assertion.codedAsEstablished && DIAGNOSTIC_STATEMENT.has(m.section.kind)))
        return { to: definitive, why: 'unlisted' };
      const sys = own ? new Set(['musculoskeletal']) : systems(sd.section?.desc);
      const to = definitive.filter((d) => {
        const dd = get(d.code);
        if (!dd?.chapter) return true;
        if (FEVER.test(s.code))
          return INFECTIOUS_CHAPTER.test(dd.chapter.desc) || INFECTION_TITLE.test(d.suggestion.title);
        // Injuries show pain, swelling and the musculoskeletal and skin signs of the injured part.
        if (INJURY_CHAPTER.test(dd.chapter.desc))
          return own || sys.has('musculoskeletal') || sys.has('skin') || /^R52/.test(s.code);
        const dsys = systems(`${dd.chapter.desc} ${dd.section?.desc ?? ''}`);
        return [...sys].some((w) => dsys.has(w));
      });
      return { to, why: 'system' };
    };
    // Why it is held back, in words the coder checks: the shared body system, or that the
    // provider did not list the symptom (the rule then cannot tell it apart from the diagnoses').
    const WHY = {
      system: 'a sign or symptom of the same body system as the definitive diagnoses',
      unlisted: 'a sign or symptom the diagnostic statement does not list, beside the definitive diagnoses',
      unknown: 'a sign or symptom without a known body system, site or kind, beside the definitive diagnoses',
    } as const;
    for (const c of reported(cands)) {
      if (!symptom(c)) continue;
      const { to, why } = integralTo(c);
      if (to.length === 0) continue;
      demote(
        c,
        integralSymptomsRule,
        `${WHY[why]} ${to
          .slice(0, 3)
          .map((d) => d.code)
          .join(', ')}: presumed routinely associated with them, reported only if not integral (I.B.6)`,
      );
    }
  },
};
