/**
 * The suggestion lexicon as it travels in a `suggest-lexicon-<FY>` bundle: built at build time
 * by `npm run codesets` (codesets/suggest-lexicon/builder.ts) from the installed ICD-10-CM and
 * ICD-10-PCS bundles with {@link buildLexicon} (the one source of its content), installed with the
 * code tables, and loaded by the worker and the CLI in a fraction of a second instead of being
 * rebuilt in every process (seconds to tens of seconds).
 *
 * Blocks:
 * - `meta`: JSON {@link LexiconMeta} (Zod-checked on read): format and codec versions, the
 *   table bundles (id, sha256) it was built from, the entry count;
 * - `lexicon`: the lexicon `buildLexicon` returned, in columns ({@link LexiconColumns}:
 *   typed arrays and a string table, engine/suggest/compact-lexicon.ts) in the generic packed form
 *   of engine/bundle/packed.ts. Loading takes views on the unpacked block and builds no entry:
 *   the entries a chart reads are built when first read;
 * - `guidelines`: JSON {@link GuidelineTablesData}, the guideline stage's Index/Tabular tables
 *   (engine/suggest/guideline-tables.ts), so the first suggestion does not walk the Index for them.
 *
 * A lexicon and its guideline tables are used only with the very tables they were built from (same
 * bundle sha256): with any other, the caller builds them from the tables and says why.
 */
import { z } from 'zod';
import { blockJson, jsonPayload, type BlockInput } from '../bundle/format';
import { packValue, PACKED_CODEC_VERSION, unpackValue } from '../bundle/packed';
import type { BundleReader } from '../bundle/reader';
import { ChartsideError } from '../errors';
import { compactLexicon, isLexiconColumns, lexiconFromColumns } from './compact-lexicon';
import { parseGuidelineTables, type GuidelineTablesData } from './guideline-tables';
import type { SuggestLexicon } from './lexicon';

/**
 * Version of this bundle's layout (block names, meta fields, the `lexicon` block's columns). The
 * content's own changes are caught by the build's cache key (the lexicon sources are inputs), not
 * by this number. 2: the lexicon in columns (1 held every entry as an object). 3: adds the
 * `guidelines` block, and entries may come from Tabular inclusion terms (source `inclusion`, a new
 * value of the entry's source bits).
 */
export const SUGGEST_LEXICON_FORMAT_VERSION = 3;

/** Block names of a `suggest-lexicon` bundle. */
export const SUGGEST_LEXICON_BLOCK = { meta: 'meta', lexicon: 'lexicon', guidelines: 'guidelines' } as const;

/** One table bundle a lexicon was built from. */
export interface LexiconSource {
  /** `cm` or `pcs`. */
  role: 'cm' | 'pcs';
  /** Bundle id, e.g. `icd10cm-2026`. */
  id: string;
  /** sha256 of the bundle file (what the worker's release rows and the CLI's cache hold). */
  sha256: string;
}

/** The `meta` block. */
export interface LexiconMeta {
  formatVersion: number;
  codecVersion: number;
  sources: LexiconSource[];
  entries: number;
}

const META_SCHEMA = z.object({
  formatVersion: z.number().int(),
  codecVersion: z.number().int(),
  sources: z.array(z.object({ role: z.enum(['cm', 'pcs']), id: z.string().min(1), sha256: z.string() })),
  entries: z.number().int().nonnegative(),
});

/** Raised for a lexicon bundle this build cannot use; the caller builds the lexicon instead. */
export class ChartsideLexiconBundleError extends ChartsideError {
  override name = 'ChartsideLexiconBundleError';
}

/**
 * The blocks of a lexicon bundle (`guidelines`: {@link guidelineTablesData} of the same CM table).
 *
 * @example encodeBundle({ id: 'suggest-lexicon-2026', system: 'suggest-lexicon', ... }, lexiconBlocks(lex, sources, guidelineTablesData(cm)))
 */
export function lexiconBlocks(
  lexicon: SuggestLexicon,
  sources: LexiconSource[],
  guidelines: GuidelineTablesData,
): BlockInput[] {
  const meta: LexiconMeta = {
    formatVersion: SUGGEST_LEXICON_FORMAT_VERSION,
    codecVersion: PACKED_CODEC_VERSION,
    sources,
    entries: lexicon.entries.length,
  };
  return [
    { name: SUGGEST_LEXICON_BLOCK.meta, kind: 'json', payload: jsonPayload(meta) },
    { name: SUGGEST_LEXICON_BLOCK.lexicon, kind: 'bytes', payload: packValue(compactLexicon(lexicon)) },
    { name: SUGGEST_LEXICON_BLOCK.guidelines, kind: 'json', payload: jsonPayload(guidelines) },
  ];
}

/**
 * Reads and checks the `meta` block (cheap: decides whether the lexicon fits the tables before
 * the large block is inflated).
 *
 * @throws ChartsideLexiconBundleError naming the bundle for another system, a malformed meta or another version.
 */
