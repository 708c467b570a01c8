import { describe, expect, it } from 'vitest';
import { drgOrientation } from '../codes/drg-orientation';
import { abstractText, FhirClaimSchema, toFhirClaim, type DrgSummary } from './export';
import { addDiagnosis, newCase, type CodingCase } from './model';

// A fictional FY2027 inpatient stay coded with a code new in FY2027 (C78.31).
let c: CodingCase = {
  ...newCase('fy2027-case'),
  admissionDate: '2026-11-10',
  dischargeDate: '2026-11-15',
  sex: 'M',
  age: 64,
};
c = addDiagnosis(addDiagnosis(c, 'J18.9', 'typed', 'Y'), 'C78.31', 'typed', 'Y');
const notice = drgOrientation(
  {
    version: '43.1',
    principal: { code: 'J189', valid: true },
    secondary: [{ code: 'C7831', valid: false }],
    procedures: [],
  },
  c.dischargeDate,
)!.message;
const drg: DrgSummary = {
  drg: '195',
  title: 'SIMPLE PNEUMONIA AND PLEURISY WITHOUT CC/MCC',
  mdc: '04',
  weight: 0.6,
  version: '43.1',
  notice,
};

describe('export of an FY2027 case grouped with MS-DRG v43.1', () => {
  it('the text abstract carries the orientation notice under the DRG line', () => {
    const text = abstractText(c, () => undefined, drg);
    expect(text).toContain(
      `MS-DRG 195 (v43.1, MDC 04, weight 0.6000): SIMPLE PNEUMONIA AND PLEURISY WITHOUT CC/MCC\n  Note: ${notice}\n`,
    );
    expect(notice).toMatch(/not the payable FY2027 DRG .* could not use \(not in its tables\): C7831\.$/);
  });
  it('the FHIR Claim carries it as the DRG package code text, and stays valid', () => {
    const claim = toFhirClaim(c, () => undefined, '2026-11-16', drg);
    expect(claim.diagnosis[0]!.packageCode).toMatchObject({ coding: [{ code: '195' }], text: notice });
    expect(FhirClaimSchema.safeParse(claim).success).toBe(true);
    expect(
      toFhirClaim(c, () => undefined, '2026-11-16', { ...drg, notice: undefined }).diagnosis[0]!.packageCode!.text,
    ).toBeUndefined();
  });
});
