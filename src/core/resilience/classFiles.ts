import type { ResilienceSummary } from './model';

/**
 * Project files that summarised classes extend (`class DeliverWebhookTask extends BaseTask` imported
 * from another file): the scan analyses them too, so a base class's instance or job `attempts` is seen
 * even when its file makes no call itself. `resolve` maps a specifier to a project file (aliases included).
 */
export function extendedFiles(summaries: ReadonlyMap<string, ResilienceSummary>, resolve: (from: string, specifier: string) => string | null): Set<string> {
  const out = new Set<string>();
  for (const [file, s] of summaries) {
    for (const c of s.classes ?? []) {
      const imp = c.base ? s.imports.find((i) => i.local === c.base) : undefined;
      const target = imp ? resolve(file, imp.specifier) : null;
      if (target && !summaries.has(target)) out.add(target);
    }
  }
  return out;
}

/**
 * Whether a file's classes make it a provider for the second pass: a class stating job attempts, or one
 * whose base class (imported) is in a provider (a middle class between a base making `this.axios` and
 * the subclass calling it). A class extending a plain project class (an ORM model) is not: importers
 * of models are not worth analysing for it.
 */
export function classesProvide(file: string, s: ResilienceSummary, isProviderFile: (from: string, specifier: string) => boolean): boolean {
  for (const c of s.classes ?? []) {
    if (c.attempts) return true;
    const imp = c.base ? s.imports.find((i) => i.local === c.base) : undefined;
    if (imp && isProviderFile(file, imp.specifier)) return true;
  }
  return false;
}
