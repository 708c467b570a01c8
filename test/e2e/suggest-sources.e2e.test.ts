/**
 * Every source of the side panel's suggestions end to end, in the built extension in
 * Chromium, with pages served from localhost (test/fixtures/ehr/):
 *
 * 1. The MEDITECH-like page: the panel lists the codes of its golden case, a key accepts one into
 *    the case, clicking its evidence highlights exactly those words in the page (inside the
 *    extension's own closed shadow root), and clearing removes it; the page's own DOM stays equal
 *    to its source throughout.
 * 2. The user's selection on a page no EHR adapter matches: suggestions come from the selected
 *    sentence only, their evidence offsets point into the selection snapshot, and the evidence is
 *    highlighted in the page.
 * 3. The paste box: a note pasted from the clipboard gets suggestions with evidence.
 * 4. Page updates: a sentence typed into the page updates the suggestions (one debounced read),
 *    without a reload; an edit made while a long read is running is read once that read ends.
 *
 * Expected codes come from test/fixtures/ehr/golden-suggestions.json (the same cases the Node
 * golden test checks), never from this file: ranking and the learned model change underneath.
 * Waits are event-driven (DOM mutations, animation frames), never sleeps.
 */
import type { CDPSession, Page, Protocol } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import golden from '../fixtures/ehr/golden-suggestions.json';
import {
  collectPageErrors,
  launchWithExtension,
  openSidePanel,
  waitForSidePanelReady,
  type ExtensionBrowser,
} from './support/browser';
import { serveFixturePages } from './support/fixture-pages';
import type { StaticServer } from './support/static-server';
import { alt, waitInPanel } from './workspace-support';

type GoldenCase = (typeof golden.cases)[number];

function goldenCase(pick: (c: GoldenCase) => boolean, what: string): GoldenCase {
  const found = golden.cases.find(pick);
  if (!found) throw new Error(`test/fixtures/ehr/golden-suggestions.json has no case ${what}`);
  return found;
}
const byId = (id: string): GoldenCase => goldenCase((c) => 'id' in c && c.id === id, `with id "${id}"`);
function textOf(c: GoldenCase): string {
  if (!c.text) throw new Error(`golden case "${c.name}" has no text`);
  return c.text;
}

const MEDITECH = goldenCase((c) => c.page === 'meditech-demo.html', 'for meditech-demo.html');
const GENERIC_PAGE = byId('generic-page');
const GENERIC_SELECTION = byId('generic-selection');
const GENERIC_APPENDED = byId('generic-appended');
const PASTE_NOTE = byId('paste-note');

/** The content script's debounce of page changes (entrypoints/content/readers/watch.ts). */
const DEBOUNCE_MS = 600;

