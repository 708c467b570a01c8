// `chartside suggest`: the JSON contract {diagnoses: [{code, score, evidence: [{start,
// end, text}], path}], procedures: [...]}, best first, offsets into the input; the setting; the
// readable output; the learned model only on request.
import { describe, expect, it } from 'vitest';
import { installedBundles } from '../../codesets/node/cache';
import { NO_SUGGEST_MODEL_NOTICE } from '../../engine/suggest/model-bundle';
import { runCli } from '../testing';

const run = runCli;

interface Listed {
  code: string;
  score: number;
  evidence: { start: number; end: number; text: string }[];
  path: string;
}
interface Output {
  setting: string;
  model: { id: string } | null;
  diagnoses: Listed[];
  procedures: Listed[];
}

const NOTE = [
  'ASSESSMENT AND PLAN:',
  '1. Acute on chronic systolic heart failure.',
  '2. Acute cystitis without hematuria.',
  '3. Rule out pneumonia.',
  'PROCEDURES: Transthoracic echocardiogram.',
  '',
].join('\n');

describe('chartside suggest', () => {
  it('prints the JSON contract, best first, every evidence span pointing into the input', async () => {
    const { code, out, err } = await run(['suggest', '-', '--json'], NOTE);
    expect(code).toBe(0);
    const json = JSON.parse(out) as Output;
    expect(json.setting).toBe('inpatient');
    expect(json.model).toBeNull();
    expect(err).toContain('Ranked by the Index and Tabular alone');
    const dx = json.diagnoses.map((s) => s.code);
    expect(dx).toEqual(expect.arrayContaining(['I50.23', 'N30.00', 'J18.9']));
    expect(dx).not.toContain('N30.01');
    expect(json.procedures.map((s) => s.code)).toContain('B246ZZZ');
    for (const list of [json.diagnoses, json.procedures]) {
      for (let i = 1; i < list.length; i++) expect(list[i - 1]!.score).toBeGreaterThanOrEqual(list[i]!.score);
      for (const s of list) {
        expect(s.path.length).toBeGreaterThan(0);
        expect(s.evidence.length).toBeGreaterThan(0);
        for (const e of s.evidence) expect(NOTE.slice(e.start, e.end)).toBe(e.text);
      }
    }
  });

  it('does not code the rule-out diagnosis for an outpatient (Guidelines IV.H)', async () => {
    const { out } = await run(['suggest', '-', '--json', '--setting', 'outpatient'], NOTE);
    const json = JSON.parse(out) as Output;
    expect(json.setting).toBe('outpatient');
    expect(json.diagnoses.map((s) => s.code)).toContain('I50.23');
    expect(json.diagnoses.map((s) => s.code)).not.toContain('J18.9');
  });

  it('prints a readable list naming the tables, and ranks with the learned model only with --model', async () => {
    const plain = await run(['suggest', '-'], NOTE);
    expect(plain.out).toMatch(/^Setting: inpatient\. ICD-10-CM FY\d{4}, ICD-10-PCS FY\d{4}\.\n/);
    expect(plain.out).toContain('Ranked by the Index and Tabular alone');
    expect(plain.out).toMatch(/ {2}I50\.23 +\d\.\d\d {2}Acute on chronic systolic/);
    const model = installedBundles().find((h) => h.system === 'suggest-model');
    const ranked = await run(['suggest', '-', '--json', '--model'], NOTE);
    expect(ranked.code).toBe(0);
    const json = JSON.parse(ranked.out) as Output;
    if (model) {
      // Built by `npm run codesets` when the CodiEsp corpus is there.
      expect(json.model?.id).toBe(model.id);
      expect(ranked.err).not.toContain(NO_SUGGEST_MODEL_NOTICE);
    } else {
      expect(json.model).toBeNull();
      expect(ranked.err).toContain(NO_SUGGEST_MODEL_NOTICE);
    }
  });

  it('rejects a bad setting with a usage error', async () => {
    const { code, err } = await run(['suggest', '-', '--setting', 'ambulance'], NOTE);
    expect(code).toBe(2);
    expect(err).toContain('--setting must be inpatient or outpatient');
  });
});

describe('chartside suggest: the coded abstract', () => {
  // A fictional patient: the MI was ruled out, the DVT is only prevented, the fall is history.
  const CHART = [
    'DISCHARGE DIAGNOSES:',
    '1. Acute on chronic systolic heart failure.',
    '2. Rule out acute myocardial infarction; troponins negative, myocardial infarction ruled out.',
    'HOSPITAL COURSE:',
    'Enoxaparin given for DVT prophylaxis. History of left hip fracture in 2019.',
    '',
  ].join('\n');
  it('adds abstract {principal, secondary, procedures} with quotes and rule trails, and keeps the candidates', async () => {
    const { code, out } = await run(['suggest', '-', '--json'], CHART);
    expect(code).toBe(0);
    const json = JSON.parse(out) as {
      abstract: {
        principal: { code: string; quote: string; rules: { rule: string }[] } | null;
        secondary: { code: string }[];
        procedures: { code: string }[];
        suppressed: { code: string; rules: { rule: string; reason: string }[] }[];
      };
      diagnoses: { code: string }[];
    };
    expect(json.abstract.principal?.code).toBe('I50.23');
    expect(CHART).toContain(json.abstract.principal!.quote);
    expect(json.abstract.principal!.rules.length).toBeGreaterThan(0);
    const reported = [json.abstract.principal!.code, ...json.abstract.secondary.map((e) => e.code)];
    for (const prefix of ['I21', 'I82', 'S72'])
      expect(
        reported.filter((c) => c.startsWith(prefix)),
        prefix,
      ).toEqual([]);
    const mi = json.abstract.suppressed.find((e) => e.code.startsWith('I21'));
    expect(mi?.rules.at(-1)?.reason).toMatch(/ruled out/);
    expect(json.diagnoses.length).toBeGreaterThan(0);
  });
});
