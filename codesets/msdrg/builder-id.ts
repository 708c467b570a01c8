/**
 * Name and version of the `msdrg` codeset builder (builder.ts), on their own so a reader of the
 * installed MS-DRG / MCE bundles (the CLI's `group` and `edits`) can tell whether they were built
 * by this importer without loading the importer itself.
 */
export const MSDRG_BUILDER_ID = { name: 'msdrg', version: 4 } as const;
