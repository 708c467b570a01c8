// The engine worker applies the installed suggestion model to every suggest call, unless the user
// turned it off; without a model, or with a malformed one, suggestions still come, ranked by the
// Index alone, and the response says so (bad input gets a clear error and loses nothing).
// Real ICD-10-CM/PCS bundles from the codeset cache, a model trained on the six-case synthetic
// corpus, fake-indexeddb.
import { readFileSync } from 'node:fs';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FsBundleStore, readBundleFile } from '../../codesets/node/cache';
import { FsReleaseSource } from '../../codesets/node/fs-source';
import { MountedSource } from '../../codesets/node/suggest-model';
import { removeScratchModelCaches, scratchModelCache } from '../../codesets/node/testing/suggest-model-fixture';
import { buildSuggestModelBundle, SUGGEST_MODEL_LAYOUT } from '../../codesets/suggest-model/builder';
import { decodeBundle, encodeBundle, jsonPayload, readBundleHeader } from '../../engine/bundle/format';
import { readerFromCompressed } from '../../engine/bundle/reader';
import { snapshotFromText } from '../../engine/chart/snapshot';
import { CmTable } from '../../engine/icd10cm/table';
import { PcsTable } from '../../engine/icd10pcs/pcs-table';
import { Suggester, type SuggestResult } from '../../engine/suggest';
import { suggestWithModel } from '../../engine/suggest/model';
import { NO_SUGGEST_MODEL_NOTICE, suggestModelFromBundle } from '../../engine/suggest/model-bundle';
import { openChartsideDb, writeSetting } from '../db';
import { digestHex, installBundleBytes, isInstallProblem, writeBundle } from '../install/installer';
import { createEngine } from './engine';
import { MODEL_OFF_NOTICE } from './suggest-model';

const TEXT =
  'Fictional patient Test Golf, 66 years old. Assessment: type 2 diabetes mellitus with chronic kidney disease stage 3, ' +
  'essential hypertension, community-acquired pneumonia. Acute appendicitis; laparoscopic appendectomy performed.';

let modelBytes: Uint8Array;
let tables: { cm: Uint8Array; pcs: Uint8Array };
let plain: SuggestResult;
let applied: SuggestResult;

afterAll(removeScratchModelCaches);
beforeAll(async () => {
  const scratch = await scratchModelCache();
  const store = new FsBundleStore(scratch.cacheDir);
  const headers = store.readManifest()!.bundles;
  const path = (system: string): string => store.bundlePath(headers.find((h) => h.system === system)!.id);
  tables = { cm: new Uint8Array(readFileSync(path('icd10cm'))), pcs: new Uint8Array(readFileSync(path('icd10pcs'))) };
  modelBytes = buildSuggestModelBundle(
    new MountedSource([
      { prefix: SUGGEST_MODEL_LAYOUT.corpus, source: new FsReleaseSource(scratch.corpusDir) },
      { prefix: SUGGEST_MODEL_LAYOUT.installed, source: new FsReleaseSource(store.bundlesDir) },
      {
        prefix: 'gems/',
        source: new FsReleaseSource(`${scratch.sourceDir}/gems`),
        keep: (p) => `gems/${p}` === SUGGEST_MODEL_LAYOUT.gems,
      },
    ]),
  ).bytes;
  // The same computation in Node, for comparison with what the worker answers.
  const suggester = new Suggester(
    CmTable.fromReader(readBundleFile(path('icd10cm'))),
    PcsTable.fromBundle(readBundleFile(path('icd10pcs'))),
  );
  const { header, compressed } = decodeBundle(modelBytes);
  const model = suggestModelFromBundle(readerFromCompressed(header, compressed));
  plain = suggester.suggest(TEXT, { setting: 'inpatient' });
  applied = suggestWithModel(suggester, TEXT, model, { setting: 'inpatient' });
}, 180_000);

const ranked = (r: SuggestResult) => [...r.diagnoses, ...r.procedures].map((s) => [s.id, s.score]);

