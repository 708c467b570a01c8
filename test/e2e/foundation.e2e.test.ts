/**
 * Foundation: the built extension loads into Debian's Chromium, its side panel installs
 * the code tables packaged with it into IndexedDB, becomes ready, and names the releases in use
 * with their provenance. Screenshots of the result are written for the README.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_LABEL } from '../../components/shell/provenance';
import { readBundleHeader, type BundleHeader } from '../../engine/bundle/format';
import { parsePackageIndex, PACKAGE_INDEX_PATH } from '../../platform/install/package-index';
import { todayIso } from '../../platform/today';
import { launchWithExtension, openSidePanel, waitForSidePanelReady, type ExtensionBrowser } from './support/browser';
import { CHROME_BUILD, ROOT, SCREENSHOTS } from './support/paths';

/**
 * Screenshots go to docs/screenshots/ (committed, shown in the README) only when asked with
 * `CHARTSIDE_UPDATE_SCREENSHOTS=1`; otherwise to test-results/screenshots/, so an ordinary test
 * run leaves the work tree clean.
 */
const SHOTS =
  process.env.CHARTSIDE_UPDATE_SCREENSHOTS === '1' ? SCREENSHOTS : join(ROOT, 'test-results', 'screenshots');

interface StoredRelease {
  id: string;
  sha256: string;
  header: BundleHeader;
}

/** Reads the `releases` store straight from IndexedDB in the extension's origin. */
function readReleases(page: Page): Promise<StoredRelease[]> {
  return page.evaluate(
    () =>
      new Promise<StoredRelease[]>((resolve, reject) => {
        const open = indexedDB.open('chartside');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('releases').objectStore('releases').getAll();
          request.onerror = () => reject(new Error(String(request.error)));
          request.onsuccess = () => {
            db.close();
            resolve(request.result as StoredRelease[]);
          };
        };
      }),
  );
}

describe('foundation: the built extension in Chromium', () => {
  const packaged = parsePackageIndex(readFileSync(join(CHROME_BUILD, PACKAGE_INDEX_PATH), 'utf8'));
  const headers = packaged.bundles.map((b) =>
    readBundleHeader(new Uint8Array(readFileSync(join(CHROME_BUILD, 'codesets', b.file)))),
  );
  let chartside: ExtensionBrowser;
  let panel: Page;
  let errors: string[];

  beforeAll(async () => {
    chartside = await launchWithExtension();
    ({ page: panel, errors } = await openSidePanel(chartside));
  });
  afterAll(async () => {
    await chartside?.close();
  });

  it('the build packages code tables (built from the official release files)', () => {
    expect(packaged.bundles.length).toBeGreaterThan(0);
    expect(headers.map((h) => h.system)).toContain('icd10cm');
    // FY2027 (the year in force) is derived from the official addenda and packaged like the rest.
    const fy2027 = headers.filter((h) => h.id === 'icd10cm-2027' || h.id === 'icd10pcs-2027');
    expect(fy2027.map((h) => h.id).sort()).toEqual(['icd10cm-2027', 'icd10pcs-2027']);
    for (const h of fy2027) expect(h.derivation, h.id).toMatch(/^derived: FY2026 .* \+ FY2027 (order|codes) addenda/);
  });

  it('the side panel becomes ready on first run', async () => {
    await waitForSidePanelReady(panel, errors);
    expect(errors).toEqual([]);
  });

  it('installed every packaged bundle into IndexedDB, byte for byte', async () => {
    const stored = await readReleases(panel);
    const byId = new Map(stored.map((r) => [r.id, r]));
    for (const bundle of packaged.bundles) {
      expect(byId.get(bundle.id)?.sha256, bundle.id).toBe(bundle.sha256);
    }
    for (const release of stored) {
      // Provenance: every official file with its checksum.
      expect(release.header.provenance.length, release.id).toBeGreaterThan(0);
      for (const file of release.header.provenance) expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('names the releases in use, with their provenance', async () => {
    const lines = await panel.$$eval('footer[aria-label="Code tables in use"] .release', (spans) =>
      spans.map((s) => s.textContent ?? ''),
    );
    // Every packaged code table is named; the suggestion model is not a dated code table (it is
    // named with the suggestions, components/shell/provenance.ts), nor are the search index and the
    // suggestion lexicon (both derived at build time from the code tables named here).
    const systems = [...new Set(headers.map((h) => h.system))].filter(
      (s) => s !== 'suggest-model' && s !== 'search' && s !== 'suggest-lexicon',
    );
    expect(lines.length).toBe(systems.length);
    expect(lines.filter((l) => l.startsWith(`${SYSTEM_LABEL['suggest-model']} `))).toEqual([]);
    for (const system of systems) {
      const line = lines.find((l) => l.startsWith(`${SYSTEM_LABEL[system]} `));
      expect(line, `status line for ${system}`).toBeDefined();
      // "ICD-10-CM FY2026 (order, poa-exempt FY2026; tabular, index FY2017, newest available)"
      expect(line).toMatch(/^\S.* (FY)?\d{4} \(.+ (FY)?\d{4}.*\)/);
      // A derived year in use today says how it was made (ICD-10-CM/PCS FY2027 from the addenda).
      const today = todayIso();
      const inUse = headers.find((h) => h.system === system && h.effectiveFrom <= today && today <= h.effectiveTo);
      if (inUse?.derivation) expect(line).toContain(inUse.derivation);
    }
  });

  it('a second opening finds the tables installed and is ready again', async () => {
    await panel.reload({ waitUntil: 'domcontentloaded' });
    await waitForSidePanelReady(panel, errors);
    const metrics = await panel.evaluate(() => window.chartsideMetrics);
    expect(metrics?.installed).toEqual([]);
    expect([...(metrics?.skipped ?? [])].sort()).toEqual(packaged.bundles.map((b) => b.id).sort());
  });

  it('screenshots the ready side panel (light and dark)', async () => {
    mkdirSync(SHOTS, { recursive: true });
    await panel.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    const light = await panel.screenshot({ path: join(SHOTS, 'sidepanel-ready.png') });
    await panel.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    const dark = await panel.screenshot({ path: join(SHOTS, 'sidepanel-ready-dark.png') });
    expect(light.byteLength).toBeGreaterThan(5_000);
    expect(Buffer.compare(Buffer.from(light), Buffer.from(dark))).not.toBe(0);
  });
});
