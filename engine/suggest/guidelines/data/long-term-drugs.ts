/**
 * Drugs whose long-term current use has its own ICD-10-CM status code (Tabular List category Z79,
 * "Long term (current) drug therapy"; Official Guidelines I.C.21.c.3 status codes, and the Z79
 * instructional notes). Each row: the Z79 code, and generic and common brand names of drugs of
 * that class (class membership as in the drugs' FDA labeling). Reviewed list: a drug is added
 * only when its class is unambiguous; everything else is left to the coder (Z79.899 is not
 * proposed: it would fit any medication).
 */
export const LONG_TERM_DRUGS: readonly { code: string; drugs: readonly string[] }[] = [
  {
    code: 'Z79.01',
    drugs: [
      'warfarin',
      'coumadin',
      'apixaban',
      'eliquis',
      'rivaroxaban',
      'xarelto',
      'dabigatran',
      'pradaxa',
      'edoxaban',
      'savaysa',
      'enoxaparin',
      'lovenox',
    ],
  },
  {
    code: 'Z79.02',
    drugs: ['clopidogrel', 'plavix', 'prasugrel', 'effient', 'ticagrelor', 'brilinta', 'dipyridamole', 'cilostazol'],
  },
  { code: 'Z79.82', drugs: ['aspirin', 'asa', 'ecotrin'] },
  {
    code: 'Z79.4',
    drugs: [
      'insulin',
      'lantus',
      'humalog',
      'novolog',
      'levemir',
      'humulin',
      'novolin',
      'glargine',
      'lispro',
      'aspart',
      'detemir',
      'degludec',
      'tresiba',
    ],
  },
  {
    code: 'Z79.84',
    drugs: [
      'metformin',
      'glucophage',
      'glipizide',
      'glyburide',
      'glimepiride',
      'pioglitazone',
      'sitagliptin',
      'januvia',
      'linagliptin',
      'empagliflozin',
      'jardiance',
      'dapagliflozin',
      'farxiga',
      'canagliflozin',
    ],
  },
  { code: 'Z79.52', drugs: ['prednisone', 'prednisolone', 'methylprednisolone', 'dexamethasone', 'hydrocortisone'] },
  { code: 'Z79.3', drugs: ['oral contraceptive', 'oral contraceptives'] },
  {
    code: 'Z79.891',
    drugs: [
      'oxycodone',
      'hydrocodone',
      'methadone',
      'morphine',
      'fentanyl',
      'hydromorphone',
      'dilaudid',
      'percocet',
      'vicodin',
      'norco',
      'buprenorphine',
      'suboxone',
      'tramadol',
    ],
  },
];
