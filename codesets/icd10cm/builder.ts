/**
 * The ICD-10-CM {@link CodesetBuilder}: one bundle `icd10cm-<FY>` per fiscal year that has an
 * order file in the source, each built from that year's files where they exist and otherwise from
 * the newest older file (POA-exempt list: a newer one when no older exists), always saying so.
 */
import type { ProvenanceFile } from '../../engine/bundle/format';
import type { BuiltBundle, CodesetBuilder, ReleaseSource } from '../builder';
import { parseOrderAddenda } from './addenda';
import { assembleCmYear, type CmYearInputs, type Sourced } from './assemble';
import {
  displayName,
  listCmFiles,
  pickFile,
  readCmFile,
  type CmFileChoice,
  type CmFileRef,
  type CmFileRole,
} from './files';
import { parseIndexTree } from './index-xml';
import { applyOrderAddenda } from './derive';
import { parseOrderFile, type OrderRecord } from './order-file';
import { parsePoaExempt } from './poa-exempt';
import { parseTabular } from './tabular';

/** Which optional parts feed each year, and how they are described. */
const PARTS: { role: CmFileRole; what: string; allowNewer?: boolean }[] = [
  { role: 'tabular', what: 'Tabular List' },
  { role: 'index', what: 'Alphabetic Index' },
  { role: 'eindex', what: 'External Cause Index' },
  { role: 'drug', what: 'Table of Drugs and Chemicals' },
  { role: 'neoplasm', what: 'Neoplasm Table' },
  { role: 'poa-exempt', what: 'POA-exempt list', allowNewer: true },
];

/**
 * One year to build. `order` is the year's own order file, or (a year with order addenda but no
 * order file, the previous year being buildable) the previous year's, to which the addenda are
 * applied (`derived`).
 */
interface YearPlan {
  year: number;
  order: CmFileRef;
  derived: boolean;
  parts: Map<CmFileRole, CmFileChoice>;
}

function plan(files: CmFileRef[]): YearPlan[] {
  const official = new Set(files.filter((f) => f.role === 'order').map((f) => f.year));
  const years = [...official];
  // A year with only its order addenda is derived from the year before, when that year is built
  // (official or itself derived); an official order file, when given, always wins.
  for (const a of files.filter((f) => f.role === 'addenda').sort((x, y) => x.year - y.year)) {
    if (!years.includes(a.year) && years.includes(a.year - 1)) years.push(a.year);
  }
  const out: YearPlan[] = [];
  for (const year of years.sort((a, b) => a - b)) {
    const derived = !official.has(year);
    const order = derived
      ? out.find((p) => p.year === year - 1)!.order
      : files.find((f) => f.role === 'order' && f.year === year)!;
    const parts = new Map<CmFileRole, CmFileChoice>();
    for (const p of PARTS) {
      const c = pickFile(files, p.role, year, p.what, { allowNewer: p.allowNewer ?? false });
      if (c) parts.set(p.role, c);
    }
    const addenda = files.find((f) => f.role === 'addenda' && f.year === year);
    if (addenda) parts.set('addenda', { file: addenda });
    out.push({ year, order, derived, parts });
  }
  return out;
}

/** The sentence a derived year's header carries (its `derivation`). */
export function cmDerivation(year: number, orderYear: number): string {
  return `derived: FY${orderYear} order file + FY${year} order addenda (no FY${year} order file available)`;
}

/** The ICD-10-CM importer. */
export const icd10cmBuilder: CodesetBuilder = {
  name: 'icd10cm',
  version: 10,
  inputs(source: ReleaseSource): string[] {
    const paths = new Set<string>();
    for (const y of plan(listCmFiles(source))) {
      paths.add(y.order.path);
      for (const c of y.parts.values()) paths.add(c.file.path);
    }
    return [...paths].sort();
  },
  build(source: ReleaseSource): BuiltBundle[] {
    const files = listCmFiles(source);
    const years = plan(files);
    // Each file is parsed once even when it feeds several years (the FY2017 Tabular feeds both).
    const parsed = new Map<string, Sourced<unknown>>();
    const load = <T>(
      ref: CmFileRef,
      parse: (bytes: Uint8Array, name: string) => T,
      substitution?: string,
    ): Sourced<T> => {
      const key = `${ref.path}!${ref.member ?? ''}`;
      let hit = parsed.get(key) as Sourced<T> | undefined;
      if (!hit) {
        const { bytes, sha256 } = readCmFile(source, ref);
        const name = ref.member ? `${ref.path}:${ref.member}` : ref.path;
        const prov: ProvenanceFile = {
          file: displayName(ref),
          sha256,
          bytes: bytes.length,
          role: ref.role,
          releaseYear: ref.year,
        };
        hit = { data: parse(bytes, name), provenance: [prov] };
        parsed.set(key, hit);
      }
      return substitution ? { ...hit, substitution } : hit;
    };
    // Parse every file of every year before assembling any bundle, so a broken file is reported
    // quickly and nothing is assembled from a half-read release.
    for (const y of years) load(y.order, parseOrderFile); // the small files first: fail fast
    // Derived years, in ascending order so a year derived from a derived year finds it.
    const orders = new Map<number, Sourced<OrderRecord[]>>();
    for (const y of years) {
      const own = load(y.order, parseOrderFile);
      const addenda = y.parts.get('addenda');
      if (!y.derived || !addenda) {
        orders.set(y.year, own);
        continue;
      }
      const prev = orders.get(y.year - 1)!;
      const add = load(addenda.file, parseOrderAddenda);
      orders.set(y.year, {
        data: applyOrderAddenda(prev.data, add.data, add.provenance[0]!.file),
        // The addenda's own provenance is recorded with the addenda part.
        provenance: prev.provenance,
        substitution: cmDerivation(y.year, y.year - 1),
      });
    }
    const inputs = years.map((y) => {
      const part = <T>(role: CmFileRole, parse: (bytes: Uint8Array, name: string) => T): Sourced<T> | undefined => {
        const c = y.parts.get(role);
        return c ? load(c.file, parse, c.substitution) : undefined;
      };
      const parts: CmYearInputs = {
        year: y.year,
        order: orders.get(y.year)!,
        ...(y.derived ? { derivation: cmDerivation(y.year, y.year - 1) } : {}),
        tabular: part('tabular', parseTabular),
        index: part('index', parseIndexTree),
        eindex: part('eindex', parseIndexTree),
        drug: part('drug', parseIndexTree),
        neoplasm: part('neoplasm', parseIndexTree),
        poaExempt: part('poa-exempt', parsePoaExempt),
        addenda: part('addenda', parseOrderAddenda),
      };
      return parts;
    });
    return inputs.map(assembleCmYear);
  },
};
