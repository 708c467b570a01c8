import {
  clauseAround,
  isAsserted,
  isValueAsserted,
  mentionContext,
  prepareChart,
  sectionAt,
  type ChartSection,
  type ChartText,
} from './chart-context';
import { FINDINGS } from './finding-patterns';
import { MEASURES, type MeasureSpec } from './measure-patterns';
import { canonicalUnit, flagValue, roundValue, toCanonical } from './reference-ranges';
import type { Indicator, IndicatorName } from './types';

/** One structured lab or vital row of a chart snapshot (a flowsheet or results table on the page). */
export interface ChartRow {
  /** Analyte or vital name as shown ("Sodium", "Creatinine, serum", "SpO2"). */
  name: string;
  /** Result as shown ("126", "38.9", "88/46"). */
  value: string;
  unit?: string;
  /** Collection or charting date/time as shown. */
  time?: string;
  /** Span of the row in the chart text, when the snapshot's text holds the table (engine/chart/snapshot.ts). */
  start?: number;
  end?: number;
}

/**
 * What the CDI engine reads: the chart text (offsets are into this string) and, when the page had
 * result tables, their rows. A chart snapshot (engine/chart/snapshot.ts) maps onto this shape.
 */
export interface CdiChartInput {
  text: string;
  labs?: readonly ChartRow[];
  vitals?: readonly ChartRow[];
}

// A thousands-separated number may end a sentence ("ANC 14,520."); only a decimal part stops it.
const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+(?!\d|\.\d)|\d+(?:\.\d+)?|\.\d+)`;
const UNIT = String.raw`(mg\/dL|mg\/dl|mmol\/L|mmol\/l|mEq\/L|meq\/l|[µuμ]mol\/L|[µuμ]mol\/l|micromol\/L|g\/dL|gm\/dL|g\/dl|g\/L|g\/l|K\/[uµ]L|x\s?10\^?[39]\/[uµ]?L|x\s?10\(9\)\/L|10\^[39]\/[uµ]?L|thou\/[uµ]L|cells\/[uµ]L|\/[uµ]L|\/mm3|pg\/mL|pg\/ml|ng\/mL|ng\/ml|ng\/L|ng\/l|[µu]g\/L|[µu]g\/dL|mcg\/dL|mm\s?Hg|mmhg|kPa|torr|%|[°º]\s?[CF]\b|deg(?:rees)?\s?[CF]\b|degrees\s(?:Celsius|Fahrenheit)|[CF]\b|bpm|beats\/min|breaths\/min|\/min|kg\/m2|kg\/m\^2|kg\/m²|kgs?\b|lbs?\b|pounds|K\b)`;

// Words allowed between a label and its number: "sodium was 126", "Cr: 2.3", "troponin peaked at 0.8".
const FILLER = String.raw`(?:[\s:=~|\t]|\((?:[HLhl]|high|low|critical)\)|\b(?:of|was|were|is|are|at|now|level|levels|value|result|results|measured|up|down|increased|increasing|decreased|decreasing|rose|rising|elevated|low|high|dropped|dropping|fell|falling|trended|trending|peaked|from|to|improved|worsened|remains|remained|noted|came back|returned|shows?|showed|showing|revealed|reveals|demonstrated|in the|on|initial|initially|repeat|today|serum|this morning|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?)\b)*`;

// Between values of a trend: "1.0 -> 1.6 -> 2.3", "11.8, then 7.9", "1.1 | 1.9 | 2.6".
const TREND_GAP = String.raw`^(?:\s*(?:\((?:[HLhl]|high|low|critical)\)|[HL]\b|\*))?(?:\s*\([^()\n]{1,24}\))?(?:\s|,|;|->|-->|→|=>|⇒|\||\t|\bto\b|\bthen\b|\band\b|\bnow\b|\btoday\b|\byesterday\b|\bon admission\b|\bat admission\b|\bthis (?:morning|am|evening)\b|\bincreas(?:ed|ing)\b|\bros[e]\b|\bdropp(?:ed|ing)\b|\bdecreas(?:ed|ing)\b|\bfell\b|\btrend(?:ed|ing)\b|\bpeak(?:ed)?\b|\bfrom\b|\bafter\b|\bat\b|\bon\b|\bby\b|\bup\b|\bdown\b|\bfurther\b|\bvs\.?\b|\bthen\b|\bpre-?op(?:eratively)?\b|\bpost-?op(?:eratively)?\b|\bPOD\s?#?\d+:?|\d{1,2}\/\d{1,2}(?:\/\d{2,4})?:?|\bday \d+:?|\bHD\s?#?\d+:?)+`;

const DATE_RE =
  /\b(?:\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2})?|(?:0?[1-9]|1[0-2])\/(?:0?[1-9]|[12]\d|3[01])(?![\d.])(?:\/(?:\d{4}|\d{2})(?!\d))?(?:\s+(?:at\s+)?\d{1,2}:?\d{2}\b)?|(?:hospital )?day\s?#?\d{1,2}\b|HD\s?#?\d{1,2}\b|POD\s?#?\d{1,2}\b|on admission|at admission|admission|today|yesterday|this morning|overnight)/gi;

