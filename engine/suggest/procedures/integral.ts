/**
 * Operation words a coder does not code separately when the line names the procedure they serve
 * (ICD-10-PCS Official Guidelines):
 * - B3.1b: components of a procedure specified in the root operation definition, and procedural
 *   steps necessary to reach the operative site or close it (the approach incision: laparotomy,
 *   craniotomy, arthrotomy; closure, anastomosis, irrigation), are not coded separately;
 * - B3.11a: inspection of a body part performed to achieve the objective of a procedure (the
 *   diagnostic scope through which the procedure is done) is not coded separately;
 * - B3.2d: a laparoscopy written with a laparotomy documents a conversion: the scope's Inspection
 *   is coded and the procedure with the open approach;
 * - B3.15: reduction of a fracture with its fixation is one Reposition (the fixation device is its
 *   6th character), not a separate Insertion.
 * Alone on its line (an exploratory laparotomy, a diagnostic cystoscopy), such a word is coded.
 */

/** Words naming the approach or the route to the site (B3.1b). */
export const APPROACH_WORDS =
  /^(laparotomy|laparoscopy|craniotomy|craniectomy|arthrotomy|thoracotomy|sternotomy|incision|exploration|exploratory|dissection|mobilization|exposure)$/;

/** Open incisions that, written with a scope, document a conversion (B3.2d). */
const OPEN_WORDS = /^(laparotomy|thoracotomy|arthrotomy)$/;

/** Steps of every operation: closing and joining what the operation opened (B3.1b). */
export const STEP_WORDS = /^(closure|anastomosis|irrigation|lavage|hemostasis|neurolysis|adhesiolysis|fixation)$/;

/** Scope names (Index: "see Inspection"): the route of the procedure done through it (B3.11a). */
export const SCOPE_WORDS = /scopy$/;

/**
 * The rule and reason when an operation word serves another on the same line (`others`: the
 * line's operation words that are coded; `line`: all of them), else `undefined`.
 */
export function integralTo(
  word: string,
  others: readonly string[],
  line: readonly string[] = others,
): { rule: string; reason: string } | undefined {
  if (others.length === 0) return undefined;
  // B3.2d: a scope procedure converted to open is coded as the scope's Inspection and the open procedure.
  if (/^(laparoscopy|thoracoscopy|arthroscopy)$/.test(word) && line.some((o) => OPEN_WORDS.test(o))) return undefined;
  const what = others.join(', ');
  if (APPROACH_WORDS.test(word))
    return { rule: 'B3.1b', reason: `"${word}" is the approach or exposure of ${what}, not coded separately` };
  if (word === 'fixation' && !others.some((o) => /^(reduction|orif)$/.test(o))) return undefined;
  if (STEP_WORDS.test(word))
    return {
      rule: word === 'fixation' ? 'B3.15' : 'B3.1b',
      reason: `"${word}" is a step of ${what}, not coded separately`,
    };
  if (SCOPE_WORDS.test(word))
    return {
      rule: 'B3.11a',
      reason: `"${word}" is the inspection through which ${what} was done, not coded separately`,
    };
  return undefined;
}