/** A long note (synthetic filler, fictional patient): reading it takes seconds on a slowed-down CPU. */
const LONG_NOTE_PAGE = 'long-progress-note.html';
const LONG_NOTE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Progress notes: TESTCASE, LONGNOTE (fictional)</title></head>
<body><main>
<h2>Assessment</h2><div id="assessment"><p>Follow-up visit, fictional patient Longnote Testcase.</p></div>
<h2>Nursing flowsheet narrative</h2>
${Array.from({ length: 20_000 }, (_, i) => `<p>Entry ${i + 1}: resting in chair, call light within reach.</p>`).join('\n')}
</main></body></html>`;

/** White space collapsed, as the chart reader and the highlighter see text. */
const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** A chart snapshot as the side panel received it (recorded by {@link recordSnapshots}). */
interface SeenSnapshot {
  reader: string;
  url: string;
  text: string;
  capturedAt: string;
  /** How the read ended early, if it did ('time', 'chars', ...). */
  stoppedBy: string[];
  elapsedMs: number;
}

/**
 * Records, in the panel page, every chart snapshot message it receives (test-only listener), and
 * counts them in an attribute of <html> so waits can watch DOM mutations.
 */
async function recordSnapshots(panel: Page): Promise<void> {
  type Runtime = { onMessage: { addListener(listener: (message: unknown) => undefined): void } };
  await panel.evaluate(() => {
    const w = window as unknown as { chartsideTestSnapshots?: unknown[]; chrome: { runtime: Runtime } };
    if (w.chartsideTestSnapshots) return;
    const seen: unknown[] = [];
    w.chartsideTestSnapshots = seen;
    w.chrome.runtime.onMessage.addListener((message) => {
      type Sent = Omit<SeenSnapshot, 'stoppedBy' | 'elapsedMs'> & {
        limits?: Pick<SeenSnapshot, 'stoppedBy' | 'elapsedMs'>;
      };
      const m = message as { type?: string; snapshot?: Sent } | null;
      if (m?.type === 'content-to-panel:chart-snapshot' && m.snapshot) {
        const { reader, url, text, capturedAt, limits } = m.snapshot;
        seen.push({ reader, url, text, capturedAt, stoppedBy: limits?.stoppedBy, elapsedMs: limits?.elapsedMs });
        document.documentElement.dataset.testSeenSnapshots = String(seen.length);
      }
      return undefined;
    });
  });
}

const snapshotsSoFar = (panel: Page): Promise<number> =>
  panel.evaluate(() => Number(document.documentElement.dataset.testSeenSnapshots ?? '0'));

/** The `index`-th snapshot the panel received (0-based), waiting for it. */
async function snapshotAt(panel: Page, index: number, what: string): Promise<SeenSnapshot> {
  await waitInPanel(
    panel,
    what,
    (i: number) => Number(document.documentElement.dataset.testSeenSnapshots ?? '0') > i,
    index,
  );
  return panel.evaluate(
    (i: number) => (window as unknown as { chartsideTestSnapshots: SeenSnapshot[] }).chartsideTestSnapshots[i]!,
    index,
  );
}

/** The snapshots received from `index` on. */
const snapshotsFrom = (panel: Page, index: number): Promise<SeenSnapshot[]> =>
  panel.evaluate(
    (i: number) => (window as unknown as { chartsideTestSnapshots: SeenSnapshot[] }).chartsideTestSnapshots.slice(i),
    index,
  );

/** The first snapshot received from `index` on whose text contains `needle`, waiting for it. */
async function snapshotContaining(panel: Page, index: number, needle: string, what: string): Promise<SeenSnapshot> {
  await waitInPanel(
    panel,
    what,
    ({ i, text }: { i: number; text: string }) =>
      (window as unknown as { chartsideTestSnapshots: SeenSnapshot[] }).chartsideTestSnapshots
        .slice(i)
        .some((s) => s.text.includes(text)),
    { i: index, text: needle },
  );
  return (await snapshotsFrom(panel, index)).find((s) => s.text.includes(needle))!;
}

/** Waits until the suggestions section shows the result for the snapshot captured at `capturedAt`. */
async function waitForResult(panel: Page, what: string, by: { capturedAt?: string; reader?: string }): Promise<void> {
  await waitInPanel(
    panel,
    what,
    ({ capturedAt, reader }: { capturedAt?: string; reader?: string }) => {
      const section = document.querySelector('#panel-suggest [data-suggest-state]');
      return (
        section?.getAttribute('data-suggest-state') === 'done' &&
        (capturedAt === undefined || section.getAttribute('data-suggest-captured-at') === capturedAt) &&
        (reader === undefined || section.getAttribute('data-suggest-reader') === reader)
      );
    },
    by,
  );
}

/** Opens the less confident suggestions too (the golden cases list results, not the display threshold). */
async function showAllSuggestions(panel: Page): Promise<void> {
  const more = await panel.$('#panel-suggest .suggest-panel > button.more');
  if (!more) return;
  if (!(await more.evaluate((b) => b.textContent ?? '')).startsWith('Show only')) {
    await more.evaluate((b) => b.click());
    await waitInPanel(panel, 'all suggestions shown', () =>
      (document.querySelector('#panel-suggest button.more')?.textContent ?? '').startsWith('Show only'),
    );
  }
}

interface ShownSuggestion {
  code: string;
  flags: string[];
  evidence: { text: string; start: number; end: number }[];
}

/** The suggestions the panel lists in one group, in order, with their evidence buttons. */
function shownSuggestions(panel: Page, group: 'diagnoses' | 'procedures'): Promise<ShownSuggestion[]> {
  return panel.$$eval(`#panel-suggest [data-suggest-group="${group}"] [data-suggestion]`, (rows) =>
    rows.map((row) => ({
      code: row.getAttribute('data-code') ?? '',
      flags: [...row.querySelectorAll('.flags .flag')].map((f) =>
        [...f.classList].find((c) => c.startsWith('flag-'))!.slice('flag-'.length),
      ),
      evidence: [...row.querySelectorAll('.evidence-span')].map((button) => {
        const at = /characters (\d+)-(\d+)$/.exec(button.getAttribute('title') ?? '');
        return {
          text: (button.textContent ?? '').replace(/^“/, '').replace(/”$/, ''),
          start: at ? Number(at[1]) : -1,
          end: at ? Number(at[2]) : -1,
        };
      }),
    })),
  );
}

