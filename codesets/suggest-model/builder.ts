/**
 * Builds the `suggest-model-<FY>` bundle: the suggestion model (engine/suggest/model.ts) trained at
 * build time on the CodiEsp train split with the newest installed ICD-10-CM and ICD-10-PCS bundles,
 * so the extension ships it beside the code tables and nothing derived from the corpus is committed.
 *
 * The builder reads one {@link ReleaseSource} laid out as (see {@link SUGGEST_MODEL_LAYOUT}):
 * - `codiesp/train/...`            the corpus (CC BY 4.0), as downloaded;
 * - `installed/<id>.csb`           the code-table bundles the build just installed;
 * - `gems/FY2018/Dxgem_2018.zip`   the official FY2018 GEMs file (FY2018 code list of the gold);
 * - `trainer/<file>.ts` (optional) the suggestion engine's sources, so a changed engine refits.
 * Every one of those files is an input, hence part of the cache key, as are
 * {@link SUGGEST_MODEL_VERSION} and {@link SUGGEST_MODEL_BUILDER_VERSION} (through `version`).
 * `codesets/node/suggest-model.ts` mounts that layout from disk.
 */
import {
  decodeBundle,
  encodeBundle,
  jsonPayload,
  readBundleHeader,
  type BundleHeader,
  type ProvenanceFile,
} from '../../engine/bundle/format';
import { readerFromCompressed } from '../../engine/bundle/reader';
import { sha256Hex } from '../../engine/bundle/sha256';
import { CmTable } from '../../engine/icd10cm/table';
import { PcsTable } from '../../engine/icd10pcs/pcs-table';
import { Suggester } from '../../engine/suggest/suggester';
import { encodeSuggestModel, SUGGEST_MODEL_VERSION, trainSuggestModel } from '../../engine/suggest/model';
import { SUGGEST_MODEL_BLOCK, type SuggestModelFit } from '../../engine/suggest/model-bundle';
import {
  ReleaseFileError,
  type BuiltBundle,
  type CodesetBuilder,
  type ReleaseFile,
  type ReleaseSource,
} from '../builder';
import {
  CODIESP_CITATION,
  CODIESP_CORPUS,
  CODIESP_DOWNLOAD,
  CODIESP_GOLD_YEAR,
  CODIESP_LICENSE,
  codiespSplitFiles,
  codiespTrainOptions,
  codiespTrainingDocuments,
  fy2018CmCodes,
  FY2018_GEMS_PATH,
  readCodiespSplit,
  type CodiespData,
} from './codiesp';

/** Bump when this builder's output changes for the same inputs and the same {@link SUGGEST_MODEL_VERSION}. */
export const SUGGEST_MODEL_BUILDER_VERSION = 3;

/** Where the builder finds each input inside its source. */
export const SUGGEST_MODEL_LAYOUT = {
  corpus: 'codiesp/',
  installed: 'installed/',
  trainer: 'trainer/',
  gems: FY2018_GEMS_PATH,
} as const;

/** A source that is not the corpus root: the mounted `codiesp/` files seen as a corpus root. */
function under(source: ReleaseSource, prefix: string): ReleaseSource {
  return {
    description: `${source.description} (${prefix})`,
    list: () =>
      source
        .list()
        .filter((p) => p.startsWith(prefix))
        .map((p) => p.slice(prefix.length)),
    // Paths stay as mounted (`codiesp/train/...`), so an error names the file the step can locate.
    read: (path) => source.read(prefix + path),
  };
}

function newestBundle(source: ReleaseSource, system: 'icd10cm' | 'icd10pcs', year?: number): string | undefined {
  const pattern = new RegExp(`^${SUGGEST_MODEL_LAYOUT.installed}${system}-(\\d{4})\\.csb$`);
  const years = source
    .list()
    .map((p) => pattern.exec(p)?.[1])
    .filter((y): y is string => y !== undefined)
    .map(Number)
    .sort((a, b) => b - a);
  const pick = year !== undefined && years.includes(year) ? year : years[0];
  return pick === undefined ? undefined : `${SUGGEST_MODEL_LAYOUT.installed}${system}-${pick}.csb`;
}

