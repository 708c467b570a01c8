/**
 * The MS-DRG v43 grouper: pure TypeScript, identical in the worker, the CLI and tests.
 *
 * Algorithm: msdrg/FY2026/tables/README.md, "Grouping algorithm" (code setup, principal MDC,
 * claim mask with clusters, per-row severity, pre-MDC, MDC formulas with reroutes, output, HAC
 * step). Verified against CMS's grouper on every fixture claim (engine/grouper/oracle.golden.test.ts).
 *
 * @example
 * const grouper = Grouper.fromBundles([reader430, reader431]);
 * const r = grouper.group({ pdx: 'I214', sdx: [{ code: 'E1122', poa: 'Y' }], procedures: [],
 *   age: 67, sex: 'F', dischargeStatus: '01', dischargeDate: '2026-02-10' });
 * r.finalDrg; // 281 (Acute Myocardial Infarction, Discharged Alive with CC)
 */
import type { BundleReader } from '../bundle/reader';
import { normalizeCode } from '../codes/normalize';
import { GrouperTables, type CompiledRow } from './tables';
import type {
  ExclusionReason,
  GroupOptions,
  GroupResult,
  GrouperClaim,
  HacFinding,
  ProcedureResult,
  ReturnCode,
  SdxResult,
  SdxUsage,
  TrailStep,
} from './types';
import { ChartsideError } from '../errors';

/** Raised when the grouper is built without tables (never degrade to "no DRG"). */
export class ChartsideGrouperTablesError extends ChartsideError {
  override name = 'ChartsideGrouperTablesError';
}

const SEV_NAME = ['NON_CC', 'CC', 'MCC'] as const;
const TRANSFER = new Set(['02', '05', '66', '82', '85', '94']);

