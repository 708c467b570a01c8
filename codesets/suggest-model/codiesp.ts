/**
 * The CodiEsp corpus as Chartside reads it, shared by the suggestion-model build
 * (`codesets/suggest-model/builder.ts`) and the evaluation (`scripts/eval-codiesp.ts`), so the
 * model is trained and scored on exactly the same documents and gold forms.
 *
 * Corpus: Miranda-Escalada A., Gonzalez-Agirre A., Armengol-Estapé J., Krallinger M., "Overview of
 * automatic clinical coding: annotations, guidelines, and solutions for non-English clinical cases
 * at CodiEsp track of CLEF eHealth 2020", CEUR-WS Vol-2696, paper 263; data CC BY 4.0,
 * https://zenodo.org/record/3837305. Layout per split: `<split>/text_files_en/*.txt` (English
 * translations), `<split>/<split>D.tsv` (ICD-10-CM gold, FY2018, dotted lower case) and
 * `<split>/<split>P.tsv` (ICD-10-PCS gold, 4 or 7 characters, lower case).
 *
 * Pure: files come through a {@link ReleaseSource} (no `node:fs` here).
 */
import { strFromU8 } from 'fflate';
import { normalizeCode } from '../../engine/codes/normalize';
import { decodeUtf8 } from '../text/decode-utf8';
import type { GoldForm, SuggestModelProvenance, TrainSuggestModelOptions } from '../../engine/suggest/model';
import type { Suggester } from '../../engine/suggest/suggester';
import type { TrainingDocument } from '../../engine/suggest/learned';
import type { SuggestOptions } from '../../engine/suggest/types';
import { ReleaseFileError, type ReleaseFile, type ReleaseSource } from '../builder';
import { listZip, readZipMember } from '../zip/read-zip';

/** Corpus splits as published. */
export type CodiespSplit = 'train' | 'dev' | 'test';

/** Collection label shown with the model. */
export const CODIESP_CORPUS = 'CodiEsp train (English translations)';
export const CODIESP_LICENSE = 'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)';
export const CODIESP_CITATION =
  'Miranda-Escalada A., Gonzalez-Agirre A., Armengol-Estapé J., Krallinger M., "Overview of automatic clinical coding: annotations, guidelines, and solutions for non-English clinical cases at CodiEsp track of CLEF eHealth 2020", CEUR-WS Vol-2696, paper 263';
export const CODIESP_DOWNLOAD = 'https://zenodo.org/record/3837305';
/** Fiscal year of CodiEsp's gold codes. */
export const CODIESP_GOLD_YEAR = 2018;

/** The official FY2018 GEMs file (below the codesets source) whose code list defines the FY2018 CM codes. */
export const FY2018_GEMS_PATH = 'gems/FY2018/Dxgem_2018.zip';
const FY2018_GEMS_MEMBER = '2018_I10gem.txt';

/**
 * Suggest options while fitting on CodiEsp (the collection's annotation conventions), also the
 * evaluation's profile. CodiEsp annotators coded every condition mentioned, negated ones included
 * (`excluded: 'demote'`, x0.8), and list general codes beside specific ones (`dominatedWeight`
 * 0.9); factors chosen on a train hold-out (see scripts/eval-codiesp.ts).
 */
export const CODIESP_FIT_OPTIONS: Readonly<SuggestOptions> = Object.freeze({
  setting: 'inpatient',
  excluded: 'demote',
  limit: 60,
  demoteWeight: 0.8,
  dominatedWeight: 0.9,
});

/** Paths (relative to the corpus root) a split is read from. */
export function codiespSplitFiles(split: CodiespSplit): { textDir: string; tsv: { D: string; P: string } } {
  return {
    textDir: `${split}/text_files_en/`,
    tsv: { D: `${split}/${split}D.tsv`, P: `${split}/${split}P.tsv` },
  };
}

/** One split read: texts by document id and gold codes per kind (D = ICD-10-CM, P = ICD-10-PCS). */
export interface CodiespData {
  texts: Map<string, string>;
  gold: { D: Map<string, Set<string>>; P: Map<string, Set<string>> };
  /** Every file read, in reading order (text files sorted, then D, then P). */
  files: ReleaseFile[];
}

