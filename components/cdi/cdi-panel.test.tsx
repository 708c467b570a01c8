// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { analyzeCdi } from '../../engine/cdi/index';
import { CdiPanel } from './cdi-panel';
import type { ClipboardWriter } from './clipboard';

const NOTE =
  'Labs:\nNa 126 on 11/20, 124 on 11/21 <script>x</script>\n\nAssessment and Plan:\nFluid restriction 1.2 L. Creatinine 0.9 -> 2.1 mg/dL.';

function setup() {
  const result = analyzeCdi({ text: NOTE });
  const copies: { kind: string; text: string; plain?: string }[] = [];
  const clipboard: ClipboardWriter = {
    writePlain: async (text) => void copies.push({ kind: 'plain', text }),
    writeHtml: async (html, plain) => void copies.push({ kind: 'html', text: html, plain }),
  };
  const host = document.createElement('div');
  document.body.append(host);
  render(<CdiPanel result={result} chartText={NOTE} rowTexts={[]} clipboard={clipboard} />, host);
  return { host, copies, result };
}

const flush = () => new Promise((r) => setTimeout(r, 0));
function type(el: HTMLTextAreaElement | HTMLInputElement, value: string): void {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}
const button = (host: HTMLElement, label: string) =>
  [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === label)!;

afterEach(() => {
  document.body.replaceChildren();
});

describe('CdiPanel', () => {
  it('lists each opportunity with its triggering indicators and where they are', () => {
    const { host } = setup();
    const items = [...host.querySelectorAll('.cdi-opportunities > li')];
    expect(items.map((li) => li.getAttribute('data-topic'))).toEqual(['aki', 'hyponatremia']);
    const hypo = items[1]!;
    expect(hypo.textContent).toContain('Na 126');
    expect(hypo.textContent).toContain('11/20');
    expect(hypo.textContent).toMatch(/characters \d+–\d+/);
  });

  it('shows the draft of the selected opportunity; the generated draft passes the check', async () => {
    const { host } = setup();
    button(host, 'hyponatremia Hyponatremia: sodium 124 mmol/L treated, no diagnosis').click();
    await flush();
    const form = host.querySelector('form.cdi-editor')!;
    expect(form.getAttribute('aria-label')).toBe('Query draft for hyponatremia');
    expect(form.getAttribute('data-compliant')).toBe('true');
    expect(host.querySelector('.cdi-compliance')!.textContent).toContain('Compliance check: passed');
  });

  it('re-runs the compliance check on every edit and blocks copying while there are errors', async () => {
    const { host } = setup();
    const question = host.querySelector<HTMLTextAreaElement>('textarea[id$="-question"]')!;
    type(question, 'Please document AKI for the DRG!');
    await flush();
    const rules = [...host.querySelectorAll('.cdi-compliance li')].map((li) => li.getAttribute('data-rule'));
    expect(rules).toEqual(expect.arrayContaining(['leading-directive', 'financial-or-scoring', 'leading-emphasis']));
    expect(button(host, 'Copy as plain text').disabled).toBe(true);
    const options = host.querySelector<HTMLTextAreaElement>('textarea[id$="-options"]')!;
    type(options, 'Yes\nNo');
    await flush();
    expect([...host.querySelectorAll('.cdi-compliance li')].map((li) => li.getAttribute('data-rule'))).toContain(
      'yes-no-new-diagnosis',
    );
    button(host, 'Reset draft').click();
    await flush();
    expect(host.querySelector('form')!.getAttribute('data-compliant')).toBe('true');
  });

  it('copies plain text and escaped HTML', async () => {
    const { host, copies } = setup();
    button(host, 'Copy as plain text').click();
    await flush();
    button(host, 'Copy as HTML').click();
    await flush();
    expect(copies.map((c) => c.kind)).toEqual(['plain', 'html']);
    expect(copies[0]!.text).toContain('Clinical information in this record:');
    expect(copies[0]!.text).toContain('☐ Clinically undetermined');
    expect(copies[1]!.text).toMatch(/^<p>/);
    expect(copies[1]!.plain).toBe(copies[0]!.text);
    expect(host.querySelector('.cdi-copied')!.textContent).toBe('Copied as HTML.');
  });

  it('renders chart text as text, never as markup', () => {
    const { host } = setup();
    expect(host.querySelector('script')).toBeNull();
  });
});
