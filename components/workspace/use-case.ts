/**
 * `useCase`: the case of the chart on screen, for any view that shows it (the Case tab, the DRG
 * tab). One case per chart document ({@link caseIdFor}) of the panel's one source; every change
 * recomputes DRG, MCE, Tabular List edits and the principal what-if in one worker call
 * (`recomputeCase`). The database is passed in (as the options page does), never opened here.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import {
  abstractText,
  addDiagnosis,
  addProcedure,
  caseIdFor,
  moveDiagnosis,
  serviceDate,
  toFhirClaim,
  withPrincipalCandidates,
  type CodingCase,
  type DrgSummary,
  type TitleOf,
} from '../../engine/case';
import { drgOrientation } from '../../engine/codes/drg-orientation';
import { formatCmCode } from '../../engine/codes/normalize';
import type { ChartsideDb } from '../../platform/db';
import { deleteCase, listSaved, loadCase, recordExport, saveCase, saveQueryDraft } from '../../platform/cases';
import type { ChartSnapshot } from '../../platform/messages';
import type { CaseRecompute } from '../../platform/worker/case';
import type { EngineRemote } from '../../platform/worker/client';
import { todayIso } from '../../platform/today';
import { sidePanelDecisions } from '../suggest/accepted';
import { openCase } from './case-store';
import { onPin, purgeOutcome, takePins } from './inbox';
import { useVaultState } from './vault-prompt';
import type { VaultState } from '../../platform/vault-session';

/** The worker's answer for the case as it is now. */
export type Recompute =
  { state: 'idle' | 'working' } | { state: 'done'; r: CaseRecompute } | { state: 'failed'; message: string };

/** A line for the user about the last action. */
export interface CaseMessage {
  text: string;
  error?: boolean;
}

