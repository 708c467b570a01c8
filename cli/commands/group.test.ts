/**
 * Pipes the CMS-oracle fixture files through `chartside group` / `chartside edits` (TSV) and diffs
 * the output with the fixtures' expected columns (`cut -f1,9-` of each file), plus JSONL and
 * malformed-line handling.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { msdrgReaders, SOURCE_ROOT } from '../../test/golden/msdrg-bundles';
import type { BundleReader } from '../../engine/bundle/reader';
import { runGroup } from './group';
import { runEdits } from './edits';

function io(input: string) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdin: Readable.from([input]), stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

/** `cut -f1,9-` of a fixture, with the `exp_` prefix removed from the header. */
function expectedColumns(text: string): string {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      const c = l.split('\t');
      return [c[0], ...c.slice(8)].join('\t').replaceAll('exp_', '');
    })
    .join('\n')
    .concat('\n');
}

const fixture = (name: string) => readFileSync(join(SOURCE_ROOT, 'msdrg/FY2026/oracle-fixtures', name), 'utf8');

let readers: { grouper: BundleReader[]; mce: BundleReader };
beforeAll(async () => {
  readers = await msdrgReaders();
});

describe('chartside group / edits on the fixture files', () => {
  it.each(['msdrg_v430_expected.tsv', 'msdrg_v431_expected.tsv'])('group --format tsv < %s gives the expected columns exactly', async (name) => {
    const text = fixture(name);
    // Feed only the input columns, as a user would.
    const input = text.split('\n').map((l) => l.split('\t').slice(0, 8).join('\t')).join('\n');
    const t = io(input);
    const code = await runGroup(['--format', 'tsv'], t.io, readers.grouper);
    expect(t.err()).toBe('');
    expect(code).toBe(0);
    expect(t.out()).toBe(expectedColumns(text));
  });

  it('edits --format tsv < mce_v431_expected.tsv gives the expected columns exactly', async () => {
    const text = fixture('mce_v431_expected.tsv');
    const t = io(text.split('\n').map((l) => l.split('\t').slice(0, 8).join('\t')).join('\n'));
    expect(await runEdits([], t.io, readers.mce)).toBe(0);
    expect(t.out()).toBe(expectedColumns(text));
  });
});

describe('malformed lines and JSONL', () => {
  it('reports bad TSV lines with their line number, keeps going, exits 1', async () => {
    const t = io('id\tgrouper_version\n1\t431\t70\tF\t1\tJ189\t-\t-\nbroken line\n3\t431\tseventy\tF\t1\tJ189\t-\t-\n4\t431\t70\tF\t1\tJ189\tI5023\t-\n');
    expect(await runGroup([], t.io, readers.grouper)).toBe(1);
    expect(t.err()).toMatch(/^line 3: expected 8 tab-separated columns/m);
    expect(t.err()).toMatch(/^line 4: age "seventy" is not an integer/m);
    const lines = t.out().trim().split('\n');
    expect(lines.map((l) => l.split('\t').slice(0, 2).join(' '))).toEqual(['id final_drg', '1 195', '4 193']);
  });

  it('groups JSONL claims and reports invalid ones', async () => {
    const good = { id: 'c1', pdx: 'J18.9', sdx: [{ code: 'I50.23', poa: 'Y' }], procedures: [], age: 70, sex: 'F', dischargeStatus: '01', dischargeDate: '2026-02-10' };
    const t = io(`${JSON.stringify(good)}\n{"pdx": 5}\nnot json\n`);
    expect(await runGroup(['--format', 'jsonl'], t.io, readers.grouper)).toBe(1);
    const out = t.out().trim().split('\n').map((l) => JSON.parse(l) as { id: string; finalDrg: number; version: string; weight: number });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ id: 'c1', finalDrg: 193, version: '43.0' });
    expect(out[0]!.weight).toBeGreaterThan(1);
    expect(t.err()).toMatch(/^line 2: pdx: /m);
    expect(t.err()).toMatch(/^line 3: not JSON/m);
  });

  it('edits JSONL needs a discharge date', async () => {
    const c = { id: 'e1', pdx: 'Z4502', age: 60, sex: 'F', dischargeStatus: 1 };
    const t = io(`${JSON.stringify({ ...c, dischargeDate: '2025-11-15' })}\n${JSON.stringify(c)}\n`);
    expect(await runEdits(['--format', 'jsonl'], t.io, readers.mce)).toBe(1);
    const r = JSON.parse(t.out().trim()) as { id: string; counts: [string, number][] };
    expect(r).toMatchObject({ id: 'e1', counts: [['QUESTIONABLE_ADMISSION', 1]] });
    expect(t.err()).toMatch(/^line 2: dischargeDate/m);
  });
});