/** Normalises a discharge status to two digits when numeric ('1' -> '01'). */
export function normalizeDischargeStatus(status: string): string {
  if (status.length === 2 && isDigit(status.charCodeAt(0)) && isDigit(status.charCodeAt(1))) return status;
  const s = status.trim();
  return /^\d$/.test(s) ? `0${s}` : s;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** No suppression operands (shared, never written). */
const NO_SUPPRESS: readonly number[] = [];

interface SdxState {
  code: string;
  poa: string;
  idx: number;
  level: 0 | 1 | 2;
  attrs: number[];
  dup: boolean;
  excludedBy: number[] | null;
  death: boolean;
  /** Carries an `SDX:` operand of a HAC formula. */
  hacList: boolean;
}

interface Prepared {
  t: GrouperTables;
  pdx: string;
  pdxIdx: number;
  pdxMdc: number | null;
  sdx: SdxState[];
  procs: { code: string; idx: number }[];
  clusters: number[];
  suppressing: boolean;
  mask: Uint8Array;
  explain: boolean;
}

interface PassResult {
  drg: number;
  mdc: number;
  medSurg: GroupResult['medSurg'];
  severity: GroupResult['severity'];
  returnCode: ReturnCode;
  baseDrg: number;
  row: CompiledRow | null;
  trail: TrailStep[];
}

/** One installed grouper version: dates from the bundle header, tables parsed on first use. */
export class GrouperVersion {
  readonly version: string;
  readonly bundleId: string;
  readonly effectiveFrom: string;
  readonly effectiveTo: string;
  private loaded: GrouperTables | undefined;

  constructor(private readonly reader: BundleReader) {
    const h = reader.header;
    if (h.system !== 'msdrg')
      throw new ChartsideGrouperTablesError(`bundle ${h.id} is not an MS-DRG bundle (${h.system})`);
    this.bundleId = h.id;
    this.version = h.id.replace(/^msdrg-/, '');
    this.effectiveFrom = h.effectiveFrom;
    this.effectiveTo = h.effectiveTo;
  }

  /** The parsed, compiled tables (built on first access, then kept). */
  get tables(): GrouperTables {
    return (this.loaded ??= new GrouperTables(this.reader));
  }
}

/**
 * MS-DRG grouper over one or more installed versions (v43.0 and v43.1). A version's tables are
 * parsed and compiled the first time a claim needs them, so the first answer pays for one
 * version only; {@link Grouper.preload} loads all of them up front.
 */
export class Grouper {
  private constructor(readonly versions: GrouperVersion[]) {}

  /**
   * Creates a grouper over `msdrg-43.x` bundle readers.
   *
   * @throws ChartsideGrouperTablesError when no reader is given or one is not an MS-DRG bundle.
   */
  static fromBundles(readers: BundleReader[]): Grouper {
    if (readers.length === 0) throw new ChartsideGrouperTablesError('no MS-DRG bundle given: cannot group');
    const versions = readers
      .map((r) => new GrouperVersion(r))
      .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : 1));
    return new Grouper(versions);
  }

  /** Parses and compiles every version now (e.g. while the side panel is idle). */
  preload(): this {
    for (const v of this.versions) void v.tables;
    return this;
  }

  /**
   * Picks the version for a claim: explicit `claim.version`, else the one whose dates contain the
   * discharge date; outside every range (or without a date) the newest, with a note saying so.
   */
  pickVersion(claim: Pick<GrouperClaim, 'version' | 'dischargeDate'>): { tables: GrouperTables; note?: string } {
    const newest = this.versions.at(-1)!;
    if (claim.version) {
      const v = claim.version.includes('.') ? claim.version : `${claim.version.slice(0, 2)}.${claim.version.slice(2)}`;
      const t = this.versions.find((x) => x.version === v);
      if (t) return { tables: t.tables };
      return {
        tables: newest.tables,
        note: `grouper version ${claim.version} is not installed; used v${newest.version}`,
      };
    }
    const d = claim.dischargeDate;
    if (!d) return { tables: newest.tables, note: `no discharge date: used the newest grouper, v${newest.version}` };
    const t = this.versions.find((x) => x.effectiveFrom <= d && d <= x.effectiveTo);
    if (t) return { tables: t.tables };
    return {
      tables: newest.tables,
      note: `discharge date ${d} is outside the installed grouper versions (${this.versions[0]!.effectiveFrom} to ${newest.effectiveTo}): used the newest, v${newest.version}`,
    };
  }

  /** True when `version` ('43.1' or '431') names an installed version. */
  hasVersion(version: string): boolean {
    return this.versions.some((v) => v.version === version || v.version.replace('.', '') === version);
  }

  /** Installed versions by the spellings `claim.version` may use ('43.1', '431'). */
  private readonly byName = new Map<string, GrouperVersion>();

  /**
   * Fast path of {@link pickVersion} (no strings built, nothing allocated): the version named by
   * the claim, else the one whose dates hold the discharge date; null when a note is due.
   */
  private tablesForDate(claim: GrouperClaim): GrouperTables | null {
    if (claim.version) {
      if (this.byName.size === 0) {
        for (const v of this.versions) this.byName.set(v.version, v).set(v.version.replace('.', ''), v);
      }
      return this.byName.get(claim.version)?.tables ?? null;
    }
    const d = claim.dischargeDate;
    if (!d) return null;
    const vs = this.versions;
    for (let i = 0; i < vs.length; i++) {
      const v = vs[i]!;
      if (v.effectiveFrom <= d && d <= v.effectiveTo) return v.tables;
    }
    return null;
  }

  /** Groups one claim. Never throws for bad claim data: bad input gives the CMS return codes. */
  group(claim: GrouperClaim, options: GroupOptions = {}): GroupResult {
    let t = this.tablesForDate(claim);
    let note: string | undefined;
    if (t === null) ({ tables: t, note } = this.pickVersion(claim));
    const prep = prepare(t, claim, options.explain !== false);
    const initial = pass(prep, null);
    const { hacs, disq, unusable, poaMissing } = hacStep(prep, options.poaExemptHospital === true);
    const regrouped = disq === null ? initial : pass(prep, disq);
    // A HAC code without a usable POA (blank, 1, invalid) leaves the claim ungroupable: CMS's
    // grouper returns DRG 999 with HAC_MISSING_ONE_POA and keeps the grouped DRG as the initial one.
    const final =
      poaMissing && regrouped.returnCode === 'OK'
        ? { ...errorResult('HAC_MISSING_ONE_POA', regrouped.trail), row: regrouped.row }
        : regrouped;
    const info = t.drgInfo.get(final.drg)!;
    const secondary = sdxResults(prep, final, disq, unusable);
    const returnCode = final.returnCode;
    const result: GroupResult = {
      version: t.version,
      finalDrg: final.drg,
      initialDrg: initial.drg,
      finalMdc: final.mdc,
      initialMdc: initial.mdc,
      medSurg: final.medSurg,
      severity: final.severity,
      initialSeverity: initial.severity,
      returnCode,
      baseDrg: final.baseDrg,
      title: info.title,
      mdcTitle: t.mdcTitles.get(final.mdc) ?? '',
      weight: info.weight,
      gmlos: info.gmlos,
      amlos: info.amlos,
      postAcute: info.postAcute,
      specialPay: info.specialPay,
      principal: { code: prep.pdx, valid: prep.pdxIdx >= 0, mdc: prep.pdxMdc },
      secondary,
      procedures: procedureResults(prep),
      hacs,
      trail: final.trail,
    };
    if (note) result.versionNote = note;
    return result;
  }
}

