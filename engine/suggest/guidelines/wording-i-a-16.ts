/**
 * Reading the words as the classification means them (I.A conventions; the Index "see" and
 * main-term rules):
 * - "secondary to" means "due to" (I.A.15, I.B.7): it does not make a neoplasm secondary (C77-C79,
 *   the Neoplasm Table's "Malignant Secondary" column) or a hypertension secondary (I15);
 * - an Index main term written as an acronym ("CALME") is matched only by the acronym in capitals;
 * - a bare word read through an Index main term with "see also" (I.A.16) is a guess;
 * - a one-word mention that is only a near spelling of the Index main term ("vaccines" for
 *   vaccinia, "drop" for dropsy) is another word.
 * Such codes go to "also documented".
 */
import { sentenceAt } from '../../text';
import { demote } from './tiers';
import type { CandidateMention, GuidelineCandidate, GuidelineRule } from './types';

const SECONDARY_CODE = /^(C7[7-9]|I15)/;
const SECONDARY_TO = /\bsecondary\s+to\b/i;
const INFLECTION = /^(s|es|ed|d|ing|al|ic|ly|ous|ia|e)$/;

function mainTermWords(path: string): string[] {
  const main = path.split(' > ')[0] ?? '';
  return main
    .replace(/\(.*?\)/g, ' ')
    .split(/[,\s]+/)
    .filter((w) => w.length > 0);
}

const CONNECTOR_WORDS = new Set([
  'due',
  'to',
  'with',
  'and',
  'of',
  'the',
  'in',
  'or',
  'by',
  'other',
  'see',
  'also',
  'nec',
  'nos',
]);

/**
 * The cause an Index "due to" subterm names, when the mention's sentence does not state it
 * (the Index line was completed from words elsewhere): "Anemia > due to > hemorrhage" for a
 * bare "anemia". Causation is coded only when documented (I.A.15 presumes only "with" links).
 */
function undocumentedCause(path: string, sentence: string): string | undefined {
  const segments = path.split(' > ');
  const at = segments.findIndex((s) => /\bdue to\b/i.test(s));
  if (at < 0) return undefined;
  const cause = [segments[at]!.replace(/.*\bdue to\b/i, ''), segments[at + 1] ?? ''].join(' ');
  const words = cause
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 2 && !CONNECTOR_WORDS.has(w));
  if (words.length === 0) return undefined;
  const lower = sentence.toLowerCase();
  return words.some((w) => lower.includes(w.slice(0, Math.max(4, Math.min(w.length, 6)))))
    ? undefined
    : words.join(' ');
}

/** Why the mention does not read as the Index line, or `undefined` when it does. */
function misread(c: GuidelineCandidate, m: CandidateMention, sentence: string): string | undefined {
  const quote = m.evidence.text;
  const cause = undocumentedCause(c.suggestion.path, sentence);
  if (cause) return `the Index line needs the cause "${cause}", not documented with "${quote}"`;
  // I.A.16: a main term with "see also" sends the coder elsewhere when more is documented; read
  // from one bare word it is a guess at the condition.
  const main = c.suggestion.path.split(' > ');
  if (main.length === 1 && /\(see also\b/i.test(main[0]!) && /^\w+$/.test(quote))
    return `"${quote}" alone: the Index says "${main[0]!.replace(/^.*?\(/, '(')}", the documented condition decides the code`;
  if (SECONDARY_CODE.test(c.code) && SECONDARY_TO.test(quote) && !/\bsecondary\s+(?!to\b)\w/i.test(quote))
    return `"secondary to" means "due to", not a secondary ${c.code.startsWith('I15') ? 'hypertension' : 'neoplasm'}`;
  const words = mainTermWords(c.suggestion.path);
  const acronym = words.find((w) => w.length >= 3 && /^[A-Z0-9-]+$/.test(w) && /[A-Z]/.test(w));
  if (words.length === 1 && acronym && !quote.includes(acronym)) return `"${quote}" is not the acronym ${acronym}`;
  if (/^\w+$/.test(quote) && words.length > 0) {
    const q = quote.toLowerCase();
    const forms = words.map((w) => w.toLowerCase());
    const same = forms.some((w) => {
      if (w === q) return true;
      const [long, short] = w.length >= q.length ? [w, q] : [q, w];
      return long.startsWith(short) && INFLECTION.test(long.slice(short.length));
    });
    const near = forms.some((w) => {
      let k = 0;
      while (k < w.length && k < q.length && w[k] === q[k]) k++;
      return k >= 4;
    });
    if (!same && near) return `"${quote}" is a different word from the Index term "${words.join(' ')}"`;
  }
  return undefined;
}

export const wordingRule: GuidelineRule = {
  section: 'I.A',
  name: 'words as the classification means them',
  apply(cands, ctx) {
    // Binary search (sentences are ordered): a linear scan per mention made this candidates x
    // mentions x sentences.
    const sentenceOf = (m: CandidateMention): string => {
      const s = ctx.chart.sentences[sentenceAt(ctx.chart, m.evidence.start)];
      return s ? ctx.text.slice(s.start, s.end) : m.evidence.text;
    };
    for (const c of cands) {
      if (c.tier !== 'report' || c.system !== 'cm') continue;
      const live = c.mentions.filter((m) => m.assertion.codedAsEstablished);
      if (live.length === 0) continue;
      // Demoted only when every mention is misread: the first one read as meant decides.
      let first: string | undefined;
      let all = true;
      for (const m of live) {
        const reason = misread(c, m, sentenceOf(m));
        if (reason === undefined) {
          all = false;
          break;
        }
        first ??= reason;
      }
      if (all) demote(c, wordingRule, first!);
    }
  },
};
