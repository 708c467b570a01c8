/**
 * The procedure coder against the FY2026 ICD-10-PCS tables (built bundle in .cache/codesets), on
 * synthetic notes of fictional patients (golden/cases.json): one case per mechanism.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CACHE_DIR, readBundleFile } from '../../../codesets/node';
import { PcsTable } from '../../icd10pcs/pcs-table';
import { analyzeChart } from '../../text';
import golden from './golden/cases.json';
import { codeProcedures, procedureSuggestions } from '.';

interface GoldenCase {
  name: string;
  guideline: string;
  note: string;
  /** Complete codes proposed, in chart order. */
  codes?: string[];
  /** Table-row prefixes proposed as partial. */
  partial?: string[];
  /** Operation word -> the rule that suppresses it. */
  suppressed?: Record<string, string>;
}

const BUNDLE = join(CACHE_DIR, 'bundles', 'icd10pcs-2026.csb');
let pcs: PcsTable;
beforeAll(() => {
  pcs = PcsTable.fromBundle(readBundleFile(BUNDLE));
});

describe.skipIf(!existsSync(BUNDLE))('procedure coder', () => {
  describe.each(golden.cases as GoldenCase[])('$name ($guideline)', (c) => {
    it('proposes the expected codes and suppresses with the expected rule', () => {
      const r = codeProcedures(c.note, analyzeChart(c.note), pcs);
      if (c.codes) expect(r.proposals.filter((p) => !p.partial).map((p) => p.code)).toEqual(c.codes);
      expect(r.proposals.filter((p) => p.partial).map((p) => p.code)).toEqual(c.partial ?? []);
      for (const [word, rule] of Object.entries(c.suppressed ?? {})) {
        const s = r.suppressed.find(
          (x) => c.note.slice(x.statement.termStart, x.statement.termEnd).toLowerCase() === word,
        );
        expect(s?.rule, `${word} suppressed`).toBe(rule);
        expect(s?.reason.length).toBeGreaterThan(0);
      }
    });
  });

  it('gives every axis its table label and the words or rule that chose it', () => {
    for (const c of golden.cases as GoldenCase[]) {
      for (const p of codeProcedures(c.note, analyzeChart(c.note), pcs).proposals) {
        expect(p.axes.map((a) => a.position)).toEqual([3, 4, 5, 6, 7].slice(0, p.code.length - 2));
        const detail = pcs.get(p.code.padEnd(7, 'Z'));
        for (const a of p.axes) {
          expect(a.reason, `${p.code} ${a.axis}`).not.toBe('');
          expect(a.value).toBe(p.code[a.position - 1]);
          if (detail?.valid) expect(a.label).toBe(detail.axes[a.position - 1]?.label);
        }
        expect(pcs.isValidPrefix(p.code)).toBe(true);
        expect(p.partial).toBe(!pcs.isValid(p.code));
        expect(c.note.slice(p.statement.start, p.statement.end)).toBe(p.statement.text);
      }
    }
  });

  it('turns proposals into suggestions quoting the statement, table rows flagged partial', () => {
    const note = golden.cases.find((c) => c.partial?.some((code) => code.length === 5))!.note;
    const coding = codeProcedures(note, analyzeChart(note), pcs);
    const s = procedureSuggestions(coding, pcs);
    expect(s.map((x) => x.code)).toEqual(coding.proposals.map((p) => p.code));
    const row = s.find((x) => x.code.length < 7)!;
    expect(row.flags).toContain('partial-code');
    expect(row.notes.join(' ')).toMatch(/choose the device, qualifier/);
    expect(note.slice(row.evidence[0]!.start, row.evidence[0]!.end)).toBe(row.evidence[0]!.text);
  });

  it('names the body part values to choose from when only the table is decided', () => {
    const note = 'PROCEDURE PERFORMED:\nOpen nephrectomy.';
    const [row] = procedureSuggestions(codeProcedures(note, analyzeChart(note), pcs), pcs);
    expect(row?.code).toBe('0TT');
    expect(row?.flags).toContain('partial-code');
    expect(row?.notes.join(' ')).toMatch(/choose the body part, .*\(body part: Kidney, Right \/ Kidney, Left/);
  });
});
