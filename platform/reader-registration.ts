/**
 * Keeps the chart reader (the content script) registered for exactly the EHR origins the user
 * granted, no more: the script is declared with `registration: 'runtime'` (nothing in the
 * manifest's content_scripts) and registered here with chrome.scripting.registerContentScripts.
 * Called by the background on startup and whenever permissions are added or removed.
 */

/** Id of the registered content script. */
export const READER_SCRIPT_ID = 'chartside-chart-reader';

/** Path of the built content script inside the extension (WXT: `entrypoints/content/` -> this). */
export const READER_SCRIPT_FILE = 'content-scripts/content.js';

/** The slice of the extension API this module needs (Chrome and Firefox both provide it). */
export interface RegistrationApi {
  permissions: { getAll(): Promise<{ origins?: string[] }> };
  scripting: {
    getRegisteredContentScripts(filter: { ids: string[] }): Promise<{ id: string }[]>;
    registerContentScripts(scripts: RegisteredScript[]): Promise<void>;
    updateContentScripts(scripts: RegisteredScript[]): Promise<void>;
    unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
  };
}

export interface RegisteredScript {
  id: string;
  matches: string[];
  js: string[];
  allFrames: boolean;
  runAt: 'document_idle';
  persistAcrossSessions: boolean;
}

/**
 * A host pattern naming one EHR host: `https://host/*` (or `http://` for localhost). A wildcard in
 * the scheme or host (`https://*\/*`, `*://*.example.org/*`, `<all_urls>`) is never one: Chrome's
 * own "On all sites" switch grants `https://*\/*` to any extension that lists it as optional, and
 * the chart reader must not follow that grant onto every site the user visits.
 */
const ONE_HOST = /^(https:\/\/[^/*]+|http:\/\/(localhost|127\.0\.0\.1))\/.*$/;

/** The granted origins the chart reader runs on: single-host patterns only, sorted, deduplicated. */
export function grantedOrigins(all: { origins?: string[] }): string[] {
  return [...new Set((all.origins ?? []).filter((o) => ONE_HOST.test(o)))].sort();
}

/**
 * Granted host patterns the chart reader refuses (wildcards, other schemes), so the options page
 * can show them and offer to revoke them rather than hide them.
 */
export function refusedOrigins(all: { origins?: string[] }): string[] {
  return [...new Set((all.origins ?? []).filter((o) => /:\/\//.test(o) && !ONE_HOST.test(o)))].sort();
}

/**
 * Registers, updates or unregisters the reader so that it runs on exactly the granted origins.
 * Returns the origins it now runs on.
 */
export async function syncReaderRegistration(api: RegistrationApi): Promise<string[]> {
  const origins = grantedOrigins(await api.permissions.getAll());
  const existing = await api.scripting.getRegisteredContentScripts({ ids: [READER_SCRIPT_ID] });
  if (origins.length === 0) {
    if (existing.length > 0) await api.scripting.unregisterContentScripts({ ids: [READER_SCRIPT_ID] });
    return [];
  }
  const script: RegisteredScript = {
    id: READER_SCRIPT_ID,
    matches: origins,
    js: [READER_SCRIPT_FILE],
    // EHRs put the chart in iframes (the Epic-like fixture does).
    allFrames: true,
    runAt: 'document_idle',
    persistAcrossSessions: true,
  };
  if (existing.length > 0) await api.scripting.updateContentScripts([script]);
  else await api.scripting.registerContentScripts([script]);
  return origins;
}

/**
 * Returns a function that runs {@link syncReaderRegistration} one call at a time. Start-up,
 * `onInstalled` and permission events can fire together; two overlapping syncs would both see
 * no registered script and both register it ("Duplicate script ID").
 */
export function serializedSync(api: RegistrationApi): () => Promise<string[]> {
  let last: Promise<unknown> = Promise.resolve();
  return () => {
    const run = last.then(
      () => syncReaderRegistration(api),
      () => syncReaderRegistration(api),
    );
    last = run;
    return run;
  };
}
