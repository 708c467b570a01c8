/**
 * Code normalisation shared by every code system: what a user types ("e11.22", "E1122 ",
 * "s72.001a") becomes the canonical undotted upper-case form the tables are keyed by.
 */

/**
 * Canonical form of a typed code: upper case, without dots, spaces, tabs or a trailing dash.
 * Idempotent: `normalizeCode(normalizeCode(x)) === normalizeCode(x)`.
 *
 * @example normalizeCode(' e11.22 ') // 'E1122'
 */
export function normalizeCode(input: string): string {
  // Codes from the grouper's and the editor's hot paths are usually clean already (0-9 / A-Z
  // only): return them without building a new string.
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c < 48 || (c > 57 && c < 65) || c > 90) return input.toUpperCase().replace(/[\s.]/g, '').replace(/-+$/, '');
  }
  return input;
}

/**
 * ICD-10-CM display form: a dot after the third character when the code is longer than three.
 * Accepts dotted or undotted input.
 *
 * @example formatCmCode('E1122') // 'E11.22'
 * @example formatCmCode('I50') // 'I50'
 */
export function formatCmCode(code: string): string {
  const c = normalizeCode(code);
  return c.length > 3 ? `${c.slice(0, 3)}.${c.slice(3)}` : c;
}

/**
 * `true` when `code` (normalised) has the shape of an ICD-10-CM code: a letter, then 2 to 6
 * alphanumerics (FY2026 added categories such as `QA0`). Shape only, not existence.
 *
 * @example isCmCodeShape('S72001A') // true
 */
export function isCmCodeShape(code: string): boolean {
  return /^[A-Z][0-9A-Z][0-9A-Z][0-9A-Z]{0,4}$/.test(code);
}
