/**
 * The saved-case vault against someone holding the browser profile, in the built extension in
 * Debian's Chromium: after a case is saved, the profile's files (read from disk, the way a copied
 * profile would be) hold neither the vault's keys nor the case in clear, while a clear control
 * value written beside them is found (the scan can see IndexedDB contents). Without a passphrase
 * saving is off and the panel says why; a reloaded panel is locked again (keys lived in memory).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  openSidePanel,
  waitForSidePanelReady,
  watchChartSnapshots,
  type ExtensionBrowser,
} from './support/browser';
import { serveFixturePages } from './support/fixture-pages';
import type { StaticServer } from './support/static-server';
import { acceptSuggestions, alt, openCase, unlockVault, waitInPanel } from './workspace-support';

/** Every file under `dir`. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

/** Where each needle occurs (as raw bytes, latin1 text and UTF-16 text) among `files`. */
function occurrences(files: string[], needles: Record<string, Buffer>): string[] {
  const found: string[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      continue; // a lock file or a socket
    }
    for (const [name, needle] of Object.entries(needles)) if (bytes.includes(needle)) found.push(`${name} in ${file}`);
  }
  return found;
}

const asText = (s: string): Record<string, Buffer> => ({
  latin1: Buffer.from(s, 'latin1'),
  utf16: Buffer.from(s, 'utf16le'),
});

describe('vault: what the profile files reveal', () => {
  let server: StaticServer;
  let chartside: ExtensionBrowser;
  let panel: Page;

  beforeAll(async () => {
    server = await serveFixturePages();
    chartside = await launchWithExtension();
    let errors: string[];
    ({ page: panel, errors } = await openSidePanel(chartside));
    await waitForSidePanelReady(panel, errors);
  }, 180_000);
  afterAll(async () => {
    await chartside?.close();
    await server?.close();
  });

  it('without a passphrase saving is off, and the panel says why', async () => {
    await openCase(panel);
    await waitInPanel(panel, 'saving is off', () =>
      /Saving is off/.test(document.querySelector('#panel-case [data-vault="no-passphrase"]')?.textContent ?? ''),
    );
    await alt(panel, 's');
    await waitInPanel(panel, 'save refused', () =>
      /Not saved: saving is off/.test(document.querySelector('#panel-case [data-ws-message]')?.textContent ?? ''),
    );
    const rows = await panel.evaluate(
      () =>
        new Promise<number>((ok, ko) => {
          const r = indexedDB.open('chartside');
          r.onsuccess = () => {
            const c = r.result.transaction('cases').objectStore('cases').count();
            c.onsuccess = () => ok(c.result);
            c.onerror = () => ko(c.error ?? new Error('count failed'));
          };
          r.onerror = () => ko(r.error ?? new Error('open failed'));
        }),
    );
    expect(rows).toBe(0);
  });

  it('after saving, the profile holds neither the keys nor the case in clear', async () => {
    // Record the raw key bytes the vault imports (test-only hook): the keys exist only here.
    await panel.evaluate(() => {
      const subtle = crypto.subtle;
      const original = subtle.importKey.bind(subtle);
      const seen: string[] = [];
      (globalThis as unknown as { __rawKeys: string[] }).__rawKeys = seen;
      subtle.importKey = ((format: KeyFormat, data: BufferSource, ...rest: unknown[]) => {
        if (format === 'raw' && data instanceof Uint8Array && data.length === 32)
          seen.push(Array.from(data as Uint8Array, (b: number) => b.toString(16).padStart(2, '0')).join(''));
        return (original as (...a: unknown[]) => Promise<CryptoKey>)(format, data, ...rest);
      }) as typeof subtle.importKey;
    });
    await unlockVault(panel, 'fictional e2e passphrase');
    const keys = await panel.evaluate(() => (globalThis as unknown as { __rawKeys: string[] }).__rawKeys);
    expect(keys).toHaveLength(2); // the AES-GCM data key and the HMAC tag key

    const snapshots = await watchChartSnapshots(panel);
    const chart = await chartside.browser.newPage();
    await chart.goto(server.url('epic-demo.html'), { waitUntil: 'load' });
    await snapshots.next();
    const accepted = await acceptSuggestions(panel, 3);
    await openCase(panel);
    await alt(panel, 's');
    await waitInPanel(panel, 'case saved', () => document.querySelector('#panel-case [data-saved="saved"]') !== null);
    // A clear value beside the vault: the scan must find it, or finding nothing proves nothing.
    const control = 'E2E-CLEAR-CONTROL-7q3x';
    await panel.evaluate(
      (value: string) =>
        new Promise<void>((ok, ko) => {
          const r = indexedDB.open('chartside');
          r.onsuccess = () => {
            const tx = r.result.transaction('settings', 'readwrite');
            tx.objectStore('settings').put({ key: 'e2e-control', value });
            tx.oncomplete = () => ok();
            tx.onerror = () => ko(tx.error ?? new Error('write failed'));
          };
          r.onerror = () => ko(r.error ?? new Error('open failed'));
        }),
      control,
    );

    const profile = filesUnder(chartside.userDataDir);
    const extensionFiles = profile.filter((f) => f.includes(chartside.extensionId));
    expect(extensionFiles.some((f) => f.includes('IndexedDB'))).toBe(true);
    expect(occurrences(extensionFiles, asText(control)).length).toBeGreaterThan(0);

    // The keys: nowhere in the profile, as bytes or as hex.
    const keyNeedles: Record<string, Buffer> = {};
    keys.forEach((hex, i) => {
      keyNeedles[`key${i}`] = Buffer.from(hex, 'hex');
      keyNeedles[`key${i}-hex`] = Buffer.from(hex, 'latin1');
    });
    expect(occurrences(profile, keyNeedles)).toEqual([]);

    // The case: no code, no field of its JSON, no plain case id in the extension's storage.
    const plain: Record<string, Buffer> = {};
    for (const code of accepted)
      Object.assign(
        plain,
        Object.fromEntries(
          Object.entries(asText(`"code":"${code.replace('.', '')}`)).map(([k, v]) => [`${code}-${k}`, v]),
        ),
      );
    Object.assign(plain, Object.fromEntries(Object.entries(asText('"diagnoses":[')).map(([k, v]) => [`json-${k}`, v])));
    Object.assign(plain, Object.fromEntries(Object.entries(asText('case-')).map(([k, v]) => [`case-id-${k}`, v])));
    expect(occurrences(extensionFiles, plain)).toEqual([]);
    await chart.close();
  });

  it('a reloaded panel (as after closing the browser) is locked: the keys lived in its memory only', async () => {
    await panel.reload({ waitUntil: 'domcontentloaded' });
    await waitForSidePanelReady(panel);
    await openCase(panel);
    await waitInPanel(panel, 'locked', () => document.querySelector('#panel-case [data-vault="locked"]') !== null);
  });
});
