/**
 * The suggestion model as it travels in a `suggest-model` bundle (built by
 * codesets/suggest-model/builder.ts, installed with the code tables): block names, and the one
 * decoder the worker, the CLI and the evaluation use, so a malformed bundle is refused the same
 * way everywhere.
 */
import type { BundleReader } from '../bundle/reader';
import { blockJson } from '../bundle/format';
import { ChartsideSuggestModelError, decodeSuggestModel, type SuggestModel } from './model';
import type { SuggestOptions } from './types';

/** Block names of a `suggest-model` bundle. */
export const SUGGEST_MODEL_BLOCK = {
  /** The `EncodedSuggestModel` JSON (see {@link decodeSuggestModel}). */
  model: 'model',
  /** {@link SuggestModelFit} JSON: how the model was fitted. */
  fit: 'fit',
} as const;

/** What the `fit` block records (the evaluation checks it before scoring a built model). */
export interface SuggestModelFit {
  /** `SUGGEST_MODEL_VERSION` of the trainer. */
  modelVersion: number;
  builderVersion: number;
  split: 'train';
  documents: number;
  /** Suggest options used while fitting. */
  suggestOptions: SuggestOptions;
  /** Ids of the code-table bundles the model was fitted with (e.g. `icd10cm-2026`). */
  tables: { cm: string; pcs: string };
}

/** Which model answered, as the UI and the CLI show it. */
export interface SuggestModelInfo {
  /** Bundle id, e.g. `suggest-model-2026`. */
  id: string;
  /** Collection it was learned from, e.g. `CodiEsp train (English translations)`. */
  corpus: string;
  /** Training documents. */
  documents: number;
  /** `SUGGEST_MODEL_VERSION` of the model. */
  version: number;
  license: string;
  citation: string;
}

/**
 * Reads and validates the model of a `suggest-model` bundle.
 *
 * @throws ChartsideSuggestModelError naming the bundle when it is not a suggestion-model bundle,
 *   lacks its model block, the block is corrupt (checksum), or the model is malformed or of
 *   another version.
 * @example const model = suggestModelFromBundle(reader); suggestWithModel(suggester, text, model)
 */
export function suggestModelFromBundle(reader: BundleReader): SuggestModel {
  const id = reader.header.id;
  if (reader.header.system !== 'suggest-model')
    throw new ChartsideSuggestModelError(
      `bundle ${id} is not a suggestion-model bundle (system ${reader.header.system})`,
    );
  let json: unknown;
  try {
    json = blockJson<unknown>(reader.bytes(SUGGEST_MODEL_BLOCK.model));
  } catch (cause) {
    throw new ChartsideSuggestModelError(
      `suggestion model ${id} cannot be read: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
  try {
    return decodeSuggestModel(json);
  } catch (cause) {
    throw new ChartsideSuggestModelError(
      `suggestion model ${id} is refused: ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
}

/** The {@link SuggestModelInfo} of a decoded model from bundle `id`. */
export function suggestModelInfo(id: string, model: SuggestModel): SuggestModelInfo {
  return {
    id,
    corpus: model.provenance.corpus,
    documents: model.provenance.documents,
    version: model.version,
    license: model.provenance.license,
    citation: model.provenance.citation,
  };
}

/** Notice shown when no model is installed (or it is turned off or refused). */
export const NO_SUGGEST_MODEL_NOTICE = 'No suggestion model installed: suggestions are ranked by the Index alone';

/** One line naming the model, e.g. "Ranked with suggestion model v2 (CodiEsp train ..., 500 documents; CC BY 4.0)". */
export function describeSuggestModel(info: SuggestModelInfo): string {
  return `Ranked with suggestion model v${info.version} (${info.corpus}, ${info.documents} documents; ${info.license.replace(/ \(.*\)$/, '')})`;
}
