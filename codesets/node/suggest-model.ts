/**
 * The suggestion-model step of `chartside codesets build` (Node only): after the code tables are
 * installed, finds the CodiEsp corpus ($CODIESP_DIR, else ../shared/eval/codiesp), mounts it with
 * the installed ICD-10-CM/PCS bundles, the FY2018 GEMs file and the suggestion engine's sources in
 * the layout `codesets/suggest-model/builder.ts` reads, and runs that builder through the same
 * orchestrator as the code tables (cache key, atomic install, previous bundle kept on failure).
 *
 * The model is off by default in the extension and training it is the slowest build step, so the
 * build trains it only on request ({@link suggestModelRequested}: `--model` or
 * `CHARTSIDE_SUGGEST_MODEL=1`); otherwise the step is `skipped` and a model already in the cache
 * is kept. Without the corpus the build still succeeds: the step is reported `skipped` with the
 * exact files to download and where to put them, and suggestions are ranked by the Index alone.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildCodesets, type BuilderReport } from '../build';
import type { ReleaseFile, ReleaseSource } from '../builder';
import { CODIESP_DOWNLOAD, codiespSplitFiles } from '../suggest-model/codiesp';
import { SUGGEST_MODEL_LAYOUT, suggestModelBuilder } from '../suggest-model/builder';
import { blockJson } from '../../engine/bundle/format';
import type { SuggestModel } from '../../engine/suggest/model';
import {
  SUGGEST_MODEL_BLOCK,
  suggestModelFromBundle,
  suggestModelInfo,
  type SuggestModelFit,
  type SuggestModelInfo,
} from '../../engine/suggest/model-bundle';
import { FsBundleStore, readBundleFile, withBuildLock } from './cache';
import { FsReleaseSource } from './fs-source';
import { CACHE_DIR, PROJECT_ROOT } from './source';

/** Outcome of the step: a builder report, or `skipped` with the reason (missing corpus). */
export type SuggestModelReport =
  BuilderReport | { name: 'suggest-model'; status: 'skipped'; ms: 0; bundles: []; message: string };

/** Where the corpus is looked for, in order. */
export function codiespCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const out: string[] = [];
  if (env.CODIESP_DIR) out.push(resolve(env.CODIESP_DIR));
  out.push(resolve(PROJECT_ROOT, '..', 'shared', 'eval', 'codiesp'));
  return out;
}

/** The first candidate folder holding `train/` with its gold files, or `undefined`. */
export function findCodiespCorpus(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return codiespCandidates(env).find(hasTrainSplit);
}

function hasTrainSplit(dir: string): boolean {
  const { textDir, tsv } = codiespSplitFiles('train');
  return (
    existsSync(join(dir, textDir)) &&
    statSync(join(dir, textDir)).isDirectory() &&
    existsSync(join(dir, tsv.D)) &&
    existsSync(join(dir, tsv.P))
  );
}

/** What to download and where, when the corpus is not in any of `candidates`. */
export function missingCorpusMessage(candidates: readonly string[]): string {
  const { textDir, tsv } = codiespSplitFiles('train');
  const first = candidates[0] ?? resolve(PROJECT_ROOT, '..', 'shared', 'eval', 'codiesp');
  return [
    `CodiEsp corpus not found (looked in ${candidates.join(', ')}): no suggestion model is built, so suggestions will use the Index alone.`,
    `To build the model, download the CodiEsp corpus (CC BY 4.0) from ${CODIESP_DOWNLOAD} and put its train split so that these exist:`,
    `  ${join(first, textDir)}*.txt   (the English translations, one file per clinical case)`,
    `  ${join(first, tsv.D)}   (ICD-10-CM gold codes)`,
    `  ${join(first, tsv.P)}   (ICD-10-PCS gold codes)`,
    'or set CODIESP_DIR to the folder that holds train/. Then run: npx chartside codesets build',
  ].join('\n');
}

