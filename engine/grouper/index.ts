/**
 * Public API of the MS-DRG grouper (what the worker exposes; the code editor is `engine/mce`):
 *
 * ```ts
 * const grouper = Grouper.fromBundles([readerMsdrg430, readerMsdrg431]);
 * const result = grouper.group(claim, { poaExemptHospital: false });
 * const changes = whatIf(grouper, claim, { candidates }); // private work aid
 * ```
 */
export { Grouper, GrouperVersion, ChartsideGrouperTablesError, normalizeDischargeStatus } from './grouper';
export {
  whatIf,
  siblingCandidates,
  type WhatIfCandidate,
  type WhatIfCandidateSource,
  type WhatIfChange,
  type WhatIfOptions,
} from './what-if';
export {
  formatGroupTsv,
  parseGroupTsvLine,
  GROUP_INPUT_COLUMNS,
  GROUP_OUTPUT_COLUMNS,
  ChartsideClaimFormatError,
} from './fixture-format';
export type * from './types';
