/**
 * Read access to the ICD-10-PCS Definitions (root operation and approach definitions, Body Part
 * Key, Device Key, Substance Key, Device Aggregation table) of one release.
 */
import { BundleFormatError } from '../bundle/format';
import { PCS_BLOCKS_VERSION, type PcsDefinitionsBlock, type PcsDefinitionTermRecord } from './format';

/** A definitions entry resolved for one axis value. */
export interface PcsDefinitionTerm extends PcsDefinitionTermRecord {
  /** Section character the entry belongs to. */
  section: string;
  /** Axis position 2-7. */
  position: number;
  /** Axis name in the Definitions (e.g. "Operation", "Body Part", "Device", "Substance"). */
  axisName: string;
}

/** Device aggregation row: a specific device and the general device value it aggregates to. */
export type PcsDeviceAggregate = PcsDefinitionsBlock['deviceAggregation'][number];

const key = (section: string, position: number, title: string): string =>
  `${section}|${position}|${title.toLowerCase()}`;

/**
 * ICD-10-PCS Definitions of one release.
 *
 * @example
 * const defs = new PcsDefinitions(block);
 * defs.lookup('0', 3, 'Resection')?.definition; // "Cutting out or off, without replacement, all of a body part"
 */
export class PcsDefinitions {
  private readonly byTitle = new Map<string, PcsDefinitionTerm>();
  private readonly titles = new Set<string>();

  constructor(private readonly block: PcsDefinitionsBlock) {
    if (block.version !== PCS_BLOCKS_VERSION) {
      throw new BundleFormatError(
        `PCS definitions block version ${block.version}; this build reads ${PCS_BLOCKS_VERSION}`,
      );
    }
    for (const s of block.sections) {
      for (const a of s.axes) {
        for (const t of a.terms) {
          const term: PcsDefinitionTerm = { ...t, section: s.code, position: a.pos, axisName: a.title };
          for (const title of t.titles) {
            this.titles.add(title.toLowerCase());
            const k = key(s.code, a.pos, title);
            if (!this.byTitle.has(k)) this.byTitle.set(k, term);
          }
        }
      }
    }
  }

  /** Sections with their titles, in file order. */
  sections(): { code: string; title: string }[] {
    return this.block.sections.map((s) => ({ code: s.code, title: s.title }));
  }

  /**
   * The entry for a value name on an axis of a section (case-insensitive), or `undefined`.
   *
   * @param section section character, e.g. `'0'`.
   * @param position axis position 3-7.
   * @param title the value's label as printed in the tables, e.g. `'Percutaneous Endoscopic'`.
   */
  lookup(section: string, position: number, title: string): PcsDefinitionTerm | undefined {
    return this.byTitle.get(key(section, position, title));
  }

  /**
   * All entries of one axis of one section (e.g. `terms('0', 4)` is the Body Part Key, `terms('0',
   * 6)` the Device Key, `terms('3', 6)` the Substance Key, `terms('0', 3)` the root operations).
   */
  terms(section: string, position: number): PcsDefinitionTerm[] {
    const s = this.block.sections.find((x) => x.code === section);
    const a = s?.axes.find((x) => x.pos === position);
    if (!s || !a) return [];
    return a.terms.map((t) => ({ ...t, section: s.code, position: a.pos, axisName: a.title }));
  }

  /** Root operations of a section with their definitions (axis 3; default section 0, Medical and Surgical). */
  rootOperations(section = '0'): PcsDefinitionTerm[] {
    return this.terms(section, 3);
  }

  /** Approaches of a section with their definitions (axis 5; default section 0). */
  approaches(section = '0'): PcsDefinitionTerm[] {
    return this.terms(section, 5);
  }

  /** The Body Part Key: section 0 body-part values and the anatomy each includes. */
  bodyPartKey(): PcsDefinitionTerm[] {
    return this.terms('0', 4);
  }

  /** The Device Key: section 0 device values (named "<device> in <body system>") and what each includes. */
  deviceKey(): PcsDefinitionTerm[] {
    return this.terms('0', 6);
  }

  /** The Substance Key: section 3 (Administration) substance values and the products each includes. */
  substanceKey(): PcsDefinitionTerm[] {
    return this.terms('3', 6);
  }

  /** The Device Aggregation table, in file order. */
  deviceAggregation(): readonly PcsDeviceAggregate[] {
    return this.block.deviceAggregation;
  }

  /** `true` when some entry of any section and axis has this title (case-insensitive). */
  hasTitle(title: string): boolean {
    return this.titles.has(title.toLowerCase());
  }
}
