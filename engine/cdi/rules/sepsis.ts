import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { byName, opp } from './helpers';

// Documented organ dysfunctions that sepsis may have caused (severe sepsis R65.20 needs the
// provider to link them: Official Guidelines I.C.1.d.1.a.ii "sepsis with acute organ dysfunction").
const ORGAN_CONCEPTS = ['aki', 'encephalopathy', 'respiratory-failure'] as const;
const ORGAN_WORDS: Record<(typeof ORGAN_CONCEPTS)[number], string> = {
  aki: 'acute kidney injury',
  encephalopathy: 'encephalopathy',
  'respiratory-failure': 'respiratory failure',
};

const EXPLICIT_SEVERE =
  /\bsevere sepsis|septic shock|sepsis with (?:acute )?(?:organ|multi-?organ)|sepsis[- ](?:induced|related|associated) (?:organ|AKI|acute|encephalopathy|hypotension)|septic encephalopathy/i;
const LINKED =
  /\b(?:due to|secondary to|from|caused by|2\/2|because of) (?:the |his |her )?(?:sepsis|septic|urosepsis)|sepsis[- ](?:induced|related|associated)/i;
const OTHER_MECHANISM = /\b(?:pre-?renal|prerenal|volume depletion|hypovolemi|dehydrat)/i;

function sentenceAround(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 200), start);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'));
  const after = text.slice(end, end + 200);
  const stop = after.search(/\.(?:\s|$)|\n/);
  return before.slice(cut + 1) + text.slice(start, end) + (stop < 0 ? after : after.slice(0, stop));
}

/**
 * Sepsis (query-guidelines.md §3): infection with SIRS ≥ 2 (Sepsis-2) or qSOFA ≥ 2 (Sepsis-3
 * screen) and no sepsis documented; or sepsis documented with acute organ dysfunction present
 * (documented or measured) that is not linked to it (ICD-10-CM Guidelines I.C.1.d.1.a, I.C.1.d.4).
 * The criteria line names the definition each finding belongs to.
 */
function findSepsis(ctx: RuleContext): Opportunity[] {
  const { indicators: inds, sirs, qsofa, organ, infection } = ctx;
  const sepsisDoc = ctx.doc('sepsis');
  const severe = sepsisDoc.some((m) => /severe sepsis|septic shock/i.test(m.text));
  if (sepsisDoc.length > 0) {
    if (severe || ctx.doc('urosepsis').length > 0) return [];
    // Sepsis is documented: is an acute organ dysfunction present that is not linked to it? A link
    // "due to sepsis" answers it, unless the same sentence gives another mechanism (prerenal,
    // volume depletion), which leaves septic organ dysfunction vs. hypovolemia open.
    if (EXPLICIT_SEVERE.test(ctx.text)) return [];
    const organDx = ORGAN_CONCEPTS.flatMap((c) =>
      ctx.doc(c).filter((m) => m.details.acuity !== 'chronic' && !/chronic/i.test(m.text)),
    ).filter((m) => {
      const sentence = sentenceAround(ctx.text, m.start, m.end);
      return !LINKED.test(sentence) || OTHER_MECHANISM.test(sentence);
    });
    const measured = organ.filter((o) => /hypotension|vasopressors/.test(o.criterion));
    if (organDx.length === 0 && measured.length === 0) return [];
    const named = [...new Set(organDx.map((m) => ORGAN_WORDS[m.concept as (typeof ORGAN_CONCEPTS)[number]]))];
    return [
      opp({
        id: 'sepsis',
        topic: 'sepsis',
        title: `Sepsis documented; ${named.length ? named.join(', ') : 'organ dysfunction indicators'} not linked to it`,
        reason: 'imprecise-diagnosis',
        criteria: [
          'sepsis documented',
          ...named.map((n) => `${n} documented without a stated relationship to sepsis`),
          ...measured.map((o) => `Sepsis-3 / severe-sepsis organ dysfunction: ${o.criterion}`),
        ],
        indicators: [
          ...measured.map((o) => o.evidence),
          ...organ.filter((o) => !measured.includes(o)).map((o) => o.evidence),
        ],
        mentions: [...sepsisDoc.slice(0, 1), ...organDx.slice(0, 2)],
        facts: { shock: inds.some((i) => i.name === 'vasopressors') },
        templateId: 'sepsis-organ-dysfunction',
      }),
    ];
  }
  if (infection.length === 0 || (sirs.length < 2 && qsofa.length < 2)) return [];
  const uro = ctx.doc('urosepsis');
  const criteria = ['suspected or confirmed infection'];
  if (sirs.length >= 2)
    criteria.push(
      `SIRS-based (Sepsis-2) definition: ${sirs.length}/4 criteria — ${sirs.map((s) => s.criterion).join('; ')}`,
    );
  if (qsofa.length >= 2) criteria.push(`Sepsis-3 screen: qSOFA ${qsofa.length}/3`);
  for (const o of organ) criteria.push(`Sepsis-3 organ dysfunction: ${o.criterion}`);
  if (uro.length) criteria.push('"urosepsis" is documented; it has no ICD-10-CM code (Guidelines I.C.1.d.1.a.ii)');
  return [
    opp({
      id: 'sepsis',
      topic: 'sepsis',
      title: uro.length
        ? 'Sepsis: "urosepsis" documented, SIRS criteria met'
        : 'Sepsis: infection with SIRS criteria, no sepsis diagnosis',
      reason: uro.length ? 'imprecise-diagnosis' : 'indicators-without-diagnosis',
      criteria,
      // Strongest first: organ dysfunction, then SIRS values, then the infection and its treatment.
      indicators: [
        ...organ.map((o) => o.evidence),
        ...sirs.map((s) => s.evidence),
        ...qsofa,
        ...infection.slice(0, 3),
        ...byName(inds, 'fluid-bolus').slice(0, 1),
      ],
      mentions: uro,
      facts: {
        organDysfunction: organ.length > 0,
        shock: organ.some((o) => /hypotension/.test(o.criterion)) && inds.some((i) => i.name === 'vasopressors'),
        urosepsis: uro.length > 0,
      },
    }),
  ];
}

/** See {@link findSepsis}. */
export const sepsisRule: CdiRule = {
  topic: 'sepsis',
  source:
    'query-guidelines.md §3 Sepsis (Sepsis-2 SIRS, Sepsis-3 SOFA/qSOFA); ICD-10-CM Official Guidelines I.C.1.d.1, I.C.1.d.4',
  find: findSepsis,
};
