import { inflateRawSync } from 'node:zlib';

/** One entry of a zip archive: its name and a reader for its (inflated) contents. */
export interface ZipEntry {
  name: string;
  read(): Buffer;
}

/**
 * The entries of a zip archive, read from its central directory (enough for a .vsix: stored or
 * deflated entries, no zip64, no encryption). Small on purpose: the tests only list and read entries,
 * and no zip reader is a direct dependency of the project.
 */
export function zipEntries(zip: Buffer): ZipEntry[] {
  // The end-of-central-directory record is the last 22 bytes plus an optional comment of at most 65,535.
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('not a zip archive: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry at byte ${at}`);
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({
      name,
      read: () => {
        if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
        const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
        const data = zip.subarray(start, start + compressedSize);
        if (method === 0) return data;
        if (method === 8) return inflateRawSync(data);
        throw new Error(`${name}: unsupported compression method ${method}`);
      },
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return entries;
}
