/**
 * Device, substance (6th character) and qualifier (7th character) from the documented words,
 * limited to the values the table row allows:
 * - a value is chosen when the words of its label (with the Device / Substance Key's terms, and
 *   the usual names in `words.ts`) are written;
 * - otherwise "No Device" / "No Qualifier" when the row offers it (Guideline B6.1a: a device is
 *   coded only when it remains after the procedure; none documented, none coded);
 * - a biopsy takes the qualifier Diagnostic (B3.4a);
 * - blood products are nonautologous unless an autologous donation is written.
 * When none of these decides, the character stays open and the code is a table row (partial).
 */
import type { PcsAxisOption } from '../../icd10pcs/table-builder';
import type { PcsTable } from '../../icd10pcs/pcs-table';
import { labelWords } from './words';

/** A chosen value of characters 6 or 7. */
export interface ValueChoice {
  value: string;
  label: string;
  reason: string;
}

const GENERIC = new Set(['device', 'substance', 'other', 'no']);

/** Nouns that name the device itself ("tube drainage", "drain left in place", "drainage catheter"). */
const DEVICE_NOUN = ['device', 'drain', 'tube', 'catheter'];

interface KeyTerm {
  words: string[];
  phrase: string;
  titles: string[];
  /**
   * The Key term without its closing "prosthesis": read only in a Replacement, whose operation
   * itself says a substitute was put in (PCS Definitions, Replacement), so "reverse total
   * shoulder arthroplasty" names the "Reverse(R) Shoulder Prosthesis" of the Device Key.
   */
  inReplacement?: boolean;
}
const keyCache = new WeakMap<PcsTable, KeyTerm[]>();

/** Device and Substance Keys: brand or generic names -> table values. */
function keys(pcs: PcsTable): KeyTerm[] {
  let list = keyCache.get(pcs);
  if (list) return list;
  list = [];
  for (const t of [...pcs.definitions.deviceKey(), ...pcs.definitions.substanceKey()])
    for (const inc of t.includes) {
      const words = labelWords(inc.replace(/\(.*?\)/g, ' ').replace(/\b(r|tm)\b/gi, ' '));
      if (words.length > 0) list.push({ words, phrase: inc, titles: t.titles });
      if (words.length > 2 && words[words.length - 1] === 'prosthesis')
        list.push({ words: words.slice(0, -1), phrase: inc, titles: t.titles, inReplacement: true });
    }
  keyCache.set(pcs, list);
  return list;
}

/**
 * Values of `options` whose label is documented, best first (most label words written).
 * `operation`: the words of the root operation; a value named by them alone ("Drainage Device" in
 * a Drainage) needs the device itself written (B6.2: a drainage device is coded only when one is
 * left in place; "incision and drainage" documents no drain).
 */
function documented(
  pcs: PcsTable,
  options: readonly PcsAxisOption[],
  words: ReadonlySet<string>,
  operation: ReadonlySet<string> = new Set(),
): ValueChoice[] {
  const out: { c: ValueChoice; score: number }[] = [];
  const replacement = operation.has('replacement');
  const keyHits = keys(pcs).filter((k) => (!k.inReplacement || replacement) && k.words.every((w) => words.has(w)));
  for (const o of options) {
    if (o.value === 'Z') continue;
    const all = labelWords(o.label);
    const content = all.filter((w) => !GENERIC.has(w));
    const onlyOperation = content.every((w) => operation.has(w)) && !DEVICE_NOUN.some((w) => words.has(w));
    if (content.length > 0 && !onlyOperation && content.every((w) => words.has(w)))
      out.push({
        c: {
          value: o.value,
          label: o.label,
          reason: content.every((w) => operation.has(w))
            ? `"${DEVICE_NOUN.find((w) => words.has(w)) ?? ''}" with "${content.join(' ')}" written (B6.2: drainage device left in place)`
            : `"${content.join(' ')}" written`,
        },
        score: content.length,
      });
    else {
      // A Key title names the value, with the tables it belongs to after "in" or "for" ("...
      // Reverse Ball and Socket for Replacement in Upper Joints").
      const k = keyHits.find((x) =>
        x.titles.some((t) => t === o.label || t.startsWith(`${o.label} in `) || t.startsWith(`${o.label} for `)),
      );
      if (k) out.push({ c: { value: o.value, label: o.label, reason: `Key: "${k.phrase}" is ${o.label}` }, score: 1 });
    }
  }
  out.sort((a, b) => b.score - a.score);
  const top = out[0]?.score;
  return out.filter((x) => x.score === top).map((x) => x.c);
}

