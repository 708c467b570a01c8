/**
 * The engine worker's API: the ONE typed interface between the side panel (or options page) and
 * the Web Worker that owns the code tables. Comlink turns each method into an async call; every
 * argument and result must be structured-cloneable plain data (callbacks go through
 * `Comlink.proxy`).
 *
 * Adding a capability (search, group, suggest, cdi, ...):
 *   1. declare its methods in a section of `EngineApi` below, with result types beside them;
 *   2. implement them in `platform/worker/<area>.ts` as `export function <area>Methods(ctx: EngineContext)`
 *      returning an object typed `Pick<EngineApi, ...your methods>`;
 *   3. spread it into `createEngine` in `platform/worker/engine.ts` (one line).
 * Tables come from `ctx` (lazy, per release, shared by every area); see `context.ts`.
 */
import type { BundleHeader, BundleSystem } from '../../engine/bundle/format';
import type { CmCodeDetail } from '../../engine/icd10cm';
import type { InstallProgress, InstallReport } from '../install/installer';
import type { CdiResult, CdiSnapshotLike } from '../../engine/cdi/index';
import type { ChartSnapshot } from '../../engine/chart/snapshot';
import type { Setting, SuggestResult } from '../../engine/suggest';
import type { GroupOptions, GroupResult, GrouperClaim, WhatIfCandidate, WhatIfChange } from '../../engine/grouper';
import type { MceClaim, MceResult } from '../../engine/mce';

/** One installed release as the UI shows it: what it is and where every byte came from. */
export interface InstalledRelease {
  id: string;
  system: BundleSystem;
  fiscalYear: number;
  /** Human label from the bundle, e.g. "ICD-10-CM FY2026 (Oct 1, 2025)". */
  release: string;
  effectiveFrom: string;
  effectiveTo: string;
  /** How the tables were derived, when not an official release's full files (bundle header). */
  derivation?: string;
  provenance: BundleHeader['provenance'];
  /** Substitutions and validation notes recorded by the build (shown as is). */
  notes: string[];
  counts: Record<string, number>;
  /** sha256 and size of the bundle file. */
  sha256: string;
  bytes: number;
  installedAt: string;
  source: 'package' | 'import';
}

/** Result of {@link EngineApi.status}. */
export interface EngineStatus {
  /** `true` once at least one release is installed and every installed one is readable. */
  ready: boolean;
  releases: InstalledRelease[];
  /** Releases that are stored but cannot be read (bad row), as user-facing messages. */
  problems: string[];
}

/** Which release answered a dated question, and whether it was a fallback. */
export interface ReleaseUsed {
  id: string;
  release: string;
  fiscalYear: number;
  /** Present when no release covered the date of service and the newest one was used instead. */
  fallback?: string;
}

/** Result of {@link EngineApi.lookupCode}. */
export type CodeLookup =
  | { status: 'found'; system: 'icd10cm'; code: CmCodeDetail; used: ReleaseUsed }
  | { status: 'not-found'; query: string; message: string; used: ReleaseUsed }
  | { status: 'no-release'; query: string; message: string };

/** Options of {@link EngineApi.suggest}. */
export interface SuggestRequestOptions {
  /** Default `inpatient` (uncertain diagnoses coded as established, Guidelines II.H/III.C). */
  setting?: Setting;
  /** ISO date of service: picks the releases (default today). */
  dateOfService?: string;
}

/** Result of {@link EngineApi.suggest}: the suggestions, the releases used, notices to show. */
export interface SuggestResponse extends SuggestResult {
  releases: { cm: string; pcs: string | undefined };
  /**
   * The learned suggestion model that ranked these suggestions (corpus, documents, version);
   * absent when none is installed, it was refused, or the user turned it off (`notices` says which).
   */
  model?: import('../../engine/suggest/model-bundle').SuggestModelInfo;
  notices: string[];
  /** `capturedAt` of the snapshot the suggestions belong to (evidence offsets point into its text). */
  snapshotCapturedAt: string;
}

/** Result of {@link EngineApi.search}. */
export type SearchResponse = import('../../engine/search').CodeSearchResult & {
  /** Milliseconds the query took inside the worker. */
  tookMs: number;
  /**
   * Whether the index was shipped with the extension (the `search-<FY>` bundle), built from the
   * tables or loaded from its stored form, and how long that took.
   */
  index: {
    origin: 'bundle' | 'built' | 'stored';
    loadMs: number;
    /** Why the shipped index was not used (another index format version, a missing block): shown, never swallowed. */
    refused?: string;
    /**
     * Set when a freshly built index could not be stored (e.g. the disk is full): search still
     * works from memory, the next session rebuilds it. Shown to the user, never swallowed.
     */
    storeError?: string;
  };
};

/** Result of {@link EngineApi.codeDetail}. */
export type CodeDetailResponse =
  | { status: 'found'; system: 'cm'; detail: import('../../engine/search').CmDetailView }
  | { status: 'found'; system: 'pcs'; detail: import('../../engine/icd10pcs/pcs-table').PcsCodeDetail; release: string }
  | {
      status: 'partial';
      system: 'pcs';
      prefix: string;
      options: import('../../engine/icd10pcs/table-builder').PcsAxisOption[];
      release: string;
    }
  | { status: 'found'; system: 'hcpcs'; detail: import('../../engine/hcpcs/hcpcs-table').HcpcsCode; release: string }
  | { status: 'not-found'; message: string };