interface DateMark {
  start: number;
  end: number;
  text: string;
}

/** Dates and times in the text, sorted, with the subset that heads its own line. */
interface DateIndex {
  all: DateMark[];
  headings: DateMark[];
  /** Offsets of every sentence break (`.` or `;` not before a digit, then white space), sorted. */
  sentenceBreaks: number[];
}

const SENTENCE_BREAK = /[.;](?!\d)\s/g;

/** Dates and times in the text, for attaching "when" to each value. */
function indexDates(text: string): DateIndex {
  const all: DateMark[] = [];
  const headings: DateMark[] = [];
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(text); m; m = DATE_RE.exec(text)) {
    const d = { start: m.index, end: m.index + m[0].length, text: m[0] };
    all.push(d);
    const ls = text.lastIndexOf('\n', d.start - 1) + 1;
    if (
      /^[\s#*\-–]*(?:date:?\s*)?$/i.test(text.slice(ls, d.start)) &&
      !/admission|today|yesterday|morning|overnight/i.test(d.text)
    )
      headings.push(d);
  }
  const sentenceBreaks: number[] = [];
  SENTENCE_BREAK.lastIndex = 0;
  for (let m = SENTENCE_BREAK.exec(text); m; m = SENTENCE_BREAK.exec(text)) sentenceBreaks.push(m.index);
  return { all, headings, sentenceBreaks };
}

/** Index of the first offset at or after `pos` in the sorted `offsets` (binary search). */
function firstAtOrAfterPos(offsets: readonly number[], pos: number): number {
  let lo = 0;
  let hi = offsets.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid]! < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first date starting at or after `pos` (binary search). */
