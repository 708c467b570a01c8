/**
 * Case workspace figures in Node (target: a full-case recompute after a code change
 * <= 10 ms): `recomputeCase` (MS-DRG with explanation, MCE, Tabular List/POA edits, each secondary
 * diagnosis as principal) on a 12-diagnosis, 3-procedure inpatient case, after each of a cycle of
 * single changes (add/remove a secondary, resequence the principal, change a POA); and the same
 * plus the CDI analysis of a 10,000-character note (what the panel would pay if opportunities were
 * recomputed on every change: they depend on the chart only, so the panel runs them per chart).
 * Wall-clock and CPU time per run; the machine is shared.
 */
import { loadavg } from 'node:os';
import { loadInstalledTables } from '../../codesets/node';
import {
  addDiagnosis,
  addProcedure,
  moveDiagnosis,
  newCase,
  recomputeCase,
  removeCode,
  setPoa,
  updateHeader,
  type CaseTables,
  type CodingCase,
} from '../../engine/case';
import { analyzeCdi } from '../../engine/cdi/index';
import { Grouper } from '../../engine/grouper';
import { Mce } from '../../engine/mce';
import { msdrgReaders } from '../golden/msdrg-bundles';
import { note } from './cdi.bench';

const CODES = [
  'I50.23',
  'J18.9',
  'N17.9',
  'E11.22',
  'N18.32',
  'E87.1',
  'D62',
  'I10',
  'Z79.4',
  'E66.01',
  'L89.153',
  'R65.20',
];

function baseCase(): CodingCase {
  let c = updateHeader(newCase('case-bench'), {
    admissionDate: '2025-11-10',
    dischargeDate: '2025-11-15',
    age: 71,
    sex: 'F',
  });
  for (const code of CODES) c = addDiagnosis(c, code, 'typed', code === 'Z79.4' ? '' : 'Y');
  c = addProcedure(c, '5A1955Z', 'icd10pcs', 'typed', '2025-11-11');
  c = addProcedure(c, '0BH17EZ', 'icd10pcs', 'typed', '2025-11-11');
  return addProcedure(c, '02HV33Z', 'icd10pcs', 'typed', '2025-11-12');
}

/** The cycle of single changes a coder makes. */
const CHANGES: ((c: CodingCase) => CodingCase)[] = [
  (c) => addDiagnosis(c, 'A41.9', 'typed', 'Y'),
  (c) => removeCode(c, 'A41.9'),
  (c) => moveDiagnosis(c, 1, 0),
  (c) => moveDiagnosis(c, 1, 0),
  (c) => setPoa(c, 'N17.9', 'N'),
  (c) => setPoa(c, 'N17.9', 'Y'),
];

function stats(samples: number[]): { p50: number; p95: number; max: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 1000) / 1000;
  return { p50: at(50), p95: at(95), max: Math.round(s.at(-1)! * 1000) / 1000 };
}

function time(runs: number, c0: CodingCase, body: (c: CodingCase) => void): { wall: number[]; cpu: number[] } {
  const wall: number[] = [];
  const cpu: number[] = [];
  let c = c0;
  for (let i = 0; i < runs; i++) {
    c = CHANGES[i % CHANGES.length]!(c);
    const u0 = process.cpuUsage();
    const t0 = performance.now();
    body(c);
    wall.push(performance.now() - t0);
    const u = process.cpuUsage(u0);
    cpu.push((u.user + u.system) / 1000);
  }
  return { wall, cpu };
}

export async function run(): Promise<Record<string, unknown>> {
  const cm = (await loadInstalledTables()).icd10cm.get(2026)!;
  const readers = await msdrgReaders();
  const t0 = performance.now();
  const tables: CaseTables = { grouper: Grouper.fromBundles(readers.grouper), mce: Mce.fromBundle(readers.mce), cm };
  const loadMs = performance.now() - t0;
  const c0 = baseCase();
  // Warm-up (JIT, lazily decoded table blocks): not counted.
  time(60, c0, (c) => recomputeCase(c, tables));
  const runs = 600;
  const recompute = time(runs, c0, (c) => recomputeCase(c, tables));
  const text = note(10_000);
  analyzeCdi({ text });
  const full = time(200, c0, (c) => {
    recomputeCase(c, tables);
    analyzeCdi({ text });
  });
  const r = recomputeCase(c0, tables);
  const w = stats(recompute.wall);
  const u = stats(recompute.cpu);
  const f = stats(full.wall);
  return {
    caseDiagnoses: c0.diagnoses.length,
    caseProcedures: c0.procedures.length,
    drg: r.drg.status === 'grouped' ? r.drg.result.finalDrg : r.drg.reason,
    tabularEdits: r.tabular.length,
    whatIfCandidates: r.principalWhatIf.length,
    tablesLoadMs: Math.round(loadMs),
    recomputeRuns: runs,
    recomputeP50Ms: w.p50,
    recomputeP95Ms: w.p95,
    recomputeMaxMs: w.max,
    recomputeCpuP50Ms: u.p50,
    recomputeCpuP95Ms: u.p95,
    recomputePlusCdi10kP50Ms: f.p50,
    recomputePlusCdi10kP95Ms: f.p95,
    targetMs: 10,
    loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
  };
}