/** What a view of the case gets from {@link useCase}. */
export interface UseCase {
  caseId: string;
  c: CodingCase;
  /** Applies a change; an invalid change is refused with a message, the case stays as it was. */
  setCase(update: (c: CodingCase) => CodingCase): void;
  calc: Recompute;
  /** The last recompute, when done. */
  r: CaseRecompute | undefined;
  saved: 'unknown' | 'saved' | 'not-saved';
  savedQueries: number;
  message: CaseMessage | undefined;
  purge: string | undefined;
  exported: { kind: 'text' | 'fhir'; body: string } | undefined;
  /** The saved-case vault: saving and opening saved cases need it unlocked (undefined while read). */
  vault: VaultState | undefined;
  save(): Promise<void>;
  saveQuery(text: string): Promise<void>;
  deleteSaved(): Promise<void>;
  exportAs(kind: 'text' | 'fhir'): Promise<void>;
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Merges accepted suggestions not yet merged into the case (a code the coder removed stays removed). */
function mergeAccepted(c: CodingCase, merged: Set<string>): CodingCase {
  const a = sidePanelDecisions.abstract();
  const undotted = (code: string): string => formatCmCode(code).replace('.', '');
  // Rank of a code among the chart's principal candidates (unranked codes after all ranked ones).
  const rankOf = (code: string): number => {
    const i = a.principalCandidates.findIndex((p) => undotted(p.code) === code);
    return i < 0 ? a.principalCandidates.length : i;
  };
  let next = c;
  for (const d of a.diagnoses) {
    if (merged.has(d.code)) continue;
    merged.add(d.code);
    next = addDiagnosis(next, d.code, 'suggestion');
    // The proposed principal goes first unless the coder chose one (Section II; the override sticks),
    // or an accepted suggestion the sequencing stage ranks higher already leads.
    if (d.principal && !next.principalOverride) {
      const at = next.diagnoses.findIndex((x) => x.code === undotted(d.code));
      const lead = next.diagnoses[0];
      if (at > 0 && (lead?.origin !== 'suggestion' || rankOf(undotted(d.code)) < rankOf(lead.code)))
        next = moveDiagnosis(next, at, 0);
    }
  }
  for (const p of a.procedures) {
    if (merged.has(p.code)) continue;
    merged.add(p.code);
    next = addProcedure(next, p.code, 'icd10pcs', 'suggestion');
  }
  // The chart's ranked principal candidates go with its accepted codes: the DRG panel shows each one's DRG.
  if (a.diagnoses.length > 0 && a.principalCandidates.length > 0) {
    const kept = withPrincipalCandidates(next, a.principalCandidates);
    if (JSON.stringify(kept.principalCandidates) !== JSON.stringify(next.principalCandidates)) next = kept;
  }
  return next;
}

function mergePins(c: CodingCase): CodingCase {
  let next = c;
  for (const pin of takePins()) {
    next =
      pin.system === 'cm'
        ? addDiagnosis(next, pin.code, 'search')
        : addProcedure(next, pin.code, pin.system === 'pcs' ? 'icd10pcs' : 'hcpcs', 'search');
  }
  return next;
}

/** The DRG line of an export, when the case is grouped. */
export function drgSummaryOf(r: CaseRecompute | undefined, dateOfService: string | undefined): DrgSummary | undefined {
  if (r?.drg.status !== 'grouped') return undefined;
  // An FY2027 discharge grouped with v43.1 (MS-DRG v44 not installed) says so in the export too.
  const orientation = drgOrientation(r.drg.result, r.dischargeDate ?? dateOfService);
  return {
    drg: String(r.drg.result.finalDrg).padStart(3, '0'),
    title: r.drg.result.title,
    mdc: String(r.drg.result.finalMdc).padStart(2, '0'),
    weight: r.drg.result.weight,
    version: r.drg.result.version,
    ...(orientation ? { notice: orientation.message } : {}),
  };
}

/**
 * The case of `snapshot` (a scratch case without one), its recompute, and the save / export
 * actions. `openDb` gives the panel's database (opened once by the side panel's `main()`).
 */
export function useCase(
  engine: Pick<EngineRemote, 'recomputeCase'>,
  openDb: () => Promise<ChartsideDb>,
  snapshot: ChartSnapshot | undefined,
): UseCase {
  const caseId = useMemo(
    () => (snapshot ? caseIdFor(snapshot) : 'case-scratch'),
    [snapshot?.url, snapshot?.document.title, snapshot?.document.encounter],
  );
  const entry = openCase(caseId);
  const [c, setCaseState] = useState<CodingCase>(entry.c);
  const [calc, setCalc] = useState<Recompute>({ state: 'idle' });
  const [message, setMessage] = useState<CaseMessage | undefined>();
  const [exported, setExported] = useState<UseCase['exported']>();
  const [saved, setSaved] = useState<UseCase['saved']>('unknown');
  const [purge, setPurge] = useState<string | undefined>();
  const [savedQueries, setSavedQueries] = useState(0);
  const seq = useRef(0);
  const vault = useVaultState(openDb);

  const setCase = useCallback(
    (update: (c: CodingCase) => CodingCase) => {
      setCaseState((prev) => {
        try {
          const next = update(prev);
          entry.c = next;
          return next;
        } catch (e) {
          setMessage({ text: errorText(e), error: true });
          return prev;
        }
      });
    },
    [entry],
  );

  // Switch case with the chart; a saved case for this chart is loaded (decrypted) when not open.
  useEffect(() => {
    setCaseState(entry.c);
    setMessage(undefined);
    setExported(undefined);
    let live = true;
    void (async () => {
      try {
        const db = await openDb();
        // Locked or no passphrase: nothing saved can be opened (the vault prompt says so).
        if (vault !== 'unlocked') {
          setSaved('unknown');
          setCase((x) => mergePins(mergeAccepted(x, entry.merged)));
          return;
        }
        const stored = await loadCase(db, caseId);
        if (!live) return;
        setSaved(stored ? 'saved' : 'not-saved');
        void listSaved(db).then((all) => live && setSavedQueries(all.drafts.filter((d) => d.caseId === caseId).length));
        if (stored && !entry.loaded && entry.c.diagnoses.length === 0 && entry.c.procedures.length === 0) {
          entry.c = stored;
          setCaseState(stored);
        }
        entry.loaded = true;
        setCase((x) => mergePins(mergeAccepted(x, entry.merged)));
      } catch (e) {
        if (live) setMessage({ text: `The saved case could not be opened: ${errorText(e)}`, error: true });
      }
    })();
    const offPin = onPin(() => setCase(mergePins));
    const offAccepted = sidePanelDecisions.subscribe(() => setCase((x) => mergeAccepted(x, entry.merged)));
    void purgeOutcome?.then(
      (o) =>
        live &&
        setPurge(
          'error' in o
            ? `Purge of old saved cases failed: ${o.error}`
            : o.purged
              ? `${o.purged} saved item(s) older than the purge period were deleted.`
              : undefined,
        ),
    );
    return () => {
      live = false;
      offPin();
      offAccepted();
    };
  }, [caseId, vault]);

  // One worker round trip per change; an older answer never overwrites a newer one.
  useEffect(() => {
    const mine = ++seq.current;
    setCalc((s) => (s.state === 'done' ? s : { state: 'working' }));
    engine
      .recomputeCase(c)
      .then((r) => mine === seq.current && setCalc({ state: 'done', r }))
      .catch((e: unknown) => mine === seq.current && setCalc({ state: 'failed', message: errorText(e) }));
  }, [engine, c]);

  const r = calc.state === 'done' ? calc.r : undefined;
  const titleOf: TitleOf = (code, system) => (system === 'icd10cm' ? r?.titles[code] : undefined);

  const save = async (): Promise<void> => {
    try {
      await saveCase(await openDb(), c);
      setSaved('saved');
      setMessage({ text: 'Case saved on this device (encrypted).' });
    } catch (e) {
      setMessage({ text: `Not saved: ${errorText(e)}`, error: true });
    }
  };
  const saveQuery = async (text: string): Promise<void> => {
    try {
      // The topic is part of the row key (not encrypted): a time stamp, never chart words.
      await saveQueryDraft(await openDb(), c.id, { topic: `copied-${new Date().toISOString()}`, text });
      setSavedQueries((n) => n + 1);
      setMessage({ text: 'Query saved with the case on this device (encrypted).' });
    } catch (e) {
      setMessage({ text: `Query not saved: ${errorText(e)}`, error: true });
    }
  };
  const deleteSaved = async (): Promise<void> => {
    try {
      await deleteCase(await openDb(), c.id);
      setSaved('not-saved');
      setSavedQueries(0);
      setMessage({ text: 'Saved copy (and its saved queries) deleted from this device.' });
    } catch (e) {
      setMessage({ text: `Not deleted: ${errorText(e)}`, error: true });
    }
  };
  const exportAs = async (kind: 'text' | 'fhir'): Promise<void> => {
    let body: string;
    try {
      body =
        kind === 'text'
          ? abstractText(c, titleOf, drgSummaryOf(r, serviceDate(c)))
          : JSON.stringify(toFhirClaim(c, titleOf, todayIso(), drgSummaryOf(r, serviceDate(c))), null, 2);
    } catch (e) {
      setMessage({ text: `Export failed: ${errorText(e)}`, error: true });
      return;
    }
    setExported({ kind, body });
    let copied = true;
    try {
      await navigator.clipboard.writeText(body);
    } catch {
      copied = false;
    }
    try {
      await recordExport(await openDb(), c, kind);
    } catch (e) {
      setMessage({ text: `Exported, but the audit log could not be written: ${errorText(e)}`, error: true });
      return;
    }
    const what = kind === 'text' ? 'Abstract (plain text)' : 'FHIR R4 Claim (JSON)';
    setMessage({
      text: copied
        ? `${what} copied to the clipboard.`
        : `${what} shown below: the clipboard was not available, select and copy it.`,
    });
  };

  return {
    caseId,
    c,
    setCase,
    calc,
    r,
    saved,
    savedQueries,
    message,
    purge,
    exported,
    vault,
    save,
    saveQuery,
    deleteSaved,
    exportAs,
  };
}
