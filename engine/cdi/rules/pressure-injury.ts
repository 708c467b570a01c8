import type { DiagnosisMention } from '../diagnoses';
import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { byName, num, opp, valued } from './helpers';

const PRESSURE_CUE = /\b(?:RN|nurs(?:e|ing)|wound care|WOC(?:N)?|wound nurse|skin assessment|braden)\b/i;
const POA_WORDS =
  /present on admission|\bPOA\b|(?:on|at|upon) admission|admission skin|hospital[- ]acquired|developed (?:during|while|after)|new since admission|\bHAPI\b|prior to admission|from (?:home|the nursing (?:home|facility)|SNF)/i;
// Stage words of NPIAP (stage 1–4) and the older "degree"/"grade" wording.
const STAGE_TOKEN =
  /\b(?:stage\s*([1-4]|I{1,3}|IV)|(first|second|third|fourth)[- ](?:degree|stage)|(first|second|third|fourth)\b(?=[^.;\n]{0,30}(?:degree|stage))|grade\s*([1-4]))/gi;
const ORDINAL: Record<string, string> = {
  i: '1',
  ii: '2',
  iii: '3',
  iv: '4',
  first: '1',
  second: '2',
  third: '3',
  fourth: '4',
};
// An ulcer whose etiology is written (pressure, or a non-pressure chronic ulcer type).
const ULCER_ETIOLOGY =
  /pressure|decubitus|diabet|neuropath|venous|stasis|arterial|ischemic|vascular|traumatic|surgical|burn/i;

/** Distinct stages written in the clause around a mention ("stage 1 progressing to stage 2" → 2). */
function stagesAround(text: string, m: DiagnosisMention): Set<string> {
  const lineStart = Math.max(text.lastIndexOf('\n', m.start - 1) + 1, m.start - 100);
  let lineEnd = text.indexOf('\n', m.end);
  if (lineEnd < 0 || lineEnd > m.end + 60) lineEnd = Math.min(text.length, m.end + 60);
  const clause = text.slice(lineStart, lineEnd).split(/[.;](?!\d)/);
  let offset = lineStart;
  let around = '';
  for (const c of clause) {
    if (offset <= m.start && m.start <= offset + c.length) around = c;
    offset += c.length + 1;
  }
  const stages = new Set<string>();
  STAGE_TOKEN.lastIndex = 0;
  for (let s = STAGE_TOKEN.exec(around); s; s = STAGE_TOKEN.exec(around)) {
    const v = (s[1] ?? s[2] ?? s[3] ?? s[4] ?? '').toLowerCase();
    stages.add(ORDINAL[v] ?? v);
  }
  return stages;
}

/**
 * Pressure injury (query-guidelines.md §3; ICD-10-CM Guidelines I.B.14 and I.C.12.a): nursing or
 * wound-care documentation of a pressure injury that the provider has not documented; a provider
 * diagnosis whose stage is ambiguous (two stages written); an ulcer of a pressure-bearing site
 * (heel, sacrum, buttock…) treated without its etiology; or a documented injury whose
 * present-on-admission status is not stated.
 */
function findPressureInjury(ctx: RuleContext): Opportunity[] {
  const { indicators: inds, text } = ctx;
  const nursing = byName(inds, 'pressure-injury').filter((i) => {
    const lineStart = text.lastIndexOf('\n', i.start - 1) + 1;
    const sec = ctx.sections.find((s) => i.start >= s.start && i.start < s.end);
    return sec?.author === 'nursing' || PRESSURE_CUE.test(text.slice(lineStart, i.end + 80));
  });
  const provider = ctx.doc('pressure-injury', { providerOnly: true, allowHistorical: false });
  const support = [
    ...valued(inds, 'braden-score')
      .filter((i) => num(i) <= 18)
      .slice(0, 1),
    ...byName(inds, 'wound-care').slice(0, 2),
  ];
  if (nursing.length > 0 && provider.length === 0) {
    const detail = nursing.find((n) => n.detail)?.detail ?? '';
    return [
      opp({
        id: 'pressure-injury',
        topic: 'pressure-injury',
        title: `Pressure injury in nursing documentation${detail ? ` (${detail})` : ''}, not in provider notes`,
        reason: 'indicators-without-diagnosis',
        criteria: [
          'nursing/wound-care documentation of a pressure injury with stage and site',
          'no provider documentation of the injury',
        ],
        indicators: [...nursing, ...support],
        mentions: [],
        facts: {},
      }),
    ];
  }
  const ambiguous = provider.filter((m) => stagesAround(text, m).size >= 2);
  if (ambiguous.length > 0)
    return [
      opp({
        id: 'pressure-injury',
        topic: 'pressure-injury',
        title: 'Pressure injury documented with more than one stage',
        reason: 'imprecise-diagnosis',
        criteria: [
          'provider-documented pressure injury',
          'two different stages written for the same injury (NPIAP stage decides the code)',
        ],
        indicators: [...byName(inds, 'pressure-injury').slice(0, 2), ...support],
        mentions: ambiguous.slice(0, 1),
        facts: {},
        templateId: 'pressure-injury-stage',
      }),
    ];
  if (provider.length > 0 && (nursing.length > 0 || provider.some((m) => m.details.severity))) {
    const around =
      provider.map((m) => text.slice(Math.max(0, m.start - 120), Math.min(text.length, m.end + 120))).join(' ') +
      nursing.map((n) => text.slice(Math.max(0, n.start - 120), n.end + 120)).join(' ');
    if (POA_WORDS.test(around)) return [];
    return [
      opp({
        id: 'pressure-injury',
        topic: 'pressure-injury',
        title: 'Pressure injury documented; present-on-admission status not stated',
        reason: 'poa-unclear',
        criteria: [
          'provider-documented pressure injury',
          'no statement whether it was present at the time of admission',
        ],
        indicators: [...nursing, ...support, ...byName(inds, 'pressure-injury').filter((i) => !nursing.includes(i))],
        mentions: provider,
        facts: {},
        templateId: 'pressure-injury-poa',
      }),
    ];
  }
  // An ulcer of a pressure-bearing site, cared for in this encounter, written without etiology.
  if (provider.length > 0) return [];
  const untyped = ctx.doc('site-ulcer').filter((m) => {
    const clause = text.slice(Math.max(0, m.start - 50), Math.min(text.length, m.end + 50));
    return !ULCER_ETIOLOGY.test(clause);
  });
  const care = [...byName(inds, 'wound-care'), ...byName(inds, 'culture-organism')].slice(0, 2);
  if (untyped.length === 0 || care.length === 0) return [];
  return [
    opp({
      id: 'pressure-injury',
      topic: 'pressure-injury',
      title: 'Ulcer of a pressure-bearing site treated; etiology and stage not documented',
      reason: 'imprecise-diagnosis',
      criteria: [
        'ulcer of a pressure-bearing site documented without its etiology (pressure vs diabetic, venous or arterial)',
        'wound care in this encounter',
      ],
      indicators: care,
      mentions: untyped.slice(0, 2),
      facts: {},
    }),
  ];
}

/** See {@link findPressureInjury}. */
export const pressureInjuryRule: CdiRule = {
  topic: 'pressure-injury',
  source: 'NPIAP 2016 staging; ICD-10-CM Guidelines I.B.14, I.C.12.a; query-guidelines.md §3 Pressure injury',
  find: findPressureInjury,
};
