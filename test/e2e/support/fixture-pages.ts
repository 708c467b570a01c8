/**
 * Serves the synthetic EHR pages (test/fixtures/ehr/) together with pages a test writes itself,
 * from a temporary copy, so no test ever writes into the fixture folder. `close()` stops the
 * server and removes the copy.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EHR_FIXTURES } from './paths';
import { startStaticServer, type StaticServer } from './static-server';

/**
 * @param extraPages file name -> HTML written beside the fixture pages.
 * @example const server = await serveFixturePages({ 'gap-note.html': html }); server.url('gap-note.html')
 */
export async function serveFixturePages(extraPages: Record<string, string> = {}): Promise<StaticServer> {
  const dir = mkdtempSync(join(tmpdir(), 'chartside-fixtures-'));
  try {
    for (const f of readdirSync(EHR_FIXTURES))
      if (f.endsWith('.html')) copyFileSync(join(EHR_FIXTURES, f), join(dir, f));
    for (const [name, html] of Object.entries(extraPages)) writeFileSync(join(dir, name), html);
    const server = await startStaticServer(dir);
    return {
      ...server,
      close: async () => {
        try {
          await server.close();
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
