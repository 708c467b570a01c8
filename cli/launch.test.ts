/**
 * The CLI launcher's bundle: built from a small TypeScript project of its own (a fictional `main`
 * over two modules), reused while its sources are unchanged, rebuilt when one changes, and the
 * project's real CLI started from its bundle answers like the in-process CLI.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain JavaScript (it runs before TypeScript can be compiled); typed by JSDoc.
import { buildBundle, freshBundle } from './launch.mjs';
import { runCli } from './testing';

type Target = { root: string; entry: string; outDir: string };
const build = buildBundle as (t: Target) => Promise<string>;
const fresh = freshBundle as (t: Target) => string | null;

const dir = mkdtempSync(join(tmpdir(), 'chartside-launch-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const target: Target = { root: dir, entry: join(dir, 'main.ts'), outDir: join(dir, '.cache', 'cli') };
writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
writeFileSync(
  join(dir, 'main.ts'),
  "import { greeting } from './greeting';\nexport const main = async (argv: string[]): Promise<string> => greeting(argv[0] ?? '');\n",
);
const writeGreeting = (word: string) =>
  writeFileSync(join(dir, 'greeting.ts'), `export const greeting = (name: string): string => \`${word} \${name}\`;\n`);
writeGreeting('hello');

async function runBundle(main: string): Promise<string> {
  const mod = (await import(`${pathToFileURL(main).href}?t=${Date.now()}`)) as {
    main: (a: string[]) => Promise<string>;
  };
  return mod.main(['Tess']);
}

describe('CLI bundle', () => {
  it('is built once, reused while its sources are unchanged, and rebuilt when one changes', async () => {
    expect(fresh(target)).toBeNull();
    const first = await build(target);
    expect(fresh(target)).toBe(first);
    expect(await runBundle(first)).toBe('hello Tess');
    const current = JSON.parse(readFileSync(join(target.outDir, 'current.json'), 'utf8')) as {
      inputs: Record<string, unknown>;
    };
    expect(Object.keys(current.inputs)).toEqual(expect.arrayContaining(['main.ts', 'greeting.ts']));

    // Same size, new content: the modification time tells.
    writeGreeting('howdy');
    utimesSync(join(dir, 'greeting.ts'), new Date(), new Date(Date.now() + 5000));
    expect(fresh(target)).toBeNull();
    const second = await build(target);
    expect(second).not.toBe(first);
    expect(fresh(target)).toBe(second);
    expect(await runBundle(second)).toBe('howdy Tess');

    rmSync(join(dir, 'greeting.ts'));
    expect(fresh(target)).toBeNull();
  });

  it('refuses to build sources that do not compile (the launcher then runs them through tsx)', async () => {
    writeFileSync(join(dir, 'greeting.ts'), 'export const greeting = (;\n');
    await expect(build(target)).rejects.toThrow();
    writeGreeting('hello');
  });
});

describe('npx chartside from its bundle', () => {
  const root = resolve(import.meta.dirname, '..');
  it('answers `help` exactly as the in-process CLI does', async () => {
    const child = spawnSync(process.execPath, [join(root, 'cli', 'chartside.mjs'), 'help'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(child.status).toBe(0);
    const inProcess = await runCli(['help']);
    expect(child.stdout).toBe(inProcess.out);
    expect(freshBundle()).not.toBeNull();
  }, 60_000);
});
