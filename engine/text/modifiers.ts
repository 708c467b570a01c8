import { sentenceAt } from './context';
import type { FindingModifiers, ModifierValue, Span, TextAnalysis } from './types';

type Rule<T extends string> = readonly [RegExp, (m: RegExpExecArray) => T];

const LATERALITY: readonly Rule<'right' | 'left' | 'bilateral'>[] = [
  [
    /\b(bilateral(?:ly)?|both (?:sides|legs|lower extremities|upper extremities|lungs|eyes|ears|kidneys|knees|hips)|b\/l)\b/gi,
    () => 'bilateral',
  ],
  [/\b(right|rt\.?|r\.)(?=\s)/gi, () => 'right'],
  [/\b(left|lt\.?|l\.)(?=\s)/gi, () => 'left'],
];
const ACUITY: readonly Rule<'acute' | 'chronic' | 'acute-on-chronic' | 'subacute'>[] = [
  [
    /\b(acute[- ]on[- ]chronic|acutely decompensated chronic|acute exacerbation of chronic)\b/gi,
    () => 'acute-on-chronic',
  ],
  [/\b(subacute)\b/gi, () => 'subacute'],
  [/\b(acute|acutely|decompensated|exacerbation)\b/gi, () => 'acute'],
  [/\b(chronic|long[- ]standing)\b/gi, () => 'chronic'],
];
const SEVERITY: readonly Rule<'mild' | 'moderate' | 'severe'>[] = [
  [/\b(mild(?:ly)?)\b/gi, () => 'mild'],
  [/\b(moderate(?:ly)?)\b/gi, () => 'moderate'],
  [/\b(severe(?:ly)?|critical|profound)\b/gi, () => 'severe'],
];
const ROMAN: Record<string, string> = { i: '1', ii: '2', iii: '3', iiia: '3a', iiib: '3b', iv: '4', v: '5' };
const STAGE: readonly Rule<string>[] = [
  [/\b(end[- ]stage (?:renal|kidney) disease|esrd|eskd)\b/gi, () => 'esrd'],
  [/\bstage\s*([1-5][ab]?|i{1,3}[ab]?|iv|v)\b/gi, (m) => ROMAN[m[1]!.toLowerCase()] ?? m[1]!.toLowerCase()],
  [/\bckd\s*([1-5][ab]?)\b/gi, (m) => m[1]!.toLowerCase()],
];
const TYPE: readonly Rule<string>[] = [
  [/\b(type\s*(?:1|i|one)|t1dm?|insulin[- ]dependent)\b/gi, () => 'type 1'],
  [/\b(type\s*(?:2|ii|two)|t2dm?|non[- ]insulin[- ]dependent)\b/gi, () => 'type 2'],
  [/\b(combined systolic and diastolic|systolic and diastolic|hfm?r?ef and hfpef)\b/gi, () => 'combined'],
  [/\b(systolic|hfref|reduced ejection fraction)\b/gi, () => 'systolic'],
  [/\b(diastolic|hfpef|preserved ejection fraction)\b/gi, () => 'diastolic'],
];
const ORGANISMS: readonly [RegExp, string][] = [
  [/\b(e\.?\s?coli|escherichia coli)\b/gi, 'Escherichia coli'],
  [/\b(mrsa|methicillin[- ]resistant staph(?:ylococcus)? aureus)\b/gi, 'MRSA'],
  [
    /\b(mssa|methicillin[- ]susceptible staph(?:ylococcus)? aureus|staph(?:ylococcus)? aureus|s\.\s?aureus)\b/gi,
    'Staphylococcus aureus',
  ],
  [/\b(strep(?:tococcus)? pneumoniae|pneumococc(?:us|al))\b/gi, 'Streptococcus pneumoniae'],
  [/\b(pseudomonas(?: aeruginosa)?)\b/gi, 'Pseudomonas aeruginosa'],
  [/\b(klebsiella(?: pneumoniae)?)\b/gi, 'Klebsiella pneumoniae'],
  [/\b(haemophilus influenzae|h\.\s?influenzae)\b/gi, 'Haemophilus influenzae'],
  [/\b(c\.?\s?diff(?:icile)?|clostridi(?:um|oides) difficile)\b/gi, 'Clostridioides difficile'],
  [/\b(enterococc(?:us|al)(?: faecalis| faecium)?|vre)\b/gi, 'Enterococcus'],
  [/\b(candida(?: albicans)?)\b/gi, 'Candida'],
  [/\b(influenza(?: [ab])?)\b/gi, 'Influenza virus'],
  [/\b(covid-19|sars-cov-2|coronavirus)\b/gi, 'SARS-CoV-2'],
  [/\b(rsv|respiratory syncytial virus)\b/gi, 'Respiratory syncytial virus'],
  [/\b(mycobacterium tuberculosis|tuberculosis)\b/gi, 'Mycobacterium tuberculosis'],
];
/** A number of weeks or months, in figures or words. */
const COUNT = '\\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|a couple of';
/** Treatments of an injury after which the patient is seen while it heals (I.C.19.a). */
const TREATMENT =
  'fixation|orif|open reduction|closed reduction|reduction|repair|casting|cast|splinting|splint|pinning|nailing|plating|surgery|surgical treatment|treatment|management';
