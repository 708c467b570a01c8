/**
 * The case workspace end to end: the built extension in Debian's Chromium reads the
 * Epic-like fixture, the coder accepts suggestions, fills the encounter, types a code (validated
 * as typed), resequences with the keyboard, and sees DRG, what-if and edits; axe-core finds no
 * serious or critical violation in light and dark themes at 360 px; screenshots for the README.
 */
import { mkdirSync, readFileSync } from 'node:fs';
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
import { ROOT } from './support/paths';
import type { StaticServer } from './support/static-server';
import { acceptSuggestions, alt, openCase, setField, waitForDrg, waitInPanel } from './workspace-support';

/**
 * Screenshots of this keyboard walk-through go to test-results/ only: its case (the first five
 * suggestions, a typed and a pinned code) exercises the keys, it is not a correctly coded case.
 * The README's pictures come from `npm run demo -- --headless --out docs/screenshots`.
 */
const SHOTS = join(ROOT, 'test-results', 'screenshots');

const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core over the side panel document (injected through DevTools: the page's CSP forbids inline script). */
async function axeViolations(panel: Page): Promise<AxeViolation[]> {
  await panel.evaluate(AXE);
  const result = await panel.evaluate(async () => {
    const axe = (
      globalThis as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return result.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target })),
  }));
}

const codesOnCase = (panel: Page): Promise<string[]> =>
  panel.$$eval('#panel-case ol[aria-label="Diagnoses in sequence"] > li', (lis) =>
    lis.map((li) => li.getAttribute('data-code') ?? ''),
  );

