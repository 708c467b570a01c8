/** The encounter fields of a case (setting, dates, age, sex, discharge status) and the tables they pick. */
import { serviceDate, updateHeader, type CaseHeader, type CodingCase } from '../../engine/case';
import { releaseLabel } from '../drg/labels';
import type { UseCase } from './use-case';

const DISCHARGE_STATUS: [string, string][] = [
  ['01', '01 Home / self care'],
  ['02', '02 Short-term hospital'],
  ['03', '03 SNF'],
  ['06', '06 Home health'],
  ['07', '07 Left against advice'],
  ['20', '20 Expired'],
  ['62', '62 Inpatient rehab'],
  ['65', '65 Psychiatric hospital'],
];

export function EncounterFields({ kase }: { kase: UseCase }) {
  const { c, r } = kase;
  const header = (patch: Partial<CaseHeader>): void => kase.setCase((x) => updateHeader(x, patch));
  const date = serviceDate(c);
  return (
    <fieldset class="ws-encounter">
      <legend>Encounter</legend>
      <label>
        Setting
        <select value={c.setting} onChange={(e) => header({ setting: e.currentTarget.value as CodingCase['setting'] })}>
          <option value="inpatient">Inpatient</option>
          <option value="outpatient">Outpatient</option>
        </select>
      </label>
      <label>
        Admitted
        <input
          type="date"
          value={c.admissionDate ?? ''}
          onChange={(e) => header({ admissionDate: e.currentTarget.value || undefined })}
        />
      </label>
      <label>
        Discharged
        <input
          type="date"
          value={c.dischargeDate ?? ''}
          onChange={(e) => header({ dischargeDate: e.currentTarget.value || undefined })}
        />
      </label>
      <label>
        Age
        <input
          type="number"
          min={0}
          max={124}
          inputMode="numeric"
          value={c.age ?? ''}
          onChange={(e) => header({ age: e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value) })}
        />
      </label>
      <label>
        Sex
        <select value={c.sex} onChange={(e) => header({ sex: e.currentTarget.value as CodingCase['sex'] })}>
          <option value="F">F</option>
          <option value="M">M</option>
          <option value="U">Unknown</option>
        </select>
      </label>
      <label>
        Discharge status
        <select value={c.dischargeStatus} onChange={(e) => header({ dischargeStatus: e.currentTarget.value })}>
          {DISCHARGE_STATUS.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
          {!DISCHARGE_STATUS.some(([v]) => v === c.dischargeStatus) && (
            <option value={c.dischargeStatus}>{c.dischargeStatus}</option>
          )}
        </select>
      </label>
      <p class="meta ws-release" data-release>
        {r ? (
          <>
            Tables for {date ?? 'today'}: {releaseLabel(r)}
            {r.cmRelease.fallback && (
              <span class="ws-fallback" role="note">
                {' '}
                — {r.cmRelease.fallback}
              </span>
            )}
            {r.drg.status === 'grouped' && r.drg.result.versionNote && (
              <span class="ws-fallback" role="note">
                {' '}
                — {r.drg.result.versionNote}
              </span>
            )}
            <span data-recompute-ms={r.tookMs.toFixed(2)}>
              {' '}
              · recomputed in {r.tookMs < 1 ? '<1' : Math.round(r.tookMs)} ms
            </span>
          </>
        ) : (
          'Choosing the tables for the dates…'
        )}
      </p>
    </fieldset>
  );
}