/** The code-table bundles the model is fitted with: newest CM, and PCS of the same year (else newest). */
function tablePaths(source: ReleaseSource): { cm: string; pcs: string } {
  const cm = newestBundle(source, 'icd10cm');
  if (!cm)
    throw new Error(
      'no ICD-10-CM bundle is installed: the suggestion model is fitted with the code tables, build them first',
    );
  const year = Number(/(\d{4})\.csb$/.exec(cm)![1]);
  const pcs = newestBundle(source, 'icd10pcs', year);
  if (!pcs)
    throw new Error(
      'no ICD-10-PCS bundle is installed: the suggestion model is fitted with the code tables, build them first',
    );
  return { cm, pcs };
}

function corpusInputs(source: ReleaseSource): string[] {
  const { textDir, tsv } = codiespSplitFiles('train');
  const root = SUGGEST_MODEL_LAYOUT.corpus;
  const texts = source.list().filter((p) => p.startsWith(root + textDir) && p.endsWith('.txt'));
  return [...texts, root + tsv.D, root + tsv.P];
}

function openBundle(file: ReleaseFile): { header: BundleHeader; reader: ReturnType<typeof readerFromCompressed> } {
  const { header, compressed } = decodeBundle(file.bytes, { verify: false });
  return { header, reader: readerFromCompressed(header, compressed) };
}

/** One provenance line for the corpus texts: a digest over every text file's name and sha256. */
function textsProvenance(files: readonly ReleaseFile[]): ProvenanceFile {
  const listing = files.map((f) => `${f.name}\t${f.sha256}\n`).join('');
  return {
    file: `train/text_files_en/*.txt (${files.length} files; sha256 of "name<TAB>sha256" lines)`,
    sha256: sha256Hex(new TextEncoder().encode(listing)),
    bytes: files.reduce((n, f) => n + f.bytes.length, 0),
    role: 'corpus-texts',
    releaseYear: CODIESP_GOLD_YEAR,
  };
}

function fileProvenance(file: ReleaseFile, role: string, releaseYear: number): ProvenanceFile {
  return { file: file.name, sha256: file.sha256, bytes: file.bytes.length, role, releaseYear };
}

/**
 * Trains the model and writes the bundle. Pure and deterministic: the same corpus, tables and
 * engine give byte-identical bytes.
 */
