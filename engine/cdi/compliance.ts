import type { QueryDraft } from './draft';
import { YES_NO_PURPOSES } from './templates/query-templates';

/** Stable ids of the compliance rules (query-guidelines.md §2 and §4 lint rules). */
export type ComplianceRuleId =
  | 'missing-question'
  | 'missing-indicators'
  | 'indicator-not-in-record'
  | 'leading-directive'
  | 'leading-emphasis'
  | 'leading-consequence'
  | 'financial-or-scoring'
  | 'single-diagnosis'
  | 'missing-other'
  | 'missing-undetermined'
  | 'yes-no-new-diagnosis'
  | 'yes-no-without-escape'
  | 'unsupported-option';

/** Where in the draft a finding is: a field, the item index within it, and a character span. */
export interface DraftLocation {
  field: 'title' | 'question' | 'options' | 'indicators' | 'closing';
  /** Index of the option or indicator line, for list fields. */
  index?: number;
  /** Span within that field's text. */
  start?: number;
  end?: number;
}

/**
 * One compliance problem of a draft. `error` = hard failure of the §4 lint rules; `warning` = good
 * practice (e.g. escape options on a permitted yes/no query).
 *
 * @example { id: 'financial-or-scoring', severity: 'error', message: 'Mentions "DRG"…', location: { field: 'question', start: 10, end: 13 } }
 */
export interface ComplianceFinding {
  id: ComplianceRuleId;
  severity: 'error' | 'warning';
  message: string;
  location: DraftLocation;
}

/** Options for {@link checkCompliance}. */
export interface ComplianceContext {
  /** The chart text the indicators must be found in; when absent that rule is not applied. */
  chartText?: string;
  /** Texts of the chart's lab/vital rows ("Sodium 126 mmol/L"), where table indicators are found. */
  rowTexts?: readonly string[];
}

// §2 rule 4 and §4: payment, grouping, scores, quality programmes, audits.
const FINANCIAL_CI =
  /\b(?:MS-?DRGs?|APR-?DRGs?|DRGs?|CC\s*\/\s*MCC|reimburse(?:ment|ments|d|s)?|payments?|pay(?:s|ing)?|paid|payers?|revenue|money|dollars?|costs?|financial(?:ly)?|billing|bill(?:ed|able)?|denials?|denied claims?|claims? denial|audit(?:s|ed|ors?|ing)?|RAC|SOI|severity of illness|risk of mortality|risk[- ]adjust(?:ment|ed)?|HCCs?|hierarchical condition|case[- ]mix(?: index)?|CMI|quality (?:measures?|metrics?|scores?|ratings?|indicators?|reporting|programs?)|core measures?|PSIs?|patient safety indicators?|HACs?|hospital[- ]acquired conditions?|star ratings?|provider profil(?:e|es|ing)|expected mortality|value[- ]based|relative weight|(?:severity|risk) scores?)\b|[$€£]\s?\d/gi;
// CC/MCC written alone (case-sensitive so "500 cc" of fluid is not flagged).
const FINANCIAL_CS = /(?<!\d\s?)\b(?:MCCs?|CCs?|ROM)\b(?!\s*:)/g;
// In the coder's own wording, "quality" in any sense is out of place.
const QUALITY = /\bquality\b/gi;

// §2 rule 3 and §4: directive phrasing.
const DIRECTIVE =
  /\bplease (?:document|add|write|chart|record|include|indicate that|note that|consider|update|change|revise)\b(?!\s+(?:your|the|a)\s+(?:response|answer|clinical (?:judgment|opinion)))|\b(?:do you agree|would you agree|can you agree|agree that|agree with|you should|you must|must be documented|needs? to be documented|need(?:s)? to document|should be documented|is required to document)\b|^\s*document\b/gim;
const CONFIRM = /\b(?:confirm(?:s|ed|ing)?|verify|substantiate)\b/gi;
// Consequences of an answer (§2 rule 3: "mentions consequences").
const CONSEQUENCE =
  /\b(?:would (?:increase|improve|raise|lower|decrease|affect|impact|change|help|benefit)|impact(?:s)? (?:on )?(?:the )?(?:hospital|facility|reimbursement|payment|rating|score|profile|data|outcomes?)|length of stay|\bLOS\b|better (?:capture|reflect)|capture (?:the )?(?:severity|acuity|complexity)|more (?:accurate|complete) (?:picture|reflection) of (?:the )?(?:severity|acuity)|so that (?:we|the hospital|the facility) can)\b/gi;
