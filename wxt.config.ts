import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import type { ResolvedPublicFile } from 'wxt';
import { readBundleHeader } from './engine/bundle/format';
import { noDynamicCode } from './scripts/build/no-dynamic-code';
import {
  PACKAGE_DIR,
  PACKAGE_INDEX_PATH,
  PACKAGE_INDEX_VERSION,
  type PackageIndex,
} from './platform/install/package-index';

const ROOT = resolve(import.meta.dirname ?? process.cwd());
const CACHE = join(ROOT, '.cache', 'codesets');
/**
 * Where the bundles are taken from: the codeset build's cache, unless `CHARTSIDE_BUNDLES_DIR`
 * points elsewhere (platform tests build the extension around synthetic bundles that way,
 * without touching the shared cache).
 */
const BUNDLES = process.env.CHARTSIDE_BUNDLES_DIR ? resolve(process.env.CHARTSIDE_BUNDLES_DIR) : join(CACHE, 'bundles');

/**
 * `CHARTSIDE_E2E=1` builds the variant the e2e tests, the demo and the bench load: it adds the
 * localhost origins that serve the synthetic EHR pages as host_permissions, so no permission
 * prompt is needed. The production build never has them (only optional, user-granted origins).
 */
const E2E = process.env.CHARTSIDE_E2E === '1';

/**
 * `CHARTSIDE_NO_CODESETS=1` builds without code tables (the side panel then says the package has
 * none). Only for working on the UI before the official release files are available; never for a
 * release.
 */
const NO_CODESETS = process.env.CHARTSIDE_NO_CODESETS === '1';

/** Bundle files to package: those the cache manifest lists when there is one, else every `.csb`. */
function bundleFiles(): string[] {
  if (!existsSync(BUNDLES)) return [];
  const present = readdirSync(BUNDLES)
    .filter((f) => f.endsWith('.csb'))
    .sort();
  const manifest = join(BUNDLES, '..', 'manifest.json');
  if (!existsSync(manifest)) return present;
  const listed = (JSON.parse(readFileSync(manifest, 'utf8')) as { bundles?: { id: string }[] }).bundles ?? [];
  const ids = new Set(listed.map((b) => `${b.id}.csb`));
  return present.filter((f) => ids.has(f));
}

/**
 * Makes sure the bundle folder is filled, running the codeset build (the orchestrator behind
 * `npx chartside codesets build`) when it is empty. Its error (for instance the list of official
 * files to download, or a release file's name and line) stops the extension build.
 */
async function ensureCodesetCache(): Promise<string[]> {
  if (bundleFiles().length > 0 || NO_CODESETS) return bundleFiles();
  if (process.env.CHARTSIDE_BUNDLES_DIR) {
    throw new Error(`Chartside: CHARTSIDE_BUNDLES_DIR=${BUNDLES} holds no .csb bundle listed by its manifest.`);
  }
  console.info('[chartside] no codeset bundles in .cache/codesets: building them first (npx chartside codesets build)');
  const { buildInstalledCodesets } = await import('./codesets/node/cache');
  const reports = await buildInstalledCodesets({ log: (line) => console.info(`[codesets] ${line}`) });
  const failed = reports
    .filter((r) => r.status === 'failed')
    .map((r) => `  ${r.name}: ${r.error?.message ?? 'failed'}`);
  const files = bundleFiles();
  if (failed.length > 0 || files.length === 0) {
    throw new Error(
      `Chartside: the code tables could not be built${failed.length ? `:\n${failed.join('\n')}` : ' (no builder produced a bundle)'}\n` +
        'Fix that first (npx chartside codesets build), or set CHARTSIDE_NO_CODESETS=1 to build a UI-only extension without code tables.',
    );
  }
  return files;
}