/**
 * The HAC step (tables README step 8, as CMS's grouper applies it on the POA fixtures):
 * - a HAC's formula is evaluated over the whole claim; the secondary diagnoses it is about are
 *   those carrying one of its `SDX:` operands (for CAUTI both the catheter code and its urinary
 *   companions), counted only when they count at all (not the principal repeated, not
 *   CC-excluded by the principal);
 * - such a code reported not present on admission (N, U) is disqualified: the claim is grouped
 *   again without its CC/MCC;
 * - such a code without a usable POA (blank, 1, or a value that is not Y N U W) makes the claim
 *   ungroupable (`poaMissing`), and so does any HAC-list code without a usable POA once another
 *   code has been disqualified;
 * - POA-exempt codes and POA-exempt hospitals skip all of it (the findings still say why).
 */
function hacStep(prep: Prepared, exemptHospital: boolean): HacStep {
  const hacs: HacFinding[] = [];
  let disq: Map<number, number[]> | null = null;
  const unusable = new Map<number, number[]>();
  let poaMissing = false;
  if (prep.pdxIdx < 0) return { hacs, disq, unusable, poaMissing };
  const { t } = prep;
  // Bit h-1 set = HAC h's formula is true: over every counting secondary (to say which codes were
  // present on admission) and over those not reported present on admission (POA other than Y / W),
  // which is what decides: a CAUTI companion (N34.0 ...) reported N only counts as a HAC with a
  // catheter code that was not present on admission either.
  let metAll = -1;
  let metNotPresent = -1;
  const sdx = prep.sdx;
  for (let i = 0; i < sdx.length; i++) {
    const s = sdx[i]!;
    if (s.idx < 0 || s.dup || s.excludedBy || t.payload.dx.hacMask[s.idx] === 0) continue;
    const present = exemptHospital || s.poa === 'Y' || s.poa === 'W' || t.poaExempt.has(s.code);
    let met: number;
    if (present) met = metAll < 0 ? (metAll = hacsTrue(prep, false)) : metAll;
    else met = metNotPresent < 0 ? (metNotPresent = hacsTrue(prep, true)) : metNotPresent;
    for (const h of t.hacFormulas) {
      if ((met & (1 << (h.hac - 1))) === 0 || !hasAny(s.attrs, h.sdxAttrs)) continue;
      let status: HacFinding['status'];
      if (exemptHospital) status = 'exempt-hospital';
      else if (t.poaExempt.has(s.code)) status = 'exempt-code';
      else if (s.poa === 'Y' || s.poa === 'W') status = 'present-on-admission';
      else if (s.poa === 'N' || s.poa === 'U') {
        status = 'disqualified';
        disq ??= new Map<number, number[]>();
        disq.set(i, [...(disq.get(i) ?? []), h.hac]);
      } else {
        status = s.poa === '' || s.poa === '1' ? 'poa-missing' : 'poa-invalid';
        poaMissing = true;
        unusable.set(i, [...(unusable.get(i) ?? []), h.hac]);
      }
      hacs.push({ hac: h.hac, title: h.title, code: s.code, poa: s.poa, status });
    }
  }
  if (disq !== null) {
    for (let i = 0; i < sdx.length; i++) {
      const s = sdx[i]!;
      if (s.idx < 0 || s.dup || s.excludedBy || !s.hacList || isUsablePoa(s.poa) || t.poaExempt.has(s.code)) continue;
      if (hacs.some((h) => h.code === s.code && h.status !== 'disqualified')) continue;
      poaMissing = true;
      const bits = t.payload.dx.hacMask[s.idx]!;
      for (const h of t.hacFormulas) {
        if ((bits & (1 << (h.hac - 1))) !== 0)
          hacs.push({ hac: h.hac, title: h.title, code: s.code, poa: s.poa, status: 'poa-missing-beside-hac' });
      }
    }
  }
  return { hacs, disq, unusable, poaMissing };
}

