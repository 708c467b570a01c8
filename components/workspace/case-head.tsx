/** The Case section's header: which chart the case is of, whether it is saved, and its actions. */
import type { ChartsideDb } from '../../platform/db';
import type { ChartSnapshot } from '../../platform/messages';
import type { UseCase } from './use-case';
import { VaultPrompt } from './vault-prompt';

export function CaseHead({
  snapshot,
  kase,
  openDb,
}: {
  snapshot: ChartSnapshot | undefined;
  kase: UseCase;
  openDb: () => Promise<ChartsideDb>;
}) {
  return (
    <header class="ws-head">
      <h2 id="case-title">Case</h2>
      <p class="meta">
        {snapshot ? (
          <>
            Chart: <span class="ws-chart">{snapshot.document.title || snapshot.url}</span>
          </>
        ) : (
          'No chart read: a scratch case.'
        )}{' '}
        {kase.saved === 'saved' ? '· saved on this device' : '· not saved (nothing is stored until you save)'}
      </p>
      <div class="ws-actions" role="group" aria-label="Case actions">
        <button type="button" onClick={() => void kase.save()}>
          Save <kbd>Alt+S</kbd>
        </button>
        <button type="button" onClick={() => void kase.exportAs('text')}>
          Copy abstract <kbd>Alt+C</kbd>
        </button>
        <button type="button" onClick={() => void kase.exportAs('fhir')}>
          Copy FHIR <kbd>Alt+J</kbd>
        </button>
        {kase.saved === 'saved' && (
          <button type="button" onClick={() => void kase.deleteSaved()}>
            Delete saved
          </button>
        )}
      </div>
      <p
        role="status"
        aria-live="polite"
        class={kase.message?.error ? 'error ws-message' : 'ws-message'}
        data-ws-message
      >
        {kase.message?.text ?? ''}
      </p>
      {kase.purge && <p class="meta">{kase.purge}</p>}
      <VaultPrompt openDb={openDb} state={kase.vault} />
    </header>
  );
}
