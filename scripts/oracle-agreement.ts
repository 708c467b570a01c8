/**
 * Measures agreement with CMS's own software on every oracle fixture file
 * (`msdrg/FY2026/oracle-fixtures/*_expected.tsv`): for each file, the share of claims equal on
 * every output column and per column, plus the first differing claims.
 *
 * Run: `npx tsx scripts/oracle-agreement.ts [--show N] [file-substring]`.
 * The golden suites (`engine/grouper/oracle.golden.test.ts`, `engine/mce/mce.golden.test.ts`)
 * assert the same comparison claim by claim in CI; this prints the figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Grouper } from '../engine/grouper/grouper';
import { formatGroupTsv, GROUP_OUTPUT_COLUMNS, parseGroupTsvLine } from '../engine/grouper/fixture-format';
import { Mce } from '../engine/mce/mce';
import { EDITS_OUTPUT_COLUMNS, formatEditsTsv, parseEditsTsvLine } from '../engine/mce/fixture-format';
import { msdrgReaders, SOURCE_ROOT } from '../test/golden/msdrg-bundles';
import { fixtureKind, ORACLE_FIXTURES_DIR } from '../codesets/msdrg/oracle-fixtures';

const args = process.argv.slice(2);
const showAt = args.indexOf('--show');
const show = showAt >= 0 ? Number(args[showAt + 1]) : 5;
const filter = args.filter((a, i) => !a.startsWith('--') && i !== showAt + 1)[0] ?? '';

const readers = await msdrgReaders();
const grouper = Grouper.fromBundles(readers.grouper);
const mce = Mce.fromBundle(readers.mce);
const dir = join(SOURCE_ROOT, ORACLE_FIXTURES_DIR);
const summary: Record<string, unknown> = {};
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('_expected.tsv') && f.includes(filter))
  .sort()) {
  const kind = fixtureKind(file);
  const lines = readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l !== '');
  const columns: readonly string[] = kind.tool === 'mce' ? EDITS_OUTPUT_COLUMNS : GROUP_OUTPUT_COLUMNS;
  const perColumn = new Array<number>(columns.length).fill(0);
  let all = 0;
  const examples: string[] = [];
  for (const line of lines) {
    const cells = line.split('\t');
    const want = [cells[0], ...cells.slice(8)];
    let got: string[];
    try {
      if (kind.tool === 'mce') {
        const { id, claim } = parseEditsTsvLine(line);
        got = formatEditsTsv(id, mce.edit(claim)).split('\t');
      } else {
        const { id, claim } = parseGroupTsvLine(line);
        got = formatGroupTsv(id, grouper.group(claim, { poaExemptHospital: kind.poaExempt, explain: false })).split(
          '\t',
        );
      }
    } catch (e) {
      got = [cells[0]!, `ERROR ${(e as Error).message}`];
    }
    let same = true;
    const diffs: string[] = [];
    columns.forEach((c, i) => {
      if (got[i] === want[i]) perColumn[i]!++;
      else {
        same = false;
        diffs.push(`  ${c}: got ${got[i]}\n  ${' '.repeat(c.length)}  want ${want[i]}`);
      }
    });
    if (same) all++;
    else if (examples.length < show) examples.push(`${cells.slice(0, 8).join(' | ')}\n${diffs.join('\n')}`);
  }
  const pct = (n: number) => `${((100 * n) / lines.length).toFixed(2)}%`;
  summary[file] = {
    claims: lines.length,
    allFields: pct(all),
    perColumn: Object.fromEntries(columns.map((c, i) => [c, pct(perColumn[i]!)])),
  };
  process.stdout.write(`${file}: ${all}/${lines.length} claims equal on every field (${pct(all)})\n`);
  for (const e of examples) process.stdout.write(`${e}\n`);
}
process.stdout.write(`${JSON.stringify(summary, null, 1)}\n`);