export function buildSuggestModelBundle(source: ReleaseSource): BuiltBundle {
  const tables = tablePaths(source);
  const cmFile = source.read(tables.cm);
  const pcsFile = source.read(tables.pcs);
  const cm = openBundle(cmFile);
  const pcs = openBundle(pcsFile);
  const gems = source.read(SUGGEST_MODEL_LAYOUT.gems);
  const fy2018 = fy2018CmCodes(gems);
  const data: CodiespData = readCodiespSplit(under(source, SUGGEST_MODEL_LAYOUT.corpus), 'train');
  const docs = codiespTrainingDocuments(data);
  const texts = data.files.filter((f) => f.name.endsWith('.txt'));
  const gold = data.files.filter((f) => f.name.endsWith('.tsv'));
  const provenance: ProvenanceFile[] = [
    textsProvenance(texts),
    ...gold.map((f) =>
      fileProvenance(f, f.name.endsWith('D.tsv') ? 'corpus-gold-cm' : 'corpus-gold-pcs', CODIESP_GOLD_YEAR),
    ),
    fileProvenance(gems, 'fy2018-codes', 2018),
    fileProvenance(cmFile, 'icd10cm-tables', cm.header.fiscalYear),
    fileProvenance(pcsFile, 'icd10pcs-tables', pcs.header.fiscalYear),
  ];
  const suggester = new Suggester(CmTable.fromReader(cm.reader), PcsTable.fromBundle(pcs.reader));
  const options = codiespTrainOptions(
    suggester,
    fy2018,
    data,
    docs.length,
    provenance.map((p) => ({ file: p.file, sha256: p.sha256, bytes: p.bytes })),
  );
  const { suggestOptions } = options;
  const model = trainSuggestModel(docs, options);
  const fit: SuggestModelFit = {
    modelVersion: SUGGEST_MODEL_VERSION,
    builderVersion: SUGGEST_MODEL_BUILDER_VERSION,
    split: 'train',
    documents: docs.length,
    suggestOptions,
    tables: { cm: cm.header.id, pcs: pcs.header.id },
  };
  const goldCount = (kind: 'D' | 'P'): number => [...data.gold[kind].values()].reduce((n, s) => n + s.size, 0);
  const bytes = encodeBundle(
    {
      id: `suggest-model-${cm.header.fiscalYear}`,
      system: 'suggest-model',
      fiscalYear: cm.header.fiscalYear,
      effectiveFrom: cm.header.effectiveFrom,
      effectiveTo: cm.header.effectiveTo,
      release: `Suggestion model v${SUGGEST_MODEL_VERSION} (${CODIESP_CORPUS}, ${docs.length} documents; fitted with ${cm.header.id} and ${pcs.header.id})`,
      provenance,
      notes: [
        `License of the training data: ${CODIESP_LICENSE}. Data: ${CODIESP_DOWNLOAD}`,
        `Citation: ${CODIESP_CITATION}`,
        'The model adds candidates from its word associations (each with the words that triggered it) and re-orders; every code it proposes is checked against the year\'s tables. It is off unless turned on in the options page ("Rank suggestions with the learned model"): it ranks like the CodiEsp annotators, not by the Official Guidelines.',
        `Gold codes are FY${CODIESP_GOLD_YEAR}; a suggested code that does not exist in FY2018 was compared through its nearest FY2018 ancestor (code list of the official FY2018 GEMs file).`,
        `Fitted with suggest options ${JSON.stringify(suggestOptions)} (CodiEsp annotation conventions).`,
      ],
      counts: {
        documents: docs.length,
        goldCmCodes: goldCount('D'),
        goldPcsCodes: goldCount('P'),
        associationFeatures: model.associations.features.size,
        calibratedCodes: model.calibration.byId.size,
      },
    },
    [
      { name: SUGGEST_MODEL_BLOCK.model, kind: 'json', payload: jsonPayload(encodeSuggestModel(model)) },
      { name: SUGGEST_MODEL_BLOCK.fit, kind: 'json', payload: jsonPayload(fit) },
    ],
  );
  return { header: readBundleHeader(bytes), bytes };
}

/**
 * The suggestion-model step as a {@link CodesetBuilder} (run by `codesets/node/suggest-model.ts`
 * after the code tables, over the layout of {@link SUGGEST_MODEL_LAYOUT}).
 */
export const suggestModelBuilder: CodesetBuilder = {
  name: 'suggest-model',
  // Model format and builder both count: a new trainer (SUGGEST_MODEL_VERSION) rebuilds it.
  version: SUGGEST_MODEL_VERSION * 1000 + SUGGEST_MODEL_BUILDER_VERSION,
  inputs(source) {
    if (!source.list().includes(SUGGEST_MODEL_LAYOUT.gems))
      throw new ReleaseFileError(
        SUGGEST_MODEL_LAYOUT.gems,
        undefined,
        'the official FY2018 ICD-10-CM GEMs file (CMS "2018 ICD-10-CM General Equivalence Mappings", Dxgem_2018.zip) is missing from the release files: CodiEsp gold codes are FY2018 and are compared through its code list',
      );
    const tables = tablePaths(source);
    const trainer = source.list().filter((p) => p.startsWith(SUGGEST_MODEL_LAYOUT.trainer));
    return [...corpusInputs(source), SUGGEST_MODEL_LAYOUT.gems, tables.cm, tables.pcs, ...trainer];
  },
  build: (source) => [buildSuggestModelBundle(source)],
};
