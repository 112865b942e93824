import type { ResilienceSummary } from './model';
import { ProjectModules } from './moduleResolver';
import { readProjectJson } from './projectFiles';
import { prepareSummary } from './resolveSummary';

/**
 * Summaries as the link phase needs them (aliases, `#imports` and workspace packages rewritten to
 * relative specifiers), for the paths that link without a full scan: the editor's per-file updates
 * (an unsaved buffer, a save) and the branch ledger's base. The full scan resolves its own; resolving
 * a summary twice is a no-op. Each summary object is resolved once (cached until the file set changes);
 * project JSON is read on the first alias only, through `readProjectJson` (root null: relative only).
 */
export class SummaryResolver {
  private modules: Pick<ProjectModules, 'resolve' | 'packageEnvironment'> | null = null;
  private files: Set<string> = new Set();
  private resolvedFor = new WeakMap<ResilienceSummary, ResilienceSummary>();

  private readonly json = new Map<string, unknown>();

  constructor(private readonly root: string | null) {}

  /** Forgets what was read and resolved (a full scan replaced the summaries; tsconfig may have changed). */
  clear(): void {
    this.json.clear();
    this.modules = null;
  }

  /** The summaries with their specifiers resolved against `files` (default: the summarised files). */
  resolveAll(summaries: ReadonlyMap<string, ResilienceSummary>, files: Iterable<string> = summaries.keys()): Map<string, ResilienceSummary> {
    const known = new Set(files);
    for (const f of summaries.keys()) known.add(f);
    if (!this.modules || !sameSet(known, this.files)) {
      this.files = known;
      const root = this.root;
      const json = this.json;
      // Project JSON is read once per path until `clear()` (a full scan), not again per file-set change.
      const read = (rel: string): unknown => {
        if (!json.has(rel)) json.set(rel, root === null ? null : readProjectJson(root, rel));
        return json.get(rel);
      };
      this.modules = ProjectModules.lazy(known, read);
      // Other files may now resolve differently: forget what was resolved against the old set.
      this.resolvedFor = new WeakMap();
    }
    const out = new Map<string, ResilienceSummary>();
    for (const [file, summary] of summaries) {
      let r = this.resolvedFor.get(summary);
      if (!r) {
        r = prepareSummary(file, summary, this.modules);
        this.resolvedFor.set(summary, r);
      }
      out.set(file, r);
    }
    return out;
  }
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}
