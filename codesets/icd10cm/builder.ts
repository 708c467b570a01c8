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
import { parseOrderFile } from './order-file';
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

function plan(files: CmFileRef[]): { year: number; order: CmFileRef; parts: Map<CmFileRole, CmFileChoice> }[] {
  return files
    .filter((f) => f.role === 'order')
    .sort((a, b) => a.year - b.year)
    .map((order) => {
      const parts = new Map<CmFileRole, CmFileChoice>();
      for (const p of PARTS) {
        const c = pickFile(files, p.role, order.year, p.what, { allowNewer: p.allowNewer ?? false });
        if (c) parts.set(p.role, c);
      }
      const addenda = files.find((f) => f.role === 'addenda' && f.year === order.year);
      if (addenda) parts.set('addenda', { file: addenda });
      return { year: order.year, order, parts };
    });
}

/** The ICD-10-CM importer. */
export const icd10cmBuilder: CodesetBuilder = {
  name: 'icd10cm',
  version: 9,
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
    const inputs = years.map((y) => {
      const part = <T>(role: CmFileRole, parse: (bytes: Uint8Array, name: string) => T): Sourced<T> | undefined => {
        const c = y.parts.get(role);
        return c ? load(c.file, parse, c.substitution) : undefined;
      };
      const parts: CmYearInputs = {
        year: y.year,
        order: load(y.order, parseOrderFile),
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
