/**
 * A {@link ReleaseSource} over a folder on disk laid out like `shared/codesets` (Node only).
 * Symbolic links are followed, so a test tree can link to the real files.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ReleaseFile, ReleaseSource } from '../builder';

/** Reads release files from `root`. File bytes and hashes are cached for the object's lifetime. */
export class FsReleaseSource implements ReleaseSource {
  readonly description: string;
  private files?: string[];
  private readonly cache = new Map<string, ReleaseFile>();

  constructor(readonly root: string) {
    this.description = root;
  }

  list(): string[] {
    if (!this.files) {
      const out: string[] = [];
      const walk = (dir: string): void => {
        for (const name of readdirSync(dir)) {
          if (name.startsWith('.')) continue;
          const full = join(dir, name);
          const st = statSync(full);
          if (st.isDirectory()) walk(full);
          else if (st.isFile()) out.push(relative(this.root, full).split(sep).join('/'));
        }
      };
      walk(this.root);
      this.files = out.sort();
    }
    return this.files;
  }

  read(path: string): ReleaseFile {
    const hit = this.cache.get(path);
    if (hit) return hit;
    const buffer = readFileSync(join(this.root, ...path.split('/')));
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    // node:crypto here (not the engine's portable sha256) because cache checks hash ~100 MB.
    const file: ReleaseFile = {
      path,
      name: path.split('/').pop()!,
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    };
    this.cache.set(path, file);
    return file;
  }
}
