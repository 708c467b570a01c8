/**
 * Suggestion figures in Node on one core (target: suggestions for a 10,000-character note
 * <= 50 ms): `Suggester.suggest` on a synthetic 10,000-character admission note (fictional), p50 /
 * p95 over repeated runs after warm-up; plus the text analysis alone, and the lexicon both ways:
 * `lexiconLoadMs` reading the `suggest-lexicon-<FY>` bundle the build made (what the CLI and the
 * worker do; CPU in `lexiconLoadCpuMs`), `lexiconBuildMs` building it from the tables at run time
 * (what every process did before that bundle existed).
 * `note1MbMs`: one call on the same note repeated to 1,000,000 characters (was quadratic: 'with'
 * subterms looked up across the chart per match). The worker figure is not measured here.
 * `withModel*`: the same 10,000-character note ranked with the cached suggestion model
 * (`suggestWithModel`, as the worker and the CLI apply it; absent when `codesets build` made no
 * model), and `modelLoadDecodeMs`: reading the bundle file, inflating and checking its blocks and
 * decoding the model (what the worker does once per installed model), median of 5.
 * `abstract*`: the whole coded abstract of the same note (`suggestAbstract`: the chart read once
 * by `analyzeChart`, the Index/Tabular candidates, the guideline stage), without the sequencing
 * and POA stages (measured in their own bench); `analyzeChartP50Ms` the chart reading alone.
 */
import { loadavg } from 'node:os';
import { loadSuggestTables } from '../../cli/commands/suggest';
import { buildLexicon, Suggester } from '../../engine/suggest';
import { loadCachedLexiconFor } from '../../codesets/node/suggest-lexicon';
import { analyzeChart, analyzeText } from '../../engine/text';
import { suggestAbstract } from '../../engine/suggest/pipeline';
import { FsBundleStore, installedBundles, readBundleFile } from '../../codesets/node/cache';
import { suggestWithModel, type SuggestModel } from '../../engine/suggest/model';
import { suggestModelFromBundle } from '../../engine/suggest/model-bundle';
import { statSync } from 'node:fs';

const BLOCKS = [
  'CHIEF COMPLAINT: Shortness of breath and leg swelling.\n',
  'HISTORY OF PRESENT ILLNESS:\n68-year-old fictional man with chronic systolic heart failure, type 2 diabetes mellitus with diabetic chronic kidney disease stage 3b and hypertension, with 5 days of dyspnea, orthopnea and productive cough. He denies chest pain. No history of stroke.\n',
  'PAST MEDICAL HISTORY:\n- Atrial fibrillation on apixaban\n- Chronic obstructive pulmonary disease\n- History of colon polyps\n',
  'FAMILY HISTORY:\nMother with breast cancer.\n',
  'LABS:\nSodium | 126 (L) | mmol/L\nCreatinine | 2.9 (H) | mg/dL\n',
  'ASSESSMENT AND PLAN:\n1. Acute on chronic systolic congestive heart failure: IV furosemide.\n2. Community-acquired pneumonia of the right lower lobe: ceftriaxone.\n3. Acute kidney injury on chronic kidney disease stage 3b.\n4. Hyponatremia, fluid restriction.\n5. Rule out urinary tract infection.\n6. Sepsis due to Escherichia coli is not suspected.\n',
  'PROCEDURES:\nTransthoracic echocardiogram. Ultrasound-guided percutaneous thoracentesis of the right pleural effusion. Chest x-ray. Abdominal CT without findings.\n',
];

/** The synthetic note of the bench, `chars` characters long. */
export function note(chars: number): string {
  let s = '';
  for (let i = 0; s.length < chars; i++) s += BLOCKS[i % BLOCKS.length]!;
  return s.slice(0, chars);
}

const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

