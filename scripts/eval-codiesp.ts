/**
 * `npm run eval:codiesp -- --split dev [--model cache] [--no-rerank] [--no-calibration] [--no-learned]
 *  [--limit N] [--dump file.tsv] [--save-model file.json]`
 *
 * Evaluates the suggestion engine on the CodiEsp corpus (English translations of the clinical
 * cases; gold ICD-10-CM "D" and ICD-10-PCS "P" codes, FY2018). Corpus: Miranda-Escalada A.,
 * Gonzalez-Agirre A., Armengol-Estapé J., Krallinger M., "Overview of automatic clinical coding:
 * annotations, guidelines, and solutions for non-English clinical cases at CodiEsp track of CLEF
 * eHealth 2020", CEUR-WS Vol-2696, paper 263; data CC BY 4.0. The evaluated split is read from
 * $CODIESP_DIR (another collection with the same layout: `<split>/text_files_en/*.txt`,
 * `<split>/<split>D.tsv`, `<split>/<split>P.tsv`), else ../shared/eval/codiesp; the model is
 * trained on that collection's `train/` split, or on ../shared/eval/codiesp/train when it has none.
 *
 * Metrics: MAP as in the official CodiEsp script (see engine/suggest/eval-metrics.ts), plus
 * micro P/R/F1 of the codes at or above the side panel's display threshold, at code level and at
 * category level (3 characters ICD-10-CM, 4 characters ICD-10-PCS).
 *
 * Code versions: the engine suggests codes of the installed fiscal year (FY2026 tables, FY2017
 * Index); the gold is FY2018. A suggested code that does not exist in FY2018 (e.g. N18.32, created
 * FY2021) is compared through its nearest FY2018 ancestor (N18.3); the FY2018 code list is read
 * from the official FY2018 GEMs file (../shared/codesets/gems/FY2018/Dxgem_2018.zip).
 *
 * What runs (default): the collection's conventions (CODIESP_FIT_OPTIONS: negated findings kept at
 * x0.8, general codes beside specific ones at x0.9; factors chosen on a train hold-out), and the
 * suggestion model (engine/suggest/model.ts) trained on the TRAIN split in-process: word->code
 * associations add candidates, then boosted trees re-rank every candidate from cross-fitted
 * features (engine score and evidence context, associations, the engine's per-code precision on
 * train, gold-code frequencies, votes of the 10 nearest train documents). The model is evaluated
 * through its encoded form, as the bundle ships it; `--model cache` scores the built bundle itself.
 * The dev split is never used for fitting. Ablations: `--no-rerank` (associations + calibration,
 * score x (0.2 + train precision)), `--no-learned --no-calibration` (the Index/Tabular engine
 * alone, what the extension ranks with by default), RERANKER=linear (logistic regression instead
 * of trees). Knobs for tuning on `--split train-holdout` (fit on 400 train documents, score the
 * other 100): DEMOTE_WEIGHT, DOMINATED_WEIGHT, CAL_BASE, LEARN_WEIGHT, LEARN_MIN_P,
 * LEARN_MIN_SUPPORT, LEARN_PER_FEATURE.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSuggestTables } from '../cli/commands/suggest';
import { FsReleaseSource } from '../codesets/node/fs-source';
import { findCodesetsSource } from '../codesets/node/source';
import {
  codiespCandidates,
  findCodiespCorpus,
  loadCachedSuggestModel,
  missingCorpusMessage,
} from '../codesets/node/suggest-model';
import {
  fy2018CmCodes as readFy2018CmCodes,
  FY2018_GEMS_PATH,
  CODIESP_FIT_OPTIONS,
  codiespNotation,
  codiespSplitFiles,
  codiespTrainingDocuments,
  codiespTrainOptions,
  readCodiespSplit,
  toCodiespCm,
  type CmNotation,
} from '../codesets/suggest-model/codiesp';
import { Suggester, DISPLAY_THRESHOLD, type SuggestOptions, type SuggestResult } from '../engine/suggest';
import {
  decodeSuggestModel,
  encodeSuggestModel,
  suggestWithModel,
  trainSuggestModel,
  withSuggestModel,
  type SuggestModel,
} from '../engine/suggest/model';
import { meanAveragePrecision, microPrf } from '../engine/suggest/eval-metrics';

/** `train-holdout`: fit on the first 400 train documents, evaluate on the last 100 (for tuning). */
type Split = 'train' | 'dev' | 'test' | 'train-holdout';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