/** A read-only view of several sources under path prefixes (the builder's layout). */
export class MountedSource implements ReleaseSource {
  readonly description: string;
  constructor(
    private readonly mounts: readonly { prefix: string; source: ReleaseSource; keep?: (path: string) => boolean }[],
  ) {
    this.description = mounts.map((m) => `${m.prefix || '.'}=${m.source.description}`).join(', ');
  }

  list(): string[] {
    return this.mounts
      .flatMap((m) =>
        m.source
          .list()
          .filter((p) => m.keep?.(p) ?? true)
          .map((p) => m.prefix + p),
      )
      .sort();
  }

  /** Path on disk (or in the mounted source) of a mounted path, when it is in one of the mounts. */
  realPath(path: string): string | undefined {
    const m = this.mounts.find((x) => path.startsWith(x.prefix));
    return m ? `${m.source.description}/${path.slice(m.prefix.length)}` : undefined;
  }

  read(path: string): ReleaseFile {
    const m = this.mounts.find((x) => path.startsWith(x.prefix) && (x.keep?.(path.slice(x.prefix.length)) ?? true));
    if (!m) throw new Error(`${path} is not in ${this.description}`);
    const file = m.source.read(path.slice(m.prefix.length));
    return { ...file, path };
  }
}

/** How a user asks the build for the suggestion model (said in the skip message). */
export const SUGGEST_MODEL_REQUEST = 'npm run codesets -- --model (or CHARTSIDE_SUGGEST_MODEL=1)';

/**
 * Whether `codesets build` should train the suggestion model: the `--model` flag, or
 * `CHARTSIDE_SUGGEST_MODEL` set to `1`/`true` (how `npm run build:e2e` asks for it).
 */
export function suggestModelRequested(flag: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  const v = env.CHARTSIDE_SUGGEST_MODEL?.trim().toLowerCase();
  return flag || v === '1' || v === 'true';
}

/** Options of {@link buildSuggestModelStep}. */
export interface SuggestModelStepOptions {
  /** Folder of the official release files (for the FY2018 GEMs file). */
  sourceDir: string;
  cacheDir?: string;
  /** Corpus root (holding `train/`); default {@link findCodiespCorpus}(). */
  corpusDir?: string;
  force?: boolean;
  log?: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  /**
   * Whether to train the model (default true). When false the step does nothing but report
   * `skipped`, keeping any model already installed, and says how to request it.
   */
  requested?: boolean;
  /**
   * Sources of the suggestion engine whose bytes are part of the cache key (a changed engine
   * refits the calibration); default `engine/suggest`, `null` for none (tests in a shared tree).
   */
  trainerDir?: string | null;
}

/**
 * Builds (or keeps, when its inputs did not change) the suggestion-model bundle in the cache.
 * Never throws for a missing corpus or a failed training: see the report.
 */
