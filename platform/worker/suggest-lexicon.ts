/**
 * The suggestion lexicon inside the engine worker: the installed `suggest-lexicon-<FY>` bundle
 * built from the very tables in use (same bundle ids and sha256), decoded once per pair of
 * releases, instead of building it from the tables (seconds to tens of seconds in a browser).
 *
 * The bundle's guideline tables (engine/suggest/guideline-tables.ts) come with it: read with the
 * lexicon, they spare the first suggestion the Index walks that build them.
 *
 * Without such a bundle (a user imported another release), or when it is refused (another
 * format), the lexicon is built from the tables as before and the response says why it took long.
 */
import { blockJson } from '../../engine/bundle/format';
import type { GuidelineTablesData } from '../../engine/suggest/guideline-tables';
import {
  decodeGuidelineTables,
  decodeLexicon,
  lexiconFits,
  parseLexiconMeta,
  SUGGEST_LEXICON_BLOCK,
} from '../../engine/suggest/lexicon-bundle';
import type { SuggestLexicon } from '../../engine/suggest/lexicon';
import { readBlocks, type ReleaseRow } from '../db';
import type { EngineContext } from './context';
import { inflateIndexBlock } from './search-bundle';

/**
 * Outcome of {@link SuggestLexiconLoader}: the shipped lexicon with its guideline tables (or why
 * they could not be read: the rules then build them from the table), or why there is no lexicon
 * (the caller builds one).
 */
export type LexiconChoice =
  | ({ lexicon: SuggestLexicon; id: string } & (
      | { guidelines: GuidelineTablesData; guidelinesReason?: undefined }
      | { guidelines?: undefined; guidelinesReason: string }
    ))
  | { lexicon?: undefined; reason: string };

export type SuggestLexiconLoader = (cm: ReleaseRow, pcs: ReleaseRow | undefined) => Promise<LexiconChoice>;

/** Returns the loader (each installed lexicon bundle is decoded at most once). */
export function suggestLexiconLoader(ctx: EngineContext): SuggestLexiconLoader {
  const decoded = new Map<string, Promise<LexiconChoice>>();
  return async (cm, pcs) => {
    const rows = (await ctx.releases()).filter((r) => r.system === 'suggest-lexicon');
    if (rows.length === 0) return { reason: 'no suggestion lexicon is installed' };
    // The same fiscal year first; any installed lexicon built from these tables would do.
    rows.sort((a, b) => Number(b.fiscalYear === cm.fiscalYear) - Number(a.fiscalYear === cm.fiscalYear));
    const refusals: string[] = [];
    for (const row of rows) {
      const key = `${row.id}:${row.sha256}|${cm.id}:${cm.sha256}|${pcs ? `${pcs.id}:${pcs.sha256}` : '-'}`;
      let hit = decoded.get(key);
      if (!hit) {
        hit = (async (): Promise<LexiconChoice> => {
          try {
            const blocks = await readBlocks(ctx.db, row.id);
            const metaGz = blocks.get(SUGGEST_LEXICON_BLOCK.meta);
            const lexGz = blocks.get(SUGGEST_LEXICON_BLOCK.lexicon);
            if (!metaGz || !lexGz) return { reason: `${row.id} lacks its blocks` };
            // The installer verified the bundle (file sha256 or every block) before storing it.
            const meta = parseLexiconMeta(row.id, blockJson<unknown>(await inflateIndexBlock(metaGz)));
            if (!lexiconFits(meta, cm, pcs)) return { reason: `${row.id} was built from other tables` };
            const lexicon = decodeLexicon(row.id, meta, await inflateIndexBlock(lexGz));
            const guidelinesGz = blocks.get(SUGGEST_LEXICON_BLOCK.guidelines);
            if (!guidelinesGz) return { lexicon, id: row.id, guidelinesReason: `${row.id} lacks its guideline tables` };
            try {
              return {
                lexicon,
                id: row.id,
                guidelines: decodeGuidelineTables(row.id, await inflateIndexBlock(guidelinesGz)),
              };
            } catch (error) {
              return { lexicon, id: row.id, guidelinesReason: error instanceof Error ? error.message : String(error) };
            }
          } catch (error) {
            return { reason: error instanceof Error ? error.message : String(error) };
          }
        })();
        decoded.set(key, hit);
      }
      const choice = await hit;
      if (choice.lexicon) return choice;
      refusals.push(choice.reason);
    }
    return { reason: refusals.join('; ') };
  };
}
