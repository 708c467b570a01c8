/**
 * The guideline stage's rules, in the order they run. A weak Index match corroborated by the
 * current treatment first (it rejoins the reported set and meets every later rule); then
 * assertion (what is not the patient's current condition never reaches the later rules), then
 * where it is documented, then the rules between reported codes (Excludes1, level of detail,
 * integral symptoms, external causes), then procedures.
 */
import { bilateralBothSidesRule } from './bilateral-both-sides-i-b-13';
import { diagnosticStatementRule } from './diagnostic-statement-iii';
import { differentialDiagnosisRule } from './differential-diagnosis-ii-h-iv-h';
import { donorRule } from './donor-i-c-21-c-9';
import { encounterForRule } from './encounter-for-i-c-2-e';
import { communicableExposureRule } from './exposure-i-c-21-c-1';
import { contactSourceRule } from './contact-source-i-c-21-c-1';
import { insideLongerMentionRule } from './inside-longer-mention-i-b-2';
import { malignancyExcisedRule } from './malignancy-excised-i-c-2-d';
import { remissionRule } from './remission-i-c-2-n';
import { metastasisSiteRule } from './metastasis-site-i-c-2';
import { substanceUseRule } from './substance-use-i-c-5-b-3';
import { surgicalWoundRule } from './surgical-wound-i-c-19';
import { testContextRule } from './test-context-iii-b';
import { titleContradictedRule } from './title-contradicted-i-b-1';
import { documentedWhereRule } from './documented-where-iii-b';
import { excludes1Rule } from './excludes1-i-a-12-a';
import { externalCauseRule } from './external-cause-i-c-20';
import { integralSymptomsRule } from './integral-symptoms-i-b-5';
import { levelOfDetailRule } from './level-of-detail-i-b-2';
import { longTermDrugRule } from './long-term-drug-i-c-21-c-3';
import { notPresentRule } from './not-present-iii';
import { oneCodePerMentionRule } from './one-code-per-mention-i-b-7';
import { useAdditionalCodeRule } from './use-additional-code-i-b-7';
import { infectiousAgentRule } from './infectious-agent-i-c-1-b';
import { adverseEffectRule } from './adverse-effect-i-c-19-e-5-a';
import { oneConditionPerItemRule } from './one-condition-per-item-i-b-1';
import { wordingRule } from './wording-i-a-16';
import { previousConditionsRule } from './previous-conditions-iii-a';
import { proceduresRule } from './procedures-reportable-uhdds';
import { serviceNameRule } from './service-name-iii';
import { seventhCharacterRule } from './seventh-character-i-c-19-a';
import { sexConflictRule } from './sex-conflict-mce';
import { statusCurrentStateRule } from './status-current-state-i-c-21-c-3';
import { statusInComplicationRule } from './status-in-complication-i-c-21-c-3';
import { historyOfPastConditionRule } from './history-of-past-condition-i-c-21-c-4';
import { familyHistoryRule } from './family-history-i-c-21-c-4';
import { allergyStatusRule } from './allergy-status-i-c-21-c-3';
import { nicotineHistoryRule } from './nicotine-history-i-c-21-c-4';
import { antineoplasticEncounterRule } from './antineoplastic-encounter-i-c-2-e-2';
import { followUpMalignancyRule } from './follow-up-malignancy-i-c-21-c-8';
import { chemotherapyHistoryRule } from './chemotherapy-history-i-c-21-c-4';
import type { GuidelineRule } from './types';
import { uncertainDiagnosisRule } from './uncertain-diagnosis-ii-h-iv-h';
import { withPresumptionRule } from './with-presumption-i-a-15';
import { weakMatchTreatedRule } from './weak-match-treated-i-a';

/** Every rule, in order. */
export const RULES: readonly GuidelineRule[] = [
  weakMatchTreatedRule,
  notPresentRule,
  serviceNameRule,
  uncertainDiagnosisRule,
  differentialDiagnosisRule,
  previousConditionsRule,
  remissionRule,
  malignancyExcisedRule,
  testContextRule,
  donorRule,
  encounterForRule,
  communicableExposureRule,
  contactSourceRule,
  surgicalWoundRule,
  documentedWhereRule,
  diagnosticStatementRule,
  wordingRule,
  oneConditionPerItemRule,
  titleContradictedRule,
  sexConflictRule,
  metastasisSiteRule,
  excludes1Rule,
  levelOfDetailRule,
  seventhCharacterRule,
  withPresumptionRule,
  oneCodePerMentionRule,
  bilateralBothSidesRule,
  insideLongerMentionRule,
  substanceUseRule,
  useAdditionalCodeRule,
  infectiousAgentRule,
  adverseEffectRule,
  integralSymptomsRule,
  externalCauseRule,
  proceduresRule,
  longTermDrugRule,
  statusCurrentStateRule,
  statusInComplicationRule,
  historyOfPastConditionRule,
  familyHistoryRule,
  allergyStatusRule,
  nicotineHistoryRule,
  antineoplasticEncounterRule,
  followUpMalignancyRule,
  chemotherapyHistoryRule,
];
