/**
 * Runtime form of one MS-DRG version: the bundle payload indexed for lookups, with every formula
 * compiled once to a closure over integer operand slots.
 *
 * Claim mask layout (N = number of interned attributes):
 * `[0,N)` PDX attributes, `[N,2N)` SDX attributes, `[2N,3N)` procedure attributes,
 * `[3N,4N)` ONLY attributes (every diagnosis has it), then the special tokens of {@link SPECIALS}.
 */
import { BundleFormatError } from '../bundle/format';
import { readJson, type BundleReader } from '../bundle/reader';
import {
  compileFormula,
  gateSlot,
  parseFormula,
  positiveOperands,
  type CompiledFormula,
  type FormulaNode,
} from './formula';
import { GROUPER_BLOCK, GROUPER_PAYLOAD_VERSION, type FormulaRow, type GrouperPayload } from './payload';

/** Special formula tokens, in mask order after the four attribute sections. */
export const SPECIALS = [
  'MCC',
  'CC',
  'ALIVE',
  'DIED',
  'AMA',
  'XFRNBA',
  'ANYDX',
  'INVALID_PDX',
  'PDX_ECODE',
  'INVALID_SEX',
  'INVALID_DSTAT',
  'MULTST',
  'BILATERAL',
  'FOUR_STENTS',
  'FOUR_VESSELS',
  'SGLANTCTR',
  'SGLPOST1CTR',
  'SINGLEFUSIONCTR',
  'SGLPOSTFUSECTR',
  'SGLANTSECTXCTR',
  'MULTFUSE',
] as const;
export type Special = (typeof SPECIALS)[number];

/** Return code of a `drg = 0` row that names an error token. */
const ERROR_TOKENS: [string, string][] = [
  ['INVALID_PDX', 'INVALID_PDX'],
  ['PDX_ECODE', 'DX_CANNOT_BE_PDX'],
  ['INVALID_SEX', 'INVALID_SEX'],
  ['INVALID_DSTAT', 'INVALID_DISCHARGE_STATUS'],
];

/** Contribution of one procedure code to the formula counters. */
export interface ProcedureCounters {
  joints: number;
  stents: number;
  vessels: number;
  ant: number;
  post1: number;
  post: number;
  antX: number;
}

/** A formula row ready to evaluate. */
export interface CompiledRow extends FormulaRow {
  test: CompiledFormula;
  ast: FormulaNode;
  /**
   * Operands read positively (explanation), computed once: each operand text (`PREFIX:name`)
   * once, with its attribute id (-1 = none) and, for a special token, its mask slot (-1 = none).
   */
  positives: { prefix: string; name: string; operand: string; attr: number; special: number }[];
  /** A mask slot that must be 1 for the row to fire (-1 = none): rows are skipped with one read. */
  gate: number;
  /** For `drg = 0` rows without reroute: the return code (UNGROUPABLE when no error token). */
  errorCode: string;
}

const TRAUMA_SITES = ['sthead', 'stchest', 'stabdom', 'stkidney', 'sturin', 'stpel', 'stuplimb', 'stlolimb'];
const JOINTS = ['righthip', 'rightknee', 'rightankle', 'lefthip', 'leftknee', 'leftankle'];

/**
 * A code of 1-7 characters 0-9 / A-Z as a number (bijective base 37: distinct codes, distinct
 * numbers, never 0); -1 for anything else.
 */
function codeKey(code: string): number {
  return codeKeyAt(code, 0, code.length);
}

/** {@link codeKey} of `text.slice(from, to)`, without making the substring. */
function codeKeyAt(text: string, from: number, to: number): number {
  const len = to - from;
  if (len <= 0 || len > 7) return -1;
  let k = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    let d: number;
    if (c >= 48 && c <= 57)
      d = c - 47; // 1-10
    else if (c >= 65 && c <= 90)
      d = c - 54; // 11-36
    else return -1;
    k = k * 37 + d;
  }
  return k;
}

/** Number of codes in a space-separated list (`''` = none). */
function countCodes(joined: string): number {
  if (joined === '') return 0;
  let n = 1;
  for (let at = joined.indexOf(' '); at >= 0; at = joined.indexOf(' ', at + 1)) n++;
  return n;
}

function keyHash(k: number): number {
  const h = Math.imul((k >>> 0) ^ Math.imul(Math.floor(k / 4294967296), 0x9e3779b1), 0x85ebca6b);
  return h ^ (h >>> 15);
}

/**
 * Code -> row index for the grouper's hot path: open addressing over numeric keys, so a lookup
 * reads one or two cache lines of two typed arrays instead of hashing and comparing strings in a
 * 75,000-entry Map. Same answers as a `Map` filled in row order (the last row of a code wins).
 */
