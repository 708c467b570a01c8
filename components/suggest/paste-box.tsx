import { useState } from 'preact/hooks';
import { snapshotFromText, type ChartSnapshot } from '../../engine/chart/snapshot';

/** Props of {@link PasteBox}. */
export interface PasteBoxProps {
  /** Called with a snapshot of the pasted text (reader `paste`), exactly as a page snapshot would arrive. */
  onSnapshot(snapshot: ChartSnapshot): void;
  /** Asks the chart tab for the user's text selection; absent when there is no tab to ask. */
  onUseSelection?: () => void;
}

/**
 * The sources that are always available (many hospital deployments do not expose the
 * chart as a normal page): a labelled box to paste a note into, and a button to read the text
 * selected in the chart tab. Submit with the button or Ctrl+Enter in the box.
 */
export function PasteBox({ onSnapshot, onUseSelection }: PasteBoxProps) {
  const [text, setText] = useState('');
  const submit = (): void => {
    if (text.trim() === '') return;
    // A fresh capturedAt per paste: evidence offsets and decisions belong to this text.
    onSnapshot(snapshotFromText(text, 'paste', new Date().toISOString()));
  };
  return (
    <form
      class="paste-box"
      aria-label="Paste a note"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label for="suggest-paste">Paste note</label>
      <textarea
        id="suggest-paste"
        rows={2}
        value={text}
        placeholder="Paste the text of a note here when the chart is not readable as a page."
        onInput={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            submit();
          }
        }}
      />
      <div class="paste-actions">
        <button type="submit" disabled={text.trim() === ''}>
          Suggest from pasted note
        </button>
        {onUseSelection && (
          <button type="button" onClick={onUseSelection}>
            Use selection
          </button>
        )}
      </div>
    </form>
  );
}
