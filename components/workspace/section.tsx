/**
 * The Case section of the side panel: the case being coded for the chart on screen,
 * composed from {@link useCase} (state, recompute, save and export) and small views.
 *
 * Keyboard: Alt+N add a code, Alt+S save, Alt+C copy the abstract, Alt+J copy FHIR JSON; row keys
 * in {@link DiagnosisList} and {@link ProcedureList}. Everything from the chart or the tables is
 * rendered as text (Preact escapes), never as HTML.
 */
import { useEffect } from 'preact/hooks';
import { addDiagnosis, addProcedure, serviceDate } from '../../engine/case';
import { CaseDrg } from '../drg/case-drg';
import type { SectionProps } from '../shell/sections';
import { AddCode } from './add-code';
import { CaseCdi } from './case-cdi';
import { CaseEdits } from './case-edits';
import { CaseHead } from './case-head';
import { DiagnosisList } from './diagnosis-list';
import { EncounterFields } from './encounter-fields';
import { ProcedureList } from './procedure-list';
import { useCase } from './use-case';
import './workspace.css';

export default function WorkspaceSection({ engine, openDb, snapshot }: SectionProps) {
  const kase = useCase(engine, openDb, snapshot);

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      const k = e.key.toLowerCase();
      if (k === 's') void kase.save();
      else if (k === 'c') void kase.exportAs('text');
      else if (k === 'j') void kase.exportAs('fhir');
      else if (k === 'n') document.getElementById('case-add-code')?.focus();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  return (
    <section
      class="workspace"
      aria-labelledby="case-title"
      data-case-state={kase.calc.state}
      data-saved={kase.saved}
      // The case's one source (the header names it): tests check every section uses the same.
      data-source-captured-at={snapshot?.capturedAt}
    >
      <CaseHead snapshot={snapshot} kase={kase} openDb={openDb} />
      <EncounterFields kase={kase} />
      <AddCode
        engine={engine}
        dateOfService={serviceDate(kase.c)}
        onAdd={(code, system) =>
          kase.setCase((x) =>
            system === 'cm'
              ? addDiagnosis(x, code, 'typed')
              : addProcedure(x, code, system === 'pcs' ? 'icd10pcs' : 'hcpcs', 'typed'),
          )
        }
      />
      <DiagnosisList kase={kase} />
      <ProcedureList kase={kase} />
      <CaseEdits kase={kase} />
      <section aria-label="MS-DRG" class="ws-drg">
        <CaseDrg calc={kase.calc} dateOfService={serviceDate(kase.c)} />
      </section>
      <details class="ws-cdi">
        <summary>CDI opportunities and query drafts</summary>
        <CaseCdi engine={engine} snapshot={snapshot} onSaveQuery={kase.saveQuery} savedQueries={kase.savedQueries} />
      </details>
      {kase.exported && (
        <details class="ws-export" open>
          <summary>Last export ({kase.exported.kind === 'text' ? 'plain text' : 'FHIR R4 JSON'})</summary>
          <pre data-export={kase.exported.kind} tabIndex={0}>
            {kase.exported.body}
          </pre>
        </details>
      )}
    </section>
  );
}
