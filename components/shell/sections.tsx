/// <reference types="vite/client" />
/**
 * The side panel's sections and where their content comes from. Each feature area plugs in by
 * adding `components/<area>/section.tsx` with a default export `(props: SectionProps) => JSX`;
 * the shell picks it up at build time (Vite glob import). Until it exists the section says
 * plainly that the capability is not available yet: never placeholder data.
 */
import type { ComponentType } from 'preact';
import type { ChartSnapshot } from '../../platform/messages';
import type { EngineStatus } from '../../platform/worker/api';
import type { EngineRemote } from '../../platform/worker/client';

/** What every section receives from the shell. */
export interface SectionProps {
  engine: EngineRemote;
  status: EngineStatus;
  /** Latest chart read from the active tab, if any. */
  snapshot: ChartSnapshot | undefined;
}

export interface SectionDef {
  id: 'search' | 'suggest' | 'drg' | 'cdi' | 'case';
  label: string;
  /** Alt+<key> shortcut, shown on the tab. */
  key: string;
  /** What the section will do, shown while it is not available. */
  purpose: string;
  /** Loads the section's component; `undefined` while the area has not landed. */
  load: SectionLoader | undefined;
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
  // The Case section lives in components/workspace/ (issue 7).
  ...import.meta.glob<SectionModule>('../workspace/section.tsx'),
};
const componentOf = (area: string): SectionLoader | undefined => modules[`../${area}/section.tsx`];

export const SECTIONS: readonly SectionDef[] = [
  { id: 'search', label: 'Search', key: '1', purpose: 'Search the Alphabetic Index and Tabular List by words or code.', load: componentOf('search') },
  { id: 'suggest', label: 'Suggestions', key: '2', purpose: 'Codes suggested from the chart on screen, with the evidence for each.', load: componentOf('suggest') },
  { id: 'drg', label: 'DRG', key: '3', purpose: 'MS-DRG, weight, GMLOS/AMLOS and edits for the current case.', load: componentOf('drg') },
  { id: 'cdi', label: 'CDI', key: '4', purpose: 'Documentation opportunities and compliant query drafts.', load: componentOf('cdi') },
  { id: 'case', label: 'Case', key: '5', purpose: 'The case being coded: diagnoses, POA, procedures, export.', load: componentOf('workspace') },
];
