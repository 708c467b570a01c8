/// <reference types="vite/client" />
/**
 * The side panel's sections and where their content comes from. Each feature area plugs in by
 * adding `components/<area>/section.tsx` with a default export `(props: SectionProps) => JSX`;
 * the shell picks it up at build time (Vite glob import). A section whose module does not exist
 * has no tab: a shipped build never shows placeholder text.
 */
import type { ComponentType } from 'preact';
import type { ChartsideDb } from '../../platform/db';
import type { ChartSnapshot } from '../../platform/messages';
import type { EngineStatus } from '../../platform/worker/api';
import type { EngineRemote } from '../../platform/worker/client';
import type { ChartActions } from './chart-channel';
import type { ChartView } from './chart-source';

/** What every section receives from the shell. */
export interface SectionProps {
  engine: EngineRemote;
  status: EngineStatus;
  /**
   * The one source of the case on screen (the bound tab's page read, or the note the user pasted
   * or selected): every section codes from this and nothing else. `chart.source.snapshot`.
   */
  snapshot: ChartSnapshot | undefined;
  /** The whole chart view (tab, page, source), for sections that name it. */
  chart: ChartView | undefined;
  /** Paste a note, go back to the page, talk to the chart tab. */
  actions: ChartActions;
  /**
   * The panel's database, opened once by the side panel's `main()` (as the options page passes
   * its own). A promise: Dexie and Zod load after start-up, out of the first chunk.
   */
  openDb: () => Promise<ChartsideDb>;
}

export interface SectionDef {
  id: 'search' | 'suggest' | 'drg' | 'cdi' | 'case';
  label: string;
  /** Alt+<key> shortcut, shown on the tab. */
  key: string;
  /** What the section does (the tab's tooltip). */
  purpose: string;
  /** Loads the section's component. */
  load: SectionLoader;
}

type SectionModule = { default?: ComponentType<SectionProps> };
/** Loader of a section's module. Lazy: a section's code is fetched when its tab is first shown, so
 * the panel's first chunk (and open-to-ready) does not grow with every capability. */
export type SectionLoader = () => Promise<SectionModule>;
const modules: Record<string, SectionLoader> = {
  ...import.meta.glob<SectionModule>('../search/section.tsx'),
  ...import.meta.glob<SectionModule>('../suggest/section.tsx'),
  ...import.meta.glob<SectionModule>('../drg/section.tsx'),
  ...import.meta.glob<SectionModule>('../cdi/section.tsx'),
  // The Case section lives in components/workspace/.
  ...import.meta.glob<SectionModule>('../workspace/section.tsx'),
};
const componentOf = (area: string): SectionLoader | undefined => modules[`../${area}/section.tsx`];

const ALL: readonly (Omit<SectionDef, 'load'> & { load: SectionLoader | undefined })[] = [
  {
    id: 'search',
    label: 'Search',
    key: '1',
    purpose: 'Search the Alphabetic Index and Tabular List by words or code.',
    load: componentOf('search'),
  },
  {
    id: 'suggest',
    label: 'Suggestions',
    key: '2',
    purpose: 'Codes suggested from the chart on screen, with the evidence for each.',
    load: componentOf('suggest'),
  },
  {
    id: 'drg',
    label: 'DRG',
    key: '3',
    purpose: 'MS-DRG, weight, GMLOS/AMLOS and edits for the current case.',
    load: componentOf('drg'),
  },
  {
    id: 'cdi',
    label: 'CDI',
    key: '4',
    purpose: 'Documentation opportunities and compliant query drafts.',
    load: componentOf('cdi'),
  },
  {
    id: 'case',
    label: 'Case',
    key: '5',
    purpose: 'The case being coded: diagnoses, POA, procedures, export.',
    load: componentOf('workspace'),
  },
];

/** The sections this build has (a missing module drops its tab rather than showing a placeholder). */
export const SECTIONS: readonly SectionDef[] = ALL.filter((s): s is SectionDef => s.load !== undefined);
