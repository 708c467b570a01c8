// @vitest-environment happy-dom
// The options-page switch of the learned suggestion model writes the Zod-checked setting the engine
// worker reads (platform/worker/suggest-model.ts).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { openChartsideDb, readSettings } from '../../platform/db';
import type { InstalledRelease } from '../../platform/worker/api';
import { SuggestModelSetting } from './suggest-model-setting';

async function until(fn: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !fn(); i++) await act(() => new Promise((r) => setTimeout(r, 0)));
  expect(fn()).toBe(true);
}

describe('SuggestModelSetting', () => {
  it('is off by default and says why, turning it on and off is stored, and the installed model is named', async () => {
    const db = openChartsideDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    const model = {
      id: 'suggest-model-2026',
      system: 'suggest-model',
      release: 'Suggestion model v2 (CodiEsp train)',
    } as InstalledRelease;
    const host = document.createElement('div');
    render(<SuggestModelSetting db={db} releases={[model]} />, host);
    const box = (): HTMLInputElement => host.querySelector('input[data-setting="rankWithSuggestModel"]')!;
    await until(() => !box().disabled);
    expect(host.textContent).toContain('Rank suggestions with the learned model (CodiEsp, CC BY 4.0)');
    expect(host.textContent).toContain('Installed: Suggestion model v2 (CodiEsp train)');
    expect(host.textContent).toContain('not the Official Guidelines');
    expect(box().checked).toBe(false);
    await act(() => {
      box().checked = true;
      box().dispatchEvent(new Event('change', { bubbles: true }));
    });
    await until(() => host.textContent.includes('ranked with the learned model'));
    expect((await readSettings(db)).rankWithSuggestModel).toBe(true);
    await act(() => {
      box().checked = false;
      box().dispatchEvent(new Event('change', { bubbles: true }));
    });
    await until(() => host.textContent.includes('ranked by the Index and Tabular alone'));
    expect((await readSettings(db)).rankWithSuggestModel).toBe(false);
  });

  it('says when no model is installed', async () => {
    const db = openChartsideDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    const host = document.createElement('div');
    render(<SuggestModelSetting db={db} releases={[]} />, host);
    expect(host.textContent).toContain('No suggestion model is installed: suggestions are ranked by the Index alone.');
  });
});
