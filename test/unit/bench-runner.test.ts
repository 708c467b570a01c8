/** `npm run bench` prints exactly one JSON object on stdout, whatever the benches log. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');

function runBench(dir: string, ...areas: string[]) {
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'test/bench/run.ts', ...areas],
    {
      cwd: ROOT,
      env: { ...process.env, CHARTSIDE_BENCH_DIR: dir },
      encoding: 'utf8',
    },
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('bench runner', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'chartside-bench-'));
    writeFileSync(
      join(dir, 'alpha.bench.ts'),
      "export async function run() { console.log('noise'); process.stdout.write('more noise\\n'); return { lookupP95Us: 12.5, bundleBytes: 1024 }; }\n",
    );
    writeFileSync(join(dir, 'beta.bench.ts'), 'export async function run() { return { queryP95Ms: 3 }; }\n');
    writeFileSync(join(dir, 'broken.bench.ts'), "export async function run() { throw new Error('tables missing'); }\n");
    writeFileSync(join(dir, 'helper.ts'), 'export const notABench = 1;\n');
  });

  it('prints one JSON object keyed by area; logs go to stderr', () => {
    const { status, stdout, stderr } = runBench(dir, 'alpha', 'beta');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ alpha: { lookupP95Us: 12.5, bundleBytes: 1024 }, beta: { queryP95Ms: 3 } });
    expect(stderr).toContain('noise');
    expect(stderr).toContain('more noise');
  });

  it('reports a failing bench under its area, runs the others, and exits 1', () => {
    const { status, stdout } = runBench(dir);
    expect(status).toBe(1);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual(['alpha', 'beta', 'broken']);
    expect(json.broken).toEqual({ error: 'tables missing' });
  });

  it('refuses an unknown area', () => {
    const { status, stdout, stderr } = runBench(dir, 'nope');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('nope');
  });
});