/** Adds every bundle (and a package index with checksums) to the extension under `codesets/`. */
async function addCodesetAssets(files: ResolvedPublicFile[]): Promise<void> {
  const index: PackageIndex = { formatVersion: PACKAGE_INDEX_VERSION, bundles: [] };
  for (const file of await ensureCodesetCache()) {
    const bytes = new Uint8Array(readFileSync(join(BUNDLES, file)));
    // Refuses a bundle of an unknown format version at build time rather than on the user's machine.
    const header = readBundleHeader(bytes);
    index.bundles.push({
      id: header.id,
      file,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    files.push({ absoluteSrc: join(BUNDLES, file), relativeDest: `${PACKAGE_DIR}${file}` });
  }
  const manifest = join(BUNDLES, '..', 'manifest.json');
  if (existsSync(manifest)) files.push({ absoluteSrc: manifest, relativeDest: `${PACKAGE_DIR}manifest.json` });
  files.push({ contents: `${JSON.stringify(index, null, 1)}\n`, relativeDest: PACKAGE_INDEX_PATH });
}

/**
 * CSP of the extension's own pages (side panel, options, engine worker). Deny by default, then
 * allow only what the pages use: their packaged scripts, styles, fonts and images (plus `data:`
 * images), the engine worker, and fetches of the packaged code tables. Nothing may be framed,
 * embedded, submitted or based elsewhere. Defence in depth: no code path requests another origin,
 * and if one ever did (an injected <img src="https://x/?chart=..."> for instance) the browser
 * blocks it (test/e2e/csp.e2e.test.ts). `script-src`/`object-src`/`worker-src` stay within what
 * Chrome and Firefox accept for MV3 extension pages (no remote script, no eval).
 */
export const EXTENSION_PAGES_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "media-src 'none'",
  "object-src 'none'",
  "frame-src 'none'",
  "child-src 'none'",
  "manifest-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  // CHARTSIDE_OUT_DIR lets a test or bench build into its own folder while others use .output/.
  outDir: process.env.CHARTSIDE_OUT_DIR ?? '.output',
  manifestVersion: 3,
  vite: () => ({
    // noDynamicCode: no Function constructor (Zod's JIT) and no raw-HTML sink (Preact's
    // dangerouslySetInnerHTML) in the shipped bundles; Mozilla's linter flags both.
    plugins: [noDynamicCode(), preact()],
    worker: { format: 'es', plugins: () => [noDynamicCode()] },
    build: { target: 'es2022', chunkSizeWarningLimit: 4096 },
  }),
  hooks: {
    'build:publicAssets': async (_wxt, files) => addCodesetAssets(files),
  },
  manifest: ({ browser }) => ({
    name: 'Chartside',
    description: 'On-device medical coding and CDI assistant. No patient data leaves your device.',
    // Exactly these, nothing broader:
    // - sidePanel: the assistant lives in Chrome's side panel (Firefox: sidebar_action, no permission).
    // - storage: IndexedDB code tables and settings must survive "clear browsing data" quotas.
    // - scripting: register the chart reader (content script) at run time, and only for the EHR
    //   origins the user granted (chrome.scripting.registerContentScripts); without it the script
    //   would have to be declared statically for every https origin.
    // No activeTab: nothing calls tabs/scripting on the current tab from a user gesture; the chart
    // reader runs only on granted origins, so the permission only widened what a bug could reach.
    permissions: browser === 'firefox' ? ['storage', 'scripting'] : ['sidePanel', 'storage', 'scripting'],
    // EHR origins are asked for at run time from the options page (chrome.permissions.request).
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    ...(E2E ? { host_permissions: ['http://localhost/*', 'http://127.0.0.1/*'] } : {}),
    action: { default_title: 'Open Chartside' },
    content_security_policy: { extension_pages: EXTENSION_PAGES_CSP },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Minimum versions are those of the newest key used: data_collection_permissions
            // arrived in Firefox 140 (desktop) and 142 (Android) (MDN browser_specific_settings).
            gecko: {
              id: 'chartside@chartside.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
