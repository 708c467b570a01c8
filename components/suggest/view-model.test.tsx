// @vitest-environment happy-dom
// The side panel names the suggestion model that ranked the list beside the table releases, or
// shows the worker's notice when the Index alone ranked it.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { snapshotFromText } from '../../engine/chart/snapshot';
import { NO_SUGGEST_MODEL_NOTICE } from '../../engine/suggest/model-bundle';
import type { SuggestResponse } from '../../platform/worker/api';
import { SuggestView } from './view';

const base: SuggestResponse = {
  setting: 'inpatient',
  tables: { cm: 2026, pcs: 2026 },
  diagnoses: [],
  procedures: [],
  releases: { cm: 'icd10cm-2026', pcs: 'icd10pcs-2026' },
  notices: [],
  snapshotCapturedAt: new Date(0).toISOString(),
} as unknown as SuggestResponse;

async function shown(response: SuggestResponse): Promise<string[]> {
  const host = document.createElement('div');
  document.body.appendChild(host);
  render(
    <SuggestView
      engine={{ suggest: async () => response }}
      snapshot={snapshotFromText('Assessment: anemia.', 'selection')}
      onPaste={() => {}}
      onHighlight={() => {}}
    />,
    host,
  );
  for (
    let i = 0;
    i < 100 && host.querySelector('[data-suggest-state]')?.getAttribute('data-suggest-state') !== 'done';
    i++
  )
    await act(() => new Promise((r) => setTimeout(r, 0)));
  // The one status line: its summary (tables, number of notes), then each note.
  const status = host.querySelector('.suggest-status');
  return [
    status?.querySelector('summary')?.textContent ?? '',
    ...[...(status?.querySelectorAll('p') ?? [])].map((p) => p.textContent ?? ''),
  ];
}

describe('SuggestView: which model ranked the suggestions', () => {
  it('names the model (version, corpus, documents, license) on the releases line', async () => {
    const notices = await shown({
      ...base,
      model: {
        id: 'suggest-model-2026',
        corpus: 'CodiEsp train (English translations)',
        documents: 500,
        version: 2,
        license: 'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)',
        citation: 'Miranda-Escalada A. et al.',
      },
    });
    expect(notices).toEqual([
      'ICD-10-CM icd10cm-2026, ICD-10-PCS icd10pcs-2026 · 1 note',
      'Ranked with suggestion model v2 (CodiEsp train (English translations), 500 documents; CC BY 4.0), suggest-model-2026',
    ]);
  });

  it('shows the worker notice when the Index alone ranked them', async () => {
    const notices = await shown({ ...base, notices: [NO_SUGGEST_MODEL_NOTICE] });
    expect(notices).toEqual(['ICD-10-CM icd10cm-2026, ICD-10-PCS icd10pcs-2026 · 1 note', NO_SUGGEST_MODEL_NOTICE]);
  });
});