// Corpus reading and the FY2018 gold form are shared with the model build (codesets/suggest-model/codiesp.ts).
/**
 * Folder a split is read from. The evaluated split comes from $CODIESP_DIR when it is set (never
 * silently from another collection); the training split may come from the next candidate
 * (../shared/eval/codiesp) when the evaluated collection has none, and the run says so.
 */
function corpusDir(split: Exclude<Split, 'train-holdout'>): string {
  const candidates = codiespCandidates();
  const has = (dir: string): boolean => existsSync(join(dir, codiespSplitFiles(split).textDir));
  if (split !== 'train' && process.env.CODIESP_DIR) {
    const dir = candidates[0]!;
    if (!has(dir)) throw new Error(`CODIESP_DIR=${dir} has no ${codiespSplitFiles(split).textDir} folder`);
    return dir;
  }
  const dir = split === 'train' ? findCodiespCorpus() : candidates.find(has);
  if (!dir) throw new Error(missingCorpusMessage(candidates));
  if (dir !== candidates[0]) process.stderr.write(`note: the ${split} split is read from ${dir}\n`);
  return dir;
}

interface SplitData {
  texts: Map<string, string>;
  gold: { D: Map<string, Set<string>>; P: Map<string, Set<string>> };
}

function loadSplit(split: Exclude<Split, 'train-holdout'>): SplitData {
  return readCodiespSplit(new FsReleaseSource(corpusDir(split)), split);
}

/** FY2018 ICD-10-CM codes (undotted, upper case) from the official FY2018 GEMs file. */
function fy2018CmCodes(): Set<string> {
  return readFy2018CmCodes(new FsReleaseSource(findCodesetsSource()).read(FY2018_GEMS_PATH));
}

interface Ranked {
  code: string;
  score: number;
}

function run(
  suggest: (text: string) => SuggestResult,
  data: SplitData,
  fy2018: Set<string>,
  notation: CmNotation,
): { D: Map<string, Ranked[]>; P: Map<string, Ranked[]>; ms: number[] } {
  const D = new Map<string, Ranked[]>();
  const P = new Map<string, Ranked[]>();
  const ms: number[] = [];
  for (const [doc, text] of data.texts) {
    const t0 = performance.now();
    const r = suggest(text);
    ms.push(performance.now() - t0);
    const dx: Ranked[] = [];
    const seen = new Set<string>();
    for (const s of r.diagnoses) {
      const c = toCodiespCm(s.code, fy2018, notation);
      if (seen.has(c)) continue;
      seen.add(c);
      dx.push({ code: c, score: s.score });
    }
    D.set(doc, dx);
    P.set(
      doc,
      r.procedures.map((s) => ({ code: s.code.toLowerCase(), score: s.score })),
    );
  }
  return { D, P, ms };
}

function report(
  name: string,
  runs: Map<string, Ranked[]>,
  gold: Map<string, Set<string>>,
  docs: Iterable<string>,
  catLen: number,
): Record<string, number> {
  const goldAll = new Map<string, Set<string>>();
  for (const d of docs) goldAll.set(d, gold.get(d) ?? new Set());
  // Documents without any gold code of this kind have nothing to rank: MAP is over gold documents.
  const goldDocs = new Map([...goldAll].filter(([, s]) => s.size > 0));
  const ranked = new Map([...runs].map(([d, l]) => [d, l.map((x) => x.code)]));
  const shown = new Map(
    [...runs].map(([d, l]) => [d, new Set(l.filter((x) => x.score >= DISPLAY_THRESHOLD).map((x) => x.code))]),
  );
  const cat = (s: Set<string>): Set<string> => new Set([...s].map((c) => c.replace('.', '').slice(0, catLen)));
  const prf = microPrf(shown, goldAll);
  const prfCat = microPrf(
    new Map([...shown].map(([d, s]) => [d, cat(s)])),
    new Map([...goldAll].map(([d, s]) => [d, cat(s)])),
  );
  const out = {
    MAP: meanAveragePrecision(ranked, goldDocs),
    precision: prf.precision,
    recall: prf.recall,
    f1: prf.f1,
    categoryPrecision: prfCat.precision,
    categoryRecall: prfCat.recall,
    categoryF1: prfCat.f1,
    goldDocuments: goldDocs.size,
  };
  const f = (x: number): string => x.toFixed(3);
  process.stdout.write(
    `${name.padEnd(12)} MAP ${f(out.MAP)}  P ${f(out.precision)} R ${f(out.recall)} F1 ${f(out.f1)}  | category (${catLen} chars) P ${f(out.categoryPrecision)} R ${f(out.categoryRecall)} F1 ${f(out.categoryF1)}  (${goldDocs.size} docs)\n`,
  );
  return out;
}

