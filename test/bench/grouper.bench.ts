/**
 * MS-DRG grouper and MCE figures in Node on one core, and the whole CLI beside them in one run:
 * - load time: bundle bytes -> ready Grouper (inflate, JSON parse, index, compile every formula);
 * - throughput over all 8,000 CMS-oracle fixture claims (v43.0 + v43.1), repeated until >= 1 s,
 *   without and with the explanation trail;
 * - per-claim latency p50 / p95 in microseconds (explanation on, as the side panel uses it);
 * - MCE throughput over the 4,000 MCE fixture claims;
 * - the whole CLI (`node cli/chartside.mjs group`, a child process: tsx, tables, parsing, output)
 *   on 100,000 TSV claims against its own start-up on one claim: wall and CPU seconds, peak RSS,
 *   and the time to the first answer on stdout while the 100,000 are still coming.
 * Claims are parsed once before the in-process timing; only grouping / editing is timed there.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadavg, tmpdir } from 'node:os';
import { Grouper } from '../../engine/grouper/grouper';
import { parseGroupTsvLine } from '../../engine/grouper/fixture-format';
import type { GrouperClaim } from '../../engine/grouper/types';
import { Mce } from '../../engine/mce/mce';
import { parseEditsTsvLine } from '../../engine/mce/fixture-format';
import { msdrgBundleBytes, readerFromBytes, SOURCE_ROOT } from '../golden/msdrg-bundles';

const FIX = join(SOURCE_ROOT, 'msdrg/FY2026/oracle-fixtures');
const lines = (f: string) =>
  readFileSync(join(FIX, f), 'utf8')
    .split('\n')
    .slice(1)
    .filter((l) => l !== '');

/**
 * Runs `work` over all items (one full warm-up pass first), repeated until >= `minMs` and >= 3
 * passes. Reports claims per wall-clock second and per CPU second of this process: on a shared,
 * overloaded machine the process is often descheduled, which the CPU figure leaves out.
 */
function throughput<T>(items: T[], work: (x: T) => unknown, minMs = 1000): { perSecond: number; perCpuSecond: number } {
  for (const x of items) work(x); // warm-up: JIT and lazy caches
  let n = 0;
  let passes = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let ms = 0;
  do {
    for (const x of items) work(x);
    n += items.length;
    passes++;
    ms = performance.now() - t0;
  } while (ms < minMs || passes < 3);
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  return { perSecond: Math.round((n / ms) * 1000), perCpuSecond: Math.round((n / cpuMs) * 1000) };
}

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'cli/chartside.mjs');
const TIME = '/usr/bin/time';

interface CliRun {
  wallS: number;
  /** user + system CPU seconds of the child (null without /usr/bin/time). */
  cpuS: number | null;
  peakRssMb: number | null;
  /** From spawn to the first output line after the header (the first answer). */
  firstAnswerS: number;
  outputLines: number;
}

/**
 * Runs `chartside group` on a TSV file as a child process (under /usr/bin/time when installed, for
 * its CPU time and peak memory), timing the first answer and counting the output lines.
 */
