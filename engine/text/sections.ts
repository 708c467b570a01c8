import { collapseWhitespace } from './collapse-whitespace';
import type { SectionAuthor, SectionKind, TextSection } from './types';

/**
 * Heading words to section kind. Matched against a normalised heading (lower case, punctuation
 * and extra spaces removed). Order matters: the first pattern that matches wins.
 */
const HEADINGS: readonly [RegExp, SectionKind][] = [
  // Operative and procedure notes (before the generic "diagnosis" and "procedure" headings).
  [/^(pre-? ?op(erative)?|pre-? ?procedure) (diagnos[ie]s|dx)$/, 'preoperative-diagnosis'],
  [/^(post-? ?op(erative)?|post-? ?procedure) (diagnos[ie]s|dx)$/, 'postoperative-diagnosis'],
  [
    /^(description of (the )?(procedure|operation)|procedure in detail|details? of (the )?(procedure|operation)|operative (technique|description|details?)|technique|procedure description|narrative)$/,
    'procedure-description',
  ],
  [
    /^(indications?( for (the )?(procedure|operation|surgery))?|reason for (procedure|operation|surgery))$/,
    'indications',
  ],
  [/^((operative |intraoperative )?findings)$/, 'operative-findings'],
  [/^(anesthesia|anesthetic|type of anesthesia)$/, 'anesthesia'],
  [/^(complications?|intraoperative complications)$/, 'complications'],
  [
    /^((emergency department|ed|er) course|course in the (ed|emergency department)|medical decision making and ed course)$/,
    'ed-course',
  ],
  [/^(consults?|consultations?)$/, 'consults'],
  [/^(microbiology|micro|cultures?)$/, 'microbiology'],
  [
    /^(nursing( note| notes| assessment| skin assessment)?|skin assessment|flowsheet|i ?& ?o|intake and output|mar)$/,
    'nursing',
  ],
  [/^(nutrition( assessment| note| consult)?|dieti[ct]ian( note| assessment| consult)?|rd note)$/, 'nutrition'],
  [/^(wound care( note| consult)?|wocn|wound( assessment)?)$/, 'wound-care'],
  [/^(orders?)$/, 'orders'],
  [/^(chief complaints?|cc|reason for (visit|admission|consult(ation)?)|presenting complaint)$/, 'chief-complaint'],
  [
    /^(history of (the )?present(ing)? illness|hpi|present illness|history|clinical history|subjective|interval history|case (report|presentation)|clinical case)$/,
    'hpi',
  ],
  [/^(past surgical history|psh|surgical history|prior surgeries)$/, 'past-surgical-history'],
  [
    /^(past medical history|pmh|medical history|past history|problem list|active problems|(personal )?antecedents?|history of past illness)$/,
    'past-history',
  ],
  [
    /^((home |current |outpatient |discharge |admission )?medications?|meds|medication list|current outpatient prescriptions)$/,
    'medications',
  ],
  [/^(allerg(y|ies)|drug allergies)$/, 'allergies'],
  [/^(family history|fh|family medical history)$/, 'family-history'],
  [/^(social history|sh|social)$/, 'social-history'],
  [/^(review of systems|ros)$/, 'ros'],
  [/^(physical exam(ination)?|exam(ination)?|pe|objective|physical findings)$/, 'physical-exam'],
  [/^(vitals?( signs)?|vs)$/, 'vitals'],
  [/^(labs?|laboratory( data| results| studies)?|results|pertinent results|lab results)$/, 'labs'],
  [/^(imaging|radiology|studies|diagnostic (studies|tests))$/, 'imaging'],
  [
    /^(assessment( and| &|\/) ?plan|a ?\/ ?p|a&p|assessment|impression( and plan)?|plan|diagnos[ie]s|clinical impression|medical decision making|mdm)$/,
    'assessment-plan',
  ],
  [/^(admi(ssion|tting) diagnos[ie]s|admission dx|admitting dx)$/, 'admission-diagnoses'],
  [
    /^((final |principal |secondary |primary )?discharge diagnos[ie]s|final diagnos[ie]s|discharge dx|(principal|primary|secondary|final|additional|other) diagnos[ie]s)$/,
    'discharge-diagnoses',
  ],
  [
    /^(procedures?( performed)?|operations?( performed)?|procedures? done|surgical procedures?|operative procedures?|(title|name) of (the )?(procedures?|operations?)|postoperative procedures?)$/,
    'procedures',
  ],
  [/^(hospital course|course|brief hospital course|clinical course|evolution|progress note)$/, 'hospital-course'],
  [/^(discharge instructions|instructions|follow[- ]?up|disposition)$/, 'discharge-instructions'],
];

