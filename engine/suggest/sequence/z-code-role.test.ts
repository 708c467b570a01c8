// The role of a Chapter 21 code in a sequence, read from the FY2026 Tabular titles and I.C.21.c.15's list.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadInstalledTables } from '../../../codesets/node';
import type { CmTable } from '../../icd10cm';
import { isPrincipalOnly, PRINCIPAL_ONLY, zCodeRole } from './z-code-role';

let cm: CmTable;
beforeAll(async () => {
  cm = (await loadInstalledTables()).icd10cm.get(2026)!;
});

describe('zCodeRole', () => {
  it.each([
    ['Z96.611', 'status'], // Presence of right artificial shoulder joint
    ['Z94.0', 'status'], // Kidney transplant status
    ['Z79.01', 'status'], // Long term (current) use of anticoagulants
    ['Z99.2', 'status'], // Dependence on renal dialysis
    ['Z89.511', 'status'], // Acquired absence of right leg below knee
    ['Z88.0', 'status'], // Allergy status to penicillin
    ['Z68.41', 'status'], // Body mass index [BMI] 40.0-44.9, adult
    ['Z85.3', 'history'], // Personal history of malignant neoplasm of breast
    ['Z86.73', 'history'],
    ['Z80.0', 'history'], // Family history of malignant neoplasm of digestive organs
    ['Z51.11', 'principal-only'],
    ['Z00.00', 'principal-only'],
    ['Z38.00', 'principal-only'],
    ['Z99.12', 'principal-only'], // its title says "dependence", the guideline lists it as principal-only
    ['Z00.6', 'other'], // "Except: Z00.6"
    ['Z52.9', 'other'], // "Except: Z52.9"
    ['Z20.5', 'other'], // contact/exposure may be first-listed (I.C.21.c.1)
    ['Z08', 'other'],
    ['Z48.812', 'other'],
    ['I25.10', 'other'],
  ])('%s is %s', (code, role) => {
    expect(zCodeRole(code, { cm })).toBe(role);
  });

  it('every prefix of the I.C.21.c.15 list is a Tabular List category or subcategory of this year', () => {
    for (const row of PRINCIPAL_ONLY) {
      const dotted = row.prefix.length > 3 ? `${row.prefix.slice(0, 3)}.${row.prefix.slice(3)}` : row.prefix;
      expect(cm.get(dotted, { indexEntries: false }), dotted).toBeDefined();
      expect(isPrincipalOnly(dotted)).toBe(true);
    }
  });
});
