/**
 * Golden suite: every claim of every CMS MCE v43.1 oracle fixture file (`mce_*_expected.tsv`:
 * the first file and the edge cases), edited by our engine, compared on every output column
 * (edit type, component version, edit counts, code edits).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Mce } from './mce';
import { EDITS_OUTPUT_COLUMNS, formatEditsTsv, parseEditsTsvLine } from './fixture-format';
import { ORACLE_FIXTURES_DIR } from '../../codesets/msdrg/oracle-fixtures';
import { msdrgReaders, SOURCE_ROOT } from '../../test/golden/msdrg-bundles';

const FIXTURES = join(SOURCE_ROOT, ORACLE_FIXTURES_DIR);
/** Claims per file, as the fixture READMEs give them: a file cut short fails here. */
const CLAIMS: Record<string, number> = { 'mce_v431_expected.tsv': 4000, 'mce_v431_edge_expected.tsv': 1993 };
const FILES = readdirSync(FIXTURES)
  .filter((f) => f.startsWith('mce_') && f.endsWith('_expected.tsv'))
  .sort();

let mce: Mce;
beforeAll(async () => {
  mce = Mce.fromBundle((await msdrgReaders()).mce);
});

it('every MCE fixture file is graded', () => expect(FILES).toEqual(Object.keys(CLAIMS).sort()));

describe.each(FILES)('%s', (file) => {
  const lines = readFileSync(join(FIXTURES, file), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l !== '');
  it(`has ${CLAIMS[file]} claims`, () => expect(lines.length).toBe(CLAIMS[file]));
  it.each(lines.map((l) => [l.split('\t')[0]!, l]))('claim %s', (_id, line) => {
    const { id, claim } = parseEditsTsvLine(line);
    const expected = line.split('\t');
    const want = [expected[0], ...expected.slice(8)];
    const got = formatEditsTsv(id, mce.edit(claim)).split('\t');
    const diffs = EDITS_OUTPUT_COLUMNS.flatMap((col, i) =>
      got[i] === want[i] ? [] : [`${col}: got ${got[i]} want ${want[i]}`],
    );
    expect(diffs).toEqual([]);
  });
});