async function install(db: ReturnType<typeof openChartsideDb>, bytes: Uint8Array): Promise<void> {
  const result = await installBundleBytes(db, bytes, { source: 'import' });
  if (isInstallProblem(result)) throw new Error(result.message);
}

describe('engine worker: suggestion model', () => {
  it('ranks by the Index alone without a model or with the setting off (the default), applies the installed model when turned on', async () => {
    const db = openChartsideDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    const { api, ctx } = createEngine(db);
    await install(db, tables.cm);
    await install(db, tables.pcs);

    const none = await api.suggest(snapshotFromText(TEXT));
    expect(none.model).toBeUndefined();
    expect(none.notices).toContain(NO_SUGGEST_MODEL_NOTICE);
    expect(ranked(none)).toEqual(ranked(plain));

    await install(db, modelBytes);
    ctx.invalidate();
    const byDefault = await api.suggest(snapshotFromText(TEXT));
    expect(byDefault.model).toBeUndefined();
    expect(byDefault.notices).toContain(MODEL_OFF_NOTICE);
    expect(ranked(byDefault)).toEqual(ranked(plain));

    await writeSetting(db, 'rankWithSuggestModel', true);
    const withModel = await api.suggest(snapshotFromText(TEXT));
    const id = readBundleHeader(modelBytes).id;
    expect(withModel.model).toMatchObject({ id, corpus: 'CodiEsp train (English translations)', documents: 6 });
    expect(withModel.notices.filter((n) => /suggestion model|Index alone/.test(n))).toEqual([]);
    expect(ranked(withModel)).toEqual(ranked(applied));
    // The model really changes the ranking (else this test could not tell it was applied).
    expect(ranked(applied)).not.toEqual(ranked(plain));
    expect(structuredClone(withModel)).toEqual(withModel);

    await writeSetting(db, 'rankWithSuggestModel', false);
    const off = await api.suggest(snapshotFromText(TEXT));
    expect(off.model).toBeUndefined();
    expect(off.notices).toContain(MODEL_OFF_NOTICE);
    expect(ranked(off)).toEqual(ranked(plain));

    await writeSetting(db, 'rankWithSuggestModel', true);
    expect((await api.suggest(snapshotFromText(TEXT))).model?.id).toBe(id);
  }, 120_000);

  it('refuses a malformed model bundle (installer, then worker) and still suggests with the Index alone', async () => {
    const db = openChartsideDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    const { api } = createEngine(db);
    await install(db, tables.cm);
    await install(db, tables.pcs);
    const h = readBundleHeader(modelBytes);
    const broken = encodeBundle({ ...h, notes: [...h.notes] }, [
      { name: 'model', kind: 'json', payload: jsonPayload({ version: 2, associations: 'not a model' }) },
    ]);
    // The installer refuses it, and the model installed before stays.
    await install(db, modelBytes);
    const refused = await installBundleBytes(db, broken, { source: 'import', label: 'model.csb' });
    expect(refused).toMatchObject({
      bundleId: h.id,
      kind: 'corrupt',
      message: expect.stringMatching(/^model\.csb: suggestion model .* is refused: .*Nothing was installed/),
    });
    expect((await db.releases.get(h.id))?.sha256).toBe(await digestHex(modelBytes));
    // A malformed model that reached the database anyway (written by another version, or
    // tampered with) is refused by the worker when it loads it.
    await writeBundle(db, decodeBundle(broken), {
      sha256: await digestHex(broken),
      bytes: broken.length,
      source: 'import',
    });
    await writeSetting(db, 'rankWithSuggestModel', true);
    const r = await api.suggest(snapshotFromText(TEXT));
    expect(r.model).toBeUndefined();
    expect(r.notices).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^The suggestion model was refused \\(suggestion model ${h.id} is refused: .*\\); suggestions are ranked by the Index alone`,
        ),
      ),
    );
    expect(ranked(r)).toEqual(ranked(plain));
  }, 120_000);
});
