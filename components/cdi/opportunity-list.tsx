import type { CdiOpportunityResult, Indicator } from '../../engine/cdi/index';
import { INDICATOR_LABELS } from '../../engine/cdi/index';

/** Where an indicator is, in words: date, section, and chart span or table row. */
export function whereOf(ind: Indicator): string {
  const parts: string[] = [];
  if (ind.date) parts.push(ind.date);
  if (ind.row) parts.push(`${ind.row.table} table row ${ind.row.index + 1}`);
  else {
    if (ind.section) parts.push(ind.section);
    parts.push(`characters ${ind.start}–${ind.end}`);
  }
  return parts.join(' · ');
}

const REASON: Record<CdiOpportunityResult['opportunity']['reason'], string> = {
  'indicators-without-diagnosis': 'Indicators without a diagnosis',
  'imprecise-diagnosis': 'Diagnosis lacks specificity',
  'diagnosis-without-support': 'Diagnosis without clinical support',
  'poa-unclear': 'Present-on-admission status unclear',
  'diagnosis-not-documented': 'Procedure without a documented diagnosis',
};

/**
 * The query opportunities of the chart: topic, why, and the indicators that triggered each, with
 * where they are. One button per opportunity selects it for the draft editor.
 */
export function OpportunityList(props: {
  items: readonly CdiOpportunityResult[];
  selected: string | undefined;
  onSelect: (id: string) => void;
}) {
  return (
    <ul class="cdi-opportunities" aria-label="Query opportunities">
      {props.items.map(({ opportunity }) => (
        <li key={opportunity.id} data-topic={opportunity.topic}>
          <button
            type="button"
            aria-pressed={props.selected === opportunity.id}
            onClick={() => props.onSelect(opportunity.id)}
          >
            <span class="cdi-topic">{opportunity.id}</span> {opportunity.title}
          </button>
          <p class="meta">
            {REASON[opportunity.reason]}: {opportunity.criteria.join('; ')}
          </p>
          <ul class="cdi-indicators" aria-label={`Indicators for ${opportunity.id}`}>
            {opportunity.indicators.map((ind) => (
              <li key={ind.id}>
                <span class="cdi-indicator-name">{INDICATOR_LABELS[ind.name]}</span> <q>{ind.text}</q>
                {ind.value !== null && ind.unit !== null ? ` = ${ind.value}${ind.unit ? ` ${ind.unit}` : ''}` : ''}
                {ind.flag && ind.flag !== 'normal' ? ` (${ind.flag})` : ''} <span class="meta">{whereOf(ind)}</span>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
