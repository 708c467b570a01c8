/**
 * Joint prosthesis components. The PCS joint tables (Upper and Lower Joints) give a joint
 * replacement's components as qualifiers of the joint row ("Humeral Surface", "Femoral Surface",
 * "Acetabular Surface", "Tibial Surface", "Glenoid Surface", "Patellar Surface"), under the
 * substitute device values: a component written with the bone it covers ("the humeral head
 * implant" of a shoulder) is coded to the joint, with the device whose row holds that qualifier.
 * Read from the table rows, never listed by hand.
 */
import type { PcsTable } from '../../icd10pcs/pcs-table';
import type { ValueChoice } from './device';

/** Words naming an implanted component rather than the bone itself. */
const COMPONENT = /^(implant|prosthesis|prosthetic|component|arthroplasty|substitute)$/;

const SURFACE = /^(\w+) Surface$/;

/** A surface qualifier of the rows under `prefix` whose bone word is written, with the devices that hold it. */
export interface JointSurface {
  qualifier: string;
  label: string;
  /** Device values (6th character) whose rows under `prefix` offer the qualifier. */
  devices: string[];
}

/** Rows under a prefix, walked to the qualifier axis: device value -> qualifier options. */
function qualifiersByDevice(pcs: PcsTable, prefix: string): Map<string, { value: string; label: string }[]> {
  const out = new Map<string, { value: string; label: string }[]>();
  const approaches = prefix.length >= 5 ? [prefix] : pcs.builder.options(prefix).map((o) => prefix + o.value);
  for (const a of approaches)
    for (const d of pcs.builder.options(a)) {
      const list = out.get(d.value) ?? [];
      for (const q of pcs.builder.options(a + d.value))
        if (!list.some((x) => x.value === q.value)) list.push({ value: q.value, label: q.label });
      out.set(d.value, list);
    }
  return out;
}

/**
 * The component surface documented for a joint row (`prefix`: 4 or 5 characters), or `undefined`
 * when no component word or no surface bone is written.
 *
 * @example jointSurface(pcs, '0RPJ', new Set(['humeral', 'head', 'implant'])) // { qualifier: '6', label: 'Humeral Surface', devices: ['J'] }
 */
export function jointSurface(pcs: PcsTable, prefix: string, words: ReadonlySet<string>): JointSurface | undefined {
  if (!/^0[RS]/.test(prefix) || ![...words].some((w) => COMPONENT.test(w))) return undefined;
  const found = new Map<string, JointSurface>();
  for (const [device, qualifiers] of qualifiersByDevice(pcs, prefix))
    for (const q of qualifiers) {
      const m = SURFACE.exec(q.label);
      if (!m || !words.has(m[1]!.toLowerCase())) continue;
      const s = found.get(q.value) ?? { qualifier: q.value, label: q.label, devices: [] };
      s.devices.push(device);
      found.set(q.value, s);
    }
  return found.size === 1 ? [...found.values()][0] : undefined;
}

/** The device of a documented component surface when one device value's rows hold it. */
export function surfaceDevice(pcs: PcsTable, prefix: string, words: ReadonlySet<string>): ValueChoice | undefined {
  const s = jointSurface(pcs, prefix, words);
  if (!s || s.devices.length !== 1) return undefined;
  const o = pcs.builder.options(prefix).find((x) => x.value === s.devices[0]);
  return o
    ? {
        value: o.value,
        label: o.label,
        reason: `a ${s.label.toLowerCase()} component: the only device whose row has it`,
      }
    : undefined;
}

/** The qualifier of a documented component surface, when the row (6 characters) offers it. */
export function surfaceQualifier(pcs: PcsTable, prefix: string, words: ReadonlySet<string>): ValueChoice | undefined {
  if (!/^0[RS]/.test(prefix) || ![...words].some((w) => COMPONENT.test(w))) return undefined;
  const hits = pcs.builder.options(prefix).filter((o) => {
    const m = SURFACE.exec(o.label);
    return m !== null && words.has(m[1]!.toLowerCase());
  });
  const o = hits.length === 1 ? hits[0] : undefined;
  return o
    ? { value: o.value, label: o.label, reason: `the ${o.label.toLowerCase()} component is written` }
    : undefined;
}
