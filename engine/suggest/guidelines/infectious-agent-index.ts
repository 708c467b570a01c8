/**
 * Which infectious agent code (categories B95-B97) an organism named in a chart takes, read once
 * per table from the official Alphabetic Index: its "<organism>, as cause of disease classified
 * elsewhere" lines and the "Infection, infected, infective, <organism> ..., as cause of disease
 * classified elsewhere" lines (e.g. "Escherichia coli, as cause of disease classified elsewhere
 * B96.20 (E. coli)"). Each line gives the words of its organism (the path without the generic
 * words), and its nonessential modifiers give the short forms the Index prints beside it (an
 * acronym such as "(MRSA)", an abbreviated name such as "(E. coli)", a genus initial such as
 * "(K.)" for "K. pneumoniae"). Nothing here is typed in: a release whose Index lacks a line
 * simply has no term for it.
 */
import { noteRefs, refCovers, type CodeRef } from '../codes-in-note';

/** One way the chart can name an infectious agent. */
export interface AgentTerm {
  /** Agent code (dotted), in B95-B97. */
  code: string;
  /** Lower-case words that must all appear close together, in any order (`["escherichia", "coli"]`). */
  words: readonly string[];
  /** The Index line it was read from (its path and, after a space, the modifier it came from). */
  source: string;
  /** An acronym the Index prints ("MRSA"): the chart must write it in capitals, as printed. */
  acronym?: string;
}

/** The agent terms of a table and the codes a named genus alone leads to. */
export interface AgentIndex {
  terms: readonly AgentTerm[];
  /**
   * Bacterial genus (first word of a two-word organism the Index capitalises, e.g. `klebsiella`)
   * with the codes of every line of that genus: one code when the genus decides it, several when
   * the species would (then {@link bacterialNec} applies).
   */
  genera: ReadonlyMap<string, { codes: ReadonlySet<string>; source: string }>;
  /** "Bacterium, bacteria, bacterial, agent NEC, as cause of disease classified elsewhere": the code of a bacterium the Index does not name. */
  bacterialNec: { code: string; source: string } | undefined;
}

/** One Alphabetic Index line. */
interface IndexLine {
  path: string;
  code: string;
  see: string;
  nemod: string;
}

/** What {@link agentIndexOf} reads (structurally `CmTable`): the agent codes and the Index lines leading to each. */
export interface AgentIndexSource {
  billableDescendants(code: string): readonly { dotted: string }[];
  get(code: string): { indexEntries?: readonly IndexLine[] } | undefined;
}

/**
 * Codes and ranges of a note, with a range written without spaces ("B95-B97") read as a range:
 * `noteRefs` reads the hyphen right after a code as the code's own dash ("N18.-"), which splits
 * such a range into its two ends; spacing the hyphen keeps it one range.
 *
 * @example rangeRefs('code (B95-B97), to identify infectious agent') // [{ from: 'B95', to: 'B97' }]
 */
export const rangeRefs = (text: string): CodeRef[] => noteRefs(text.replace(/(?<=\w)-(?=[A-Z]\d)/g, ' - '));

const AS_CAUSE = /\bas cause of disease classified elsewhere\b/i;
/** Infectious agents as the cause of diseases classified elsewhere (I.C.1.b). */
const AGENT_CATEGORY_NAMES = ['B95', 'B96', 'B97'];
const AGENT_CATEGORIES = rangeRefs('B95-B97');
/** Bacterial agent categories (a genus read alone is a bacterium's). */
const BACTERIAL = rangeRefs('B95-B96');
/** Words of an Index path that say "an infection by an agent", not which agent. */
const GENERIC = new Set([
  'infection',
  'infected',
  'infective',
  'as',
  'cause',
  'of',
  'disease',
  'classified',
  'elsewhere',
  'nec',
  'nos',
  'bacterial',
  'bacterium',
  'bacteria',
  'agent',
  'virus',
  'viral',
  'unspecified',
  'site',
]);
/** A line for "other specified" agents of a group: no words of the chart name it. */
const SPECIFIED = /\bspecified\b/i;
/** A nonessential modifier that is an acronym the chart may write instead ("MRSA", "STEC", "HIV 2"). */
const ACRONYM = /^[A-Z][A-Z0-9-]*(?: [0-9A-Z]+)?$/;
/** A genus initial ("K.") or an abbreviated binomial ("E. coli"). */
const INITIAL = /^[A-Z]\.$/;
const ABBREVIATED = /^[A-Z]\.\s?[a-z]+$/;

