/**
 * Reads the chart on screen into a {@link ChartSnapshot}: picks the adapter, walks the note with
 * bounds, turns result tables into lab and vital rows, validates the result with Zod.
 */
import { chartSnapshotSchema, SNAPSHOT_VERSION, type ChartSnapshot } from '../../../engine/chart/snapshot';
import { ADAPTERS, type Adapter } from './adapters';
import { tableResults } from './tables';
import { TextBuilder, type TextSegment } from './text-builder';
import { DEFAULT_LIMITS, walk, type WalkLimits } from './walk';

/** A snapshot plus the page locations of its text, kept in the content script for highlighting. */
export interface ChartRead {
  snapshot: ChartSnapshot;
  segments: TextSegment[];
}

/** Options of {@link readChart}. */
export interface ReadOptions {
  limits?: Partial<WalkLimits>;
  maxChars?: number;
  /** Force an adapter by name (tests). */
  adapter?: string;
  /** Clock for `capturedAt` (tests). */
  now?: () => Date;
}

/** The adapter for a page. */
export function pickAdapter(doc: Document, name?: string): Adapter {
  if (name) {
    const a = ADAPTERS.find((x) => x.name === name);
    if (!a) throw new Error(`unknown reader ${name}`);
    return a;
  }
  return ADAPTERS.find((a) => a.detect(doc))!;
}

/**
 * Reads the chart of a page. Never modifies the page; bounded in characters, nodes, depth and
 * time, yielding to the page between slices.
 *
 * @example const { snapshot } = await readChart(document, location);
 */
export async function readChart(
  doc: Document,
  loc: Pick<Location, 'origin' | 'pathname'>,
  options: ReadOptions = {},
): Promise<ChartRead> {
  const t0 = Date.now();
  const adapter = pickAdapter(doc, options.adapter);
  const plan = adapter.plan(doc);
  const out = new TextBuilder(options.maxChars);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const walked = await walk(plan.root, out, plan.rules, limits);
  const text = out.text();
  const n = text.length;
  const clip = (x: number): number => Math.min(x, n);
  const sections = walked.sections.length
    ? walked.sections.map((s, i) => {
        const end = clip(walked.sections[i + 1]?.start ?? n);
        const start = clip(s.start);
        return { heading: s.heading, start, end, text: text.slice(start, end) };
      })
    : [{ heading: '', start: 0, end: n, text }];
  if (walked.sections.length && walked.sections[0]!.start > 0)
    sections.unshift({
      heading: '',
      start: 0,
      end: clip(walked.sections[0]!.start),
      text: text.slice(0, walked.sections[0]!.start),
    });
  const tables = walked.tables.map(({ element: _e, ...t }) => ({ ...t, rows: t.rows.filter((r) => r.end <= n) }));
  const results = tables.flatMap((t) => tableResults(t).map((r) => ({ kind: t.kind, r })));
  const snapshot: ChartSnapshot = {
    version: SNAPSHOT_VERSION,
    url: `${loc.origin}${loc.pathname}`.slice(0, 2048),
    reader: plan.reader,
    capturedAt: (options.now?.() ?? new Date()).toISOString(),
    document: plan.document,
    text,
    sections: sections.slice(0, 2000),
    labs: results
      .filter((x) => x.kind === 'labs')
      .map((x) => x.r)
      .slice(0, 20_000),
    vitals: results
      .filter((x) => x.kind === 'vitals')
      .map((x) => x.r)
      .slice(0, 20_000),
    tables: tables.slice(0, 500),
    warnings: [...plan.warnings, ...walked.warnings].slice(0, 100),
    truncated: walked.stoppedBy.length > 0 || out.truncated,
    limits: {
      nodes: walked.nodes,
      maxDepthSeen: walked.maxDepthSeen,
      elapsedMs: Date.now() - t0,
      stoppedBy: [...new Set([...walked.stoppedBy, ...(out.truncated ? (['chars'] as const) : [])])],
    },
  };
  return { snapshot: chartSnapshotSchema.parse(snapshot), segments: out.segments.filter((s) => s.start < n) };
}

/**
 * The user's text selection as a snapshot (reader `selection`), or `undefined` when nothing is
 * selected. Offsets refer to the selected text.
 */
export function readSelection(
  doc: Document,
  loc: Pick<Location, 'origin' | 'pathname'>,
  now: () => Date = () => new Date(),
): ChartSnapshot | undefined {
  const selected = doc.getSelection?.()?.toString() ?? '';
  if (!selected.trim()) return undefined;
  const text = selected.slice(0, 2_000_000);
  return chartSnapshotSchema.parse({
    version: SNAPSHOT_VERSION,
    url: `${loc.origin}${loc.pathname}`.slice(0, 2048),
    reader: 'selection',
    capturedAt: now().toISOString(),
    document: { title: doc.title.slice(0, 1000) },
    text,
    sections: [{ heading: '', start: 0, end: text.length, text }],
    labs: [],
    vitals: [],
    tables: [],
    warnings: [],
    truncated: text.length < selected.length,
    limits: { nodes: 0, maxDepthSeen: 0, elapsedMs: 0, stoppedBy: text.length < selected.length ? ['chars'] : [] },
  });
}
