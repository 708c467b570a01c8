// The suggestion-model step of `chartside codesets build`: deterministic bundle, cache
// key, missing corpus, malformed corpus file. Runs on the six-case synthetic corpus with the real
// installed CM/PCS bundles (linked into a scratch cache), never on the shared cache's model.
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { decodeBundle, encodeBundle, jsonPayload, readBundleHeader } from '../../engine/bundle/format';
import { readerFromCompressed } from '../../engine/bundle/reader';
import { SUGGEST_MODEL_VERSION } from '../../engine/suggest/model';
import { suggestModelFromBundle } from '../../engine/suggest/model-bundle';
import { buildSuggestModelBundle, SUGGEST_MODEL_LAYOUT, suggestModelBuilder } from '../suggest-model/builder';
import {
  CODIESP_FIT_OPTIONS,
  codiespGoldForm,
  codiespTrainingDocuments,
  fy2018CmCodes,
  FY2018_GEMS_PATH,
  readCodiespSplit,
} from '../suggest-model/codiesp';
import { CmTable } from '../../engine/icd10cm/table';
import { PcsTable } from '../../engine/icd10pcs/pcs-table';
import { Suggester } from '../../engine/suggest/suggester';
import {
  ChartsideSuggestModelError,
  encodeSuggestModel,
  suggestWithModel,
  trainSuggestModel,
} from '../../engine/suggest/model';
import { FsBundleStore, readBundleFile } from './cache';
import { FsReleaseSource } from './fs-source';
import {
  buildSuggestModelStep,
  codiespCandidates,
  loadCachedSuggestModel,
  MountedSource,
  SUGGEST_MODEL_REQUEST,
  suggestModelRequested,
} from './suggest-model';
import { removeScratchModelCaches, scratchModelCache } from './testing/suggest-model-fixture';

let scratch: Awaited<ReturnType<typeof scratchModelCache>>;
afterAll(removeScratchModelCaches);
beforeAll(async () => {
  scratch = await scratchModelCache();
}, 120_000);

function source(): MountedSource {
  const store = new FsBundleStore(scratch.cacheDir);
  return new MountedSource([
    { prefix: SUGGEST_MODEL_LAYOUT.corpus, source: new FsReleaseSource(scratch.corpusDir) },
    { prefix: SUGGEST_MODEL_LAYOUT.installed, source: new FsReleaseSource(store.bundlesDir) },
    {
      prefix: 'gems/',
      source: new FsReleaseSource(join(scratch.sourceDir, 'gems')),
      keep: (p) => `gems/${p}` === SUGGEST_MODEL_LAYOUT.gems,
    },
  ]);
}