// Emphasis: markup, exclamation marks, shouting.
const EMPHASIS_MARKUP = /\*\*[^*]+\*\*|__[^_]+__|<\s*(?:b|strong|u|em|i|mark)\b[^>]*>|!+/gi;
const SHOUT = /\b[A-Z]{4,}\b/g;
const ABBREVIATIONS = new Set(
  'SIRS SOFA QSOFA KDIGO ASPEN GLIM NPIAP COPD ESRD SIADH PRBC PRBCS MRSA MSSA ARDS ABLA HFREF HFPEF HFMREF NIPPV BIPAP CPAP HFNC NSTEMI STEMI CKD AKI NYHA LVEF BNP ICD CAM-ICU CAUTI CLABSI NPWT WOCN GERD DVT MCV RVR PEEP SBAR'.split(
    ' ',
  ),
);

const OTHER_RE = /^\s*other\b/i;
const UNDETERMINED_RE =
  /\b(?:clinically undetermined|unable to determine|undetermined|cannot be (?:clinically )?determined)\b/i;
const NOT_SIGNIFICANT_RE = /\b(?:not clinically significant|integral to)\b/i;
const YES_NO_RE = /^\s*(?:yes|no)\b/i;

function normalizeOption(option: string): string {
  return option.toLowerCase().replace(/\s+/g, ' ').trim();
}

function isEscape(option: string): boolean {
  return OTHER_RE.test(option) || UNDETERMINED_RE.test(option);
}

/** Substantive options: not "other", not "clinically undetermined", not "not clinically significant". */
export function substantiveOptions(options: readonly string[]): string[] {
  return options.filter((o) => o.trim() !== '' && !isEscape(o) && !NOT_SIGNIFICANT_RE.test(o));
}

/** The format a draft actually has after edits: no options = open-ended; only yes/no answers = yes/no. */
export function effectiveFormat(draft: Pick<QueryDraft, 'options'>): 'open-ended' | 'yes-no' | 'multiple-choice' {
  const options = draft.options.filter((o) => o.trim() !== '');
  if (options.length === 0) return 'open-ended';
  const sub = substantiveOptions(options);
  if (sub.length > 0 && sub.every((o) => YES_NO_RE.test(o))) return 'yes-no';
  return 'multiple-choice';
}

interface Field {
  field: DraftLocation['field'];
  index?: number;
  text: string;
  /** Coder/template wording (all rules) vs. chart quotes (only the financial rule). */
  own: boolean;
}

function fieldsOf(draft: QueryDraft): Field[] {
  const fields: Field[] = [
    { field: 'title', text: draft.title, own: true },
    { field: 'question', text: draft.question, own: true },
    { field: 'closing', text: draft.closing, own: true },
  ];
  draft.options.forEach((text, index) => fields.push({ field: 'options', index, text, own: true }));
  draft.indicators.forEach((ind, index) => {
    // The cited chart words are the record's, not the query's; the line around them is ours.
    const own = ind.quote ? ind.line.split(ind.quote).join(' ') : ind.line;
    fields.push({ field: 'indicators', index, text: own, own: true });
  });
  return fields;
}

function loc(f: Field, start?: number, end?: number): DraftLocation {
  const l: DraftLocation = { field: f.field };
  if (f.index !== undefined) l.index = f.index;
  if (start !== undefined) l.start = start;
  if (end !== undefined) l.end = end;
  return l;
}

function each(re: RegExp, s: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    fn(m);
  }
}

/**
 * Compliance check of a query draft against the AHIMA/ACDIS compliant-query rules as summarised
 * in query-guidelines.md §2 and §4. Collects every finding (never stops at the first). Runs on
 * every generated draft and on every edit.
 *
 * @example checkCompliance({ ...draft, question: 'Please document sepsis.' })[0].id // 'leading-directive'
 */
