/** A {@link ReleaseSource} over text files held in memory, for builder tests on synthetic releases. */
import { sha256Hex } from '../../engine/bundle/sha256';
import type { ReleaseFile, ReleaseSource } from '../builder';

/** Release files by path (`system/FYyyyy/name`), each given as its text (encoded as UTF-8). */
export class MemorySource implements ReleaseSource {
  constructor(
    readonly files: Map<string, string>,
    readonly description = 'synthetic miniature release',
  ) {}

  list(): string[] {
    return [...this.files.keys()].sort();
  }

  read(path: string): ReleaseFile {
    const text = this.files.get(path);
    if (text === undefined) throw new Error(`no ${path}`);
    const bytes = new TextEncoder().encode(text);
    return { path, name: path.split('/').pop()!, bytes, sha256: sha256Hex(bytes) };
  }
}
