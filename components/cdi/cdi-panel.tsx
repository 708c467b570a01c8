import { useState } from 'preact/hooks';
import type { CdiResult } from '../../engine/cdi/index';
import type { ClipboardWriter } from './clipboard';
import { OpportunityList } from './opportunity-list';
import { QueryEditor } from './query-editor';
import './cdi.css';

/**
 * CDI view of one chart (props only, so it is tested without the worker): the opportunity list
 * and the draft editor of the selected opportunity. Drafts live in memory only.
 */
export function CdiPanel(props: {
  result: CdiResult;
  chartText: string;
  rowTexts: readonly string[];
  clipboard: ClipboardWriter;
}) {
  const items = props.result.opportunities;
  const [selected, setSelected] = useState<string | undefined>(items[0]?.opportunity.id);
  const current = items.find((o) => o.opportunity.id === selected) ?? items[0];
  if (items.length === 0) {
    return (
      <p class="notice" data-cdi-opportunities="0">
        No documentation query opportunities in this chart ({props.result.indicators.length} clinical indicators read).
      </p>
    );
  }
  return (
    <div class="cdi-panel" data-cdi-opportunities={items.length}>
      <h2>
        {items.length} query {items.length === 1 ? 'opportunity' : 'opportunities'}
      </h2>
      <OpportunityList items={items} selected={current?.opportunity.id} onSelect={setSelected} />
      {current && (
        <QueryEditor
          key={current.opportunity.id}
          initial={current.draft}
          chartText={props.chartText}
          rowTexts={props.rowTexts}
          clipboard={props.clipboard}
        />
      )}
    </div>
  );
}
