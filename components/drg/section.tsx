/**
 * The DRG tab (Alt+3): the MS-DRG of the case on screen (the same case as the Case tab, from the
 * panel's one source): weight, GMLOS/AMLOS, CC/MCC used and excluded, MCE and POA edits, and the
 * principal what-if. The encounter is entered in the Case tab; this tab says what is missing.
 */
import { serviceDate } from '../../engine/case';
import type { SectionProps } from '../shell/sections';
import { useCase } from '../workspace/use-case';
import { CaseDrg } from './case-drg';

export default function DrgSection({ engine, openDb, snapshot }: SectionProps) {
  const kase = useCase(engine, openDb, snapshot);
  const grouped = kase.r?.drg.status === 'grouped';
  return (
    <section
      class="drg-section"
      aria-label="MS-DRG of the case"
      data-case-state={kase.calc.state}
      data-source-captured-at={snapshot?.capturedAt}
    >
      <p class="meta">
        Case: {kase.c.diagnoses.length} diagnos{kase.c.diagnoses.length === 1 ? 'is' : 'es'}, {kase.c.procedures.length}{' '}
        procedure
        {kase.c.procedures.length === 1 ? '' : 's'}
        {grouped ? '' : ' · enter the encounter (dates, age) and codes in the Case tab (Alt+5)'}
      </p>
      <CaseDrg calc={kase.calc} dateOfService={serviceDate(kase.c)} whatIf />
    </section>
  );
}