function firstAtOrAfter(dates: readonly DateMark[], pos: number): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (dates[mid]!.start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Date for a value at [start, end): the nearest date in the same sentence of its line
 * (preferring one just before), else a date heading line (a line starting with a date) above it. */
function dateFor(text: string, dates: DateIndex, start: number, end: number): string | undefined {
  if (dates.all.length === 0) return undefined;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  // Narrow the line to the sentence: "Hgb 7.9 today. Troponin 0.12" gives the troponin no date.
  // The breaks of the whole text are read once (indexDates); one whose white space is the line's
  // end is not inside the line.
  let sentenceStart = lineStart;
  let sentenceEnd = lineEnd;
  const breaks = dates.sentenceBreaks;
  for (let i = firstAtOrAfterPos(breaks, lineStart); i < breaks.length && breaks[i]! + 2 <= lineEnd; i++) {
    const at = breaks[i]! + 1;
    if (at <= start) sentenceStart = at;
    else if (at >= end) {
      sentenceEnd = at;
      break;
    }
  }
  let best: DateMark | undefined;
  let bestDistance = Infinity;
  for (let i = Math.max(0, firstAtOrAfter(dates.all, sentenceStart) - 1); i < dates.all.length; i++) {
    const d = dates.all[i]!;
    if (d.start >= sentenceEnd) break;
    if (d.end <= sentenceStart) continue;
    if (d.start < end && d.end > start) continue;
    const distance = d.end <= start ? start - d.end : (d.start - end) * 1.5;
    if (distance < bestDistance) {
      best = d;
      bestDistance = distance;
    }
  }
  if (best) return best.text;
  const h = firstAtOrAfter(dates.headings, lineStart) - 1;
  const heading = h >= 0 ? dates.headings[h] : undefined;
  return heading && lineStart - heading.start <= 3000 ? heading.text : undefined;
}

function parseNumber(s: string): number {
  return Number(s.replace(/,/g, ''));
}

interface CompiledMeasure {
  spec: MeasureSpec;
  regexes: RegExp[];
}

function compileMeasure(spec: MeasureSpec): CompiledMeasure {
  const tail = String.raw`(?![A-Za-z0-9])(${FILLER})(<|>|≤|≥|<=|>=)?\s*${NUMBER}(?:\s*${UNIT})?`;
  const regexes = [new RegExp(String.raw`(?<![A-Za-z0-9])(${spec.labels})${tail}`, 'gi')];
  if (spec.labelsCase) regexes.push(new RegExp(String.raw`(?<![A-Za-z0-9])(${spec.labelsCase})${tail}`, 'g'));
  return { spec, regexes };
}

const COMPILED_MEASURES = MEASURES.map(compileMeasure);
const TREND_GAP_RE = new RegExp(TREND_GAP, 'i');
const TREND_VALUE_RE = new RegExp(String.raw`^${NUMBER}(?:\s*${UNIT})?`);
const BP_RE = new RegExp(
  String.raw`(?<![A-Za-z0-9])(?:blood pressure|BP|B\/P|hypotensive(?: to| at| with)?|hypotension to|hypertensive to)(?![A-Za-z])${FILLER}(\d{2,3})\s*\/\s*(\d{2,3})(?:\s*(?:mm\s?Hg|mmhg))?`,
  'gi',
);
const ABG_RE =
  /\b(?:ABG|VBG|arterial blood gas)\b[\s:=]*(?:(?:showed|shows|with|was|of|revealed)\s+)?(\d\.\d{1,2})\s*\/\s*(\d{2,3}(?:\.\d)?)\s*\/\s*(\d{2,3}(?:\.\d)?)/gi;
const BASELINE_RE = new RegExp(
  String.raw`\bbaseline(?:\s+(?:serum\s+)?(?:creatinine|creat|Cr|SCr))?(?:\s+(?:of|is|was|around|approximately|approx\.?|about|~|near|at|at\s+least|from))*\s*[:=~]?\s*(?:\(?\s*)${NUMBER}(?:\s*(mg\/dL|mg\/dl|[µuμ]mol\/L|umol\/l))?|${NUMBER}(?:\s*(mg\/dL|mg\/dl|[µuμ]mol\/L))?\s*(?:\(\s*baseline\s*\)|at baseline|(?:is|which is) (?:his|her|their|the patient's) baseline)`,
  'gi',
);
const WEIGHT_LOSS_RE = new RegExp(
  String.raw`\b(?:(?:unintentional|unintended|involuntary|reported|documented|significant|recent)\s+)?(?:weight loss|wt loss|lost|loss of)\s+(?:of\s+)?(?:about|approximately|approx\.?|~|nearly|over)?\s*${NUMBER}\s*(%|kg|kgs|lbs?|pounds)(?:\s+(?:of (?:body )?weight|body weight))?|${NUMBER}\s*(%|kg|kgs|lbs?|pounds)\s+(?:unintentional |unintended |involuntary )?(?:weight loss|wt loss|loss of (?:body )?weight)`,
  'gi',
);

const SAT_DECADE_RE =
  /\b(?:(?:O2|oxygen) )?(?:sat(?:uration)?s?|SpO2|pulse ox(?:imetry)?)\b[^.;\n]{0,30}?\b(?:in|to|into) the (?:(?:high|low|mid)[- ])?([5-8])0'?s\b/gi;

/** Options for {@link extractIndicators}. */
export interface ExtractOptions {
  /** The prepared chart when the caller already has it (else prepared with `prepareChart`). */
  chart?: ChartText;
}

/**
 * Extracts clinical indicators from chart text and its lab/vital rows: labs and vitals with value,
 * canonical unit (converted: creatinine µmol/L → mg/dL, temperature °F → °C, …), flag against the
 * reference range, date/time when written, and location; treatments, nursing findings and mental
 * status descriptions. Negated, hypothetical and family-history mentions are dropped ("no fever",
 * "if hypotensive give…"). Never throws on any string input.
 *
 * @example extractIndicators({ text: 'Na 126 on 11/20' })[0] // { name: 'sodium', value: 126, unit: 'mmol/L', date: '11/20', flag: 'low', … }
 */
export function extractIndicators(input: CdiChartInput, options: ExtractOptions = {}): Indicator[] {
  const text = input.text;
  const chart = options.chart && options.chart.text === text ? options.chart : prepareChart(text);
  const sections = chart.sections;
  const dates = indexDates(text);
  const out: Indicator[] = [];
  const seen = new Set<string>();
  const push = (ind: Indicator): void => {
    if (seen.has(ind.id)) return;
    seen.add(ind.id);
    out.push(ind);
  };
  const valueAsserted = (start: number, end: number): boolean => isValueAsserted(chart, start, end);
  const makeMeasure = (
    name: IndicatorName,
    kind: Indicator['kind'],
    raw: number,
    unit: string | undefined,
    start: number,
    end: number,
    plausible: [number, number],
  ): Indicator | undefined => {
    const canonical = toCanonical(name, raw, unit);
    if (canonical === null || !Number.isFinite(canonical)) return undefined;
    if (canonical < plausible[0] || canonical > plausible[1]) return undefined;
    const value = roundValue(canonical);
    const ind: Indicator = {
      id: `${name}@${start}`,
      name,
      kind,
      value,
      unit: canonicalUnit(name),
      text: text.slice(start, end),
      start,
      end,
    };
    if (unit && Math.abs(canonical - raw) > 1e-9) ind.asWritten = `${raw} ${unit}`;
    const flag = flagValue(name, value);
    if (flag) ind.flag = flag;
    const date = dateFor(text, dates, start, end);
    if (date) ind.date = date;
    const section = sections.length > 1 ? sectionHeading(sections, start) : undefined;
    if (section) ind.section = section;
    return ind;
  };

  // Measured labs and vitals in prose and in text tables.
  for (const { spec, regexes } of COMPILED_MEASURES) {
    for (const re of regexes) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const labelStart = m.index;
        const label = m[1]!;
        const before = text.slice(Math.max(0, labelStart - 24), labelStart);
        if (spec.notBefore?.test(before)) continue;
        if (spec.notAfter?.test(text.slice(labelStart + label.length, labelStart + label.length + 24))) continue;
        const comparator = m[3];
        const numberText = m[4]!;
        const unitText = m[5];
        // A "<2" or ">90" next to a plan word is a threshold, not a result.
        if (!valueAsserted(labelStart, m.index + m[0].length)) continue;
        if (
          comparator &&
          /goal|target|keep|maintain|if|for|give|call|notify|titrate|hold/i.test(
            text.slice(Math.max(0, labelStart - 30), labelStart + m[0].length),
          )
        )
          continue;
        let raw = parseNumber(numberText);
        if (spec.name === 'fio2' && raw <= 1) raw *= 100;
        // "tachycardic in the 120s": "120" is read, the "s" is dropped by the unit-less read.
        const end = m.index + m[0].length;
        const first = makeMeasure(spec.name, spec.kind, raw, unitText, labelStart, end, spec.plausible);
        if (!first) continue;
        push(first);
        if (!spec.trend) continue;
        // Following values of a trend.
        let pos = end;
        let lastUnit = unitText;
        for (let guard = 0; guard < 12; guard++) {
          const gap = TREND_GAP_RE.exec(text.slice(pos, pos + 60));
          if (!gap || gap[0].length === 0) break;
          const vStart = pos + gap[0].length;
          const vm = TREND_VALUE_RE.exec(text.slice(vStart, vStart + 30));
          if (!vm) break;
          // A following label-like word ("Na 126, K 3.1") ends the run: the gap must not hold letters
          // other than the connector words, which TREND_GAP already restricts.
          const vEnd = vStart + vm[0].length;
          const unit = vm[2] ?? lastUnit;
          if (/^\s*\/\s*\d/.test(text.slice(vEnd, vEnd + 4))) break;
          const next = makeMeasure(spec.name, spec.kind, parseNumber(vm[1]!), unit, vStart, vEnd, spec.plausible);
          if (!next) break;
          push(next);
          lastUnit = unit;
          pos = vEnd;
        }
      }
    }
  }

  // Blood pressure pairs, with MAP computed as (SBP + 2·DBP) / 3.
  BP_RE.lastIndex = 0;
  for (let m = BP_RE.exec(text); m; m = BP_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!valueAsserted(start, end)) continue;
    const sbp = Number(m[1]);
    const dbp = Number(m[2]);
    if (sbp <= dbp) continue;
    const s = makeMeasure('systolic-bp', 'vital', sbp, undefined, start, end, [40, 300]);
    const d = makeMeasure('diastolic-bp', 'vital', dbp, undefined, start, end, [20, 200]);
    if (s && d) {
      push(s);
      d.id = `diastolic-bp@${start}`;
      push(d);
      const map = makeMeasure('map', 'vital', (sbp + 2 * dbp) / 3, undefined, start, end, [20, 200]);
      if (map) {
        map.detail = 'calculated from blood pressure';
        push(map);
      }
    }
  }

  // Arterial blood gas "7.28/68/55" = pH / PaCO2 / PaO2.
  ABG_RE.lastIndex = 0;
  for (let m = ABG_RE.exec(text); m; m = ABG_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!valueAsserted(start, end)) continue;
    const ph = makeMeasure('ph', 'lab', Number(m[1]), undefined, start, end, [6.5, 8]);
    const paco2 = makeMeasure('paco2', 'lab', Number(m[2]), undefined, start, end, [10, 150]);
    const pao2 = makeMeasure('pao2', 'lab', Number(m[3]), undefined, start, end, [20, 700]);
    if (ph && paco2 && pao2) {
      push(ph);
      push(paco2);
      push(pao2);
    }
  }

  // Baseline creatinine: "baseline Cr 0.9", "creatinine 2.3 (baseline 1.0)", "0.9 at baseline".
  BASELINE_RE.lastIndex = 0;
  for (let m = BASELINE_RE.exec(text); m; m = BASELINE_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const numberText = m[1] ?? m[3];
    const unitText = m[2] ?? m[4];
    if (numberText === undefined) continue;
    const around = text.slice(Math.max(0, start - 80), Math.min(text.length, end + 10));
    if (!/creatinine|creat|\bCr\b|\bSCr\b|renal function|kidney function/i.test(around)) continue;
    // Only the nearest analyte counts: "baseline Hgb 12" is not a creatinine baseline.
    const labelBefore =
      /(creatinine|creat|\bS?Cr\b|hemoglobin|hgb|\bhb\b|sodium|\bNa\b|potassium|\bK\b|weight|BNP|troponin|albumin|GFR|platelets?|glucose|BUN)[^A-Za-z]*(?:[a-z ]{0,20})$/i.exec(
        text.slice(Math.max(0, start - 60), start + (m[1] !== undefined ? 0 : m[0].length)),
      );
    if (labelBefore && !/creat|cr/i.test(labelBefore[1]!) && !/baseline\s+(?:serum\s+)?(?:creat|cr|scr)/i.test(m[0]))
      continue;
    const ind = makeMeasure('creatinine-baseline', 'lab', parseNumber(numberText), unitText, start, end, [0.1, 25]);
    if (!ind) continue;
    // The same number may have been read as a current creatinine; it is the baseline.
    for (let i = out.length - 1; i >= 0; i--) {
      const o = out[i]!;
      if (o.name === 'creatinine' && o.start >= start - 2 && o.end <= end + 2 && o.value === ind.value)
        out.splice(i, 1);
      else if (o.name === 'creatinine' && o.value === ind.value && o.end > start && o.start < end) out.splice(i, 1);
    }
    push(ind);
  }

  // Weight loss, as a percentage or an amount (converted to % when a weight is known).
  WEIGHT_LOSS_RE.lastIndex = 0;
  for (let m = WEIGHT_LOSS_RE.exec(text); m; m = WEIGHT_LOSS_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const ctx = mentionContext(chart, start, end);
    if (!isAsserted(ctx)) continue;
    // Weight lost to diuresis or fluid removal is volume, not nutrition.
    const [cs, ce] = clauseAround(text, start, end);
    if (
      /diures|diuretic|furosemide|lasix|bumex|fluid removal|dialysis|ultrafiltration|paracentesis|thoracentesis|edema|volume/i.test(
        text.slice(Math.max(0, cs - 80), ce),
      )
    )
      continue;
    const amount = parseNumber((m[1] ?? m[3])!);
    const unit = (m[2] ?? m[4])!.toLowerCase();
    const ind: Indicator = {
      id: `weight-loss@${start}`,
      name: 'weight-loss',
      kind: 'finding',
      value: null,
      unit: null,
      text: m[0],
      start,
      end,
    };
    if (unit === '%') {
      if (amount <= 0 || amount > 70) continue;
      ind.value = amount;
      ind.unit = '%';
    } else {
      const kg = unit.startsWith('k') ? amount : amount * 0.45359237;
      ind.detail = `${amount} ${unit}`;
      const weight = out.find((o) => o.name === 'weight' && o.value !== null);
      // Without a weight the percentage is unknown; 4.5 kg (10 lb) is taken as significant.
      ind.flag = kg >= 4.5 ? 'high' : 'normal';
      if (weight?.value) {
        ind.value = roundValue((kg / (weight.value + kg)) * 100);
        ind.unit = '%';
        ind.detail += ` (≈${ind.value}% of ${roundValue(weight.value + kg)} kg)`;
      }
    }
    const date = dateFor(text, dates, start, end);
    if (date) ind.date = date;
    const wl = ind.value;
    if (wl !== null) ind.flag = wl >= 5 ? 'high' : 'normal';
    push(ind);
  }

  // Descriptive findings and treatments.
  for (const spec of COMPILED_FINDINGS) {
    spec.re.lastIndex = 0;
    for (let m = spec.re.exec(text); m; m = spec.re.exec(text)) {
      if (m[0].length === 0) {
        spec.re.lastIndex++;
        continue;
      }
      const start = m.index;
      const end = start + m[0].length;
      // Two patterns of one finding may match at the same offset; the second would be dropped by
      // `push`, so its context (the costliest step of extraction) is not read.
      if (seen.has(`${spec.spec.name}@${start}`)) continue;
      const ctx = mentionContext(chart, start, end, spec.spec.ownNegation ? { ownNegation: true } : {});
      if (!isAsserted(ctx)) continue;
      if (ctx.historical && !spec.spec.allowHistorical) continue;
      const ind: Indicator = {
        id: `${spec.spec.name}@${start}`,
        name: spec.spec.name,
        kind: spec.spec.kind,
        value: null,
        unit: null,
        text: m[0],
        start,
        end,
      };
      if (spec.spec.flag) ind.flag = spec.spec.flag;
      const date = dateFor(text, dates, start, end);
      if (date) ind.date = date;
      if (ctx.section?.heading) ind.section = ctx.section.heading;
      if (spec.spec.name === 'pressure-injury') ind.detail = pressureInjuryDetail(text, start, end);
      if (spec.spec.name === 'supplemental-oxygen' && ctx.historical) ind.detail = 'baseline/home';
      push(ind);
    }
  }

  // Saturation written as a decade ("sats in the 80s", "oxygen saturation fell into the 80s"): low,
  // without a single value (the decade is cited as written, never turned into a number).
  SAT_DECADE_RE.lastIndex = 0;
  for (let m = SAT_DECADE_RE.exec(text); m; m = SAT_DECADE_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!valueAsserted(start, end) || !isAsserted(mentionContext(chart, start, end))) continue;
    const decade = Number(m[1]) * 10;
    const ind: Indicator = {
      id: `spo2@${start}`,
      name: 'spo2',
      kind: 'vital',
      value: null,
      unit: null,
      text: m[0],
      start,
      end,
      flag: 'low',
      detail: `${decade}–${decade + 9} %`,
    };
    const date = dateFor(text, dates, start, end);
    if (date) ind.date = date;
    const section = sections.length > 1 ? sectionHeading(sections, start) : undefined;
    if (section) ind.section = section;
    push(ind);
  }

  attachRoomAir(text, out);
  addPfRatio(text, out);
  attachColumnDates(text, out);
  for (const [table, rows] of [
    ['labs', input.labs],
    ['vitals', input.vitals],
  ] as const) {
    rows?.forEach((row, index) => {
      for (const ind of fromRow(row, table, index)) {
        // A row whose table is also in the text was read there already: keep the text reading (it
        // has offsets) and add the row's time when the text had none.
        if (row.start !== undefined && row.end !== undefined && row.end <= text.length) {
          const same = out.find(
            (o) => o.name === ind.name && o.value === ind.value && o.start >= row.start! && o.end <= row.end!,
          );
          if (same) {
            if (!same.date && ind.date) same.date = ind.date;
            continue;
          }
        }
        push(ind);
      }
    });
  }
  out.sort((a, b) =>
    a.start === b.start
      ? BY_NAME.compare(a.name, b.name)
      : (a.start < 0 ? Infinity : a.start) - (b.start < 0 ? Infinity : b.start),
  );
  return out;
}