/** Asserts what a golden case states about the listed diagnoses and procedures. */
async function expectGoldenCase(panel: Page, c: GoldenCase): Promise<ShownSuggestion[]> {
  await showAllSuggestions(panel);
  const dx = await shownSuggestions(panel, 'diagnoses');
  const px = await shownSuggestions(panel, 'procedures');
  const dxCodes = dx.map((s) => s.code);
  const all = [...dxCodes, ...px.map((s) => s.code)];
  for (const code of c.diagnoses) expect(dxCodes, `diagnosis ${code} (${c.name})`).toContain(code);
  for (const code of c.procedures ?? []) expect(all, `procedure ${code} (${c.name})`).toContain(code);
  for (const prefix of c.absent ?? [])
    expect(
      all.filter((code) => code.startsWith(prefix)),
      `absent ${prefix} (${c.name})`,
    ).toEqual([]);
  for (const [code, flag] of c.flags ?? [])
    expect(dx.find((s) => s.code === code)?.flags, `${code} ${flag}`).toContain(flag);
  // Ranking (the golden case's top codes, in result order) is checked softly: a ranking
  // regression fails the test with the whole list, and the rest of the flow still runs.
  const top = dxCodes.slice(0, c.topN ?? 10);
  for (const code of c.top ?? [])
    expect.soft(top, `top ${c.topN ?? 10}: ${code} (${c.name}; listed: ${dxCodes.join(' ')})`).toContain(code);
  return [...dx, ...px];
}

/** Every evidence span shown points into `text` and quotes it exactly. */
function expectEvidenceInside(shown: readonly ShownSuggestion[], text: string): void {
  for (const s of shown)
    for (const e of s.evidence) {
      expect(e.start, `${s.code} evidence start`).toBeGreaterThanOrEqual(0);
      expect(e.end, `${s.code} evidence end`).toBeLessThanOrEqual(text.length);
      expect(text.slice(e.start, e.end), `${s.code} evidence ${e.start}-${e.end}`).toBe(e.text);
    }
}

/** Sets the panel's setting (inpatient/outpatient) to the golden case's. */
async function useSetting(panel: Page, setting: string): Promise<void> {
  const current = await panel.$eval('#panel-suggest .setting select', (s) => s.value);
  if (current !== setting) await panel.select('#panel-suggest .setting select', setting);
}

/** Clicks a control of the panel without activating the panel's tab (the chart tab stays the active one). */
async function clickInPanel(panel: Page, selector: string): Promise<void> {
  const control = await panel.waitForSelector(selector, { timeout: 30_000 });
  if (!control) throw new Error(`no ${selector} in the panel`);
  await control.evaluate((b) => (b as HTMLElement).click());
}

/**
 * The page's DOM compared with a fresh parse of the same file (the fixture pages run no script,
 * so any difference was made by someone else), our highlight hosts set aside and counted.
 */
