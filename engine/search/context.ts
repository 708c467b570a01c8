/**
 * Codes that belong to a patient context: perinatal (the newborn), obstetric (the pregnant
 * patient) and rheumatic heart disease. The classification keeps them in their own blocks, and a
 * coder reaches them only when the documentation says so: ICD-10-CM Official Guidelines I.C.16.a
 * ("Codes in Chapter 16 ... are never for use on the maternal record") and I.C.15.a ("Chapter 15
 * codes ... used only on the maternal record"); the Alphabetic Index files them under subterms
 * such as "newborn", "complicating pregnancy" and "rheumatic", so the unqualified main term leads
 * elsewhere. Search therefore ranks them behind the general code unless the query names the
 * context.
 */
import { stem } from './text';

/** Bits of a code's context. */
export const CONTEXT = { neonatal: 1, obstetric: 2, rheumatic: 4 } as const;

/**
 * Context of an ICD-10-CM code (undotted, upper case), by its block in the Tabular List:
 * P00-P96 and Z38 (liveborn infants) neonatal; O00-O9A, Z3A (weeks of gestation), Z33-Z37 and
 * Z39 (pregnancy, delivery, postpartum encounters) obstetric; I00-I09 rheumatic fever and
 * rheumatic heart disease.
 *
 * @example cmContext('P290') // CONTEXT.neonatal
 */
export function cmContext(code: string): number {
  const c0 = code[0];
  if (c0 === 'P') return CONTEXT.neonatal;
  if (c0 === 'O') return CONTEXT.obstetric;
  const cat = code.slice(0, 3);
  if (cat === 'Z38') return CONTEXT.neonatal;
  if (cat === 'Z3A' || (cat >= 'Z33' && cat <= 'Z37') || cat === 'Z39') return CONTEXT.obstetric;
  if (c0 === 'I' && cat >= 'I00' && cat <= 'I09') return CONTEXT.rheumatic;
  return 0;
}

/** Words by which a query names a context (stemmed as the index stems them). */
const CONTEXT_WORDS: [number, string[]][] = [
  [
    CONTEXT.neonatal,
    [
      'newborn',
      'neonatal',
      'neonate',
      'perinatal',
      'fetal',
      'fetus',
      'infant',
      'birth',
      'preterm',
      'premature',
      'prematurity',
      'baby',
      'nicu',
      'liveborn',
    ],
  ],
  [
    CONTEXT.obstetric,
    [
      'pregnancy',
      'pregnant',
      'obstetric',
      'gestational',
      'gestation',
      'puerperal',
      'puerperium',
      'postpartum',
      'antepartum',
      'intrapartum',
      'labor',
      'labour',
      'delivery',
      'delivered',
      'childbirth',
      'maternal',
      'abortion',
      'miscarriage',
      'trimester',
      'weeks',
      'eclampsia',
      'preeclampsia',
      'placenta',
      'cesarean',
      'ectopic',
    ],
  ],
  [CONTEXT.rheumatic, ['rheumatic']],
];

const WORD_CONTEXT = new Map<string, number>();
for (const [bit, list] of CONTEXT_WORDS)
  for (const w of list) WORD_CONTEXT.set(stem(w), (WORD_CONTEXT.get(stem(w)) ?? 0) | bit);

/**
 * Contexts a query names, from its word keys (stemmed, as in {@link stem}).
 * @example queryContext(['newborn', 'jaundic']) // CONTEXT.neonatal
 */
export function queryContext(keys: Iterable<string>): number {
  let bits = 0;
  for (const k of keys) bits |= WORD_CONTEXT.get(k) ?? 0;
  return bits;
}
