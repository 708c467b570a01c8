/**
 * Search results grouped by code system, keyboard-first: the list is a listbox driven by the
 * search box (ArrowUp/ArrowDown move, Enter opens, `p` pins when the list has focus).
 */
import type { SearchHit, SearchSystem } from '../../engine/search/types';

export const SYSTEM_LABEL: Record<SearchSystem, string> = {
  cm: 'ICD-10-CM',
  pcs: 'ICD-10-PCS',
  hcpcs: 'HCPCS Level II',
};
export const SYSTEM_ORDER: SearchSystem[] = ['cm', 'pcs', 'hcpcs'];

/** Hits in display order (grouped by system, best first within a group). */
export function groupHits(hits: SearchHit[]): SearchHit[] {
  return SYSTEM_ORDER.flatMap((s) => hits.filter((h) => h.system === s));
}

/** One line saying why a hit matched, as plain text. */
export function reasonText(hit: SearchHit): string {
  const m = hit.match;
  const where =
    m.kind === 'code'
      ? 'Code'
      : m.kind === 'abbreviation'
        ? `${m.entry === 'title' ? 'Title' : m.entry === 'inclusion' ? 'Inclusion term' : 'Index'}`
        : {
            index: 'Index',
            title: 'Title',
            inclusion: 'Inclusion term',
            drug: 'Table of Drugs',
            neoplasm: 'Neoplasm Table',
            'pcs-index': 'PCS Index',
          }[m.kind];
  const parts = [`${where}: ${m.text}${m.column ? ` \u2014 ${m.column}` : ''}`];
  if (m.expandedFrom) parts.unshift(`"${m.expandedFrom.typed}" = ${m.expandedFrom.expansion}`);
  if (m.viaHeader) parts.push(`default code under ${m.viaHeader}`);
  if (m.corrected) parts.push(`spelling ${m.corrected.join(', ')}`);
  return parts.join(' \u00b7 ');
}

export interface ResultsProps {
  hits: SearchHit[];
  active: number;
  onActivate: (i: number) => void;
  onOpen: (hit: SearchHit) => void;
  listId: string;
}

export function Results({ hits, active, onActivate, onOpen, listId }: ResultsProps) {
  const ordered = groupHits(hits);
  let i = -1;
  return (
    <div
      id={listId}
      role="listbox"
      tabIndex={0}
      aria-label="Search results"
      aria-activedescendant={`${listId}-${active}`}
      class="search-results"
    >
      {SYSTEM_ORDER.map((system) => {
        const group = ordered.filter((h) => h.system === system);
        if (group.length === 0) return null;
        return (
          <section key={system} aria-label={SYSTEM_LABEL[system]} data-system={system}>
            <h3>
              {SYSTEM_LABEL[system]} <span class="meta">({group.length})</span>
            </h3>
            <ul>
              {group.map((h) => {
                i++;
                const index = i;
                return (
                  <li
                    key={`${h.system}:${h.code}`}
                    id={`${listId}-${index}`}
                    role="option"
                    aria-selected={index === active}
                    class={index === active ? 'hit active' : 'hit'}
                    data-code={h.code}
                    data-system={h.system}
                    data-rank={index}
                    onMouseEnter={() => onActivate(index)}
                    onClick={() => onOpen(h)}
                  >
                    <span class="code">{h.code}</span>
                    {h.billable ? null : <span class="badge">{h.system === 'pcs' ? 'partial' : 'header'}</span>}
                    <span class="title">{h.title}</span>
                    <span class="reason">{reasonText(h)}</span>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