/** What the HAC step found. */
interface HacStep {
  hacs: HacFinding[];
  /** Secondary diagnoses (by position) disqualified by POA N/U, with their HAC numbers. */
  disq: Map<number, number[]> | null;
  /** Secondary diagnoses whose HAC is met but whose POA is blank, 1 or invalid. */
  unusable: Map<number, number[]>;
  /** The claim is ungroupable for a missing or invalid POA (HAC_MISSING_ONE_POA). */
  poaMissing: boolean;
}

/** Y, N, U or W: a POA the HAC logic can decide on. */
function isUsablePoa(poa: string): boolean {
  return poa === 'Y' || poa === 'N' || poa === 'U' || poa === 'W';
}

/**
 * Which HAC formulas are true on the claim (bit h-1 = HAC h), procedures without cluster
 * suppression; with `notPresent`, only the secondary diagnoses not reported present on admission
 * (POA other than Y / W, not POA-exempt) count as SDX.
 */
function hacsTrue(prep: Prepared, notPresent: boolean): number {
  const { t } = prep;
  const m = t.scratchHacMask;
  m.set(prep.mask);
  fillProceduresInto(prep, m);
  if (notPresent) {
    const n = t.n;
    m.fill(0, n, 2 * n);
    for (const s of prep.sdx) {
      if (s.idx < 0 || s.dup || s.poa === 'Y' || s.poa === 'W' || t.poaExempt.has(s.code)) continue;
      for (let j = 0; j < s.attrs.length; j++) m[n + s.attrs[j]!] = 1;
    }
  }
  let bits = 0;
  for (const h of prep.t.hacFormulas) if (h.test(m)) bits |= 1 << (h.hac - 1);
  return bits;
}

