/**
 * CDI query rules, one file per topic (query-guidelines.md §3), run in the order of {@link RULES}
 * on one shared {@link RuleContext}. Each rule returns its opportunities with the indicators that
 * met its criteria, strongest first.
 */
import type { Opportunity } from '../opportunity';
import { acuityRule } from './acuity';
import { acuteBloodLossAnemiaRule } from './acute-blood-loss-anemia';
import { akiRule } from './aki';
import { anemiaTypeRule } from './anemia-type';
import { causeLinkRule } from './cause-link';
import { ckdStageRule } from './ckd-stage';
import { clinicalValidationRule } from './clinical-validation';
import { ruleContext, type CdiRule, type RuleInput } from './context';
import { diabetesControlRule } from './diabetes-control';
import { drugToxicityRule } from './drug-toxicity';
import { hypokalemiaRule, hypomagnesemiaRule, hyponatremiaRule } from './electrolytes';
import { encephalopathyRule } from './encephalopathy';
import { heartFailureRule } from './heart-failure';
import { lateralityRule } from './laterality';
import { lateralityConflictRule } from './laterality-conflict';
import { malnutritionRule } from './malnutrition';
import { obesityBmiRule } from './obesity-bmi';
import { operativeDiagnosisRule } from './operative-diagnosis';
import { pneumoniaOrganismRule } from './pneumonia-organism';
import { pressureInjuryRule } from './pressure-injury';
import { respiratoryFailureRule } from './respiratory-failure';
import { sepsisRule } from './sepsis';
import { substanceUseStatusRule } from './substance-use-status';
import { type2MiRule } from './type-2-mi';
import { cerebralEdemaRule } from './cerebral-edema';
import { coagulopathyRule } from './coagulopathy';
import { debridementDepthRule } from './debridement-depth';
import { dehydrationRule } from './dehydration';
import { dementiaTypeRule } from './dementia-type';
import { dvtSpecificityRule } from './dvt-specificity';
import { hemiparesisRule } from './hemiparesis';
import { hypertensiveUrgencyRule } from './hypertensive-urgency';
import { neoplasmStatusRule } from './neoplasm-status';
import { neutropeniaRule } from './neutropenia';
import { pulmonaryHypertensionTypeRule } from './pulmonary-hypertension-type';
import { strokeSpecificityRule } from './stroke-specificity';
import { thrombocytopeniaRule } from './thrombocytopenia';
import { urinaryRetentionRule } from './urinary-retention';

export { ruleContext, type CdiRule, type RuleContext, type RuleInput } from './context';
export { kdigo, hemoglobinDrop, bloodCountDrop, sirs, organDysfunction, qsofa, type KdigoResult } from './criteria';
export { gfrCategory } from './ckd-stage';

/** Every topic rule, in the order the side panel lists topics. */
export const RULES: readonly CdiRule[] = [
  sepsisRule,
  akiRule,
  malnutritionRule,
  heartFailureRule,
  encephalopathyRule,
  respiratoryFailureRule,
  acuteBloodLossAnemiaRule,
  pressureInjuryRule,
  obesityBmiRule,
  hyponatremiaRule,
  hypokalemiaRule,
  type2MiRule,
  pneumoniaOrganismRule,
  clinicalValidationRule,
  ckdStageRule,
  anemiaTypeRule,
  drugToxicityRule,
  causeLinkRule,
  lateralityConflictRule,
  diabetesControlRule,
  substanceUseStatusRule,
  thrombocytopeniaRule,
  neutropeniaRule,
  hypomagnesemiaRule,
  hypertensiveUrgencyRule,
  strokeSpecificityRule,
  neoplasmStatusRule,
  dvtSpecificityRule,
  dementiaTypeRule,
  pulmonaryHypertensionTypeRule,
  hemiparesisRule,
  cerebralEdemaRule,
  coagulopathyRule,
  dehydrationRule,
  urinaryRetentionRule,
  debridementDepthRule,
  acuityRule,
  lateralityRule,
  operativeDiagnosisRule,
];

/**
 * Query opportunities of one chart: every rule of {@link RULES} on one context. An opportunity
 * fires only when its indicators are present and the record does not already answer the question.
 *
 * @example findOpportunities({ text, sections, indicators, mentions }).map((o) => o.topic) // ['hyponatremia']
 */
export function findOpportunities(input: RuleInput): Opportunity[] {
  const ctx = ruleContext(input);
  return RULES.flatMap((rule) => rule.find(ctx));
}
