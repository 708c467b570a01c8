/**
 * Golden suite: every claim of the CMS MCE v43.1 oracle fixture, edited by our engine, compared
 * on every output column (edit type, component version, edit counts, code edits).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Mce } from './mce';
import { EDITS_OUTPUT_COLUMNS, formatEditsTsv, parseEditsTsvLine } from './fixture-format';
import { msdrgReaders, SOURCE_ROOT } from '../../test/golden/msdrg-bundles';

const lines = readFileSync(join(SOURCE_ROOT, 'msdrg/FY2026/oracle-fixtures/mce_v431_expected.tsv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter((l) => l !== '');

let mce: Mce;
beforeAll(async () => {
  mce = Mce.fromBundle((await msdrgReaders()).mce);
});

describe('mce_v431_expected.tsv', () => {
  it('has 4,000 claims', () => expect(lines.length).toBe(4000));
  it.each(lines.map((l) => [l.split('\t')[0]!, l]))('claim %s', (_id, line) => {
    const { id, claim } = parseEditsTsvLine(line);
    const expected = line.split('\t');
    const want = [expected[0], ...expected.slice(8)];
    const got = formatEditsTsv(id, mce.edit(claim)).split('\t');
    const diffs = EDITS_OUTPUT_COLUMNS.flatMap((col, i) => (got[i] === want[i] ? [] : [`${col}: got ${got[i]} want ${want[i]}`]));
    expect(diffs).toEqual([]);
  });
});