// `localeCompare` without arguments is this collator's compare (ECMA-402), built once instead of per call.
const BY_NAME = new Intl.Collator();

// A trailing \b fails after "%" or ")" ("intake <50%"); end on "not followed by a word character" instead.
const COMPILED_FINDINGS = FINDINGS.map((spec) => ({
  spec,
  re: new RegExp(spec.pattern.replace(/\\b$/, '(?![A-Za-z0-9])'), 'gi'),
}));

function sectionHeading(sections: readonly ChartSection[], offset: number): string | undefined {
  // Sections tile the text in order: the one holding the offset is found by binary search.
  const s = sectionAt(sections, offset);
  return s && offset >= s.start && offset < s.end ? s.heading || undefined : undefined;
}

const SITE_RE =
  /\b(?:(?:left|right|bilateral|L|R)\s+)?(?:sacrum|sacral|coccyx|coccygeal|heels?|buttocks?|gluteal|hips?|ischial|ischium|ischial tuberosity|trochanter(?:ic)?|occiput|occipital|elbows?|scapula(?:r)?|shoulder|ankles?|malleolus|back|spine|ear|nose|foot|feet|toe)\b/i;
const STAGE_RE =
  /\b(?:stage\s*([1-4]|I{1,3}|IV|one|two|three|four)|(unstageable)|(deep tissue(?: pressure)?(?: injury)?|DTPI|DTI))\b/i;

