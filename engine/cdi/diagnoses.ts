import { mentionContext, type ChartText, type MentionContext } from './chart-context';

/** Diagnoses the CDI rules look for in the documentation (not code assignment: wording only). */
export type DxConcept =
  | 'sepsis'
  | 'urosepsis'
  | 'aki'
  | 'ckd'
  | 'malnutrition'
  | 'heart-failure'
  | 'encephalopathy'
  | 'delirium'
  | 'dementia'
  | 'respiratory-failure'
  | 'abla'
  | 'anemia'
  | 'pressure-injury'
  | 'obesity'
  | 'hyponatremia'
  | 'hypokalemia'
  | 'mi-typed'
  | 'mi-untyped'
  | 'pneumonia'
  | 'copd'
  | 'site-ulcer'
  | 'vte'
  | 'neuropathy'
  | 'uti'
  | 'drug-toxicity'
  | 'diabetes'
  | 'glycemia'
  | 'drug-use'
  | 'thrombocytopenia'
  | 'cytopenia'
  | 'hypomagnesemia'
  | 'hypertension'
  | 'hypertensive-crisis'
  | 'stroke'
  | 'neoplasm'
  | 'pulmonary-hypertension'
  | 'hemiparesis'
  | 'cerebral-edema'
  | 'coagulopathy'
  | 'dehydration'
  | 'urinary-retention'
  | 'acuity-axis'
  | 'hyperkalemia';

/** One mention of a diagnosis in the chart, with its context and the details written with it. */
export interface DiagnosisMention {
  concept: DxConcept;
  start: number;
  end: number;
  text: string;
  context: MentionContext;
  /** Words written with the mention in its clause: acuity, type, severity, stage, site, organism. */
  details: {
    acuity?: 'acute' | 'chronic' | 'acute on chronic';
    type?: string;
    severity?: string;
    organism?: string;
  };
  /** True when the line carries a nursing/dietitian/wound-care cue or sits in such a section. */
  nonProvider: boolean;
  /** True when the mention sits in a differential-diagnosis list (a heading or a line starting "Differential"). */
  differential?: boolean;
}

interface DxSpec {
  concept: DxConcept;
  re: RegExp;
}

const ORGANISM =
  /\b(?:MRSA|MSSA|staph(?:ylococc(?:us|al))?|strep(?:tococc(?:us|al))?|S\. (?:aureus|pneumoniae)|pneumococc(?:us|al)|pseudomonas|pseudomonal|klebsiella|E\. ?coli|escherichia|haemophilus|H\. influenzae|legionella|mycoplasma|enterobacter|acinetobacter|serratia|proteus|moraxella|influenza|RSV|COVID(?:-19)?|SARS-CoV-2|viral|fungal|pneumocystis|PJP|aspiration|gram[- ]negative|gram[- ]positive|anaerob(?:ic|es))\b/i;

