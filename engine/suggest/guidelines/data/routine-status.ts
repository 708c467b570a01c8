/**
 * Status and history Z codes that coders report whenever the chart documents them, even outside
 * the provider's final diagnostic statement (an allergy list, a past medical or surgical history,
 * the history of present illness). Official Guidelines I.C.21.c.3 (status codes indicate that a
 * patient is a carrier of a disease, has the sequelae or residual of a past disease or condition,
 * "including such things as the presence of prosthetic or mechanical devices resulting from past
 * treatment"), I.C.21.c.4 (personal history codes "may be used in conjunction with follow-up codes
 * ... since the history itself may have an impact on patient care") and Section III ("history
 * codes (categories Z80-Z87) may be used as secondary codes if the historical condition or family
 * history has an impact on current care or influences treatment").
 *
 * Each row: a Tabular List category (or code prefix, undotted) and its title. Reviewed list: only
 * statuses that change how the patient is treated in any encounter (a drug the patient must not
 * receive, a device, a transplanted organ, dialysis, an absent limb, a past malignancy under
 * surveillance) are here; the codes themselves come from the Index, never from this list.
 */
export const ROUTINE_STATUS: readonly { prefix: string; title: string }[] = [
  { prefix: 'Z85', title: 'Personal history of malignant neoplasm' },
  { prefix: 'Z88', title: 'Allergy status to drugs, medicaments and biological substances' },
  { prefix: 'Z89', title: 'Acquired absence of limb' },
  { prefix: 'Z90', title: 'Acquired absence of organs, not elsewhere classified' },
  { prefix: 'Z93', title: 'Artificial opening status' },
  { prefix: 'Z94', title: 'Transplanted organ and tissue status' },
  { prefix: 'Z95', title: 'Presence of cardiac and vascular implants and grafts' },
  { prefix: 'Z966', title: 'Presence of orthopedic joint implants' },
  { prefix: 'Z992', title: 'Dependence on renal dialysis' },
  { prefix: 'Z9981', title: 'Dependence on supplemental oxygen' },
];