export class CodeIndex {
  private readonly keys: Float64Array;
  private readonly values: Int32Array;
  private readonly slotMask: number;
  /** Fallback when a table code is not 1-7 characters 0-9 / A-Z (never in the CMS tables). */
  private readonly map: Map<string, number> | null;

  /**
   * `codes`: the codes in row order, as an array or as one string of codes separated by single
   * spaces (the payload's form: read in place, without making 75,000 small strings at load).
   * `fallback` gives the same answers as a Map; called only when a code does not fit.
   */
  constructor(codes: string[] | string, fallback: () => Map<string, number>) {
    const joined = typeof codes === 'string';
    const count = joined ? countCodes(codes) : codes.length;
    let size = 16;
    while (size < count * 2) size <<= 1;
    this.keys = new Float64Array(size);
    this.values = new Int32Array(size);
    this.slotMask = size - 1;
    this.map = null;
    let at = 0;
    for (let i = 0; i < count; i++) {
      let k: number;
      if (joined) {
        let end = codes.indexOf(' ', at);
        if (end < 0) end = codes.length;
        k = codeKeyAt(codes, at, end);
        at = end + 1;
      } else k = codeKey(codes[i]!);
      if (k < 0) {
        this.map = fallback();
        return;
      }
      let j = keyHash(k) & this.slotMask;
      while (this.keys[j] !== 0 && this.keys[j] !== k) j = (j + 1) & this.slotMask;
      this.keys[j] = k;
      this.values[j] = i;
    }
  }

  /** Row index of a normalised code, or -1. */
  get(code: string): number {
    if (this.map) return this.map.get(code) ?? -1;
    const k = codeKey(code);
    if (k < 0) return -1;
    const keys = this.keys;
    for (let j = keyHash(k) & this.slotMask; ; j = (j + 1) & this.slotMask) {
      const v = keys[j]!;
      if (v === k) return this.values[j]!;
      if (v === 0) return -1;
    }
  }
}

/** One loaded grouper version. */
export class GrouperTables {
  readonly version: string;
  readonly bundleId: string;
  readonly release: string;
  readonly effectiveFrom: string;
  readonly effectiveTo: string;
  readonly payload: GrouperPayload;
  /** Number of interned attributes. */
  readonly n: number;
  readonly maskSize: number;
  readonly attrIds = new Map<string, number>();
  private dxList: string[] | undefined;
  private prList: string[] | undefined;
  /** Diagnosis codes in row order (split on first use: the lookups read the payload's string). */
  get dxCodes(): string[] {
    return (this.dxList ??= this.payload.dx.codes === '' ? [] : this.payload.dx.codes.split(' '));
  }
  /** Procedure codes in row order (split on first use, like {@link dxCodes}). */
  get prCodes(): string[] {
    return (this.prList ??= this.payload.pr.codes === '' ? [] : this.payload.pr.codes.split(' '));
  }
  private dxMap: Map<string, number> | undefined;
  private prMap: Map<string, number> | undefined;
  /**
   * Diagnosis code -> row, as a Map (built on first use: the hot path uses {@link dxLookup}, and
   * building 75,000 entries at load would delay the first answer).
   */
  get dxIndex(): Map<string, number> {
    return (this.dxMap ??= new Map(this.dxCodes.map((c, i) => [c, i])));
  }
  /** Procedure code -> row, as a Map (built on first use, like {@link dxIndex}). */
  get prIndex(): Map<string, number> {
    return (this.prMap ??= new Map(this.prCodes.map((c, i) => [c, i])));
  }
  /** Fast forms of {@link dxIndex} / {@link prIndex} (same answers, -1 = unknown). */
  readonly dxLookup: CodeIndex;
  readonly prLookup: CodeIndex;
  /** Claim mask reused by every grouping with this version (grouping is synchronous). */
  readonly scratchMask: Uint8Array;
  /** Second reused mask: one secondary diagnosis at a time for the HAC formulas. */
  readonly scratchHacMask: Uint8Array;
  readonly rowsByMdc = new Map<number, CompiledRow[]>();
  /** {@link rowsByMdc} as an array indexed by MDC number (hot path). */
  readonly rowsByMdcIndex: (CompiledRow[] | undefined)[] = [];
  /** Each row's {@link CompiledRow.gate}, contiguous per MDC (the scan reads these first). */
  readonly gatesByMdcIndex: (Int32Array | undefined)[] = [];
  /** Per attribute set: 1 when it has `mccalive` (a CC/MCC only if the patient lives). */
  readonly setMccAlive: Uint8Array;
  /**
   * HAC formulas (`hac_formulas.tsv`), each with the attribute ids it reads with the `SDX:` prefix:
   * the secondary diagnoses carrying one of them are the codes the HAC is about.
   */
  readonly hacFormulas: { hac: number; title: string; test: CompiledFormula; sdxAttrs: number[] }[];
  /** Per attribute set: 1 when it holds an `SDX:` operand of some HAC formula (a HAC-list code). */
  readonly setHacSdx: Uint8Array;
  readonly drgInfo = new Map<
    number,
    { title: string; weight: number; gmlos: number; amlos: number; postAcute: boolean; specialPay: boolean }
  >();
  readonly mdcTitles = new Map<number, string>();
  private poaExemptSet: Set<string> | undefined;
  /** Codes exempt from POA reporting (built on first use: only claims with a POA other than Y/W read it). */
  get poaExempt(): Set<string> {
    return (this.poaExemptSet ??= new Set(this.payload.poaExempt));
  }
  readonly dischargeStatuses: Set<string>;
  /** Attribute ids referenced with the ONLY prefix. */
  readonly onlyIds: number[] = [];
  readonly special: Record<Special, number>;
  readonly ids: {
    mccalive: number;
    traumaSites: number[];
    joints: number[];
    stents: number[];
    vessels: number[];
    sglantfuse: number;
    sglpostfuse1: number;
    sglpostfuse: number;
    sglantsectXfuse: number;
  };

