import type { CliCommand } from '../io';

/** A command as the dispatcher lists it; its module (and what it imports) is loaded only to run it. */
export interface CommandEntry {
  name: string;
  /** One line for `chartside help` (the module's own `summary`; `index.test.ts` keeps them equal). */
  summary: string;
  load: () => Promise<CliCommand>;
}

/**
 * Every command of `npx chartside`. Each lives in its own file beside this one; add yours here.
 * Kept as a plain list so the help text has a stable order. Modules are imported on use, so
 * `chartside group` starts without loading the suggester, the search index or the CDI rules.
 */
export const COMMANDS: CommandEntry[] = [
  {
    name: 'codesets',
    summary: 'build the code tables from official release files, or show what is installed (build|info)',
    load: async () => (await import('./codesets')).codesetsCommand,
  },
  {
    name: 'code',
    summary: 'show an ICD-10-CM code: titles, billable flag, ancestors and every note that applies',
    load: async () => (await import('./code')).codeCommand,
  },
  {
    name: 'suggest',
    summary: 'Suggest ICD-10-CM/PCS codes for a chart text, with evidence',
    load: async () => (await import('./suggest')).suggestCommand,
  },
  {
    name: 'cdi',
    summary: 'CDI query opportunities and compliant query drafts for a note',
    load: async () => (await import('./cdi')).cdiCommand,
  },
  {
    name: 'group',
    summary: 'MS-DRG grouping (v43, v44 when installed) of claims on stdin (TSV like the CMS fixtures, or JSONL)',
    load: async () => (await import('./group')).groupCommand,
  },
  {
    name: 'edits',
    summary:
      'Medicare Code Editor edits (v43.1, v44 when installed) of claims on stdin (TSV like the CMS fixture, or JSONL)',
    load: async () => (await import('./edits')).editsCommand,
  },
  {
    name: 'search',
    summary: 'Look up ICD-10-CM / ICD-10-PCS / HCPCS codes by words, abbreviations, index paths or code',
    load: async () => (await import('./search')).searchCommand,
  },
];