function prepare(t: GrouperTables, claim: GrouperClaim, explain: boolean): Prepared {
  const n = t.n;
  // One mask per version, reused: grouping is synchronous, so no two claims share it at once.
  const mask = t.scratchMask;
  mask.fill(0);
  const pdx = normalizeCode(claim.pdx ?? '');
  const pdxIdx = pdx === '' ? -1 : t.dxLookup.get(pdx);
  // UB-04 / CMS notation: M or 1 = male, F or 2 = female; anything else is unknown.
  const sex = claim.sex === 'M' || claim.sex === '1' ? 'M' : claim.sex === 'F' || claim.sex === '2' ? 'F' : '';
  let pdxMdc: number | null = null;
  let needsSex = false;
  let excl: readonly number[] = NO_SUPPRESS;
  if (pdxIdx >= 0) {
    pdxMdc = t.payload.dx.mdc[pdxIdx]!;
    const sexMdc = t.payload.dx.sexMdc[pdxIdx]!;
    if (sexMdc !== 0) {
      if (sex === 'M') pdxMdc = Math.floor(sexMdc / 100);
      else if (sex === 'F') pdxMdc = sexMdc % 100;
      else needsSex = true;
    }
    for (const a of t.dxAttrs(pdxIdx)) mask[a] = 1;
    excl = t.payload.exclSets[t.payload.dx.exclSet[pdxIdx]!]!;
  }
  const status = normalizeDischargeStatus(claim.dischargeStatus ?? '');
  const died = status === '20';
  const sdx: SdxState[] = [];
  const attrSets = t.payload.attrSets;
  const dxAttrSet = t.payload.dx.attrSet;
  const dxSeverity = t.payload.dx.severity;
  const claimSdx = claim.sdx;
  for (let k = 0; k < claimSdx.length; k++) {
    const s = claimSdx[k]!;
    const code = normalizeCode(s.code);
    const idx = t.dxLookup.get(code);
    const raw = s.poa ?? '';
    const poa = raw === 'Y' || raw === 'N' || raw === 'U' || raw === 'W' || raw === '' ? raw : raw.trim().toUpperCase();
    if (idx < 0) {
      sdx.push({ code, poa, idx, level: 0, attrs: [], dup: false, excludedBy: null, death: false, hacList: false });
      continue;
    }
    const set = dxAttrSet[idx]!;
    const attrs = attrSets[set]!;
    const dup = idx === pdxIdx;
    let excludedBy: number[] | null = null;
    for (let e = 0; e < excl.length; e++) {
      const g = excl[e]!;
      if (t.excludes(g, idx)) (excludedBy ??= []).push(g);
    }
    const death = died && t.setMccAlive[set] === 1;
    sdx.push({
      code,
      poa,
      idx,
      level: dxSeverity[idx]!,
      attrs,
      dup,
      excludedBy,
      death,
      hacList: t.setHacSdx[set] === 1,
    });
    if (!dup) for (let j = 0; j < attrs.length; j++) mask[n + attrs[j]!] = 1;
  }
  // ONLY:x - the principal and every secondary diagnosis have x.
  if (pdxIdx >= 0) {
    for (const a of t.onlyIds) {
      let all = mask[a] === 1;
      for (let k = 0; all && k < sdx.length; k++) {
        const s = sdx[k]!;
        if (s.idx >= 0 && !s.dup && !s.attrs.includes(a)) all = false;
      }
      if (all) mask[3 * n + a] = 1;
    }
  }
  const procs: Prepared['procs'] = [];
  let candidates: number[] | null = null;
  const claimProcs = claim.procedures;
  for (let k = 0; k < claimProcs.length; k++) {
    const code = normalizeCode(claimProcs[k]!);
    const idx = t.prLookup.get(code);
    procs.push({ code, idx });
    if (idx >= 0) {
      const member = t.payload.pr.clusters[idx]!;
      if (member.length > 0) {
        candidates ??= [];
        for (let j = 0; j < member.length; j++) candidates.push(member[j]!);
      }
    }
  }
  const clusters: number[] = [];
  let suppressing = false;
  if (candidates) {
    candidates.sort((a, b) => a - b);
    for (let k = 0; k < candidates.length; k++) {
      const c = candidates[k]!;
      if (k > 0 && candidates[k - 1] === c) continue; // each cluster once
      const cl = t.payload.clusters[c]!;
      if (cl.slots.every((slot) => slot.some((p) => hasProcedure(procs, p)))) {
        clusters.push(c);
        if (cl.suppressionMdcs.length > 0) suppressing = true;
      }
    }
  }
  const prep: Prepared = { t, pdx, pdxIdx, pdxMdc, sdx, procs, clusters, suppressing, mask, explain };
  fillProcedures(prep, -1);

  // Special tokens.
  const sp = t.special;
  mask[sp.ALIVE] = status !== '20' ? 1 : 0;
  mask[sp.DIED] = status === '20' ? 1 : 0;
  mask[sp.AMA] = status === '07' ? 1 : 0;
  mask[sp.XFRNBA] = TRANSFER.has(status) ? 1 : 0;
  mask[sp.INVALID_DSTAT] = t.dischargeStatuses.has(status) ? 0 : 1;
  mask[sp.ANYDX] = pdxIdx >= 0 ? 1 : 0;
  mask[sp.INVALID_PDX] = pdxIdx < 0 ? 1 : 0;
  const c0 = pdx.charCodeAt(0); // V W X Y
  mask[sp.PDX_ECODE] = pdxIdx >= 0 && c0 >= 86 && c0 <= 89 ? 1 : 0;
  mask[sp.INVALID_SEX] = needsSex ? 1 : 0;

  // Significant trauma body sites over all diagnoses.
  let sites = 0;
  const traumaSites = t.ids.traumaSites;
  for (let k = 0; k < traumaSites.length; k++) {
    const a = traumaSites[k]!;
    if (a >= 0 && (mask[a] === 1 || mask[n + a] === 1)) sites |= 1 << k;
  }
  mask[sp.MULTST] = popcount(sites) >= 2 ? 1 : 0;

  // Procedure counters (README: procedure codes as listed on the claim, repeats count).
  let joints = 0;
  let stents = 0;
  let vessels = 0;
  let ant = 0;
  let post1 = 0;
  let post = 0;
  let antX = 0;
  for (let k = 0; k < procs.length; k++) {
    const p = procs[k]!;
    if (p.idx < 0) continue;
    const c = t.counters(p.idx);
    if (c === null) continue;
    joints |= c.joints;
    stents += c.stents;
    vessels += c.vessels;
    ant += c.ant;
    post1 += c.post1;
    post += c.post;
    antX += c.antX;
  }
  mask[sp.BILATERAL] = popcount(joints) >= 2 ? 1 : 0;
  mask[sp.FOUR_STENTS] = stents >= 4 ? 1 : 0;
  mask[sp.FOUR_VESSELS] = vessels >= 4 ? 1 : 0;
  mask[sp.SGLANTCTR] = ant >= 2 ? 1 : 0;
  mask[sp.SGLPOST1CTR] = post1 >= 2 ? 1 : 0;
  mask[sp.SINGLEFUSIONCTR] = ant > 0 && post > 0 && ant + post >= 3 ? 1 : 0;
  mask[sp.SGLPOSTFUSECTR] = post >= 2 ? 1 : 0;
  mask[sp.SGLANTSECTXCTR] = antX >= 2 ? 1 : 0;
  mask[sp.MULTFUSE] = ant + post1 >= 2 ? 1 : 0;
  return prep;
}

