/**
 * Synthetic codeset bundles for platform tests (until the real build lands they are also what the
 * worker tests run against). Codes are real ICD-10-CM code shapes with made-up short titles; no
 * official table content is reproduced.
 */
import { assembleCmYear } from '../../../codesets/icd10cm/assemble';
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
      Array.from({ length: per }, (_, i) => ({
        code: `Z${String(b).padStart(2, '0')}.${i}`,
        title: `Synthetic r${revision} ${b}/${i}`,
      })),
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
      provenance: [
        { file: `synthetic_${system}_${fy}.txt`, sha256: '0'.repeat(64), bytes: 1, role: 'order', releaseYear: fy },
      ],
      notes: ['synthetic test bundle'],
      counts: { codes: blockCount * per },
    },
    blocks,
  );
}

/**
 * A synthetic ICD-10-CM bundle built by the real ICD-10-CM assembler (codesets/icd10cm) from an
 * invented order list, so it always has the block layout `CmTable` reads. Titles are invented;
 * `rows` are `[code, billable, title]`.
 */
export function cmFixtureBundle(
  fiscalYear: number,
  rows: [code: string, billable: boolean, title: string][],
): Uint8Array {
  const built = assembleCmYear({
    year: fiscalYear,
    order: {
      data: rows.map(([code, billable, title], i) => ({ order: i + 1, code, billable, short: title, long: title })),
      provenance: [
        {
          file: `icd10cm_order_${fiscalYear}.txt`,
          sha256: 'a'.repeat(64),
          bytes: 10,
          role: 'order',
          releaseYear: fiscalYear,
        },
      ],
    },
  });
  return built.bytes;
}
