import type { ResilienceSummary } from '../resilience/model';
import { classesProvide, extendedFiles } from '../resilience/classFiles';
import { ProjectModules } from '../resilience/moduleResolver';
import { readProjectJson } from '../resilience/projectFiles';
import { prepareSummary } from '../resilience/resolveSummary';
import type { Placement } from '../scope/placement';
import { connectedToReported, namesNoFile, specifierStem, summaryStems } from './importGraph';

/** What the folder scan's first pass leaves for the resilience pass. */
export interface ResiliencePassInput {
  root: string;
  /** Every listed file (POSIX, root-relative): what imports may resolve to. */
  files: readonly string[];
  /** Summaries of the files analysed so far; the pass adds to it and resolves every specifier in it. */
  summaries: Map<string, ResilienceSummary>;
  /** Files not analysed, with the imports that may name project modules; the pass removes those it analyses. */
  pendingImports: Map<string, string[]>;
  /** Big files outside the reported scopes whose analysis waits (every specifier; their text says generated). */
  deferred: Map<string, { imports: string[]; generated: boolean }>;
  /** Analyses one file now (a forced resilience analysis): its summary, or null when it keeps none. */
  analyseFile: (rel: string) => Promise<ResilienceSummary | null>;
  placement: Placement;
  /** `resilience.scopes`. */
  reported: ReadonlySet<string>;
  /** Whether a file's findings are left out of the report (`generatedText`: its text says it is generated). */
  outOfScope: (rel: string, generatedText: boolean) => boolean;
}

/**
 * The folder scan's resilience pass, after every file went through the first: deferred files joined to a
 * reported file by imports (importGraph.ts), then, to a fixed point, files the network prefilter skipped
 * that import a module making or wrapping calls; then every summary's specifiers resolved for the link
 * phase (aliases, `#imports`, workspace packages). Returns how many deferred files stayed unanalysed.
 */
export async function resiliencePass({ root, files, summaries, pendingImports, deferred, analyseFile, placement, reported, outOfScope }: ResiliencePassInput): Promise<{ deferred: number }> {
  // Second pass, to a fixed point: files the network prefilter skipped but that import a project module
  // making or wrapping calls (`api.get()` on an imported axios instance) are analysed too, and so are
  // files importing those in turn.
  const known = new Set(files);
  const modules = ProjectModules.lazy(known, (rel) => readProjectJson(root, rel));
  // A provider exports something a caller's coverage depends on: an instance, a policy, a function that
  // makes a call, or a re-export of a provider. Only importers of providers need analysing.
  const isProvider = (rel: string, depth = 0): boolean => {
    const sum = summaries.get(rel);
    if (!sum || depth > 8) return false;
    if (sum.instances.length > 0 || sum.policies.length > 0 || sum.defaults.length > 0) return true;
    if (sum.classes && classesProvide(rel, sum, (from, spec) => {
      const target = modules.resolve(from, spec);
      return target !== null && isProvider(target, depth + 1);
    })) return true;
    if (sum.calls.some((c) => c.enclosingExported && c.client.kind !== 'import')) return true;
    const reexported = [...sum.exportAll, ...sum.exports.flatMap((e) => ('specifier' in e ? [e.specifier] : []))];
    return reexported.some((spec) => {
      const target = modules.resolve(rel, spec);
      return target !== null && isProvider(target, depth + 1);
    });
  };
  // Resolving every relative import of thousands of files is the cost of a cached run: first reject
  // specifiers whose last segment cannot name a summarised file (its stem, or its folder for index files).
  const stems = new Set<string>();
  const addStems = (): void => void summaryStems(summaries.keys(), stems);
  // What each specifier can name, worked out once: 30,000 specifiers on the bench corpus, at every round.
  const names = new Map<string, { stem: string; opaque: boolean }>();
  const nameOf = (spec: string): { stem: string; opaque: boolean } => {
    let n = names.get(spec);
    if (!n) names.set(spec, (n = { stem: specifierStem(spec), opaque: namesNoFile(spec) }));
    return n;
  };
  const importsSummarised = (rel: string, specifiers: string[]): boolean =>
    specifiers.some((spec) => {
      const n = nameOf(spec);
      if (!stems.has(n.stem) && !n.opaque) return false;
      const target = modules.resolve(rel, spec);
      return target !== null && isProvider(target);
    });
  const analyse = async (rel: string): Promise<boolean> => {
    const summary = await analyseFile(rel);
    if (!summary) return false;
    summaries.set(rel, summary);
    return true;
  };
  // A deferred file is analysed when a chain of imports joins it to a reported file (importGraph.ts), or
  // when its scope is reported after all (a deferral cached under another `resilience.scopes`).
  if (deferred.size > 0) {
    const importsOf = (rel: string): readonly string[] | undefined => {
      const sum = summaries.get(rel);
      if (sum) return [...sum.imports.map((i) => i.specifier), ...sum.exportAll, ...sum.exports.flatMap((e) => ('specifier' in e ? [e.specifier] : []))];
      return pendingImports.get(rel) ?? deferred.get(rel)?.imports;
    };
    const scopes = new Map<string, boolean>();
    const isReported = (rel: string): boolean => {
      if (deferred.has(rel) || !(summaries.has(rel) || pendingImports.has(rel))) return false;
      let yes = scopes.get(rel);
      if (yes === undefined) scopes.set(rel, (yes = reported.has(placement.scopeOf(rel))));
      return yes;
    };
    const joined = connectedToReported(deferred.keys(), [...summaries.keys(), ...pendingImports.keys(), ...deferred.keys()], importsOf, modules.resolve, isReported);
    for (const [rel, { generated }] of [...deferred]) {
      if (!joined.has(rel) && outOfScope(rel, generated)) continue;
      deferred.delete(rel);
      await analyse(rel);
    }
  }
  // Pending files by the stems their specifiers end in, and those with a specifier naming no file (`.`, bare
  // names): each round looks only at the importers of summarised stems, in listing order.
  const byStem = new Map<string, string[]>();
  const opaque = new Set<string>();
  for (const [rel, specifiers] of pendingImports) {
    for (const spec of new Set(specifiers)) {
      const n = nameOf(spec);
      if (n.opaque) opaque.add(rel);
      else {
        let list = byStem.get(n.stem);
        if (!list) byStem.set(n.stem, (list = []));
        list.push(rel);
      }
    }
  }
  for (let changed = true; changed;) {
    changed = false;
    addStems();
    const extended = extendedFiles(summaries, modules.resolve);
    const candidates = new Set<string>([...extended, ...opaque]);
    for (const st of stems) for (const rel of byStem.get(st) ?? []) candidates.add(rel);
    for (const [rel, specifiers] of pendingImports) {
      if (!candidates.has(rel)) continue;
      if (!extended.has(rel) && !importsSummarised(rel, specifiers)) continue;
      pendingImports.delete(rel);
      if (await analyse(rel)) changed = true;
    }
  }
  // Aliases, `#imports` and workspace packages become relative specifiers for the link phase.
  for (const [rel, sum] of summaries) summaries.set(rel, prepareSummary(rel, sum, modules));
  return { deferred: deferred.size };
}