/**
 * Physical-examination sub-headings ("HEENT:", "LUNGS:"): the examination goes on under them
 * (they are organ systems, not new sections), and so does a review of systems.
 */
const EXAM_SUBHEADING =
  /^(general|constitutional|heent|head|eyes|ears|nose|throat|mouth|neck|lungs?|chest|respiratory|heart|cardiac|cardiovascular|cv|abdomen|abdominal|gi|gu|genitourinary|rectal|pelvic|back|spine|musculoskeletal|extremities|skin|integument|neuro(logic(al)?)?|psych(iatric)?|lymph(atic)?|breasts?|genitalia|vascular|mental status)$/;

/** Author of a section kind (see {@link SectionAuthor}). */
export function authorOfKind(kind: SectionKind): SectionAuthor {
  switch (kind) {
    case 'past-history':
    case 'past-surgical-history':
      return 'history';
    case 'family-history':
      return 'family';
    case 'nursing':
    case 'nutrition':
    case 'wound-care':
    case 'vitals':
      return 'nursing';
    case 'labs':
    case 'imaging':
    case 'microbiology':
    case 'medications':
    case 'allergies':
    case 'orders':
      return 'other';
    default:
      return 'provider';
  }
}

/** Normalises a heading for lookup: lower case, trailing colon and punctuation gone, spaces single. */
function normHeading(raw: string): string {
  return collapseWhitespace(
    raw
      .toLowerCase()
      .replace(/[:.\-–—]+\s*$/, '')
      .replace(/[^a-z0-9&/ -]+/g, ' '),
  );
}

/**
 * Kind of an unlisted heading from its key words ("PROCEDURES DURING THIS HOSPITALIZATION",
 * "DIAGNOSTIC AND LABORATORY DATA", "PAST CARDIAC HISTORY"), tried for capitalised headings only.
 * Order matters: the first pattern that matches wins.
 */
const KEYWORD_HEADINGS: readonly [RegExp, SectionKind][] = [
  [/\breview of systems?\b/, 'ros'],
  [/\bphysical exam/, 'physical-exam'],
  [/\bdifferential\b/, 'assessment-plan'],
  [/\b(admi(ssion|tting)|at admission)\b.*\bdiagnos/, 'admission-diagnoses'],
  [/\bdiagnos[ie]s\b.*\badmission\b/, 'admission-diagnoses'],
  [/\bdischarge\b.*\bdiagnos|\bdiagnos.*\bdischarge\b|\bfinal\b.*\bdiagnos/, 'discharge-diagnoses'],
  [/\b(procedures?|operations?|surgery|surgeries)\b.*\b(hospitali[sz]ation|stay|admission|performed)\b/, 'procedures'],
  [
    /\b(discharge|condition|diet|activit(y|ies)|follow[- ]?up|disposition|work status|time (spent|seen)|instructions?)\b/,
    'discharge-instructions',
  ],
  [/\b(medications?|prescriptions?|meds)\b/, 'medications'],
  [/\b(lab(oratory)?|results?|data|x-?rays?|radiolog\w*|tests?)\b/, 'labs'],
  [/\b(impression|assessment|plans?|recommendations?|problems?)\b/, 'assessment-plan'],
  [/\bcourse\b/, 'hospital-course'],
  [
    /\bpast\b.*\bhistory\b|\b(obstetric(al)?|gyn(a?ecolog(ical|ic))?|cardiac|medication|surgical)\b.*\bhistory\b/,
    'past-history',
  ],
  [/\bhistory\b/, 'hpi'],
  [
    /\b(specimens?|estimated blood loss|ebl|devices?|implants?|drains?|(skin )?preparation|fluids)\b/,
    'procedure-description',
  ],
];

