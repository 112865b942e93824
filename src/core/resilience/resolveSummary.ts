import * as path from 'node:path';
import type { ContextCover, ResilienceSummary } from './model';
import type { ProjectModules } from './moduleResolver';

/** A relative specifier from `from` to project file `to` (`./x/y.ts`, `../z.ts`). */
function relativeSpecifier(from: string, to: string): string {
  const rel = path.posix.relative(path.posix.dirname(from), to);
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/**
 * A copy of a file's summary with every alias, `#import` and workspace-package specifier that names a
 * project file rewritten to a relative one, so the link phase (relative resolution only) follows it.
 * Summaries without such specifiers are returned as they are (cached objects are never mutated).
 */
export function resolveSummarySpecifiers(file: string, summary: ResilienceSummary, modules: Pick<ProjectModules, 'resolve'>): ResilienceSummary {
  const aliased = (spec: string): boolean => !spec.startsWith('./') && !spec.startsWith('../');
  if (!summary.imports.some((i) => aliased(i.specifier)) && !summary.exportAll.some(aliased) && !summary.exports.some((e) => 'specifier' in e && aliased(e.specifier))) return summary;
  let changed = false;
  const map = (spec: string): string => {
    if (spec.startsWith('./') || spec.startsWith('../')) return spec;
    const target = modules.resolve(file, spec);
    if (!target) return spec;
    changed = true;
    return relativeSpecifier(file, target);
  };
  const mapContext = (c: ContextCover): ContextCover => (c.kind === 'policy' && c.specifier ? { ...c, specifier: map(c.specifier) } : c);
  const next: ResilienceSummary = {
    ...summary,
    imports: summary.imports.map((i) => ({ ...i, specifier: map(i.specifier) })),
    exports: summary.exports.map((e) => ('specifier' in e ? { ...e, specifier: map(e.specifier) } : e)),
    exportAll: summary.exportAll.map(map),
    calls: summary.calls.map((c) => (c.context.some((x) => x.kind === 'policy' && x.specifier) ? { ...c, context: c.context.map(mapContext) } : c)),
    functionUses: summary.functionUses.map((u) => (u.context.some((x) => x.kind === 'policy' && x.specifier) ? { ...u, context: u.context.map(mapContext) } : u)),
  };
  return changed ? next : summary;
}

/**
 * The summary as the link phase needs it: specifiers resolved, and the package's `browser` field read
 * (a copy only when it says something; cached summaries are never mutated).
 */
export function prepareSummary(file: string, summary: ResilienceSummary, modules: Pick<ProjectModules, 'resolve' | 'packageEnvironment'>): ResilienceSummary {
  const resolved = resolveSummarySpecifiers(file, summary, modules);
  // A file that says where it runs, or a framework file, does not need its package read.
  if (resolved.envHint || resolved.packageEnv || resolved.calls.length === 0) return resolved;
  const env = modules.packageEnvironment(file);
  return env ? { ...resolved, packageEnv: env } : resolved;
}