const GOLD_PATTERN = { D: /^[a-z][0-9][0-9a-z](\.[0-9a-z]{1,4})?$/, P: /^[0-9a-z]{4}([0-9a-z]{3})?$/ } as const;

/**
 * Reads one split. Every gold line must be `<document id>\t<code>` naming a document of the split
 * and a well-formed code; anything else is a {@link ReleaseFileError} with file and line (a
 * corrupted download must not silently train a different model).
 */
export function readCodiespSplit(source: ReleaseSource, split: CodiespSplit): CodiespData {
  const { textDir, tsv } = codiespSplitFiles(split);
  const textPaths = source
    .list()
    .filter((p) => p.startsWith(textDir) && p.endsWith('.txt') && !p.slice(textDir.length).includes('/'));
  if (textPaths.length === 0)
    throw new ReleaseFileError(textDir, undefined, `no .txt file in ${source.description}/${textDir}`);
  const files: ReleaseFile[] = [];
  const texts = new Map<string, string>();
  for (const path of textPaths) {
    const file = source.read(path);
    files.push(file);
    texts.set(file.name.replace(/\.txt$/, ''), decodeUtf8(file.bytes, file.path));
  }
  const gold = { D: new Map<string, Set<string>>(), P: new Map<string, Set<string>>() };
  for (const kind of ['D', 'P'] as const) {
    const file = source.read(tsv[kind]);
    files.push(file);
    decodeUtf8(file.bytes, file.path)
      .split('\n')
      .forEach((raw, i) => {
        const line = raw.replace(/\r$/, '');
        if (line.trim() === '') return;
        const fields = line.split('\t');
        if (fields.length !== 2)
          throw new ReleaseFileError(
            file.path,
            i + 1,
            `expected "<document>\\t<code>", found ${fields.length} field(s)`,
          );
        const doc = fields[0]!.trim();
        const code = fields[1]!.trim().toLowerCase();
        if (!texts.has(doc))
          throw new ReleaseFileError(file.path, i + 1, `document "${doc}" has no text file in ${textDir}`);
        if (!GOLD_PATTERN[kind].test(code))
          throw new ReleaseFileError(
            file.path,
            i + 1,
            `"${fields[1]!}" is not an ICD-10-${kind === 'D' ? 'CM' : 'PCS'} code as CodiEsp writes them`,
          );
        let set = gold[kind].get(doc);
        if (!set) gold[kind].set(doc, (set = new Set()));
        set.add(code);
      });
  }
  // Every document is a gold document for both lists (a document without gold P codes still counts for D).
  return { texts, gold, files };
}

/** The split as training documents (gold codes in CodiEsp form: see {@link codiespGoldForm}). */
export function codiespTrainingDocuments(data: Pick<CodiespData, 'texts' | 'gold'>): TrainingDocument[] {
  return [...data.texts].map(([doc, text]) => ({
    text,
    codes: [
      ...[...(data.gold.D.get(doc) ?? [])].map((code) => ({ code, system: 'cm' as const })),
      ...[...(data.gold.P.get(doc) ?? [])].map((code) => ({ code, system: 'pcs' as const })),
    ],
  }));
}

/** FY2018 ICD-10-CM codes (undotted, upper case) from the official FY2018 GEMs file (zip bytes). */
export function fy2018CmCodes(gems: ReleaseFile): Set<string> {
  let member: Uint8Array | undefined;
  try {
    const entries = listZip(gems.bytes, gems.path);
    if (entries.some((e) => e.name === FY2018_GEMS_MEMBER))
      member = readZipMember(gems.bytes, entries, FY2018_GEMS_MEMBER, gems.path);
  } catch (cause) {
    throw new ReleaseFileError(gems.path, undefined, `is not a readable zip: ${String(cause)}`);
  }
  if (!member) throw new ReleaseFileError(gems.path, undefined, `has no ${FY2018_GEMS_MEMBER}`);
  const out = new Set<string>();
  for (const line of strFromU8(member).split(/\r?\n/)) {
    const code = line.split(/\s+/)[0];
    if (code) out.add(code);
  }
  if (out.size === 0) throw new ReleaseFileError(gems.path, undefined, `${FY2018_GEMS_MEMBER} lists no code`);
  return out;
}