/** "stage 3; sacrum" from the clause around a pressure-injury mention. */
function pressureInjuryDetail(text: string, start: number, end: number): string {
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, start - 120);
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0 || lineEnd > end + 120) lineEnd = Math.min(text.length, end + 120);
  const around = text.slice(lineStart, lineEnd);
  const parts: string[] = [];
  const stage = STAGE_RE.exec(around);
  if (stage) {
    const roman: Record<string, string> = {
      i: '1',
      ii: '2',
      iii: '3',
      iv: '4',
      one: '1',
      two: '2',
      three: '3',
      four: '4',
    };
    if (stage[1]) parts.push(`stage ${roman[stage[1].toLowerCase()] ?? stage[1]}`);
    else if (stage[2]) parts.push('unstageable');
    else parts.push('deep tissue injury');
  }
  const site = SITE_RE.exec(around);
  if (site) parts.push(site[0].toLowerCase());
  if (/present on admission|\bPOA\b|on admission|admission skin/i.test(around)) parts.push('noted on admission');
  if (/hospital[- ]acquired|developed (?:during|while)|new since admission|HAPI/i.test(around))
    parts.push('hospital-acquired');
  return parts.join('; ');
}

const CELL_DATE =
  /^\s*(?:\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2})?|(?:0?[1-9]|1[0-2])\/(?:0?[1-9]|[12]\d|3[01])(?:\/(?:\d{4}|\d{2}))?(?:\s+\d{1,2}:\d{2})?)\s*$/;

