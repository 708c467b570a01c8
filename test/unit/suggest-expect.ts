/** Assertions shared by the data-driven suggestion suites (golden charts, Index mechanisms). */
import { expect } from 'vitest';
import type { SuggestResult } from '../../engine/suggest';

/** Every expected diagnosis and procedure is listed. */
export function expectListed(
  result: SuggestResult,
  diagnoses: readonly string[],
  procedures: readonly string[] = [],
): void {
  const dx = result.diagnoses.map((s) => s.code);
  const px = result.procedures.map((s) => s.code);
  for (const code of diagnoses) expect(dx, `diagnosis ${code}`).toContain(code);
  for (const code of procedures) expect(px, `procedure ${code}`).toContain(code);
}

/** No listed code starts with one of `prefixes`. */
export function expectAbsent(result: SuggestResult, prefixes: readonly string[] = []): void {
  const all = [...result.diagnoses, ...result.procedures].map((s) => s.code);
  for (const prefix of prefixes)
    expect(
      all.filter((x) => x.startsWith(prefix)),
      `absent ${prefix}`,
    ).toEqual([]);
}
