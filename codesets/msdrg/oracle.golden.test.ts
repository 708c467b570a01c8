/**
 * Golden suite: every claim of the CMS-oracle fixture files, grouped by our engine, compared on
 * every output column. Any difference is a bug in our grouper (issue 4).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Grouper } from '../../engine/grouper/grouper';
import { formatGroupTsv, GROUP_OUTPUT_COLUMNS, parseGroupTsvLine } from '../../engine/grouper/fixture-format';
import { msdrgReaders, SOURCE_ROOT } from '../../test/golden/msdrg-bundles';

const FIXTURES = join(SOURCE_ROOT, 'msdrg/FY2026/oracle-fixtures');

function rows(file: string): string[] {
  return readFileSync(join(FIXTURES, file), 'utf8').split('\n').slice(1).filter((l) => l !== '');
}

let grouper: Grouper;
beforeAll(async () => {
  grouper = Grouper.fromBundles((await msdrgReaders()).grouper);
});

describe.each(['msdrg_v430_expected.tsv', 'msdrg_v431_expected.tsv'])('%s', (file) => {
  const lines = rows(file);
  it('has 4,000 claims', () => expect(lines.length).toBe(4000));
  it.each(lines.map((l) => [l.split('\t')[0]!, l]))('claim %s', (_id, line) => {
    const { id, claim } = parseGroupTsvLine(line);
    const expected = line.split('\t');
    const got = formatGroupTsv(id, grouper.group(claim)).split('\t');
    const want = [expected[0], ...expected.slice(8)];
    const diffs = GROUP_OUTPUT_COLUMNS.flatMap((col, i) => (got[i] === want[i] ? [] : [`${col}: got ${got[i]} want ${want[i]}`]));
    expect(diffs).toEqual([]);
  });
});