export function checkCompliance(draft: QueryDraft, context: ComplianceContext = {}): ComplianceFinding[] {
  const findings: ComplianceFinding[] = [];
  const add = (
    id: ComplianceRuleId,
    severity: ComplianceFinding['severity'],
    message: string,
    location: DraftLocation,
  ): void => {
    findings.push({ id, severity, message, location });
  };

  if (draft.question.trim() === '')
    add('missing-question', 'error', 'The query has no question.', { field: 'question' });

  // Rule 1: clinical indicators are mandatory, and come from the record.
  const cited = draft.indicators.filter((i) => i.line.trim() !== '');
  if (cited.length === 0) {
    add(
      'missing-indicators',
      'error',
      'A query must cite the clinical indicators from the record that prompted it (§2 rule 1).',
      { field: 'indicators' },
    );
  }
  draft.indicators.forEach((ind, index) => {
    if (ind.line.trim() === '') return;
    const quote = ind.quote.trim();
    if (quote === '' || !ind.line.includes(quote)) {
      add('indicator-not-in-record', 'error', `Indicator ${index + 1} does not quote the chart words it is based on.`, {
        field: 'indicators',
        index,
      });
    } else if (
      context.chartText !== undefined &&
      !context.chartText.includes(quote) &&
      !(context.rowTexts ?? []).some((r) => r.includes(quote))
    ) {
      add(
        'indicator-not-in-record',
        'error',
        `Indicator ${index + 1} quotes "${quote}", which is not in this record.`,
        { field: 'indicators', index },
      );
    }
  });

  const fields = fieldsOf(draft);
  for (const f of fields) {
    // Rule 4: money, grouping, scores, quality, audits.
    const flagged = new Set<number>();
    const money = (m: RegExpExecArray): void => {
      if (flagged.has(m.index)) return;
      flagged.add(m.index);
      add(
        'financial-or-scoring',
        'error',
        `Mentions "${m[0].trim()}": queries must not refer to payment, DRG, CC/MCC, scores, quality programmes or audits (§2 rule 4).`,
        loc(f, m.index, m.index + m[0].length),
      );
    };
    each(FINANCIAL_CI, f.text, money);
    each(FINANCIAL_CS, f.text, money);
    if (f.field !== 'indicators') each(QUALITY, f.text, money);
    if (f.field === 'indicators') continue;
    // Rule 3: non-leading.
    each(DIRECTIVE, f.text, (m) =>
      add(
        'leading-directive',
        'error',
        `"${m[0].trim()}" directs the provider to an answer; ask an open or multiple-choice question instead (§2 rule 3).`,
        loc(f, m.index, m.index + m[0].length),
      ),
    );
    if (draft.purpose === 'new-diagnosis' || draft.purpose === 'specificity') {
      each(CONFIRM, f.text, (m) =>
        add(
          'leading-directive',
          'error',
          `"${m[0]}" asks the provider to confirm a diagnosis that is not documented; that is leading (§4).`,
          loc(f, m.index, m.index + m[0].length),
        ),
      );
    }
    each(CONSEQUENCE, f.text, (m) =>
      add(
        'leading-consequence',
        'error',
        `"${m[0]}" mentions a consequence of the answer; queries must not (§2 rule 3).`,
        loc(f, m.index, m.index + m[0].length),
      ),
    );
    each(EMPHASIS_MARKUP, f.text, (m) =>
      add(
        'leading-emphasis',
        'error',
        `Emphasis "${m[0]}" steers the provider; keep the wording neutral (§2 rule 3).`,
        loc(f, m.index, m.index + m[0].length),
      ),
    );
    each(SHOUT, f.text, (m) => {
      if (ABBREVIATIONS.has(m[0])) return;
      add(
        'leading-emphasis',
        'error',
        `Capitalised "${m[0]}" reads as emphasis; keep the wording neutral (§2 rule 3).`,
        loc(f, m.index, m.index + m[0].length),
      );
    });
  }

  // Rule 5: formats.
  const format = effectiveFormat(draft);
  const options = draft.options.map((o, index) => ({ o, index })).filter(({ o }) => o.trim() !== '');
  if (format !== 'open-ended') {
    const hasOther = options.some(({ o }) => OTHER_RE.test(o));
    const hasUndetermined = options.some(({ o }) => UNDETERMINED_RE.test(o));
    const severity = format === 'yes-no' ? 'warning' : 'error';
    if (!hasOther)
      add(
        format === 'yes-no' ? 'yes-no-without-escape' : 'missing-other',
        severity,
        'Add the option "Other (please specify)" (§2 rule 5).',
        { field: 'options' },
      );
    if (!hasUndetermined)
      add(
        format === 'yes-no' ? 'yes-no-without-escape' : 'missing-undetermined',
        severity,
        'Add the option "Clinically undetermined" (§2 rule 5).',
        { field: 'options' },
      );
  }
  if (format === 'multiple-choice' && substantiveOptions(draft.options).length < 2) {
    add(
      'single-diagnosis',
      'error',
      'A multiple-choice query must offer at least two clinically reasonable options, not a single diagnosis plus "other" (§2 rule 5).',
      { field: 'options' },
    );
  }
  // §4: an undocumented diagnosis may be offered only when the cited indicators support it.
  const unsupported = new Set((draft.unsupportedOptions ?? []).map(normalizeOption));
  draft.options.forEach((o, index) => {
    if (unsupported.has(normalizeOption(o))) {
      add(
        'unsupported-option',
        'error',
        `"${o.trim()}" is not supported by the indicators cited in this query; offer only clinically supported options (§2 rule 5).`,
        { field: 'options', index },
      );
    }
  });
  if (format === 'yes-no' && !YES_NO_PURPOSES.includes(draft.purpose)) {
    add(
      'yes-no-new-diagnosis',
      'error',
      'A yes/no query may not be used to obtain a new or more specific diagnosis; only for POA, confirming a documented diagnosis or a cause-and-effect link (§2 rule 5).',
      { field: 'options' },
    );
  }
  return findings;
}

/** True when a draft has no error-severity finding. */
export function isCompliant(findings: readonly ComplianceFinding[]): boolean {
  return !findings.some((f) => f.severity === 'error');
}