function hasProcedure(procs: Prepared['procs'], idx: number): boolean {
  for (let k = 0; k < procs.length; k++) if (procs[k]!.idx === idx) return true;
  return false;
}

function popcount(x: number): number {
  let c = 0;
  for (; x; x &= x - 1) c++;
  return c;
}

/** Fills the procedure section for evaluating `mdc` (-1 = no cluster suppression). */
function fillProcedures(prep: Prepared, mdc: number): void {
  const { t, mask } = prep;
  const base = 2 * t.n;
  mask.fill(0, base, base + t.n);
  let suppressed: Set<number> | null = null;
  if (mdc >= 0 && prep.suppressing) {
    suppressed = new Set<number>();
    for (const c of prep.clusters) {
      const cl = t.payload.clusters[c]!;
      if (cl.suppressionMdcs.includes(mdc)) for (const slot of cl.slots) for (const p of slot) suppressed.add(p);
    }
  }
  const procs = prep.procs;
  for (let k = 0; k < procs.length; k++) {
    const idx = procs[k]!.idx;
    if (idx < 0 || suppressed?.has(idx)) continue;
    const attrs = t.prAttrs(idx);
    for (let j = 0; j < attrs.length; j++) mask[base + attrs[j]!] = 1;
  }
  for (const c of prep.clusters)
    for (const a of t.payload.attrSets[t.payload.clusters[c]!.attrSet]!) mask[base + a] = 1;
}

/** Highest level among counting secondary diagnoses, ignoring those with a suppression operand. */
function severityFor(prep: Prepared, disq: Map<number, number[]> | null, suppress: readonly number[]): 0 | 1 | 2 {
  let sev: 0 | 1 | 2 = 0;
  const sdx = prep.sdx;
  for (let i = 0; i < sdx.length; i++) {
    const s = sdx[i]!;
    if (s.level <= sev || s.idx < 0 || s.dup || s.excludedBy || s.death || disq?.has(i)) continue;
    if (suppress.length > 0 && hasAny(s.attrs, suppress)) continue;
    sev = s.level;
  }
  return sev;
}

/** True when `attrs` holds one of `wanted`. */
function hasAny(attrs: readonly number[], wanted: readonly number[]): boolean {
  for (let k = 0; k < wanted.length; k++) if (attrs.includes(wanted[k]!)) return true;
  return false;
}

/** Evaluates one MDC's formula rows in `seq` order; the first true row wins. */
function evalMdc(
  prep: Prepared,
  mdc: number,
  disq: Map<number, number[]> | null,
  baseSev: 0 | 1 | 2,
  trail: TrailStep[],
): { row: CompiledRow; sev: 0 | 1 | 2 } | null {
  const { t, mask } = prep;
  if (prep.suppressing) fillProcedures(prep, mdc);
  const rows = t.rowsByMdcIndex[mdc];
  if (!rows) return null;
  const gates = t.gatesByMdcIndex[mdc]!;
  const mccSlot = t.special.MCC;
  const ccSlot = t.special.CC;
  for (let i = 0; i < rows.length; i++) {
    const gate = gates[i]!;
    // A required operand is false: skip the row (MCC / CC gates are read once severity is set).
    if (gate >= 0 && gate !== mccSlot && gate !== ccSlot && mask[gate] !== 1) continue;
    const row = rows[i]!;
    // Suppression only removes diagnoses, so with no CC/MCC at all it changes nothing.
    const sev = row.suppress.length > 0 && baseSev > 0 ? severityFor(prep, disq, row.suppress) : baseSev;
    mask[mccSlot] = sev === 2 ? 1 : 0;
    mask[ccSlot] = sev === 1 ? 1 : 0;
    if (gate >= 0 && mask[gate] !== 1) continue;
    if (row.test(mask)) {
      trail.push({
        mdc,
        seq: row.seq,
        drg: row.drg,
        rerouteMdc: row.rerouteMdc,
        formula: row.formula,
        severity: SEV_NAME[sev],
        drivers: prep.explain ? drivers(prep, row, disq, sev) : [],
      });
      return { row, sev };
    }
  }
  return null;
}

