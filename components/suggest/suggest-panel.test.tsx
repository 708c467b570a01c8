// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { Suggestion, SuggestResult } from '../../engine/suggest';
import { SuggestionDecisions } from './accepted';
import { SuggestPanel } from './suggest-panel';

const ev = (text: string, start: number) => ({
  start,
  end: start + text.length,
  text,
  section: 'assessment-plan' as const,
  context: { negated: false, uncertain: false, historical: false, family: false, hypothetical: false },
  score: 0.8,
});
const s = (system: 'cm' | 'pcs', code: string, score: number, flags: Suggestion['flags'] = []): Suggestion => ({
  id: `${system}:${code}`,
  system,
  code,
  title: `Title of ${code} <img src=x onerror=alert(1)>`,
  score,
  evidence: [ev(`evidence for ${code}`, 10)],
  path: 'Failure > heart',
  flags,
  notes: [],
});
const result: SuggestResult = {
  version: 1,
  setting: 'inpatient',
  diagnoses: [s('cm', 'I50.23', 0.9, ['possible-principal']), s('cm', 'E87.1', 0.6), s('cm', 'R69', 0.1)],
  procedures: [s('pcs', '0W993ZZ', 0.7)],
  tables: { cm: 2026, pcs: 2026 },
};

describe('SuggestPanel', () => {
  it('groups suggestions, hides unconfident ones, renders text as text, accepts with a key and highlights on click', () => {
    const host = document.createElement('div');
    document.body.appendChild(host);
    const decisions = new SuggestionDecisions();
    const onHighlight = vi.fn();
    const draw = () =>
      render(
        <SuggestPanel
          result={result}
          decisions={decisions.map}
          onDecide={(x, d) => (decisions.decide(x, d), draw())}
          onHighlight={onHighlight}
        />,
        host,
      );
    draw();
    const dx = host.querySelector('[data-suggest-group="diagnoses"]')!;
    expect([...dx.querySelectorAll('[data-code]')].map((e) => e.getAttribute('data-code'))).toEqual([
      'I50.23',
      'E87.1',
    ]);
    expect(host.querySelector('[data-suggest-group="procedures"] [data-code]')!.getAttribute('data-code')).toBe(
      '0W993ZZ',
    );
    expect(host.querySelector('img')).toBeNull();
    expect(host.textContent).toContain('<img src=x onerror=alert(1)>');
    const row = host.querySelector<HTMLElement>('[data-code="E87.1"]')!;
    row.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    expect(host.querySelector('[data-code="E87.1"]')!.getAttribute('data-decision')).toBe('accepted');
    host
      .querySelector<HTMLElement>('[data-code="I50.23"]')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    expect(decisions.abstract().diagnoses).toEqual([
      { code: 'I50.23', title: result.diagnoses[0]!.title, principal: true },
      { code: 'E87.1', title: result.diagnoses[1]!.title, principal: false },
    ]);
    host
      .querySelector<HTMLElement>('[data-code="E87.1"]')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'r', bubbles: true }));
    expect(decisions.abstract().diagnoses.map((d) => d.code)).toEqual(['I50.23']);
    host.querySelector<HTMLButtonElement>('[data-code="I50.23"] .evidence-span')!.click();
    expect(onHighlight).toHaveBeenCalledWith(result.diagnoses[0]!.evidence[0]);
    void act(() => {
      host.querySelector<HTMLButtonElement>('button.more')!.click();
    });
    expect(host.querySelector('[data-code="R69"]')).not.toBeNull();
  });
});

describe('SuggestPanel with the coded abstract', () => {
  const entry = (x: Suggestion, rules: { rule: string; reason: string }[] = []) => ({
    code: x.code,
    title: x.title,
    system: x.system,
    kind: 'code' as const,
    quote: x.evidence[0]!.text,
    start: 10,
    end: 10 + x.evidence[0]!.text.length,
    assertion: 'affirmed',
    rules: rules.map((r) => ({ ...r, action: 'keep' as const })),
  });
  const [hf, hypo, r69] = result.diagnoses as [Suggestion, Suggestion, Suggestion];
  const withAbstract: SuggestResult = {
    ...result,
    abstract: {
      principal: entry(hypo, [{ rule: 'II', reason: 'first listed discharge diagnosis' }]),
      secondary: [entry(r69)],
      procedures: [],
      alsoDocumented: [entry(hf, [{ rule: 'I.B.5', reason: 'a symptom beside the definitive diagnosis' }])],
      suppressed: [
        { ...entry(s('cm', 'I21.9', 0.5)), rules: [{ rule: 'III', action: 'drop', reason: 'ruled out in the chart' }] },
      ],
    },
  };
  it('shows the Report tier in report order with the principal first, folds the rest, and lists suppressed codes with their rule', () => {
    const host = document.createElement('div');
    document.body.appendChild(host);
    const draw = () =>
      render(
        <SuggestPanel result={withAbstract} decisions={new Map()} onDecide={() => {}} onHighlight={() => {}} />,
        host,
      );
    draw();
    const codes = () =>
      [...host.querySelectorAll('[data-suggest-group="diagnoses"] [data-code]')].map((e) =>
        e.getAttribute('data-code'),
      );
    // The abstract decides the tier, not the score: R69 (0.1) is reported, I50.23 (0.9) is also documented.
    expect(codes()).toEqual(['E87.1', 'R69']);
    expect(host.querySelector('[data-code="E87.1"]')!.getAttribute('data-principal')).toBe('true');
    expect(host.querySelector('[data-code="E87.1"] .rules')!.textContent).toContain('first listed discharge diagnosis');
    expect(host.querySelector('[data-suggest-group="procedures"] [data-code]')).toBeNull();
    const more = host.querySelector<HTMLButtonElement>('button.more')!;
    expect(more.textContent).toContain('Also documented: 2 more');
    void act(() => more.click());
    expect(codes()).toEqual(['E87.1', 'R69', 'I50.23']);
    expect(host.querySelector('[data-code="I50.23"]')!.getAttribute('data-tier')).toBe('also');
    expect(host.querySelector('[data-code="I50.23"] .rules')!.textContent).toContain('I.B.5');
    const suppressed = host.querySelector('[data-suggest-group="suppressed"]')!;
    expect(suppressed.textContent).toContain('I21.9');
    expect(suppressed.textContent).toContain('ruled out in the chart');
  });
});
