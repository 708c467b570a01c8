/**
 * Labels shared by the DRG and MCE views: one spelling of versions ("MS-DRG v43.1, MCE v43.1")
 * and codes always with their dot ("I13.0", never "I130"), also inside the editors' messages.
 */
import { formatCmCode } from '../../engine/codes/normalize';
import type { CaseRecompute } from '../../platform/worker/case';

/**
 * A CMS component version as the grouper spells it: the MCE's "431" is "43.1" (the grouper's
 * own versions already read "43.1").
 */
export function componentVersion(v: string): string {
  return /^\d{3}$/.test(v) ? `${v.slice(0, 2)}.${v.slice(2)}` : v;
}

/** "ICD-10-CM FY2026, MS-DRG v43.1, MCE v43.1": the tables a case was computed with. */
export function releaseLabel(r: CaseRecompute): string {
  return [
    r.cmRelease.release,
    ...(r.drg.status === 'grouped' ? [`MS-DRG v${componentVersion(r.drg.result.version)}`] : []),
    ...(r.mce.status === 'edited' ? [`MCE v${componentVersion(r.mce.result.version)}`] : []),
  ].join(', ');
}

/**
 * `message` with each of `codes` (undotted ICD-10-CM codes the message is about) written with its
 * dot. Only whole words are replaced, so "N390" becomes "N39.0" and nothing else changes.
 *
 * @example dotCodes('N390 needs a POA indicator (Y, N, U or W)', ['N390']) // 'N39.0 needs a POA indicator (Y, N, U or W)'
 */
export function dotCodes(message: string, codes: readonly string[]): string {
  let out = message;
  for (const code of new Set(codes)) {
    const bare = code.replace('.', '');
    if (!/^[A-Z][0-9][0-9A-Z]{1,5}$/.test(bare) || bare.length <= 3) continue;
    out = out.replace(new RegExp(`\\b${bare}\\b`, 'g'), formatCmCode(bare));
  }
  return out;
}
