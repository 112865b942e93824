/**
 * Which files share a part of the import graph with a reported file. Everything one file's resilience
 * summary does to another's findings (an instance, a policy, a wrapper and its callers, a base class,
 * a re-export, an instance's defaults) travels along import edges, in either direction; only a library's
 * global defaults do not (the scanner never defers a file that may set them). So a file outside the
 * reported scopes that no chain of imports joins to a reported file cannot change a reported finding.
 */

/** The import specifiers a file is known to hold; undefined for a file the graph does not know. */
export type ImportsOf = (file: string) => readonly string[] | undefined;

const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);
const stem = (p: string): string => base(p).replace(/\.[^.]*$/, '');
/**
 * Specifiers whose last segment names their target: a relative import resolves to that name with an
 * extension, or to the index of a folder of that name (moduleResolver.ts); so do aliases and package
 * subpaths (`@/lib/http`, `@acme/http/client`) under `paths` and `exports` maps that keep the name, as the
 * scanner's second pass assumes too. `.`, `..` and bare names (a workspace package's entry) name nothing:
 * those are resolved, once each, before they are read backwards.
 */
const OPAQUE = /^\.\.?\/?$|^(@[^/]+\/)?[^/.]+$/;

/** Whether a specifier's target cannot be told from its last segment (`.`, `..`, a bare package name): see OPAQUE. */
export function namesNoFile(spec: string): boolean {
  return OPAQUE.test(spec);
}

/** A specifier's last segment less its extension (`../http/` and `./http.js`: `http`). */
export function specifierStem(spec: string): string {
  return stem(spec.replace(/\/+$/, ''));
}

/** The stems an import must end in to reach these files: each file's stem, its folder's for an index file (added to `into`). */
export function summaryStems(files: Iterable<string>, into = new Set<string>()): Set<string> {
  for (const f of files) {
    into.add(stem(f));
    if (stem(f) === 'index') into.add(stem(f.slice(0, f.lastIndexOf('/'))));
  }
  return into;
}
/** Extensions an import may write for a script file of another extension (`./a.js` for `a.ts`). */
const WRITTEN = ['.js', '.jsx', '.mjs', '.cjs', '.ts', '.tsx', '.mts', '.cts'];

/**
 * The `starts` connected, through files with known imports, to a file for which `reported` is true.
 * `files`: every file with known imports (importers, for edges read backwards). `resolve` maps a
 * specifier to a project file or null, as the link phase does. Components are walked once each.
 */
export function connectedToReported(
  starts: Iterable<string>,
  files: Iterable<string>,
  importsOf: ImportsOf,
  resolve: (from: string, specifier: string) => string | null,
  reported: (file: string) => boolean,
): Set<string> {
  // Importers by the last segment of what they import (a folder's name for its index file).
  const byName = new Map<string, { file: string; spec: string }[]>();
  const opaque: { file: string; spec: string }[] = [];
  for (const file of files) {
    for (const spec of importsOf(file) ?? []) {
      if (namesNoFile(spec)) {
        opaque.push({ file, spec });
        continue;
      }
      // Keyed by the last segment as written (`./a.js`: `a.js`); importersOf asks for every way to write it.
      let end = spec.length;
      while (end > 0 && spec.charCodeAt(end - 1) === 47) end--;
      const key = spec.slice(spec.lastIndexOf('/', end - 1) + 1, end);
      let list = byName.get(key);
      if (!list) byName.set(key, (list = []));
      list.push({ file, spec });
    }
  }
  // Each group is resolved once, on first use, into importers by target: every import is resolved at most once.
  const resolved = new Map<string, Map<string, string[]>>();
  const group = (key: string, list: readonly { file: string; spec: string }[]): Map<string, string[]> => {
    let byTarget = resolved.get(key);
    if (!byTarget) {
      resolved.set(key, (byTarget = new Map()));
      for (const { file, spec } of list) {
        const target = resolve(file, spec);
        if (target === null) continue;
        let importers = byTarget.get(target);
        if (!importers) byTarget.set(target, (importers = []));
        importers.push(file);
      }
    }
    return byTarget;
  };
  // The names an import of `target` can end in: `a`, `a.ts`, `a.js` for `a.ts` (and the other script
  // extensions), the folder's name for an index file.
  const namesOf = (target: string): string[] => {
    const name = base(target);
    const short = stem(target);
    const names = [name, short, ...WRITTEN.map((e) => short + e)];
    if (short === 'index') names.push(base(target.slice(0, target.lastIndexOf('/'))));
    return [...new Set(names)];
  };
  const importersOf = (target: string): string[] => {
    const out = new Set(group('\0opaque', opaque).get(target) ?? []);
    for (const k of namesOf(target)) for (const f of group(k, byName.get(k) ?? []).get(target) ?? []) out.add(f);
    return [...out];
  };
  const component = new Map<string, { reaches: boolean }>();
  const result = new Set<string>();
  for (const start of starts) {
    let known = component.get(start);
    if (!known) {
      known = { reaches: false };
      const queue = [start];
      component.set(start, known);
      for (let i = 0; i < queue.length && !known.reaches; i++) {
        const at = queue[i]!;
        if (at !== start && reported(at)) {
          known.reaches = true;
          break;
        }
        // A file without known imports ends a chain: it re-exports nothing and calls nothing.
        const imports = importsOf(at);
        if (imports === undefined && at !== start) continue;
        const next = [...(imports ?? []).map((spec) => resolve(at, spec)), ...importersOf(at)];
        for (const n of next) {
          if (n === null) continue;
          const other = component.get(n);
          if (other === known) continue;
          // Another start's part of the graph, walked before: joined to this one, so it shares its answer.
          if (other?.reaches) {
            known.reaches = true;
            break;
          }
          component.set(n, known);
          queue.push(n);
        }
      }
    }
    if (known.reaches) result.add(start);
  }
  return result;
}
