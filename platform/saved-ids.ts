/**
 * The ids saved rows and audit entries are stored under: keyed tags ({@link keyedTag}) of the
 * case id, never the case id itself. The case id is a plain hash of the chart's address,
 * encounter and title (engine/case/case-id.ts), so anyone who can guess a chart could recompute
 * it; these tags need the vault's key, which exists only while the vault is unlocked.
 */
import { keyedTag, type VaultKeys } from './vault';

/** Row id of a saved case: `c` + 128-bit tag. */
export async function caseRowId(keys: VaultKeys, caseId: string): Promise<string> {
  return `c${await keyedTag(keys, 'case', caseId, 32)}`;
}

/** Row id of a saved query draft of a case: `d` + 128-bit tag of the case id and the draft topic. */
export async function draftRowId(keys: VaultKeys, caseId: string, topic: string): Promise<string> {
  return `d${await keyedTag(keys, 'draft', `${caseId}\u0000${topic}`, 32)}`;
}

/**
 * Audit tag of a case: `k` + 64-bit keyed tag (links a case's audit entries, names no chart). The
 * `k` tells it from the unkeyed 16-digit hashes written before the vault had a passphrase.
 */
export async function auditTag(keys: VaultKeys, caseId: string): Promise<string> {
  return `k${await keyedTag(keys, 'audit', caseId, 16)}`;
}
