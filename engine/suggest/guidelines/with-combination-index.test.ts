// The Index "with" lines read as combinations, on a small Index written in the shape of the
// FY2026 Alphabetic Index (the real lines these mirror are named in each test).
import { describe, expect, it } from 'vitest';
import { withLinesOf, type IndexSource } from './with-combination-index';

type Line = { path: string; code?: string; see?: string; nemod?: string; title?: string };

/** An Index from its lines in document order; a line's title is its last level unless given. */
function index(lines: Line[]): IndexSource {
  const entries = lines.map((l) => ({
    path: l.path,
    code: l.code ?? '',
    see: l.see ?? '',
    nemod: l.nemod ?? '',
    title: l.title ?? l.path.slice(l.path.lastIndexOf(', ') + 2),
  }));
  return { indexEntries: () => entries };
}

const CALCULUS = 'Calculus, calculi, calculous';
const calculus = (rest: string, code?: string, see?: string): Line => ({
  path: rest ? `${CALCULUS}, ${rest}` : CALCULUS,
  ...(code ? { code } : {}),
  ...(see ? { see } : {}),
  ...(rest ? {} : { title: CALCULUS }),
});

const gallstones = index([
  calculus(''),
  calculus('bile duct', 'K80.50'),
  calculus('gallbladder', 'K80.20'),
  calculus('gallbladder, with'),
  calculus('gallbladder, with, bile duct calculus', undefined, 'Calculus, gallbladder and bile duct'),
  calculus('gallbladder, with, cholecystitis', 'K80.10'),
  calculus('gallbladder and bile duct', 'K80.70'),
  calculus('gallbladder and bile duct, with'),
  calculus('gallbladder and bile duct, with, cholecystitis', 'K80.60'),
  { path: 'Cholecystitis', code: 'K81.9' },
  { path: 'Cholecystitis, acute', code: 'K81.0' },
]);

describe('withLinesOf', () => {
  it('reads a main term printed with its word forms as one level ("Calculus, calculi, calculous, bile duct")', () => {
    const line = withLinesOf(gallstones).find((l) => l.code === 'K80.10');
    expect(line?.baseCode).toBe('K80.20');
    expect([...line!.subtermCodes]).toEqual(['K81.9', 'K81.0']);
  });

  it('gives a "with" line that prints a see reference the code of the line it sends to', () => {
    // "Calculus, gallbladder, with, bile duct calculus -- see Calculus, gallbladder and bile duct"
    const line = withLinesOf(gallstones).find((l) => l.path.endsWith('bile duct calculus'));
    expect(line?.code).toBe('K80.70');
    expect(line?.baseCode).toBe('K80.20');
    expect([...line!.subtermCodes]).toEqual(['K80.50']);
  });

  it('makes a combination the base of a further line (K80.70, then with cholecystitis K80.60)', () => {
    const line = withLinesOf(gallstones).find((l) => l.code === 'K80.60');
    expect(line?.baseCode).toBe('K80.70');
  });

  it('links a "specified type NEC" subterm only to its entry\'s "specified NEC" line', () => {
    const cm = index([
      { path: 'Angina', code: 'I20.9', nemod: '(pectoris)' },
      { path: 'Angina, specified NEC', code: 'I20.8' },
      { path: 'Angina, unstable', code: 'I20.0' },
      { path: 'Arteriosclerosis, coronary', code: 'I25.10' },
      { path: 'Arteriosclerosis, coronary, with' },
      { path: 'Arteriosclerosis, coronary, with, angina pectoris', code: 'I25.119' },
      { path: 'Arteriosclerosis, coronary, with, angina pectoris, specified type NEC', code: 'I25.118' },
    ]);
    const lines = withLinesOf(cm);
    expect([...lines.find((l) => l.code === 'I25.118')!.subtermCodes]).toEqual(['I20.8']);
    expect([...lines.find((l) => l.code === 'I25.119')!.subtermCodes].sort()).toEqual(['I20.0', 'I20.8', 'I20.9']);
  });

  it('drops a see line whose reference leads to no coded line', () => {
    const cm = index([
      { path: 'Cholecystitis', code: 'K81.9' },
      calculus('gallbladder', 'K80.20'),
      calculus('gallbladder, with'),
      calculus('gallbladder, with, cholecystitis', undefined, 'Condition, by site'),
    ]);
    expect(withLinesOf(cm)).toEqual([]);
  });
});
