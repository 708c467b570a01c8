/**
 * Diagnostic-test context of a mention: words that name a disease or a body substance can stand
 * for a test rather than a finding of the patient. Coding practice codes none of these as a
 * condition:
 * - `test-name`: the words modify the name of a test, specimen or measurement ("blood cultures",
 *   "stress evaluation", "HIV screen"): a test ordered or done states no finding (ICD-10-CM
 *   Official Guidelines III.B: even abnormal results are coded only when the provider states
 *   their significance; a test's name is not a result);
 * - `negative-result`: the mention is the subject of a negative or normal result ("hepatitis C and
 *   HIV, each of which came back negative"): only confirmed conditions are coded (I.C.1.a.1 for HIV;
 *   III.B, IV.K);
 * - `immunity`: the disease is the target of a vaccination, a booster or an immunity titer ("up to
 *   date on immunizations including tetanus", "hepatitis B vaccine series"): the patient is
 *   protected from it, not ill with it (I.C.21.c.2 codes the vaccination encounter with Z23);
 * - `test-finding`: the mention is what a named test "showed" or "revealed" ("the scan showed a
 *   defect"): an abnormal finding, coded only when the provider states its clinical significance
 *   (III.B; IV.K for outpatients).
 *
 * A cue list beside ConText ({@link findingContext}): read only for the sentence of the mention.
 */
import { sentenceAt } from './context';
import type { Span, TextAnalysis } from './types';

/** Kind of a diagnostic-test context (see the file comment). */
export type TestContextKind = 'test-name' | 'negative-result' | 'immunity' | 'test-finding';

/** A test context found for a mention, with the words that decided it (offsets into the text). */
export interface TestCue extends Span {
  kind: TestContextKind;
  text: string;
}

/** Head nouns of a test, specimen or measurement name. */
const TEST_HEAD =
  'cultures?|tests?|testing|levels?|panels?|counts?|gas(?:es)?|draws?|work(?:[- ]?up)?|samples?|specimens?|smears?|assays?|serolog(?:y|ies)|titers?|titres?|screen(?:s|ing)?|stud(?:y|ies)|evaluations?|scans?|stains?|pressures?|sugars?|markers?|probes?|swabs?|cards?|monitoring|protocol|cells?';

/**
 * After the mention: up to four more items of a coordinated list ("blood, wound and urine
 * cultures"), then the head noun of the test, or "to" and the test a result leads to ("reflex to
 * culture"). The list items are single words, so a clause is
 * never read as a list.
 */
const TEST_NAME_AFTER = new RegExp(
  `^(?:\\s*,\\s*(?:and\\s+|or\\s+)?[a-z][a-z-]*|\\s+(?:and|or)\\s+[a-z][a-z-]*){0,4}\\s+(?:to\\s+)?(${TEST_HEAD})\\b`,
  'i',
);

/** Results that state the tested condition is absent. */
const NEGATIVE = 'negative|normal|non-?reactive|unremarkable|undetectable|not detected|within normal limits';

/**
 * After the mention, either a negative result written next to it ("HIV negative", "hepatitis
 * panel non-reactive"), or, after optional coordinated items and a relative ("both of which"), a
 * verb of result and a negative result ("... and HIV, each of which came back negative"). "Normal"
 * counts only after a verb: "anemia, normal iron studies" says nothing of the anemia.
 */
const NEGATIVE_AFTER = new RegExp(
  `^(?:\\s+(?:(?:${TEST_HEAD}|antibod(?:y|ies))\\s+)?(negative|non-?reactive|undetectable|not detected)\\b` +
    `|(?:\\s*,\\s*(?:and\\s+|or\\s+)?[a-z][a-z0-9-]*|\\s+(?:and|or)\\s+[a-z][a-z0-9-]*){0,4}[\\s,]*` +
    `(?:(?:both|all|each|either|neither|none) of (?:which|them|these|those)\\s+|which\\s+|that\\s+)?` +
    `(?:(?:${TEST_HEAD}|antibod(?:y|ies))\\s+)?` +
    `(?:was|were|is|are|came back|returned|has been|have been|had been)\\s+(?:also\\s+)?(${NEGATIVE})\\b)`,
  'i',
);

/**
 * Before the mention: "tested negative for", "screen was negative for", or a finding set aside as
 * not real ("lead artifact rather than an actual infarct").
 */
const NEGATIVE_BEFORE = new RegExp(
  `(?:\\b((?:tested|test(?:s|ing)?|screen(?:ed|ing)?|came back|returned|was|were)\\s+(?:${NEGATIVE})\\s+for)\\s+(?:[a-z][a-z0-9-]*\\s+){0,2}` +
    `|\\b(rather than)\\s+(?:(?:a|an|true|real|actual)\\s+){0,2})$`,
  'i',
);

