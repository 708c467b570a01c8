/**
 * The lint rules that guard the architecture and the privacy promise actually fire.
 *
 * Each case lints a few lines of source as if they lived at a given path (the text is never written
 * to disk) and asserts the rule that must report. Type-aware rules are switched off here because the
 * probe files are not part of any tsconfig; the rules under test do not need types.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');

const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: [tseslint.configs.disableTypeChecked],
});

async function ruleIds(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  if (!result) throw new Error(`ESLint returned no result for ${path}`);
  const fatal = result.messages.find((m) => m.fatal);
  if (fatal) throw new Error(`${path}: ${fatal.message}`);
  return result.messages.map((m) => m.ruleId ?? '(none)');
}

// Import targets that exist in the skeleton (the zone rule only sees imports it can resolve).
const TARGETS = {
  entrypoints: 'entrypoints/background.ts',
  cli: 'cli/main.ts',
  codesets: 'codesets/builder.ts',
  codesetsNode: 'codesets/node/cache.ts',
  engine: 'engine/bundle/format.ts',
  platform: 'platform/db.ts',
  components: 'components/shell/app.tsx',
  scripts: 'scripts/test-all.ts',
  test: 'test/e2e/support/static-server.ts',
} as const;

describe('import boundaries (ARCHITECTURE.md module map)', () => {
  it.each(Object.values(TARGETS))('target %s exists, so the cases below are meaningful', (path) => {
    expect(existsSync(join(ROOT, path))).toBe(true);
  });

  const forbidden: [from: string, importPath: string][] = [
    ['engine/probe.ts', '../entrypoints/background'],
    ['engine/probe.ts', '../cli/main'],
    ['engine/probe.ts', '../codesets/builder'],
    ['engine/probe.ts', '../test/e2e/support/static-server'],
    ['engine/sub/probe.ts', '@/codesets/builder'],
    ['codesets/probe.ts', '../entrypoints/background'],
    ['components/probe.tsx', '../entrypoints/background'],
    ['platform/probe.ts', '../entrypoints/background'],
    ['cli/probe.ts', '../entrypoints/background'],
    ['scripts/probe.ts', '../entrypoints/background'],
    ['entrypoints/sidepanel/probe.ts', '../background'],
    // The module map is an allow-list: each folder may import only what its row lists.
    ['engine/probe.ts', '../platform/db'],
    ['engine/probe.ts', '../components/shell/app'],
    ['engine/probe.ts', '../scripts/test-all'],
    ['codesets/probe.ts', '../platform/db'],
    ['codesets/probe.ts', '../components/shell/app'],
    ['codesets/probe.ts', '../cli/main'],
    ['codesets/probe.ts', '../scripts/test-all'],
    ['codesets/probe.ts', '../test/e2e/support/static-server'],
    ['platform/probe.ts', '../components/shell/app'],
    ['platform/probe.ts', '../cli/main'],
    ['platform/probe.ts', '../scripts/test-all'],
    ['platform/probe.ts', '../codesets/node/cache'],
    ['platform/probe.ts', '../test/e2e/support/static-server'],
    ['components/probe.tsx', '../codesets/builder'],
    ['components/probe.tsx', '../cli/main'],
    ['components/probe.tsx', '../scripts/test-all'],
    ['components/probe.tsx', '../test/e2e/support/static-server'],
    ['cli/probe.ts', '../platform/db'],
    ['cli/probe.ts', '../components/shell/app'],
    ['cli/probe.ts', '../scripts/test-all'],
    ['cli/probe.ts', '../test/e2e/support/static-server'],
    ['entrypoints/sidepanel/probe.ts', '../../cli/main'],
    ['entrypoints/sidepanel/probe.ts', '../../scripts/test-all'],
    ['entrypoints/sidepanel/probe.ts', '../../test/e2e/support/static-server'],
  ];
  it.each(forbidden)('%s may not import %s', async (from, importPath) => {
    const ids = await ruleIds(from, `import * as m from '${importPath}';\nexport const x = m;\n`);
    expect(ids).toContain('import-x/no-restricted-paths');
  });

  const allowed: [from: string, importPath: string][] = [
    ['codesets/probe.ts', '../engine/bundle/format'],
    ['platform/probe.ts', '../engine/bundle/format'],
    ['components/probe.tsx', '../engine/bundle/format'],
    ['cli/probe.ts', '../codesets/builder'],
    ['platform/probe.ts', '../codesets/builder'],
    ['components/probe.tsx', '../platform/db'],
    ['scripts/probe.ts', '../cli/main'],
    ['scripts/probe.ts', '../test/e2e/support/static-server'],
    ['entrypoints/sidepanel/probe.ts', '../../engine/bundle/format'],
    ['entrypoints/sidepanel/probe.ts', '../../components/shell/app'],
    ['entrypoints/sidepanel/probe.ts', '../../platform/db'],
    ['entrypoints/sidepanel/probe.ts', './main'],
    // Tests in test/ may import an entrypoint's modules to test them.
    ['test/unit/probe.ts', '../../entrypoints/background'],
  ];
  it.each(allowed)('%s may import %s', async (from, importPath) => {
    const ids = await ruleIds(from, `import * as m from '${importPath}';\nexport const x = m;\n`);
    expect(ids).not.toContain('import-x/no-restricted-paths');
  });

  it('engine tests may use codesets/ and test/ data, never the browser side', async () => {
    const code = (path: string): string => `import * as m from '${path}';\nexport const x = m;\n`;
    expect(await ruleIds('engine/sub/probe.test.ts', code('../../codesets/builder'))).not.toContain(
      'import-x/no-restricted-paths',
    );
    expect(await ruleIds('engine/sub/probe.test.ts', code('../../test/e2e/support/static-server'))).not.toContain(
      'import-x/no-restricted-paths',
    );
    expect(await ruleIds('engine/sub/probe.test.ts', code('../../entrypoints/background'))).toContain(
      'import-x/no-restricted-paths',
    );
    expect(await ruleIds('engine/sub/probe.ts', code('../../codesets/builder'))).toContain(
      'import-x/no-restricted-paths',
    );
  });

  it('tests beside the code may read test data and drive the CLI, never another side of the browser', async () => {
    const code = (path: string): string => `import * as m from '${path}';\nexport const x = m;\n`;
    expect(await ruleIds('platform/sub/probe.test.ts', code('../../test/e2e/support/static-server'))).not.toContain(
      'import-x/no-restricted-paths',
    );
    expect(await ruleIds('components/sub/probe.test.tsx', code('../../cli/main'))).not.toContain(
      'import-x/no-restricted-paths',
    );
    expect(await ruleIds('platform/sub/probe.test.ts', code('../../components/shell/app'))).toContain(
      'import-x/no-restricted-paths',
    );
    expect(await ruleIds('codesets/sub/probe.test.ts', code('../../platform/db'))).toContain(
      'import-x/no-restricted-paths',
    );
  });

  it('engine/ imports no Node built-ins or browser libraries; its tests may', async () => {
    expect(
      await ruleIds('engine/probe.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"),
    ).toContain('no-restricted-imports');
    expect(await ruleIds('engine/probe.ts', "import Dexie from 'dexie';\nexport const d = Dexie;\n")).toContain(
      'no-restricted-imports',
    );
    expect(
      await ruleIds(
        'engine/probe.test.ts',
        "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
      ),
    ).not.toContain('no-restricted-imports');
  });

  it('only codesets/node/ touches the file system inside codesets/', async () => {
    const code = "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n";
    expect(await ruleIds('codesets/icd10cm/probe.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIds('codesets/node/probe.ts', code)).not.toContain('no-restricted-imports');
  });
});

describe('the content script makes no network request', () => {
  const CONTENT = 'entrypoints/content/probe.ts';
  const cases: [what: string, code: string, rule: string][] = [
    ['fetch', "void fetch('https://example.invalid/');", 'no-restricted-globals'],
    ['window.fetch', "void window.fetch('https://example.invalid/');", 'no-restricted-properties'],
    ['globalThis.fetch', "void globalThis.fetch('https://example.invalid/');", 'no-restricted-properties'],
    ['XMLHttpRequest', 'export const x = new XMLHttpRequest();', 'no-restricted-globals'],
    ['WebSocket', "export const w = new WebSocket('wss://example.invalid/');", 'no-restricted-globals'],
    ['EventSource', "export const e = new EventSource('https://example.invalid/');", 'no-restricted-globals'],
    ['navigator.sendBeacon', "navigator.sendBeacon('https://example.invalid/', 'x');", 'no-restricted-syntax'],
    ['new Image', "export const i = new Image(); i.src = 'https://example.invalid/p.gif';", 'no-restricted-globals'],
    [
      'img.src =',
      "const img = document.querySelector('img'); if (img) img.src = 'https://example.invalid/';",
      'no-restricted-syntax',
    ],
    ['createElement(img)', "export const i = document.createElement('img');", 'no-restricted-syntax'],
    ['setAttribute(src)', "document.body.setAttribute('src', 'https://example.invalid/');", 'no-restricted-syntax'],
    ['dynamic import', "export const m = import('https://example.invalid/x.js');", 'no-restricted-syntax'],
  ];
  it.each(cases)('%s is reported', async (_what, code, rule) => {
    expect(await ruleIds(CONTENT, code)).toContain(rule);
  });

  it('applies to every content-script layout WXT accepts', async () => {
    for (const path of [
      'entrypoints/content.ts',
      'entrypoints/chart.content.ts',
      'entrypoints/chart.content/index.ts',
    ]) {
      expect(await ruleIds(path, "void fetch('/x');")).toContain('no-restricted-globals');
    }
  });

  it('reading the page is allowed', async () => {
    const code =
      "export function read(): string[] {\n  return [...document.querySelectorAll('p')].map((p) => p.textContent ?? '');\n}\n";
    expect(await ruleIds(CONTENT, code)).toEqual([]);
  });

  it('the side panel may use fetch (for extension-packaged bundles)', async () => {
    expect(await ruleIds('entrypoints/sidepanel/probe.ts', "void fetch('/codesets/icd10cm.csb');")).toEqual([]);
  });
});

describe('chart text renders as text, and no code is built from strings', () => {
  it.each([
    ['components/probe.tsx', "export function f(el: HTMLElement): void { el.innerHTML = '<b>x</b>'; }"],
    ['platform/probe.ts', "export function f(el: HTMLElement): void { el.outerHTML = '<b>x</b>'; }"],
    [
      'entrypoints/sidepanel/probe.ts',
      "export function f(el: HTMLElement): void { el.insertAdjacentHTML('beforeend', 'x'); }",
    ],
    ['components/probe.tsx', "export const C = () => <div dangerouslySetInnerHTML={{ __html: 'x' }} />;"],
    ['entrypoints/content/probe.ts', 'export function f(el: HTMLElement): string { return el.innerHTML; }'],
  ])('%s: %s is reported', async (path, code) => {
    expect(await ruleIds(path, code)).toContain('no-restricted-syntax');
  });

  it('test code and testing/ helpers may build DOM from fixture HTML and read fixtures from disk', async () => {
    const code =
      "import { readFileSync } from 'node:fs';\nexport function f(el: HTMLElement): void { el.innerHTML = readFileSync('x', 'utf8'); }\n";
    expect(await ruleIds('entrypoints/content/readers/testing/probe.ts', code)).toEqual([]);
    expect(await ruleIds('components/probe.test.tsx', code)).toEqual([]);
    expect(await ruleIds('entrypoints/content/readers/probe.ts', code)).toEqual(
      expect.arrayContaining(['no-restricted-imports', 'no-restricted-syntax']),
    );
  });

  it.each([
    ['engine/probe.ts', "export const r: unknown = eval('1');", 'no-eval'],
    ['cli/probe.ts', "export const f = new Function('return 1');", 'no-new-func'],
    ['platform/probe.ts', "setTimeout('alert(1)', 1);", 'no-implied-eval'],
  ])('%s: %s is reported', async (path, code, rule) => {
    expect(await ruleIds(path, code)).toContain(rule);
  });
});