describe('case workspace in the side panel', () => {
  let server: StaticServer;
  let chartside: ExtensionBrowser;
  let panel: Page;
  let errors: string[];

  beforeAll(async () => {
    server = await serveFixturePages();
    chartside = await launchWithExtension();
    ({ page: panel, errors } = await openSidePanel(chartside, { width: 360, height: 900 }));
    await waitForSidePanelReady(panel, errors);
  }, 180_000);
  afterAll(async () => {
    await chartside?.close();
    await server?.close();
  });

  it('builds a case from the chart with the keyboard, groups it, and is accessible in both themes', async () => {
    const snapshots = await watchChartSnapshots(panel);
    const chart = await chartside.browser.newPage();
    await chart.goto(server.url('epic-demo.html'), { waitUntil: 'load' });
    expect(await snapshots.next()).toMatch(/\/epic-(demo|note-frame)\.html$/);
    const accepted = await acceptSuggestions(panel, 5);
    expect(accepted.length).toBe(5);

    await openCase(panel);
    const onCase = await codesOnCase(panel);
    // Accepted diagnoses arrive on the case (procedures go to the procedure list).
    expect(onCase.length).toBeGreaterThan(0);
    for (const code of onCase) expect(accepted.map((c) => c.replace('.', ''))).toContain(code);

    // Without dates the case says why it is not grouped, never "no DRG".
    expect(await panel.$eval('#panel-case [data-not-grouped]', (e) => e.textContent)).toMatch(/discharge date|age/);
    await setField(panel, 'Admitted', '2026-03-02');
    await setField(panel, 'Discharged', '2026-03-06');
    await setField(panel, 'Age', '74');
    await setField(panel, 'Sex', 'F');
    const drg = await waitForDrg(panel);
    expect(drg).toMatch(/^\d{3}$/);
    expect(await panel.$eval('#panel-case [data-release]', (e) => e.textContent)).toMatch(
      /ICD-10-CM.*2026.*MS-DRG v43\.0, MCE v\d\d\.\d/,
    );
    // An FY2027 discharge while MS-DRG v44 is not installed: the discharge date picks v43.1, and the
    // panel says the result is for orientation only. Back to the FY2026 date, the notice goes.
    await setField(panel, 'Discharged', '2026-11-05');
    await waitInPanel(
      panel,
      'orientation notice',
      () => document.querySelector('#panel-case [data-orientation]') !== null,
    );
    expect(await panel.$eval('#panel-case [data-orientation]', (e) => e.textContent)).toMatch(
      /^MS-DRG v44 \(FY2027\) is not available: this MS-DRG v43\.1 \(FY2026\) result is for orientation only and is not the payable FY2027 DRG for a discharge on 2026-11-05\./,
    );
    await setField(panel, 'Discharged', '2026-03-06');
    await waitInPanel(panel, 'FY2026 again', () =>
      /MS-DRG v43\.0/.test(document.querySelector('#panel-case [data-release]')?.textContent ?? ''),
    );
    expect(await panel.$('#panel-case [data-orientation]')).toBeNull();
    expect(await waitForDrg(panel)).toBe(drg);

    // The DRG tab shows the same case's DRG, with its figures, edits and the principal what-if.
    await alt(panel, '3');
    await waitInPanel(
      panel,
      'DRG tab grouped',
      () => document.querySelector('#panel-drg #drg-panel-title .drg-number') !== null,
    );
    expect(await panel.$eval('#panel-drg #drg-panel-title .drg-number', (e) => e.textContent)).toBe(drg);
    const drgTab = await panel.$eval('#panel-drg', (e) => (e as HTMLElement).innerText);
    for (const label of [
      'Relative weight',
      'GMLOS',
      'AMLOS',
      'Secondary diagnoses',
      'Medicare Code Editor',
      'Principal what-if',
    ])
      expect(drgTab).toContain(label);
    expect(drgTab).toMatch(/MS-DRG v43\.0, MCE v\d\d\.\d/);
    // The chart's ranked principal candidates (sequencing stage), each with its MS-DRG, weight and guideline.
    expect(drgTab).toContain('Principal candidates (guideline order)');
    const ranked = await panel.$$eval('#panel-drg [data-principal-candidate]', (es) =>
      es.map((e) => (e as HTMLElement).innerText),
    );
    expect(ranked.length).toBeGreaterThan(0);
    for (const line of ranked)
      expect(line).toMatch(/^[A-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})? .*MS-DRG \d{3} .*\(weight \d+\.\d{4}.*\) · (I|II|IV)\b/);
    mkdirSync(SHOTS, { recursive: true });
    await (await panel.$('#panel-drg .drg-principal-candidates'))!.screenshot({
      path: join(SHOTS, 'drg-principal-candidates.png'),
    });
    // Codes with their dot, never "I130".
    const rowCodes = await panel.$$eval('#panel-drg .drg-table th[scope="row"]', (ths) =>
      ths.map((t) => t.textContent ?? ''),
    );
    expect(rowCodes.length).toBeGreaterThan(0);
    for (const code of rowCodes) expect(code).toMatch(/^[A-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$/);
    for (const code of await panel.$$eval('#panel-drg [data-whatif] .drg-code', (es) =>
      es.map((e) => e.textContent ?? ''),
    ))
      expect(code).toMatch(/^[A-Z]\d[0-9A-Z](\.[0-9A-Z]{1,4})?$/);
    await openCase(panel);

    // Typed code, validated as typed: a header code is refused with why, a billable one added with Enter.
    await alt(panel, 'n');
    expect(await panel.evaluate(() => document.activeElement?.id)).toBe('case-add-code');
    await panel.keyboard.type('I50.2');
    await waitInPanel(
      panel,
      'header code refused',
      () => document.querySelector('#case-add-check')?.getAttribute('data-check') === 'bad',
    );
    expect(await panel.$eval('#case-add-check', (e) => e.textContent)).toMatch(/header/);
    await panel.keyboard.type('3');
    await waitInPanel(
      panel,
      'I50.23 accepted',
      () => document.querySelector('#case-add-check')?.getAttribute('data-check') === 'ok',
    );
    await panel.keyboard.press('Enter');
    await waitInPanel(
      panel,
      'I50.23 on the case',
      () => document.querySelector('#panel-case li[data-code="I5023"]') !== null,
    );

    // Pinned from search (Alt+1, type, ArrowDown into the list, p): arrives on the case.
    await alt(panel, '1');
    await panel.waitForSelector('#code-lookup-input');
    await panel.focus('#code-lookup-input');
    await panel.keyboard.type('hypothyroidism');
    await waitInPanel(panel, 'search hits', () => document.querySelector('#search-results [data-code]') !== null);
    const pinned = await panel.$eval('#search-results [data-code]', (e) => e.getAttribute('data-code') ?? '');
    await panel.keyboard.press('ArrowDown');
    await panel.keyboard.press('p');
    await openCase(panel);
    await waitInPanel(
      panel,
      'pinned code on the case',
      (code: string) =>
        document.querySelector(`#panel-case li[data-code="${code}"] .ws-origin`)?.textContent === 'search',
      pinned.replace('.', ''),
    );

    // Keyboard resequencing: Alt+ArrowUp on the last diagnosis moves it up one place; P makes it principal.
    const before = await codesOnCase(panel);
    const last = before.at(-1)!;
    await (await panel.$(`#panel-case li[data-code="${last}"]`))!.focus();
    await panel.keyboard.down('Alt');
    await panel.keyboard.press('ArrowUp');
    await panel.keyboard.up('Alt');
    await waitInPanel(
      panel,
      'moved up',
      (code: string) => {
        const rows = [...document.querySelectorAll('#panel-case ol[aria-label="Diagnoses in sequence"] > li')].map(
          (li) => li.getAttribute('data-code'),
        );
        return rows.indexOf(code) === rows.length - 2;
      },
      last,
    );
    await (await panel.$(`#panel-case li[data-code="I5023"]`))!.focus();
    await panel.keyboard.press('p');
    await waitInPanel(
      panel,
      'I50.23 principal',
      () =>
        document.querySelector('#panel-case ol[aria-label="Diagnoses in sequence"] > li')?.getAttribute('data-code') ===
        'I5023',
    );
    await waitForDrg(panel);
    await waitInPanel(
      panel,
      'recomputed after resequencing',
      () => document.querySelector('#panel-case [data-whatif]') !== null,
    );
    const n = (await codesOnCase(panel)).length;
    // Every secondary diagnosis shows what it would do as principal.
    expect(await panel.$$eval('#panel-case [data-whatif]', (ps) => ps.length)).toBe(n - 1);
    expect(await panel.$eval('#panel-case .drg-summary', (e) => e.textContent)).toMatch(/CC|MCC/);
    // POA: the accepted codes have none yet, so the POA edit lists them.
    expect(await panel.$$eval('#panel-case [data-edit="poa-missing"]', (l) => l.length)).toBeGreaterThan(0);

    mkdirSync(SHOTS, { recursive: true });
    for (const theme of ['light', 'dark'] as const) {
      // Alt+T toggles light <-> dark from what is showing.
      for (let i = 0; i < 2 && (await panel.evaluate(() => document.documentElement.dataset.theme)) !== theme; i++) {
        const was = await panel.evaluate(() => document.documentElement.dataset.theme ?? 'system');
        await alt(panel, 't');
        await waitInPanel(
          panel,
          'theme toggled',
          (w: string) => (document.documentElement.dataset.theme ?? 'system') !== w,
          was,
        );
      }
      expect(await panel.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      const violations = (await axeViolations(panel)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(violations, `${theme}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
      await panel.evaluate(() => window.scrollTo(0, 0));
      await panel.screenshot({ path: join(SHOTS, `workspace-${theme}.png`) });
      // The live panels further down: edits and the DRG with CC/MCC and the what-if.
      await (await panel.$('#panel-case #ws-dx'))!.scrollIntoView();
      await (await panel.$('#panel-case .ws-drg'))!.screenshot({ path: join(SHOTS, `workspace-drg-${theme}.png`) });
    }
    // Readable at 360 px: nothing wider than the panel.
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
    await chart.close();
  }, 240_000);
});