describe('suggestion-model builder', () => {
  it('writes byte-identical bundles for the same corpus and tables, with provenance, license and citation', () => {
    const a = buildSuggestModelBundle(source());
    const b = buildSuggestModelBundle(source());
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
    const h = a.header;
    expect(h).toMatchObject({ system: 'suggest-model', counts: { documents: 6, goldCmCodes: 15, goldPcsCodes: 5 } });
    expect(h.id).toMatch(/^suggest-model-20\d\d$/);
    const trainD = readFileSync(join(scratch.corpusDir, 'train', 'trainD.tsv'));
    expect(h.provenance).toContainEqual(
      expect.objectContaining({ file: 'trainD.tsv', role: 'corpus-gold-cm', bytes: trainD.length }),
    );
    expect(h.provenance.map((p) => p.role)).toEqual([
      'corpus-texts',
      'corpus-gold-cm',
      'corpus-gold-pcs',
      'fy2018-codes',
      'icd10cm-tables',
      'icd10pcs-tables',
    ]);
    expect(h.provenance[0]!.file).toMatch(/\(6 files;/);
    expect(h.notes.join('\n')).toMatch(/CC BY 4\.0/);
    expect(h.notes.join('\n')).toMatch(/Miranda-Escalada A\..*CEUR-WS Vol-2696, paper 263/);
    // The block decodes into a model of this version, trained on the six documents.
    const { header, compressed } = decodeBundle(a.bytes);
    const model = suggestModelFromBundle(readerFromCompressed(header, compressed));
    expect(model.version).toBe(SUGGEST_MODEL_VERSION);
    expect(model.provenance.documents).toBe(6);
  }, 120_000);

  it('names every corpus file, the table bundles and the GEMs file as inputs (the cache key)', () => {
    const inputs = suggestModelBuilder.inputs(source());
    expect(inputs.filter((p) => p.endsWith('.txt'))).toHaveLength(6);
    expect(inputs).toEqual(
      expect.arrayContaining([
        'codiesp/train/trainD.tsv',
        'codiesp/train/trainP.tsv',
        SUGGEST_MODEL_LAYOUT.gems,
        expect.stringMatching(/^installed\/icd10cm-\d{4}\.csb$/),
        expect.stringMatching(/^installed\/icd10pcs-\d{4}\.csb$/),
      ]),
    );
  });
});

describe('built model = in-process model (what eval-codiesp --model cache relies on)', () => {
  it('the bundle holds the model the eval trains in-process, and it ranks identically', () => {
    const built = buildSuggestModelBundle(source());
    const { header, compressed } = decodeBundle(built.bytes);
    const shipped = suggestModelFromBundle(readerFromCompressed(header, compressed));
    const store = new FsBundleStore(scratch.cacheDir);
    const bundle = (system: string) =>
      readBundleFile(
        store.bundlePath(header.provenance.find((p) => p.role === `${system}-tables`)!.file.replace(/\.csb$/, '')),
      );
    const suggester = new Suggester(CmTable.fromReader(bundle('icd10cm')), PcsTable.fromBundle(bundle('icd10pcs')));
    const fy2018 = fy2018CmCodes(new FsReleaseSource(scratch.sourceDir).read(FY2018_GEMS_PATH));
    const inProcess = trainSuggestModel(
      codiespTrainingDocuments(readCodiespSplit(new FsReleaseSource(scratch.corpusDir), 'train')),
      {
        suggester,
        goldForm: codiespGoldForm(fy2018),
        provenance: shipped.provenance,
        suggestOptions: { ...CODIESP_FIT_OPTIONS },
      },
    );
    expect(JSON.stringify(encodeSuggestModel(shipped))).toBe(JSON.stringify(encodeSuggestModel(inProcess)));
    const text = readFileSync(join(scratch.corpusDir, 'train', 'text_files_en', 'mini-0004.txt'), 'utf8');
    expect(suggestWithModel(suggester, text, shipped, CODIESP_FIT_OPTIONS)).toEqual(
      suggestWithModel(suggester, text, inProcess, CODIESP_FIT_OPTIONS),
    );
  }, 120_000);
});

describe('suggestion-model step (codesets build)', () => {
  it('is requested by --model or CHARTSIDE_SUGGEST_MODEL=1/true, and by nothing else', () => {
    expect(suggestModelRequested(false, {})).toBe(false);
    expect(suggestModelRequested(true, {})).toBe(true);
    expect(suggestModelRequested(false, { CHARTSIDE_SUGGEST_MODEL: '1' })).toBe(true);
    expect(suggestModelRequested(false, { CHARTSIDE_SUGGEST_MODEL: ' TRUE ' })).toBe(true);
    expect(suggestModelRequested(false, { CHARTSIDE_SUGGEST_MODEL: '0' })).toBe(false);
    expect(suggestModelRequested(false, { CHARTSIDE_SUGGEST_MODEL: '' })).toBe(false);
  });

  it('builds, then keeps the cached bundle; a malformed corpus file fails with file and line and keeps the previous bundle', async () => {
    // The engine sources of this shared tree change under the test: a fixed copy stands for them.
    const trainerDir = join(scratch.corpusDir, '..', 'trainer');
    mkdirSync(trainerDir);
    writeFileSync(join(trainerDir, 'suggester.ts'), 'export const engine = 1;\n');
    const opts = { sourceDir: scratch.sourceDir, cacheDir: scratch.cacheDir, corpusDir: scratch.corpusDir, trainerDir };
    // Not requested (the build's default): nothing is trained and the message says how to ask.
    const notAsked = await buildSuggestModelStep({ ...opts, requested: false });
    expect(notAsked).toEqual({
      name: 'suggest-model',
      status: 'skipped',
      ms: 0,
      bundles: [],
      message: `not requested (the model is off by default): build it with ${SUGGEST_MODEL_REQUEST}`,
    });
    expect(loadCachedSuggestModel(scratch.cacheDir)).toBeUndefined();
    const first = await buildSuggestModelStep({ ...opts, requested: true });
    expect(first).toMatchObject({ status: 'built', bundles: [{ id: expect.stringMatching(/^suggest-model-/) }] });
    const store = new FsBundleStore(scratch.cacheDir);
    const id = first.bundles[0]!.id;
    const before = readFileSync(store.bundlePath(id));
    expect(await buildSuggestModelStep(opts)).toMatchObject({ status: 'cached' });
    // Not requested once a model is built: it is kept, byte for byte, and the line says so.
    expect(await buildSuggestModelStep({ ...opts, requested: false })).toMatchObject({
      status: 'skipped',
      message: `not requested: the installed ${id} is kept (retrain: ${SUGGEST_MODEL_REQUEST})`,
    });
    expect(readFileSync(store.bundlePath(id)).equals(before)).toBe(true);
    // What the CLI and `eval-codiesp --model cache` read back.
    const cached = loadCachedSuggestModel(scratch.cacheDir);
    expect(cached).toMatchObject({
      info: { id, documents: 6, corpus: 'CodiEsp train (English translations)' },
      fit: { split: 'train', documents: 6, suggestOptions: CODIESP_FIT_OPTIONS },
      path: store.bundlePath(id),
    });
    expect(cached?.sha256).toBe(createHash('sha256').update(before).digest('hex'));
    // A changed engine (its sources are inputs) refits; a test file beside it does not count.
    writeFileSync(join(trainerDir, 'suggester.test.ts'), 'test\n');
    expect(await buildSuggestModelStep(opts)).toMatchObject({ status: 'cached' });
    writeFileSync(join(trainerDir, 'suggester.ts'), 'export const engine = 2;\n');
    expect(await buildSuggestModelStep(opts)).toMatchObject({ status: 'built' });
    expect(await buildSuggestModelStep(opts)).toMatchObject({ status: 'cached' });

    appendFileSync(join(scratch.corpusDir, 'train', 'trainD.tsv'), 'mini-0002\tj18.9\textra column\n');
    const broken = await buildSuggestModelStep(opts);
    expect(broken).toMatchObject({
      status: 'failed',
      error: {
        file: join(scratch.corpusDir, 'train', 'trainD.tsv'),
        line: 16,
        message: expect.stringMatching(/expected "<document>\\t<code>", found 3 field/),
      },
    });
    expect(readFileSync(store.bundlePath(id)).equals(before)).toBe(true);
    expect(store.readManifest()?.bundles.map((h) => h.id)).toContain(id);
  }, 180_000);

  it('a gold line naming an unknown document or a malformed code is refused with its line', async () => {
    const s = await scratchModelCache();
    appendFileSync(join(s.corpusDir, 'train', 'trainP.tsv'), 'mini-0099\t0dtj4zz\n');
    const unknown = await buildSuggestModelStep({
      sourceDir: s.sourceDir,
      cacheDir: s.cacheDir,
      corpusDir: s.corpusDir,
    });
    expect(unknown).toMatchObject({
      status: 'failed',
      error: {
        file: join(s.corpusDir, 'train', 'trainP.tsv'),
        line: 6,
        message: expect.stringMatching(/"mini-0099" has no text file/),
      },
    });
    expect(new FsBundleStore(s.cacheDir).readManifest()?.bundles.some((h) => h.system === 'suggest-model')).toBe(false);
  }, 120_000);

  it('a release-file folder without the FY2018 GEMs file fails the step naming the file, and keeps the previous bundle', async () => {
    const s = await scratchModelCache();
    const report = await buildSuggestModelStep({
      sourceDir: join(s.corpusDir, 'train'),
      cacheDir: s.cacheDir,
      corpusDir: s.corpusDir,
      trainerDir: null,
    });
    expect(report).toMatchObject({
      status: 'failed',
      error: { message: expect.stringMatching(/FY2018 ICD-10-CM GEMs file .*Dxgem_2018\.zip.* is missing/) },
    });
  });

  it('the cache loader finds no model in a cache without one, and refuses a malformed one', async () => {
    const s = await scratchModelCache();
    expect(loadCachedSuggestModel(s.cacheDir)).toBeUndefined();
    const store = new FsBundleStore(s.cacheDir);
    const manifest = store.readManifest()!;
    const bytes = encodeBundle(
      {
        id: 'suggest-model-2026',
        system: 'suggest-model',
        fiscalYear: 2026,
        effectiveFrom: '2025-10-01',
        effectiveTo: '2026-09-30',
        release: 'broken',
        provenance: [],
        notes: [],
        counts: {},
      },
      [{ name: 'model', kind: 'json', payload: jsonPayload({ version: SUGGEST_MODEL_VERSION, provenance: null }) }],
    );
    store.writeBundle('suggest-model-2026', bytes);
    store.writeManifest({ ...manifest, bundles: [...manifest.bundles, readBundleHeader(bytes)] });
    expect(() => loadCachedSuggestModel(s.cacheDir)).toThrow(ChartsideSuggestModelError);
    expect(() => loadCachedSuggestModel(s.cacheDir)).toThrow(
      /suggestion model suggest-model-2026 is refused: .*malformed at provenance/,
    );
  });

  it('without the corpus the step is skipped and says which files to download, where, and that the Index alone ranks', async () => {
    const s = await scratchModelCache();
    rmSync(s.corpusDir, { recursive: true });
    const report = await buildSuggestModelStep({
      sourceDir: s.sourceDir,
      cacheDir: s.cacheDir,
      corpusDir: s.corpusDir,
    });
    expect(report.status).toBe('skipped');
    const message = 'message' in report ? report.message : '';
    expect(message).toContain('suggestions will use the Index alone');
    expect(message).toContain('https://zenodo.org/record/3837305');
    for (const f of ['train/text_files_en/*.txt', 'train/trainD.tsv', 'train/trainP.tsv'])
      expect(message).toContain(join(s.corpusDir, f));
    expect(message).toContain('CODIESP_DIR');
    expect(new FsBundleStore(s.cacheDir).readManifest()?.bundles.some((h) => h.system === 'suggest-model')).toBe(false);
  });

  it('looks in $CODIESP_DIR first, then ../shared/eval/codiesp', () => {
    const c = codiespCandidates({ CODIESP_DIR: '/data/codiesp' });
    expect(c[0]).toBe('/data/codiesp');
    expect(c[1]).toMatch(/shared\/eval\/codiesp$/);
  });
});
