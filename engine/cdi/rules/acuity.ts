import type { Opportunity } from '../opportunity';
import type { CdiRule, RuleContext } from './context';
import { opp, qualifiedInSentence } from './helpers';

// Words that settle the acuity, before or right after the condition ("acute cholecystitis",
// "cholecystitis, chronic").
const ACUITY_BEFORE =
  /\b(?:acute|chronic|subacute|acute[- ]on[- ]chronic|acute\s*\/\s*chronic|hyperacute|resolving|recurrent acute|flare of|exacerbation of)\b[^.,;]{0,30}$/i;
// What the patient reports or comes in for is not yet the provider's diagnosis of this encounter.
const PRESENTING =
  /\b(?:chief complaint|reason for (?:visit|consultation|referral)|history of (?:the )?present illness|HPI|review of systems|ROS|subjective)\b/i;
const ACUITY_AFTER = /^[^.;]{0,25}?\b(?:acute|chronic|subacute|exacerbation|flare)\b/i;
// Types whose ICD-10-CM Index entry already fixes the code, so asking acute or chronic would not
// change it (query-guidelines.md §1: no query when the answer would not change code assignment):
// gangrenous, emphysematous or suppurative cholecystitis (K81.0 acute); necrotizing, hemorrhagic,
// gallstone, biliary, idiopathic or drug-induced pancreatitis (K85.- acute); constrictive or
// adhesive pericarditis (I31.0–I31.1 chronic); atrophic, superficial or alcoholic gastritis
// (K29.2–K29.4); asthmatic or obstructive bronchitis (J44/J45); granulomatous prostatitis (N41.4).
const SETTLING_TYPE: Record<string, RegExp> = {
  cholecystitis: /\b(?:gangrenous|emphysematous|suppurative)\b[^.,;]{0,20}$/i,
  pancreatitis:
    /\b(?:necrotizing|necrotising|hemorrhagic|haemorrhagic|gallstone|biliary|idiopathic|drug[- ]induced)\b[^.,;]{0,20}$/i,
  pericarditis: /\b(?:constrictive|adhesive)\b[^.,;]{0,20}$/i,
  gastritis: /\b(?:atrophic|superficial|alcoholic)\b[^.,;]{0,20}$/i,
  bronchitis: /\b(?:asthmatic|obstructive)\b[^.,;]{0,20}$/i,
  prostatitis: /\b(?:granulomatous)\b[^.,;]{0,20}$/i,
};
const NEVER = /$^/;
// A condition stated as over ("pancreatitis, resolved") is not a current diagnosis to refine.
const RESOLVED_AFTER = /^[\s,]*(?:now |has |have )?(?:resolved|healed)\b/i;

/**
 * Acuity (query-guidelines.md §1 "imprecise: missing … acuity"; ICD-10-CM gives these conditions
 * separate acute and chronic codes and a nonspecific default): bronchitis, cholecystitis,
 * pancreatitis, pyelonephritis, sinusitis, osteomyelitis, gastritis, prostatitis or pericarditis
 * documented as a current problem without acute, chronic or acute-on-chronic in any statement of it.
 * Mentions only under a past-history heading, in the presenting complaint or history of present
 * illness, in a result or nursing section, uncertain ("possible gastritis") or stated as resolved
 * are not current diagnoses to refine; a type that fixes the code (SETTLING_TYPE) answers it.
 */
function findAcuity(ctx: RuleContext): Opportunity[] {
  const mentions = ctx.doc('acuity-axis').filter(
    (m) =>
      !m.context.uncertain &&
      // The diagnosis to refine is the provider's: a radiology or nursing line is not (I.B.14).
      !m.nonProvider &&
      m.context.section?.author !== 'history' &&
      m.context.section?.author !== 'other' &&
      !PRESENTING.test(m.context.section?.heading ?? '') &&
      !RESOLVED_AFTER.test(ctx.text.slice(m.end, m.end + 20)),
  );
  if (mentions.length === 0) return [];
  const byCondition = new Map<string, typeof mentions>();
  for (const m of mentions) {
    const key = m.text.toLowerCase();
    byCondition.set(key, [...(byCondition.get(key) ?? []), m]);
  }
  const all = ctx.doc('acuity-axis', { allowHistorical: true });
  for (const [condition, ms] of byCondition) {
    const stated = all
      .filter((m) => m.text.toLowerCase() === condition)
      .some(
        (m) =>
          qualifiedInSentence(ctx.text, m.start, m.end, ACUITY_BEFORE, ACUITY_AFTER) ||
          qualifiedInSentence(ctx.text, m.start, m.end, SETTLING_TYPE[condition] ?? NEVER, NEVER),
      );
    if (stated) continue;
    return [
      opp({
        id: 'other:acuity',
        topic: 'other:acuity',
        title: `${condition.charAt(0).toUpperCase()}${condition.slice(1)} documented without acuity`,
        reason: 'imprecise-diagnosis',
        criteria: [`${condition} documented without acute, chronic or acute-on-chronic`],
        indicators: [],
        mentions: ms.slice(0, 2),
        facts: {},
        subject: condition,
        templateId: 'acuity',
      }),
    ];
  }
  return [];
}

/** See {@link findAcuity}. */
export const acuityRule: CdiRule = {
  topic: 'other:acuity',
  source:
    'query-guidelines.md §1 (imprecise: acuity); ICD-10-CM acute/chronic code pairs (J20/J42, K81.x, K85/K86.1, N10–N12, J01/J32, M86.1/M86.6, K29, N41, I30/I31)',
  find: findAcuity,
};