/**
 * Dates for values of a text table whose header row has dates as columns
 * ("Test | 11/18 | 11/20" over "Sodium | 129 | 126"): each value gets its column's date.
 */
function attachColumnDates(text: string, out: Indicator[]): void {
  const headers = new Map<number, string[] | null>();
  const headerFor = (lineStart: number): string[] | null => {
    if (headers.has(lineStart)) return headers.get(lineStart)!;
    let result: string[] | null = null;
    // Walk up the consecutive table lines to the first one with a date cell.
    for (let ls = lineStart, guard = 0; ls > 0 && guard < 200; guard++) {
      const prevEnd = ls - 1;
      const prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
      const line = text.slice(prevStart, prevEnd);
      if (!line.includes('|')) break;
      const cells = line.split('|');
      if (cells.slice(1).some((c) => CELL_DATE.test(c))) {
        result = cells.map((c) => c.trim());
        break;
      }
      ls = prevStart;
    }
    headers.set(lineStart, result);
    return result;
  };
  for (const ind of out) {
    if (ind.start < 0 || ind.value === null) continue;
    const lineStart = text.lastIndexOf('\n', ind.start - 1) + 1;
    const before = text.slice(lineStart, ind.end);
    if (!before.includes('|')) continue;
    const header = headerFor(lineStart);
    if (!header) continue;
    // The value's column: cells before the value's last character.
    const column = before.split('|').length - 1;
    const cell = header[column];
    if (cell && CELL_DATE.test(cell)) ind.date = cell;
  }
}