async function main(): Promise<void> {
  const split = (arg('split') ?? 'dev') as Split;
  if (!['train', 'dev', 'test', 'train-holdout'].includes(split))
    throw new Error('--split must be train, dev, test or train-holdout');
  const calibrate = !process.argv.includes('--no-calibration');
  if (split !== 'train-holdout') corpusDir(split); // a missing split fails before any training
  const limit = arg('limit') ? Number(arg('limit')) : undefined;
  const tables = await loadSuggestTables();
  for (const n of tables.notices) process.stderr.write(`note: ${n}\n`);
  const t0 = performance.now();
  const suggester = new Suggester(tables.cm, tables.pcs, tables.lexicon);
  process.stderr.write(
    `lexicon: ${suggester.lexicon.entries.length} entries in ${(performance.now() - t0).toFixed(0)} ms\n`,
  );
  const fy2018 = fy2018CmCodes();
  // How the collection writes codes (e.g. no encounter 7th character), learned from its train gold.
  const notation = codiespNotation(loadSplit('train'));
  process.stderr.write(
    `notation: the collection ${notation.encounterCharacter ? 'writes' : 'does not write'} the encounter 7th character of injury and external-cause codes\n`,
  );
  // The collection's conventions, the same options the built model was fitted with (knobs for tuning).
  const base: SuggestOptions = {
    ...CODIESP_FIT_OPTIONS,
    ...(process.env.DEMOTE_WEIGHT ? { demoteWeight: Number(process.env.DEMOTE_WEIGHT) } : {}),
    ...(process.env.DOMINATED_WEIGHT ? { dominatedWeight: Number(process.env.DOMINATED_WEIGHT) } : {}),
  };

  const useLearned = !process.argv.includes('--no-learned') && split !== 'train';
  // `--model cache`: score exactly the bundle `chartside codesets build` made (as the product ships it).
  const fromCache = arg('model') === 'cache';
  if (arg('model') !== undefined && !fromCache) throw new Error('--model takes "cache" (default: train in-process)');
  let options = base;
  const holdout = split === 'train-holdout';
  // The hold-out split is cut from train, so train is read for it even when nothing is fitted.
  const train =
    split !== 'train' && (((calibrate || useLearned) && !fromCache) || holdout) ? loadSplit('train') : undefined;
  const heldOut = new Map<string, string>();
  if (train && holdout) {
    for (const k of [...train.texts.keys()].slice(400)) {
      heldOut.set(k, train.texts.get(k)!);
      train.texts.delete(k);
    }
  }
  let rerankWith: SuggestModel | undefined;
  if (train && (useLearned || calibrate)) {
    const t1 = performance.now();
    const docs = codiespTrainingDocuments(train);
    const model = trainSuggestModel(docs, {
      ...codiespTrainOptions(suggester, fy2018, train, docs.length),
      suggestOptions: base,
      ...(process.env.RERANKER === 'linear' ? { reranker: 'linear' as const } : {}),
      associations: {
        ...(process.env.LEARN_MIN_P ? { minP: Number(process.env.LEARN_MIN_P) } : {}),
        ...(process.env.LEARN_MIN_SUPPORT ? { minSupport: Number(process.env.LEARN_MIN_SUPPORT) } : {}),
        ...(process.env.LEARN_PER_FEATURE ? { perFeature: Number(process.env.LEARN_PER_FEATURE) } : {}),
      },
      ...(process.env.CAL_BASE ? { calibrationBase: Number(process.env.CAL_BASE) } : {}),
    });
    // Evaluated as shipped: through the encoded (bundle) form and back.
    const encoded = JSON.stringify(encodeSuggestModel(model));
    if (arg('save-model')) writeFileSync(arg('save-model')!, encoded);
    if (useLearned && calibrate && !process.argv.includes('--no-rerank'))
      rerankWith = decodeSuggestModel(JSON.parse(encoded));
    const applied = withSuggestModel(model, base);
    options = {
      ...base,
      ...(useLearned ? { learned: applied.learned! } : {}),
      ...(calibrate ? { calibrate: applied.calibrate! } : {}),
      ...(process.env.LEARN_WEIGHT ? { learnedWeight: Number(process.env.LEARN_WEIGHT) } : {}),
    };
    process.stderr.write(
      `model trained on ${docs.length} train documents in ${(performance.now() - t1).toFixed(0)} ms: ${model.associations.features.size} association features, ${model.calibration.byId.size} calibrated codes\n`,
    );
  }
  if (fromCache) {
    if (split !== 'dev' && split !== 'test')
      throw new Error('--model cache evaluates on dev or test (the model was fitted on train)');
    if (!useLearned || !calibrate || process.argv.includes('--no-rerank'))
      throw new Error(
        '--model cache evaluates the built model as shipped: drop --no-learned/--no-calibration/--no-rerank',
      );
    const cached = loadCachedSuggestModel();
    if (!cached) throw new Error('no suggestion model in the codeset cache: run npx chartside codesets build');
    // Numbers are comparable with the in-process run only when the fit used the same options.
    const fitted = JSON.stringify(cached.fit?.suggestOptions);
    if (fitted !== JSON.stringify(base))
      throw new Error(
        `the cached model was fitted with suggest options ${fitted}, this evaluation uses ${JSON.stringify(base)}: rebuild it or align them`,
      );
    rerankWith = cached.model;
    process.stderr.write(
      `model from the cache: ${cached.info.id} (${cached.path}, sha256 ${cached.sha256}), fitted with ${cached.fit?.tables.cm ?? '?'} and ${cached.fit?.tables.pcs ?? '?'} on ${cached.info.documents} documents\n`,
    );
  }
  const data = holdout ? { texts: heldOut, gold: loadSplit('train').gold } : loadSplit(split);
  if (limit) for (const k of [...data.texts.keys()].slice(limit)) data.texts.delete(k);
  const r = run(
    (text) => (rerankWith ? suggestWithModel(suggester, text, rerankWith, base) : suggester.suggest(text, options)),
    data,
    fy2018,
    notation,
  );
  const ms = [...r.ms].sort((a, b) => a - b);
  process.stdout.write(
    `CodiEsp ${split} (English), ${data.texts.size} documents, calibration ${calibrate && split !== 'train' ? 'fitted on train' : 'off'}, learned associations ${useLearned ? 'trained on train' : 'off'}, re-ranker ${rerankWith ? `${rerankWith.rerank.kind} (${fromCache ? 'built bundle' : 'trained on train'})` : 'off'}, display threshold ${DISPLAY_THRESHOLD}\n`,
  );
  const dx = report('diagnoses', r.D, data.gold.D, data.texts.keys(), 3);
  const px = report('procedures', r.P, data.gold.P, data.texts.keys(), 4);
  process.stdout.write(
    `latency per document: p50 ${ms[Math.floor(ms.length * 0.5)]!.toFixed(1)} ms, p95 ${ms[Math.floor(ms.length * 0.95)]!.toFixed(1)} ms\n`,
  );
  const dump = arg('dump');
  if (dump) {
    const lines: string[] = [];
    for (const [doc, list] of r.D)
      for (const x of list)
        lines.push(`${doc}\tD\t${x.code}\t${x.score.toFixed(4)}\t${data.gold.D.get(doc)?.has(x.code) ? 1 : 0}`);
    for (const [doc, list] of r.P)
      for (const x of list)
        lines.push(`${doc}\tP\t${x.code}\t${x.score.toFixed(4)}\t${data.gold.P.get(doc)?.has(x.code) ? 1 : 0}`);
    writeFileSync(dump, `${lines.join('\n')}\n`);
  }
  void dx;
  void px;
}

main().catch((e: unknown) => {
  process.stderr.write(`eval-codiesp: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
