import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkCompliance, effectiveFormat, isCompliant, type ComplianceRuleId } from './compliance';
import { draftQuery, type QueryDraft } from './draft';
import { formatQueryHtml, formatQueryPlain } from './format';
import { analyzeCdi, type ChartRow } from './index';
import type { Opportunity } from './opportunity';
import { QUERY_TEMPLATES } from './templates/query-templates';

const NOTE =
  'Vitals 11/20: T 38.9 C, HR 112, RR 24, BP 86/50.\nLabs: WBC 16.4, lactate 3.1, Na 126, creatinine 0.9 -> 2.1.\nPlan: UTI, IV ceftriaxone; fluid restriction 1.2 L.';
const base = analyzeCdi({ text: NOTE });
const sepsisDraft = base.opportunities.find((o) => o.opportunity.id === 'sepsis')!.draft;

function edited(patch: Partial<QueryDraft>): QueryDraft {
  return { ...structuredClone(sepsisDraft), ...patch };
}

const ids = (d: QueryDraft): ComplianceRuleId[] => checkCompliance(d, { chartText: NOTE }).map((f) => f.id);

describe('checkCompliance: catches each kind of non-compliant draft', () => {
  it('the generated draft itself passes', () => {
    expect(checkCompliance(sepsisDraft, { chartText: NOTE })).toEqual([]);
  });

  it.each<[string, Partial<QueryDraft>, ComplianceRuleId]>([
    ['no indicators', { indicators: [] }, 'missing-indicators'],
    [
      'an indicator not in the record',
      { indicators: [{ line: 'Temperature 40.2 °C — "T 40.2"', quote: 'T 40.2' }] },
      'indicator-not-in-record',
    ],
    [
      'an indicator line without its chart quote',
      { indicators: [{ line: 'Temperature was high', quote: 'T 38.9 C' }] },
      'indicator-not-in-record',
    ],
    ['"please document"', { question: 'Please document sepsis in your next progress note.' }, 'leading-directive'],
    ['"agree that"', { question: 'Do you agree that the patient has sepsis?' }, 'leading-directive'],
    ['"confirm sepsis" as a new diagnosis', { question: 'Can you confirm sepsis?' }, 'leading-directive'],
    [
      'emphasis with capitals',
      { question: 'Can the condition be clarified? The patient is VERY sick.' },
      'leading-emphasis',
    ],
    ['emphasis with markup', { question: 'Can the **condition** be clarified?' }, 'leading-emphasis'],
    ['exclamation mark', { question: 'Can the condition be clarified!' }, 'leading-emphasis'],
    [
      'a consequence',
      { question: 'Clarifying this would increase the case weight. Can the condition be clarified?' },
      'leading-consequence',
    ],
    ['DRG', { question: 'For DRG assignment, can the condition be clarified?' }, 'financial-or-scoring'],
    ['MS-DRG', { closing: 'This affects the MS-DRG.' }, 'financial-or-scoring'],
    ['MCC', { question: 'Sepsis is an MCC. Can the condition be clarified?' }, 'financial-or-scoring'],
    [
      'CC',
      { options: ['Sepsis (a CC)', 'UTI only', 'Other (please specify): ____', 'Clinically undetermined'] },
      'financial-or-scoring',
    ],
    ['reimbursement', { question: 'For reimbursement, can the condition be clarified?' }, 'financial-or-scoring'],
    ['payment', { closing: 'Your answer affects payment.' }, 'financial-or-scoring'],
    ['money', { closing: 'About $4,000 depends on this.' }, 'financial-or-scoring'],
    [
      'severity of illness',
      { question: 'To reflect severity of illness, can the condition be clarified?' },
      'financial-or-scoring',
    ],
    ['risk of mortality / SOI', { closing: 'SOI and ROM are affected.' }, 'financial-or-scoring'],
    ['quality measures', { closing: 'This is reported in quality measures.' }, 'financial-or-scoring'],
    ['PSI', { closing: 'This avoids a PSI.' }, 'financial-or-scoring'],
    ['HAC', { closing: 'This is a HAC.' }, 'financial-or-scoring'],
    ['audit', { closing: 'This record is under audit.' }, 'financial-or-scoring'],
    ['HCC / risk adjustment', { closing: 'Needed for HCC risk adjustment.' }, 'financial-or-scoring'],
    [
      'single diagnosis plus other',
      { options: ['Sepsis', 'Other (please specify): ____', 'Clinically undetermined'] },
      'single-diagnosis',
    ],
    [
      'missing "other"',
      { options: ['Sepsis', 'Localized infection without sepsis', 'Clinically undetermined'] },
      'missing-other',
    ],
    [
      'missing "clinically undetermined"',
      { options: ['Sepsis', 'Localized infection without sepsis', 'Other (please specify): ____'] },
      'missing-undetermined',
    ],
    [
      'yes/no for a new diagnosis',
      {
        options: ['Yes', 'No', 'Other (please specify): ____', 'Clinically undetermined'],
        question: 'Does the patient have sepsis?',
      },
      'yes-no-new-diagnosis',
    ],
    ['no question', { question: '  ' }, 'missing-question'],
    [
      'an option the indicators do not support (septic shock without vasopressors)',
      { options: ['Sepsis', 'Septic shock', 'Other (please specify): ____', 'Clinically undetermined'] },
      'unsupported-option',
    ],
  ])('%s', (_name, patch, expected) => {
    const found = ids(edited(patch));
    expect(found).toContain(expected);
    expect(isCompliant(checkCompliance(edited(patch), { chartText: NOTE }))).toBe(false);
  });

  it('reports a location for each finding', () => {
    const f = checkCompliance(edited({ question: 'For DRG purposes, please document sepsis.' }));
    const drg = f.find((x) => x.id === 'financial-or-scoring')!;
    expect(drg.location).toEqual({ field: 'question', start: 4, end: 7 });
    expect(f.some((x) => x.id === 'leading-directive')).toBe(true);
  });

  it('collects every finding instead of stopping at the first', () => {
    const f = checkCompliance(edited({ question: 'Please document SEPSIS for the DRG!', indicators: [] }));
    expect(new Set(f.map((x) => x.id))).toEqual(
      new Set(['missing-indicators', 'leading-directive', 'leading-emphasis', 'financial-or-scoring']),
    );
  });

  it('does not flag fluid volumes in cc, or "please document your response"', () => {
    const d = edited({
      closing: 'Please document your response in the health record.',
      indicators: [...sepsisDraft.indicators, { line: 'Bolus: 500 cc — "T 38.9 C"', quote: 'T 38.9 C' }],
    });
    expect(checkCompliance(d, { chartText: NOTE })).toEqual([]);
  });

  it('allows yes/no for POA and for confirming a documented diagnosis', () => {
    const poa = analyzeCdi({
      text: 'Assessment: Stage 2 pressure ulcer of the sacrum, wound care following.',
    }).opportunities.find((o) => o.opportunity.id === 'pressure-injury')!;
    expect(poa.draft.purpose).toBe('poa');
    expect(effectiveFormat(poa.draft)).toBe('yes-no');
    expect(poa.compliance).toEqual([]);
    const bare = { ...poa.draft, options: ['Yes', 'No'] };
    expect(checkCompliance(bare).map((f) => [f.id, f.severity])).toEqual([
      ['yes-no-without-escape', 'warning'],
      ['yes-no-without-escape', 'warning'],
    ]);
  });
});