export async function run(): Promise<Record<string, unknown>> {
  const tables = await loadSuggestTables();
  const fy = tables.cm.release.fiscalYear;
  const cpu0 = process.cpuUsage();
  const l0 = performance.now();
  const cached = await loadCachedLexiconFor(`icd10cm-${fy}`, tables.pcs ? `icd10pcs-${fy}` : undefined);
  const lexiconLoadMs = performance.now() - l0;
  const lexiconLoadCpu = process.cpuUsage(cpu0);
  if (!cached.lexicon) throw new Error(`no usable suggest-lexicon bundle: ${cached.reason}`);
  const t0 = performance.now();
  buildLexicon(tables.cm, tables.pcs);
  const lexiconBuildMs = performance.now() - t0;
  const suggester = new Suggester(tables.cm, tables.pcs, cached.lexicon);
  const text = note(10_000);
  for (let i = 0; i < 5; i++) suggester.suggest(text, { setting: 'inpatient' });
  const times: number[] = [];
  const analyze: number[] = [];
  let codes = 0;
  for (let i = 0; i < 40; i++) {
    const a0 = performance.now();
    analyzeText(text);
    analyze.push(performance.now() - a0);
    const s0 = performance.now();
    const r = suggester.suggest(text, { setting: 'inpatient' });
    times.push(performance.now() - s0);
    codes = r.diagnoses.length + r.procedures.length;
  }
  times.sort((a, b) => a - b);
  analyze.sort((a, b) => a - b);
  const abstractTimes: number[] = [];
  const chartTimes: number[] = [];
  let reported = 0;
  for (let i = 0; i < 40; i++) {
    const c0 = performance.now();
    analyzeChart(text, { setting: 'inpatient' });
    chartTimes.push(performance.now() - c0);
    const a0 = performance.now();
    const r = suggestAbstract(suggester, text, { setting: 'inpatient' }).abstract;
    abstractTimes.push(performance.now() - a0);
    reported = r.secondary.length + (r.principal ? 1 : 0) + r.procedures.length;
  }
  abstractTimes.sort((a, b) => a - b);
  chartTimes.sort((a, b) => a - b);
  // A 1 MB note (it must not stall the engine worker): one run, analysis included.
  const big = note(1_000_000);
  const b0 = performance.now();
  const bigResult = suggester.suggest(big, { setting: 'inpatient' });
  const note1MbMs = performance.now() - b0;
  const withModel = modelFigures(suggester, text);
  return {
    noteChars: text.length,
    suggestP50Ms: Number(pct(times, 0.5).toFixed(2)),
    suggestP95Ms: Number(pct(times, 0.95).toFixed(2)),
    analyzeTextP50Ms: Number(pct(analyze, 0.5).toFixed(3)),
    analyzeChartP50Ms: Number(pct(chartTimes, 0.5).toFixed(3)),
    abstractP50Ms: Number(pct(abstractTimes, 0.5).toFixed(2)),
    abstractP95Ms: Number(pct(abstractTimes, 0.95).toFixed(2)),
    abstractReportedCodes: reported,
    note1MbMs: Math.round(note1MbMs),
    note1MbEvidenceSpans: [...bigResult.diagnoses, ...bigResult.procedures].reduce((n, x) => n + x.evidence.length, 0),
    lexiconLoadMs: Math.round(lexiconLoadMs),
    lexiconLoadCpuMs: Math.round((lexiconLoadCpu.user + lexiconLoadCpu.system) / 1000),
    lexiconBuildMs: Math.round(lexiconBuildMs),
    lexiconEntries: suggester.lexicon.entries.length,
    suggestedCodes: codes,
    runs: times.length,
    loadAvg1m: Number(loadavg()[0]!.toFixed(2)),
    pcsTables: tables.pcs !== undefined,
    ...withModel,
  };
}

/** Figures with the cached suggestion model (none when it is not built). */
function modelFigures(suggester: Suggester, text: string): Record<string, unknown> {
  const header = installedBundles().find((h) => h.system === 'suggest-model');
  if (!header) return { withModel: 'no suggest-model bundle in the cache (npx chartside codesets build)' };
  const path = new FsBundleStore().bundlePath(header.id);
  const decode: number[] = [];
  let model: SuggestModel | undefined;
  for (let i = 0; i < 5; i++) {
    const d0 = performance.now();
    const reader = readBundleFile(path);
    model = suggestModelFromBundle(reader);
    decode.push(performance.now() - d0);
  }
  decode.sort((a, b) => a - b);
  for (let i = 0; i < 5; i++) suggestWithModel(suggester, text, model!, { setting: 'inpatient' });
  const times: number[] = [];
  for (let i = 0; i < 40; i++) {
    const s0 = performance.now();
    suggestWithModel(suggester, text, model!, { setting: 'inpatient' });
    times.push(performance.now() - s0);
  }
  times.sort((a, b) => a - b);
  return {
    modelBundle: header.id,
    modelBundleBytes: statSync(path).size,
    modelLoadDecodeMs: Number(pct(decode, 0.5).toFixed(1)),
    withModelSuggestP50Ms: Number(pct(times, 0.5).toFixed(2)),
    withModelSuggestP95Ms: Number(pct(times, 0.95).toFixed(2)),
  };
}
