/**
 * A bounded reader for the zip archives official releases come in (CDC's ICD-10-CM XML zips, CMS's
 * GEMs zip, HCPCS .xlsx workbooks). Hostile or broken archives are expected: a release file can be
 * swapped on disk or imported by a user, and a zip can claim anything.
 *
 * - The archive is listed from its central directory (APPNOTE.TXT 6.3, section 4.3.16): nothing is
 *   inflated to learn what it holds, and a member that is itself a zip is never opened.
 * - Only the members a reader asks for are inflated, one at a time.
 * - Each member's claimed size must be within a cap before inflating starts, and inflation stops
 *   as soon as the output passes the claimed size (a member that lies about its size is refused
 *   after at most one input slice past the claim, not after filling memory).
 * - The inflated bytes must match the claimed size and CRC-32 (APPNOTE 4.4.7); the local header
 *   must agree with the central directory on method and name.
 *
 * Zip64, encryption and methods other than stored (0) and deflate (8) are refused with a clear
 * message: no official release uses them.
 */
import { Inflate } from 'fflate';
import { crc32 } from './crc32';
import { ChartsideError } from '../../engine/errors';

/** A member as the central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  crc32: number;
  compressedSize: number;
  /** What the archive claims; checked against the real output. */
  size: number;
  /** Offset of the local file header. */
  offset: number;
}

/** Default per-member cap: 512 MiB, several times the largest official member (ICD-10-CM tabular XML, ~50 MB). */
export const DEFAULT_MAX_MEMBER_BYTES = 512 * 1024 * 1024;

/**
 * Compressed input fed to the inflater at a time. Output per slice is at most ~1032x this (deflate's
 * limit), so a lying member is stopped within ~66 MB of its claim; 64 KiB keeps a 21 MB ICD-10-CM
 * XML zip within ~1.5x the time of inflating it in one call (16 KiB: ~2.5x).
 */
const SLICE = 64 * 1024;

/** The archive is not a zip this reader accepts, or a member is refused; the message names which. */
export class ChartsideZipError extends ChartsideError {
  override name = 'ChartsideZipError';
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const decoder = new TextDecoder('utf-8', { fatal: false });

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Lists the members of a zip from its central directory.
 *
 * @param label names the archive in errors (its file name).
 * @throws ChartsideZipError when there is no end-of-central-directory record, the directory runs
 *   outside the file, or the archive uses zip64, encryption or an unsupported method.
 * @example listZip(bytes, 'icd10cm-table-index-2026.zip').map((e) => e.name)
 */
export function listZip(bytes: Uint8Array, label: string): ZipEntry[] {
  const dv = view(bytes);
  // The EOCD record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (dv.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ChartsideZipError(`${label}: not a zip archive (no end of central directory)`);
  const count = dv.getUint16(eocd + 10, true);
  const dirSize = dv.getUint32(eocd + 12, true);
  const dirOffset = dv.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff || dirSize === 0xffffffff) {
    throw new ChartsideZipError(`${label}: zip64 archives are not supported`);
  }
  if (dirOffset + dirSize > eocd) throw new ChartsideZipError(`${label}: central directory lies outside the file`);
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || dv.getUint32(p, true) !== CENTRAL) {
      throw new ChartsideZipError(`${label}: central directory entry ${n + 1} of ${count} is damaged`);
    }
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const nameLength = dv.getUint16(p + 28, true);
    const extraLength = dv.getUint16(p + 30, true);
    const commentLength = dv.getUint16(p + 32, true);
    if (p + 46 + nameLength > eocd)
      throw new ChartsideZipError(`${label}: central directory entry ${n + 1} is damaged`);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    const entry: ZipEntry = {
      name,
      method,
      crc32: dv.getUint32(p + 16, true),
      compressedSize: dv.getUint32(p + 20, true),
      size: dv.getUint32(p + 24, true),
      offset: dv.getUint32(p + 42, true),
    };
    if (flags & 1) throw new ChartsideZipError(`${label}!${name}: encrypted members are not supported`);
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.offset === 0xffffffff) {
      throw new ChartsideZipError(`${label}!${name}: zip64 members are not supported`);
    }
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Options of {@link readZipMember}. */
export interface ReadMemberOptions {
  /** Largest inflated size accepted, in bytes (default {@link DEFAULT_MAX_MEMBER_BYTES}). */
  maxBytes?: number;
}