export interface EngineApi {
  // ---- releases (platform/worker/releases.ts) ----
  /** Installed releases with provenance, and readiness. Cheap: reads the `releases` rows only. */
  status(): Promise<EngineStatus>;
  /**
   * Installs (or updates) every bundle the extension package ships. `packageBaseUrl` is the
   * `codesets/` folder of the extension (`browser.runtime.getURL('/codesets/')`): the worker has
   * no `chrome.*`. Per-bundle atomic; problems (quota, corrupt file) are in the report.
   */
  installPackage(packageBaseUrl: string, onProgress?: (p: InstallProgress) => void): Promise<InstallReport>;
  /** Installs one bundle file the user imported (options page); same guarantees as above. */
  installBundle(bytes: Uint8Array): Promise<InstallReport>;

  // ---- codes (platform/worker/codes.ts) ----
  /**
   * Looks a code up in the ICD-10-CM release matching the date of service (ISO `YYYY-MM-DD`,
   * default today); says when it fell back to the newest release.
   */
  lookupCode(code: string, dateOfService?: string): Promise<CodeLookup>;

  // ---- search (platform/worker/search.ts) ----
  /**
   * Code search over the ICD-10-CM / ICD-10-PCS / HCPCS tables of the date of service (or
   * `options.year`): hits best first, each with the reason it matched. The index is built from
   * the installed tables on first use (and stored when the database has a `searchIndexes` table).
   */
  search(query: string, options?: import('../../engine/search').CodeSearchOptions): Promise<SearchResponse>;
  /**
   * Loads the search index of the date of service (default today) so that the first search answers
   * at once; the panel calls it when it is ready. Resolves with the time it took; a failure is
   * reported by the next `search`.
   */
  prepareSearch(dateOfService?: string): Promise<{ ms: number }>;
  /** Code detail for the UI: CM titles, path, every applicable note, 7th characters...; PCS axes; HCPCS descriptor. */
  codeDetail(
    code: string,
    system?: import('../../engine/search').SearchSystem,
    dateOfService?: string,
  ): Promise<CodeDetailResponse>;
  /** Trainee view for an ICD-10-CM code: Index path, Tabular path, notes to read, how to complete it. */
  howToFind(code: string, dateOfService?: string): Promise<import('../../engine/search').HowToFind | undefined>;
  /** PCS table builder: the valid values for the character after `prefix` (0-6 characters), with axis definitions. */
  pcsOptions(
    prefix: string,
    dateOfService?: string,
  ): Promise<import('../../engine/icd10pcs/table-builder').PcsAxisOption[]>;

  // ---- DRG (platform/worker/drg.ts) ----
  /**
   * Groups a claim with the installed MS-DRG releases (the discharge date picks v43.0 / v43.1, or
   * v44.0 from 2026-10-01 when imported).
   * @throws ChartsideNoReleaseError when no MS-DRG release is installed.
   */
  groupClaim(claim: GrouperClaim, options?: GroupOptions): Promise<GroupResult>;
  /** Runs the Medicare Code Editor of the discharge date's fiscal year on a claim (discharge date required). */
  editClaim(claim: MceClaim): Promise<MceResult>;
  /**
   * Every single change that changes the DRG, ranked by weight difference; `candidates` are more
   * specific diagnoses to try. PRIVATE WORK AID: never show in a physician query.
   */
  drgWhatIf(claim: GrouperClaim, candidates?: WhatIfCandidate[], options?: GroupOptions): Promise<WhatIfChange[]>;

  // ---- CDI (platform/worker/cdi.ts) ----
  /**
   * Clinical indicators, query opportunities per topic and a compliant draft for each (with its
   * compliance findings) for a chart snapshot. Drafts stay in memory (never stored here).
   */
  cdi(snapshot: CdiSnapshotLike): Promise<CdiResult>;

  // ---- suggestions (platform/worker/suggest.ts) ----
  /**
   * ICD-10-CM and ICD-10-PCS suggestions for a chart snapshot, best first, each with evidence
   * spans (offsets into `snapshot.text`), Index path and flags.
   */
  suggest(snapshot: ChartSnapshot, options?: SuggestRequestOptions): Promise<SuggestResponse>;
  /**
   * Loads what the first suggestions need for the date of service (default today): the ICD-10-CM
   * and ICD-10-PCS tables, the suggestion lexicon, the CC/MCC table. Called by the panel after the
   * search index; resolves with the time it took.
   */
  prepareSuggest(dateOfService?: string): Promise<{ ms: number }>;

  // ---- case workspace (platform/worker/case.ts) ----
  /**
   * Everything the case workspace shows, in one round trip: MS-DRG, MCE edits, Tabular List/POA
   * edits, each secondary as principal, titles and the ICD-10-CM release used (by the case's
   * discharge date, else admission date).
   */
  recomputeCase(c: import('../../engine/case').CodingCase): Promise<import('./case').CaseRecompute>;
}
