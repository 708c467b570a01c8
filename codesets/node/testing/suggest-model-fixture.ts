/**
 * Test helpers for the suggestion-model step: a tiny synthetic CodiEsp-shaped corpus (six
 * fictional cases, codesets/suggest-model/testing/codiesp-mini) and a scratch cache holding the
 * real installed ICD-10-CM/PCS bundles, so the model can be built in seconds without the corpus.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildInstalledCodesets, FsBundleStore, installedBundles } from '../cache';
import { findCodesetsSource, PROJECT_ROOT } from '../source';
import type { BundleHeader } from '../../../engine/bundle/format';

/** The synthetic corpus (holds `train/`). */
export const MINI_CODIESP_DIR = join(PROJECT_ROOT, 'codesets', 'suggest-model', 'testing', 'codiesp-mini');

/** Newest installed ICD-10-CM and ICD-10-PCS bundle headers of the shared cache (built when absent). */
export async function installedTableHeaders(): Promise<{ cm: BundleHeader; pcs: BundleHeader }> {
  const pick = (): { cm?: BundleHeader; pcs?: BundleHeader } => {
    const all = installedBundles();
    const newest = (system: string): BundleHeader | undefined =>
      all.filter((h) => h.system === system).sort((a, b) => b.fiscalYear - a.fiscalYear)[0];
    return { cm: newest('icd10cm'), pcs: newest('icd10pcs') };
  };
  let got = pick();
  if (!got.cm || !got.pcs) {
    await buildInstalledCodesets({ only: ['icd10cm', 'icd10pcs'] });
    got = pick();
  }
  if (!got.cm || !got.pcs) throw new Error('the ICD-10-CM/PCS bundles could not be built for the test');
  return { cm: got.cm, pcs: got.pcs };
}

const scratchRoots: string[] = [];

/** Removes every folder {@link scratchModelCache} made (call in `afterAll`). */
export function removeScratchModelCaches(): void {
  for (const root of scratchRoots.splice(0)) rmSync(root, { recursive: true, force: true });
}

/**
 * A scratch cache folder whose manifest lists the shared cache's newest CM and PCS bundles
 * (linked, not copied), and a writable copy of the mini corpus.
 */
export async function scratchModelCache(): Promise<{ cacheDir: string; corpusDir: string; sourceDir: string }> {
  const { cm, pcs } = await installedTableHeaders();
  const root = mkdtempSync(join(tmpdir(), 'chartside-suggest-model-'));
  scratchRoots.push(root);
  const shared = new FsBundleStore();
  const store = new FsBundleStore(join(root, 'cache'));
  store.writeManifest({ manifestVersion: 1, builders: [], bundles: [cm, pcs] });
  mkdirSync(store.bundlesDir, { recursive: true });
  for (const h of [cm, pcs]) symlinkSync(shared.bundlePath(h.id), store.bundlePath(h.id));
  const corpusDir = join(root, 'codiesp');
  cpSync(MINI_CODIESP_DIR, corpusDir, { recursive: true });
  return { cacheDir: store.dir, corpusDir, sourceDir: findCodesetsSource() };
}
