// @vitest-environment node
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { chartSnapshotSchema } from '../../../engine/chart/snapshot';
import { readChart, readSelection } from './read-chart';
import { openFixture } from './testing/fixture-window';

const loc = { origin: 'http://localhost', pathname: '/x.html' };
const now = () => new Date('2026-03-02T22:00:00Z');

describe('Epic-like fixture', () => {
  it('reads the note in the iframe and its shadow root, with metadata, sections, labs and vitals', async () => {
    const { document } = await openFixture('epic-demo.html');
    const { snapshot, segments } = await readChart(document, loc, { now });
    expect(snapshot.reader).toBe('epic-like');
    expect(snapshot.warnings).toEqual([]);
    expect(snapshot.document).toEqual({
      title: 'History and Physical',
      noteType: 'H&P',
      author: 'Ada Lovelace-Fictional, MD (Hospitalist)',
      date: '2026-03-02 21:14',
      encounter: 'Inpatient admission',
      pageTitle: 'Chart Review - TESTPATIENT, ZEBULON Q (FICTIONAL)',
      patient:
        'Testpatient, Zebulon Q (fictional) · 68 y.o. M · MRN: DEMO-000001 · Inpatient · Admitted 2026-03-02 · 5 West, Bed 12 · Attending: Ada Lovelace-Fictional, MD',
    });
    expect(snapshot.sections.map((s) => s.heading)).toEqual(
      expect.arrayContaining([
        'Chief Complaint',
        'History of Present Illness',
        'Past Medical History',
        'Labs',
        'Assessment and Plan',
        'Procedures',
      ]),
    );
    expect(snapshot.text).toContain('Acute on chronic systolic congestive heart failure');
    expect(snapshot.text).toContain('Assessment and Plan:\n');
    expect(snapshot.labs).toContainEqual(
      expect.objectContaining({ name: 'Sodium', value: '126 (L)', unit: 'mmol/L', time: '03/02 18:55' }),
    );
    expect(snapshot.vitals).toContainEqual(
      expect.objectContaining({ name: 'SpO2', value: '88% RA', time: '03/02 18:40' }),
    );
    for (const r of [...snapshot.labs, ...snapshot.vitals])
      expect(snapshot.text.slice(r.start, r.end)).toContain(r.value);
    for (const s of segments)
      expect(s.node.data.replace(/\s+/g, ' ')).toContain(snapshot.text.slice(s.start, s.end).trim());
    expect(snapshot.truncated).toBe(false);
  });
});

// The markup @medplum/react renders for PatientHeader and DiagnosticReportDisplay, reduced to its
// structure (classes as the library names them), with a closed menu and an inactive tab panel that
// stay mounted with inline display:none. The page built from the library itself is read in
// test/e2e/medplum.e2e.test.ts.
const MEDPLUM_PAGE = `<!doctype html><html><head><title>Medplum - Fictional Patient</title></head><body>
<div id="root"><div class="mantine-Stack-root">
<p class="mantine-Text-root">Test EHR</p><button type="button">Recent patients</button>
<div class="InfoBar_root"><div class="mantine-Avatar-root"><span title="Ivy Fictional">IF</span></div>
<div class="InfoBar_entry"><div class="InfoBar_key">Name</div><div class="InfoBar_value"><a href="/Patient/1">Ivy Fictional</a></div></div>
<div class="InfoBar_entry"><div class="InfoBar_key">DoB</div><div class="InfoBar_value">1950-01-02</div></div>
<div class="InfoBar_entry"><div class="InfoBar_key">Gender</div><div class="InfoBar_value">female</div></div></div>
<div class="mantine-Tabs-root"><div role="tablist"><button role="tab">Chart</button><button role="tab">Orders</button></div>
<div class="mantine-Tabs-panel" role="tabpanel"><main>
<div class="Panel_paper"><h2 class="mantine-Title-root">Progress note</h2>
<section><h3 class="mantine-Title-root">Assessment</h3><p>Community-acquired pneumonia, improving.</p></section></div>
<div class="Panel_paper"><h2 class="mantine-Title-root">Chemistry</h2><div class="mantine-Stack-root">
<h1 class="mantine-Title-root">Diagnostic Report</h1>
<div class="mantine-Group-root"><div><p>Issued</p><p>11/2/2026, 10:05:00 PM</p></div><div><p>Status</p><div><span>final</span></div></div></div>
<table class="DiagnosticReportDisplay_table"><thead><tr><th>Test</th><th>Value</th><th>Reference Range</th><th>Status</th></tr></thead>
<tbody><tr><td><a href="/Observation/1">Creatinine</a></td><td>2.6 mg/dL</td><td>0.5 - 1.1 mg/dL</td><td>final</td></tr>
<tr><td><a href="/Observation/2">WBC</a></td><td>17.9 10*3/uL</td><td>4 - 11 10*3/uL</td><td>final</td></tr></tbody></table></div></div>
<div class="Panel_paper"><h2 class="mantine-Title-root">Vital signs</h2><div class="mantine-Stack-root">
<h1 class="mantine-Title-root">Diagnostic Report</h1>
<table class="DiagnosticReportDisplay_table"><thead><tr><th>Test</th><th>Value</th><th>Reference Range</th><th>Status</th></tr></thead>
<tbody><tr><td>Heart rate</td><td>118 /min</td><td></td><td>final</td></tr><tr><td>SpO2</td><td>89%</td><td></td><td>final</td></tr></tbody></table></div></div>
</main></div>
<div class="mantine-Tabs-panel" role="tabpanel" style="display: none;"><p>Pending order for another patient: chest CT.</p></div></div>
</div></div>
<div data-portal="true"><div role="menu" class="mantine-Menu-dropdown" style="display: none;"><span>Homer Simpson</span></div></div>
</body></html>`;

