import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeCdi, CDI_TOPICS, formatQueryPlain, isCompliant, type ChartRow } from './index';

interface GoldenCase {
  topic: string;
  name: string;
  why: string;
  text: string;
  labs?: ChartRow[];
  vitals?: ChartRow[];
  fires: string[];
  silent: string[];
  cites: string[];
}

const golden = JSON.parse(
  readFileSync(fileURLToPath(new URL('./golden/opportunity-cases.json', import.meta.url)), 'utf8'),
) as { version: number; cases: GoldenCase[] };

describe('golden opportunity cases (engine/cdi/golden/opportunity-cases.json)', () => {
  it('covers every topic with cases that fire and cases that must stay silent', () => {
    const topics = new Set(golden.cases.map((c) => c.topic));
    expect([...topics].sort()).toEqual([...CDI_TOPICS].sort());
    for (const t of topics) {
      expect(
        golden.cases.some((c) => c.topic === t && c.fires.length > 0),
        t,
      ).toBe(true);
      expect(
        golden.cases.some((c) => c.topic === t && c.silent.length > 0),
        t,
      ).toBe(true);
    }
  });

  describe.each(golden.cases)('$topic: $name', (c) => {
    const result = analyzeCdi({ text: c.text, labs: c.labs, vitals: c.vitals });
    const ids = result.opportunities.map((o) => o.opportunity.id);
    it.each(c.fires)(`fires %s (${c.why})`, (id) => {
      expect(ids).toContain(id);
    });
    it.each(c.silent)(`does not fire %s (${c.why})`, (id) => {
      expect(ids).not.toContain(id);
    });
    if (c.fires.length > 0) {
      it('cites the triggering indicators, each located in the chart', () => {
        const opp = result.opportunities.find((o) => o.opportunity.id === c.fires[0])!;
        const names = opp.opportunity.indicators.map((i) => i.name);
        for (const n of c.cites) expect(names).toContain(n);
        for (const ind of opp.opportunity.indicators) {
          if (ind.row) {
            const rows = ind.row.table === 'labs' ? c.labs : c.vitals;
            expect(rows?.[ind.row.index]).toBeDefined();
          } else {
            expect(c.text.slice(ind.start, ind.end)).toBe(ind.text);
          }
        }
      });
      it('drafts a query that passes its own compliance check and cites the indicators', () => {
        for (const o of result.opportunities) {
          expect(
            o.compliance.filter((f) => f.severity === 'error'),
            `${o.opportunity.id}: ${JSON.stringify(o.compliance)}`,
          ).toEqual([]);
          expect(isCompliant(o.compliance)).toBe(true);
          const text = formatQueryPlain(o.draft);
          for (const ind of o.opportunity.indicators) expect(text).toContain(ind.text);
        }
      });
    }
  });
});
