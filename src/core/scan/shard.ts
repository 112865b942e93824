import { createHash } from 'node:crypto';

/** One slice of a sharded scan: `index` from 1 to `count` (as CI systems number their parallel jobs). */
export interface Shard {
  index: number;
  count: number;
}

/** `"2/4"` -> { index: 2, count: 4 }; throws with the expected form otherwise. */
export function parseShard(text: string): Shard {
  const m = /^(\d{1,4})\/(\d{1,4})$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) throw new Error(`--shard: expected i/n with 1 <= i <= n (e.g. 1/4), got "${text}"`);
  return { index, count };
}

/**
 * Whether a file (POSIX path relative to the scan root) belongs to a shard: by a hash of its path, so the
 * slice is deterministic on every machine, balanced, and a file added elsewhere never moves other files
 * between shards.
 */
export function inShard(rel: string, shard: Shard | undefined): boolean {
  if (!shard || shard.count === 1) return true;
  return createHash('sha1').update(rel).digest().readUInt32BE(0) % shard.count === shard.index - 1;
}