  constructor(reader: BundleReader) {
    const p = readJson<GrouperPayload>(reader, GROUPER_BLOCK);
    if (p.payloadVersion !== GROUPER_PAYLOAD_VERSION) {
      throw new BundleFormatError(
        `bundle ${reader.header.id} has grouper payload version ${String(p.payloadVersion)}; this build reads ${GROUPER_PAYLOAD_VERSION}. Rebuild the code tables (npx chartside codesets build).`,
      );
    }
    this.payload = p;
    this.version = p.version;
    this.bundleId = reader.header.id;
    this.release = reader.header.release;
    this.effectiveFrom = reader.header.effectiveFrom;
    this.effectiveTo = reader.header.effectiveTo;
    this.n = p.attributes.length;
    p.attributes.forEach((a, i) => this.attrIds.set(a, i));
    this.dxLookup = new CodeIndex(p.dx.codes, () => this.dxIndex);
    this.prLookup = new CodeIndex(p.pr.codes, () => this.prIndex);
    const base = 4 * this.n;
    this.special = Object.fromEntries(SPECIALS.map((s, i) => [s, base + i])) as Record<Special, number>;
    this.maskSize = base + SPECIALS.length;
    this.scratchMask = new Uint8Array(this.maskSize);
    this.scratchHacMask = new Uint8Array(this.maskSize);
    const id = (name: string) => this.attrIds.get(name) ?? -1;
    this.ids = {
      mccalive: id('mccalive'),
      traumaSites: TRAUMA_SITES.map(id),
      joints: JOINTS.map(id),
      stents: [1, 2, 3, 4].map((k) => id(`stent${k}`)),
      vessels: [1, 2, 3, 4].map((k) => id(`vessel${k}`)),
      sglantfuse: id('sglantfuse'),
      sglpostfuse1: id('sglpostfuse1'),
      sglpostfuse: id('sglpostfuse'),
      sglantsectXfuse: id('sglantsectXfuse'),
    };
    const only = new Set<number>();
    const resolve = (prefix: string, name: string): number[] => {
      if (prefix === '' && (SPECIALS as readonly string[]).includes(name)) return [this.special[name as Special]];
      const a = this.attrIds.get(name);
      if (a === undefined) return []; // MDCnn, ERRORDRG, '5': control markers, never true from claim data
      switch (prefix) {
        case 'PDX':
          return [a];
        case 'SDX':
          return [this.n + a];
        case 'ANY':
          return [a, this.n + a];
        case 'ONLY':
          only.add(a);
          return [3 * this.n + a];
        default:
          return [2 * this.n + a];
      }
    };
    for (const row of p.formulas) {
      const ast = parseFormula(row.formula);
      let errorCode = 'UNGROUPABLE';
      for (const [token, code] of ERROR_TOKENS) if (new RegExp(`\\b${token}\\b`).test(row.formula)) errorCode = code;
      const list = this.rowsByMdc.get(row.mdc) ?? [];
      const seen = new Set<string>();
      const positives: CompiledRow['positives'] = [];
      for (const o of positiveOperands(ast)) {
        const operand = o.prefix ? `${o.prefix}:${o.name}` : o.name;
        if (seen.has(operand)) continue;
        seen.add(operand);
        const special = (SPECIALS as readonly string[]).includes(o.name) ? this.special[o.name as Special] : -1;
        positives.push({ ...o, operand, attr: this.attrIds.get(o.name) ?? -1, special });
      }
      list.push({
        ...row,
        ast,
        positives,
        test: compileFormula(ast, resolve),
        gate: gateSlot(ast, resolve),
        errorCode,
      });
      this.rowsByMdc.set(row.mdc, list);
    }
    for (const [mdc, rows] of this.rowsByMdc) {
      this.rowsByMdcIndex[mdc] = rows;
      this.gatesByMdcIndex[mdc] = Int32Array.from(rows, (r) => r.gate);
    }
    this.onlyIds = [...only];
    this.hacFormulas = p.hacFormulas.map((h) => {
      const ast = parseFormula(h.formula);
      const sdxAttrs = [
        ...new Set(
          positiveOperands(ast).flatMap((o) =>
            o.prefix === 'SDX' && this.attrIds.has(o.name) ? [this.attrIds.get(o.name)!] : [],
          ),
        ),
      ];
      return { hac: h.hac, title: h.title, test: compileFormula(ast, resolve), sdxAttrs };
    });
    const hacSdx = new Set(this.hacFormulas.flatMap((h) => h.sdxAttrs));
    this.setHacSdx = new Uint8Array(p.attrSets.length);
    for (let i = 0; i < p.attrSets.length; i++) if (p.attrSets[i]!.some((a) => hacSdx.has(a))) this.setHacSdx[i] = 1;
    const weights = new Map(p.weights.map((w) => [w.drg, w]));
    for (const d of p.drgs) {
      const w = weights.get(d.drg);
      this.drgInfo.set(d.drg, {
        title: d.title,
        weight: w?.weight ?? 0,
        gmlos: w?.gmlos ?? 0,
        amlos: w?.amlos ?? 0,
        postAcute: w?.postAcute ?? false,
        specialPay: w?.specialPay ?? false,
      });
    }
    for (const m of p.mdcs) this.mdcTitles.set(m.mdc, m.title);
    this.dischargeStatuses = new Set(p.dischargeStatuses);
    this.setMccAlive = new Uint8Array(p.attrSets.length);
    const mccalive = this.ids.mccalive;
    if (mccalive >= 0)
      for (let i = 0; i < p.attrSets.length; i++) if (p.attrSets[i]!.includes(mccalive)) this.setMccAlive[i] = 1;
  }

