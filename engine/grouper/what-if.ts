/**
 * What-if analysis: every single change to a case that would change its MS-DRG, ranked by the
 * change in relative weight.
 *
 * **Private work aid.** The list exists to help a coder or CDI specialist see where the
 * documentation matters. It must never appear in, or be used to word, a physician query: a
 * compliant query is non-leading and never mentions DRGs, weights or payment (ACDIS/AHIMA
 * "Guidelines for Achieving a Compliant Query Practice"). UI that shows it labels it as such.
 */
import type { Grouper } from './grouper';
import { normalizeCode } from '../codes/normalize';
import type { GroupOptions, GroupResult, GrouperClaim } from './types';

/** A more specific diagnosis the caller suggests (from the chart, or a documented code's siblings). */
export interface WhatIfCandidate {
  /** ICD-10-CM code to add. */
  code: string;
  /** Code on the claim it would replace (e.g. the unspecified code it specifies); omitted = added. */
  replaces?: string;
  /** POA to assume for the added code; default 'Y'. */
  poa?: string;
  /** Where the suggestion comes from, shown in the reason (e.g. "sibling of I50.9"). */
  source?: string;
}

/** Supplies candidates for a case; may return nothing. */
export type WhatIfCandidateSource = (claim: GrouperClaim, current: GroupResult) => Iterable<WhatIfCandidate>;

/** One change that changes the DRG. */
export interface WhatIfChange {
  kind: 'sdx-as-principal' | 'remove-sdx' | 'remove-procedure' | 'add-dx' | 'replace-dx';
  /** The code that moves, goes or comes. */
  code: string;
  /** For replacements: the code replaced. */
  replaces?: string;
  /** The changed claim. */
  claim: GrouperClaim;
  drg: number;
  title: string;
  weight: number;
  /** New weight minus current weight. */
  weightDelta: number;
  /** Human explanation. */
  reason: string;
}

/** Options of {@link whatIf}. */
export interface WhatIfOptions extends GroupOptions {
  /** Candidate more-specific diagnoses (none when omitted). */
  candidates?: WhatIfCandidateSource;
}

const fmt = (w: number) => w.toFixed(4);
const signed = (d: number) => (d >= 0 ? `+${fmt(d)}` : fmt(d));

function why(r: GroupResult): string {
  const step = r.trail.at(-1);
  if (!step) return '';
  const drivers = step.drivers.filter((d) => d.codes.length > 0).map((d) => `${d.operand} (${d.codes.join(', ')})`);
  return drivers.length ? `; driven by ${drivers.join(', ')}` : '';
}

/**
 * Lists every single change that changes the final DRG of `claim`: each secondary diagnosis as
 * principal (the principal moving to its place), removing one secondary diagnosis or procedure,
 * and adding or substituting each candidate diagnosis. Sorted by weight difference, largest gain
 * first. Private work aid: never show in a physician query (see module note).
 *
 * @example
 * whatIf(grouper, claim, { candidates: () => [{ code: 'I5023', replaces: 'I509', source: 'chart' }] })
 *   // [{ kind: 'replace-dx', code: 'I5023', drg: 193, weightDelta: +0.4…, reason: '…' }]
 */
