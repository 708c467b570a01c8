import type { CdiChartInput, ChartRow } from './extract';

/**
 * The parts of a chart snapshot the CDI engine reads. Structural on purpose: the side panel's
 * snapshot (platform/messages `ChartSnapshot`: sections of heading + text) and a richer snapshot
 * with the whole text and lab/vital rows both fit.
 */
export interface CdiSnapshotLike {
  /** The whole chart text, when the snapshot carries it (offsets are into it). */
  text?: string;
  sections?: readonly { heading: string; text: string }[];
  labs?: readonly ChartRow[];
  vitals?: readonly ChartRow[];
}

/**
 * Builds the CDI input from a snapshot: its text as is, or its sections joined as
 * "Heading:\ntext" blocks separated by blank lines, so section headings stay recognisable and
 * every indicator offset points into the returned `text`.
 *
 * @example cdiInputFromSnapshot({ sections: [{ heading: 'Labs', text: 'Na 126' }] }).text // 'Labs:\nNa 126'
 */
export function cdiInputFromSnapshot(snapshot: CdiSnapshotLike): CdiChartInput {
  const text =
    snapshot.text ??
    (snapshot.sections ?? [])
      .map((s) => {
        const heading = s.heading.trim().replace(/:$/, '');
        return heading ? `${heading}:\n${s.text}` : s.text;
      })
      .join('\n\n');
  const input: CdiChartInput = { text };
  if (snapshot.labs) input.labs = snapshot.labs;
  if (snapshot.vitals) input.vitals = snapshot.vitals;
  return input;
}