describe('Medplum component-library pages', () => {
  it('reads the patient header, the note and the result reports with values, units and the Issued date; nothing hidden', async () => {
    const window = new Window({ url: 'http://localhost/medplum.html' });
    window.document.write(MEDPLUM_PAGE);
    const { snapshot } = await readChart(window.document as unknown as Document, loc, { now });
    expect(snapshot.reader).toBe('medplum');
    expect(snapshot.warnings).toEqual([]);
    expect(snapshot.document).toMatchObject({
      title: 'Medplum - Fictional Patient',
      patient: 'Name: Ivy Fictional · DoB: 1950-01-02 · Gender: female',
      noteType: 'Progress note',
    });
    expect(snapshot.sections.map((s) => s.heading)).toEqual([
      'Progress note',
      'Assessment',
      'Chemistry',
      'Vital signs',
    ]);
    expect(snapshot.labs).toEqual([
      expect.objectContaining({ name: 'Creatinine', value: '2.6', unit: 'mg/dL', time: '11/2/2026, 10:05:00 PM' }),
      expect.objectContaining({ name: 'WBC', value: '17.9', unit: '10*3/uL', time: '11/2/2026, 10:05:00 PM' }),
    ]);
    expect(snapshot.vitals).toEqual([
      expect.objectContaining({ name: 'Heart rate', value: '118', unit: '/min' }),
      expect.objectContaining({ name: 'SpO2', value: '89', unit: '%' }),
    ]);
    // Closed menus, inactive tab panels, buttons and the report's own chrome are not the chart.
    for (const absent of ['Homer Simpson', 'Pending order', 'Recent patients', 'Diagnostic Report', 'Issued'])
      expect(snapshot.text).not.toContain(absent);
    await window.happyDOM.close();
  });

  it('says so when a Medplum page has no patient header', async () => {
    const window = new Window({ url: 'http://localhost/medplum.html' });
    window.document.write(
      MEDPLUM_PAGE.replace(
        /<div class="InfoBar_root">[\s\S]*?<div class="mantine-Tabs-root">/,
        '<div class="mantine-Tabs-root">',
      ),
    );
    const { snapshot } = await readChart(window.document as unknown as Document, loc, { now });
    expect(snapshot.reader).toBe('medplum');
    expect(snapshot.warnings).toEqual(['patient header not found (.InfoBar_root)']);
    expect(snapshot.document.patient).toBeUndefined();
    await window.happyDOM.close();
  });
});

describe('MEDITECH-like fixture', () => {
  it('reads the document panel, widget sections and div grids', async () => {
    const { document } = await openFixture('meditech-demo.html');
    const { snapshot } = await readChart(document, loc, { now });
    expect(snapshot.reader).toBe('meditech-like');
    expect(snapshot.warnings).toEqual([]);
    expect(snapshot.document).toMatchObject({
      title: 'Physician Progress Note',
      noteType: 'Progress Note',
      author: 'Rivera-Sample, Tomas, DO',
      date: '05/13/2026 08:42',
      patient: 'Exampleperson, Margo (fictional) · 74F · Acct: SYNTH-55021 · Adm: 2026-05-11 IN',
    });
    expect(snapshot.sections.map((s) => s.heading)).toEqual(
      expect.arrayContaining(['Subjective', 'Assessment/Plan', 'Procedures']),
    );
    expect(snapshot.labs).toContainEqual(
      expect.objectContaining({ name: 'Lactate', unit: 'mmol/L', value: '3.4 H', time: '05/11' }),
    );
    expect(snapshot.vitals).toContainEqual(
      expect.objectContaining({ name: 'BP', value: '88/52', time: '05/11 22:00' }),
    );
    expect(snapshot.text).toContain('Sepsis due to Escherichia coli');
  });
});

