import type { CodesetBuilder } from './builder';
import { icd10cmBuilder } from './icd10cm/builder';
import { msdrgBuilder } from './msdrg/builder';

/**
 * Every code system's importer, in build order. Each importer team adds its builder here
 * (icd10cm, icd10pcs, hcpcs, msdrg).
 */
export const BUILDERS: CodesetBuilder[] = [icd10cmBuilder, msdrgBuilder];
