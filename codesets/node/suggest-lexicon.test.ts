// The CLI's lexicon loader: it uses the cached suggest-lexicon bundle only while that bundle is
// what the step would build now (same tables, same lexicon sources) and was built from the tables
// asked for; otherwise it says why and names the command, and builds nothing. A scratch cache with
// a synthetic ICD-10-CM bundle (invented titles) and a scratch engine folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assembleCmYear } from '../icd10cm/assemble';
import { FsBundleStore } from './cache';
import {
  buildSuggestLexiconStep,
  lexiconSourceFiles,
  loadCachedLexiconFor,
  staleLexiconReason,
} from './suggest-lexicon';

const dir = mkdtempSync(join(tmpdir(), 'chartside-lexicon-step-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HISTORY_SOURCE = 'export const h = 1;\n';

function scratch(): { cacheDir: string; engineDir: string } {
  const cacheDir = join(dir, 'cache');
  const engineDir = join(dir, 'engine');
  mkdirSync(join(engineDir, 'suggest', 'guidelines'), { recursive: true });
  writeFileSync(
    join(engineDir, 'suggest', 'lexicon.ts'),
    "import { x } from './tokens';\nimport type { Y } from './types';\n",
  );
  writeFileSync(join(engineDir, 'suggest', 'tokens.ts'), 'export const x = 1;\n');
  writeFileSync(join(engineDir, 'suggest', 'types.ts'), 'export type Y = 1;\n');
  // The guideline tables' builders are inputs too (guideline-tables.ts imports them).
  writeFileSync(join(engineDir, 'suggest', 'guideline-tables.ts'), "import { h } from './guidelines/history-codes';\n");
  writeFileSync(join(engineDir, 'suggest', 'guidelines', 'history-codes.ts'), HISTORY_SOURCE);
  const store = new FsBundleStore(cacheDir);
  const cm = assembleCmYear({
    year: 2026,
    order: {
      data: [{ order: 1, code: 'J189', billable: true, short: 'Pneumonia', long: 'Pneumonia, unspecified organism' }],
      provenance: [
        { file: 'icd10cm_order_2026.txt', sha256: 'a'.repeat(64), bytes: 10, role: 'order', releaseYear: 2026 },
      ],
    },
  });
  store.writeBundle('icd10cm-2026', cm.bytes);
  store.writeManifest({ manifestVersion: 1, builders: [], bundles: [cm.header] });
  return { cacheDir, engineDir };
}

describe('suggest-lexicon step and loader', () => {
  it('follows value imports only, and loads the lexicon while it is current, else says why without building', async () => {
    const opts = scratch();
    expect(lexiconSourceFiles(opts.engineDir)).toEqual([
      'suggest/guideline-tables.ts',
      'suggest/guidelines/history-codes.ts',
      'suggest/lexicon.ts',
      'suggest/tokens.ts',
    ]);
    expect((await loadCachedLexiconFor('icd10cm-2026', undefined, opts)).lexicon).toBeUndefined();
    expect(staleLexiconReason(opts)).toBe('no suggestion lexicon has been built');

    expect((await buildSuggestLexiconStep(opts)).status).toBe('built');
    expect(staleLexiconReason(opts)).toBeUndefined();
    const loaded = await loadCachedLexiconFor('icd10cm-2026', undefined, opts);
    expect([...(loaded.lexicon?.entries ?? [])].map((e) => e.code)).toContain('J18.9');
    // Built without PCS tables: not the lexicon of CM + PCS.
    expect(await loadCachedLexiconFor('icd10cm-2026', 'icd10pcs-2026', opts)).toEqual({
      reason: expect.stringMatching(/icd10pcs-2026 is not installed/) as string,
    });

    // A changed guideline-table builder makes it stale (its tables travel in the bundle).
    const history = join(opts.engineDir, 'suggest', 'guidelines', 'history-codes.ts');
    writeFileSync(history, 'export const h = 2;\n');
    expect(staleLexiconReason(opts)).toMatch(/inputs changed .*engine\/suggest\/guidelines\/history-codes\.ts/);
    writeFileSync(history, HISTORY_SOURCE);
    expect(staleLexiconReason(opts)).toBeUndefined();

    // A changed lexicon source makes it stale: said, with the command, and nothing is rebuilt.
    writeFileSync(join(opts.engineDir, 'suggest', 'tokens.ts'), 'export const x = 2;\n');
    expect(staleLexiconReason(opts)).toMatch(/inputs changed since it was built \(engine\/suggest\/tokens\.ts\)/);
    expect(await loadCachedLexiconFor('icd10cm-2026', undefined, opts)).toEqual({
      reason: expect.stringMatching(/tokens\.ts.*rebuild it: npx chartside codesets build/) as string,
    });
    expect(staleLexiconReason(opts)).toBeDefined();
  });
});
