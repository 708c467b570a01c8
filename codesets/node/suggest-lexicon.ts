/**
 * The suggestion-lexicon step of `chartside codesets build` (Node only), and the CLI's loader.
 *
 * The step mounts the installed ICD-10-CM and ICD-10-PCS bundles and the engine sources the
 * lexicon is built by (every file `buildLexicon` and the table classes reach through value
 * imports, {@link lexiconSourceFiles}) in the layout `codesets/suggest-lexicon/builder.ts` reads,
 * and runs that builder through the same orchestrator as the code tables (cache key, atomic
 * install, previous bundle kept on failure). A change to those sources or tables rebuilds it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { buildCodesets, cacheKeyOf, type BuilderReport } from '../build';
import { SUGGEST_LEXICON_LAYOUT, suggestLexiconBuilder } from '../suggest-lexicon/builder';
import type { GuidelineTablesData } from '../../engine/suggest/guideline-tables';
import {
  guidelineTablesFromBundle,
  lexiconFits,
  lexiconFromBundle,
  lexiconMeta,
} from '../../engine/suggest/lexicon-bundle';
import type { SuggestLexicon } from '../../engine/suggest/lexicon';
import { FsBundleStore, readBundleFile, withBuildLock } from './cache';
import { FsReleaseSource } from './fs-source';
import { CACHE_DIR, PROJECT_ROOT } from './source';
import { MountedSource } from './suggest-model';

/**
 * Engine files whose code builds the lexicon and the guideline tables or writes their bundle (the
 * roots of {@link lexiconSourceFiles}; guideline-tables.ts imports the three table builders).
 */
const ROOTS = [
  'suggest/lexicon.ts',
  'suggest/lexicon-bundle.ts',
  'suggest/guideline-tables.ts',
  'icd10cm/table.ts',
  'icd10pcs/pcs-table.ts',
];

/**
 * Paths (relative to `engineDir`, `/`-separated, sorted) of the engine sources reachable from the
 * lexicon builder through value imports (`import type` changes no output and is not followed).
 */
export function lexiconSourceFiles(engineDir: string = join(PROJECT_ROOT, 'engine')): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    const re = /^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+'(\.[^']+)'/gm;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const base = resolve(dirname(file), m[1]!);
      const target = [`${base}.ts`, join(base, 'index.ts'), base].find((p) => p.endsWith('.ts') && existsSync(p));
      if (target && target.startsWith(engineDir + sep)) visit(target);
    }
  };
  for (const r of ROOTS) visit(join(engineDir, ...r.split('/')));
  return [...seen].map((f) => relative(engineDir, f).split(sep).join('/')).sort();
}

/** Options of {@link buildSuggestLexiconStep}. */
export interface SuggestLexiconStepOptions {
  cacheDir?: string;
  force?: boolean;
  log?: (line: string) => void;
  /** Engine sources that are part of the cache key; default `engine/`, `null` for none (tests). */
  engineDir?: string | null;
}

/**
 * Builds (or keeps, when its inputs did not change) the `suggest-lexicon-<FY>` bundles in the
 * cache. Never throws for a failed build: see the report.
 */
export async function buildSuggestLexiconStep(opts: SuggestLexiconStepOptions = {}): Promise<BuilderReport> {
  const store = new FsBundleStore(opts.cacheDir ?? CACHE_DIR);
  return withBuildLock(store.dir, async () => {
    const [report] = await buildCodesets({
      builders: [suggestLexiconBuilder],
      source: lexiconInputs(store, opts.engineDir),
      store,
      ...(opts.force ? { force: true } : {}),
      ...(opts.log ? { log: opts.log } : {}),
      cpuNow: () => {
        const u = process.cpuUsage();
        return (u.user + u.system) / 1000;
      },
    });
    return report!;
  });
}

/** The builder's inputs in the cache: the installed CM/PCS bundles and the lexicon's engine sources. */
function lexiconInputs(store: FsBundleStore, engineDirOption: string | null | undefined): MountedSource {
  // Only the code-table bundles the manifest lists (never a stale or half-written file).
  const listed = new Set(
    (store.readManifest()?.bundles ?? [])
      .filter((h) => h.system === 'icd10cm' || h.system === 'icd10pcs')
      .map((h) => `${h.id}.csb`),
  );
  const engineDir = engineDirOption === undefined ? join(PROJECT_ROOT, 'engine') : engineDirOption;
  const sources = engineDir !== null && existsSync(engineDir) ? new Set(lexiconSourceFiles(engineDir)) : undefined;
  return new MountedSource([
    {
      prefix: SUGGEST_LEXICON_LAYOUT.installed,
      source: new FsReleaseSource(store.bundlesDir),
      keep: (p) => listed.has(p),
    },
    ...(engineDir !== null && sources
      ? [
          {
            prefix: SUGGEST_LEXICON_LAYOUT.engine,
            source: new FsReleaseSource(engineDir),
            keep: (p: string) => sources.has(p),
          },
        ]
      : []),
  ]);
}

