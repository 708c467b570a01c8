/**
 * Primary and secondary sites of a malignancy (I.C.2 general: "If malignant, any secondary
 * (metastatic) sites should also be determined"; I.C.2.d: "Any mention of extension, invasion, or
 * metastasis to another site is coded as a secondary malignant neoplasm to that site"; the Index's
 * "Metastasis, metastatic > from specified site - see Neoplasm, malignant, by site; > to specified
 * site - see Neoplasm, secondary, by site").
 *
 * A site word of the chart is a secondary site when metastasis is said to reach it ("metastases to
 * the liver", "spread into the bone") or it names the deposits ("liver metastases", "peritoneal
 * carcinomatosis"); it is a primary site when it names the cancer itself ("metastatic ovarian
 * cancer", "adenocarcinoma of the colon metastatic to the liver": the colon), i.e. it lies inside the
 * words of a primary malignancy's mention and nothing marks it as a secondary site.
 *
 * So a secondary-site code (C77-C79) read from a site word that the sentence names only as the
 * primary's site is suppressed ("metastatic ovarian cancer" is C56.9 with C79.9, not C79.6-), and a
 * primary-site code read from a site word that the sentence names only as a secondary site is
 * suppressed ("metastatic to the liver" is C78.7, not C22.9).
 */
import { reported, suppress } from './tiers';
import type { GuidelineCandidate, GuidelineContext, GuidelineRule } from './types';

/** Secondary malignant neoplasm of a site (C77-C79); C79.9 names none. */
const SECONDARY = /^C7[7-9]/;
/** Primary malignant neoplasm of a site or tissue (C00-C76, C81-C96). */
const PRIMARY = /^(C[0-6][0-9]|C7[0-6]|C8[1-9]|C9[0-6])/;

/**
 * `true` when one code is a primary malignancy and the other a secondary one: two conditions
 * (the primary and its metastasis, both coded: I.C.2 general), even where one's words lie inside
 * the other's ("metastatic ovarian cancer").
 *
 * @example primaryAndSecondary('C56.9', 'C79.9') // true
 */
export function primaryAndSecondary(a: string, b: string): boolean {
  return (PRIMARY.test(a) && SECONDARY.test(b)) || (PRIMARY.test(b) && SECONDARY.test(a));
}

/** Title words that name behaviour, residual or missing detail, not a site. */
const NOT_SITE = new Set(
  (
    'secondary malignant neoplasm neoplasms of and or the other unspecified specified site sites part parts ' +
    'not as primary overlapping lesion ill defined nec nos with without in to'
  ).split(' '),
);

/** Words that say metastasis reaches what follows ("metastatic to", "spread into", "involving"). */
const TO_SITE =
  /\b(?:metasta\w*|mets|spread\w*|extension|extend\w*|invasion|invad\w*|involv\w*)\s+(?:\w+\s+){0,2}?(?:to|into|throughout|within|in|involving)\s+(?:(?:the|both|bilateral|left|right|multiple)\s+)*$/i;
/** Words after a site that name deposits there ("liver metastases", "peritoneal carcinomatosis"). */
const DEPOSITS_AFTER =
  /^\s*(?:\w+\s+)?(?:metastas[ie]s|metastatic\s+(?:disease|lesions?|deposits?|foci|implants?)|mets\b|carcinomatosis|deposits?|implants)/i;

/**
 * Site words of a candidate, lower-case: its Tabular title's, and the site rows of the Neoplasm
 * Table path it was read by ("Neoplasm, neoplastic > colon > Malignant Secondary": colon).
 */
function siteWords(c: GuidelineCandidate): string[] {
  const table = /^Neoplasm, neoplastic > (.*) > [^>]*$/.exec(c.suggestion.path)?.[1] ?? '';
  return [
    ...new Set(
      `${c.suggestion.title} ${table}`
        .toLowerCase()
        .replace(/\([^)]*\)/g, ' ')
        .split(/[^a-z]+/)
        .filter((w) => w.length > 3 && !NOT_SITE.has(w)),
    ),
  ];
}

/** Where a site word occurs in a sentence: a shared stem ("ovary", "ovarian"; "appendix", "appendiceal"). */
function occurrences(sentence: string, from: number, word: string): { start: number; end: number }[] {
  const stem = word.length > 5 ? word.slice(0, 5) : word.slice(0, 4);
  const out: { start: number; end: number }[] = [];
  const re = new RegExp(`\\b${stem}[a-z]*`, 'gi');
  for (let m = re.exec(sentence); m; m = re.exec(sentence))
    out.push({ start: from + m.index, end: from + m.index + m[0].length });
  return out;
}

type SiteRole = 'secondary' | 'primary' | 'unmarked';

/** What the chart says a site occurrence is. */
function roleOf(
  at: { start: number; end: number },
  sentenceStart: number,
  primaries: readonly GuidelineCandidate[],
  ctx: GuidelineContext,
): SiteRole {
  const before = ctx.text.slice(sentenceStart, at.start);
  const after = ctx.text.slice(at.end, at.end + 60);
  if (TO_SITE.test(before) || DEPOSITS_AFTER.test(after)) return 'secondary';
  const inPrimary = primaries.some((p) =>
    p.mentions.some((m) => m.evidence.start <= at.start && at.end <= m.evidence.end),
  );
  return inPrimary ? 'primary' : 'unmarked';
}

/** Roles of a candidate's site words over its mentions' sentences. */
function siteRoles(c: GuidelineCandidate, primaries: readonly GuidelineCandidate[], ctx: GuidelineContext): SiteRole[] {
  const words = siteWords(c);
  const roles: SiteRole[] = [];
  for (const m of c.mentions) {
    const s = ctx.chart.sentences.find((x) => x.start <= m.evidence.start && m.evidence.start < x.end);
    if (!s) continue;
    const sentence = ctx.text.slice(s.start, s.end);
    for (const w of words)
      for (const at of occurrences(sentence, s.start, w)) roles.push(roleOf(at, s.start, primaries, ctx));
  }
  return roles;
}

export const metastasisSiteRule: GuidelineRule = {
  section: 'I.C.2.d',
  name: 'primary and secondary sites',
  apply(cands, ctx) {
    const primaries = cands.filter((c) => c.system === 'cm' && PRIMARY.test(c.code) && c.tier !== 'suppressed');
    for (const c of reported(cands)) {
      const secondary = SECONDARY.test(c.code);
      if (!secondary && !PRIMARY.test(c.code)) continue;
      if (siteWords(c).length === 0) continue;
      const roles = siteRoles(
        c,
        primaries.filter((p) => p !== c),
        ctx,
      );
      if (roles.length === 0 || roles.includes('unmarked')) continue;
      if (secondary && roles.every((r) => r === 'primary'))
        suppress(
          c,
          metastasisSiteRule,
          'the chart names this site as the primary malignancy\'s ("metastatic <site> cancer"), not as a site the metastasis reaches',
        );
      else if (!secondary && roles.every((r) => r === 'secondary'))
        suppress(
          c,
          metastasisSiteRule,
          'the chart names this site as one the metastasis reaches ("metastatic to", "<site> metastases"): a secondary site (I.C.2.d)',
        );
    }
  },
};