// Every generated draft, over the golden notes and over every template × fact combination.
const golden = JSON.parse(
  readFileSync(fileURLToPath(new URL('./golden/opportunity-cases.json', import.meta.url)), 'utf8'),
) as {
  cases: { name: string; text: string; labs?: ChartRow[]; vitals?: ChartRow[] }[];
};
const goldenDrafts = golden.cases.flatMap((c) =>
  analyzeCdi({ text: c.text, labs: c.labs, vitals: c.vitals }).opportunities.map((o) => ({
    name: `${c.name} / ${o.opportunity.id}`,
    ...o,
  })),
);

function factCombos(keys: string[]): Record<string, boolean>[] {
  if (keys.length > 10) throw new Error('too many facts');
  const out: Record<string, boolean>[] = [];
  for (let mask = 0; mask < 1 << keys.length; mask++)
    out.push(Object.fromEntries(keys.map((k, i) => [k, (mask & (1 << i)) !== 0])));
  return out;
}
const sample = base.opportunities[0]!.opportunity;
const templateDrafts = QUERY_TEMPLATES.flatMap((t) => {
  const keys = [...new Set(t.options.flatMap((o) => (o.when ? [o.when] : [])))];
  // Heart-failure EF facts are exclusive: test the combinations the rules can produce.
  const combos =
    t.id === 'heart-failure'
      ? ['efReduced', 'efMildlyReduced', 'efPreserved', 'efUnknown'].flatMap((ef) =>
          [true, false].map((newDiagnosis) => ({
            [ef]: true,
            efNotPreserved: ef !== 'efPreserved',
            efUnknownOrPreserved: ef === 'efUnknown' || ef === 'efPreserved',
            newDiagnosis,
          })),
        )
      : t.id === 'respiratory-failure'
        ? factCombos(['hypoxic', 'hypercapnic', 'chronic'])
            .filter((f) => f.hypoxic || f.hypercapnic)
            .map((f) => ({ ...f, both: !!(f.hypoxic && f.hypercapnic) }))
        : t.id === 'pneumonia-organism'
          ? factCombos(keys).filter((f) => f.organism || f.aspiration) // the rule needs one of them
          : factCombos(keys);
  return combos.map((facts) => {
    const opp: Opportunity = {
      ...sample,
      topic: t.topic,
      id: t.topic,
      templateId: t.id,
      facts,
      subject: t.topic === 'clinical-validation' ? 'sepsis' : undefined,
    };
    return { name: `${t.id} ${JSON.stringify(facts)}`, draft: draftQuery(opp) };
  });
});

