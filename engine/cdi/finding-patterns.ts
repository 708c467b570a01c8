import type { IndicatorFlag, IndicatorKind, IndicatorName } from './types';

/**
 * A descriptive indicator: a treatment, a nursing finding, a mental-status description or a
 * worded vital sign ("tachycardic", "afebrile"). Matched as a phrase; the mention context decides
 * whether it counts ("no confusion", "if hypotensive start norepinephrine" do not).
 */
export interface FindingSpec {
  name: IndicatorName;
  kind: IndicatorKind;
  /** Case-insensitive regex source. */
  pattern: string;
  /** Flag carried by worded vitals ("febrile" → high temperature). */
  flag?: IndicatorFlag;
  /** Historical mentions count (e.g. a baseline home-oxygen statement); default false. */
  allowHistorical?: boolean;
  /** The finding is worded with a negation ("unable to void"): its own words do not negate it. */
  ownNegation?: boolean;
}

const ABX_IV_ONLY =
  'cefepime|piperacillin[- /]?tazobactam|pip[- /]?tazo|zosyn|meropenem|ertapenem|imipenem|ceftriaxone|ampicillin[- /]sulbactam|unasyn|' +
  'aztreonam|gentamicin|tobramycin|amikacin|daptomycin|ceftazidime|cefazolin|nafcillin|oxacillin|micafungin|tigecycline';