export function lexiconMeta(reader: BundleReader): LexiconMeta {
  const id = reader.header.id;
  if (reader.header.system !== 'suggest-lexicon')
    throw new ChartsideLexiconBundleError(
      `bundle ${id} is not a suggestion-lexicon bundle (system ${reader.header.system})`,
    );
  let json: unknown;
  try {
    json = blockJson<unknown>(reader.bytes(SUGGEST_LEXICON_BLOCK.meta));
  } catch (cause) {
    throw new ChartsideLexiconBundleError(`suggestion lexicon ${id} cannot be read: ${message(cause)}`);
  }
  return parseLexiconMeta(id, json);
}

/**
 * Checks a `meta` block's JSON (from bundle `id`).
 *
 * @throws ChartsideLexiconBundleError for a malformed meta or another format or codec version.
 */
export function parseLexiconMeta(id: string, json: unknown): LexiconMeta {
  const parsed = META_SCHEMA.safeParse(json);
  if (!parsed.success)
    throw new ChartsideLexiconBundleError(
      `suggestion lexicon ${id} has a malformed meta block: ${parsed.error.issues[0]?.message ?? 'unknown shape'}`,
    );
  const meta = parsed.data;
  if (meta.formatVersion !== SUGGEST_LEXICON_FORMAT_VERSION || meta.codecVersion !== PACKED_CODEC_VERSION)
    throw new ChartsideLexiconBundleError(
      `suggestion lexicon ${id} has format ${meta.formatVersion} (codec ${meta.codecVersion}); this build reads format ${SUGGEST_LEXICON_FORMAT_VERSION} (codec ${PACKED_CODEC_VERSION}). Rebuild it: npx chartside codesets build`,
    );
  return meta;
}

/**
 * Whether a lexicon built from `meta.sources` fits the given tables (same bundle ids and sha256;
 * no PCS source and no PCS table count as the same).
 */
export function lexiconFits(
  meta: LexiconMeta,
  cm: { id: string; sha256: string },
  pcs?: { id: string; sha256: string },
): boolean {
  const same = (role: 'cm' | 'pcs', t?: { id: string; sha256: string }): boolean => {
    const s = meta.sources.find((x) => x.role === role);
    return s === undefined ? t === undefined : t !== undefined && s.id === t.id && s.sha256 === t.sha256;
  };
  return same('cm', cm) && same('pcs', pcs);
}

/**
 * Decodes the lexicon of a bundle whose {@link lexiconMeta} was accepted.
 *
 * @throws ChartsideLexiconBundleError naming the bundle when the block is corrupt or not a lexicon.
 * @example const lex = lexiconFromBundle(reader); new Suggester(cm, pcs, lex)
 */
export function lexiconFromBundle(reader: BundleReader): SuggestLexicon {
  const meta = lexiconMeta(reader);
  let raw: Uint8Array;
  try {
    raw = reader.bytes(SUGGEST_LEXICON_BLOCK.lexicon);
  } catch (cause) {
    throw new ChartsideLexiconBundleError(`suggestion lexicon ${reader.header.id} cannot be read: ${message(cause)}`);
  }
  return decodeLexicon(reader.header.id, meta, raw);
}

/**
 * Decodes the inflated `lexicon` block of bundle `id` (for callers that inflate it themselves,
 * e.g. with the browser's native decoder).
 *
 * @throws ChartsideLexiconBundleError when the bytes are not a lexicon of that meta.
 */
export function decodeLexicon(id: string, meta: LexiconMeta, raw: Uint8Array): SuggestLexicon {
  let columns: unknown;
  try {
    columns = unpackValue<unknown>(raw);
  } catch (cause) {
    throw new ChartsideLexiconBundleError(`suggestion lexicon ${id} cannot be read: ${message(cause)}`);
  }
  if (!isLexiconColumns(columns) || columns.entryFlags.length !== meta.entries)
    throw new ChartsideLexiconBundleError(`suggestion lexicon ${id} does not hold a lexicon`);
  try {
    return lexiconFromColumns(columns);
  } catch (cause) {
    throw new ChartsideLexiconBundleError(`suggestion lexicon ${id} cannot be read: ${message(cause)}`);
  }
}

/**
 * The guideline tables of a bundle whose {@link lexiconMeta} was accepted.
 *
 * @throws ChartsideLexiconBundleError naming the bundle when the block is missing or malformed.
 * @example primeGuidelineTables(cm, guidelineTablesFromBundle(reader))
 */
export function guidelineTablesFromBundle(reader: BundleReader): GuidelineTablesData {
  let raw: Uint8Array;
  try {
    raw = reader.bytes(SUGGEST_LEXICON_BLOCK.guidelines);
  } catch (cause) {
    throw new ChartsideLexiconBundleError(`guideline tables of ${reader.header.id} cannot be read: ${message(cause)}`);
  }
  return decodeGuidelineTables(reader.header.id, raw);
}

/**
 * Decodes the inflated `guidelines` block of bundle `id`.
 *
 * @throws ChartsideLexiconBundleError when the bytes are not guideline tables.
 */
export function decodeGuidelineTables(id: string, raw: Uint8Array): GuidelineTablesData {
  try {
    return parseGuidelineTables(blockJson<unknown>(raw));
  } catch (cause) {
    throw new ChartsideLexiconBundleError(`guideline tables of ${id} cannot be read: ${message(cause)}`);
  }
}

function message(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
