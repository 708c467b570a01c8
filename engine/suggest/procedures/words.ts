/**
 * Words of a procedure statement as a coder reads them against the PCS Tables: lower case,
 * plural folded, and the usual clinical synonyms of table labels added (a coder's crosswalk, the
 * way the PCS Body Part Key and Device Key map documented terms to table values).
 */

/** A word and where it is in the chart. */
export interface Word {
  /** Normalised form (lower case, plural folded). */
  w: string;
  start: number;
  end: number;
}

/** Singular of a plural noun (tubes -> tube, arteries -> artery); other words unchanged. */
export function fold(word: string): string {
  const w = word.toLowerCase();
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && /(ss|ch|sh|x)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !/(ss|us|is|os)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** Words after which "left" is the verb (a side follows a preposition or starts a phrase). */
const VERB_BEFORE = /^(which|that|who|he|she|it|they|was|were|and|has|had|have|been|also)$/;

/** The words of `text[start, end)` in order. */
export function wordsOf(text: string, start = 0, end = text.length): Word[] {
  const out: Word[] = [];
  const re = /[A-Za-z][A-Za-z0-9'-]*/g;
  const slice = text.slice(start, end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) {
    for (const part of m[0].split('-')) {
      if (!part) continue;
      const at = start + m.index + m[0].indexOf(part);
      let w = fold(part.replace(/'s$/, ''));
      // "which left open wounds": the verb, not a side.
      if (w === 'left' && VERB_BEFORE.test(out[out.length - 1]?.w ?? '')) w = 'left-verb';
      out.push({ w, start: at, end: at + part.length });
    }
  }
  return out;
}

/**
 * Clinical words -> the words of the PCS table label they document. Sources: the ICD-10-PCS
 * Body Part Key and Device Key (adjective and abbreviation forms of the same values), the
 * Reference Manual's device and substance values, and common operative-report wording.
 */
const SYNONYMS: Readonly<Record<string, string>> = {
  // body parts (adjective forms of the label's noun)
  tibial: 'tibia',
  thigh: 'upper leg',
  femoral: 'femur',
  renal: 'kidney',
  hepatic: 'liver',
  gastric: 'stomach',
  colonic: 'colon',
  tubal: 'fallopian tube',
  uterine: 'uterus',
  ovarian: 'ovary',
  vesical: 'bladder',
  cerebral: 'brain',
  pulmonary: 'lung',
  pleural: 'pleura',
  cardiac: 'heart',
  // a hiatal hernia is repaired in the diaphragm (PCS Index: Repair, Diaphragm)
  hiatal: 'diaphragm',
  // the sac of a hydrocele is the tunica vaginalis (ICD-10-CM Index: "Hydrocele (spermatic cord)
  // (testis) (tunica vaginalis)"; a cord written beside it names the Spermatic Cord value too);
  // a spermatocele is a cyst of the epididymis (ICD-10-CM N43.4 "Spermatocele of epididymis")
  hydrocele: 'tunica vaginalis',
  spermatocele: 'epididymis',
  ureteral: 'ureter',
  urethral: 'urethra',
  vaginal: 'vagina',
  cervical: 'cervix',
  esophageal: 'esophagus',
  duodenal: 'duodenum',
  rectal: 'rectum',
  anal: 'anus',
  splenic: 'spleen',
  pancreatic: 'pancreas',
  biliary: 'bile duct',
  tracheal: 'trachea',
  bronchial: 'bronchus',
  humeral: 'humeral',
  carotid: 'carotid',
  coronary: 'coronary',
  ventral: 'abdominal wall',
  // joints of the hand by their usual abbreviations (metacarpophalangeal; the foot's is "MTP")
  mcp: 'metacarpophalangeal',
  mp: 'metacarpophalangeal',
  incisional: 'abdominal wall',
  // devices (Device Key values)
  mesh: 'synthetic substitute',
  prosthesis: 'synthetic substitute',
  prosthetic: 'synthetic substitute',
  stent: 'intraluminal device',
  clip: 'extraluminal device',
  band: 'extraluminal device',
  drain: 'drainage device',
  't-tube': 'drainage device',
  plate: 'internal fixation device',
  hardware: 'internal fixation device',
  implant: 'device',
  screw: 'internal fixation device',
  electrode: 'neurostimulator lead',
  // an endotracheal tube is the Endotracheal Airway device, in the trachea (Device Key)
  endotracheal: 'endotracheal airway trachea intraluminal',
  // routes of an administration: the body part (4th character) of the Administration tables
  // (3E0: Peritoneal Cavity, Pleural Cavity, Spinal Canal, Muscle, Pericardial Cavity)
  intraperitoneal: 'peritoneal cavity',
  intrapleural: 'pleural cavity',
  intrathecal: 'spinal canal',
  intramuscular: 'muscle',
  intrapericardial: 'pericardial cavity',
  // substances (Administration section, 6th character)
  prbc: 'red blood cell',
  ivig: 'globulin',
  immunoglobulin: 'globulin',
  ffp: 'fresh plasma',
  chemotherapy: 'antineoplastic other antineoplastic',
  tpa: 'thrombolytic other thrombolytic',
  alteplase: 'thrombolytic other thrombolytic',
  thrombolytic: 'thrombolytic other thrombolytic',
  // qualifiers
  cadaveric: 'allogeneic',
  cadaver: 'allogeneic',
  // an organ from a deceased donor is another human's (Transplantation qualifier Allogeneic)
  deceased: 'allogeneic',
  allograft: 'allogeneic nonautologous tissue substitute',
  autograft: 'autologous tissue substitute',
  biopsy: 'diagnostic',
};

/**
 * Greek and Latin roots of operation words -> the body part they name (standard medical
 * terminology: chole-cyst- gallbladder, splen- spleen, hyster- uterus...). Read only from a word
 * that ends in an operation suffix (-ectomy, -otomy, -ostomy, -plasty, -pexy, -rrhaphy, -scopy).
 */
const WORD_ROOTS: readonly [RegExp, string][] = [
  [/^(hemi)?colect/, 'colon large intestine'],
  [/^cholecyst/, 'gallbladder'],
  [/^choledoch/, 'common bile duct'],
  [/^splen/, 'spleen'],
  [/^oment/, 'omentum'],
  [/^append/, 'appendix'],
  [/^nephr/, 'kidney'],
  [/^hyster/, 'uterus'],
  [/^salping/, 'fallopian tube'],
  [/^oophor/, 'ovary'],
  [/^(hemi)?gastr/, 'stomach'],
  [/^esophag/, 'esophagus'],
  [/^duoden/, 'duodenum'],
  [/^jejun/, 'jejunum'],
  [/^ile[oc]/, 'ileum'],
  [/^mast/, 'breast'],
  [/^(hemi)?thyroid/, 'thyroid gland'],
  [/^prostat/, 'prostate'],
  [/^pancreat/, 'pancreas'],
  [/^cystect|^cystost|^cystot|^cystosc/, 'bladder'],
  [/^tonsill/, 'tonsil'],
  [/^adenoid/, 'adenoid'],
  [/^trache/, 'trachea'],
  [/^lapar/, 'peritoneal cavity'],
  [/^menisc/, 'knee joint'],
  [/^hydrocel/, 'tunica vaginalis'],
  [/^(thromb)?endarterect/, 'artery'],
  [/^spermatocel/, 'epididymis'],
  [/^herni/, 'region'],
  [/^ventricul/, 'cerebral ventricle'],
  [/^paracent/, 'peritoneal cavity'],
  [/^thoracent/, 'pleural cavity'],
  [/^arthrocent/, 'joint'],
];

const OPERATION_SUFFIX = /(ectomy|otomy|ostomy|plasty|pexy|rrhaphy|scopy|centesis)$/;

/**
 * Sites of a hernia of the front of the abdomen: repaired in the abdominal wall (PCS Index:
 * "Herniorrhaphy, see Repair, Anatomical Regions, General", body part Abdominal Wall), as the
 * ventral and incisional hernias above. Read only beside a hernia word: an umbilical vein or cord
 * is not the abdominal wall.
 */
const HERNIA_SITES: Readonly<Record<string, string>> = {
  umbilical: 'abdominal wall',
  paraumbilical: 'abdominal wall',
  periumbilical: 'abdominal wall',
  epigastric: 'abdominal wall',
};
const HERNIA = /^(hernia|herniorrhaphy|hernioplasty|herniotomy)$/;

/** The set of words of a statement, synonyms included (each synonym's words added). */
export function wordSet(words: readonly Word[]): Set<string> {
  const set = new Set<string>();
  const hernia = words.some(({ w }) => HERNIA.test(w));
  for (const { w } of words) {
    set.add(w);
    const syn = SYNONYMS[w] ?? (hernia ? HERNIA_SITES[w] : undefined);
    if (syn) for (const s of syn.split(' ')) set.add(fold(s));
    if (OPERATION_SUFFIX.test(w))
      for (const [re, part] of WORD_ROOTS) if (re.test(w)) for (const s of part.split(' ')) set.add(fold(s));
  }
  return set;
}

/**
 * Body-part words that only the name of a scope gives ("esophagogastroduodenoscopy" -> esophagus):
 * the scope is the route to the site (B3.11a, B5), so its organ is the site only when no other
 * word names one.
 */
export function routeWords(words: readonly Word[]): Set<string> {
  const plain = new Set<string>();
  const route = new Set<string>();
  for (const { w } of words) {
    if (/scopy$/.test(w)) {
      for (const [re, part] of WORD_ROOTS) if (re.test(w)) for (const s of part.split(' ')) route.add(fold(s));
      continue;
    }
    for (const x of wordSet([{ w, start: 0, end: 0 }])) plain.add(x);
  }
  for (const x of plain) route.delete(x);
  return route;
}

/** The content words of a table label or Index term (lower case, folded, without filler words). */
export function labelWords(label: string): string[] {
  return wordsOf(label)
    .map((x) => x.w)
    .filter((w) => !FILLER.has(w));
}

const FILLER = new Set(['of', 'and', 'or', 'the', 'with', 'in', 'on', 'to', 'from', 'for', 'a', 'an', 'by']);

/** Side words of a statement: right, left or bilateral. */
export type Side = 'right' | 'left' | 'bilateral';

/** The side written in these words, or `undefined` (both right and left written = bilateral). */
export function sideOf(words: ReadonlySet<string>): Side | undefined {
  if (words.has('bilateral') || words.has('both') || (words.has('right') && words.has('left'))) return 'bilateral';
  if (words.has('right')) return 'right';
  if (words.has('left')) return 'left';
  return undefined;
}
