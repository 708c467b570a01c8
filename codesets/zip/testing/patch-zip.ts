/**
 * Test helper: rewrites what a zip built with fflate's zipSync claims about one member (size,
 * CRC-32), in both its local header and its central directory entry, to build lying archives in
 * the test itself (never committed binaries).
 */
export function patchZipMember(zip: Uint8Array, name: string, claim: { size?: number; crc32?: number }): Uint8Array {
  const out = zip.slice();
  const dv = new DataView(out.buffer);
  const encoded = new TextEncoder().encode(name);
  let patched = 0;
  for (let p = 0; p + 4 <= out.length; p++) {
    const sig = dv.getUint32(p, true);
    const local = sig === 0x04034b50;
    const central = sig === 0x02014b50;
    if (!local && !central) continue;
    const nameAt = p + (local ? 30 : 46);
    const nameLength = dv.getUint16(p + (local ? 26 : 28), true);
    if (nameLength !== encoded.length || !encoded.every((b, i) => out[nameAt + i] === b)) continue;
    const crcAt = p + (local ? 14 : 16);
    if (claim.crc32 !== undefined) dv.setUint32(crcAt, claim.crc32, true);
    if (claim.size !== undefined) dv.setUint32(crcAt + 8, claim.size, true);
    patched++;
  }
  if (patched !== 2)
    throw new Error(`patchZipMember: ${name} found ${patched} times, expected a local and a central header`);
  return out;
}
