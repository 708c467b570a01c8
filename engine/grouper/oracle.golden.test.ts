/**
 * Golden suite: every claim of every MS-DRG CMS-oracle fixture file (`msdrg_*_expected.tsv`:
 * the first v43.0 / v43.1 files, the POA / HAC files, the POA-exempt hospital, the odd POA
 * values), grouped by our engine with the options CMS's grouper ran with, compared on every
 * output column. Any difference is a bug in our grouper.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Grouper } from './grouper';
import { formatGroupTsv, GROUP_OUTPUT_COLUMNS, parseGroupTsvLine } from './fixture-format';
import { fixtureKind, ORACLE_FIXTURES_DIR } from '../../codesets/msdrg/oracle-fixtures';
import { msdrgReaders, SOURCE_ROOT } from '../../test/golden/msdrg-bundles';

const FIXTURES = join(SOURCE_ROOT, ORACLE_FIXTURES_DIR);
/** Claims per file, as the fixture READMEs give them: a file cut short fails here. */
const CLAIMS: Record<string, number> = {
  'msdrg_v430_expected.tsv': 4000,
  'msdrg_v431_expected.tsv': 4000,
  'msdrg_poa_hac_v430_expected.tsv': 3100,
  'msdrg_poa_hac_v431_expected.tsv': 3100,
  'msdrg_poa_exempt_expected.tsv': 1000,
  'msdrg_poa_odd_expected.tsv': 750,
};
const FILES = readdirSync(FIXTURES)
  .filter((f) => f.startsWith('msdrg_') && f.endsWith('_expected.tsv'))
  .sort();

function rows(file: string): string[] {
  return readFileSync(join(FIXTURES, file), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l !== '');
}

let grouper: Grouper;
beforeAll(async () => {
  grouper = Grouper.fromBundles((await msdrgReaders()).grouper);
});

it('every MS-DRG fixture file is graded', () => expect(FILES).toEqual(Object.keys(CLAIMS).sort()));

describe.each(FILES)('%s', (file) => {
  const kind = fixtureKind(file);
  const poaExemptHospital = kind.tool === 'grouper' && kind.poaExempt;
  const lines = rows(file);
  it(`has ${CLAIMS[file]} claims`, () => expect(lines.length).toBe(CLAIMS[file]));
  it.each(lines.map((l) => [l.split('\t')[0]!, l]))('claim %s', (_id, line) => {
    const { id, claim } = parseGroupTsvLine(line);
    const expected = line.split('\t');
    const got = formatGroupTsv(id, grouper.group(claim, { poaExemptHospital, explain: false })).split('\t');
    const want = [expected[0], ...expected.slice(8)];
    const diffs = GROUP_OUTPUT_COLUMNS.flatMap((col, i) =>
      got[i] === want[i] ? [] : [`${col}: got ${got[i]} want ${want[i]}`],
    );
    expect(diffs).toEqual([]);
  });
});