/**
 * Kind of a heading, or `undefined` when it is not a known heading.
 *
 * @example sectionKindOf('ASSESSMENT AND PLAN:') // 'assessment-plan'
 */
export function sectionKindOf(heading: string): SectionKind | undefined {
  const norm = normHeading(heading);
  if (norm.length === 0 || norm.length > 60) return undefined;
  for (const [re, kind] of HEADINGS) if (re.test(norm)) return kind;
  return undefined;
}

/**
 * Finds section headings line by line. A heading is either a whole line that names a known
 * section (with or without a colon), a short all-caps line ending with a colon, or a known
 * heading followed by a colon at the start of a line (`HPI: 68-year-old ...`).
 */
export function findSections(text: string): TextSection[] {
  const sections: TextSection[] = [];
  let lineStart = 0;
  const n = text.length;
  while (lineStart <= n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    const heading = headingInLine(text, lineStart, lineEnd);
    if (heading) {
      const prev = sections[sections.length - 1];
      // An organ-system line inside an examination or review of systems continues it.
      if (
        prev &&
        (prev.kind === 'physical-exam' || prev.kind === 'ros') &&
        EXAM_SUBHEADING.test(normHeading(heading.title))
      )
        heading.kind = prev.kind;
      else if (heading.kind === 'other' && EXAM_SUBHEADING.test(normHeading(heading.title)))
        heading.kind = 'physical-exam';
      heading.author = authorOfKind(heading.kind);
      sections.push(heading);
    }
    if (lineEnd >= n) break;
    lineStart = lineEnd + 1;
  }
  // Implicit leading section for text before the first heading.
  const first = sections[0];
  if (!first || first.start > 0) {
    sections.unshift({
      kind: 'none',
      title: '',
      start: 0,
      end: first ? first.start : n,
      titleStart: 0,
      titleEnd: 0,
      author: 'provider',
    });
  }
  for (let i = 0; i < sections.length; i++) {
    const next = sections[i + 1];
    sections[i]!.end = next ? next.start : n;
  }
  return sections;
}

function headingInLine(text: string, lineStart: number, lineEnd: number): TextSection | undefined {
  // Skip leading spaces and bullets/numbering of headings like "1. ASSESSMENT".
  let s = lineStart;
  while (s < lineEnd && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9)) s++;
  let e = lineEnd;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  if (e - s === 0 || e - s > 200) return undefined;
  const line = text.slice(s, e);
  const colon = line.indexOf(':');
  // "Heading:" possibly followed by text on the same line.
  if (colon > 0 && colon <= 60) {
    const head = line.slice(0, colon);
    const allCaps = /^[A-Z][A-Z0-9 &/()-]{2,}$/.test(head.trim());
    const norm = normHeading(head);
    const kind = sectionKindOf(head) ?? (allCaps ? KEYWORD_HEADINGS.find(([re]) => re.test(norm))?.[1] : undefined);
    if (kind || (allCaps && colon === line.length - 1)) {
      return {
        kind: kind ?? 'other',
        title: head.trim(),
        start: lineStart,
        end: lineEnd,
        titleStart: s,
        titleEnd: s + colon,
        author: 'provider',
      };
    }
  }
  // Run-in heading: a known capitalised heading, a comma, then its numbered list on the same line
  // ("PROCEDURES PERFORMED,1.  Open appendectomy."), as some transcription systems write the colon
  // and line break. Only a listed heading counts, so a sentence that opens with capitals stays text.
  const runIn = /^([A-Z][A-Z0-9 &/()-]{2,59}),\s*(?=\d{1,2}[.)]\s)/.exec(line);
  if (runIn) {
    const kind = sectionKindOf(runIn[1]!);
    if (kind)
      return {
        kind,
        title: runIn[1]!.trim(),
        start: lineStart,
        end: lineEnd,
        titleStart: s,
        titleEnd: s + runIn[1]!.length,
        author: 'provider',
      };
  }
  // Whole line is a known heading (no colon): "Assessment and Plan".
  if (line.length <= 60 && !/[.;,]$/.test(line)) {
    const kind = sectionKindOf(line);
    if (kind)
      return { kind, title: line, start: lineStart, end: lineEnd, titleStart: s, titleEnd: e, author: 'provider' };
  }
  return undefined;
}
