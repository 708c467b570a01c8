/**
 * Coded-abstract figures in Node on one core (target: abstract for a 10,000-character chart,
 * suggestions + principal + POA, p95 <= 60 ms in the worker): `suggestAbstract` with the sequencing
 * stage's principal selection and POA pre-fill on the suggestion bench's synthetic 10,000-character
 * note (fictional), p50 / p95 over repeated runs after warm-up; and the two stages alone
 * (`selectPrincipal` + `sequenceDiagnoses` + `assignPoa` over the reportable diagnoses). The worker
 * runs the same engine code; its figure is not measured here.
 */
import { loadavg } from 'node:os';
import { loadSuggestTables } from '../../cli/commands/suggest';
import { Suggester } from '../../engine/suggest';
import { suggestAbstract } from '../../engine/suggest/pipeline';
import { assignPoa, poaAssigner } from '../../engine/suggest/poa';
import { principalSelector, selectPrincipal, sequenceDiagnoses } from '../../engine/suggest/sequence';
import { note } from './suggest.bench';

const pct = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
const ms = (n: number): number => Number(n.toFixed(2));

export async function run(): Promise<Record<string, unknown>> {
  const tables = await loadSuggestTables();
  const suggester = new Suggester(tables.cm, tables.pcs, tables.lexicon);
  const stages = { selectPrincipal: principalSelector({ cm: tables.cm }), assignPoa: poaAssigner({ cm: tables.cm }) };
  const text = note(10_000);
  for (let i = 0; i < 5; i++) suggestAbstract(suggester, text, { setting: 'inpatient', ...stages });
  const whole: number[] = [];
  const stagesAlone: number[] = [];
  let principal = '';
  let diagnoses = 0;
  for (let i = 0; i < 40; i++) {
    const t0 = performance.now();
    const r = suggestAbstract(suggester, text, { setting: 'inpatient', ...stages });
    whole.push(performance.now() - t0);
    principal = r.abstract.principal?.code ?? '';
    const dx = r.candidates.filter((c) => c.tier === 'report' && c.system === 'cm').map((c) => c.suggestion);
    diagnoses = dx.length;
    const view = { text, ...r.chart };
    const s0 = performance.now();
    const ranked = selectPrincipal(dx, view, 'inpatient', { cm: tables.cm });
    if (ranked[0])
      sequenceDiagnoses(
        ranked[0].code,
        dx.map((d) => d.code),
        { cm: tables.cm },
      );
    assignPoa(dx, view, { cm: tables.cm }, 'inpatient');
    stagesAlone.push(performance.now() - s0);
  }
  whole.sort((a, b) => a - b);
  stagesAlone.sort((a, b) => a - b);
  return {
    noteChars: text.length,
    abstractP50Ms: ms(pct(whole, 0.5)),
    abstractP95Ms: ms(pct(whole, 0.95)),
    principalAndPoaP50Ms: ms(pct(stagesAlone, 0.5)),
    principalAndPoaP95Ms: ms(pct(stagesAlone, 0.95)),
    reportableDiagnoses: diagnoses,
    principal,
    runs: whole.length,
    loadAvg1m: Number(loadavg()[0]!.toFixed(2)),
  };
}