/**
 * How a collection writes ICD-10-CM codes, learned from its training gold: whether it writes the
 * 7th character of injury and external-cause codes (chapters 19-20, S/T/V-Y: the encounter,
 * A/D/S), and which codes it uses. CodiEsp's annotators do not (`t14.90`, `w19.xxx`, `t81.4xx`
 * for T14.90XA, W19.XXXA, T81.4XXA) while they keep the 7th character elsewhere (`r40.2421`).
 */
export interface CmNotation {
  encounterCharacter: boolean;
  /** Gold codes as written (dotted, lower case). */
  gold: ReadonlySet<string>;
}

const ENCOUNTER_CHAPTERS = /^[STVWXY]/;

/** Learns the {@link CmNotation} of a collection from its gold ICD-10-CM codes. */
export function cmNotation(gold: Iterable<string>): CmNotation {
  const codes = new Set([...gold].map((c) => c.toLowerCase()));
  const encounterCharacter = [...codes].some(
    (c) => ENCOUNTER_CHAPTERS.test(c.toUpperCase()) && normalizeCode(c).length === 7,
  );
  return { encounterCharacter, gold: codes };
}

/**
 * Dotted lower-case CodiEsp form of a suggested CM code, mapped to FY2018: a code that does not
 * exist in FY2018 (e.g. N18.32, created FY2021) becomes its nearest FY2018 ancestor (n18.3). With
 * a `notation` that writes no encounter character, an injury or external-cause code loses it, and
 * its trailing placeholders too when the collection writes the code without them (T14.90XA ->
 * t14.90, but W19.XXXA -> w19.xxx).
 */
export function toCodiespCm(code: string, fy2018: ReadonlySet<string>, notation?: CmNotation): string {
  let c = normalizeCode(code);
  while (c.length > 3 && !fy2018.has(c)) c = c.slice(0, -1);
  const dotted = (x: string): string => (x.length > 3 ? `${x.slice(0, 3)}.${x.slice(3)}` : x).toLowerCase();
  if (notation && !notation.encounterCharacter && c.length === 7 && ENCOUNTER_CHAPTERS.test(c)) {
    c = c.slice(0, 6);
    const bare = c.replace(/X+$/, '');
    if (bare !== c && notation.gold.has(dotted(bare))) c = bare;
  }
  return dotted(c);
}

/** The {@link CmNotation} of a CodiEsp split, learned from its gold diagnoses. */
export function codiespNotation(data: Pick<CodiespData, 'gold'>): CmNotation {
  return cmNotation([...data.gold.D.values()].flatMap((s) => [...s]));
}

/**
 * Options of `trainSuggestModel` on CodiEsp: gold form, provenance and the collection's suggest
 * options. One definition for the build (codesets/suggest-model/builder.ts) and the evaluation
 * (scripts/eval-codiesp.ts), so that the evaluated model is the shipped one.
 */
export function codiespTrainOptions(
  suggester: Suggester,
  fy2018: ReadonlySet<string>,
  train: Pick<CodiespData, 'gold'>,
  documents: number,
  files: SuggestModelProvenance['files'] = [],
): TrainSuggestModelOptions & { suggestOptions: SuggestOptions } {
  return {
    suggester,
    goldForm: codiespGoldForm(fy2018, codiespNotation(train)),
    provenance: {
      corpus: CODIESP_CORPUS,
      license: CODIESP_LICENSE,
      citation: CODIESP_CITATION,
      documents,
      goldCodeYear: CODIESP_GOLD_YEAR,
      files,
    },
    suggestOptions: { ...CODIESP_FIT_OPTIONS },
  };
}

/** How a suggestion is written in CodiEsp's gold lists (the `goldForm` of `trainSuggestModel`). */
export function codiespGoldForm(fy2018: ReadonlySet<string>, notation?: CmNotation): GoldForm {
  return (s) => (s.system === 'cm' ? toCodiespCm(s.code, fy2018, notation) : s.code.toLowerCase());
}
