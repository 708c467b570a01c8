import { describe, expect, it } from 'vitest';
import {
  grantedOrigins,
  refusedOrigins,
  READER_SCRIPT_ID,
  serializedSync,
  syncReaderRegistration,
  type RegisteredScript,
  type RegistrationApi,
} from './reader-registration';

/** In-memory stand-in with the semantics of chrome.scripting (ids unique, update needs an existing id). */
function fakeApi(origins: string[]): RegistrationApi & { scripts: Map<string, RegisteredScript>; origins: string[] } {
  const scripts = new Map<string, RegisteredScript>();
  const api = {
    scripts,
    origins,
    permissions: { getAll: async () => ({ origins: api.origins, permissions: ['storage'] }) },
    scripting: {
      getRegisteredContentScripts: async ({ ids }: { ids: string[] }) =>
        ids.filter((id) => scripts.has(id)).map((id) => ({ id })),
      registerContentScripts: async (list: RegisteredScript[]) => {
        for (const s of list) {
          if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
          scripts.set(s.id, s);
        }
      },
      updateContentScripts: async (list: RegisteredScript[]) => {
        for (const s of list) {
          if (!scripts.has(s.id)) throw new Error(`No script with ID '${s.id}'`);
          scripts.set(s.id, s);
        }
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => void ids.forEach((id) => scripts.delete(id)),
    },
  };
  return api;
}

describe('reader registration follows granted origins', () => {
  it('registers nothing without a grant, then exactly the granted origins, then nothing after revocation', async () => {
    const api = fakeApi([]);
    expect(await syncReaderRegistration(api)).toEqual([]);
    expect(api.scripts.size).toBe(0);

    api.origins = ['https://ehr.example.org/*'];
    expect(await syncReaderRegistration(api)).toEqual(['https://ehr.example.org/*']);
    expect(api.scripts.get(READER_SCRIPT_ID)).toMatchObject({
      matches: ['https://ehr.example.org/*'],
      js: ['content-scripts/content.js'],
      allFrames: true,
    });

    api.origins = ['https://ehr.example.org/*', 'http://localhost/*'];
    await syncReaderRegistration(api);
    expect(api.scripts.get(READER_SCRIPT_ID)!.matches).toEqual(['http://localhost/*', 'https://ehr.example.org/*']);

    api.origins = [];
    await syncReaderRegistration(api);
    expect(api.scripts.size).toBe(0);
  });

  it('keeps host patterns only', () => {
    expect(
      grantedOrigins({ origins: ['https://a.example/*', '<all_urls>', 'https://a.example/*', 'chrome://x'] }),
    ).toEqual(['https://a.example/*']);
    expect(grantedOrigins({})).toEqual([]);
  });

  it('refuses wildcard grants whatever granted them (Chrome\'s "On all sites" grants https://*/*)', async () => {
    const all = {
      origins: [
        'https://*/*',
        '*://*/*',
        'https://*.example.org/*',
        'http://ehr.example/*',
        'https://ehr.example/*',
        'http://localhost/*',
      ],
    };
    expect(grantedOrigins(all)).toEqual(['http://localhost/*', 'https://ehr.example/*']);
    expect(refusedOrigins(all)).toEqual(['*://*/*', 'http://ehr.example/*', 'https://*.example.org/*', 'https://*/*']);
    // Only the wildcard granted: the reader is not registered at all.
    const api = fakeApi(['https://*/*']);
    await expect(syncReaderRegistration(api)).resolves.toEqual([]);
    expect(api.scripts.size).toBe(0);
  });

  it('overlapping syncs (start-up and onInstalled together) register the script once, without a duplicate-id error', async () => {
    const api = fakeApi(['http://localhost/*']);
    const sync = serializedSync(api);
    await expect(Promise.all([sync(), sync(), sync()])).resolves.toEqual([
      ['http://localhost/*'],
      ['http://localhost/*'],
      ['http://localhost/*'],
    ]);
    expect(api.scripts.size).toBe(1);
    // Unserialized, the same overlap fails the way Chrome does.
    await api.scripting.unregisterContentScripts({ ids: [READER_SCRIPT_ID] });
    await expect(Promise.all([syncReaderRegistration(api), syncReaderRegistration(api)])).rejects.toThrow(
      /Duplicate script ID/,
    );
  });
});
