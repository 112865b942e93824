import * as path from 'node:path';

/** An empty, `.` or `..` segment (so also a leading, doubled or trailing `/`): `path.join` would change it. */
const REL_NOT_NORMAL = /(?:^|\/)\.{0,2}(?:\/|$)/;
/** A `.` or `..` segment or a doubled `/` in the folder (a trailing `/` is kept by `path.join` too). */
const BASE_NOT_NORMAL = /\/\/|(?:^|\/)\.{1,2}(?:\/|$)/;

/**
 * `path.join(base, rel)`, the same string, for the scan's many reads: when both are already normal (every
 * listed file under a resolved root is) one concatenation instead of `path.join`'s normalisation of the
 * whole string (~3 us a call before it is optimised, ~30 ms over the 10,505 bench files); any other input,
 * and Windows, take `path.join` itself. `rel` is a POSIX path relative to `base`.
 */
export function joinNormal(base: string, rel: string): string {
  if (path.sep !== '/' || base === '' || REL_NOT_NORMAL.test(rel) || !baseIsNormal(base)) return path.join(base, rel);
  return base.endsWith('/') ? base + rel : `${base}/${rel}`;
}

// A scan joins one root with every file: the last folder's answer is kept.
let lastBase = '';
let lastBaseNormal = false;
function baseIsNormal(base: string): boolean {
  if (base !== lastBase) {
    lastBaseNormal = !BASE_NOT_NORMAL.test(base);
    lastBase = base;
  }
  return lastBaseNormal;
}