describe('generic reader and selection', () => {
  it('reads the main content of any page, keeping tables as rows', async () => {
    const w = new Window({ url: 'http://localhost/g.html', settings: { disableJavaScriptEvaluation: true } });
    const doc = w.document as unknown as Document;
    doc.write(
      '<title>t</title><nav>menu</nav><main><h1>Progress</h1><p>Hypertension.</p><table><tr><th>Component</th><th>Value</th></tr><tr><td>Sodium</td><td>131</td></tr></table></main>',
    );
    const { snapshot } = await readChart(doc, loc, { now });
    expect(snapshot.reader).toBe('generic');
    expect(snapshot.text).toBe('Progress:\nHypertension.\nComponent | Value\nSodium | 131');
    const row = snapshot.text.indexOf('Sodium | 131');
    expect(snapshot.labs).toEqual([{ name: 'Sodium', value: '131', start: row, end: row + 'Sodium | 131'.length }]);
  });
  it('reads the selection', () => {
    const w = new Window({ url: 'http://localhost/s.html' });
    const doc = w.document as unknown as Document;
    doc.body.innerHTML = '<p id="p">Assessment: pneumonia.</p>';
    const range = doc.createRange();
    range.selectNodeContents(doc.getElementById('p')!);
    doc.getSelection()!.addRange(range);
    expect(readSelection(doc, loc, now)?.text).toBe('Assessment: pneumonia.');
  });
});

describe('hostile page', () => {
  it('reads payloads as text, stays bounded on a ~1 MB note and a 2,500-deep DOM (the fixture default), runs nothing', async () => {
    const { window, document } = await openFixture('hostile.html');
    // The fixture builds these at load with a script; scripts are disabled here, so build them alike.
    document.getElementById('huge-note')!.textContent = 'Chronic systolic heart failure. '.repeat(33_000);
    let node = document.getElementById('deep')!;
    for (let i = 0; i < 2_500; i++) node = node.appendChild(document.createElement('div'));
    node.textContent = 'Bottom of a deeply nested DOM.';
    const mutations: unknown[] = [];
    const observer = new window.MutationObserver((records) => mutations.push(...records));
    // (happy-dom's observer recurses per level, so the deep subtree is left out: top-level nodes only.)
    for (const id of ['main', 'note-body', 'huge-note', 'deep'])
      observer.observe(window.document.getElementById(id)!, { childList: true, attributes: true, characterData: true });
    observer.observe(window.document.documentElement, { childList: true, attributes: true });
    observer.observe(window.document.body, { childList: true, attributes: true });
    const { snapshot } = await readChart(document, loc, { now });
    await new Promise((r) => setTimeout(r, 10));
    observer.disconnect();
    expect(chartSnapshotSchema.safeParse(snapshot).success).toBe(true);
    expect(snapshot.text).toContain('<script>window.__pwned = 1</script>');
    expect(snapshot.text.length).toBeGreaterThan(1_000_000);
    expect(snapshot.limits.stoppedBy).toContain('depth');
    expect(snapshot.text).not.toContain('Bottom of a deeply nested DOM.');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    expect(mutations).toEqual([]);
  });
  it('caps the text length', async () => {
    const { document } = await openFixture('epic-demo.html');
    const { snapshot } = await readChart(document, loc, { now, maxChars: 500 });
    expect(snapshot.text.length).toBeLessThanOrEqual(500);
    expect(snapshot.truncated).toBe(true);
    expect(snapshot.limits.stoppedBy).toContain('chars');
  });
});

describe('properties', () => {
  const tags = [
    'div',
    'p',
    'span',
    'li',
    'ul',
    'h2',
    'table',
    'tr',
    'td',
    'th',
    'section',
    'b',
    'script',
    'style',
    'iframe',
    'br',
    'main',
  ];
  type Tree = { tag: string; text: string; kids: Tree[] };
  const tree: fc.Arbitrary<Tree> = fc.letrec<{ t: Tree }>((rec) => ({
    t: fc.record({
      tag: fc.constantFrom(...tags),
      text: fc.string({ maxLength: 20 }),
      kids: fc.oneof({ maxDepth: 5 }, fc.constant([] as Tree[]), fc.array(rec('t'), { maxLength: 3 })),
    }),
  })).t;
  it('never throws, keeps offsets valid and the snapshot schema-valid for random pages', async () => {
    await fc.assert(
      fc.asyncProperty(tree, fc.boolean(), async (t, shadow) => {
        const w = new Window({
          url: 'http://localhost/p.html',
          settings: { disableJavaScriptEvaluation: true, disableIframePageLoading: true },
        });
        const doc = w.document as unknown as Document;
        const build = (n: Tree, parent: Element | ShadowRoot): void => {
          const el = doc.createElement(n.tag);
          el.appendChild(doc.createTextNode(n.text));
          parent.appendChild(el);
          const target = shadow && n.tag === 'section' ? el.attachShadow({ mode: 'open' }) : el;
          for (const k of n.kids) build(k, target);
        };
        build(t, doc.body);
        const { snapshot, segments } = await readChart(doc, loc, { now, limits: { maxDepth: 6 } });
        expect(chartSnapshotSchema.safeParse(snapshot).success).toBe(true);
        for (const s of snapshot.sections) expect(snapshot.text.slice(s.start, s.end)).toBe(s.text);
        for (const s of segments) expect(s.end).toBeLessThanOrEqual(snapshot.text.length + 1);
      }),
      { numRuns: 60 },
    );
  });
});
