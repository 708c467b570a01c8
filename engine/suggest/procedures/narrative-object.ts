/**
 * The thing an operative narrative's action was done to: "the trapezium, which was then removed"
 * -> trapezium; "we excised the left ovarian cyst" -> left ovarian cyst. A narrative takes out many
 * things that are not the patient's body parts (instruments, drapes, clot, sponges): the action is
 * a procedure on a body part only when the head noun of its object is itself a body-part word of
 * the PCS Tables (a body part label or a Body Part Key term), not an adjective of another noun
 * ("the uterine elevator was removed" names an instrument).
 */
import type { PcsTable } from '../../icd10pcs/pcs-table';
import { labelWords, type Word } from './words';

/** Words that end a noun phrase when walking away from its head. */
const STOP =
  /^(the|a|an|this|that|which|who|was|were|is|are|been|then|and|or|of|from|with|to|in|on|at|into|by|we|i|it|its|his|her|their|after|using|exposed|identified|dissected)$/;
const ADVERB = /^(then|subsequently|next|also|carefully|sharply)$/;
const MAX_PHRASE = 4;

const bodyWordsCache = new WeakMap<PcsTable, Set<string>>();

/** Every content word of the body part values and Body Part Key terms of the release. */
function bodyWords(pcs: PcsTable): Set<string> {
  let set = bodyWordsCache.get(pcs);
  if (set) return set;
  set = new Set<string>();
  for (const t of pcs.definitions.bodyPartKey()) {
    for (const inc of t.includes) for (const w of labelWords(inc.replace(/\(.*?\)/g, ' '))) set.add(w);
    for (const title of t.titles) for (const w of labelWords(title)) set.add(w);
  }
  for (const t of pcs.loadedTables()) {
    if (t.prefix[0] !== '0') continue;
    for (const o of pcs.builder.options(t.prefix)) for (const w of labelWords(o.label)) set.add(w);
  }
  for (const w of ['right', 'left', 'bilateral', 'joint', 'region', 'other', 'tissue', 'structure']) set.delete(w);
  bodyWordsCache.set(pcs, set);
  return set;
}

/**
 * The object noun phrase of the narrative verb at `verb` (an index into `words`), or `undefined`
 * when its head is not a body-part word. Passive ("X was removed"): the phrase before "was"
 * ("X, which was removed": the phrase before "which"); active ("we removed X"): the phrase after.
 *
 * @example narrativeObject(pcs, wordsOf('The gallbladder was removed.'), 2) // the words "gallbladder"
 */
export function narrativeObject(pcs: PcsTable, words: readonly Word[], verb: number): Word[] | undefined {
  let j = verb - 1;
  while (j >= 0 && ADVERB.test(words[j]!.w)) j--;
  // "morselized and removed", "brought into flexion and pinned": the "was" of the first verb.
  if (j >= 1 && words[j]!.w === 'and') {
    let k = j - 1;
    while (k >= 0 && j - k <= 10 && !/^(was|were)$/.test(words[k]!.w)) k--;
    if (k >= 0 && /^(was|were)$/.test(words[k]!.w)) j = k;
  }
  while (j >= 0 && ADVERB.test(words[j]!.w)) j--;
  let phrase: Word[];
  if (j >= 0 && /^(was|were)$/.test(words[j]!.w)) {
    let head = j - 1;
    if (head >= 0 && /^(which|that)$/.test(words[head]!.w)) head--;
    if (head < 0) return undefined;
    phrase = [];
    for (let k = head; k >= 0 && phrase.length < MAX_PHRASE && !STOP.test(words[k]!.w); k--) phrase.unshift(words[k]!);
  } else if (j >= 0 && words[j]!.w === 'we') {
    phrase = [];
    let k = verb + 1;
    while (k < words.length && STOP.test(words[k]!.w)) k++;
    for (; k < words.length && phrase.length < MAX_PHRASE && !STOP.test(words[k]!.w); k++) phrase.push(words[k]!);
  } else return undefined;
  const head = phrase[phrase.length - 1];
  // "Joint" alone names no body part; "the MCP joint" does.
  const body = head && (bodyWords(pcs).has(head.w) || (head.w === 'joint' && phrase.length > 1));
  if (!body) return undefined;
  return phrase;
}