async function runCli(input: string): Promise<CliRun> {
  const useTime = existsSync(TIME);
  const cmd = useTime ? TIME : process.execPath;
  const args = useTime ? ['-f', 'TIME %e %U %S %M', process.execPath, CLI, 'group'] : [CLI, 'group'];
  const t0 = performance.now();
  const child = spawn(cmd, args, { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  createReadStream(input).pipe(child.stdin);
  let firstAnswerS = 0;
  let newlines = 0;
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    for (let i = chunk.indexOf(10); i >= 0; i = chunk.indexOf(10, i + 1)) {
      newlines++;
      if (newlines === 2 && firstAnswerS === 0) firstAnswerS = (performance.now() - t0) / 1000;
    }
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const wallS = (performance.now() - t0) / 1000;
  if (code !== 0) throw new Error(`chartside group exited ${code}: ${stderr.slice(-500)}`);
  const m = /TIME (\S+) (\S+) (\S+) (\d+)/.exec(stderr);
  return {
    wallS: round(wallS, 2),
    cpuS: m ? round(Number(m[2]) + Number(m[3]), 2) : null,
    peakRssMb: m ? Math.round(Number(m[4]) / 1024) : null,
    firstAnswerS: round(firstAnswerS, 2),
    outputLines: newlines - 1,
  };
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Writes `n` TSV claims (the fixture claims' input columns, repeated with fresh ids) to a file. */
function writeClaims(file: string, rows: string[], n: number): void {
  const input = rows.map((l) => l.split('\t').slice(1, 8).join('\t'));
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(`c${i}\t${input[i % input.length]}`);
  writeFileSync(file, `${out.join('\n')}\n`);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function run(): Promise<Record<string, unknown>> {
  const bytes = await msdrgBundleBytes();
  const t0 = performance.now();
  // Load time of one version (what the first claim pays); the second is loaded right after.
  const grouper = Grouper.fromBundles([
    readerFromBytes(bytes.get('msdrg-43.0')!),
    readerFromBytes(bytes.get('msdrg-43.1')!),
  ]);
  void grouper.versions[0]!.tables;
  const loadMs = performance.now() - t0;
  grouper.preload();
  const t1 = performance.now();
  const mce = Mce.fromBundle(readerFromBytes(bytes.get('mce-43.1')!));
  const mceLoadMs = performance.now() - t1;

  const claims: GrouperClaim[] = [...lines('msdrg_v430_expected.tsv'), ...lines('msdrg_v431_expected.tsv')].map(
    (l) => parseGroupTsvLine(l).claim,
  );
  const lean = throughput(claims, (c) => grouper.group(c, { explain: false }));
  const full = throughput(claims, (c) => grouper.group(c));

  const lat: number[] = [];
  for (let k = 0; k < 3; k++) {
    for (const c of claims) {
      const s = performance.now();
      grouper.group(c);
      lat.push((performance.now() - s) * 1000);
    }
  }
  lat.sort((a, b) => a - b);

  const mceClaims = lines('mce_v431_expected.tsv').map((l) => parseEditsTsvLine(l).claim);
  const edits = throughput(mceClaims, (c) => mce.edit(c));

  // The POA / HAC claims (second HAC pass, HAC_MISSING_ONE_POA) on their own.
  const poaClaims = [...lines('msdrg_poa_hac_v430_expected.tsv'), ...lines('msdrg_poa_hac_v431_expected.tsv')].map(
    (l) => parseGroupTsvLine(l).claim,
  );
  const poa = throughput(poaClaims, (c) => grouper.group(c, { explain: false }));

  // The whole CLI in a child process, after the tables are built (msdrgBundleBytes above does not
  // install them: the first CLI run would build them, so a warm-up run comes first).
  const dir = mkdtempSync(join(tmpdir(), 'chartside-bench-'));
  let cli: Record<string, unknown>;
  try {
    const rows = [...lines('msdrg_v430_expected.tsv'), ...lines('msdrg_v431_expected.tsv')];
    const one = join(dir, 'one.tsv');
    const many = join(dir, 'many.tsv');
    writeClaims(one, rows, 1);
    writeClaims(many, rows, 100_000);
    spawnSync(process.execPath, [CLI, 'group'], {
      cwd: ROOT,
      input: readFileSync(one),
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    const startup = await runCli(one);
    const big = await runCli(many);
    if (big.outputLines !== 100_000) throw new Error(`CLI answered ${big.outputLines} of 100,000 claims`);
    const netCpu = big.cpuS !== null && startup.cpuS !== null ? big.cpuS - startup.cpuS : null;
    cli = {
      cliStartupOneClaimWallS: startup.wallS,
      cliStartupOneClaimCpuS: startup.cpuS,
      cliStartupPeakRssMb: startup.peakRssMb,
      cli100kWallS: big.wallS,
      cli100kCpuS: big.cpuS,
      cli100kPeakRssMb: big.peakRssMb,
      cli100kFirstAnswerS: big.firstAnswerS,
      cli100kClaimsPerSecondWall: Math.round(100_000 / big.wallS),
      cli100kClaimsPerCpuSecondAfterStartup: netCpu !== null && netCpu > 0 ? Math.round(100_000 / netCpu) : null,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  return {
    grouperLoadOneVersionMs: Math.round(loadMs),
    mceLoadMs: Math.round(mceLoadMs),
    fixtureClaims: claims.length,
    grouperClaimsPerSecond: lean.perSecond,
    grouperClaimsPerCpuSecond: lean.perCpuSecond,
    grouperClaimsPerSecondWithExplanation: full.perSecond,
    grouperClaimsPerCpuSecondWithExplanation: full.perCpuSecond,
    grouperLatencyP50Us: Math.round(percentile(lat, 50) * 10) / 10,
    grouperLatencyP95Us: Math.round(percentile(lat, 95) * 10) / 10,
    mceClaimsPerSecond: edits.perSecond,
    mceClaimsPerCpuSecond: edits.perCpuSecond,
    poaHacClaims: poaClaims.length,
    grouperPoaHacClaimsPerSecond: poa.perSecond,
    grouperPoaHacClaimsPerCpuSecond: poa.perCpuSecond,
    ...cli,
    loadAverage1m: Math.round(loadavg()[0]! * 10) / 10,
    note: 'Node, one core, shared 2-core machine; all 8,000 MS-DRG fixture claims repeated >= 1 s; CLI = node cli/chartside.mjs group on 1 and on 100,000 TSV claims (fixture claims repeated), CPU and peak RSS from /usr/bin/time',
  };
}