export async function buildSuggestModelStep(opts: SuggestModelStepOptions): Promise<SuggestModelReport> {
  if (opts.requested === false) {
    const store = new FsBundleStore(opts.cacheDir ?? CACHE_DIR);
    const kept = store.readManifest()?.bundles.filter((h) => h.system === 'suggest-model') ?? [];
    const message = kept.length
      ? `not requested: the installed ${kept.map((h) => h.id).join(', ')} is kept (retrain: ${SUGGEST_MODEL_REQUEST})`
      : `not requested (the model is off by default): build it with ${SUGGEST_MODEL_REQUEST}`;
    return { name: 'suggest-model', status: 'skipped', ms: 0, bundles: [], message };
  }
  const candidates = opts.corpusDir ? [resolve(opts.corpusDir)] : codiespCandidates(opts.env);
  const corpusDir = opts.corpusDir
    ? hasTrainSplit(opts.corpusDir)
      ? opts.corpusDir
      : undefined
    : findCodiespCorpus(opts.env);
  const log = opts.log ?? (() => undefined);
  const store = new FsBundleStore(opts.cacheDir ?? CACHE_DIR);
  if (!corpusDir) {
    const kept = store.readManifest()?.bundles.filter((h) => h.system === 'suggest-model') ?? [];
    const message = kept.length
      ? `CodiEsp corpus not found (looked in ${candidates.join(', ')}): the previously built ${kept.map((h) => h.id).join(', ')} is kept unchanged.`
      : missingCorpusMessage(candidates);
    log(`suggest-model: ${message}`);
    return { name: 'suggest-model', status: 'skipped', ms: 0, bundles: [], message };
  }
  return withBuildLock(store.dir, async () => {
    // Only the code-table bundles the manifest lists (never a stale or half-written file).
    const listed = new Set(
      (store.readManifest()?.bundles ?? [])
        .filter((h) => h.system === 'icd10cm' || h.system === 'icd10pcs')
        .map((h) => `${h.id}.csb`),
    );
    const trainerDir = opts.trainerDir === undefined ? join(PROJECT_ROOT, 'engine', 'suggest') : opts.trainerDir;
    const source = new MountedSource([
      {
        prefix: SUGGEST_MODEL_LAYOUT.corpus,
        source: new FsReleaseSource(corpusDir),
        keep: (p) => p.startsWith('train/'),
      },
      {
        prefix: SUGGEST_MODEL_LAYOUT.installed,
        source: new FsReleaseSource(store.bundlesDir),
        keep: (p) => listed.has(p),
      },
      // Without a gems/ folder nothing is mounted and the builder names the missing GEMs file.
      ...(existsSync(join(opts.sourceDir, 'gems'))
        ? [
            {
              prefix: 'gems/',
              source: new FsReleaseSource(join(opts.sourceDir, 'gems')),
              keep: (p: string) => `gems/${p}` === SUGGEST_MODEL_LAYOUT.gems,
            },
          ]
        : []),
      ...(trainerDir !== null && existsSync(trainerDir)
        ? [
            {
              prefix: SUGGEST_MODEL_LAYOUT.trainer,
              source: new FsReleaseSource(trainerDir),
              keep: (p: string) => /^[^/]+\.ts$/.test(p) && !p.endsWith('.test.ts'),
            },
          ]
        : []),
    ]);
    const [report] = await buildCodesets({
      builders: [suggestModelBuilder],
      source,
      store,
      ...(opts.force ? { force: true } : {}),
      log,
      cpuNow: () => {
        const u = process.cpuUsage();
        return (u.user + u.system) / 1000;
      },
    });
    // Name the file on disk, not its mounted path, in a failure.
    const file = report?.error?.file;
    const real = file === undefined ? undefined : source.realPath(file);
    if (report?.error && file !== undefined && real !== undefined) {
      report.error = { ...report.error, file: real, message: report.error.message.replace(file, real) };
    }
    return report!;
  });
}

/** A model read from the cache, with the bundle it came from and how it was fitted. */
export interface CachedSuggestModel {
  model: SuggestModel;
  info: SuggestModelInfo;
  fit: SuggestModelFit | undefined;
  /** sha256 of the bundle file (what `--model cache` evaluated). */
  sha256: string;
  path: string;
}

/**
 * The newest suggestion model installed in the cache, or `undefined` when none is built.
 *
 * @throws ChartsideSuggestModelError (or ChartsideBundleFormatError) when the bundle is malformed:
 *   callers say so and go on with the Index alone.
 */
export function loadCachedSuggestModel(cacheDir: string = CACHE_DIR): CachedSuggestModel | undefined {
  const store = new FsBundleStore(cacheDir);
  const header = (store.readManifest()?.bundles ?? [])
    .filter((h) => h.system === 'suggest-model')
    .sort((a, b) => b.fiscalYear - a.fiscalYear)[0];
  if (!header) return undefined;
  const path = store.bundlePath(header.id);
  const bytes = readFileSync(path);
  const reader = readBundleFile(path);
  const model = suggestModelFromBundle(reader);
  let fit: SuggestModelFit | undefined;
  if (reader.has(SUGGEST_MODEL_BLOCK.fit)) fit = blockJson<SuggestModelFit>(reader.bytes(SUGGEST_MODEL_BLOCK.fit));
  return {
    model,
    info: suggestModelInfo(header.id, model),
    fit,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    path,
  };
}
