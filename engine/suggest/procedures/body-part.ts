/**
 * Body part (4th character): the table value whose label the statement documents, read through
 * the ICD-10-PCS Body Part Key ("medial meniscus" -> Knee Joint), with the documented side
 * (Guideline B4.1-B4.8: code the body part value of the site documented; a body part not named
 * but documented by a structure it includes is coded through the Body Part Key). A value with a
 * side needs the side written; "bilateral" takes the Bilateral value when the table has one, else
 * both sides are coded (B3.2b, same root operation on left and right body part values).
 */
import type { PcsTable } from '../../icd10pcs/pcs-table';
import type { RootCandidate } from './root-operation';
import { jointSurface } from './joint-surface';
import { coronaryCount } from './vessels';
import { labelWords, sideOf, type Side } from './words';

/** One chosen body part. */
export interface BodyPartChoice {
  candidate: RootCandidate;
  /** Prefix with the body part (4+ characters). */
  prefix: string;
  label: string;
  reason: string;
}

/** Words of a label that only say what kind of structure it is (not which). */
const GENERIC = new Set([
  'joint',
  'region',
  'structure',
  'tissue',
  'cavity',
  'system',
  'bone',
  'general',
  'space',
  'fascia',
]);
const SIDES = new Set(['right', 'left', 'bilateral']);

interface KeyTerm {
  words: string[];
  phrase: string;
  titles: string[];
}
const keyCache = new WeakMap<PcsTable, KeyTerm[]>();

/** The Body Part Key of the release: documented structure -> table body-part labels. */
function bodyPartKey(pcs: PcsTable): KeyTerm[] {
  let list = keyCache.get(pcs);
  if (list) return list;
  list = [];
  const titleWords = new Set(pcs.definitions.bodyPartKey().flatMap((t) => t.titles.flatMap(labelWords)));
  for (const t of pcs.definitions.bodyPartKey())
    for (const inc of t.includes) {
      const words = labelWords(inc.replace(/\(.*?\)/g, ' '));
      if (words.length === 0) continue;
      list.push({ words, phrase: inc, titles: t.titles });
      // A bone the Key names by its own name ("Trapezium bone") is written without the word
      // "bone" ("the trapezium"); a name that is also a label word ("Hip bone": Hip Joint) is not
      // read this way, it would name another value too.
      if (words.length > 1 && words[words.length - 1] === 'bone' && !words.slice(0, -1).some((w) => titleWords.has(w)))
        list.push({ words: words.slice(0, -1), phrase: inc, titles: t.titles });
      // Guideline B4.5: a procedure on a tendon is coded to the Tendons body system, in the region
      // of its muscle. The Key names muscles ("Supraspinatus muscle" -> Shoulder Muscle); the
      // tendon of that muscle is the Tendons value of the same region (Shoulder Tendon).
      if (words[words.length - 1] === 'muscle' && words.length > 1 && t.titles.some((x) => / Muscle\b/.test(x)))
        list.push({
          words: [...words.slice(0, -1), 'tendon'],
          phrase: `${inc.replace(/\s*muscle\b/i, '')} tendon (B4.5)`,
          titles: t.titles.filter((x) => / Muscle\b/.test(x)).map((x) => x.replace(/ Muscle\b/, ' Tendon')),
        });
    }
  keyCache.set(pcs, list);
  return list;
}

/**
 * All the words before the label's comma written, and all but one of its qualifier after the
 * comma ("Subdural Space, Intracranial" for "subdural"): never the site word itself.
 */
function oneQualifierMissing(label: string, segment: ReadonlySet<string>): boolean {
  const comma = label.indexOf(',');
  if (comma < 0) return false;
  const keep = (w: string): boolean => !SIDES.has(w) && !GENERIC.has(w);
  const head = labelWords(label.slice(0, comma)).filter(keep);
  const tail = labelWords(label.slice(comma + 1)).filter(keep);
  return head.length > 0 && head.every((w) => segment.has(w)) && tail.filter((w) => !segment.has(w)).length === 1;
}