/** Marks SpO2 values read on room air ("SpO2 86% on RA") with detail "room air". */
function attachRoomAir(text: string, out: Indicator[]): void {
  for (const ind of out) {
    if (ind.name !== 'spo2' || ind.start < 0) continue;
    const after = text.slice(ind.end, ind.end + 30);
    const before = text.slice(Math.max(0, ind.start - 30), ind.start);
    if (/^\s*(?:%\s*)?(?:on\s+)?(?:room air|RA\b)/i.test(after) || /(?:on\s+)?(?:room air|RA)[\s,:]*$/i.test(before))
      ind.detail = 'room air';
    else {
      const o2 =
        /^\s*(?:%\s*)?(?:on|with|via)\s+(\d+(?:\.\d+)?\s*(?:L|LPM|liters?)[^,.;\n]{0,20}|[^,.;\n]{0,30}?(?:nasal cannula|NC|high[- ]flow|HFNC|BiPAP|non-?rebreather|NRB|mask|vent(?:ilator)?|FiO2[^,.;\n]{0,8}))/i.exec(
          after,
        );
      if (o2) ind.detail = `on ${o2[1]!.trim()}`;
    }
  }
}

/** Adds a P/F ratio from a PaO2 and an FiO2 on the same line when none is written. */
function addPfRatio(text: string, out: Indicator[]): void {
  if (out.some((o) => o.name === 'pf-ratio')) return;
  for (const pao2 of out.filter((o) => o.name === 'pao2' && o.start >= 0)) {
    const lineStart = text.lastIndexOf('\n', pao2.start - 1) + 1;
    let lineEnd = text.indexOf('\n', pao2.end);
    if (lineEnd < 0) lineEnd = text.length;
    const fio2 = out.find((o) => o.name === 'fio2' && o.start >= lineStart && o.end <= lineEnd);
    if (!fio2 || pao2.value === null || fio2.value === null || fio2.value <= 0) continue;
    const value = roundValue(pao2.value / (fio2.value / 100));
    const start = Math.min(pao2.start, fio2.start);
    const end = Math.max(pao2.end, fio2.end);
    const ind: Indicator = {
      id: `pf-ratio@${start}`,
      name: 'pf-ratio',
      kind: 'lab',
      value,
      unit: 'mmHg',
      text: text.slice(start, end),
      start,
      end,
      detail: `calculated: PaO2 ${pao2.value} / FiO2 ${fio2.value / 100}`,
    };
    const flag = flagValue('pf-ratio', value);
    if (flag) ind.flag = flag;
    if (pao2.date) ind.date = pao2.date;
    out.push(ind);
  }
}