const undotted = (code: string): string => code.replace('.', '');
const isAgent = (code: string): boolean => AGENT_CATEGORIES.some((r) => refCovers(r, undotted(code)));
const isBacterial = (code: string): boolean => BACTERIAL.some((r) => refCovers(r, undotted(code)));

/** Lower-case words of a text (letters and digits). */
export const wordsOf = (text: string): string[] => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];

const cache = new WeakMap<object, AgentIndex>();

/**
 * Uses `index` (what {@link agentIndexOf} returned for this very table, e.g. read from a bundle
 * built at build time) as the table's agent terms, unless they were built already.
 */
export function primeAgentIndex(cm: AgentIndexSource, index: AgentIndex): void {
  if (!cache.has(cm)) cache.set(cm, index);
}

/**
 * Every agent term of the Index (cached per table).
 *
 * @example agentIndexOf(cm).terms.find((t) => t.words.join(' ') === 'mrsa')?.code // 'B95.62'
 */
export function agentIndexOf(cm: AgentIndexSource): AgentIndex {
  const hit = cache.get(cm);
  if (hit) return hit;
  const terms: AgentTerm[] = [];
  const genera = new Map<string, { codes: Set<string>; source: string }>();
  let bacterialNec: AgentIndex['bacterialNec'];
  // The Index lines leading to each agent code (a few hundred), not the whole Index.
  const lines = AGENT_CATEGORY_NAMES.flatMap((category) =>
    cm.billableDescendants(category).flatMap((c) => cm.get(c.dotted)?.indexEntries ?? []),
  );
  for (const e of lines) {
    if (!e.code || e.see || !isAgent(e.code) || !AS_CAUSE.test(e.path) || SPECIFIED.test(e.path)) continue;
    const parts = e.path.split(', ').map((p) => p.replace(AS_CAUSE, ' ').trim());
    // An upper-case path word ("ECHO") is an acronym the chart uses for other things; a bracketed
    // part ("Escherichia coli [E. coli]") is a second name of the same organism.
    if (parts.some((p) => /\b[A-Z]{3,}\b/.test(p.replace(/\b(NEC|NOS)\b/g, '')))) continue;
    const organism = parts.filter((p) => wordsOf(p).some((w) => !GENERIC.has(w)));
    const bracket = /\[([^\]]*)\]/.exec(organism.at(-1) ?? '')?.[1];
    const plain = organism.map((p) => p.replace(/\[[^\]]*\]/g, ' '));
    const words = plain.flatMap(wordsOf).filter((w) => !GENERIC.has(w));
    if (words.length === 0) {
      if (/^Bacteri/i.test(e.path) && !bacterialNec) bacterialNec = { code: e.code, source: e.path };
      continue;
    }
    terms.push({ code: e.code, words, source: e.path });
    if (bracket && ABBREVIATED.test(bracket.replace(/\.(?=\S)/, '. ')))
      terms.push({ code: e.code, words: wordsOf(bracket), source: e.path });
    const first = plain[0]!;
    const binomial = wordsOf(first.replace(/\b(NEC|NOS)\b/g, ''));
    for (const group of e.nemod.match(/\(([^)]*)\)/g) ?? []) {
      const g = group.slice(1, -1).trim();
      if (INITIAL.test(g) && binomial.length >= 2)
        terms.push({ code: e.code, words: [g[0]!.toLowerCase(), ...words.slice(1)], source: `${e.path} ${group}` });
      else if (ABBREVIATED.test(g) || ACRONYM.test(g))
        terms.push({
          code: e.code,
          words: wordsOf(g),
          source: `${e.path} ${group}`,
          ...(ACRONYM.test(g) ? { acronym: g } : {}),
        });
    }
    // A genus is the capitalised first word of a binomial ("Klebsiella pneumoniae"), or of a genus
    // entry with its species as a subterm ("Clostridium NEC, perfringens").
    const genus = /^[A-Z][a-z]{4,}$/.exec(first.split(' ')[0] ?? '')?.[0];
    if (genus && isBacterial(e.code) && words.length >= 2) {
      const g = genera.get(genus.toLowerCase()) ?? { codes: new Set<string>(), source: e.path };
      g.codes.add(e.code);
      genera.set(genus.toLowerCase(), g);
    }
  }
  const out: AgentIndex = { terms, genera, bacterialNec };
  cache.set(cm, out);
  return out;
}
