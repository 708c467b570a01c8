/**
 * Public API of the MS-DRG grouper and the Medicare Code Editor (what the worker exposes):
 *
 * ```ts
 * const grouper = Grouper.fromBundles([readerMsdrg430, readerMsdrg431]);
 * const result = grouper.group(claim, { poaExemptHospital: false });
 * const mce = Mce.fromBundle(readerMce431);
 * const edits = mce.edit({ ...claim, dischargeDate });
 * const changes = whatIf(grouper, claim, { candidates }); // private work aid
 * ```
 */
export { Grouper, GrouperVersion, ChartsideGrouperTablesError, normalizeDischargeStatus } from './grouper';
export { whatIf, siblingCandidates, type WhatIfCandidate, type WhatIfCandidateSource, type WhatIfChange, type WhatIfOptions } from './what-if';
export { formatGroupTsv, parseGroupTsvLine, GROUP_INPUT_COLUMNS, GROUP_OUTPUT_COLUMNS, ChartsideClaimFormatError } from './fixture-format';
export type * from './types';
export { Mce, ChartsideMceClaimError } from '../mce/mce';
export type * from '../mce/types';
