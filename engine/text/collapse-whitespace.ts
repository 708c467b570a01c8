/**
 * Collapses every run of white space (spaces, tabs, line breaks, no-break spaces: JavaScript's
 * `\s`) to one space and trims both ends: the one form in which text read from release files and
 * chart pages is compared and shown.
 *
 * @example collapseWhitespace('  Acute\n\t kidney  failure ') // 'Acute kidney failure'
 */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