  /** True when exclusion group `group` lists diagnosis `dx` (binary search in the sorted list). */
  excludes(group: number, dx: number): boolean {
    const list = this.payload.exclGroups[group]!;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = list[mid]!;
      if (v === dx) return true;
      if (v < dx) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }

  /** Indexed by attribute-set id; undefined = not computed yet. */
  private readonly counterCache: (ProcedureCounters | null | undefined)[] = [];

  /**
   * What one procedure code adds to the formula counters (joints bitmask, stent and vessel
   * numbers, fusion matches); null when nothing. Cached per attribute list.
   */
  counters(prIndex: number): ProcedureCounters | null {
    const set = this.payload.pr.attrSet[prIndex]!;
    let c = this.counterCache[set];
    if (c === undefined) {
      const attrs = this.payload.attrSets[set]!;
      const has = (a: number) => a >= 0 && attrs.includes(a);
      const v: ProcedureCounters = { joints: 0, stents: 0, vessels: 0, ant: 0, post1: 0, post: 0, antX: 0 };
      this.ids.joints.forEach((a, k) => {
        if (has(a)) v.joints |= 1 << k;
      });
      for (let k = 0; k < 4; k++) {
        if (has(this.ids.stents[k]!)) v.stents += k + 1;
        if (has(this.ids.vessels[k]!)) v.vessels += k + 1;
      }
      v.ant = has(this.ids.sglantfuse) ? 1 : 0;
      v.post1 = has(this.ids.sglpostfuse1) ? 1 : 0;
      v.post = has(this.ids.sglpostfuse) ? 1 : 0;
      v.antX = has(this.ids.sglantsectXfuse) ? 1 : 0;
      c = Object.values(v).some((x) => x !== 0) ? v : null;
      this.counterCache[set] = c;
    }
    return c;
  }

  /** Attribute ids of a diagnosis. */
  dxAttrs(index: number): number[] {
    return this.payload.attrSets[this.payload.dx.attrSet[index]!]!;
  }

  /** Attribute ids of a procedure. */
  prAttrs(index: number): number[] {
    return this.payload.attrSets[this.payload.pr.attrSet[index]!]!;
  }
}
