/**
 * The chart snapshot: what the content script read from the page, in one typed, versioned shape
 * shared by the content script (writes), the side panel and the worker (read, after parsing with
 * {@link chartSnapshotSchema}: a snapshot crosses a trust boundary).
 *
 * Offsets (`start`, `end`) everywhere are UTF-16 indexes into {@link ChartSnapshot.text}, `end`
 * exclusive, so a suggestion's evidence span can be highlighted back in the page.
 */
import { z } from 'zod';

/** Version of the snapshot shape; a reader of another version refuses it. */
export const SNAPSHOT_VERSION = 1;

/** Largest chart text a snapshot may carry (characters): a hostile page cannot exhaust memory. */
export const MAX_SNAPSHOT_CHARS = 2_000_000;

const span = { start: z.number().int().min(0), end: z.number().int().min(0) };

/** A lab or vital result read from a table of the page. Compatible with the CDI engine's `ChartRow`. */
export const chartRowSchema = z.object({
  /** Analyte or vital name as shown ("Sodium", "SpO2"). */
  name: z.string().max(500),
  /** Result as shown ("126 (L)", "88/52"). */
  value: z.string().max(500),
  unit: z.string().max(100).optional(),
  /** Collection or charting time as shown. */
  time: z.string().max(100).optional(),
  ...span,
});
export type ChartRow = z.infer<typeof chartRowSchema>;

/** A table of the page, kept as rows (cells as shown). */
export const chartTableSchema = z.object({
  /** `labs`, `vitals` or `other` (decided by the adapter or from the header). */
  kind: z.enum(['labs', 'vitals', 'other']),
  caption: z.string().max(500),
  header: z.array(z.string().max(500)).max(200),
  rows: z.array(z.object({ cells: z.array(z.string().max(5000)).max(200), ...span })).max(10_000),
});
export type ChartTable = z.infer<typeof chartTableSchema>;

/** One section of the note: heading and body text, with its offsets in the snapshot text. */
export const chartSectionSchema = z.object({
  heading: z.string().max(500),
  text: z.string().max(MAX_SNAPSHOT_CHARS),
  ...span,
});
export type ChartSection = z.infer<typeof chartSectionSchema>;

export const chartSnapshotSchema = z
  .object({
    version: z.literal(SNAPSHOT_VERSION),
    /** Page the chart was read from (origin + path; no query string, which may carry identifiers). */
    url: z.string().max(2048),
    /** Which reader produced it: `epic-like`, `meditech-like`, `generic`, `selection`, `paste`. */
    reader: z.string().max(64),
    /** ISO timestamp of the read. */
    capturedAt: z.string().max(40),
    /** What the page shows about the document, when visible. */
    document: z.object({
      title: z.string().max(1000),
      noteType: z.string().max(200).optional(),
      author: z.string().max(500).optional(),
      date: z.string().max(100).optional(),
      encounter: z.string().max(200).optional(),
      /** The page's own title (`document.title`), when the note's title above differs from it. */
      pageTitle: z.string().max(1000).optional(),
      /** The patient banner as shown (name and identifiers), when the page adapter finds one. */
      patient: z.string().max(500).optional(),
    }),
    /** The note's text: sections as "Heading:\nbody" blocks, tables as one line per row (cells joined by " | "). */
    text: z.string().max(MAX_SNAPSHOT_CHARS),
    sections: z.array(chartSectionSchema).max(2000),
    labs: z.array(chartRowSchema).max(20_000),
    vitals: z.array(chartRowSchema).max(20_000),
    tables: z.array(chartTableSchema).max(500),
    /** What the reader could not do (a missing element of the adapter, an unreadable frame); shown to the user. */
    warnings: z.array(z.string().max(1000)).max(100),
    /** `true` when the page held more than the reader kept (see `limits`). */
    truncated: z.boolean(),
    /** What bounded the read, for the status line. */
    limits: z.object({
      nodes: z.number().int().min(0),
      maxDepthSeen: z.number().int().min(0),
      elapsedMs: z.number().min(0),
      stoppedBy: z.array(z.enum(['chars', 'nodes', 'depth', 'time'])),
    }),
  })
  .superRefine((s, ctx) => {
    const n = s.text.length;
    const check = (what: string, x: { start: number; end: number }): void => {
      if (x.start > x.end || x.end > n)
        ctx.addIssue({ code: 'custom', message: `${what}: span ${x.start}-${x.end} outside text of length ${n}` });
    };
    s.sections.forEach((x, i) => check(`sections[${i}]`, x));
    s.labs.forEach((x, i) => check(`labs[${i}]`, x));
    s.vitals.forEach((x, i) => check(`vitals[${i}]`, x));
    s.tables.forEach((t, i) => t.rows.forEach((x, j) => check(`tables[${i}].rows[${j}]`, x)));
  });
export type ChartSnapshot = z.infer<typeof chartSnapshotSchema>;

/** Raised when a snapshot does not match the schema. */
export class ChartsideSnapshotError extends Error {
  override name = 'ChartsideSnapshotError';
}

/**
 * Parses an untrusted snapshot; throws {@link ChartsideSnapshotError} naming every problem.
 *
 * @example parseSnapshot(JSON.parse(message)).text
 */
export function parseSnapshot(raw: unknown): ChartSnapshot {
  const r = chartSnapshotSchema.safeParse(raw);
  if (!r.success) throw new ChartsideSnapshotError(`invalid chart snapshot: ${r.error.message}`);
  return r.data;
}

/**
 * A snapshot of plain text (paste box, CLI, tests): one section, no tables.
 *
 * @example snapshotFromText('Assessment: pneumonia.').text // 'Assessment: pneumonia.'
 */
export function snapshotFromText(
  text: string,
  reader = 'paste',
  capturedAt = new Date(0).toISOString(),
): ChartSnapshot {
  const t = text.length > MAX_SNAPSHOT_CHARS ? text.slice(0, MAX_SNAPSHOT_CHARS) : text;
  return {
    version: SNAPSHOT_VERSION,
    url: '',
    reader,
    capturedAt,
    document: { title: '' },
    text: t,
    sections: [{ heading: '', text: t, start: 0, end: t.length }],
    labs: [],
    vitals: [],
    tables: [],
    warnings: [],
    truncated: t.length < text.length,
    limits: { nodes: 0, maxDepthSeen: 0, elapsedMs: 0, stoppedBy: t.length < text.length ? ['chars'] : [] },
  };
}
