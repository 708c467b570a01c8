/**
 * Every package npm installs from the lockfile is checked against a hash recorded in it. The only
 * entries allowed without one are optional native builds for other platforms, which npm does not
 * record when it never downloaded them and never installs on CI (explained in ARCHITECTURE.md,
 * "Testing and tooling"); each of them must really be such a build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  link?: boolean;
  optional?: boolean;
  dev?: boolean;
  os?: string[];
  cpu?: string[];
}

const lock = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package-lock.json'), 'utf8')) as {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
};

/** Foreign-platform optional builds explained in ARCHITECTURE.md. */
const EXPLAINED = /^node_modules\/@unrs\/resolver-binding-[a-z0-9-]+$/;

describe('package-lock.json', () => {
  const entries = Object.entries(lock.packages).filter(([path, e]) => path !== '' && !e.link);

  it('records a sha512 integrity hash for every package CI installs', () => {
    const unhashed = entries.filter(([, e]) => !e.integrity).map(([path]) => path);
    const unexplained = unhashed.filter((path) => !EXPLAINED.test(path));
    expect(unexplained).toEqual([]);
    for (const [path, e] of entries.filter(([, x]) => x.integrity)) {
      expect(e.integrity, path).toMatch(/^sha512-[A-Za-z0-9+/]+=*$/);
    }
  });

  it('leaves unhashed only optional dev builds for platforms other than linux-x64 (CI)', () => {
    const unhashed = entries.filter(([, e]) => !e.integrity);
    expect(unhashed.length).toBeLessThanOrEqual(17);
    for (const [path, e] of unhashed) {
      expect(e.optional && e.dev, path).toBe(true);
      const linuxX64 = (e.os ?? []).includes('linux') && (e.cpu ?? []).includes('x64');
      expect(linuxX64, path).toBe(false);
    }
  });
});