/**
 * Why the cached lexicon bundles are not those the step would build now (another builder version,
 * changed tables or lexicon sources), or `undefined` when they are current. Hashes the inputs
 * (tens of ms), builds nothing.
 */
export function staleLexiconReason(opts: SuggestLexiconStepOptions = {}): string | undefined {
  const store = new FsBundleStore(opts.cacheDir ?? CACHE_DIR);
  const entry = store.readManifest()?.builders.find((b) => b.name === suggestLexiconBuilder.name);
  if (!entry) return 'no suggestion lexicon has been built';
  const source = lexiconInputs(store, opts.engineDir);
  const inputs = suggestLexiconBuilder.inputs(source).map((path) => ({ path, sha256: source.read(path).sha256 }));
  if (cacheKeyOf(suggestLexiconBuilder, inputs) === entry.cacheKey) return undefined;
  const before = new Map(entry.inputs.map((x) => [x.path, x.sha256]));
  const changed = inputs.filter((x) => before.get(x.path) !== x.sha256).map((x) => x.path);
  return changed.length > 0
    ? `its inputs changed since it was built (${changed.slice(0, 3).join(', ')}${changed.length > 3 ? ', ...' : ''})`
    : 'it was built by another version of its builder';
}

/**
 * A lexicon read from the cache with its guideline tables (or why they could not be read: the
 * caller lets the rules build them from the table and says so), or why no lexicon could be used.
 */
export type CachedLexicon =
  | ({ lexicon: SuggestLexicon; id: string } & (
      | { guidelines: GuidelineTablesData; guidelinesReason?: undefined }
      | { guidelines?: undefined; guidelinesReason: string }
    ))
  | { lexicon?: undefined; reason: string };

/**
 * The cached lexicon built from exactly these table bundles (ids and file sha256) by the current
 * lexicon sources ({@link staleLexiconReason}). Builds nothing: `npx chartside codesets build`
 * does (a CLI command or a test must not stall for a minute rebuilding every year).
 *
 * Never throws for a missing, stale or unreadable lexicon: the reason is returned (naming the
 * command that fixes it), and the caller builds the lexicon from the tables and says so.
 */
export async function loadCachedLexicon(
  cm: { id: string; sha256: string },
  pcs: { id: string; sha256: string } | undefined,
  opts: SuggestLexiconStepOptions = {},
): Promise<CachedLexicon> {
  const store = new FsBundleStore(opts.cacheDir ?? CACHE_DIR);
  const stale = staleLexiconReason(opts);
  if (stale) return { reason: `${stale}; rebuild it: npx chartside codesets build` };
  const fy = /-(\d{4})$/.exec(cm.id)?.[1];
  const id = `suggest-lexicon-${fy ?? '?'}`;
  if (!(store.readManifest()?.bundles ?? []).some((h) => h.id === id) || !existsSync(store.bundlePath(id)))
    return { reason: `no ${id} bundle in ${store.dir}; build it: npx chartside codesets build` };
  try {
    const reader = readBundleFile(store.bundlePath(id));
    if (!lexiconFits(lexiconMeta(reader), cm, pcs))
      return { reason: `${id} was built from other tables than ${[cm.id, pcs?.id].filter(Boolean).join(' and ')}` };
    const lexicon = lexiconFromBundle(reader);
    try {
      return { lexicon, id, guidelines: guidelineTablesFromBundle(reader) };
    } catch (error) {
      return { lexicon, id, guidelinesReason: error instanceof Error ? error.message : String(error) };
    }
  } catch (error) {
    return { reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * {@link loadCachedLexicon} for installed table bundles named by id (e.g. `icd10cm-2026`,
 * `icd10pcs-2026`): their file sha256 are read from the cache.
 *
 * @example const cached = await loadCachedLexiconFor('icd10cm-2026', 'icd10pcs-2026');
 */
export async function loadCachedLexiconFor(
  cmId: string,
  pcsId: string | undefined,
  opts: SuggestLexiconStepOptions = {},
): Promise<CachedLexicon> {
  const store = new FsBundleStore(opts.cacheDir ?? CACHE_DIR);
  const file = (id: string): { id: string; sha256: string } | undefined => {
    const path = store.bundlePath(id);
    return existsSync(path) ? { id, sha256: createHash('sha256').update(readFileSync(path)).digest('hex') } : undefined;
  };
  const cm = file(cmId);
  if (!cm) return { reason: `${cmId} is not installed in ${store.dir}` };
  const pcs = pcsId === undefined ? undefined : file(pcsId);
  if (pcsId !== undefined && !pcs) return { reason: `${pcsId} is not installed in ${store.dir}` };
  return loadCachedLexicon(cm, pcs, opts);
}
