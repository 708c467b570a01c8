/**
 * `chartside group --format jsonl` for FY2027 discharges while only MS-DRG v43 is installed: each
 * such line carries an "orientation" field naming the codes v43.1 could not use, stderr says how
 * many lines are affected, and FY2026 lines are unchanged.
 */
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { msdrgReaders } from '../../test/golden/msdrg-bundles';
import type { BundleReader } from '../../engine/bundle/reader';
import { runGroup } from './group';

let grouper: BundleReader[];
beforeAll(async () => {
  grouper = (await msdrgReaders()).grouper;
});

async function run(lines: object[]): Promise<{ code: number; out: Record<string, unknown>[]; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io = {
    stdin: Readable.from([lines.map((l) => JSON.stringify(l)).join('\n')]),
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
  };
  const code = await runGroup(['--format', 'jsonl'], io, grouper);
  return {
    code,
    out: out
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>),
    err: err.join(''),
  };
}

const claim = { age: 70, sex: 'F', dischargeStatus: '01' };

describe('group --format jsonl, FY2027 discharges', () => {
  it('marks the v43.1 result of an FY2027 discharge as orientation only, naming the new FY2027 codes it could not use', async () => {
    const { code, out, err } = await run([
      { id: 'fy26', pdx: 'J18.9', sdx: ['E11.9'], procedures: [], dischargeDate: '2026-09-30', ...claim },
      // C78.31 (secondary malignant neoplasm of larynx) and 0W99003 are new in FY2027.
      {
        id: 'fy27',
        pdx: 'J18.9',
        sdx: ['C78.31', 'E11.9'],
        procedures: ['0W99003'],
        dischargeDate: '2026-10-01',
        ...claim,
      },
    ]);
    expect(code).toBe(0);
    expect(out[0]!.orientation).toBeUndefined();
    expect(out[1]!.version).toBe('43.1');
    expect(out[1]!.orientation).toEqual({
      message: expect.stringMatching(
        /^MS-DRG v44 \(FY2027\) is not available: this MS-DRG v43\.1 \(FY2026\) result is for orientation only and is not the payable FY2027 DRG for a discharge on 2026-10-01\. Codes MS-DRG v43\.1 could not use \(not in its tables\): C7831, 0W99003\.$/,
      ),
      unusable: ['C7831', '0W99003'],
    });
    expect(err).toMatch(
      /^1 claim discharged after the installed grouper's fiscal year: MS-DRG v44 \(FY2027\) is not available/,
    );
  });
});
