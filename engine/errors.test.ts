import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChartsideError, isChartsideError } from './errors';

const ROOT = resolve(import.meta.dirname, '..');
const SHIPPED = ['engine', 'codesets', 'platform', 'components', 'cli', 'entrypoints'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('ChartsideError', () => {
  class ChartsideProbeError extends ChartsideError {
    override name = 'ChartsideProbeError';
  }

  it('is an Error whose subclasses keep their own name', () => {
    const error = new ChartsideProbeError('table missing');
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(ChartsideError);
    expect(error.name).toBe('ChartsideProbeError');
    expect(isChartsideError(error)).toBe(true);
  });

  it('is recognised by name after the worker boundary, where only name and message survive', () => {
    const crossed = Object.assign(new Error('table missing'), { name: 'ChartsideProbeError' });
    expect(isChartsideError(crossed)).toBe(true);
    expect(isChartsideError(new TypeError('x is undefined'))).toBe(false);
    expect(isChartsideError('ChartsideProbeError')).toBe(false);
  });

  it('is the base of every error class the shipped code declares, each named Chartside...', () => {
    const offenders: string[] = [];
    for (const file of SHIPPED.flatMap((dir) => sources(join(ROOT, dir)))) {
      const text = readFileSync(file, 'utf8');
      for (const [, cls, name] of text.matchAll(
        /class (\w+) extends \w*Error\b[^{]*\{\s*(?:override )?name = '([^']*)'/g,
      )) {
        if (!name?.startsWith('Chartside')) offenders.push(`${relative(ROOT, file)}: ${cls} is named "${name}"`);
      }
      for (const [, cls] of text.matchAll(/class (\w+) extends Error\b/g)) {
        if (cls !== 'ChartsideError') offenders.push(`${relative(ROOT, file)}: ${cls} extends Error`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