const ENCOUNTER: readonly Rule<'initial' | 'subsequent' | 'sequela'>[] = [
  [/\b(sequela[es]?|late effects? of|residual (?:of|from))\b/gi, () => 'sequela'],
  [
    /\b(follow[- ]?up (?:visit|encounter)|routine healing|delayed healing|nonunion|malunion|cast (?:change|removal)|suture removal|subsequent encounter|healing (?:fracture|well))\b/gi,
    () => 'subsequent',
  ],
  // A visit some weeks or months after the injury's treatment, or one the chart calls a
  // follow-up: I.C.19.a gives 7th character "D" to "encounters after the patient has completed
  // active treatment of the condition and is receiving routine care for the condition during the
  // healing or recovery phase". Days are left out: "2 days status post fixation" is still the
  // stay of active treatment; "follow up with orthopedics" (a plan) is no follow-up visit.
  [
    new RegExp(
      `\\b(?:follow[- ]?up,? (?:${COUNT}) (?:weeks?|months?)|(?:here|seen|returns?|presents?|comes? in) (?:today )?for (?:a |his |her |their )?(?:routine )?follow[- ]?up|(?:${COUNT}) (?:weeks?|months?) (?:status post|s/p|post[- ]?op(?:eratively)?|after|following) (?:[\\w-]+ ){0,5}?(?:${TREATMENT}))\\b`,
      'gi',
    ),
    () => 'subsequent',
  ],
  [
    /\b(initial encounter|active treatment|emergency department|ed visit|presents? (?:to|with)|brought in|sustained|fell)\b/gi,
    () => 'initial',
  ],
];

const ORGANISM_RULES: readonly Rule<string>[] = ORGANISMS.map(([re, name]) => [re, () => name] as const);

/** Where a finding's qualifiers are read: its sentence (the span itself outside every sentence). */
function windowOf(span: Span, analysis: TextAnalysis): Span {
  const s = analysis.sentences[sentenceAt(analysis, span.start)];
  return s ? { start: s.start, end: s.end } : { start: span.start, end: span.end };
}

function nearest<T extends string>(
  text: string,
  win: Span,
  span: Span,
  rules: readonly Rule<T>[],
): ModifierValue<T> | undefined {
  const slice = text.slice(win.start, win.end);
  let best: ModifierValue<T> | undefined;
  let bestDist = Infinity;
  for (const [re, value] of rules) {
    re.lastIndex = 0;
    for (let m = re.exec(slice); m; m = re.exec(slice)) {
      const start = win.start + m.index;
      const end = start + m[0].length;
      const dist = end <= span.start ? span.start - end : start >= span.end ? start - span.end : 0;
      if (dist < bestDist) {
        bestDist = dist;
        best = { value: value(m), start, end, text: text.slice(start, end) };
      }
    }
    if (best && bestDist === 0) break;
  }
  return best;
}

/**
 * Qualifiers of the finding at `span` stated in its sentence (laterality, acuity, severity,
 * stage, type, organism, encounter); the one closest to the finding wins. The finding's own words
 * count (`acute on chronic systolic heart failure` yields acuity and type).
 *
 * @example
 * const t = 'Acute on chronic systolic heart failure.';
 * findingModifiers(t, { start: 26, end: 39 }, analyzeText(t)).acuity?.value // 'acute-on-chronic'
 */
export function findingModifiers(text: string, span: Span, analysis: TextAnalysis): FindingModifiers {
  const win = windowOf(span, analysis);
  const out: FindingModifiers = {};
  const laterality = nearest(text, win, span, LATERALITY);
  if (laterality) out.laterality = laterality;
  const acuity = nearest(text, win, span, ACUITY);
  if (acuity) out.acuity = acuity;
  const severity = nearest(text, win, span, SEVERITY);
  if (severity) out.severity = severity;
  const stage = nearest(text, win, span, STAGE);
  if (stage) out.stage = stage;
  const type = nearest(text, win, span, TYPE);
  if (type) out.type = type;
  const organism = nearest(text, win, span, ORGANISM_RULES);
  if (organism) out.organism = organism;
  const encounter = nearest(text, win, span, ENCOUNTER);
  if (encounter) out.encounter = encounter;
  return out;
}

/**
 * The encounter qualifier alone, exactly `findingModifiers(text, span, analysis).encounter`
 * without reading the six other qualifiers: the suggester asks only this one (for the 7th
 * character) for every code it completes.
 *
 * @example
 * const t = 'Follow-up visit for a healing fracture of the radius.';
 * findingEncounter(t, { start: 30, end: 38 }, analyzeText(t))?.value // 'subsequent'
 */
export function findingEncounter(text: string, span: Span, analysis: TextAnalysis): FindingModifiers['encounter'] {
  return nearest(text, windowOf(span, analysis), span, ENCOUNTER);
}