/** Words of protection from a disease. */
const IMMUNITY_WORDS =
  'vaccin\\w*|immuni[sz]\\w*|inoculat\\w*|shots?|boosters?|titers?|titres?|antibod(?:y|ies)|immune|immunity|toxoid';

/** Before the mention: "immunization including tetanus", "two-dose vaccine series against hepatitis B", "immune to rubella". */
const IMMUNITY_BEFORE = new RegExp(
  `\\b(${IMMUNITY_WORDS})\\s+(?:[a-z0-9-]+\\s+){0,2}?(?:for|against|to|including)\\s+(?:[a-z][a-z0-9-]*\\s+){0,3}$`,
  'i',
);

/** After the mention: "tetanus shot", "hepatitis B vaccine", "rubella titer", "hepatitis B surface antibody". */
const IMMUNITY_AFTER = new RegExp(
  `^\\s*(?:\\(\\w+\\)\\s*)?(?:virus\\s+|surface\\s+|core\\s+)?(${IMMUNITY_WORDS}|series)\\b`,
  'i',
);

/** Names of diagnostic tests and imaging. */
const TEST_NOUN =
  'tests?|scans?|stud(?:y|ies)|x-?rays?|films?|radiographs?|ct|cta|mri|mra|pet|echo\\w*|ultrasound|sonogram|doppler|angiogra\\w*|arteriogra\\w*|venogra\\w*|catheteri[sz]ation|cath|biopsy|ekg|ecg|eeg|emg|endoscopy|colonoscopy|culture|imaging|v\\/q';

/**
 * Before the mention, within the sentence: a test named, then a verb of result, then at most
 * six words ("an exercise test which showed lateral", "the V/Q scan showed a small").
 */
const FINDING_BEFORE = new RegExp(
  `\\b(?:${TEST_NOUN})\\b[^.;:]{0,40}?\\b(show(?:ed|s|ing)?|reveal(?:ed|s|ing)?|demonstrat(?:ed|es|ing)|noted|found|with evidence of)\\b(?:\\s+[^\\s.;:]+){0,6}\\s*$`,
  'i',
);

/**
 * The diagnostic-test context of the mention at `span`, `undefined` when none. `path` is the
 * Index path or title the mention was read as: a test word that belongs to it ("Pressure >
 * blood > high") is the finding's own, not a test name.
 *
 * @example
 * const t = 'He had blood, wound, and urine cultures.';
 * testContext(t, { start: 7, end: 12 }, analyzeText(t))?.kind // 'test-name'
 */
export function testContext(text: string, span: Span, analysis: TextAnalysis, path = ''): TestCue | undefined {
  const s = analysis.sentences[sentenceAt(analysis, span.start)];
  if (!s) return undefined;
  const before = text.slice(s.start, span.start);
  const after = text.slice(span.end, Math.max(span.end, s.end));
  const own = path.toLowerCase();
  const cueAfter = (re: RegExp, kind: TestContextKind): TestCue | undefined => {
    const m = re.exec(after);
    const word = m?.slice(1).find((g) => g !== undefined);
    if (!m || !word) return undefined;
    const start = span.end + m.index + m[0].length - word.length;
    return { kind, start, end: start + word.length, text: word };
  };
  const cueBefore = (re: RegExp, kind: TestContextKind): TestCue | undefined => {
    const m = re.exec(before);
    const word = m?.slice(1).find((g) => g !== undefined);
    if (!m || !word) return undefined;
    const start = s.start + m.index + m[0].indexOf(word);
    return { kind, start, end: start + word.length, text: word };
  };
  const immunity = cueBefore(IMMUNITY_BEFORE, 'immunity') ?? cueAfter(IMMUNITY_AFTER, 'immunity');
  if (immunity && !own.includes(immunity.text.toLowerCase().slice(0, 5))) return immunity;
  const negative = cueAfter(NEGATIVE_AFTER, 'negative-result') ?? cueBefore(NEGATIVE_BEFORE, 'negative-result');
  if (negative) return negative;
  const name = cueAfter(TEST_NAME_AFTER, 'test-name');
  // The head noun is the finding's own word ("blood pressure" read as "Pressure > blood > ...").
  if (name && !own.includes(name.text.toLowerCase().replace(/(?:e?s|ing)$/, ''))) return name;
  return cueBefore(FINDING_BEFORE, 'test-finding');
}
