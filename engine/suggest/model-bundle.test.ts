// A suggestion-model bundle that cannot be trusted is refused with a message naming the bundle and
// the problem (bad input gets a clear error and loses nothing); the worker then ranks by the Index alone.
import { describe, expect, it } from 'vitest';
import { decodeBundle, encodeBundle, jsonPayload, type BundleSystem } from '../bundle/format';
import { readerFromCompressed } from '../bundle/reader';
import { ChartsideSuggestModelError, SUGGEST_MODEL_VERSION } from './model';
import { describeSuggestModel, SUGGEST_MODEL_BLOCK, suggestModelFromBundle } from './model-bundle';

function bundle(blocks: { name: string; json: unknown }[], system: BundleSystem = 'suggest-model') {
  const bytes = encodeBundle(
    {
      id: `${system}-2026`,
      system,
      fiscalYear: 2026,
      effectiveFrom: '2025-10-01',
      effectiveTo: '2026-09-30',
      release: 'synthetic',
      provenance: [],
      notes: [],
      counts: {},
    },
    blocks.map((b) => ({ name: b.name, kind: 'json' as const, payload: jsonPayload(b.json) })),
  );
  const { header, compressed } = decodeBundle(bytes);
  return Object.assign(readerFromCompressed(header, compressed), { compressed });
}

const refused = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ChartsideSuggestModelError);
    return (error as Error).message;
  }
  throw new Error('expected a refusal');
};

describe('suggestModelFromBundle refuses', () => {
  it('a bundle of another system', () => {
    expect(refused(() => suggestModelFromBundle(bundle([{ name: 'model', json: {} }], 'icd10cm')))).toMatch(
      /bundle icd10cm-2026 is not a suggestion-model bundle/,
    );
  });

  it('a bundle without its model block', () => {
    expect(refused(() => suggestModelFromBundle(bundle([{ name: 'other', json: {} }])))).toMatch(
      /suggestion model suggest-model-2026 cannot be read: .*no block "model"/,
    );
  });

  it('a model of another version, saying which version this build reads', () => {
    expect(
      refused(() => suggestModelFromBundle(bundle([{ name: SUGGEST_MODEL_BLOCK.model, json: { version: 999 } }]))),
    ).toMatch(
      new RegExp(`suggest-model-2026 is refused: .*version 999 is not supported .*version ${SUGGEST_MODEL_VERSION}`),
    );
  });

  it('a model of this version with a malformed field, naming the field', () => {
    const json = { version: SUGGEST_MODEL_VERSION, provenance: { corpus: 42 } };
    expect(refused(() => suggestModelFromBundle(bundle([{ name: SUGGEST_MODEL_BLOCK.model, json }])))).toMatch(
      /suggest-model-2026 is refused: suggestion model is malformed at provenance/,
    );
  });

  it('a model block whose bytes do not match its checksum', () => {
    const reader = bundle([{ name: SUGGEST_MODEL_BLOCK.model, json: { version: SUGGEST_MODEL_VERSION } }]);
    const entry = reader.header.blocks[0]!;
    const tampered = readerFromCompressed(
      { ...reader.header, blocks: [{ ...entry, sha256: '0'.repeat(64) }] },
      reader.compressed,
    );
    expect(refused(() => suggestModelFromBundle(tampered))).toMatch(
      /cannot be read: block "model" does not match its checksum/,
    );
  });
});

describe('describeSuggestModel', () => {
  it('names the version, corpus, documents and license (without the URL)', () => {
    expect(
      describeSuggestModel({
        id: 'suggest-model-2026',
        corpus: 'CodiEsp train (English translations)',
        documents: 500,
        version: 2,
        license: 'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)',
        citation: 'x',
      }),
    ).toBe('Ranked with suggestion model v2 (CodiEsp train (English translations), 500 documents; CC BY 4.0)');
  });
});
