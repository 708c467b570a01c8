import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChartsideBuildRewriteError, rewriteModule } from './no-dynamic-code';

const ROOT = join(import.meta.dirname, '..', '..');
const lib = (path: string): [string, string] => {
  const id = join(ROOT, 'node_modules', path);
  return [id, readFileSync(id, 'utf8')];
};

describe('build rewrite: no Function constructor, no raw-HTML sink', () => {
  it.each(['zod/v4/core/util.js', 'zod/v4/core/doc.js', 'zod/v4/core/compile.js'])(
    'removes the Function constructor from %s',
    (path) => {
      const [id, code] = lib(path);
      expect(code).toMatch(/=\s*Function;/);
      // Code only: the library's comments mention `new Function`.
      const out = rewriteModule(id, code)!
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\/\/.*$/gm, '');
      expect(out).not.toMatch(/=\s*Function\s*;|new F\(|new Function|\bFunction\(/);
    },
  );

  it("removes Preact's innerHTML assignment and keeps the rest", () => {
    const [id, code] = lib('preact/dist/preact.module.js');
    const out = rewriteModule(id, code)!;
    expect(out).not.toMatch(/\.innerHTML=[a-z]\.__html/);
    expect(out.length).toBeGreaterThan(code.length - 200);
  });

  it('fails the build when a library no longer has the code it removes, and leaves other modules alone', () => {
    expect(() => rewriteModule('/x/node_modules/zod/v4/core/doc.js', 'export class Doc {}')).toThrow(
      ChartsideBuildRewriteError,
    );
    expect(rewriteModule('/x/node_modules/other/index.js', 'new Function("")')).toBeUndefined();
  });
});