/**
 * The label's structure written but for the one word before it that tells which one ("Common
 * Carotid Artery, Right" for "right carotid artery"): every other word of the part before the
 * comma written, and two or more of them.
 */
function oneKindMissing(label: string, segment: ReadonlySet<string>): boolean {
  const comma = label.indexOf(',');
  const head = labelWords(comma < 0 ? label : label.slice(0, comma)).filter((w) => !SIDES.has(w) && !GENERIC.has(w));
  const missing = head.filter((w) => !segment.has(w));
  return head.length >= 3 && missing.length === 1 && missing[0] === head[0];
}

function labelSide(label: string): Side | undefined {
  const w = new Set(labelWords(label));
  if (w.has('bilateral')) return 'bilateral';
  if (w.has('right')) return 'right';
  if (w.has('left')) return 'left';
  return undefined;
}

/**
 * Body parts documented for the candidates. `segment` = the words around the operation word,
 * `item` = its whole line (a side or site written once for the line).
 */
export function chooseBodyParts(
  pcs: PcsTable,
  candidates: readonly RootCandidate[],
  segment: ReadonlySet<string>,
  item: ReadonlySet<string>,
  titleSide?: Side,
  route: ReadonlySet<string> = new Set(),
  raw: ReadonlySet<string> = new Set(),
  statement = '',
): { choices: BodyPartChoice[]; problem?: string; row?: UndecidedRow; sideOnly?: boolean } {
  // The side of the operation written once in the procedure title block ("... , right shoulder")
  // holds for its other lines when the block names one side only.
  const side = sideOf(segment) ?? sideOf(item) ?? titleSide;
  const key = bodyPartKey(pcs);
  const keyHits = key.filter((k) => k.words.every((w) => segment.has(w)));
  type Scored = { c: RootCandidate; value: string; label: string; score: number; reason: string };
  const scored: Scored[] = [];
  /** Values scored by {@link oneKindMissing} only: offered in a row, never coded. */
  const rowOnly = new Set<string>();
  for (const c of candidates) {
    if (c.prefix.length >= 4) {
      const label = pcs.builder.options(c.prefix.slice(0, 3)).find((o) => o.value === c.prefix[3])?.label ?? '';
      // The Index named the body part; of several, the one whose words are written leads.
      const named = labelWords(label).filter((w) => !SIDES.has(w) && !GENERIC.has(w));
      const written = named.length > 0 && named.every((w) => segment.has(w)) ? 10 : 0;
      scored.push({ c, value: c.prefix[3]!, label, score: 100 + written, reason: `${c.reason} (body part ${label})` });
      continue;
    }
    for (const o of pcs.builder.options(c.prefix)) {
      // Administration into the circulation (transfusion, infusion): the vein of the line used; a
      // central line, PICC or port must be documented for the central vein.
      if (c.prefix[0] === '3' && /^(Peripheral|Central) Vein$/.test(o.label)) {
        const central = segment.has('central') || segment.has('picc') || segment.has('port');
        if (central === (o.label === 'Central Vein'))
          scored.push({
            c,
            value: o.value,
            label: o.label,
            score: 1,
            reason: central ? 'central venous access written' : 'intravenous, no central venous access written',
          });
        continue;
      }
      // B4.4: the coronary arteries are one body part valued by the number of arteries treated.
      const coronary = coronaryCount(o.label, statement);
      if (coronary) {
        if (coronary.fits)
          scored.push({
            c,
            value: o.value,
            label: o.label,
            score: 10,
            reason: `B4.4: coronary arteries counted by the arteries treated (${coronary.named.join(', ')})`,
          });
        continue;
      }
      const words = labelWords(o.label);
      const content = words.filter((w) => !SIDES.has(w) && !GENERIC.has(w));
      if (content.length === 0) continue;
      let score = 0;
      let reason = '';
      if (content.every((w) => segment.has(w))) {
        score = 2 * content.length + words.filter((w) => GENERIC.has(w) && segment.has(w)).length * 0.5;
        reason = `"${content.join(' ')}" written`;
        // Of labels written equally, the one whose own words are written (not reached through a
        // synonym or the root of an operation word: "sigmoid colectomy" is the Sigmoid Colon, not
        // the whole Large Intestine the root "colect-" also names) is the documented site (B4.1).
        score += 0.1 * content.filter((w) => raw.has(w)).length;
        // An organ only the scope's name gives yields to a site written in words (B3.11a, B5).
        if (content.some((w) => route.has(w))) {
          score *= 0.5;
          reason = `"${content.join(' ')}" from the scope's name (the route)`;
        }
      } else if (content.every((w) => item.has(w))) {
        score = content.length * 0.75;
        reason = `"${content.join(' ')}" written on the line`;
      } else if (content.length >= 2 && oneQualifierMissing(o.label, segment)) {
        // All but one word of a longer label ("Subdural Space, Intracranial" for "subdural"): weaker
        // than any full match, kept only when nothing better is documented.
        const hit = content.filter((w) => segment.has(w));
        score = 0.5 * hit.length;
        reason = `"${hit.join(' ')}" written (label ${o.label})`;
      } else if (oneKindMissing(o.label, segment)) {
        // The structure written without the word that tells which one ("carotid artery": common,
        // internal or external): a value to offer in the table row, never to code (B4.1: the
        // body part value is the site documented).
        const hit = content.filter((w) => segment.has(w));
        score = 0.25 * hit.length;
        reason = `"${hit.join(' ')}" written (label ${o.label}: which one is not written)`;
        rowOnly.add(c.prefix.slice(0, 3) + o.value);
      }
      // A prosthesis component of a joint written with its bone ("humeral head implant, right
      // shoulder"): the joint row whose qualifier names that component's surface.
      if (/ Joint\b/.test(o.label) && content.every((w) => segment.has(w) || item.has(w))) {
        const surface = jointSurface(pcs, c.prefix + o.value, segment);
        if (surface && 20 > score) {
          score = 20;
          reason = `"${content.join(' ')}" written with its ${surface.label.toLowerCase()} component (PCS joint row qualifier): coded to the joint`;
        }
      }
      const viaKey = keyHits.find((k) => k.titles.includes(o.label));
      if (viaKey && 2 * viaKey.words.length > score) {
        score = 2 * viaKey.words.length;
        reason = `Body Part Key: "${viaKey.phrase}" is coded to ${viaKey.titles.join(' / ')}`;
      }
      if (score === 0) continue;
      // Medical and Surgical before the Placement section for the same words.
      if (c.prefix[0] === '0') score += 0.1;
      scored.push({ c, value: o.value, label: o.label, score, reason });
    }
  }
  // The documented side: a sided value must agree with it.
  const sided = scored.filter((s) => {
    const ls = labelSide(s.label);
    if (!ls) return true;
    if (!side) return true;
    if (side === 'bilateral') return true;
    return ls === side;
  });
  if (sided.length === 0) return { choices: [], problem: 'no body part value of the table is documented' };
  const top = Math.max(...sided.map((s) => s.score));
  let best = sided.filter((s) => s.score === top);
  if (side === 'bilateral') {
    const both = best.filter((s) => labelSide(s.label) === 'bilateral');
    if (both.length > 0) best = both;
  } else {
    const same = best.filter((s) => labelSide(s.label) === side);
    const plain = best.filter((s) => labelSide(s.label) === undefined || labelSide(s.label) === side);
    if (side && same.length > 0) best = same;
    else if (plain.length > 0) best = plain;
  }
  const distinct = new Map<string, Scored>();
  for (const s of best) distinct.set(s.c.prefix.slice(0, 3) + s.value, s);
  const list = [...distinct.values()];
  if (list.every((s) => rowOnly.has(s.c.prefix.slice(0, 3) + s.value))) {
    const tables = new Set(list.map((s) => s.c.prefix.slice(0, 3)));
    return {
      choices: [],
      problem: `which structure is not written (${list.map((s) => s.label).join(' / ')})`,
      ...(tables.size === 1
        ? { row: { prefix: [...tables][0]!, candidate: list[0]!.c, labels: list.map((s) => s.label) } }
        : {}),
    };
  }
  const sideNote = side ? `; side: ${side}` : '';
  const toChoice = (s: Scored): BodyPartChoice => ({
    candidate: s.c,
    prefix: s.c.prefix.length >= 4 ? s.c.prefix : s.c.prefix.slice(0, 3) + s.value,
    label: s.label,
    reason: `${s.reason}${sideNote}`,
  });
  if (list.length === 1) return { choices: [toChoice(list[0]!)] };
  // Left and right of one structure with "bilateral" written and no Bilateral value: both (B3.2b).
  const stems = new Set(
    list.map((s) =>
      labelWords(s.label)
        .filter((w) => !SIDES.has(w))
        .join(' '),
    ),
  );
  if (side === 'bilateral' && stems.size === 1 && list.length === 2)
    return { choices: list.map((s) => ({ ...toChoice(s), reason: `${toChoice(s).reason} (B3.2b: each side coded)` })) };
  const row = undecidedRow(list);
  if (!side && stems.size === 1 && list.every((s) => labelSide(s.label)))
    return {
      choices: [],
      problem: `side not documented (${list.map((s) => s.label).join(' / ')})`,
      ...(row ? { row } : {}),
      sideOnly: true,
    };
  const several = separateBodyParts(list, raw);
  if (several)
    return {
      choices: several.map((s) => ({
        ...toChoice(s),
        reason: `${toChoice(s).reason} (B3.2a: same root operation on distinct body part values, each coded)`,
      })),
    };
  return {
    choices: [],
    ...(row ? { row } : {}),
    problem: `body part not decided between ${list
      .slice(0, 4)
      .map((s) => `${s.label} (${s.c.operation})`)
      .join(', ')}`,
  };
}