/**
 * Inflates one member, checking its size cap, claimed size and CRC-32.
 *
 * @throws ChartsideZipError naming `label!member` and what was wrong.
 * @example strFromU8(readZipMember(bytes, entries, 'xl/workbook.xml', 'HCPC.xlsx'))
 */
export function readZipMember(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  name: string,
  label: string,
  { maxBytes = DEFAULT_MAX_MEMBER_BYTES }: ReadMemberOptions = {},
): Uint8Array {
  const where = `${label}!${name}`;
  const matching = entries.filter((e) => e.name === name);
  if (matching.length === 0) throw new ChartsideZipError(`${where}: no such member`);
  if (matching.length > 1) throw new ChartsideZipError(`${where}: the archive holds this name twice`);
  const entry = matching[0]!;
  if (entry.size > maxBytes) {
    throw new ChartsideZipError(`${where}: claims ${entry.size} bytes, more than the ${maxBytes}-byte limit`);
  }
  const dv = view(bytes);
  const p = entry.offset;
  if (p + 30 > bytes.length || dv.getUint32(p, true) !== LOCAL) {
    throw new ChartsideZipError(`${where}: local header missing at offset ${p}`);
  }
  const localMethod = dv.getUint16(p + 8, true);
  const nameLength = dv.getUint16(p + 26, true);
  const extraLength = dv.getUint16(p + 28, true);
  if (localMethod !== entry.method || decoder.decode(bytes.subarray(p + 30, p + 30 + nameLength)) !== name) {
    throw new ChartsideZipError(`${where}: local header disagrees with the central directory`);
  }
  const start = p + 30 + nameLength + extraLength;
  if (start + entry.compressedSize > bytes.length)
    throw new ChartsideZipError(`${where}: data runs past the end of the file`);
  const data = bytes.subarray(start, start + entry.compressedSize);

  let out: Uint8Array;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw new ChartsideZipError(`${where}: stored member sizes disagree`);
    out = data.slice();
  } else if (entry.method === 8) {
    out = inflateBounded(data, entry.size, where);
  } else {
    throw new ChartsideZipError(
      `${where}: compression method ${entry.method} is not supported (only stored and deflate)`,
    );
  }
  if (out.length !== entry.size) {
    throw new ChartsideZipError(`${where}: inflated to ${out.length} bytes, the archive claims ${entry.size}`);
  }
  if (crc32(out) !== entry.crc32) throw new ChartsideZipError(`${where}: CRC-32 mismatch (damaged or altered)`);
  return out;
}

/** Inflates `data`, refusing output beyond `claimed` bytes; memory stays within the claim plus one slice. */
function inflateBounded(data: Uint8Array, claimed: number, where: string): Uint8Array {
  // Deflate expands at most ~1032:1, so a small member claiming a huge size cannot make us
  // allocate the claim up front.
  const out = new Uint8Array(Math.min(claimed, data.length * 1032 + 1024));
  let length = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    if (length + chunk.length > out.length) {
      throw new ChartsideZipError(`${where}: inflates past the ${claimed} bytes the archive claims`);
    }
    out.set(chunk, length);
    length += chunk.length;
    if (final) ended = true;
  });
  try {
    for (let i = 0; i < data.length; i += SLICE) {
      const end = Math.min(data.length, i + SLICE);
      inflater.push(data.subarray(i, end), end === data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (cause) {
    if (cause instanceof ChartsideZipError) throw cause;
    throw new ChartsideZipError(
      `${where}: not valid deflate data (${cause instanceof Error ? cause.message : String(cause)})`,
    );
  }
  if (!ended) throw new ChartsideZipError(`${where}: deflate data ends early`);
  return out.subarray(0, length);
}

/**
 * Lists `label` and reads the named members (only those), each under the size cap.
 *
 * @example const parts = readZipMembers(bytes, 'x.xlsx', (name) => name.startsWith('xl/'))
 */
export function readZipMembers(
  bytes: Uint8Array,
  label: string,
  want: (name: string) => boolean,
  options?: ReadMemberOptions,
): Map<string, Uint8Array> {
  const entries = listZip(bytes, label);
  const out = new Map<string, Uint8Array>();
  for (const e of entries)
    if (want(e.name) && !out.has(e.name)) out.set(e.name, readZipMember(bytes, entries, e.name, label, options));
  return out;
}
