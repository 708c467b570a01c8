/**
 * A heading written inside a section's text ("ALLERGIES: None. MEDICATIONS AT HOME: aspirin",
 * "FAMILY HISTORY: ... VACCINATION STATUS: unknown") that the section model did not split on:
 * what follows it is no longer the section's.
 */
import { sectionKindOf, type SectionKind } from '../../text';

/** A label before a colon, at a line start or after a sentence. */
const LABEL = /(?:^|[.;]\s+|\n)[ \t]*([A-Za-z][A-Za-z /&-]{1,40}):/g;
/** Two or more upper-case words: a heading by its typography, even one the section model does not know. */
const CAPITALISED = /^[A-Z][A-Z&/-]*(?: +[A-Z&/-]+)+$/;

/**
 * Offset (into `text`) of the first heading of another section between `from` and `to`, or `to`
 * when there is none. `keep(label)` exempts a label that belongs to the section itself (a relative
 * named as a label in a family history, a drug named as a label in an allergy list).
 *
 * @example otherHeadingAt('None. MEDICATIONS AT HOME: aspirin', 0, 34, 'allergies') // 6
 */
export function otherHeadingAt(
  text: string,
  from: number,
  to: number,
  own: SectionKind,
  keep: (label: string) => boolean = () => false,
): number {
  const body = text.slice(from, to);
  LABEL.lastIndex = 0;
  for (let m = LABEL.exec(body); m; m = LABEL.exec(body)) {
    const label = m[1]!.trim();
    const kind = sectionKindOf(label);
    if (kind === own || keep(label)) continue;
    if (kind || CAPITALISED.test(label)) return from + m.index + m[0].length - m[1]!.length - 1;
  }
  return to;
}