const SPECS: DxSpec[] = [
  { concept: 'urosepsis', re: /\burosepsis\b/gi },
  {
    concept: 'sepsis',
    re: /\b(?:severe sepsis|septic shock|sepsis|septicemia|septic(?! (?:arthritis|joint|emboli|bursitis|thrombophlebitis|abortion|tank|work-?up)))\b(?! (?:work-?up|protocol|bundle|screen(?:ing)?|alert|order set|pathway|criteria|evaluation|rule-?out))/gi,
  },
  {
    concept: 'aki',
    re: /\b(?:acute kidney injury|acute renal (?:failure|injury)|acute tubular necrosis|acute on chronic (?:kidney|renal) (?:failure|injury|disease)|AKI|ATN)\b/g,
  },
  { concept: 'aki', re: /\b(?:acute kidney injury|acute renal failure|acute renal injury|acute tubular necrosis)\b/gi },
  {
    concept: 'ckd',
    re: /\b(?:CKD|ESRD|chronic kidney disease|chronic renal (?:failure|insufficiency|disease)|end[- ]stage renal disease)\b/gi,
  },
  {
    concept: 'malnutrition',
    re: /\b(?:(?:severe|moderate|mild)\s+)?(?:protein[- ]calorie malnutrition|protein[- ]energy malnutrition|malnutrition|malnourished|undernutrition|cachexia|cachectic)\b/gi,
  },
  { concept: 'malnutrition', re: /\bPCM\b/g },
  { concept: 'heart-failure', re: /\b(?:heart failure|cardiac failure|congestive failure)\b/gi },
  { concept: 'heart-failure', re: /\b(?:CHF|HFrEF|HFpEF|HFmrEF|HFimpEF|ADHF|HF)\b/g },
  { concept: 'encephalopathy', re: /\bencephalopath(?:y|ic)\b/gi },
  { concept: 'delirium', re: /\bdelirium\b/gi },
  { concept: 'dementia', re: /\b(?:dementia|alzheimer'?s)\b/gi },
  { concept: 'respiratory-failure', re: /\b(?:respiratory failure|ventilatory failure)\b/gi },
  { concept: 'respiratory-failure', re: /\b(?:AHRF|AHCRF)\b/g },
  {
    concept: 'abla',
    re: /\b(?:acute blood loss anemia|acute blood-loss anemia|acute (?:post-?hemorrhagic|posthaemorrhagic) anemia|anemia (?:due to|secondary to|from|of) acute (?:blood loss|hemorrhage)|acute anemia (?:due to|from|secondary to) (?:blood loss|hemorrhage|bleeding))\b/gi,
  },
  { concept: 'abla', re: /\bABLA\b/g },
  { concept: 'anemia', re: /\ban(?:a)?emi(?:a|c)\b/gi },
  {
    concept: 'pressure-injury',
    re: /\b(?:pressure (?:injury|injuries|ulcer|ulcers|sore|sores)|decubitus(?: ulcer)?|bed ?sores?)\b(?!\s+(?:prevention|precautions?|risk|protocol|bundle|prophylaxis|prevention bundle))/gi,
  },
  {
    concept: 'obesity',
    re: /\b(?:morbid(?:ly)? obes(?:e|ity)|severe obesity|obes(?:e|ity)|overweight|underweight)\b/gi,
  },
  {
    concept: 'hyponatremia',
    re: /\b(?:hyponatr(?:a)?emi(?:a|c)|syndrome of inappropriate (?:ADH|antidiuretic hormone)(?: secretion)?)\b/gi,
  },
  { concept: 'hyponatremia', re: /\bSIADH\b/g },
  { concept: 'hypokalemia', re: /\bhypokal(?:a)?emi(?:a|c)\b/gi },
  {
    concept: 'mi-typed',
    re: /\b(?:type\s?(?:1|2|II|I|3|4a|4b|4c|5) (?:MI|myocardial infarction|NSTEMI|non-ST[- ]elevation (?:MI|myocardial infarction))|demand ischemia|(?:non-?ischemic |acute |chronic )?myocardial injury|supply[- ]demand mismatch)\b/gi,
  },
  { concept: 'mi-typed', re: /\bSTEMI\b/g },
  {
    concept: 'mi-untyped',
    re: /\b(?:NSTEMI|non-ST[- ]elevation (?:MI|myocardial infarction)|myocardial infarction|MI)\b/g,
  },
  { concept: 'mi-untyped', re: /\b(?:myocardial infarction|non-ST[- ]elevation myocardial infarction)\b/gi },
  { concept: 'pneumonia', re: /\b(?:pneumonia|pneumonitis)\b/gi },
  { concept: 'pneumonia', re: /\b(?:PNA|CAP|HCAP|HAP|VAP)\b/g },
  { concept: 'copd', re: /\b(?:COPD|chronic obstructive pulmonary disease|emphysema)\b/gi },
  {
    // Ulcers and wounds of pressure-bearing sites (NPIAP): the etiology decides L89 vs L97/L98.
    concept: 'site-ulcer',
    re: /\b(?:(?:heel|sacral|sacrum|coccyx|coccygeal|buttock|gluteal|ischial|trochanteric) (?:ulcers?|ulcerations?|wounds?)|(?:ulcers?|ulcerations?|wounds?) (?:of|on|to|over) (?:the )?(?:left |right |bilateral )?(?:heels?|sacrum|coccyx|buttocks?|ischium|hips?))\b/gi,
  },
  {
    concept: 'vte',
    re: /\b(?:DVT|deep ve(?:in|nous) thromb(?:osis|us)|pulmonary embol(?:ism|us|i)|venous thromboembolism|VTE)\b(?! prophylaxis)/gi,
  },
  { concept: 'neuropathy', re: /\b(?:(?:peripheral )?neuropathy|numbness|paresthesias?|polyneuropathy)\b/gi },
  { concept: 'diabetes', re: /\b(?:diabetes(?: mellitus)?|diabetic|DM|T2DM|T1DM|IDDM|NIDDM)\b/g },
  { concept: 'diabetes', re: /\bdiabetes\b/gi },
  {
    concept: 'glycemia',
    re: /\b(?:hyperglyc(?:a)?emi(?:a|c)|hypoglyc(?:a)?emi(?:a|c)|diabetic ketoacidosis|DKA|hyperosmolar)\b/gi,
  },
  {
    // Illicit or non-prescribed drug use (ICD-10-CM I.C.5.b: use, abuse and dependence are coded
    // only as the provider documents them).
    concept: 'drug-use',
    re: /\b(?:(?:heroin|cocaine|crack|methamphetamine|meth|amphetamine|opioid|opiate|fentanyl|marijuana|cannabis|illicit drug|recreational drug|polysubstance|IV drug|intravenous drug|injection drug|drug)s? (?:use|user|usage|abuse|dependence|addiction|use disorder)|IVDU|IVDA)\b/gi,
  },
  {
    concept: 'thrombocytopenia',
    re: /\b(?:thrombocytopeni(?:a|c)|low platelets?(?: count)?|(?:immune|idiopathic|heparin[- ]induced) thrombocytopeni(?:a|c)|thrombotic thrombocytopenic purpura)\b/gi,
  },
  { concept: 'thrombocytopenia', re: /\b(?:HIT|ITP|TTP)\b/g },
  {
    concept: 'cytopenia',
    re: /\b(?:pancytopeni(?:a|c)|neutropeni(?:a|c(?! (?:diet|precautions|isolation)))|leukopeni(?:a|c)|agranulocytosis|bicytopeni(?:a|c)|cytopenias?|myelosuppress(?:ion|ed)|(?:bone )?marrow suppression|aplastic anemia)\b/gi,
  },
  { concept: 'hypomagnesemia', re: /\b(?:hypomagnes(?:a)?emi(?:a|c)|low magnesium)\b/gi },
  {
    concept: 'hypertension',
    re: /\b(?:hypertension|hypertensive|high blood pressure|elevated blood pressure)\b/gi,
  },
  { concept: 'hypertension', re: /\b(?:HTN)\b/g },
  {
    // ICD-10-CM I16 (hypertensive crisis: urgency, emergency) and its older synonyms.
    concept: 'hypertensive-crisis',
    re: /\b(?:hypertensive (?:urgency|emergency|crisis|encephalopathy)|malignant hypertension|accelerated hypertension|permissive hypertension)\b/gi,
  },
  {
    concept: 'stroke',
    re: /(?<!\b(?:heat|sun|code|mini|secondary)[- ]?)\b(?:cerebrovascular accident|strokes?|cerebral infarct(?:ion)?|brain infarct(?:ion)?|infarct(?:ion)? of the (?:brain|cerebrum)|CVA(?!\s+(?:is|are|benign|non-?tender|tender|tenderness|negative|without|clear|free|angle|exam))(?!T\b))\b(?! (?:volume|scale|protocol|alert|work-?up|team|unit|center|risk|prevention|prophylaxis|education|symptoms|like|mimic))/gi,
  },
  {
    concept: 'neoplasm',
    re: /\b(?:cancer|carcinoma|adenocarcinoma|lymphoma|leukemia|myeloma|sarcoma|melanoma|malignancy|malignant neoplasm|metastatic disease|blastoma|glioblastoma|seminoma|mesothelioma)\b/gi,
  },
  { concept: 'neoplasm', re: /\b(?:CA|CLL|CML|AML|ALL|NHL)\b/g },
  {
    concept: 'pulmonary-hypertension',
    re: /\b(?:pulmonary (?:arterial )?hypertension|pulmonary HTN)\b/gi,
  },
  { concept: 'pulmonary-hypertension', re: /\b(?:PAH|PHTN)\b/g },
  {
    concept: 'hemiparesis',
    re: /\b(?:hemipar(?:esis|etic)|hemipleg(?:ia|ic)|monopar(?:esis|etic)|monopleg(?:ia|ic)|quadripar(?:esis|etic)|quadripleg(?:ia|ic)|tetrapleg(?:ia|ic)|parapleg(?:ia|ic)|parapar(?:esis|etic))\b/gi,
  },
  {
    concept: 'cerebral-edema',
    re: /\b(?:cerebral edema|brain (?:edema|swelling)|(?:vasogenic|cytotoxic) edema|(?:increased|elevated|raised|high) (?:intracranial pressure|ICP)|intracranial hypertension|herniation(?: syndrome)?|herniating|mass effect|midline shift|compression of (?:the )?brain)\b/gi,
  },
  {
    concept: 'coagulopathy',
    re: /\b(?:coagulopath(?:y|ic)|(?:anticoagula(?:nt|tion)|warfarin|coumadin) reversal|revers(?:e|al of|ing) (?:the |his |her )?(?:anticoagula(?:nt|tion)|warfarin|coumadin|INR|apixaban|rivaroxaban|dabigatran|heparin)|supratherapeutic INR|elevated INR|disseminated intravascular coagulation|factor (?:VII|VIII|IX|X) deficiency|hemophilia|von Willebrand|bleeding diathesis|(?:on|taking|takes) (?:warfarin|coumadin|apixaban|eliquis|rivaroxaban|xarelto|dabigatran|pradaxa|anticoagulation|anticoagulants?|antiplatelets?|clopidogrel|plavix))\b/gi,
  },
  { concept: 'coagulopathy', re: /\bDIC\b/g },
  {
    concept: 'dehydration',
    re: /\b(?:dehydrat(?:ion|ed)|hypovolemi(?:a|c)|volume deplet(?:ion|ed)|intravascular(?:ly)? deplet(?:ion|ed)|volume contraction|hypovolemic)\b/gi,
  },
  {
    concept: 'urinary-retention',
    re: /\b(?:urinary retention|retention of urine|retaining urine|retained urine|bladder outlet obstruction|neurogenic bladder|obstructive uropathy)\b/gi,
  },
  {
    // Conditions ICD-10-CM classifies by acuity (acute vs chronic codes, and a nonspecific default):
    // J20/J42/J40 bronchitis, K81.0–K81.9 cholecystitis, K85/K86.1 pancreatitis, N10–N12
    // pyelonephritis, J01/J32 sinusitis, M86.1/M86.6 osteomyelitis, K29 gastritis, N41.0/N41.1
    // prostatitis, I30/I31 pericarditis.
    concept: 'acuity-axis',
    re: /\b(?:bronchitis|cholecystitis|pancreatitis|pyelonephritis|sinusitis|osteomyelitis|gastritis|prostatitis|pericarditis)\b/gi,
  },
  { concept: 'hyperkalemia', re: /\bhyperkal(?:a)?emi(?:a|c)\b/gi },
  { concept: 'uti', re: /\b(?:UTI|urinary tract infection|cystitis)\b/gi },
  {
    concept: 'drug-toxicity',
    re: /\b(?:(?:digoxin|lithium|phenytoin|dilantin|drug|medication|opioid|acetaminophen|salicylate) (?:toxicity|poisoning|overdose)|toxic (?:level|effect)|supratherapeutic|adverse (?:drug )?(?:effect|reaction)|overdose|poisoning|(?:warfarin|coumadin)[- ](?:induced|associated|related) coagulopathy)\b/gi,
  },
];

// A differential-diagnosis list names what is being considered, not what the patient has.
const DIFFERENTIAL = /\bdifferential\b|\bDDx\b/i;
const DIFFERENTIAL_LINE = /^\s*(?:differential(?: diagnos[ie]s)?|DDx)\b/i;

const NON_PROVIDER_CUE =
  /\b(?:RN|nurs(?:e|ing)|wound care|WOC(?:N)?|wound nurse|skin assessment|braden|dietitian|dietician|RD\b|nutrition(?:al)? (?:assessment|diagnosis|note|consult))/i;

/** Words around a mention (its clause, at most 60 characters either side) that qualify it. */
function qualifiers(text: string, start: number, end: number): string {
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - 60);
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0 || lineEnd > end + 60) lineEnd = Math.min(text.length, end + 60);
  const before =
    text
      .slice(lineStart, start)
      .split(/[.;,](?!\d)/)
      .pop() ?? '';
  const after = text.slice(end, lineEnd).split(/[.;](?!\d)/)[0] ?? '';
  return `${before} ${text.slice(start, end)} ${after}`;
}

