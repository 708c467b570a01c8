import { describe, expect, it } from 'vitest';
import { runCli } from '../testing';

const run = runCli;

const NOTE =
  'Vitals: T 38.9 C, HR 112, RR 22.\nLabs: WBC 16.4, lactate 2.8, Na 126, 124.\nPlan: UTI, IV ceftriaxone. Fluid restriction 1.2 L.\n';

describe('chartside cdi', () => {
  it('prints {opportunities: [{topic, indicators, query, compliance}]} for standard input', async () => {
    const { code, out } = await run(['cdi', '-', '--json'], NOTE);
    expect(code).toBe(0);
    const json = JSON.parse(out) as {
      opportunities: {
        topic: string;
        indicators: {
          name: string;
          value: number | null;
          unit: string | null;
          start: number;
          end: number;
          text: string;
        }[];
        query: { question: string; options: string[]; text: string };
        compliance: unknown[];
      }[];
    };
    expect(json.opportunities.map((o) => o.topic)).toEqual(['sepsis', 'hyponatremia']);
    for (const o of json.opportunities) {
      expect(o.compliance).toEqual([]);
      expect(o.query.options.at(-1)).toBe('Clinically undetermined');
      expect(o.query.text).toContain(o.query.question);
      for (const i of o.indicators) expect(NOTE.slice(i.start, i.end)).toBe(i.text);
    }
    // Strongest first: the lowest sodium leads, the earlier value follows.
    const na = json.opportunities[1]!.indicators.filter((i) => i.name === 'sodium');
    expect(na[0]).toMatchObject({ value: 124, unit: 'mmol/L' });
    expect(na).toContainEqual(expect.objectContaining({ value: 126, unit: 'mmol/L', text: 'Na 126' }));
  });

  it('prints readable drafts without --json, and says when there is nothing to query', async () => {
    const drafts = await run(['cdi', '-'], NOTE);
    expect(drafts.out).toContain('=== sepsis:');
    expect(drafts.out).toContain('Compliance check: passed');
    const none = await run(['cdi', '-'], 'Na 139. Afebrile.');
    expect(none.out).toMatch(/^No query opportunities \(\d+ indicators read\)\.\n$/);
  });

  it('rejects a missing input with a usage error', async () => {
    const { code, err } = await run(['cdi']);
    expect(code).toBe(2);
    expect(err).toContain('Usage: chartside cdi');
  });

  it('flags a text holding several charts and analyses each alone', async () => {
    const two =
      'Patient: Alpha Fictional\nLabs: creatinine 1.1 mg/dL.\nAssessment: Cellulitis.\n' +
      'Patient: Beta Fictional\nLabs: creatinine 7.2 mg/dL.\nAssessment: Fall.\n';
    const { out: stdout, code } = await run(['cdi', '-'], two);
    expect(code).toBe(0);
    expect(stdout).toContain('This text holds 2 charts');
    expect(stdout).not.toContain('aki');
  });
});