/** Treatments, findings and mental-status descriptions (indicator extraction). */
export const FINDINGS: readonly FindingSpec[] = [
  // Treatments
  {
    name: 'iv-antibiotics',
    kind: 'treatment',
    pattern:
      `\\b(?:(?:IV|intravenous)\\s+(?:antibiotics?|abx|vancomycin|vanco|${ABX_IV_ONLY}|levofloxacin|azithromycin|metronidazole|linezolid)|` +
      `broad[- ]spectrum (?:antibiotics?|abx|coverage)|(?:${ABX_IV_ONLY})\\b|vanc(?:omycin|o)\\s+(?:\\d+\\s*(?:mg|g)\\s+)?(?:IV|intravenous)|` +
      `(?:started|start|continue|continued|on|received|given)\\s+(?:empiric\\s+)?(?:IV\\s+)?(?:antibiotics|abx))\\b`,
  },
  {
    name: 'vasopressors',
    kind: 'treatment',
    pattern:
      '\\b(?:norepinephrine|levophed|vasopressin|phenylephrine|neo-?synephrine|epinephrine (?:drip|gtt|infusion)|dopamine(?: drip| gtt| infusion)?|vasopressors?|pressors?)\\b',
  },
  {
    name: 'fluid-bolus',
    kind: 'treatment',
    pattern:
      "\\b(?:(?:\\d+(?:\\.\\d+)?\\s*(?:mL|ml|L|cc)(?:/kg)?\\s+)?(?:(?:IV\\s+)?(?:NS|normal saline|LR|lactated ringer'?s|crystalloid|IV fluids?|IVF|fluid)\\s+)?bolus(?:es|ed)?|30\\s*mL/kg|fluid resuscitation|aggressive (?:IV )?(?:fluids|hydration))\\b",
  },
  {
    name: 'high-flow-oxygen',
    kind: 'treatment',
    pattern:
      '\\b(?:high[- ]flow(?: nasal cannula| oxygen| O2| NC)?|HFNC|heated high flow|non-?rebreather(?: mask)?|NRB)\\b',
  },
  {
    name: 'non-invasive-ventilation',
    kind: 'treatment',
    pattern: '\\b(?:BiPAP|BIPAP|Bi-PAP|NIPPV|non-?invasive (?:positive pressure )?ventilation|NIV)\\b',
  },
  {
    name: 'intubation',
    kind: 'treatment',
    pattern:
      '\\b(?:intubated|intubation|mechanical(?:ly)? ventilat(?:ion|ed)|on the vent(?:ilator)?|ventilator support|ETT)\\b',
  },
  {
    name: 'supplemental-oxygen',
    kind: 'treatment',
    pattern:
      '\\b(?:\\d+(?:\\.\\d+)?\\s*(?:L|LPM|L/min|liters?)\\s*(?:/min\\s*)?(?:of\\s+)?(?:O2|oxygen|NC|nasal cannula|via nasal cannula|via NC|by NC)|nasal cannula|supplemental (?:oxygen|O2)|(?:on|requiring|required|needing|started on) (?:nasal |home |supplemental |continuous )?(?:O2|oxygen)|venturi mask|face mask|simple mask|home (?:oxygen|O2))\\b',
    allowHistorical: true,
  },
  {
    name: 'iv-diuretics',
    kind: 'treatment',
    pattern:
      '\\b(?:(?:IV|intravenous)\\s+(?:furosemide|lasix|bumetanide|bumex|torsemide|diuretics?|diuresis)|(?:furosemide|lasix|bumetanide|bumex)\\s+(?:\\d+(?:\\.\\d+)?\\s*mg\\s+)?(?:IV|intravenous(?:ly)?|IVP|drip|gtt|infusion)|(?:furosemide|lasix|bumex) (?:drip|gtt)|diuresed with IV)\\b',
  },
  {
    name: 'transfusion',
    kind: 'treatment',
    pattern:
      '\\b(?:transfus(?:ed|ion|ions|ing)|(?:\\d+|one|two|three|four)\\s+units?\\s+(?:of\\s+)?(?:PRBCs?|pRBCs?|packed red (?:blood )?cells|RBCs?|blood)|PRBCs?|pRBCs?|packed red blood cells)\\b',
  },
  {
    name: 'dietitian-consult',
    kind: 'treatment',
    pattern:
      '\\b(?:dietitian|dietician|nutrition (?:consult|assessment|team|services)|registered dietitian|RD (?:consult|assessment|note|evaluation))\\b',
  },
  {
    name: 'nutrition-support',
    kind: 'treatment',
    pattern:
      '\\b(?:oral nutrition(?:al)? supplements?|nutritional supplements?|supplement shakes?|ensure(?: plus| enlive)?|boost(?: plus)?|tube feed(?:s|ing|ings)?|feeding tube|enteral (?:feeds|feeding|nutrition)|TPN|total parenteral nutrition|parenteral nutrition|PEG feeds?|NG feeds?)\\b',
  },
  {
    name: 'wound-care',
    kind: 'treatment',
    pattern:
      '\\b(?:wound care(?: consult| nurse| team| RN)?|WOC(?:N| nurse)|wound ostomy|off-?loading|wound vac|negative pressure wound therapy|NPWT|debridement|debrided|dressing changes?|hydrocolloid|foam dressing|barrier cream|turn(?:ing)? (?:q|every) ?2 ?h(?:ours?|rs?)?|pressure[- ]redistribution (?:mattress|surface))\\b',
  },
  {
    name: 'fluid-restriction',
    kind: 'treatment',
    pattern:
      '\\b(?:(?:free )?(?:water|fluid) restrict(?:ion|ed)|fluid[- ]restrict(?:ion|ed)?|FWR|restrict(?:ed|ing)? (?:free )?(?:water|fluids?)|(?:\\d+(?:\\.\\d+)?\\s*(?:mL|L|ml)) fluid restriction)\\b',
  },
  {
    name: 'hypertonic-saline',
    kind: 'treatment',
    pattern:
      '\\b(?:3\\s?% (?:saline|NaCl|sodium chloride|NS)|hypertonic saline|salt tab(?:let)?s|sodium chloride tab(?:let)?s|NaCl tab(?:let)?s|tolvaptan|urea tablets)\\b',
  },
  {
    name: 'potassium-replacement',
    kind: 'treatment',
    pattern:
      '\\b(?:KCl|K-?Dur|Klor-?Con|potassium chloride|potassium (?:replacement|repletion|supplement(?:ation)?|replaced|repleted|protocol)|K\\+? (?:replacement|repletion|replaced|repleted|protocol|rider)|replet(?:e|ed|ing) (?:K|potassium)|(?:IV|PO|oral) potassium|(?:K\\+?|potassium)\\s*(?:of\\s+)?\\d(?:\\.\\d+)?\\s*(?:mmol/L|mEq/L)?\\s*[,;:-]?\\s*(?:was\\s+|being\\s+|will be\\s+)?(?:replaced|repleted|replete|repleting|supplemented))\\b',
  },
  {
    // Any loop or thiazide diuretic, by mouth or IV, and diuresis itself (heart-failure treatment evidence).
    name: 'diuretic',
    kind: 'treatment',
    pattern:
      '\\b(?:furosemide|lasix|bumetanide|bumex|torsemide|demadex|metolazone|(?:aggressive |gentle |continued )?diuresis|diuresed|diuretics?)\\b',
  },
  {
    // Erythropoiesis-stimulating agents, iron, B12 and folate given for anemia.
    name: 'anemia-treatment',
    kind: 'treatment',
    pattern:
      '\\b(?:epoetin(?: alfa)?|epogen|procrit|retacrit|darbepoetin(?: alfa)?|aranesp|(?:IV |oral |intravenous )?iron (?:sucrose|dextran|supplement(?:s|ation)?|infusion|replacement|therapy)|ferrous (?:sulfate|gluconate|fumarate)|venofer|feraheme|ferumoxytol|injectafer|with iron|vitamin B12 injections?|cyanocobalamin|B12 injections?)\\b',
  },
  {
    name: 'anemia-workup',
    kind: 'treatment',
    pattern:
      '\\b(?:iron studies|serum iron|iron (?:panel|level|determination)|ferritin|TIBC|total iron[- ]binding capacity|transferrin saturation|reticulocyte(?: count)?|retic count|B12 (?:and folate )?levels?|folate level|hemoccult|stool guaiac|anemia (?:work-?up|panel))\\b',
  },
  {
    // Cytotoxic chemotherapy named or given (a cause the provider may link: neuropathy, anemia, cytopenias).
    name: 'chemotherapy',
    kind: 'treatment',
    pattern:
      '\\b(?:chemotherapy|chemo|carboplatin|cisplatin|oxaliplatin|paclitaxel|taxol|docetaxel|taxotere|vincristine|vinblastine|bortezomib|velcade|thalidomide|cyclophosphamide|doxorubicin|adriamycin|gemcitabine|5-?FU|fluorouracil|capecitabine|etoposide|ifosfamide)\\b',
    allowHistorical: true,
  },
  {
    name: 'anticoagulant',
    kind: 'treatment',
    pattern:
      '\\b(?:warfarin|coumadin|heparin(?: drip| gtt| infusion)?|enoxaparin|lovenox|apixaban|eliquis|rivaroxaban|xarelto|dabigatran|pradaxa|edoxaban)\\b',
    allowHistorical: true,
  },
  {
    // An operation in this encounter: postoperative wording or the postoperative day.
    name: 'surgery',
    kind: 'finding',
    pattern:
      '\\b(?:post-?op(?:erative(?:ly)?)?(?: day)?(?:\\s*#?\\s*\\d+)?|POD\\s*#?\\s*\\d+|intraoperative(?:ly)?)\\b',
  },
  {
    // An explicit serial check of the electrolytes: the abnormal value is being monitored
    // (ICD-10-CM Guidelines III.B: abnormal findings monitored or treated may be significant).
    name: 'electrolyte-monitoring',
    kind: 'treatment',
    pattern:
      '\\b(?:(?:daily|serial|repeat|recheck|q\\.? ?AM|every morning|follow(?:-up)?)\\s+(?:BMPs?|basic metabolic panels?|chem(?:istr(?:y|ies))?(?:-?7)?|electrolytes|lytes|sodium|potassium|Na|K)|(?:BMP|electrolytes|lytes|sodium|potassium) (?:daily|q\\.? ?AM|every morning|in (?:the )?AM))\\b',
  },
  {
    name: 'insulin',
    kind: 'treatment',
    pattern:
      '\\b(?:insulin(?: drip| gtt| infusion| sliding scale)?|sliding[- ]scale|lantus|levemir|humalog|novolog|glargine|detemir|lispro|aspart|degludec|tresiba)\\b',
  },
  {
    name: 'urinary-catheter',
    kind: 'treatment',
    pattern:
      '\\b(?:foley(?: catheter)?|indwelling (?:urinary |bladder )?catheter|suprapubic catheter|urinary catheter)\\b',
  },
  {
    // Myeloid growth factors (G-CSF / GM-CSF), given for neutropenia.
    name: 'growth-factor',
    kind: 'treatment',
    pattern:
      '\\b(?:filgrastim|neupogen|pegfilgrastim|neulasta|zarxio|granix|nivestym|sargramostim|leukine|G-?CSF|GM-?CSF)\\b',
  },
  {
    // Parenteral antihypertensives and drips (hypertensive urgency/emergency treatment).
    name: 'iv-antihypertensive',
    kind: 'treatment',
    pattern:
      '\\b(?:(?:IV|intravenous|IVP)\\s+(?:labetalol|hydralazine|enalaprilat|vasotec|metoprolol|lopressor|antihypertensives?)|(?:labetalol|hydralazine|enalaprilat|vasotec|metoprolol|lopressor)\\s+(?:\\d+(?:\\.\\d+)?\\s*mg\\s+)?(?:IV|intravenous(?:ly)?|IVP|IV push|drip|gtt|infusion)|enalaprilat|nicardipine|cardene|clevidipine|cleviprex|nitroprusside|nipride|esmolol|labetalol (?:drip|gtt|infusion))\\b',
  },
  {
    // Osmotic therapy for raised intracranial pressure.
    name: 'osmotic-therapy',
    kind: 'treatment',
    pattern: '\\b(?:mannitol|23\\.4\\s?% (?:saline|NaCl|sodium chloride))\\b',
  },
  {
    // Plasma, coagulation factors and reversal agents (a coagulation problem treated).
    name: 'coagulation-reversal',
    kind: 'treatment',
    // "Previously given FFP" in an operative or ED note is earlier in the same episode.
    allowHistorical: true,
    pattern:
      '\\b(?:fresh frozen plasma|FFP|(?:recombinant )?(?:activated )?factor (?:VIIa|7a|VII|seven)|rFVIIa|novoseven|kcentra|prothrombin complex concentrate|PCC|cryoprecipitate|IV vitamin K|intravenous vitamin K|andexanet|andexxa|idarucizumab|praxbind|protamine)\\b',
  },
  {
    name: 'magnesium-replacement',
    kind: 'treatment',
    pattern:
      '\\b(?:magnesium (?:sulfate|oxide|replacement|repletion|supplement(?:ation)?|protocol|replaced|repleted)|mag(?:nesium)? ox(?:ide)?|MgSO4|Mg (?:replacement|repletion|replaced|repleted|protocol|rider)|replet(?:e|ed|ing) (?:Mg|mag(?:nesium)?)|(?:optimi[sz]e|replace|replete|correct) (?:the )?(?:electrolytes|lytes))\\b',
  },
  {
    name: 'iv-fluids',
    kind: 'treatment',
    pattern:
      "\\b(?:IV fluids?|IVF|intravenous fluids?|intravenous hydration|IV hydration|maintenance fluids|(?:normal saline|NS|D5 ?1/2 ?NS|D5NS|lactated ringer'?s|LR) (?:at|@) \\d+|on (?:IV )?fluids|rehydrat(?:ed|ion))\\b",
  },
  // Nursing findings
  {
    name: 'pressure-injury',
    kind: 'nursing',
    pattern:
      '\\b(?:(?:stage\\s*(?:[1-4]|I{1,3}|IV|one|two|three|four)|unstageable|deep tissue(?: pressure)?(?: injury)?|DTPI)\\s+(?:\\w+\\s+){0,3}?(?:pressure (?:injury|injuries|ulcer|ulcers|sore|wound)|decubitus(?: ulcer)?|bed ?sore|ulcer|wound)|(?:pressure (?:injury|injuries|ulcer|ulcers|sore)|decubitus(?: ulcer)?|bed ?sore)(?:\\s+(?:of|on|to|at|over)\\s+(?:the\\s+)?(?:left\\s+|right\\s+|bilateral\\s+)?[a-z]+){0,1}(?:[,:]?\\s*(?:\\w+\\s+){0,3}?(?:stage\\s*(?:[1-4]|I{1,3}|IV|one|two|three|four)|unstageable|deep tissue(?: injury)?))?)',
  },
  // Mental status
  {
    name: 'mental-status',
    kind: 'mental-status',
    pattern:
      '\\b(?:confused|confusion|disoriented|disorientation|oriented (?:x|to)\\s?[0-2]\\b|A\\s?&\\s?O\\s?x?\\s?[0-2]\\b|AOx[0-2]\\b|lethargic|lethargy|obtunded|obtundation|somnolent|somnolence|stuporous|stupor|altered mental status|altered mentation|AMS|mental status changes?|agitated|agitation|delirious|inattentive|not following commands|unresponsive|CAM(?:-ICU)? positive|positive CAM(?:-ICU)?|hallucinating|asterixis)\\b',
  },
  // Worded vital signs
  { name: 'temperature', kind: 'vital', pattern: '\\b(?:febrile|fevers?|pyrexia|hyperthermi[ac])\\b', flag: 'high' },
  { name: 'temperature', kind: 'vital', pattern: '\\b(?:hypotherm(?:ia|ic))\\b', flag: 'low' },
  { name: 'temperature', kind: 'vital', pattern: '\\bafebrile\\b', flag: 'normal' },
  {
    name: 'heart-rate',
    kind: 'vital',
    pattern: '\\b(?:tachycardic|tachycardia|RVR|rapid ventricular response)\\b',
    flag: 'high',
  },
  { name: 'respiratory-rate', kind: 'vital', pattern: '\\b(?:tachypneic|tachypnea|tachypnoea)\\b', flag: 'high' },
  { name: 'systolic-bp', kind: 'vital', pattern: '\\b(?:hypotensive|hypotension)\\b', flag: 'low' },
  {
    name: 'spo2',
    kind: 'vital',
    pattern: '\\b(?:hypoxemia|hypoxemic|hypoxia|desaturations?|desaturating|desatting)\\b',
    flag: 'low',
  },
  {
    name: 'work-of-breathing',
    kind: 'finding',
    pattern:
      '\\b(?:accessory muscle(?:s| use)?|use of accessory muscles|retractions|unable to speak (?:in )?full sentences|speaking in (?:one|two|1|2|3)[- ]word (?:sentences|phrases)|tripod(?:ing)?|labored (?:breathing|respirations)|increased work of breathing|respiratory distress|cyanosis|cyanotic|nasal flaring)\\b',
  },
  { name: 'room-air', kind: 'finding', pattern: '\\b(?:on room air|on RA|room air)\\b' },
  // Nutrition findings (ASPEN/AND and GLIM characteristics)
  {
    name: 'poor-intake',
    kind: 'finding',
    pattern:
      '\\b(?:poor (?:oral |PO |po )?intake|(?:decreased|poor|inadequate|suboptimal) (?:nutrition|nutritional intake|caloric intake)|decreased (?:oral |PO )?intake|minimal (?:oral |PO )?intake|(?:oral |PO |po )?intake (?:of |<|less than |≤)?\\s*(?:<|≤)?\\s*(?:25|50|[1-4]\\d|[1-9])\\s?%|eating (?:<|less than|≤|about|only)?\\s*(?:25|50|[1-4]\\d|[1-9])\\s?%|poor appetite|decreased appetite|anorexia|not eating|unable to eat|NPO (?:for|x) (?:\\d+|several) days|meeting (?:<|less than)\\s*\\d+\\s?% of (?:estimated )?(?:needs|requirements))\\b',
  },
  {
    name: 'muscle-wasting',
    kind: 'finding',
    pattern:
      '\\b(?:(?:moderate|severe|mild|significant)?\\s*(?:muscle|temporal|temporalis|quadriceps|deltoid|interosseous) (?:wasting|loss|atrophy)|temporal wasting|sarcopenia|reduced muscle mass|loss of muscle mass|muscle atrophy)\\b',
  },
  {
    name: 'fat-loss',
    kind: 'finding',
    pattern:
      '\\b(?:(?:subcutaneous|orbital|triceps|buccal) fat (?:loss|pad loss|depletion)|loss of subcutaneous fat|fat loss|fat depletion)\\b',
  },
  // Bleeding (acute blood loss anemia)
  {
    name: 'blood-loss',
    kind: 'finding',
    pattern:
      '\\b(?:(?:upper |lower )?GI (?:bleed|bleeding|hemorrhage)|GIB|UGIB|LGIB|hematemesis|melena|melanotic stools?|hematochezia|BRBPR|bright red blood per rectum|coffee[- ]ground emesis|(?:acute |active )?blood loss|hemorrhage|hemorrhagic|bleeding|EBL(?: of)?\\s*\\d+\\s*(?:mL|ml|cc)|estimated blood loss(?: of| was|:)?\\s*\\d+\\s*(?:mL|ml|cc)|hemoperitoneum|retroperitoneal hematoma|hemothorax)\\b',
  },
  // Infection (sepsis needs a suspected or confirmed infection)
  {
    name: 'infection',
    kind: 'finding',
    pattern:
      '\\b(?:pneumonia|PNA|urinary tract infection|UTI|pyelonephritis|cellulitis|abscess|bacteremia|cholangitis|cholecystitis|osteomyelitis|endocarditis|meningitis|peritonitis|empyema|diverticulitis|appendicitis|septic arthritis|infected|infection|C\\.? diff(?:icile)? colitis|necrotizing fasciitis|(?:positive|\\+) (?:blood|urine|sputum) cultures?|(?:blood|urine|sputum) cultures? (?:positive|\\+|grew|growing))\\b',
  },
  {
    name: 'culture-organism',
    kind: 'finding',
    pattern:
      '\\b(?:MRSA|MSSA|methicillin[- ]resistant Staph(?:ylococcus)? aureus|Staph(?:ylococcus)? aureus|S\\. aureus|Streptococcus pneumoniae|S\\. pneumoniae|pneumococc(?:us|al)|Pseudomonas(?: aeruginosa)?|Klebsiella(?: pneumoniae)?|E\\. ?coli|Escherichia coli|Haemophilus influenzae|H\\. influenzae|Legionella(?: pneumophila)?|Mycoplasma(?: pneumoniae)?|Enterobacter|Acinetobacter|Serratia|Proteus|Moraxella|influenza [AB]|RSV|SARS-CoV-2|COVID-19|gram[- ]negative rods|gram[- ]positive cocci)\\b',
  },
  {
    name: 'aspiration',
    kind: 'finding',
    pattern:
      '\\b(?:witnessed aspiration|aspiration event|aspirated|aspiration|dysphagia|failed (?:bedside )?swallow(?: study| screen| evaluation)?|coughing (?:with|after|during) (?:meals|eating|po|liquids)|choking (?:on|episode))\\b',
  },
  {
    // Fluid losses and intake failure (volume depletion evidence).
    name: 'gi-losses',
    kind: 'finding',
    pattern:
      '\\b(?:vomiting|emesis|nausea and vomiting|N/V|diarrhea|loose stools|high ostomy output|unable to (?:keep|tolerate) (?:anything|liquids|fluids|food|po) down|poor (?:oral |PO |po )?(?:fluid )?intake|decreased (?:oral |PO )?(?:fluid )?intake|dry mucous membranes|poor skin turgor|decreased skin turgor|orthostatic(?: hypotension| vital signs)?|orthostasis)\\b',
  },
  {
    // Inability to empty the bladder (urinary retention evidence).
    name: 'voiding-difficulty',
    kind: 'finding',
    ownNegation: true,
    pattern:
      "\\b(?:(?:unable|not able|inability|could not|couldn't|cannot|can't) (?:to )?(?:urinate|void|empty (?:the|his|her) bladder|pass urine)|(?:not|unable) (?:being )?able to (?:urinate|void)|difficulty (?:voiding|urinating)|post-?void residual(?: of)?\\s*\\d+|PVR(?: of)?\\s*\\d+|bladder scan (?:showed|showing|with|revealed) (?:\\w+\\s+){0,2}\\d+|straight cath(?:eter)?(?:ized|ization)?|in-and-out cath(?:eter)?(?:ized|ization)?|distended bladder|bladder distension)\\b",
  },
  {
    // One-sided motor deficit described in words (not named as hemiparesis or hemiplegia).
    name: 'one-sided-weakness',
    kind: 'finding',
    pattern:
      '\\b(?:(?:left|right)[- ]sided (?:weakness|paralysis|deficits?|numbness|body findings)|(?:left|right) (?:upper|lower) extremit(?:y|ies) (?:weakness|paralysis|drift)|weakness (?:of|in) the (?:left|right) (?:side|arm|leg|upper extremity|lower extremity|body)|(?:not moving|unable to move|does not move|no movement of) (?:the |his |her )?(?:left|right) (?:side|arm|leg|upper extremity|lower extremity)|(?:left|right) (?:body|side) (?:findings|weakness|deficits?)|(?:left|right) (?:facial droop|hemibody)|(?:left|right) arm and leg weakness|(?:left|right) pronator drift)\\b',
  },
  {
    // A space-occupying intracranial process (hemorrhage, mass), the setting of raised ICP.
    name: 'brain-lesion',
    kind: 'finding',
    pattern:
      '\\b(?:intracranial (?:bleed|hemorrhage|hematoma|mass)|intracerebral (?:bleed|hemorrhage|hematoma)|intraparenchymal (?:bleed|hemorrhage|hematoma)|ICH|subdural (?:hematoma|hemorrhage|bleed)|epidural hematoma|subarachnoid hemorrhage|SAH|SDH|brain (?:tumor|mass|abscess)|cerebral (?:hemorrhage|mass)|(?:large|massive|malignant) (?:cerebral |MCA |hemispheric )?(?:infarct|infarction|stroke)|traumatic brain injury|TBI)\\b',
  },
  {
    name: 'congestion',
    kind: 'finding',
    pattern:
      '\\b(?:pulmonary (?:edema|congestion|vascular congestion)|vascular congestion|pleural effusions?|JVD|jugular venous distension|elevated JVP|(?:bibasilar |bilateral )?(?:rales|crackles)|(?:[1-4]\\+ |pitting |bilateral (?:lower extremity |LE )?|lower extremity |LE |peripheral |leg )edema|anasarca|(?:fluid|volume) overload(?:ed)?|hypervolemi(?:a|c)|orthopnea|PND|paroxysmal nocturnal dyspnea)\\b',
  },
];