function detailsOf(concept: DxConcept, q: string, mention: string): DiagnosisMention['details'] {
  const d: DiagnosisMention['details'] = {};
  if (/acute[- ]on[- ]chronic|acute\s*\/\s*chronic/i.test(q)) d.acuity = 'acute on chronic';
  else if (/\bacute\b|decompensat|exacerbation|\bADHF\b|flare/i.test(q)) d.acuity = 'acute';
  else if (/\bchronic\b|compensated/i.test(q)) d.acuity = 'chronic';
  switch (concept) {
    case 'heart-failure': {
      const t =
        /\b(?:HFrEF|HFpEF|HFmrEF|HFimpEF|systolic|diastolic|combined|reduced ejection fraction|preserved ejection fraction|mildly reduced ejection fraction|right[- ]sided|right heart|left[- ]sided|high[- ]output|biventricular)\b/i.exec(
          q,
        );
      if (t) d.type = t[0].toLowerCase();
      if (/^ADHF$/i.test(mention)) d.acuity = 'acute';
      break;
    }
    case 'malnutrition': {
      const s = /\b(?:severe|moderate|mild|cachexia|cachectic)\b/i.exec(q);
      if (s) d.severity = s[0].toLowerCase();
      break;
    }
    case 'respiratory-failure': {
      const t = /\b(?:hypoxic|hypoxemic|hypercapnic|hypercarbic)\b/i.exec(q);
      if (t) d.type = t[0].toLowerCase();
      if (/^AHRF$/i.test(mention)) d.acuity = 'acute';
      break;
    }
    case 'pneumonia': {
      const o = ORGANISM.exec(q);
      if (o) d.organism = o[0];
      break;
    }
    case 'pressure-injury': {
      const s = /\b(?:stage\s*(?:[1-4]|I{1,3}|IV|one|two|three|four)|unstageable|deep tissue)\b/i.exec(q);
      if (s) d.severity = s[0].toLowerCase();
      const site =
        /\b(?:sacrum|sacral|coccyx|coccygeal|heels?|buttocks?|gluteal|hips?|ischial|ischium|trochanter(?:ic)?|occiput|elbows?|scapula(?:r)?|ankles?|back)\b/i.exec(
          q,
        );
      if (site) d.type = site[0].toLowerCase();
      break;
    }
    case 'obesity': {
      const s = /\b(?:morbid(?:ly)?|severe|class\s*(?:[1-3]|I{1,3})|overweight|underweight)\b/i.exec(q);
      if (s) d.severity = s[0].toLowerCase();
      break;
    }
    default:
      break;
  }
  return d;
}