function pageDomAgainstSource(chart: Page): Promise<{ same: boolean; hosts: number; hostParent: string | null }> {
  return chart.evaluate(async () => {
    const source = await (await fetch(location.href, { cache: 'no-store' })).text();
    const parsed = new DOMParser().parseFromString(source, 'text/html').documentElement.outerHTML;
    const live = document.documentElement.cloneNode(true) as HTMLElement;
    const hosts = [...live.querySelectorAll('chartside-highlight')];
    for (const h of hosts) h.remove();
    const host = document.querySelector('chartside-highlight');
    return { same: live.outerHTML === parsed, hosts: hosts.length, hostParent: host?.parentElement?.tagName ?? null };
  });
}

/** Starts a page-world MutationObserver over the whole page; `mutationLog` reads what it saw. */
async function startMutationLog(chart: Page): Promise<void> {
  await chart.evaluate(() => {
    const log: string[] = [];
    (window as unknown as { chartsideTestMutations: string[] }).chartsideTestMutations = log;
    const names = (nodes: NodeList): string => [...nodes].map((n) => n.nodeName).join(',');
    new MutationObserver((records) => {
      for (const r of records)
        log.push(`${r.type} on ${r.target.nodeName}: +[${names(r.addedNodes)}] -[${names(r.removedNodes)}]`);
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}
const mutationLog = (chart: Page): Promise<string[]> =>
  chart.evaluate(() => (window as unknown as { chartsideTestMutations: string[] }).chartsideTestMutations);

type DomNode = Protocol.DOM.Node;
function findNodes(node: DomNode, match: (n: DomNode) => boolean, out: DomNode[] = []): DomNode[] {
  if (match(node)) out.push(node);
  for (const child of [
    ...(node.children ?? []),
    ...(node.shadowRoots ?? []),
    ...(node.contentDocument ? [node.contentDocument] : []),
  ])
    findNodes(child, match, out);
  return out;
}

/**
 * Runs in the page's main world with `this` = the highlight layer (inside the closed shadow root,
 * reached through DevTools). Collects the page's characters whose rendered box lies inside one of
 * the drawn highlight boxes; re-reads at each animation frame until that text equals `expected`
 * (the highlighter scrolls smoothly and redraws on scroll) or `timeoutMs` passes.
 */
function textUnderHighlight(
  this: HTMLElement,
  expected: string,
  timeoutMs: number,
): Promise<{ boxes: number; text: string }> {
  // Arrow functions below see the same `this` (the layer).
  const read = (): { boxes: number; text: string } => {
    const boxes = [...this.children].map((b) => b.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0);
    const inside = (x: number, y: number): boolean =>
      boxes.some((r) => x >= r.left - 0.5 && x <= r.right + 0.5 && y >= r.top - 0.5 && y <= r.bottom + 0.5);
    let text = '';
    const range = document.createRange();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (let i = 0; i < node.data.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getClientRects()[0];
        if (r && r.width > 0 && inside(r.left + r.width / 2, r.top + r.height / 2)) text += node.data[i];
      }
    }
    return { boxes: boxes.length, text: text.replace(/\s+/g, ' ').trim() };
  };
  const deadline = performance.now() + timeoutMs;
  return new Promise((resolve) => {
    const tick = (): void => {
      const seen = read();
      // A layer taken out of the page (replaced or cleared) will not change any more.
      if (seen.text === expected || !this.isConnected || performance.now() > deadline) resolve(seen);
      else requestAnimationFrame(tick);
    };
    tick();
  });
}

/**
 * What the extension highlights in the chart page: its host elements, the mode of the host's
 * shadow root, and the page text under the highlight boxes (waiting for it to equal `expected`).
 */
async function readHighlight(
  chart: Page,
  expected: string,
): Promise<{ hosts: number; shadowMode: string | undefined; boxes: number; text: string }> {
  const cdp: CDPSession = await chart.createCDPSession();
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const hosts = findNodes(root, (n) => n.nodeName === 'CHARTSIDE-HIGHLIGHT');
    const shadow = hosts[0]?.shadowRoots?.[0];
    const layer = shadow?.children?.[0];
    if (hosts.length !== 1 || !layer)
      return { hosts: hosts.length, shadowMode: shadow?.shadowRootType, boxes: 0, text: '' };
    const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: layer.backendNodeId });
    const { result, exceptionDetails } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: textUnderHighlight.toString(),
      arguments: [{ value: expected }, { value: 10_000 }],
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(`reading the highlight failed: ${exceptionDetails.text}`);
    const seen = result.value as { boxes: number; text: string };
    return { hosts: 1, shadowMode: shadow.shadowRootType, ...seen };
  } finally {
    await cdp.detach();
  }
}

