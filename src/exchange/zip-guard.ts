import { inflateRawSync } from 'node:zlib';

/**
 * An XLSX file is a zip archive. Before any library unpacks one, this reads the archive's own
 * directory and refuses what a spreadsheet never is: too many entries, entries that claim to
 * unpack to more than the limits (a zip bomb), or that unpack to more than they claim (a lying
 * directory), encryption, unknown compression, ZIP64. Each entry is then inflated here with a
 * hard output cap, so a bomb is stopped at the cap and never fills memory.
 */

export interface ZipLimits {
  /** Most entries in the archive (a workbook has a dozen or two). */
  maxEntries: number;
  /** Most bytes one entry may unpack to. */
  maxEntryBytes: number;
  /** Most bytes all entries together may unpack to. */
  maxTotalBytes: number;
}

export const defaultZipLimits: ZipLimits = { maxEntries: 200, maxEntryBytes: 60 * 1024 * 1024, maxTotalBytes: 100 * 1024 * 1024 };

export type ZipRefusal =
  | { code: 'zip-broken' }
  | { code: 'zip-entries'; count: number; max: number }
  | { code: 'zip-bomb'; bytes: number; max: number }
  | { code: 'zip-unsupported' };

export type ZipCheck = { ok: true; entries: Map<string, Buffer> } | { ok: false; refusal: ZipRefusal };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Whether the bytes start like a zip archive (a local file header). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Checks the archive and returns every entry unpacked (within the limits), or why it is refused. */
export function checkZip(bytes: Uint8Array, limits: ZipLimits = defaultZipLimits): ZipCheck {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record: in the last 22 + 65535 bytes (it may carry a comment).
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return { ok: false, refusal: { code: 'zip-broken' } };
  const count = buf.readUInt16LE(eocd + 10);
  const size = buf.readUInt32LE(eocd + 12);
  const offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) return { ok: false, refusal: { code: 'zip-unsupported' } };
  if (count > limits.maxEntries) return { ok: false, refusal: { code: 'zip-entries', count, max: limits.maxEntries } };
  if (offset + size > buf.length) return { ok: false, refusal: { code: 'zip-broken' } };

  interface Entry {
    name: string;
    method: number;
    flags: number;
    compressed: number;
    uncompressed: number;
    local: number;
  }
  const entries: Entry[] = [];
  let total = 0;
  for (let at = offset, n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) return { ok: false, refusal: { code: 'zip-broken' } };
    const entry: Entry = {
      flags: buf.readUInt16LE(at + 8),
      method: buf.readUInt16LE(at + 10),
      compressed: buf.readUInt32LE(at + 20),
      uncompressed: buf.readUInt32LE(at + 24),
      local: buf.readUInt32LE(at + 42),
      name: buf.toString('utf8', at + 46, at + 46 + buf.readUInt16LE(at + 28)),
    };
    if (entry.compressed === 0xffffffff || entry.uncompressed === 0xffffffff || entry.local === 0xffffffff) {
      return { ok: false, refusal: { code: 'zip-unsupported' } };
    }
    // Encrypted (bit 0) or a compression other than stored (0) and deflate (8).
    if ((entry.flags & 1) !== 0 || (entry.method !== 0 && entry.method !== 8)) return { ok: false, refusal: { code: 'zip-unsupported' } };
    // What the directory claims, before unpacking anything.
    if (entry.uncompressed > limits.maxEntryBytes) return { ok: false, refusal: { code: 'zip-bomb', bytes: entry.uncompressed, max: limits.maxEntryBytes } };
    total += entry.uncompressed;
    if (total > limits.maxTotalBytes) return { ok: false, refusal: { code: 'zip-bomb', bytes: total, max: limits.maxTotalBytes } };
    entries.push(entry);
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }

  // Unpack each entry with its claimed size as the cap: one that lies is stopped at its claim.
  const out = new Map<string, Buffer>();
  for (const entry of entries) {
    if (entry.local + 30 > buf.length || buf.readUInt32LE(entry.local) !== LOCAL) return { ok: false, refusal: { code: 'zip-broken' } };
    const start = entry.local + 30 + buf.readUInt16LE(entry.local + 26) + buf.readUInt16LE(entry.local + 28);
    if (start + entry.compressed > buf.length) return { ok: false, refusal: { code: 'zip-broken' } };
    const data = buf.subarray(start, start + entry.compressed);
    let unpacked: Buffer;
    if (entry.method === 0) unpacked = Buffer.from(data);
    else {
      try {
        // One byte more than claimed, so an entry that unpacks to more than it claims is seen.
        unpacked = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressed + 1) });
      } catch (error) {
        if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
          return { ok: false, refusal: { code: 'zip-bomb', bytes: entry.uncompressed + 1, max: entry.uncompressed } };
        }
        return { ok: false, refusal: { code: 'zip-broken' } };
      }
    }
    if (unpacked.length !== entry.uncompressed) return { ok: false, refusal: { code: 'zip-bomb', bytes: unpacked.length, max: entry.uncompressed } };
    out.set(entry.name, unpacked);
  }
  return { ok: true, entries: out };
}
