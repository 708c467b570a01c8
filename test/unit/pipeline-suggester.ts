/**
 * The suggester the whole-pipeline suites run their synthetic charts through (`suggestAbstract`),
 * built from the code tables and the suggestion lexicon `npm run codesets` installed, as the CLI
 * builds it.
 */
import { loadSuggestTables, type SuggestTables } from '../../cli/commands/suggest';
import { Suggester } from '../../engine/suggest';
import type { AbstractResult } from '../../engine/suggest/pipeline';

/** A suggester and the tables it reads (for the sequencing and POA stages). */
export interface PipelineSuggester {
  suggester: Suggester;
  tables: SuggestTables;
}

/**
 * Loads the installed tables and builds the suggester; call it in a `beforeAll`.
 *
 * @example beforeAll(async () => ({ suggester } = await loadPipelineSuggester()));
 */
export async function loadPipelineSuggester(): Promise<PipelineSuggester> {
  const tables = await loadSuggestTables();
  return { suggester: new Suggester(tables.cm, tables.pcs, tables.lexicon), tables };
}

/** The ICD-10-CM codes of an abstract's "Report" tier (what a coder would report), in its order. */
export function reportedCodes(result: AbstractResult): string[] {
  return result.candidates.filter((x) => x.system === 'cm' && x.tier === 'report').map((x) => x.code);
}