/** Clicks the first evidence button of a listed suggestion (the chart tab stays active); returns its text. */
async function clickEvidence(panel: Page, code: string): Promise<string> {
  const button = await panel.$(`#panel-suggest [data-code="${code}"] .evidence-span`);
  if (!button) throw new Error(`${code} has no evidence button in the panel`);
  const text = await button.evaluate((b) => (b.textContent ?? '').replace(/^“/, '').replace(/”$/, ''));
  await button.evaluate((b) => (b as HTMLButtonElement).click());
  return text;
}

describe('suggestion sources in the side panel', () => {
  let server: StaticServer;
  let chartside: ExtensionBrowser;
  let panel: Page;
  let errors: string[];

  beforeAll(async () => {
    // An icon, so the browser's favicon request is not a 404 console error of the chart page.
    server = await serveFixturePages({ 'favicon.ico': '', [LONG_NOTE_PAGE]: LONG_NOTE_HTML });
    chartside = await launchWithExtension();
    ({ page: panel, errors } = await openSidePanel(chartside));
    await waitForSidePanelReady(panel, errors);
    await recordSnapshots(panel);
    await alt(panel, '2');
    await panel.waitForSelector('#panel-suggest [data-suggest-state]');
  });
  afterAll(async () => {
    await chartside?.close();
    await server?.close();
  });

  it('MEDITECH-like page: golden codes listed, key accept into the case, evidence highlighted exactly and cleared, page DOM untouched', async () => {
    const seen = await snapshotsSoFar(panel);
    const chart = await chartside.browser.newPage();
    const chartErrors = collectPageErrors(chart);
    await chart.goto(server.url(MEDITECH.page!), { waitUntil: 'load' });
    const snapshot = await snapshotAt(panel, seen, 'snapshot of the MEDITECH-like page');
    expect(snapshot).toMatchObject({ reader: 'meditech-like', url: server.url(MEDITECH.page!) });
    // Reading changed nothing in the page.
    expect(await pageDomAgainstSource(chart)).toEqual({ same: true, hosts: 0, hostParent: null });
    await startMutationLog(chart);

    await useSetting(panel, MEDITECH.setting);
    await waitForResult(panel, 'suggestions for the MEDITECH-like page', { capturedAt: snapshot.capturedAt });
    const shown = await expectGoldenCase(panel, MEDITECH);
    expectEvidenceInside(shown, snapshot.text);

    // Accept the case's first expected diagnosis with the keyboard; it joins the case abstract.
    const [accepted, second] = MEDITECH.diagnoses;
    await panel.bringToFront();
    await panel.focus(`#panel-suggest [data-code="${accepted}"]`);
    await panel.keyboard.press('a');
    await waitInPanel(
      panel,
      `${accepted} accepted`,
      (code: string) =>
        document.querySelector(`#panel-suggest [data-code="${code}"]`)?.getAttribute('data-decision') === 'accepted',
      accepted,
    );
    await alt(panel, '5');
    await waitInPanel(
      panel,
      `${accepted} on the case`,
      (code: string) =>
        document.querySelector(`#panel-case ol[aria-label="Diagnoses in sequence"] > li[data-code="${code}"]`) !== null,
      accepted!.replace('.', ''),
    );
    await alt(panel, '2');
    await waitForResult(panel, 'suggestions shown again', { capturedAt: snapshot.capturedAt });
    await showAllSuggestions(panel);
    expect(
      await panel.$eval(`#panel-suggest [data-code="${accepted}"]`, (row) => row.getAttribute('data-decision')),
    ).toBe('accepted');

    // Click its evidence with the chart tab active: exactly those words are highlighted.
    await chart.bringToFront();
    const evidence = await clickEvidence(panel, accepted!);
    await chart.waitForSelector('chartside-highlight', { timeout: 30_000 });
    let highlight = await readHighlight(chart, collapse(evidence));
    expect(highlight).toMatchObject({ hosts: 1, shadowMode: 'closed', text: collapse(evidence) });
    expect(highlight.boxes).toBeGreaterThan(0);
    // The page's scripts cannot reach into it, and nothing but our host was added.
    expect(await chart.$eval('chartside-highlight', (h) => h.shadowRoot)).toBeNull();
    expect(await pageDomAgainstSource(chart)).toEqual({ same: true, hosts: 1, hostParent: 'HTML' });

    // Other evidence replaces the highlight (never two layers).
    const previous = await chart.$('chartside-highlight');
    const otherEvidence = await clickEvidence(panel, second!);
    await chart.waitForFunction(
      (old) => !old?.isConnected && document.querySelector('chartside-highlight') !== null,
      { polling: 'mutation', timeout: 30_000 },
      previous,
    );
    highlight = await readHighlight(chart, collapse(otherEvidence));
    expect(highlight).toMatchObject({ hosts: 1, shadowMode: 'closed', text: collapse(otherEvidence) });

    // The panel asks to clear: the host goes, and the page is exactly as it was served.
    await clickInPanel(panel, '#panel-suggest ::-p-text(Clear highlight in the chart)');
    await chart.waitForFunction(() => document.querySelector('chartside-highlight') === null, {
      polling: 'mutation',
      timeout: 30_000,
    });
    expect(await pageDomAgainstSource(chart)).toEqual({ same: true, hosts: 0, hostParent: null });
    const mutations = await mutationLog(chart);
    expect(mutations.length).toBeGreaterThan(0);
    for (const m of mutations)
      expect(m).toMatch(/^childList on HTML: \+\[(CHARTSIDE-HIGHLIGHT)?\] -\[(CHARTSIDE-HIGHLIGHT)?\]$/);
    await waitInPanel(
      panel,
      'clear control gone',
      () => !document.body.textContent?.includes('Clear highlight in the chart'),
    );
    expect(chartErrors).toEqual([]);
    expect(errors).toEqual([]);
    await chart.close();
  });

  it("a page without an EHR adapter: the user's selection alone is read, and the note typed into the page updates the list", async () => {
    let seen = await snapshotsSoFar(panel);
    const chart = await chartside.browser.newPage();
    const chartErrors = collectPageErrors(chart);
    await chart.goto(server.url(GENERIC_PAGE.page!), { waitUntil: 'load' });
    const whole = await snapshotAt(panel, seen, 'snapshot of the generic page');
    expect(whole).toMatchObject({ reader: 'generic', url: server.url(GENERIC_PAGE.page!) });
    await useSetting(panel, GENERIC_PAGE.setting);
    await waitForResult(panel, 'suggestions for the whole generic page', { capturedAt: whole.capturedAt });
    expectEvidenceInside(await expectGoldenCase(panel, GENERIC_PAGE), whole.text);

    // Select one sentence of the assessment, then "Use selection" with the chart tab active.
    const sentence = textOf(GENERIC_SELECTION);
    await chart.bringToFront();
    const selected = await chart.evaluate((wanted: string) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(wanted);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + wanted.length);
        const selection = getSelection()!;
        selection.removeAllRanges();
        selection.addRange(range);
        return selection.toString();
      }
      return null;
    }, sentence);
    expect(selected).toBe(sentence);
    seen = await snapshotsSoFar(panel);
    await clickInPanel(panel, '#panel-suggest ::-p-text(Use selection)');
    const selection = await snapshotAt(panel, seen, 'snapshot of the selection');
    expect(selection).toMatchObject({ reader: 'selection', text: sentence });
    await waitForResult(panel, 'suggestions for the selection', {
      capturedAt: selection.capturedAt,
      reader: 'selection',
    });
    const fromSelection = await expectGoldenCase(panel, GENERIC_SELECTION);
    // What the whole page has outside the sentence is gone (the golden case lists it as absent).
    for (const prefix of GENERIC_SELECTION.absent ?? [])
      expect(
        GENERIC_PAGE.diagnoses.some((code) => code.startsWith(prefix)),
        `${prefix} is on the page`,
      ).toBe(true);
    expect(fromSelection.flatMap((s) => s.evidence).length).toBeGreaterThan(0);
    expectEvidenceInside(fromSelection, selection.text);
    // Its evidence is highlighted in the page (located through the selection), then cleared.
    const words = await clickEvidence(panel, GENERIC_SELECTION.diagnoses[0]!);
    await chart.waitForSelector('chartside-highlight', { timeout: 30_000 });
    expect(await readHighlight(chart, collapse(words))).toMatchObject({
      hosts: 1,
      shadowMode: 'closed',
      text: collapse(words),
    });
    expect(await panel.$$eval('#panel-suggest .error', (es) => es.map((e) => e.textContent))).toEqual([]);
    await clickInPanel(panel, '#panel-suggest ::-p-text(Clear highlight in the chart)');
    await chart.waitForFunction(() => document.querySelector('chartside-highlight') === null, {
      polling: 'mutation',
      timeout: 30_000,
    });

    // Type a diagnosis sentence into the page, a word every 40 ms (a clinician editing the note):
    // one debounced read follows the typing, and the list updates without a reload.
    const appended = textOf(GENERIC_APPENDED);
    const pageLoads = server.requests.filter((p) => p === `/${GENERIC_PAGE.page!}`).length;
    await chart.evaluate(() => {
      (window as unknown as { chartsideTestSameDocument: boolean }).chartsideTestSameDocument = true;
    });
    seen = await snapshotsSoFar(panel);
    await chart.evaluate(async (words: string[]) => {
      const p = document.createElement('p');
      const typed = document.createTextNode('');
      p.append(typed);
      document.querySelector('#assessment')!.append(p);
      for (const [i, word] of words.entries()) {
        typed.data += (i ? ' ' : '') + word;
        await new Promise((done) => setTimeout(done, 40));
      }
    }, appended.split(' '));
    const updated = await snapshotAt(panel, seen, 'snapshot after the page changed');
    expect(updated.reader).toBe('generic');
    expect(updated.text).toContain(appended); // the first read after the change already has every word
    expect(updated.text).toContain(sentence);
    await waitForResult(panel, 'suggestions for the updated page', { capturedAt: updated.capturedAt });
    const afterUpdate = await expectGoldenCase(panel, GENERIC_APPENDED);
    for (const code of GENERIC_PAGE.diagnoses) expect(afterUpdate.map((s) => s.code)).toContain(code);
    expectEvidenceInside(afterUpdate, updated.text);
    expect(await snapshotsSoFar(panel)).toBe(seen + 1);
    expect(
      await chart.evaluate(
        () => (window as unknown as { chartsideTestSameDocument?: boolean }).chartsideTestSameDocument,
      ),
    ).toBe(true);
    expect(server.requests.filter((p) => p === `/${GENERIC_PAGE.page!}`).length).toBe(pageLoads);
    expect(chartErrors).toEqual([]);
    expect(errors).toEqual([]);
    await chart.close();
  });

  it('a change made while a long read runs is read as soon as that read ends', async () => {
    // A long note: with the CPU slowed down, a read runs into its time budget (seconds). Two edits
    // 1.2 s apart: the read for the first is still running when the second's debounced read comes.
    // Timing on a shared machine can miss that window, so up to three rounds are made until one
    // shows it happened (a read with the first edit, without the second, that ended after the
    // second's debounce); every round must end with a read of the second edit.
    const seenBefore = await snapshotsSoFar(panel);
    const chart = await chartside.browser.newPage();
    const chartErrors = collectPageErrors(chart);
    await chart.goto(server.url(LONG_NOTE_PAGE), { waitUntil: 'load' });
    await snapshotAt(panel, seenBefore, 'snapshot of the long note');
    await chart.bringToFront();
    await chart.emulateCPUThrottling(20);
    const rounds: string[] = [];
    let raced = false;
    let last: SeenSnapshot | undefined;
    for (let round = 1; round <= 3 && !raced; round++) {
      const first = `Seen with her daughter, visit ${round}.`;
      const second = `${textOf(GENERIC_APPENDED)} Round ${round}.`;
      const from = await snapshotsSoFar(panel);
      const secondAt = await chart.evaluate(
        async (a: string, b: string, gapMs: number) => {
          const add = (text: string): void => {
            const p = document.createElement('p');
            p.textContent = text;
            document.querySelector('#assessment')!.append(p);
          };
          add(a);
          await new Promise((done) => setTimeout(done, gapMs));
          add(b);
          return Date.now();
        },
        first,
        second,
        1200,
      );
      last = await snapshotContaining(panel, from, second, `a read of the second edit (round ${round})`);
      const reads = await snapshotsFrom(panel, from);
      raced = reads.some(
        (r) =>
          r.text.includes(first) &&
          !r.text.includes(second) &&
          r.stoppedBy.includes('time') &&
          Date.parse(r.capturedAt) > secondAt + DEBOUNCE_MS + 300,
      );
      rounds.push(
        `round ${round}: ` +
          reads
            .map(
              (r) =>
                `${r.text.includes(second) ? 'both edits' : r.text.includes(first) ? 'first edit' : 'neither'}, ` +
                `${r.elapsedMs} ms, ${r.stoppedBy.join('+') || 'complete'}, ended ${Date.parse(r.capturedAt) - secondAt} ms after the second edit`,
            )
            .join('; '),
      );
    }
    expect(raced, `no round had the second edit's read fall inside a running read:\n${rounds.join('\n')}`).toBe(true);
    await chart.emulateCPUThrottling(null);
    await waitForResult(panel, 'suggestions with the second edit', { capturedAt: last!.capturedAt });
    await expectGoldenCase(panel, GENERIC_APPENDED);
    expect(chartErrors).toEqual([]);
    await chart.close();
  });

  it('a note pasted into the side panel gets suggestions with their evidence', async () => {
    const note = textOf(PASTE_NOTE);
    await panel.bringToFront();
    await useSetting(panel, PASTE_NOTE.setting);
    await panel.focus('#panel-suggest #suggest-paste');
    // A real paste: the note on the clipboard, Ctrl+V in the box (the browser's paste command).
    await chartside.browser
      .defaultBrowserContext()
      .overridePermissions(chartside.extensionOrigin.replace(/\/$/, ''), [
        'clipboard-read',
        'clipboard-write',
        'clipboard-sanitized-write',
      ]);
    await panel.evaluate((text: string) => navigator.clipboard.writeText(text), note);
    await panel.keyboard.down('Control');
    await panel.keyboard.press('KeyV', { commands: ['paste'] });
    await panel.keyboard.up('Control');
    expect(await panel.$eval('#panel-suggest #suggest-paste', (t) => (t as HTMLTextAreaElement).value)).toBe(note);
    await panel.keyboard.down('Control');
    await panel.keyboard.press('Enter');
    await panel.keyboard.up('Control');
    await waitForResult(panel, 'suggestions for the pasted note', { reader: 'paste' });
    expect(await panel.$eval('#panel-suggest', (p) => p.textContent)).toContain('From the pasted note');
    const shown = await expectGoldenCase(panel, PASTE_NOTE);
    for (const code of PASTE_NOTE.diagnoses)
      expect(shown.find((s) => s.code === code)?.evidence.length, `${code} evidence`).toBeGreaterThan(0);
    expectEvidenceInside(shown, note);
    expect(errors).toEqual([]);
  });
});