export function whatIf(grouper: Grouper, claim: GrouperClaim, options: WhatIfOptions = {}): WhatIfChange[] {
  const groupOpts: GroupOptions = { explain: true };
  if (options.poaExemptHospital) groupOpts.poaExemptHospital = true;
  const current = grouper.group(claim, groupOpts);
  const out: WhatIfChange[] = [];
  const seen = new Set<string>();
  const consider = (
    kind: WhatIfChange['kind'],
    code: string,
    changed: GrouperClaim,
    describe: string,
    replaces?: string,
  ) => {
    const key = JSON.stringify([changed.pdx, changed.sdx, changed.procedures]);
    if (seen.has(key)) return;
    seen.add(key);
    const r = grouper.group(changed, groupOpts);
    if (r.finalDrg === current.finalDrg) return;
    const delta = Math.round((r.weight - current.weight) * 10000) / 10000;
    const change: WhatIfChange = {
      kind,
      code,
      claim: changed,
      drg: r.finalDrg,
      title: r.title,
      weight: r.weight,
      weightDelta: delta,
      reason: `${describe}: DRG ${String(current.finalDrg).padStart(3, '0')} -> ${String(r.finalDrg).padStart(3, '0')} ${r.title} (weight ${fmt(current.weight)} -> ${fmt(r.weight)}, ${signed(delta)})${why(r)}`,
    };
    if (replaces !== undefined) change.replaces = replaces;
    out.push(change);
  };

  claim.sdx.forEach((s, i) => {
    const sdx = [...claim.sdx];
    sdx[i] = { code: claim.pdx, ...(claim.pdxPoa !== undefined ? { poa: claim.pdxPoa } : { poa: 'Y' }) };
    const changed: GrouperClaim = { ...claim, pdx: s.code, sdx };
    if (s.poa !== undefined) changed.pdxPoa = s.poa;
    consider('sdx-as-principal', s.code, changed, `${s.code} as principal diagnosis instead of ${claim.pdx}`);
  });
  claim.sdx.forEach((s, i) => {
    consider(
      'remove-sdx',
      s.code,
      { ...claim, sdx: claim.sdx.filter((_, k) => k !== i) },
      `without secondary diagnosis ${s.code}`,
    );
  });
  claim.procedures.forEach((p, i) => {
    consider(
      'remove-procedure',
      p,
      { ...claim, procedures: claim.procedures.filter((_, k) => k !== i) },
      `without procedure ${p}`,
    );
  });
  if (options.candidates) {
    for (const c of options.candidates(claim, current)) {
      const code = normalizeCode(c.code);
      const from = c.source ? ` (${c.source})` : '';
      const target = c.replaces === undefined ? undefined : normalizeCode(c.replaces);
      if (target !== undefined && normalizeCode(claim.pdx) === target) {
        consider(
          'replace-dx',
          code,
          { ...claim, pdx: code },
          `${code}${from} as principal instead of ${claim.pdx}`,
          c.replaces,
        );
        continue;
      }
      const at = target === undefined ? -1 : claim.sdx.findIndex((s) => normalizeCode(s.code) === target);
      if (at >= 0) {
        const sdx = [...claim.sdx];
        sdx[at] = { code, poa: c.poa ?? claim.sdx[at]!.poa ?? 'Y' };
        consider('replace-dx', code, { ...claim, sdx }, `${code}${from} instead of ${claim.sdx[at]!.code}`, c.replaces);
      } else if (
        claim.sdx.length < 24 &&
        !claim.sdx.some((s) => normalizeCode(s.code) === code) &&
        normalizeCode(claim.pdx) !== code
      ) {
        consider(
          'add-dx',
          code,
          { ...claim, sdx: [...claim.sdx, { code, poa: c.poa ?? 'Y' }] },
          `adding ${code}${from}`,
        );
      }
    }
  }
  return out.sort(
    (a, b) => b.weightDelta - a.weightDelta || a.kind.localeCompare(b.kind) || a.code.localeCompare(b.code),
  );
}

/**
 * A ready-made candidate source: for each diagnosis on the claim (or only those in `codes`),
 * the other codes of its ICD-10-CM category (same first three characters) known to the grouper,
 * as replacements. Use for a documented unspecified code whose specific siblings the chart may
 * support. Private work aid, like {@link whatIf}.
 *
 * @example whatIf(grouper, claim, { candidates: siblingCandidates(grouper, ['I509']) })
 */
export function siblingCandidates(grouper: Grouper, codes?: string[], limitPerCode = 60): WhatIfCandidateSource {
  return (claim) => {
    const { tables } = grouper.pickVersion(claim);
    const targets = (codes ?? [claim.pdx, ...claim.sdx.map((s) => s.code)])
      .map(normalizeCode)
      .filter((c) => c.length >= 3);
    const out: WhatIfCandidate[] = [];
    for (const target of new Set(targets)) {
      const category = target.slice(0, 3);
      let n = 0;
      for (const code of tables.dxCodes) {
        if (n >= limitPerCode) break;
        if (code.startsWith(category) && code !== target) {
          out.push({ code, replaces: target, source: `same category as ${target}` });
          n++;
        }
      }
    }
    return out;
  };
}
