import type { CodesetBuilder } from './builder';

/**
 * Every code system's importer, in build order. Each importer team adds its builder here
 * (icd10cm, icd10pcs, hcpcs, msdrg).
 */
export const BUILDERS: CodesetBuilder[] = [];