/**
 * Every mention of the diagnoses CDI cares about, with context (negated, hypothetical, historical,
 * family, uncertain), qualifiers written with it and whether it sits in non-provider documentation.
 *
 * @example findDiagnoses(prepareChart('No AKI.'))[0].context.negated // true
 */
export function findDiagnoses(chart: ChartText): DiagnosisMention[] {
  const text = chart.text;
  const out: DiagnosisMention[] = [];
  const seen = new Set<string>();
  for (const spec of SPECS) {
    spec.re.lastIndex = 0;
    for (let m = spec.re.exec(text); m; m = spec.re.exec(text)) {
      const start = m.index;
      const end = start + m[0].length;
      const key = `${spec.concept}@${start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const context = mentionContext(chart, start, end);
      const lineStart = text.lastIndexOf('\n', start - 1) + 1;
      const lineHead = text.slice(lineStart, Math.min(start, lineStart + 60));
      const nonProvider = context.section?.author === 'nursing' || NON_PROVIDER_CUE.test(lineHead);
      const q = qualifiers(text, start, end);
      out.push({
        concept: spec.concept,
        start,
        end,
        text: m[0],
        context,
        details: detailsOf(spec.concept, q, m[0]),
        nonProvider,
        ...(DIFFERENTIAL_LINE.test(lineHead) || DIFFERENTIAL.test(context.section?.heading ?? '')
          ? { differential: true }
          : {}),
      });
    }
  }
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** Options for {@link isDocumented}. */
export interface DocumentedOptions {
  /** Accept mentions in history sections / "history of" (chronic conditions). Default false. */
  allowHistorical?: boolean;
  /** Only provider documentation counts (I.B.14: malnutrition, pressure injury, obesity). Default false. */
  providerOnly?: boolean;
}

/**
 * Mentions that document `concept` for this encounter: asserted (not negated, hypothetical or
 * family), not in a differential-diagnosis list, not historical unless allowed. Uncertain wording ("probable sepsis") counts: inpatient
 * uncertain diagnoses are coded as established (Official Guidelines II.H, III.C).
 */
export function documentedMentions(
  mentions: readonly DiagnosisMention[],
  concept: DxConcept,
  options: DocumentedOptions = {},
): DiagnosisMention[] {
  return mentions.filter(
    (m) =>
      m.concept === concept &&
      !m.differential &&
      !m.context.negated &&
      !m.context.hypothetical &&
      !m.context.family &&
      (options.allowHistorical || !m.context.historical) &&
      (!options.providerOnly || !m.nonProvider),
  );
}
