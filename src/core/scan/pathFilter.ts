import picomatch from 'picomatch';
import { escapeRegExp } from './regex';

/** A test on POSIX paths relative to the scan root. */
export type PathTest = (relPath: string) => boolean;

/**
 * Compiles exclude entries. A bare name (`node_modules`) matches that folder or file at any depth;
 * anything with a `/` or a glob character is a glob on the relative path (`src/legacy/**`, `**\/*.gen.ts`).
 * A glob that names a folder also excludes what is inside it.
 */
export function compileExcludes(patterns: readonly string[]): PathTest {
  const { names, globs } = splitExcludes(patterns);
  // picomatch's own matcher, without its result object and match array per call (the walk asks for every
  // entry): the same answer, `input !== '' && (input === glob || regex.exec(input))`, as a boolean.
  const globRes = globs.map((g) => ({ glob: g, re: picomatch.makeRe(g, { dot: true }) }));
  const glob = (relPath: string): boolean => relPath !== '' && globRes.some((g) => relPath === g.glob || g.re.test(relPath));
  // A name as a whole segment: one regex test, not an array of segments per path.
  const named = names.size > 0 ? new RegExp(`(?:^|/)(?:${[...names].map(escapeRegExp).join('|')})(?:/|$)`) : null;
  return (relPath) => (named !== null && named.test(relPath)) || (globRes.length > 0 && glob(relPath));
}

/**
 * True when the file name ends with one of the extensions, or is one of the file names listed with them
 * (`dockerfile`, or `dockerfile.*` for `Dockerfile.dev`). The set holds lower-case entries.
 */
export function hasExtension(relPath: string, extensions: ReadonlySet<string>): boolean {
  const base = relPath.slice(relPath.lastIndexOf('/') + 1).toLowerCase();
  if (extensions.has(base) || (base.indexOf('.') > 0 && extensions.has(`${base.slice(0, base.indexOf('.'))}.*`))) return true;
  const dot = relPath.lastIndexOf('.');
  return dot > relPath.lastIndexOf('/') && extensions.has(relPath.slice(dot).toLowerCase());
}

/** Exclude entries as bare names and globs (each glob also as the glob of what is inside it). */
export function splitExcludes(patterns: readonly string[]): { names: Set<string>; globs: string[] } {
  const names = new Set<string>();
  const globs: string[] = [];
  for (const p of patterns) {
    const trimmed = p.replace(/^\.\//, '').replace(/\/+$/, '');
    if (/[/*?[\]{}!]/.test(trimmed)) globs.push(trimmed, `${trimmed}/**`);
    else names.add(trimmed);
  }
  return { names, globs };
}

/**
 * `hasExtension` against one set, compiled: the extension test first (most paths answer there) and the
 * file-name tests only when the set holds a file name (`dockerfile`, `makefile.*`, `.eslintrc.json`). An
 * entry like `.ts` (a dot, then no other dot) can only ever match through the extension test, so a set of
 * those alone needs nothing else: the same answers as `hasExtension`, without its two slices, the
 * lower-casing of the whole name and the `name.*` string per path (the walk asks for every file).
 */
export function extensionTest(extensions: ReadonlySet<string>): PathTest {
  const namesToo = [...extensions].some((e) => !e.startsWith('.') || e.indexOf('.', 1) >= 0);
  return (relPath) => {
    const dot = relPath.lastIndexOf('.');
    if (dot > relPath.lastIndexOf('/') && extensions.has(relPath.slice(dot).toLowerCase())) return true;
    return namesToo && hasExtension(relPath, extensions);
  };
}