describe('every generated draft passes its own check', () => {
  it('has drafts to check', () => {
    expect(goldenDrafts.length).toBeGreaterThan(40);
    expect(templateDrafts.length).toBeGreaterThan(40);
  });
  it.each(goldenDrafts)('$name', ({ compliance }) => {
    expect(compliance).toEqual([]);
  });
  it.each(templateDrafts)('template $name offers ≥ 2 reasonable options plus the escapes and passes', ({ draft }) => {
    expect(checkCompliance(draft, { chartText: NOTE })).toEqual([]);
    // An open-ended query (§2 rule 5) offers no options at all, so none can lead.
    if (draft.format === 'open-ended') {
      expect(draft.options).toEqual([]);
      return;
    }
    if (draft.format === 'multiple-choice') expect(draft.options.length).toBeGreaterThanOrEqual(4);
    expect(draft.options.at(-2)).toBe('Other (please specify): ________');
    expect(draft.options.at(-1)).toBe('Clinically undetermined');
  });
  it('no generated draft mentions DRG, money, CC/MCC, reimbursement, payment, scores or quality programmes', () => {
    const forbidden =
      /\b(?:MS-?DRG|DRG|MCC|CC|reimburse\w*|payment|pay|revenue|money|dollars?|SOI|ROM|HCC|quality|PSI|HAC|audit\w*|severity of illness|risk of mortality)\b|\$/i;
    for (const d of [...goldenDrafts.map((g) => g.draft), ...templateDrafts.map((t) => t.draft)]) {
      const plain = formatQueryPlain(d);
      // Chart quotes may hold "cc" volumes; test the query's own words: the text minus the quotes.
      const own = d.indicators.reduce((s, i) => s.split(`"${i.quote}"`).join(''), plain);
      expect(own, plain).not.toMatch(forbidden);
    }
  });
});

describe('formatQueryHtml', () => {
  it('escapes chart text and edits', () => {
    const d = edited({
      question: 'Is <script>alert(1)</script> & "x" clarified?',
      indicators: [{ line: 'Note: "a<b & c>d"', quote: 'a<b & c>d' }],
    });
    const html = formatQueryHtml(d);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;');
    expect(html).toContain('a&lt;b &amp; c&gt;d');
    expect(html.match(/<(\w+)/g)!.every((t) => ['<p', '<ul', '<li'].includes(t))).toBe(true);
  });
  it('plain text follows the template skeleton', () => {
    const text = formatQueryPlain(sepsisDraft);
    expect(text).toContain('Clinical information in this record:');
    expect(text).toMatch(/Question: .+\n(?: {2}☐ .+\n)+/);
    expect(text).toContain('  ☐ Other (please specify)');
    expect(text).toContain('  ☐ Clinically undetermined');
  });
});
