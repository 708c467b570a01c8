/**
 * The communicable disease of the source of an exposure, coded as the patient's contact or
 * exposure (Guideline I.C.21.c.1: "Category Z20 indicates contact with, and suspected exposure to,
 * communicable diseases. These codes are for patients who are suspected to have been exposed to a
 * disease by close personal contact with an infected individual"). A condition the assertion
 * layer read as another person's (ConText other experiencer: the source patient of a needle-stick,
 * a partner, a contact) is not the patient's; when the chart states the patient's exposure or
 * contact, the condition gives the Z20 code the Alphabetic Index leads to under "Contact (with)" /
 * "Exposure (to)": the line whose words the condition's Tabular title holds ("Contact, viral
 * hepatitis Z20.5" for "Unspecified viral hepatitis C without hepatic coma").
 *
 * Only conditions of Chapter 1 (A00-B99, certain infectious and parasitic diseases); never a
 * negated, uncertain or hypothetical mention ("the source tested negative for HIV": no exposure to
 * it is suspected); one code per Index line.
 */
import { phraseKeys } from '../tokens';
import { addCode } from './added-code';
import { DIAGNOSTIC_STATEMENT } from './uncertain-diagnosis-ii-h-iv-h';
import type { CandidateMention, GuidelineContext, GuidelineRule } from './types';

/** Confidence of an added contact code: the chart states both the exposure and the source's disease. */
const CONTACT_SCORE = 0.6;

/** Words of the patient's exposure or contact. */
const EXPOSURE =
  /\b(?:expos(?:ure|ures|ed)|contacts?|needle[- ]?sticks?|sharps injury|splash(?:ed)?|bitten|blood[- ]?borne)\b/i;

/** Main terms of the Index lines leading to Z20 (their subterms name the disease). */
const CONTACT_MAIN = /^(?:Contact|Exposure)(?: \([^)]*\))?, /;

/** One Index line to a Z20 code: the words of its subterms, the code, the line. */
interface ContactLine {
  keys: string[];
  code: string;
  path: string;
}

/** Contact lines per table (read once per table: a walk of the whole Index). */
const linesByTable = new WeakMap<object, ContactLine[]>();

function contactLines(ctx: GuidelineContext): ContactLine[] {
  const cm = ctx.tables.cm;
  if (!cm.indexEntries) return [];
  let lines = linesByTable.get(cm);
  if (!lines) {
    lines = [];
    for (const e of cm.indexEntries('index')) {
      if (!e.code.startsWith('Z20') || !CONTACT_MAIN.test(e.path)) continue;
      const keys = phraseKeys(e.path.replace(CONTACT_MAIN, '').replace(/\bNEC\b/g, ' '));
      if (keys.length > 0) lines.push({ keys, code: e.code, path: e.path });
    }
    linesByTable.set(cm, lines);
  }
  return lines;
}

/** The source's mentions of the condition: another person's, not negated, uncertain or hypothetical. */
function sourceMentions(mentions: readonly CandidateMention[]): CandidateMention[] {
  return mentions.filter(
    (m) =>
      m.assertion.assertion === 'other-subject' &&
      !m.assertion.cues.some((c) => c.kind === 'negated' || c.kind === 'uncertain' || c.kind === 'hypothetical'),
  );
}

/**
 * The mention quoted for the added code: one in the provider's diagnostic statement first
 * (Section III: what the provider states there is what is reported), then the shortest (the
 * condition's own words, not a reading spread over a clause).
 */
function quoted(mentions: readonly CandidateMention[]): CandidateMention | undefined {
  const len = (m: CandidateMention): number => m.evidence.end - m.evidence.start;
  const rank = (m: CandidateMention): number => (DIAGNOSTIC_STATEMENT.has(m.section.kind) ? 0 : 1);
  return [...mentions].sort((a, b) => rank(a) - rank(b) || len(a) - len(b) || a.evidence.start - b.evidence.start)[0];
}

/** I.C.21.c.1: a source's communicable disease -> the patient's Z20 contact/exposure code. */
export const contactSourceRule: GuidelineRule = {
  section: 'I.C.21.c.1',
  name: "contact with a source's communicable disease",
  apply(cands, ctx) {
    const exposure = EXPOSURE.exec(ctx.text);
    if (!exposure) return;
    // The Index is walked only for a chart that names another person's condition (rare).
    let lines: ContactLine[] | undefined;
    // Per Index line: the source's conditions that lead to it and their mentions.
    const byLine = new Map<string, { line: ContactLine; codes: string[]; mentions: CandidateMention[] }>();
    for (const c of cands) {
      if (c.system !== 'cm' || !/^[AB]/.test(c.code)) continue;
      const mentions = sourceMentions(c.mentions);
      if (mentions.length === 0) continue;
      const title = new Set(phraseKeys(c.suggestion.title));
      let best: ContactLine | undefined;
      for (const l of (lines ??= contactLines(ctx)))
        if (l.keys.every((k) => title.has(k)) && (!best || l.keys.length > best.keys.length)) best = l;
      if (!best) continue;
      const entry = byLine.get(best.path) ?? { line: best, codes: [], mentions: [] };
      entry.codes.push(c.code);
      entry.mentions.push(...mentions);
      byLine.set(best.path, entry);
    }
    for (const { line, codes, mentions } of byLine.values()) {
      const m = quoted(mentions);
      const detail = ctx.tables.cm.get(line.code);
      if (!m || !detail || detail.billable === false) continue;
      addCode(cands, contactSourceRule, {
        code: line.code,
        title: detail.long,
        path: `Index: ${line.path}`,
        mention: { ...m, assertion: { ...m.assertion, codedAsEstablished: true, rule: 'I.C.21.c.1' } },
        score: CONTACT_SCORE,
        reason: `"${m.evidence.text}" is another person's condition (${codes.join(', ')}) and the chart states the patient's exposure ("${exposure[0]}"): contact with and (suspected) exposure to it (I.C.21.c.1; Index: ${line.path} ${line.code})`,
      });
    }
  },
};
