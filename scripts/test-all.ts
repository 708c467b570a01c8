/**
 * `npm test`: format check, lint, typecheck, unit tests, the search ranking suite, end-to-end tests, in that
 * order (the STAGES list below).
 *
 * Every stage runs even when an earlier one failed (a CI run then reports all that is wrong, not
 * just the first thing), each stage's time is printed, and the exit code is non-zero if any stage
 * failed. The last line is the plain summary CI reads: `tests: N passed, N failed`, counted from
 * Vitest's JSON reports of the Vitest stages, plus one failure for each stage that failed
 * without a test report (lint, typecheck, a build that broke before the tests ran).
 *
 * `npm test -- unit e2e` runs only the named stages.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const ROOT = resolve(import.meta.dirname, '..');
const REPORTS = join(ROOT, 'test-results');

interface Stage {
  name: string;
  script: string;
  /** Vitest stages write a JSON report to count tests. */
  vitest: boolean;
}

const STAGES: Stage[] = [
  // Formatting first: a few seconds, and a diff Prettier would make is a review the next reader skips.
  { name: 'format', script: 'format:check', vitest: false },
  { name: 'lint', script: 'lint', vitest: false },
  { name: 'typecheck', script: 'typecheck', vitest: false },
  { name: 'unit', script: 'test:unit', vitest: true },
  // Search ranking suite: hit@1 >= 85 %, hit@5 >= 97 % over test/ranking/queries.tsv.
  { name: 'ranking', script: 'test:ranking', vitest: true },
  { name: 'e2e', script: 'test:e2e', vitest: true },
];

const vitestReport = z.object({
  numTotalTests: z.number(),
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number().default(0),
  numTodoTests: z.number().default(0),
});

interface Outcome {
  stage: Stage;
  ok: boolean;
  seconds: number;
  tests?: z.infer<typeof vitestReport>;
}

function runStage(stage: Stage): Outcome {
  const report = join(REPORTS, `${stage.name}.json`);
  rmSync(report, { force: true });
  const extra = stage.vitest ? ['--', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`] : [];
  console.log(`\n=== ${stage.name}: npm run ${stage.script} ===`);
  const started = performance.now();
  const run = spawnSync('npm', ['run', '--silent', stage.script, ...extra], { cwd: ROOT, stdio: 'inherit' });
  const seconds = (performance.now() - started) / 1000;
  let tests: Outcome['tests'];
  if (stage.vitest && existsSync(report)) {
    const parsed = vitestReport.safeParse(JSON.parse(readFileSync(report, 'utf8')));
    if (parsed.success) tests = parsed.data;
  }
  const ok = run.status === 0 && (!stage.vitest || (tests !== undefined && tests.numFailedTests === 0));
  console.log(`=== ${stage.name}: ${ok ? 'ok' : 'FAILED'} in ${seconds.toFixed(1)} s ===`);
  return { stage, ok, seconds, ...(tests ? { tests } : {}) };
}

function main(): number {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((w) => !STAGES.some((s) => s.name === w));
  if (unknown.length) {
    console.error(`unknown stage(s): ${unknown.join(', ')}; stages are ${STAGES.map((s) => s.name).join(', ')}`);
    return 2;
  }
  mkdirSync(REPORTS, { recursive: true });
  const outcomes = STAGES.filter((s) => wanted.length === 0 || wanted.includes(s.name)).map(runStage);

  let passed = 0;
  let failed = 0;
  console.log('\n=== summary ===');
  for (const o of outcomes) {
    const counts = o.tests
      ? `${o.tests.numPassedTests} passed, ${o.tests.numFailedTests} failed, ${o.tests.numPendingTests + o.tests.numTodoTests} skipped`
      : o.stage.vitest
        ? 'no test report'
        : '';
    console.log(
      `${o.stage.name.padEnd(10)} ${o.ok ? 'ok    ' : 'FAILED'} ${o.seconds.toFixed(1).padStart(7)} s  ${counts}`,
    );
    passed += o.tests?.numPassedTests ?? 0;
    failed += o.tests?.numFailedTests ?? 0;
    // A stage that failed without failing tests (lint, typecheck, a broken build) counts as one failure.
    if (!o.ok && (o.tests?.numFailedTests ?? 0) === 0) failed += 1;
  }
  const total = outcomes.reduce((sum, o) => sum + o.seconds, 0);
  console.log(`total      ${total.toFixed(1).padStart(14)} s`);
  console.log(`tests: ${passed} passed, ${failed} failed`);
  return outcomes.every((o) => o.ok) ? 0 : 1;
}

process.exitCode = main();