function errorResult(code: ReturnCode, trail: TrailStep[]): PassResult {
  return { drg: 999, mdc: 0, medSurg: 'NONE', severity: 'NONE', returnCode: code, baseDrg: 999, row: null, trail };
}

/** One grouping pass (README steps 4-7); `disq` = HAC-disqualified secondary diagnoses. */
function pass(prep: Prepared, disq: Map<number, number[]> | null): PassResult {
  const baseSev = severityFor(prep, disq, NO_SUPPRESS);
  const trail: TrailStep[] = [];
  let reported = prep.pdxMdc ?? 0;
  let current = prep.pdxMdc ?? 0;
  const pre = evalMdc(prep, 0, disq, baseSev, trail);
  let hit = pre;
  if (pre && pre.row.drg === 0) {
    if (pre.row.rerouteMdc === 0) return errorResult(pre.row.errorCode as ReturnCode, trail);
    current = pre.row.rerouteMdc;
    if (current !== 29) reported = current;
    hit = null;
  }
  for (let hops = 0; !hit && hops < 8; hops++) {
    const r = evalMdc(prep, current, disq, baseSev, trail);
    if (!r) return errorResult('UNGROUPABLE', trail);
    if (r.row.drg === 0) {
      if (r.row.rerouteMdc === 0) return errorResult(r.row.errorCode as ReturnCode, trail);
      current = r.row.rerouteMdc;
      if (current !== 29) reported = current;
      continue;
    }
    hit = r;
  }
  if (!hit) return errorResult('UNGROUPABLE', trail);
  const none = hit.row.drg === 998 || hit.row.drg === 999;
  return {
    drg: hit.row.drg,
    mdc: reported,
    medSurg: hit.row.medSurg === 'S' ? 'SURGICAL' : hit.row.medSurg === 'M' ? 'MEDICAL' : 'NONE',
    severity: none ? 'NONE' : SEV_NAME[hit.sev],
    returnCode: 'OK',
    baseDrg: hit.row.baseDrg,
    row: hit.row,
    trail,
  };
}

/** Which codes made the fired row's positive operands true. */
function drivers(
  prep: Prepared,
  row: CompiledRow,
  disq: Map<number, number[]> | null,
  sev: 0 | 1 | 2,
): TrailStep['drivers'] {
  const { t, mask } = prep;
  const n = t.n;
  const out: TrailStep['drivers'] = [];
  const sdx = prep.sdx;
  for (const op of row.positives) {
    const operand = op.operand;
    const a = op.attr;
    const codes: string[] = [];
    if (op.prefix === '' && (op.name === 'MCC' || op.name === 'CC')) {
      const want = op.name === 'MCC' ? 2 : 1;
      if (sev !== want) continue;
      for (let i = 0; i < sdx.length; i++) {
        const s = sdx[i]!;
        if (
          s.level === want &&
          s.idx >= 0 &&
          !s.dup &&
          !s.excludedBy &&
          !s.death &&
          !disq?.has(i) &&
          !hasAny(s.attrs, row.suppress)
        ) {
          codes.push(s.code);
        }
      }
    } else if (a < 0 || (op.prefix === '' && op.special >= 0)) {
      if (op.special < 0 || mask[op.special] !== 1) continue;
    } else {
      const pdxHas = prep.pdxIdx >= 0 && mask[a] === 1;
      if (op.prefix === 'PDX') {
        if (!pdxHas) continue;
        codes.push(prep.pdx);
      } else if (op.prefix === 'SDX') {
        if (mask[n + a] !== 1) continue;
        pushSdxWith(prep, a, codes);
      } else if (op.prefix === 'ANY') {
        if (!pdxHas && mask[n + a] !== 1) continue;
        if (pdxHas) codes.push(prep.pdx);
        pushSdxWith(prep, a, codes);
      } else if (op.prefix === 'ONLY') {
        if (mask[3 * n + a] !== 1) continue;
        codes.push(prep.pdx);
        pushSdxWith(prep, a, codes);
      } else {
        if (mask[2 * n + a] !== 1) continue;
        for (const p of prep.procs) if (p.idx >= 0 && t.prAttrs(p.idx).includes(a)) codes.push(p.code);
        for (const c of prep.clusters) {
          const cl = t.payload.clusters[c]!;
          if (t.payload.attrSets[cl.attrSet]!.includes(a)) codes.push(`cluster ${cl.id}`);
        }
      }
    }
    out.push({ operand, codes: codes.length > 1 ? [...new Set(codes)] : codes });
  }
  return out;
}

