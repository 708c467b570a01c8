/**
 * Several charts in one text (a pasted batch, a concatenated export): the CDI rules compare values
 * over time, and a trend must never span two patients (a creatinine of one patient as the baseline
 * of another). The text is split where a chart-level heading repeats — a patient banner, an
 * admission-date line, a chief-complaint heading — and each chart is analysed on its own.
 */

/** One chart found in a text: its span and the heading that starts it. */
export interface ChartPart {
  start: number;
  end: number;
  /** The line that starts the chart (the repeated heading), or '' for the first part. */
  banner: string;
}

// Chart-level headings: each appears once per chart in H&Ps, discharge summaries and ED notes.
const MARKERS: readonly { kind: string; re: RegExp }[] = [
  { kind: 'patient', re: /^[ \t]*(?:patient(?: name)?|pt name|name|MRN|medical record (?:number|no\.?))[ \t]*[:#]/gim },
  { kind: 'admission', re: /^[ \t]*(?:admission date|date of admission|admit date)[ \t]*:/gim },
  { kind: 'chief-complaint', re: /^[ \t]*(?:chief complaint|CC)[ \t]*:/gim },
];

/**
 * Splits `text` into charts. One chart (the usual case) gives one part covering the whole text.
 * A marker kind that occurs two or more times starts a new chart at each later occurrence; the
 * kind with the most occurrences decides.
 *
 * @example splitCharts('Patient: A\nNa 130\nPatient: B\nNa 120').length // 2
 */
export function splitCharts(text: string): ChartPart[] {
  let best: number[] = [];
  for (const { re } of MARKERS) {
    const at: number[] = [];
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      at.push(m.index + (m[0].length - m[0].trimStart().length));
      if (m[0].length === 0) re.lastIndex++;
    }
    if (at.length > best.length) best = at;
  }
  if (best.length < 2) return [{ start: 0, end: text.length, banner: '' }];
  const starts = [0, ...best.slice(1)];
  return starts.map((start, i) => {
    const end = i + 1 < starts.length ? starts[i + 1]! : text.length;
    const lineEnd = text.indexOf('\n', start);
    return {
      start,
      end,
      banner: i === 0 ? '' : text.slice(start, lineEnd < 0 || lineEnd > end ? end : lineEnd).trim(),
    };
  });
}
