// @vitest-environment happy-dom
// The paste box goes through the same worker call as a page snapshot: the real `suggest` method of
// the engine worker (platform/worker/suggest.ts) over the installed tables, called without Comlink.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadSuggestTables, type SuggestTables } from '../../cli/commands/suggest';
import type { ChartSnapshot } from '../../engine/chart/snapshot';
import type { EngineApi } from '../../platform/worker/api';
import type { EngineContext, PickedTable } from '../../platform/worker/context';
import { suggestMethods } from '../../platform/worker/suggest';
import { SuggestView } from './view';

let tables: SuggestTables;
let real: Pick<EngineApi, 'suggest'>;
beforeAll(async () => {
  tables = await loadSuggestTables();
  real = workerSuggest(); // one worker area for both tests: its lexicon is built once, as in the worker
}, 120_000);

/** The worker's suggest method, its context serving the tables loaded from the installed bundles. */
function workerSuggest(): Pick<EngineApi, 'suggest'> {
  const picked = (system: string): PickedTable<unknown> => {
    if (system === 'icd10cm') return { table: tables.cm, row: { id: 'icd10cm-test' } } as PickedTable<unknown>;
    if (system === 'icd10pcs' && tables.pcs)
      return { table: tables.pcs, row: { id: 'icd10pcs-test' } } as PickedTable<unknown>;
    throw new Error(`no ${system} release in this test`);
  };
  // No release rows: in particular no suggestion model (ranked by the Index alone, and said so).
  const ctx = {
    tableFor: async (system: string) => picked(system),
    releases: async () => [],
  } as unknown as EngineContext;
  return suggestMethods(ctx);
}

/** Resolves when `fn` holds, re-checking after each pending task (no sleeps). */
async function until(fn: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !fn(); i++) await act(() => new Promise((r) => setTimeout(r, 0)));
  expect(fn()).toBe(true);
}

const NOTE =
  'Fictional patient Zed Testperson.\nASSESSMENT AND PLAN:\n1. Community-acquired pneumonia of the right lower lobe.\n2. Hyponatremia.\nNo evidence of pulmonary embolism.';

describe('SuggestView paste box', () => {
  it('builds a paste snapshot and suggests on it through the worker call, rendered as text', async () => {
    const calls: ChartSnapshot[] = [];
    const engine: Pick<EngineApi, 'suggest'> = {
      suggest: (s, o) => (calls.push(s), real.suggest(s, o)),
    };
    const onSelection = vi.fn();
    const host = document.createElement('div');
    document.body.appendChild(host);
    // The shell's one source, reduced to what the view sees: a paste comes back as the snapshot.
    const draw = (snapshot: ChartSnapshot | undefined): void =>
      render(
        <SuggestView
          engine={engine}
          snapshot={snapshot}
          onPaste={draw}
          onHighlight={() => {}}
          onUseSelection={onSelection}
        />,
        host,
      );
    draw(undefined);
    expect(host.querySelector('[data-suggest-state]')!.getAttribute('data-suggest-state')).toBe('idle');
    const box = host.querySelector<HTMLTextAreaElement>('textarea#suggest-paste')!;
    expect(host.querySelector('label[for="suggest-paste"]')!.textContent).toBe('Paste note');
    await act(() => {
      box.value = `${NOTE} <img src=x onerror=alert(1)>`;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    });
    // Ctrl+Enter in the box submits, as the button does.
    await act(() => {
      box.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    });
    await until(() => host.querySelector('[data-suggest-state]')!.getAttribute('data-suggest-state') === 'done');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ reader: 'paste', text: `${NOTE} <img src=x onerror=alert(1)>` });
    const dx = [...host.querySelectorAll('[data-suggest-group="diagnoses"] [data-code]')].map((e) =>
      e.getAttribute('data-code'),
    );
    expect(dx.some((c) => c!.startsWith('J18'))).toBe(true);
    expect(dx).toContain('E87.1');
    expect(dx.some((c) => c!.startsWith('I26'))).toBe(false);
    expect(host.querySelector('img')).toBeNull();
    expect(host.textContent).toContain('From the pasted note');

    host.querySelector<HTMLButtonElement>('.paste-actions button[type="button"]')!.click();
    expect(onSelection).toHaveBeenCalledOnce();
  });

  it('suggests on a page or selection snapshot with the same call', async () => {
    const suggest = vi.fn(real.suggest);
    const host = document.createElement('div');
    document.body.appendChild(host);
    const { snapshotFromText } = await import('../../engine/chart/snapshot');
    const selection = snapshotFromText('Assessment: hyponatremia.', 'selection', '2026-11-23T03:00:00.000Z');
    render(<SuggestView engine={{ suggest }} snapshot={selection} onPaste={() => {}} onHighlight={() => {}} />, host);
    await until(() => host.querySelector('[data-suggest-state]')!.getAttribute('data-suggest-state') === 'done');
    expect(suggest).toHaveBeenCalledWith(selection, { setting: 'inpatient' });
    expect(host.querySelector('[data-code="E87.1"]')).not.toBeNull();
  });
});