/** A table whose body part the chart leaves to the coder: the values it may be. */
export interface UndecidedRow {
  /** The 3-character table. */
  prefix: string;
  candidate: RootCandidate;
  labels: string[];
}

/** The one table all the undecided values belong to (the root operation is decided), else `undefined`. */
function undecidedRow<T extends { c: RootCandidate; label: string }>(list: readonly T[]): UndecidedRow | undefined {
  const tables = new Set(list.map((s) => s.c.prefix.slice(0, 3)));
  if (tables.size !== 1 || list.length < 2) return undefined;
  return { prefix: [...tables][0]!, candidate: list[0]!.c, labels: list.map((s) => s.label) };
}

/**
 * Guideline B3.2a: the same root operation on different body parts, as defined by distinct values
 * of the body part character, is coded once per body part. The statement must name each one in
 * its own words ("the stomach and duodenum"), not through a synonym or a word root that can name
 * a part and its whole ("colectomy" -> colon, large intestine), and the values must share one
 * table and name structures with no word in common.
 */
function separateBodyParts<T extends { c: RootCandidate; label: string }>(
  list: readonly T[],
  raw: ReadonlySet<string>,
): T[] | undefined {
  if (list.length < 2 || !raw.has('and')) return undefined;
  if (new Set(list.map((s) => s.c.prefix.slice(0, 3))).size !== 1 || list.some((s) => s.c.prefix.length > 3))
    return undefined;
  const contents = list.map((s) => labelWords(s.label).filter((w) => !SIDES.has(w) && !GENERIC.has(w)));
  if (contents.some((ws) => ws.length === 0 || !ws.every((w) => raw.has(w)))) return undefined;
  const seen = new Set<string>();
  for (const ws of contents)
    for (const w of ws) {
      if (seen.has(w)) return undefined;
      seen.add(w);
    }
  return [...list];
}
