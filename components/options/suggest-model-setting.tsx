/**
 * Options page: the switch for the learned suggestion model. Off (the default), the
 * engine worker ranks suggestions by the Index and Tabular alone; on, with the installed
 * `suggest-model` bundle. Off by default because the model ranks like the CodiEsp annotators (see
 * `rankWithSuggestModel` in platform/db.ts). The model's provenance, license and citation are
 * listed with the other releases above.
 */
import { useEffect, useState } from 'preact/hooks';
import { readSettings, writeSetting, type ChartsideDb } from '../../platform/db';
import type { InstalledRelease } from '../../platform/worker/api';

export function SuggestModelSetting({
  db,
  releases,
}: {
  db: ChartsideDb;
  releases: readonly InstalledRelease[] | undefined;
}) {
  const [on, setOn] = useState<boolean | undefined>();
  const [message, setMessage] = useState('');
  useEffect(() => {
    readSettings(db)
      .then((s) => setOn(s.rankWithSuggestModel))
      .catch((e: unknown) => setMessage(`Settings could not be read: ${String(e)}`));
  }, [db]);
  const save = async (value: boolean): Promise<void> => {
    try {
      await writeSetting(db, 'rankWithSuggestModel', value);
      setOn(value);
      setMessage(
        value
          ? 'Saved: suggestions are ranked with the learned model.'
          : 'Saved: suggestions are ranked by the Index and Tabular alone.',
      );
    } catch (e) {
      setMessage(`Not saved: ${String(e).slice(0, 160)}`);
    }
  };
  const model = releases?.find((r) => r.system === 'suggest-model');
  return (
    <section aria-labelledby="suggest-model-h">
      <h2 id="suggest-model-h">Code suggestions</h2>
      <label>
        <input
          type="checkbox"
          data-setting="rankWithSuggestModel"
          checked={on ?? false}
          disabled={on === undefined}
          onChange={(e) => void save(e.currentTarget.checked)}
        />{' '}
        Rank suggestions with the learned model (CodiEsp, CC BY 4.0)
      </label>
      <p class="meta">
        The model ranks the way the CodiEsp annotators coded their case reports: every condition mentioned, symptoms and
        unspecified codes included. That suits research and abstracting collections, not the Official Guidelines'
        inpatient rules (combination codes first, symptoms integral to a diagnosis left out), so it is off unless you
        turn it on.
      </p>
      <p class="meta">
        {model
          ? `Installed: ${model.release}. It only re-orders and adds candidates; every code is still found and checked through the Alphabetic Index and Tabular List.`
          : 'No suggestion model is installed: suggestions are ranked by the Index alone. The build leaves it out unless asked: build it with npm run codesets -- --model (needs the CodiEsp corpus), then rebuild the extension.'}
      </p>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