/** Appends the counting secondary diagnoses (valid, not the principal) that have attribute `a`. */
function pushSdxWith(prep: Prepared, a: number, codes: string[]): void {
  for (const s of prep.sdx) if (s.idx >= 0 && !s.dup && s.attrs.includes(a)) codes.push(s.code);
}

function fillProceduresInto(prep: Prepared, m: Uint8Array): void {
  const saved = prep.mask;
  prep.mask = m;
  fillProcedures(prep, -1);
  prep.mask = saved;
}

/**
 * Each secondary diagnosis's severity usage in CMS's words: a CC/MCC left out because of the
 * principal (CC exclusion, the principal repeated) is `*_EXCLUDED`; one the fired row's logic
 * ignores is `*_EXCLUDED_BY_DRG_LOGIC`; one the HAC step or a death drops is `NEITHER`, as CMS
 * prints it (the reason still says why).
 */
function sdxResults(
  prep: Prepared,
  final: PassResult,
  disq: Map<number, number[]> | null,
  unusable: Map<number, number[]>,
): SdxResult[] {
  const row = final.row;
  return prep.sdx.map((s, i): SdxResult => {
    const level = s.idx < 0 ? null : SEV_NAME[s.level];
    if (s.idx < 0 || s.level === 0 || !row)
      return { code: s.code, poa: s.poa, valid: s.idx >= 0, level, usage: 'NEITHER' };
    const kind = s.level === 2 ? 'MCC' : 'CC';
    let reason: ExclusionReason | undefined;
    let usage: SdxUsage = kind;
    if (s.dup) reason = { kind: 'duplicate-of-principal' };
    else if (s.excludedBy)
      reason = { kind: 'pdx-exclusion', principal: prep.pdx, groups: s.excludedBy.map((g) => g + 1) };
    else if (s.death) reason = { kind: 'death-exclusion' };
    else if (disq?.has(i)) reason = { kind: 'hac', hacs: disq.get(i)!, poa: s.poa };
    else if (unusable.has(i)) reason = { kind: 'hac', hacs: unusable.get(i)!, poa: s.poa };
    const dropped = reason?.kind === 'hac' || reason?.kind === 'death-exclusion';
    if (reason && !dropped) usage = `${kind}_EXCLUDED`;
    else {
      // The fired row's own logic comes first: CMS labels a HAC- or death-dropped code the row
      // ignores anyway as excluded by DRG logic, and only otherwise NEITHER.
      const hit = row.suppress.filter((a) => s.attrs.includes(a));
      if (hit.length > 0) {
        usage = `${kind}_EXCLUDED_BY_DRG_LOGIC`;
        reason = { kind: 'drg-logic', drg: row.drg, operands: hit.map((a) => prep.t.payload.attributes[a]!) };
      } else if (dropped) usage = 'NEITHER';
    }
    const out: SdxResult = { code: s.code, poa: s.poa, valid: true, level, usage };
    if (reason) out.reason = reason;
    return out;
  });
}

function procedureResults(prep: Prepared): ProcedureResult[] {
  const { t } = prep;
  return prep.procs.map((p) => ({
    code: p.code,
    valid: p.idx >= 0,
    role: p.idx >= 0 && t.payload.pr.nor[p.idx] === '0' ? 'OR' : 'NOR',
    clusters:
      prep.clusters.length === 0
        ? []
        : prep.clusters
            .filter((c) => t.payload.clusters[c]!.slots.some((slot) => slot.includes(p.idx)))
            .map((c) => t.payload.clusters[c]!.id),
  }));
}
