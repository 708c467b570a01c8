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
