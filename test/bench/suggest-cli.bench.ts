/**
 * A fresh `chartside suggest` process (target <= 2 s): the CLI started from scratch on the
 * synthetic 10,000-character note of suggest.bench.ts, 3 runs, median and max of the wall time
 * and of the CPU time (user + system of the process and its children, which a shared machine
 * inflates less than the wall time). Tables, lexicon and CC/MCC table are loaded from the codeset
 * cache as a user's first command would.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../codesets/node/source';
import { note } from './suggest.bench';

const RUNS = 3;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const round = (n: number): number => Math.round(n);

export async function run(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'chartside-suggest-cli-'));
  try {
    const file = join(dir, 'note.txt');
    writeFileSync(file, note(10_000));
    const wall: number[] = [];
    const cpu: number[] = [];
    let notices = '';
    for (let i = 0; i < RUNS; i++) {
      // bash's `time` reports the child's real, user and system seconds on stderr.
      const r = spawnSync(
        'bash',
        ['-c', `TIMEFORMAT='TIME %R %U %S'; time node cli/chartside.mjs suggest "$0" --json > /dev/null`, file],
        { cwd: PROJECT_ROOT, encoding: 'utf8' },
      );
      const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+)/.exec(r.stderr);
      if (r.status !== 0 || !m) throw new Error(`chartside suggest failed (${r.status}): ${r.stderr.slice(0, 500)}`);
      wall.push(Number(m[1]) * 1000);
      cpu.push((Number(m[2]) + Number(m[3])) * 1000);
      notices = r.stderr
        .split('\n')
        .filter((l) => l.startsWith('chartside suggest:'))
        .join(' | ');
    }
    return {
      noteChars: 10_000,
      runs: RUNS,
      freshProcessMs: round(median(wall)),
      freshProcessMaxMs: round(Math.max(...wall)),
      freshProcessCpuMs: round(median(cpu)),
      freshProcessCpuMaxMs: round(Math.max(...cpu)),
      stderr: notices,
      loadAvg1m: Number(loadavg()[0]!.toFixed(2)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
