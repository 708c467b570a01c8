/**
 * HCPCS Level II codes and modifiers of one release, read from an `hcpcs-<year>` bundle. No CPT
 * (Level I) content exists in these bundles: the importer refuses to carry it.
 */
import { BundleFormatError } from '../bundle/format';
import { readJson, type BundleReader } from '../bundle/reader';
import { HCPCS_BLOCK, HCPCS_BLOCKS_VERSION, type HcpcsColumnsBlock } from './format';

/** One HCPCS Level II code or modifier. */
export interface HcpcsCode {
  /** The code (letter + 4 digits) or 2-character modifier. */
  code: string;
  kind: 'code' | 'modifier';
  long: string;
  short: string;
  /** Date added (ISO), or undefined when the file leaves it blank. */
  added?: string;
  /** Effective date of the latest action (ISO). */
  actionEffective?: string;
  /** Last date of service on which the code is valid (ISO); undefined while active. */
  terminated?: string;
  /** CMS action code (N no change, A add, C change, D discontinue, ...). */
  action: string;
  /** Medicare coverage code. */
  coverage: string;
  betos: string;
  /** Pricing indicator 1. */
  pricing: string;
}

class Columns {
  private readonly at = new Map<string, number>();
  constructor(
    readonly block: HcpcsColumnsBlock,
    readonly kind: HcpcsCode['kind'],
  ) {
    if (block.version !== HCPCS_BLOCKS_VERSION) {
      throw new BundleFormatError(`HCPCS block version ${block.version}; this build reads ${HCPCS_BLOCKS_VERSION}`);
    }
    const n = block.code.length;
    for (const col of [
      block.long,
      block.short,
      block.added,
      block.actionEffective,
      block.terminated,
      block.action,
      block.coverage,
      block.betos,
      block.pricing,
    ]) {
      if (col.length !== n) throw new BundleFormatError('HCPCS block columns differ in length');
    }
    block.code.forEach((c, i) => this.at.set(c, i));
  }
  get size(): number {
    return this.block.code.length;
  }
  index(code: string): number | undefined {
    return this.at.get(code);
  }
  row(i: number): HcpcsCode {
    const b = this.block;
    const out: HcpcsCode = {
      code: b.code[i] ?? '',
      kind: this.kind,
      long: b.long[i] ?? '',
      short: b.short[i] ?? '',
      action: b.action[i] ?? '',
      coverage: b.coverage[i] ?? '',
      betos: b.betos[i] ?? '',
      pricing: b.pricing[i] ?? '',
    };
    if (b.added[i]) out.added = b.added[i];
    if (b.actionEffective[i]) out.actionEffective = b.actionEffective[i];
    if (b.terminated[i]) out.terminated = b.terminated[i];
    return out;
  }
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * HCPCS Level II of one release.
 *
 * @example
 * const hcpcs = HcpcsTable.fromBundle(reader);
 * hcpcs.get('e0607')?.long;            // "Home blood glucose monitor"
 * hcpcs.isActiveOn('E0607', '2025-06-01'); // true
 * hcpcs.modifier('LT')?.long;          // "Left side (used to identify procedures performed on the left side of the body)"
 */
export class HcpcsTable {
  /** Calendar year of the release. */
  readonly year: number;
  private readonly codeColumns: Columns;
  private readonly modifierColumns: Columns;

  constructor(codes: HcpcsColumnsBlock, modifiers: HcpcsColumnsBlock, year: number) {
    this.codeColumns = new Columns(codes, 'code');
    this.modifierColumns = new Columns(modifiers, 'modifier');
    this.year = year;
  }

  /**
   * Opens the HCPCS tables of a bundle.
   *
   * @throws BundleFormatError when the bundle is not a HCPCS bundle or a block is missing/corrupt.
   */
  static fromBundle(reader: BundleReader): HcpcsTable {
    if (reader.header.system !== 'hcpcs')
      throw new BundleFormatError(`bundle ${reader.header.id} is not a HCPCS bundle`);
    return new HcpcsTable(
      readJson<HcpcsColumnsBlock>(reader, HCPCS_BLOCK.codes),
      readJson<HcpcsColumnsBlock>(reader, HCPCS_BLOCK.modifiers),
      reader.header.fiscalYear,
    );
  }

  /** Number of Level II codes (terminated ones included). */
  get size(): number {
    return this.codeColumns.size;
  }

  /** Number of modifiers. */
  get modifierCount(): number {
    return this.modifierColumns.size;
  }

  /**
   * A Level II code (case-insensitive, surrounding spaces ignored), or `undefined`. Modifiers are
   * looked up with {@link modifier}.
   */
  get(code: string): HcpcsCode | undefined {
    const i = this.codeColumns.index(code.trim().toUpperCase());
    return i === undefined ? undefined : this.codeColumns.row(i);
  }

  /** A modifier such as `LT`, `59`, `GA` (case-insensitive), or `undefined`. */
  modifier(code: string): HcpcsCode | undefined {
    const i = this.modifierColumns.index(code.trim().toUpperCase());
    return i === undefined ? undefined : this.modifierColumns.row(i);
  }

  /** Every Level II code in code order (for search indexing). */
  *codes(): Generator<HcpcsCode> {
    for (let i = 0; i < this.codeColumns.size; i++) yield this.codeColumns.row(i);
  }

  /** Every modifier in code order. */
  *modifiers(): Generator<HcpcsCode> {
    for (let i = 0; i < this.modifierColumns.size; i++) yield this.modifierColumns.row(i);
  }

  /**
   * Whether a code or modifier may be reported for a date of service: added on or before the date
   * (when the file gives an added date) and not terminated before it (TERM DT is the last valid
   * date). `undefined` when the code is unknown.
   *
   * @param date ISO date of service, `YYYY-MM-DD`.
   * @throws RangeError for a date not in `YYYY-MM-DD` form.
   */
  isActiveOn(code: string, date: string): boolean | undefined {
    if (!ISO.test(date)) throw new RangeError(`date of service must be YYYY-MM-DD, got "${date}"`);
    const c = this.get(code) ?? this.modifier(code);
    if (!c) return undefined;
    if (c.added !== undefined && date < c.added) return false;
    return c.terminated === undefined || date <= c.terminated;
  }
}
