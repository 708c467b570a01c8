/**
 * The full diagnosis sequence of an abstract: the principal first, then the other diagnoses in
 * their given order, except that a diagnosis the Tabular List puts before another ("Code first",
 * "Use additional code", Official Guidelines I.A.13) is moved just before it.
 */
import { memoTables } from './memo-tables';
import { precedenceNote } from './tabular-order';
import type { SequenceTables } from './types';

/**
 * Orders dotted codes: `principal` first, the rest stable but with every Tabular "first" before its
 * "then".
 *
 * @example sequenceDiagnoses('A41.51', ['N18.32', 'I50.23', 'E11.22', 'I13.0'], { cm }) // ['A41.51', 'E11.22', 'I13.0', 'I50.23', 'N18.32'] (notes permitting)
 */
export function sequenceDiagnoses(principal: string, others: readonly string[], given: SequenceTables): string[] {
  const tables = memoTables(given);
  const rest = others.filter((c, i) => c !== principal && others.indexOf(c) === i);
  // Insertion: each code goes just before the first already placed code it must precede.
  const placed: string[] = [];
  for (const code of rest) {
    const at = placed.findIndex((p) => precedenceNote(code, p, tables) !== undefined);
    if (at >= 0) placed.splice(at, 0, code);
    else placed.push(code);
  }
  // A code placed earlier that must follow a later one (chains): bubble until stable.
  for (let pass = 0; pass < placed.length; pass++) {
    let moved = false;
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++)
        if (precedenceNote(placed[j]!, placed[i]!, tables) && !precedenceNote(placed[i]!, placed[j]!, tables)) {
          const [m] = placed.splice(j, 1);
          placed.splice(i, 0, m!);
          moved = true;
        }
    if (!moved) break;
  }
  return [principal, ...placed];
}
