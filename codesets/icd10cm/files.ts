/**
 * Which official file feeds which fiscal year (each fiscal year is built "from the files of
 * that year where they exist and otherwise from the newest older file ... and record and show which
 * release each table came from").
 */
import { sha256Hex } from '../../engine/bundle/sha256';
import type { ReleaseSource } from '../builder';
import { listZip, readZipMember } from '../zip/read-zip';

/** Roles of ICD-10-CM release files. */
export type CmFileRole = 'order' | 'addenda' | 'poa-exempt' | 'tabular' | 'index' | 'eindex' | 'drug' | 'neoplasm';

/** One usable release file (possibly a member of a zip archive). */
export interface CmFileRef {
  role: CmFileRole;
  /** Path of the file (or of the zip holding it) below the source root. */
  path: string;
  /** Member name inside the zip, when the file is archived. */
  member?: string;
  /** Fiscal year of the release the file belongs to. */
  year: number;
  /** Official file name (the member name for an archived file). */
  name: string;
}

const PLAIN: Record<CmFileRole, RegExp> = {
  order: /^icd10cm_order_(\d{4})\.txt$/,
  addenda: /^icd10cm_order_addenda_(\d{4})\.txt$/,
  'poa-exempt': /^POAexemptCodesFY(\d{2})\.txt$/,
  tabular: /^icd[-_]?10[-_]?cm[-_]tabular[-_](\d{4})\.xml$/i,
  index: /^icd[-_]?10[-_]?cm[-_]index[-_](\d{4})\.xml$/i,
  eindex: /^icd[-_]?10[-_]?cm[-_]eindex[-_](\d{4})\.xml$/i,
  drug: /^icd[-_]?10[-_]?cm[-_]drug[-_](\d{4})\.xml$/i,
  neoplasm: /^icd[-_]?10[-_]?cm[-_]neoplasm[-_](\d{4})\.xml$/i,
};

const FOLDER = /^icd10cm\/FY(\d{4})\/([^/]+)$/;

/** Every ICD-10-CM file the source offers, zip members included (zips are opened to list them). */
export function listCmFiles(source: ReleaseSource): CmFileRef[] {
  const out: CmFileRef[] = [];
  for (const path of source.list()) {
    const m = FOLDER.exec(path);
    if (!m) continue;
    const year = Number(m[1]);
    const name = m[2]!;
    if (/\.zip$/i.test(name) && /xml/i.test(name)) {
      const bytes = source.read(path).bytes;
      // Listed from the central directory: nothing is inflated, a nested zip is never opened.
      const members = listZip(bytes, path).map((e) => e.name);
      for (const member of members.sort()) {
        const base = member.split('/').pop()!;
        const role = roleOf(base);
        if (role) out.push({ role, path, member, year, name: base });
      }
      continue;
    }
    const role = roleOf(name);
    if (role) out.push({ role, path, year, name });
  }
  return out;
}

function roleOf(name: string): CmFileRole | undefined {
  // Normalise CDC's two spellings (icd10cm_drug_2017.xml, icd-10-cm-drug-2025.xml).
  const probe = name.replace(/^icd10cm_/i, 'icd10cm-');
  for (const [role, re] of Object.entries(PLAIN) as [CmFileRole, RegExp][]) {
    if (re.test(name) || re.test(probe)) return role;
  }
  return undefined;
}

/** A file chosen for a year, with the sentence explaining any substitution. */
export interface CmFileChoice {
  file: CmFileRef;
  /** `undefined` when the file is that year's own; otherwise why another year's file is used. */
  substitution?: string;
}

/**
 * Picks the file of `role` for fiscal year `year`: that year's own, else the newest older one,
 * else (only when `allowNewer`) the oldest newer one. Every substitution is explained.
 */
export function pickFile(
  files: readonly CmFileRef[],
  role: CmFileRole,
  year: number,
  what: string,
  { allowNewer = false } = {},
): CmFileChoice | undefined {
  const ofRole = files.filter((f) => f.role === role);
  const own = ofRole.find((f) => f.year === year);
  if (own) return { file: own };
  const older = ofRole.filter((f) => f.year < year).sort((a, b) => b.year - a.year)[0];
  if (older) {
    return {
      file: older,
      substitution: `${what} from FY${older.year} (${older.name}): no FY${year} file available, newest older release used.`,
    };
  }
  if (!allowNewer) return undefined;
  const newer = ofRole.filter((f) => f.year > year).sort((a, b) => a.year - b.year)[0];
  if (!newer) return undefined;
  return {
    file: newer,
    substitution: `${what} from FY${newer.year} (${newer.name}): no FY${year} or older file available, the newer release is used instead.`,
  };
}

/** Reads a chosen file's bytes (unzipping a member) with its sha256. */
export function readCmFile(source: ReleaseSource, ref: CmFileRef): { bytes: Uint8Array; sha256: string } {
  const file = source.read(ref.path);
  if (!ref.member) return { bytes: file.bytes, sha256: file.sha256 };
  const member = ref.member;
  const out = readZipMember(file.bytes, listZip(file.bytes, ref.path), member, ref.path);
  return { bytes: out, sha256: sha256Hex(out) };
}

/** Display name, `archive.zip:member.xml` for archived files. */
export function displayName(ref: CmFileRef): string {
  return ref.member ? `${ref.path.split('/').pop()!}:${ref.name}` : ref.name;
}
