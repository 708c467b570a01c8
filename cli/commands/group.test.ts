/**
 * Pipes the CMS-oracle fixture files through `chartside group` / `chartside edits` (TSV) and diffs
 * the output with the fixtures' expected columns (`cut -f1,9-` of each file), plus JSONL and
 * malformed-line handling.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { msdrgReaders, SOURCE_ROOT } from '../../test/golden/msdrg-bundles';
import type { BundleReader } from '../../engine/bundle/reader';
import { runGroup } from './group';
import { runEdits } from './edits';

function io(input: string) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdin: Readable.from([input]),
      stdout: { write: (s: string) => out.push(s) },
      stderr: { write: (s: string) => err.push(s) },
    },
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
  it.each(['msdrg_v430_expected.tsv', 'msdrg_v431_expected.tsv'])(
    'group --format tsv < %s gives the expected columns exactly',
    async (name) => {
      const text = fixture(name);
      // Feed only the input columns, as a user would.
      const input = text
        .split('\n')
        .map((l) => l.split('\t').slice(0, 8).join('\t'))
        .join('\n');
      const t = io(input);
      const code = await runGroup(['--format', 'tsv'], t.io, readers.grouper);
      expect(t.err()).toBe('');
      expect(code).toBe(0);
      expect(t.out()).toBe(expectedColumns(text));
    },
  );

  it.each([
    ['msdrg_poa_exempt_expected.tsv', ['--poa-exempt']],
    ['msdrg_poa_odd_expected.tsv', []],
  ])('group --format tsv %s %s gives the expected columns exactly', async (name, flags) => {
    const text = fixture(name);
    const t = io(
      text
        .split('\n')
        .map((l) => l.split('\t').slice(0, 8).join('\t'))
        .join('\n'),
    );
    expect(await runGroup(flags, t.io, readers.grouper)).toBe(0);
    expect(t.err()).toBe('');
    expect(t.out()).toBe(expectedColumns(text));
  });

  it.each(['mce_v431_expected.tsv', 'mce_v431_edge_expected.tsv'])(
    'edits --format tsv < %s gives the expected columns exactly',
    async (name) => {
      const text = fixture(name);
      const t = io(
        text
          .split('\n')
          .map((l) => l.split('\t').slice(0, 8).join('\t'))
          .join('\n'),
      );
      expect(await runEdits([], t.io, readers.mce)).toBe(0);
      expect(t.err()).toBe('');
      expect(t.out()).toBe(expectedColumns(text));
    },
  );
});

describe('malformed lines and JSONL', () => {
  it('reports bad TSV lines with their line number, keeps going, exits 1', async () => {
    const t = io(
      'id\tgrouper_version\n1\t431\t70\tF\t1\tJ189\t-\t-\nbroken line\n3\t431\tseventy\tF\t1\tJ189\t-\t-\n4\t431\t70\tF\t1\tJ189\tI5023\t-\n',
    );
    expect(await runGroup([], t.io, readers.grouper)).toBe(1);
    expect(t.err()).toMatch(/^line 3: expected 8 tab-separated columns/m);
    expect(t.err()).toMatch(/^line 4: age "seventy" is not an integer/m);
    const lines = t.out().trim().split('\n');
    expect(lines.map((l) => l.split('\t').slice(0, 2).join(' '))).toEqual(['id final_drg', '1 195', '4 193']);
  });

  it('groups JSONL claims and reports invalid ones', async () => {
    const good = {
      id: 'c1',
      pdx: 'J18.9',
      sdx: [{ code: 'I50.23', poa: 'Y' }],
      procedures: [],
      age: 70,
      sex: 'F',
      dischargeStatus: '01',
      dischargeDate: '2026-02-10',
    };
    const t = io(`${JSON.stringify(good)}\n{"pdx": 5}\nnot json\n`);
    expect(await runGroup(['--format', 'jsonl'], t.io, readers.grouper)).toBe(1);
    const out = t
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; finalDrg: number; version: string; weight: number });
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

  it('TSV: the principal may carry its POA; malformed fields are line errors with their number, never defaults', async () => {
    const rows = [
      'id\tgrouper_version\tage\tsex\tdischarge_status\tpdx\tsdx\tprocedures',
      '1\t431\t70\tF\t1\tA41.51:Y\tI5023:Y\t-',
      '2\t431\t70\tF\t\tJ189\t-\t-',
      '3\t431\t70\t\t1\tJ189\t-\t-',
      '4\t431\t70\tF\t1\tJ189\tI5023,,E1122\t-',
      '5\t999\t70\tF\t1\tJ189\t-\t-',
      '6\t431\t70\tF\tx1\tJ189\t-\t-',
      '7\t431\t70\tF\t1\tJ189\t\t-',
      '8\t431\t70\tF\t1\tJ189:YY\t-\t-',
      '9\t431\t70\tF\t1\tJ189\t-\t0BYL0Z2,',
      '10\t431\t70\tF\t1\tJ189\t-\t-',
    ];
    const t = io(`${rows.join('\n')}\n`);
    expect(await runGroup([], t.io, readers.grouper)).toBe(1);
    expect(
      t
        .out()
        .trim()
        .split('\n')
        .map((l) => l.split('\t').slice(0, 2).join(' ')),
    ).toEqual(['id final_drg', '1 871', '10 195']);
    expect(t.err().trim().split('\n')).toEqual([
      'line 3: discharge_status is empty: a UB-04 patient status such as 01',
      'line 4: sex is empty: M, F or U',
      'line 5: sdx item 2 of 3 is empty ("I5023,,E1122")',
      'line 6: grouper version 999 is not installed (43.0, 43.1)',
      'line 7: discharge_status "x1" is not a UB-04 patient status (one or two digits)',
      'line 8: sdx is empty: write - for none',
      'line 9: pdx "J189:YY": POA "YY" is not one character (Y, N, U, W, 1 or blank)',
      'line 10: procedures item 2 of 2 is empty ("0BYL0Z2,")',
    ]);
  });

  it('edits TSV: the principal POA is checked by the POA validation; an empty principal is "-"', async () => {
    const t = io(
      '1\t20260110\t70\tF\t1\tA41.51:Y\t-\t-\n2\t20260110\t70\tF\t1\t-\t-\t-\n3\t20260110\t70\tF\t1\t\t-\t-\n',
    );
    expect(await runEdits([], t.io, readers.mce)).toBe(1);
    expect(t.out().trim().split('\n').slice(1)).toEqual([
      '1\tNONE\t431\t-\t-',
      '2\tPREPAYMENT\t431\tINVALID_CODE=1\t-=[INVALID_CODE]',
    ]);
    expect(t.err()).toBe('line 3: pdx is empty: write - for no principal diagnosis\n');
  });

  it('JSONL: principal POA accepted, malformed fields refused with their line number', async () => {
    const base = {
      pdx: 'J18.9',
      procedures: [],
      age: 70,
      sex: 'F',
      dischargeStatus: '01',
      dischargeDate: '2026-02-10',
    };
    const lines = [
      { ...base, id: 'ok', pdx: 'A41.51:Y', sdx: [{ code: 'I50.23', poa: 'Y' }] },
      { ...base, id: 'status', dischargeStatus: '' },
      { ...base, id: 'sex', sex: '' },
      { ...base, id: 'item', sdx: ['I50.23', ''] },
      { ...base, id: 'version', version: '99.9' },
      { ...base, id: 'twopoa', pdx: 'A41.51:Y', pdxPoa: 'N' },
    ];
    const t = io(`${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    expect(await runGroup(['--format', 'jsonl'], t.io, readers.grouper)).toBe(1);
    const out = t
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; principal: { code: string }; finalDrg: number });
    expect(out.map((o) => [o.id, o.principal.code, o.finalDrg])).toEqual([['ok', 'A4151', 871]]);
    const err = t.err().trim().split('\n');
    expect(err).toHaveLength(5);
    expect(err[0]).toMatch(/^line 2: dischargeStatus: /);
    expect(err[1]).toMatch(/^line 3: sex: empty sex/);
    expect(err[2]).toMatch(/^line 4: sdx\.1: empty code/);
    expect(err[3]).toBe('line 5: grouper version 99.9 is not installed (43.0, 43.1)');
    expect(err[4]).toBe('line 6: pdx "A41.51:Y" and pdxPoa "N" give two POAs');
  });
});

describe('streaming', () => {
  it('answers a line before the input has ended (line by line, not read whole)', async () => {
    const input = new PassThrough();
    const written: string[] = [];
    let answered: () => void = () => {};
    const firstAnswer = new Promise<void>((resolve) => (answered = resolve));
    const io = {
      stdin: input,
      stdout: {
        write: (s: string) => {
          written.push(s);
          if (written.join('').split('\n').length > 2) answered();
          return true;
        },
      },
      stderr: { write: () => true },
    };
    const done = runGroup([], io, readers.grouper);
    input.write('1\t431\t70\tF\t1\tJ189\t-\t-\n');
    await firstAnswer; // the stream is still open here
    expect(written.join('')).toContain('\n1\t195\t');
    input.end('2\t431\t70\tF\t1\tJ189\tI5023:Y\t-\n');
    expect(await done).toBe(0);
    expect(written.join('')).toContain('\n2\t193\t');
  });
});
