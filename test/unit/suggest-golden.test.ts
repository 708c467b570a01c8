// Golden chart -> expected codes on the synthetic EHR pages. Cases: test/fixtures/ehr/golden-suggestions.json.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadSuggestTables } from '../../cli/commands/suggest';
import { Suggester, type SuggestResult } from '../../engine/suggest';
import { readChart } from '../../entrypoints/content/readers/read-chart';
import { openFixture } from '../../entrypoints/content/readers/testing/fixture-window';
import golden from '../fixtures/ehr/golden-suggestions.json';
import { expectAbsent, expectListed } from './suggest-expect';

let suggester: Suggester;
beforeAll(async () => {
  const t = await loadSuggestTables();
  if (!t.pcs) throw new Error(t.notices.join('; '));
  suggester = new Suggester(t.cm, t.pcs, t.lexicon);
});

async function chartText(page: string, lazy?: { selector: string; text: string }): Promise<string> {
  const { document } = await openFixture(page);
  if (lazy) {
    // The lazily rendered section (a page script in Chromium) is filled in as that script would.
    const frame = document.querySelector<HTMLIFrameElement>('iframe');
    const doc = frame?.contentDocument ?? document;
    const host = doc.querySelector('#note-body');
    const root = host?.shadowRoot ?? doc;
    const section = root.querySelector(lazy.selector)!;
    section.querySelector('.lazy-placeholder')?.remove();
    const p = doc.createElement('p');
    p.textContent = lazy.text;
    section.appendChild(p);
  }
  const { snapshot } = await readChart(document, { origin: 'http://localhost', pathname: `/${page}` });
  return snapshot.text;
}

describe.each(golden.cases)('$name', (c) => {
  let result: SuggestResult;
  let text: string;
  beforeAll(async () => {
    text = c.page ? await chartText(c.page, c.lazy) : c.text!;
    result = suggester.suggest(text, { setting: c.setting as 'inpatient' | 'outpatient' });
  });
  it('suggests the expected diagnoses and procedures, with evidence inside the text', () => {
    expectListed(result, c.diagnoses, c.procedures);
    for (const s of [...result.diagnoses, ...result.procedures])
      for (const e of s.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
  });
  it('does not suggest what the chart excludes', () => {
    expectAbsent(result, c.absent);
  });
  it('ranks and flags', () => {
    for (const [code, flag] of c.flags ?? [])
      expect(result.diagnoses.find((s) => s.code === code)?.flags, `${code} ${flag}`).toContain(flag);
    const top = result.diagnoses.slice(0, c.topN ?? 10).map((s) => s.code);
    for (const code of c.top ?? []) expect(top, `top ${c.topN ?? 10}: ${code}`).toContain(code);
  });
});

describe('properties', () => {
  it('never throws and keeps every evidence span inside the text', async () => {
    const fc = (await import('fast-check')).default;
    const words = [
      'no',
      'history of',
      'acute',
      'chronic',
      'heart failure',
      'kidney',
      'disease',
      'stage 3b',
      'type 2 diabetes',
      'with',
      'pneumonia',
      'CT',
      'abdominal',
      'ultrasound',
      ',',
      '.',
      '\n',
      'Assessment:',
      'mother',
      'if',
      'rule out',
      'E. coli',
      'right',
      'fracture',
      'é',
      '<script>',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...words), { maxLength: 60 }),
        fc.constantFrom('inpatient', 'outpatient'),
        (parts, setting) => {
          const text = parts.join(' ');
          const r = suggester.suggest(text, { setting: setting, excluded: 'demote' });
          for (const s of [...r.diagnoses, ...r.procedures]) {
            expect(s.score).toBeGreaterThanOrEqual(0);
            expect(s.score).toBeLessThanOrEqual(1);
            for (const e of s.evidence) expect(text.slice(e.start, e.end)).toBe(e.text);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
