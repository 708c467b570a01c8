/**
 * Synthetic codeset bundles for platform tests (until the real build lands they are also what the
 * worker tests run against). Codes are real ICD-10-CM code shapes with made-up short titles; no
 * official table content is reproduced.
 */
import { encodeBundle, jsonPayload, type BundleSystem } from '../../../engine/bundle/format';

export interface FixtureBundleOptions {
  system?: BundleSystem;
  fiscalYear?: number;
  /** Number of blocks; each holds `codesPerBlock` synthetic entries. */
  blocks?: number;
  codesPerBlock?: number;
  /** Changes the payload (and so the sha256) without changing the id. */
  revision?: number;
}

/** Encodes a small synthetic bundle `<system>-<fiscalYear>`. */
export function fixtureBundle(options: FixtureBundleOptions = {}): Uint8Array {
  const system = options.system ?? 'icd10cm';
  const fy = options.fiscalYear ?? 2026;
  const blockCount = options.blocks ?? 3;
  const per = options.codesPerBlock ?? 50;
  const revision = options.revision ?? 1;
  const blocks = Array.from({ length: blockCount }, (_, b) => ({
    name: `codes-${b}`,
    kind: 'json' as const,
    payload: jsonPayload(
      Array.from({ length: per }, (_, i) => ({ code: `Z${String(b).padStart(2, '0')}.${i}`, title: `Synthetic r${revision} ${b}/${i}` })),
    ),
  }));
  return encodeBundle(
    {
      id: `${system}-${fy}`,
      system,
      fiscalYear: fy,
      effectiveFrom: `${fy - 1}-10-01`,
      effectiveTo: `${fy}-09-30`,
      release: `Synthetic ${system} FY${fy} r${revision}`,
      provenance: [{ file: `synthetic_${system}_${fy}.txt`, sha256: '0'.repeat(64), bytes: 1, role: 'order', releaseYear: fy }],
      notes: ['synthetic test bundle'],
      counts: { codes: blockCount * per },
    },
    blocks,
  );
}

/**
 * A synthetic ICD-10-CM bundle in the `CmTable` block layout (engine/icd10cm/layout.ts) holding
 * only the `cm-codes` block. Titles are invented; `rows` are `[code, billable, title]`, a code's
 * parent is its longest proper prefix present.
 */
export function cmFixtureBundle(fiscalYear: number, rows: [code: string, billable: boolean, title: string][]): Uint8Array {
  const codes = rows.map(([c]) => c);
  const at = new Map(codes.map((c, i) => [c, i]));
  const parent = codes.map((c) => {
    for (let n = c.length - 1; n >= 3; n--) {
      const p = at.get(c.slice(0, n));
      if (p !== undefined) return p;
    }
    return -1;
  });
  const block = {
    layout: 1,
    codes,
    flags: rows.map(([, billable]) => (billable ? 1 : 0)),
    short: rows.map(() => ''),
    long: rows.map(([, , title]) => title),
    parent,
    section: rows.map(() => -1),
  };
  return encodeBundle(
    {
      id: `icd10cm-${fiscalYear}`,
      system: 'icd10cm',
      fiscalYear,
      effectiveFrom: `${fiscalYear - 1}-10-01`,
      effectiveTo: `${fiscalYear}-09-30`,
      release: `ICD-10-CM FY${fiscalYear} (synthetic)`,
      provenance: [
        { file: `icd10cm_order_${fiscalYear}.txt`, sha256: 'a'.repeat(64), bytes: 10, role: 'order', releaseYear: fiscalYear },
        { file: 'icd10cm_tabular_2017.xml', sha256: 'b'.repeat(64), bytes: 10, role: 'tabular', releaseYear: 2017 },
      ],
      notes: ['Tabular List from FY2017: no newer file available (synthetic)'],
      counts: { codes: rows.length, billable: rows.filter(([, b]) => b).length },
    },
    [{ name: 'cm-codes', kind: 'json', payload: jsonPayload(block) }],
  );
}
