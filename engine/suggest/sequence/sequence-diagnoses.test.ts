import { beforeAll, describe, expect, it } from 'vitest';
import { loadInstalledTables } from '../../../codesets/node';
import type { CmTable } from '../../icd10cm';
import { identifiesCoexistingCondition } from './tabular-order';
import { precedenceNote, printedNote, sequenceDiagnoses } from '.';

let cm: CmTable;
beforeAll(async () => {
  cm = (await loadInstalledTables()).icd10cm.get(2026)!;
});

describe('Tabular order (I.A.13, I.C.9.a) read from the FY2026 notes', () => {
  it('finds "Code first" at the dependent code and "Use additional code" at the etiology', () => {
    expect(precedenceNote('I13.0', 'I50.23', { cm })).toMatchObject({ kind: 'codeFirst', from: 'I50' });
    expect(precedenceNote('E11.22', 'N18.32', { cm })?.kind).toBe('codeFirst');
    expect(precedenceNote('N39.0', 'B96.20', { cm })).toMatchObject({ kind: 'useAdditionalCode', from: 'N39.0' });
    expect(precedenceNote('I50.23', 'I13.0', { cm })).toBeUndefined();
    expect(precedenceNote('A41.51', 'N17.9', { cm })).toBeUndefined();
  });

  it('keeps the principal first and moves each etiology before what it explains, otherwise stable', () => {
    const order = sequenceDiagnoses('A41.51', ['N18.32', 'I50.23', 'E03.9', 'E11.22', 'I13.0', 'A41.51'], { cm });
    expect(order[0]).toBe('A41.51');
    expect(order).toHaveLength(6);
    const at = (c: string) => order.indexOf(c);
    expect(at('I13.0')).toBeLessThan(at('I50.23'));
    expect(at('I13.0')).toBeLessThan(at('N18.32'));
    expect(at('E11.22')).toBeLessThan(at('N18.32'));
    expect(at('I50.23')).toBeLessThan(at('E03.9'));
  });

  it('leaves a list without instructions in its order', () => {
    expect(sequenceDiagnoses('J18.9', ['E03.9', 'N17.9', 'E87.1'], { cm })).toEqual([
      'J18.9',
      'E03.9',
      'N17.9',
      'E87.1',
    ]);
  });
});

describe('"Use additional code" notes naming a coexisting condition (I.B.7)', () => {
  it('reads the lead-in of a listed note and tells a coexisting condition from a detail of this one', () => {
    const stroke = precedenceNote('I63.9', 'I10', { cm });
    expect(stroke).toMatchObject({ kind: 'useAdditionalCode', from: 'I60-I69' });
    expect(stroke?.lead).toMatch(/presence of:$/);
    expect(identifiesCoexistingCondition(stroke!)).toBe(true);
    expect(printedNote(stroke!)).toMatch(/^Use additional code to identify presence of: hypertension/);
    const coronary = precedenceNote('I25.10', 'I11.0', { cm });
    expect(coronary && identifiesCoexistingCondition(coronary)).toBe(true);
    // The tobacco code at J44 and the organism at N39.0 complete the description: they still order.
    expect(identifiesCoexistingCondition(precedenceNote('J44.1', 'F17.210', { cm })!)).toBe(false);
    expect(identifiesCoexistingCondition(precedenceNote('N39.0', 'B96.20', { cm })!)).toBe(false);
  });
});