/** The 6th character of a 5-character prefix. */
export function chooseDevice(pcs: PcsTable, prefix: string, words: ReadonlySet<string>): ValueChoice | undefined {
  const options = pcs.builder.options(prefix);
  if (options.length === 1)
    return { value: options[0]!.value, label: options[0]!.label, reason: 'the only value the table row allows' };
  const opLabel = pcs.builder.options(prefix.slice(0, 2)).find((o) => o.value === prefix[2])?.label ?? '';
  const hit = documented(pcs, options, words, new Set(labelWords(opLabel)));
  if (hit.length === 1) return hit[0];
  if (hit.length > 1) return undefined;
  // A device is written (its words name a device value) but this row has no value of its own for
  // it: the row's "Other Device" (PCS Tables; Device Aggregation for devices without a value).
  const other = options.find((o) => o.label === 'Other Device');
  if (other && words.has('device'))
    return {
      value: other.value,
      label: other.label,
      reason: 'a device is written that this row has no value for: Other Device',
    };
  const none = options.find((o) => o.value === 'Z');
  if (none) return { value: 'Z', label: none.label, reason: 'B6.1a: no device documented as remaining' };
  return undefined;
}

/**
 * A split-thickness graft is a partial-thickness one (epidermis and part of the dermis; the PCS
 * skin Replacement rows name it "Partial Thickness"): the qualifier's words added when both words
 * are written. Only the qualifier reads them, so "split" alone never documents a partial Excision.
 */
function thicknessWords(words: ReadonlySet<string>): ReadonlySet<string> {
  if (!words.has('split') || !words.has('thickness')) return words;
  return new Set([...words, 'partial']);
}

/**
 * Skin taken from the patient's own donor site is an autograft: the Autologous Tissue Substitute
 * value of a skin (body system H) row when no other graft source is written. A "donor site" is
 * where a skin graft was harvested (a cadaver or synthetic graft leaves none).
 *
 * @example autologousSkin(pcs, '0HRHX', true)?.value // '7'
 */
export function autologousSkin(pcs: PcsTable, prefix: string, donorSite: boolean): ValueChoice | undefined {
  if (!donorSite || prefix.slice(0, 2) !== '0H') return undefined;
  const o = pcs.builder.options(prefix).find((x) => x.label === 'Autologous Tissue Substitute');
  return o
    ? {
        value: o.value,
        label: o.label,
        reason: 'a skin donor site is written: the graft was harvested from the patient',
      }
    : undefined;
}

/** The 7th character of a 6-character prefix (`forced`: a qualifier the Index named, e.g. Diagnostic). */
export function chooseQualifier(
  pcs: PcsTable,
  prefix: string,
  words: ReadonlySet<string>,
  forced?: string,
): ValueChoice | undefined {
  const options = pcs.builder.options(prefix);
  if (forced) {
    const o = options.find((x) => x.value === forced);
    if (o) return { value: o.value, label: o.label, reason: 'B3.4a: biopsy, qualifier Diagnostic (Index)' };
  }
  if (options.length === 1)
    return { value: options[0]!.value, label: options[0]!.label, reason: 'the only value the table row allows' };
  const diagnostic = options.find((o) => o.label === 'Diagnostic');
  if (diagnostic && words.has('diagnostic'))
    return { value: diagnostic.value, label: diagnostic.label, reason: 'B3.4a: biopsy, qualifier Diagnostic' };
  const hit = documented(
    pcs,
    options.filter((o) => o.label !== 'Diagnostic'),
    thicknessWords(words),
  );
  if (hit.length === 1) return hit[0];
  const nonauto = options.find((o) => o.label === 'Nonautologous');
  if (nonauto && prefix.startsWith('302') && !words.has('autologous'))
    return {
      value: nonauto.value,
      label: nonauto.label,
      reason: 'blood product from a donor (no autologous donation written)',
    };
  const none = options.find((o) => o.value === 'Z');
  if (hit.length === 0 && none) return { value: 'Z', label: none.label, reason: 'no qualifier documented' };
  return undefined;
}

/**
 * Whether the words name a device: a device or substitute value's words (with the synonyms of
 * words.ts, "implant" -> device, "prosthesis" -> synthetic substitute) or a Device Key term
 * (brand and generic names). Removal and Revision are operations on a device (PCS Definitions,
 * Guideline B6.1c).
 *
 * @example writesDevice(pcs, wordSet(wordsOf('removal of the hip prosthesis'))) // true
 */
export function writesDevice(pcs: PcsTable, words: ReadonlySet<string>): boolean {
  if (words.has('device') || words.has('substitute')) return true;
  return keys(pcs).some((k) => k.words.every((w) => words.has(w)) && k.titles.some((t) => DEVICE_TITLE.test(t)));
}

/** Device Key titles of devices (the Substance Key names substances, not devices). */
const DEVICE_TITLE = /(device|substitute|lead|stimulator|pacemaker|defibrillator|graft|airway|valve)\b/i;
