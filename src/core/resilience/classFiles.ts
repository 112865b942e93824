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
