import type { CodesetBuilder } from './builder';
import { hcpcsBuilder } from './hcpcs/build';
import { icd10cmBuilder } from './icd10cm/builder';
import { icd10pcsBuilder } from './icd10pcs/build';
import { msdrgBuilder } from './msdrg/builder';

/**
 * Every code system's importer, in build order. Each importer team adds its builder here
 * (icd10cm, icd10pcs, hcpcs, msdrg).
 */
export const BUILDERS: CodesetBuilder[] = [icd10cmBuilder, icd10pcsBuilder, hcpcsBuilder, msdrgBuilder];