const ROW_LABELS = COMPILED_MEASURES.map(({ spec }) => ({
  spec,
  re: new RegExp(String.raw`^\s*(?:${spec.labels})(?![A-Za-z])`, 'i'),
  reCase: spec.labelsCase ? new RegExp(String.raw`^\s*(?:${spec.labelsCase})(?![A-Za-z])`) : undefined,
}));

/** How a lab/vital row is quoted in queries: "name value unit". */
export function rowTextOf(row: ChartRow): string {
  return `${row.name.trim()} ${row.value.trim()}${row.unit ? ` ${row.unit.trim()}` : ''}`.trim();
}

/** Indicators from one structured lab/vital row. */
export function fromRow(row: ChartRow, table: 'labs' | 'vitals', index: number): Indicator[] {
  const name = row.name.trim();
  const value = row.value.trim();
  const rowText = rowTextOf(row);
  const base = (n: IndicatorName): Pick<Indicator, 'id' | 'start' | 'end' | 'row' | 'text'> => ({
    id: `${n}@${table}#${index}`,
    start: -1,
    end: -1,
    row: { table, index },
    text: rowText,
  });
  const bp = /^(\d{2,3})\s*\/\s*(\d{2,3})$/.exec(value);
  if (bp && /^(?:BP|blood pressure|B\/P|NIBP|ABP)/i.test(name)) {
    const sbp = Number(bp[1]);
    const dbp = Number(bp[2]);
    const result: Indicator[] = [];
    for (const [n, v] of [
      ['systolic-bp', sbp],
      ['diastolic-bp', dbp],
      ['map', roundValue((sbp + 2 * dbp) / 3)],
    ] as const) {
      const ind: Indicator = { ...base(n), name: n, kind: 'vital', value: v, unit: 'mmHg' };
      const flag = flagValue(n, v);
      if (flag) ind.flag = flag;
      if (row.time) ind.date = row.time;
      result.push(ind);
    }
    return result;
  }
  const isBaseline = /baseline/i.test(name);
  const cleanName = name.replace(/^baseline\s+/i, '');
  const label = ROW_LABELS.find(
    (l) =>
      (l.re.test(cleanName) || l.reCase?.test(cleanName)) &&
      !(l.spec.notBefore && /^(?:urine|urinary|u)\b/i.test(cleanName)) &&
      !(l.spec.notAfter && l.spec.notAfter.test(cleanName.replace(l.re, '').replace(l.reCase ?? /$^/, ''))),
  );
  if (!label) return [];
  const num = /^(?:[<>≤≥]\s*)?(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|\.\d+)/.exec(value);
  if (!num) return [];
  let raw = parseNumber(num[1]!);
  const n: IndicatorName = isBaseline && label.spec.name === 'creatinine' ? 'creatinine-baseline' : label.spec.name;
  if (n === 'fio2' && raw <= 1) raw *= 100;
  const canonical = toCanonical(n, raw, row.unit);
  if (canonical === null || canonical < label.spec.plausible[0] || canonical > label.spec.plausible[1]) return [];
  const v = roundValue(canonical);
  const ind: Indicator = { ...base(n), name: n, kind: label.spec.kind, value: v, unit: canonicalUnit(n) };
  if (row.unit && Math.abs(canonical - raw) > 1e-9) ind.asWritten = `${raw} ${row.unit}`;
  const flag = flagValue(n, v);
  if (flag) ind.flag = flag;
  if (row.time) ind.date = row.time;
  return [ind];
}
